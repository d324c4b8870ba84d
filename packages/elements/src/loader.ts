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
/**
 * A widget's first view: the styles of its shadow root, the nodes in it, and what it says should the
 * widget's script not come (`failed`) or the page's policy refuse it (`refused`).
 */
interface FirstView {
  styles: string;
  nodes: FirstViewNode[];
  failed: string;
  refused: string;
}

/** A phone's network drops a request now and then: a widget's entry is asked for again after these waits. */
const RETRY_WAITS_MS = [1000, 4000];

/**
 * Whether the page's Content Security Policy refused the kit something: one of its scripts, or Lit's
 * Trusted Types policy (`trusted-types` without `lit-html`). Asking again cannot help, and the
 * citizen cannot put it right: the first views say the page is not set up, not to check the network.
 */
let refusedByPage = false;
const KIT_FOLDER = new URL('./', import.meta.url).href;
document.addEventListener('securitypolicyviolation', ({ blockedURI, disposition, effectiveDirective, sample }) => {
  // A report-only policy refuses nothing; only a script of the kit's or Lit's policy is the kit's.
  if (disposition !== 'enforce') return;
  if ((effectiveDirective.startsWith('script-src') && blockedURI.startsWith(KIT_FOLDER)) || (effectiveDirective === 'trusted-types' && sample === 'lit-html')) {
    refusedByPage = true;
  }
});

/** The widgets asked for, loaded or loading: one that failed to load is asked for again by a tag added later. */
const requested = new Set<string>();
/** The widgets asked for whose entry has not loaded, nor failed to, yet. */
const loading = new Set<string>();
/** How many times each widget's entry has been asked for, over the page's life. */
const entryTries = new Map<string, number>();
/** A first view with its styles, parsed once and adopted by every root that shows it. */
interface LoadedView {
  view: FirstView;
  styles: CSSStyleSheet;
}
/** Each first view asked for, by `<tag>.<lang>`; one that failed to come is asked for again next time. */
const loadedViews = new Map<string, Promise<LoadedView>>();
/**
 * The roots showing a first view (painted here, or pasted prerendered), by tag, until the widget
 * has loaded: each with the language it shows, and whether the loader painted it.
 */
const showing = new Map<string, Map<ShadowRoot, { lang: string; painted: boolean }>>();
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

/** A language as the widgets read it (shared/locale.ts): `en`/`en-*` is English, anything else Vietnamese. */
function languageOf(tag: string | null | undefined): 'en' | 'vi' {
  return /^en(-|$)/i.test((tag ?? '').trim()) ? 'en' : 'vi';
}

/** The page's language, as the widgets read it. */
const pageLanguage = (): 'en' | 'vi' => languageOf(document.documentElement.getAttribute('lang'));

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
 * view over is kept, and the form is sent to the widget once it has (the form in the root then:
 * the view may have been painted again meanwhile, in another language).
 */
function holdSubmissions(element: Widget, root: ShadowRoot): void {
  let held = false;
  root.addEventListener('submit', (event) => {
    if (element.hasUpdated) return;
    event.preventDefault();
    if (held) return;
    held = true;
    const submitter = (event as SubmitEvent).submitter;
    void customElements.whenDefined(element.localName).then(() => element.updateComplete).then(() => {
      root.querySelector('form')?.requestSubmit(submitter?.isConnected ? submitter : null);
    });
  }, true);
}

/** Shows `loaded` in `root`: its nodes, made with DOM calls, and its styles. */
function show(root: ShadowRoot, loaded: LoadedView): void {
  root.adoptedStyleSheets = [loaded.styles];
  root.replaceChildren(...loaded.view.nodes.map(build));
}

/** Gives each bare element the widget's first view, unless its script was quicker; the roots painted. */
function paint(elements: readonly Element[], loaded: LoadedView): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  for (const element of elements) {
    if (element.shadowRoot || !element.isConnected || customElements.get(element.localName)) continue;
    const root = element.attachShadow({ mode: 'open' });
    show(root, loaded);
    holdSubmissions(element, root);
    roots.push(root);
  }
  return roots;
}

