// Custom Elements Manifest of @dvc-kit/elements (analyzer 0.11, Lit plugin).
// `npm run manifest` writes packages/elements/custom-elements.json (and, from it, the VS Code custom
// data and the React JSX types); `npm test` fails when any of them drifts from the sources.
// Run from the repository root (scripts/manifest.mjs does).
import widgetList from './packages/elements/widgets.json' with { type: 'json' };

/** Module paths as a consumer of the npm package sees them: `packages/elements/src/a/b.ts` → `dist/a/b.js`. */
function toPackagePath(path) {
  return path.replace(/^\/?packages\/elements\/src\//, 'dist/').replace(/\.ts$/, '.js');
}

/** What a page may use: no private or `#private` members, no Lit plumbing (`styles`). */
function publicApiOnly() {
  return {
    name: 'dvc-public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          // Events are declared with @fires; the analyzer also reads emit()'s own dispatchEvent(type),
          // whose name is a variable, as an event called "type".
          if (declaration.events) declaration.events = declaration.events.filter((event) => event.description);
          if (!declaration.members) continue;
          declaration.members = declaration.members.filter(
            (member) => member.privacy !== 'private' && member.privacy !== 'protected' && !member.name.startsWith('#') && !(member.static && member.name === 'styles'),
          );
        }
      }
    },
  };
}

/** Rewrites every module path and reference to the published files. */
function packagePaths() {
  const visit = (value) => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      if ((key === 'path' || key === 'module') && typeof child === 'string') value[key] = toPackagePath(child);
      else visit(child);
    }
  };
  return { name: 'dvc-package-paths', packageLinkPhase: ({ customElementsManifest }) => visit(customElementsManifest.modules) };
}

/** The widgets' folders (packages/elements/widgets.json): `src/<folder>/<folder>.ts` holds the element class, `src/<folder>/index.ts` registers it. */
const widgets = widgetList.widgets.map((widget) => widget.folder);

export default {
  // The public surface only: the entries, the element classes and the base they inherit `api-base`
  // from (not styles, views or helpers).
  globs: ['packages/elements/src/index.ts', 'packages/elements/src/shared/dvc-element.ts', ...widgets.flatMap((name) => [`packages/elements/src/${name}/index.ts`, `packages/elements/src/${name}/${name}.ts`])],
  outdir: 'packages/elements',
  litelement: true,
  packagejson: false,
  dependencies: false,
  plugins: [publicApiOnly(), packagePaths()],
};
