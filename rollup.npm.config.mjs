// npm builds of @dvc-kit/sdk and @dvc-kit/elements: ES modules, one output file per source module
// (so each entry, and each widget, is importable on its own and bundlers tree-shake by module),
// next to the `.d.ts` files tsc emits (packages/*/tsconfig.build.json). `npm run build` runs this
// after the CDN build (rollup.config.mjs).
//
// Every bare import stays external: lit, @lit/localize, ky and @dvc-kit/sdk come from the app's
// node_modules, so an app that also uses them (or two widgets) has one copy. The element modules
// keep their side effects (customElements.define): nothing here marks them side-effect free.
import { rmSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import esbuild from 'rollup-plugin-esbuild';
import { minifyTemplates } from './rollup.config.mjs';
import widgetList from './packages/elements/widgets.json' with { type: 'json' };

const cleanOutput = (dir) => ({ name: 'clean-output', buildStart: () => rmSync(dir, { recursive: true, force: true }) });

/** Relative and absolute ids are this package's own modules; every bare specifier is a dependency. */
const external = (id) => !id.startsWith('.') && !isAbsolute(id) && !id.startsWith('\0');

/** @param {string} pkg @param {Record<string, string>} input @param {import('rollup').Plugin[]} extra */
const npmBuild = (pkg, input, extra = []) => ({
  input,
  external,
  output: {
    dir: `packages/${pkg}/dist`,
    format: 'es',
    preserveModules: true,
    preserveModulesRoot: `packages/${pkg}/src`,
    entryFileNames: '[name].js',
    sourcemap: true,
  },
  plugins: [
    cleanOutput(`packages/${pkg}/dist`),
    esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', include: /\.ts$/ }),
    ...extra,
  ],
});

export default [
  npmBuild('sdk', { index: 'packages/sdk/src/index.ts' }),
  npmBuild(
    'elements',
    {
      index: 'packages/elements/src/index.ts',
      // One entry per widget (packages/elements/widgets.json).
      ...Object.fromEntries(widgetList.widgets.map(({ folder }) => [`${folder}/index`, `packages/elements/src/${folder}/index.ts`])),
    },
    // Templates and styles lose their indentation; code stays readable (apps minify it).
    [minifyTemplates()],
  ),
];
