// The widgets' first views as HTML, for pages that paint them before any script runs: for each
// widget of packages/elements/widgets.json and each language, `<dir>/prerendered/<tag>.<lang>.html`
// holds the tag with its shadow root as a declarative `<template shadowrootmode="open">` (styles
// included), rendered by Lit's SSR at build time. dvc-loader.js hydrates it in place. The search's
// form is a plain GET form, so it also works with scripting off.
//
// Beside each file, `<dir>/prerendered/<tag>.<lang>.js` holds the same first view as a module the
// loader imports for a bare tag: its styles and its shadow root's nodes as data, which the loader
// builds with DOM calls (no HTML parsing, so a page's Trusted Types and style-src policies hold), to
// paint the widget before its script has come; Lit then hydrates it as it hydrates pasted markup.
//
// `npm run build` calls it after the CDN bundle (`node scripts/prerender.mjs [cdn folder]`); the
// journeys call prerender() on their own bundle. The elements are bundled for Node first (their
// sources use decorators), with Lit left to Node's own resolution so that the renderer and the
// elements share one Lit, its server build.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseFragment } from 'parse5';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import { minifyTemplates } from '../rollup.config.mjs';
import widgetList from '../packages/elements/widgets.json' with { type: 'json' };

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const LANGUAGES = /** @type {const} */ (['vi', 'en']);

/** Lit and its labs stay external: one copy for the renderer and the elements. */
const LIT = /^(lit|lit-html|lit-element|@lit\/reactive-element|@lit\/localize|@lit-labs\/[^/]+)(\/|$)/;

/** The file a widget's prerendered markup is written to, inside the CDN folder. */
export const prerenderedFile = (tag, lang) => `prerendered/${tag}.${lang}.html`;

/** The module holding the same first view for the loader, inside the CDN folder. */
export const firstViewFile = (tag, lang) => `prerendered/${tag}.${lang}.js`;

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

/**
 * A node of the shadow root as data (the loader's `FirstViewNode`): text as a string, a comment as
 * `[0, text]` (Lit's hydration markers are comments), an element as `[name, attributes, ...children]`,
 * its name prefixed `svg:` in SVG.
 */
function asData(node) {
  if (node.nodeName === '#text') return node.value;
  if (node.nodeName === '#comment') return [0, node.data];
  const name = node.namespaceURI === SVG_NAMESPACE ? `svg:${node.tagName}` : node.tagName;
  const attributes = Object.fromEntries(node.attrs.map((attribute) => [attribute.name, attribute.value]));
  const children = (node.tagName === 'template' ? node.content : node).childNodes;
  return [name, attributes, ...children.map(asData)];
}

/**
 * The pasteable markup as the loader's module: the shadow root's styles, its other nodes as data,
 * and what the view says should the widget's script not come (`failed`), or the page's own policy
 * refuse it (`refused`).
 */
function firstViewModule(markup, tag, { failed, refused }) {
  const host = parseFragment(markup).childNodes.find((node) => node.tagName === tag);
  const root = host?.childNodes.find((node) => node.tagName === 'template' && node.attrs.some((a) => a.name === 'shadowrootmode'));
  if (!root) throw new Error(`prerender: no declarative shadow root in <${tag}>`);
  const styles = [];
  const nodes = [];
  for (const node of root.content.childNodes) {
    if (node.tagName === 'style') styles.push(node.childNodes.map((text) => text.value).join(''));
    else nodes.push(asData(node));
  }
  return `export default ${JSON.stringify({ styles: styles.join('\n'), nodes, failed, refused })};\n`;
}

/**
 * The elements (every widget registered, and setLocale) and the first views' failure message,
 * bundled for Node into a throwaway folder.
 */
async function bundleElements() {
  // Inside the repository, so the external imports resolve from its node_modules.
  const cache = join(root, 'node_modules/.cache');
  await mkdir(cache, { recursive: true });
  const dir = await mkdtemp(join(cache, 'dvc-prerender-'));
  const bundle = await rollup({
    input: {
      elements: join(root, 'packages/elements/src/index.ts'),
      'load-failure': join(root, 'packages/elements/src/shared/load-failure.ts'),
    },
    external: (id) => LIT.test(id),
    plugins: [
      nodeResolve({ exportConditions: ['source', 'node'], extensions: ['.ts', '.js'] }),
      esbuild({ target: 'es2022', tsconfig: join(root, 'tsconfig.json'), include: /\.ts$/ }),
      // As in the CDN bundle: hydration finds a template by a digest of its strings.
      minifyTemplates(),
    ],
    onwarn: (warning, warn) => { if (warning.code !== 'CIRCULAR_DEPENDENCY') warn(warning); },
  });
  await bundle.write({ dir, format: 'es', entryFileNames: '[name].mjs' });
  await bundle.close();
  return {
    entry: join(dir, 'elements.mjs'),
    loadFailure: join(dir, 'load-failure.mjs'),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/**
 * The element as a webmaster pastes it: without the markers of the template around it (nothing
 * hydrates that) and without the attributes its defaults reflected (`api-base=""`); the markers
 * inside its shadow root are what the element hydrates.
 */
function pasteable(markup, tag) {
  const start = markup.indexOf(`<${tag}`);
  const end = markup.lastIndexOf(`</${tag}>`) + `</${tag}>`.length;
  if (start < 0 || end < start) throw new Error(`prerender: no <${tag}> in its own markup`);
  const element = markup.slice(start, end);
  return `<${tag}>${element.slice(element.indexOf('>') + 1)}`;
}

/**
 * Writes every widget's prerendered markup in every language into `<cdnDir>/prerendered/`.
 * Returns the files written, relative to cdnDir.
 */
export async function prerender(cdnDir) {
  // Lit's SSR first: it patches LitElement before the elements' classes are evaluated.
  const { render } = await import('@lit-labs/ssr');
  const { collectResultSync } = await import('@lit-labs/ssr/lib/render-result.js');
  const { html, unsafeStatic } = await import('lit/static-html.js');
  const elements = await bundleElements();
  const written = [];
  // @lit/localize announces a change of language on `window`, the one browser global it needs here.
  const hadWindow = 'window' in globalThis;
  globalThis.window ??= new EventTarget();
  try {
    const { setLocale } = await import(pathToFileURL(elements.entry).href);
    const { loadFailureMessages } = await import(pathToFileURL(elements.loadFailure).href);
    await mkdir(join(cdnDir, 'prerendered'), { recursive: true });
    for (const lang of LANGUAGES) {
      await setLocale(lang);
      for (const { tag } of widgetList.widgets) {
        const markup = collectResultSync(render(html`<${unsafeStatic(tag)}></${unsafeStatic(tag)}>`));
        const file = prerenderedFile(tag, lang);
        const element = pasteable(markup, tag);
        await writeFile(join(cdnDir, file), `${element}\n`);
        await writeFile(join(cdnDir, firstViewFile(tag, lang)), firstViewModule(element, tag, loadFailureMessages()));
        written.push(file, firstViewFile(tag, lang));
      }
    }
  } finally {
    if (!hadWindow) delete globalThis.window;
    await elements.remove();
  }
  return written;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const cdnDir = resolve(root, process.argv[2] ?? 'dist/cdn');
  const files = await prerender(cdnDir);
  if (!process.argv.includes('--silent')) console.log(`    ${files.length} files: every widget in ${LANGUAGES.join(' and ')}, as markup and as the loader's module`);
}
