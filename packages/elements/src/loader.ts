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
 * A bare tag in the page gets the same first view from the loader, before its script: the
 * prerendered view in the page's language (`prerendered/<tag>.<lang>.js`, a few kB as sent), built
 * with DOM calls into the tag's shadow root. The citizen reads the form and types into it while
 * Lit and the widget arrive; the widget then hydrates it like pasted markup, keeping what was typed.
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
const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

/**
 * A node of a widget's first view, as scripts/prerender.mjs writes it: text, a comment (`[0, text]`:
 * Lit's hydration markers), or an element (`[name, attributes, ...children]`, `svg:` before a name in SVG).
 */
type FirstViewNode = string | [0, string] | [string, Record<string, string>, ...FirstViewNode[]];
/** A widget's first view: the styles of its shadow root, the nodes in it, and what it says should the widget's script not come. */
interface FirstView {
  styles: string;
  nodes: FirstViewNode[];
  failed: string;
}

/** A phone's network drops a request now and then: a widget's entry is asked for again after these waits. */
const RETRY_WAITS_MS = [1000, 4000];

const requested = new Set<string>();
/** The widgets asked for whose entry has not loaded, nor failed to, yet. */
const loading = new Set<string>();
/**
 * The first views painted, by tag, until the widget has loaded: the view, its language, its styles
 * (parsed once, adopted by every root) and the roots it was painted into.
 */
const firstViews = new Map<string, { view: FirstView; lang: string; styles: CSSStyleSheet; roots: ShadowRoot[] }>();
const preloaded = new Set<string>();
/** Lit's hydration, once a widget is prerendered or gets its first view here; every widget loads after it. */
let hydration: Promise<unknown> | undefined;

/**
 * Asks the browser for a widget's entry or chunk now, without running it. Without this the chunks
 * are only requested once the entry has arrived and been parsed: one more round trip before the
 * widget works; and the entry waits for the first view and the hydration.
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

/** The page's language as the widgets read it (shared/locale.ts): `en`/`en-*` is English, anything else Vietnamese. */
function pageLanguage(): 'en' | 'vi' {
  return /^en(-|$)/i.test((document.documentElement.getAttribute('lang') ?? '').trim()) ? 'en' : 'vi';
}

/** One node of a first view, made with DOM calls: nothing is parsed as HTML. */
function build(node: FirstViewNode): Node {
  if (typeof node === 'string') return document.createTextNode(node);
  if (node[0] === 0) return document.createComment(node[1]);
  const [name, attributes, ...children] = node;
  const element = name.startsWith('svg:') ? document.createElementNS(SVG_NAMESPACE, name.slice(4)) : document.createElement(name);
  for (const [attribute, value] of Object.entries(attributes)) element.setAttribute(attribute, value);
  element.append(...children.map(build));
  return element;
}

type Widget = Element & { hasUpdated?: boolean; updateComplete?: Promise<unknown> };

/**
 * A form of a first view is not sent as a page would send it (the widget's fields are its own, and
 * an identity number must never reach an address): Enter pressed before the widget has taken its
 * view over is kept, and the form is sent to the widget once it has.
 */
function holdSubmissions(element: Widget, root: ShadowRoot): void {
  let held = false;
  root.addEventListener('submit', (event) => {
    if (element.hasUpdated) return;
    event.preventDefault();
    if (held) return;
    held = true;
    const form = event.target as HTMLFormElement;
    const submitter = (event as SubmitEvent).submitter;
    void customElements.whenDefined(element.localName).then(() => element.updateComplete).then(() => {
      if (form.isConnected) form.requestSubmit(submitter?.isConnected ? submitter : null);
    });
  }, true);
}

/** Gives each bare element the widget's first view, unless its script was quicker; the roots painted. */
function paint(elements: readonly Element[], view: FirstView, styles: CSSStyleSheet): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  for (const element of elements) {
    if (element.shadowRoot || !element.isConnected || customElements.get(element.localName)) continue;
    const root = element.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [styles];
    root.append(...view.nodes.map(build));
    holdSubmissions(element, root);
    roots.push(root);
  }
  return roots;
}

/**
 * A first view whose widget could not be loaded: a form that does nothing gives way to saying so.
 * Focus inside the view moves to the message, so that it is not lost to the page's start.
 */
function showFailure(root: ShadowRoot, text: string, lang: string): void {
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.setAttribute('part', 'load-failure');
  message.className = 'load-failure';
  message.lang = lang;
  message.tabIndex = -1;
  message.textContent = text;
  const hadFocus = root.activeElement !== null;
  root.replaceChildren(message);
  if (hadFocus) message.focus();
}