type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/**
 * Shows `loaded` in place of the first view `root` shows, keeping what the citizen did there: each
 * field's value (by id), the disclosures opened, and where focus and the caret were; and the page's
 * own: the search page pasted markup sends its form to (the view's form has none).
 */
function repaint(root: ShadowRoot, loaded: LoadedView): void {
  const action = root.querySelector('form[action]')?.getAttribute('action');
  const fields = [...root.querySelectorAll<Field>('input[id], select[id], textarea[id]')]
    .map((field) => ({ id: field.id, value: field.value, checked: (field as HTMLInputElement).checked }));
  const opened = [...root.querySelectorAll('details')].map((details) => details.open);
  const focused = root.activeElement as Field | null;
  const caret = focused instanceof HTMLInputElement || focused instanceof HTMLTextAreaElement ? [focused.selectionStart, focused.selectionEnd] as const : null;
  show(root, loaded);
  if (action) root.querySelector('form')?.setAttribute('action', action);
  for (const { id, value, checked } of fields) {
    const field = root.getElementById(id) as Field | null;
    if (!field) continue;
    field.value = value;
    if (field instanceof HTMLInputElement) field.checked = checked;
  }
  root.querySelectorAll('details').forEach((details, index) => { details.open = opened[index] ?? details.open; });
  const refocused = focused?.id ? (root.getElementById(focused.id) as Field | null) : null;
  refocused?.focus();
  if ((refocused instanceof HTMLInputElement || refocused instanceof HTMLTextAreaElement) && caret) {
    try {
      refocused.setSelectionRange(caret[0], caret[1]);
    } catch { /* a field without a caret (a checkbox) */ }
  }
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
  // The space held for the view (the README's lines, the view's own) closes around the message.
  (root.host as HTMLElement).style.minBlockSize = '0';
  if (hadFocus) message.focus();
}

/** The first view of `tag` in `lang`, parsed once. */
function firstView(tag: string, lang: string): Promise<LoadedView> {
  const key = `${tag}.${lang}`;
  let loaded = loadedViews.get(key);
  if (!loaded) {
    loaded = import(new URL(`./prerendered/${key}.js`, import.meta.url).href).then(({ default: view }: { default: FirstView }) => {
      const styles = new CSSStyleSheet();
      styles.replaceSync(view.styles);
      return { view, styles };
    });
    loaded.catch(() => loadedViews.delete(key));
    loadedViews.set(key, loaded);
  }
  return loaded;
}

/** Notes that `root` shows the first view of `tag` in `lang` until the widget has loaded. */
function note(tag: string, root: ShadowRoot, lang: string, painted: boolean): void {
  let roots = showing.get(tag);
  if (!roots) showing.set(tag, (roots = new Map()));
  roots.set(root, { lang, painted });
}

/**
 * Paints the first view into the bare widgets `elements` (no shadow root yet). Should the view not
 * come, the widgets draw themselves, as they would without it.
 */
async function paintFirstView(tag: string, elements: readonly Element[]): Promise<void> {
  try {
    let lang = pageLanguage();
    let loaded = await firstView(tag, lang);
    // The page changed its language while the view came (a citizen pressing "English" as the page
    // loads): the view in the page's language is painted, never the other one first.
    while (pageLanguage() !== lang) {
      lang = pageLanguage();
      loaded = await firstView(tag, lang);
    }
    for (const root of paint(elements, loaded)) note(tag, root, lang, true);
  } catch (error: unknown) {
    console.warn(`DVC Kit: <${tag}> is drawn by its script, without its first view`, error);
  }
}

/**
 * The page's language changed before the widget's script came (a portal's language switch, or its
 * script setting the language the citizen chose last time): the first views of `tag` in another
 * language are painted again in the page's, keeping what was typed. The widget then hydrates them
 * as they are, rather than drawing them anew and losing it.
 */
