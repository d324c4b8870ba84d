/**
 * The CDN loader, `dvc-loader.js`: the one script a page needs, whatever widgets it holds.
 *
 * ```html
 * <script type="module" src="https://YOUR-CDN/dvc-kit/dvc-loader.js"></script>
 * <dvc-dossier-tracker></dvc-dossier-tracker>
 * ```
 *
 * It imports a widget's own CDN entry (`dvc-dossier-tracker.js`, beside the loader) when the widget's
 * tag is first seen: in the page as parsed, or added later anywhere in the document (a
 * MutationObserver on the light DOM). Tags inside a shadow root are seen once the root is handed to
 * {@link discover}. Only the kit's widgets are loaded, each once; any other `dvc-*` tag is left
 * alone (a portal may have elements of its own with that prefix).
 *
 * A widget pasted prerendered (its shadow root already in the page, `dist/cdn/prerendered/`) is
 * hydrated in place: Lit's hydration (`dvc-hydrate.js`) is loaded before the widgets, since it
 * must be in place before Lit defines their classes.
 *
 * This module runs from the CDN build only: the build writes the widget list into it.
 */

/**
 * Each widget the loader may load: its tag, and the chunks its CDN entry imports statically (paths
 * relative to this file). Written in by the CDN build (rollup.config.mjs, from
 * packages/elements/widgets.json and the entries it built).
 */
declare const __DVC_WIDGETS__: Readonly<Record<string, readonly string[]>>;

const WIDGETS = __DVC_WIDGETS__;
const requested = new Set<string>();
const preloaded = new Set<string>();
/** Lit's hydration, once a prerendered widget has been seen; every widget loads after it. */
let hydration: Promise<unknown> | undefined;

/**
 * Asks the browser for a chunk now, without running it. Without this the chunks are only requested
 * once the widget's entry has arrived and been parsed: one more round trip before the widget shows.
 */
function preload(file: string): void {
  const href = new URL(file, import.meta.url).href;
  if (preloaded.has(href)) return;
  preloaded.add(href);
  const link = document.createElement('link');
  link.rel = 'modulepreload';
  link.href = href;
  (document.head ?? document.documentElement).append(link);
}

/** Imports the widget registered as `tag`, unless it is not one of the kit's, is already defined or was asked for. */
function load(tag: string): void {
  const chunks = Object.hasOwn(WIDGETS, tag) ? WIDGETS[tag] : undefined;
  if (!chunks || requested.has(tag) || customElements.get(tag) !== undefined) return;
  requested.add(tag);
  for (const chunk of chunks) preload(chunk);
  // Relative to the loader's own address, so the kit works from any CDN folder.
  const entry = new URL(`./${tag}.js`, import.meta.url).href;
  (hydration ?? Promise.resolve()).then(() => import(entry)).catch((error: unknown) => {
    console.error(`DVC Kit: <${tag}> could not be loaded`, error);
  });
}

type HydrateSupport = (lit: { LitElement: unknown }) => void;
const litHooks = globalThis as { litElementHydrateSupport?: HydrateSupport };

/**
 * Loads Lit's hydration, once. Lit hands LitElement to `litElementHydrateSupport` as it defines it,
 * which may be before the hydration has run (the bundle may put Lit in the chunk the hydration
 * imports): a stand-in keeps LitElement until then, and the hydration gets it before any widget is
 * defined. Should it fail to load, the widgets still work: they draw their roots anew.
 */
function hydrate(): void {
  if (hydration) return;
  let lit: { LitElement: unknown } | undefined;
  const standIn: HydrateSupport = (found) => { lit = found; };
  litHooks.litElementHydrateSupport ??= standIn;
  hydration = import(new URL('./dvc-hydrate.js', import.meta.url).href).then(() => {
    const support = litHooks.litElementHydrateSupport;
    if (lit && support && support !== standIn) support(lit);
  }).catch((error: unknown) => {
    console.error('DVC Kit: prerendered widgets could not be hydrated', error);
  });
}

/**
 * Loads the widgets used in `root` (an element, its descendants, or a whole shadow root). The
 * loader calls it for the document and for everything added to it later; call it yourself for a
 * shadow root of your own that holds DVC Kit widgets.
 */
export function discover(root: ParentNode): void {
  const found = [...root.querySelectorAll(':not(:defined)')];
  if (root instanceof Element) found.unshift(root);
  const widgets = found.filter((element) => element.localName.startsWith('dvc-'));
  if (widgets.some((element) => element.shadowRoot !== null && Object.hasOwn(WIDGETS, element.localName))) hydrate();
  for (const element of widgets) load(element.localName);
}

// Watch first, then look: an element parsed or inserted in between is caught either way.
const observer = new MutationObserver((records) => {
  for (const record of records) {
    for (const node of record.addedNodes) if (node instanceof Element) discover(node);
  }
  // Once every widget has been asked for, there is nothing left to watch for.
  if (requested.size === Object.keys(WIDGETS).length) observer.disconnect();
});
observer.observe(document, { childList: true, subtree: true });
discover(document);
