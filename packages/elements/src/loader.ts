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
  import(new URL(`./${tag}.js`, import.meta.url).href).catch((error: unknown) => {
    console.error(`DVC Kit: <${tag}> could not be loaded`, error);
  });
}

/**
 * Loads the widgets used in `root` (an element, its descendants, or a whole shadow root). The
 * loader calls it for the document and for everything added to it later; call it yourself for a
 * shadow root of your own that holds DVC Kit widgets.
 */
export function discover(root: ParentNode): void {
  if (root instanceof Element && root.localName.startsWith('dvc-')) load(root.localName);
  for (const element of root.querySelectorAll(':not(:defined)')) {
    if (element.localName.startsWith('dvc-')) load(element.localName);
  }
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