async function followLanguage(tag: string): Promise<void> {
  const lang = pageLanguage();
  const stale = [...(showing.get(tag) ?? [])].filter(([, shown]) => shown.lang !== lang);
  if (stale.length === 0) return;
  let loaded: LoadedView;
  try {
    loaded = await firstView(tag, lang);
  } catch {
    return; // The widget draws itself anew in the page's language when it comes.
  }
  // Changed again meanwhile (that change paints its own), or the widget has come.
  if (pageLanguage() !== lang || customElements.get(tag)) return;
  for (const [root, shown] of stale) {
    if (showing.get(tag)?.get(root) !== shown || (root.host as Widget).hasUpdated) continue;
    repaint(root, loaded);
    // Pasted markup stays pasted: should the widget not come, its plain form still works.
    note(tag, root, lang, shown.painted);
  }
}

/**
 * Imports a widget's entry, and again after a failure. Each try after the page's first has an
 * address of its own (`?attempt=2`, 3…), this load's and a later one's alike: browsers keep a
 * failed module's answer for its address.
 */
async function importEntry(tag: string): Promise<void> {
  for (let retry = 0; ; retry++) {
    const tries = entryTries.get(tag) ?? 0;
    entryTries.set(tag, tries + 1);
    const entry = new URL(`./${tag}.js`, import.meta.url);
    if (tries > 0) entry.searchParams.set('attempt', String(tries + 1));
    try {
      await import(entry.href);
      return;
    } catch (error: unknown) {
      const wait = RETRY_WAITS_MS[retry];
      if (wait === undefined || customElements.get(tag)) throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
      // Said by the browser after the failure, as a task of its own: known by now.
      if (refusedByPage) throw error;
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
    () => void showing.delete(tag),
    async (error: unknown) => {
      // Every first view but pasted markup whose form works without the widget: the search's plain
      // form, sent to the search page its action names.
      const roots = [...(showing.get(tag) ?? [])].filter(([root, shown]) => shown.painted || !root.querySelector('form[action]'));
      showing.delete(tag);
      // A tag of it added later (a portal's next view, the network back) asks again, and says so
      // in its first view should it fail again.
      requested.delete(tag);
      // Defined all the same (by another copy of the kit on the page): it works, and says nothing.
      if (customElements.get(tag)) return;
      console.error(`DVC Kit: <${tag}> could not be loaded${refusedByPage ? ': the page\'s Content-Security-Policy refused it' : ''}`, error);
      for (const [root, { lang }] of roots) {
        let loaded: LoadedView;
        try {
          loaded = await firstView(tag, lang);
        } catch {
          continue; // Pasted markup whose view module cannot be had either: it stays as it is.
        }
        const { view, styles } = loaded;
        if (!styles.cssRules[styles.cssRules.length - 1]?.cssText.startsWith('.load-failure')) {
          styles.insertRule('.load-failure{margin:0;padding:var(--_dvc-space);border-inline-start:calc(.25*var(--_dvc-rem)) solid var(--_dvc-color-danger)}', styles.cssRules.length);
        }
        // Pasted markup brings its styles in the nodes the message replaces.
        root.adoptedStyleSheets = [styles];
        showFailure(root, refusedByPage ? view.refused : view.failed, lang);
      }
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
    // Also when the page's Trusted Types policy refuses Lit: the first views say that to the citizen
    // (`refusedByPage`, from the securitypolicyviolation listener above).
    console.error('DVC Kit: Lit\'s hydration (dvc-hydrate.js) did not load or start: widgets will draw their first views anew, not take them over.', error);
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
  for (const element of widgets) {
    const tag = element.localName;
    const root = element.shadowRoot;
    if (!loading.has(tag)) continue;
    if (root && !showing.get(tag)?.has(root)) {
      // Pasted prerendered: painted again should the page's language be another (a portal's script
      // may set it after the markup was chosen). Its form is not held: before the widget comes, the
      // search's plain form goes to the search page, as it does without scripts.
      note(tag, root, languageOf(root.querySelector('[lang]')?.getAttribute('lang')), false);
      void followLanguage(tag);
    } else if (!root && !tags.includes(tag)) {
      // Added while its widget is still loading: painted as well, once its view has come.
      void paintFirstView(tag, [element]);
    }
  }
}

/** A language set on the page after the first views were painted is followed (see followLanguage). */
new MutationObserver(() => {
  for (const tag of showing.keys()) void followLanguage(tag);
}).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });

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