/**
 * Paints the first view into the bare widgets `elements` (no shadow root yet). Should the view not
 * come, the widgets draw themselves, as they would without it.
 */
async function paintFirstView(tag: string, elements: readonly Element[]): Promise<void> {
  try {
    const lang = pageLanguage();
    const view = ((await import(new URL(`./prerendered/${tag}.${lang}.js`, import.meta.url).href)) as { default: FirstView }).default;
    const styles = new CSSStyleSheet();
    styles.replaceSync(view.styles);
    firstViews.set(tag, { view, lang, styles, roots: paint(elements, view, styles) });
  } catch (error: unknown) {
    console.warn(`DVC Kit: <${tag}> is drawn by its script, without its first view`, error);
  }
}

/**
 * Imports a widget's entry, and again after a failure (under another address the second and third
 * time: Firefox keeps a failed module's answer for its address).
 */
async function importEntry(tag: string): Promise<void> {
  const entry = new URL(`./${tag}.js`, import.meta.url);
  for (let attempt = 0; ; attempt++) {
    try {
      await import(entry.href);
      return;
    } catch (error: unknown) {
      const wait = RETRY_WAITS_MS[attempt];
      if (wait === undefined || customElements.get(tag)) throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
      entry.searchParams.set('attempt', String(attempt + 2));
    }
  }
}

/** True for a widget of the kit that is neither defined nor asked for yet. */
function wanted(tag: string): boolean {
  return Object.hasOwn(WIDGETS, tag) && !requested.has(tag) && customElements.get(tag) === undefined;
}

/**
 * Imports the widget registered as `tag` once `painted` (its first view) has settled, and Lit's
 * hydration with it. Should it not load after its retries, its first views say so.
 */
function load(tag: string, painted: Promise<void>): void {
  requested.add(tag);
  loading.add(tag);
  // Relative to the loader's own address, so the kit works from any CDN folder.
  for (const file of [`./${tag}.js`, ...WIDGETS[tag]!]) preload(file);
  painted.then(() => hydration).then(() => importEntry(tag)).finally(() => {
    loading.delete(tag);
  }).then(
    () => void firstViews.delete(tag),
    (error: unknown) => {
      const views = firstViews.get(tag);
      firstViews.delete(tag);
      // Defined all the same (by another copy of the kit on the page): it works, and says nothing.
      if (customElements.get(tag)) return;
      console.error(`DVC Kit: <${tag}> could not be loaded`, error);
      if (!views) return;
      views.styles.insertRule('.load-failure{margin:0;padding:var(--_dvc-space);border-inline-start:.25rem solid var(--_dvc-color-danger)}');
      for (const root of views.roots) showFailure(root, views.view.failed, views.lang);
    },
  );
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
  const tags = [...new Set(widgets.map((element) => element.localName))].filter(wanted);
  // The bare widgets' first views are asked for first, before the scripts take the connections:
  // they are the few kB the citizen sees while the rest comes. Lit's hydration comes next.
  const painted = new Map(tags.map((tag) => {
    const bare = widgets.filter((element) => element.localName === tag && element.shadowRoot === null);
    return [tag, bare.length > 0 ? paintFirstView(tag, bare) : Promise.resolve()];
  }));
  const prerendered = widgets.some((element) => element.shadowRoot !== null && Object.hasOwn(WIDGETS, element.localName));
  if (prerendered || widgets.some((element) => element.shadowRoot === null && tags.includes(element.localName))) hydrate();
  for (const tag of tags) load(tag, painted.get(tag)!);
  // Added while their widget is still loading, once its first view has come: painted as well.
  for (const element of widgets) {
    const views = tags.includes(element.localName) ? undefined : firstViews.get(element.localName);
    if (views && element.shadowRoot === null) views.roots.push(...paint([element], views.view, views.styles));
  }
}

// Watch first, then look: an element parsed or inserted in between is caught either way.
const observer = new MutationObserver((records) => {
  for (const record of records) {
    for (const node of record.addedNodes) if (node instanceof Element) discover(node);
  }
  // Once every widget has been asked for and has loaded, there is nothing left to watch for (while
  // one loads, a tag added gets its first view).
  if (requested.size === Object.keys(WIDGETS).length && loading.size === 0) observer.disconnect();
});
observer.observe(document, { childList: true, subtree: true });
discover(document);
