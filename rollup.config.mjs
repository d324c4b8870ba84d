// CDN build of the widgets: what a webmaster pastes with one <script type="module"> tag.
// Lit, @lit/localize, ky and the SDK are bundled; each widget's vi messages (and the shared ones)
// are in the widget's own files, so a Vietnamese page paints Vietnamese with no second request.
// Never mark the element modules side-effect free: their customElements.define() must survive.
// dvc-loader.js loads only the widgets a page uses, each from its entry (packages/elements/src/loader.ts).
// dvc-hydrate.js is Lit's hydration, which the loader loads first for prerendered widgets.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';
import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import { rmSync } from 'node:fs';
import widgetList from './packages/elements/widgets.json' with { type: 'json' };

/** Old chunks have hashed names: without this, the output folder keeps every build's leftovers. */
const cleanOutput = () => ({
  name: 'clean-output',
  // The folder actually written to (also when overridden with -d), just before writing.
  renderStart: (options) => { if (options.dir) rmSync(options.dir, { recursive: true, force: true }); },
});

export default {
  input: {
    'dvc-kit': 'packages/elements/src/index.ts',
    // One entry per widget, named by its tag (packages/elements/widgets.json).
    ...Object.fromEntries(widgetList.widgets.map((widget) => [widget.tag, `packages/elements/src/${widget.folder}/index.ts`])),
    'dvc-loader': 'packages/elements/src/loader.ts',
    // Lit's hydration of prerendered markup (scripts/prerender.mjs): the loader imports it first
    // when a widget on the page already has its shadow root.
    'dvc-hydrate': '@lit-labs/ssr-client/lit-element-hydrate-support.js',
  },
  // A widget's entry may export what its later chunks import from it: without this, rollup moves
  // the search's code into a chunk behind a one-line entry, one more request before it paints.
  preserveEntrySignatures: 'allow-extension',
  output: {
    dir: 'dist/cdn',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    sourcemap: true,
    manualChunks: litChunk,
    // Chunks under 2 kB (a Lit directive, a decorator, the announcer) join the ones they load with:
    // on a slow network each file's request and headers cost more than its few bytes save.
    experimentalMinChunkSize: 2 * 1024,
  },
  plugins: [
    cleanOutput(),
    nodeResolve({ exportConditions: ['source', 'browser'], extensions: ['.ts', '.js'] }),
    esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', include: /\.ts$/ }),
    loaderWidgets(),
    minifyTemplates(),
    terser({ ecma: 2022, module: true, format: { comments: false } }),
  ],
};

/**
 * Lit and @lit/localize, which every widget needs to paint, in one chunk that widgets on a page
 * share. Only these are named: a manual chunk takes in what its modules import, and the kit's
 * shared modules reach the API client through the SDK's index, which must stay out of a widget's
 * first download (shared/api-client.ts loads it on first need).
 */
export function litChunk(id) {
  return /[\\/]node_modules[\\/](lit|lit-html|lit-element|@lit[\\/](reactive-element|localize))[\\/]/.test(id) ? 'lit' : undefined;
}

/**
 * Writes into dvc-loader.js (in place of `__DVC_WIDGETS__`) the widgets it may load: each tag of
 * packages/elements/widgets.json with the chunks its entry imports, directly or not, so the loader
 * can preload them alongside the entry. The names carry rollup's hash placeholders, which rollup
 * replaces with the final hashes in every chunk it writes. Before terser, which then minifies it.
 */
export function loaderWidgets() {
  return {
    name: 'dvc-loader-widgets',
    renderChunk(code, chunk, _options, { chunks }) {
      if (chunk.name !== 'dvc-loader' || !chunk.isEntry) return null;
      const staticImports = (fileName, found = new Set()) => {
        for (const imported of chunks[fileName]?.imports ?? []) {
          if (!found.has(imported)) staticImports(imported, found.add(imported));
        }
        return found;
      };
      const widgets = {};
      for (const { tag } of widgetList.widgets) {
        if (!chunks[`${tag}.js`]) this.error(`dvc-loader: no entry ${tag}.js was built`);
        widgets[tag] = [...staticImports(`${tag}.js`)].sort();
      }
      if (!code.includes('__DVC_WIDGETS__')) this.error('dvc-loader: __DVC_WIDGETS__ not found in the loader');
      // One identifier replaced on its own line: the source map's lines stay right.
      return { code: code.replace('__DVC_WIDGETS__', JSON.stringify(widgets)), map: null };
    },
  };
}

/**
 * Lit templates minified with the minifier's own defaults, but whitespace collapsed to one space,
 * never removed: the space in `${number} — ${title}` or before "(ban hành …)" is text people read.
 */
export function minifyTemplates() {
  return minifyHtmlLiterals({
    options: {
      minifyOptions: {
        caseSensitive: true, collapseWhitespace: true, conservativeCollapse: true, decodeEntities: true,
        minifyCSS: { minify: true }, minifyJS: true, processConditionalComments: true, removeAttributeQuotes: false,
        removeComments: true, removeEmptyAttributes: true, removeScriptTypeAttributes: true,
        removeStyleLinkTypeAttributes: true, useShortDoctype: true,
      },
    },
  });
}
