/**
 * How the tracker hands a dossier to the payment or the survey, with no page script: to the widget
 * of that kind on the same page, else to the page the portal names for it (`payment-url` /
 * `survey-url`, or `window.dvcKit.paymentUrl` / `surveyUrl`), with the dossier code in the address.
 * The proof that the citizen may act for the dossier travels separately, as the access token in this
 * tab's storage (shared/dossier-access.ts): never in the address.
 */
import { DOSSIER_CODE_PATTERN } from './dossier-code.ts';
import { HANDED_OVER_PREFIX, lastDossier } from './dossier-access.ts';
import { tabStorage } from './tab-storage.ts';
import { heldInView } from './held-in-view.ts';

export type HandOverKind = 'payment' | 'survey';

// The survey that evaluates dossiers, not a page-feedback one beside it.
const RECEIVERS: Record<HandOverKind, string> = { payment: 'dvc-payment', survey: 'dvc-satisfaction-survey:not([mode="page"])' };

/** The query parameter that carries the dossier code to the page a portal names. */
export const DOSSIER_PARAM = 'dossier';

/** A widget that can take a dossier handed to it. */
export interface DossierReceiver extends HTMLElement {
  /** Shows `dossierCode`, brings the widget into view and moves focus into it. */
  showDossier(dossierCode: string): Promise<void>;
  /** Stops showing `dossierCode`, if it does, and hides again what showing it revealed. */
  forgetDossier(dossierCode: string): void;
}

export type HandOverTarget =
  | { kind: 'widget'; element: DossierReceiver }
  | { kind: 'page'; url: URL };

/** Where a dossier of `kind` would go from this page; undefined when nowhere (the button is not shown). */
export function handOverTarget(kind: HandOverKind, ownUrl: string | undefined): HandOverTarget | undefined {
  const element = document.querySelector(RECEIVERS[kind]) as DossierReceiver | null;
  if (element && typeof element.showDossier === 'function') return { kind: 'widget', element };
  const pageWide = kind === 'payment' ? window.dvcKit?.paymentUrl : window.dvcKit?.surveyUrl;
  const address = ownUrl?.trim() || pageWide?.trim();
  if (!address) return undefined;
  try {
    const url = new URL(address, document.baseURI);
    return url.protocol === 'https:' || url.protocol === 'http:' ? { kind: 'page', url } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The tracker cleared ("Look up another"): the payment and the survey on the page stop showing its
 * dossier, so the next person at a shared computer (a one-stop desk's kiosk, a family's phone)
 * neither sees what the last one owed nor sends an evaluation in their name.
 */
export function forgetHandedOver(dossierCode: string): void {
  for (const selector of Object.values(RECEIVERS)) {
    const element = document.querySelector(selector) as DossierReceiver | null;
    if (element && typeof element.forgetDossier === 'function') element.forgetDossier(dossierCode);
  }
}

/** Hands the dossier over: the widget shows it, or the browser goes to the page with its code. */
export async function handOver(target: HandOverTarget, dossierCode: string): Promise<void> {
  if (target.kind === 'widget') {
    await target.element.showDossier(dossierCode);
    return;
  }
  window.location.assign(pageAddress(target.url, dossierCode));
}

/** The address of a portal's page for a dossier: its own, with `?dossier=<code>` added. */
export function pageAddress(page: URL, dossierCode: string): string {
  const url = new URL(page);
  url.searchParams.set(DOSSIER_PARAM, dossierCode);
  return url.href;
}

/** The dossier code a portal's page was opened with (`?dossier=…`), if any. */
export function dossierFromAddress(): string | undefined {
  // In capitals, as the codes are: an address typed or shared by hand may have them in lower case.
  const code = new URLSearchParams(window.location.search).get(DOSSIER_PARAM)?.trim().toUpperCase();
  // The contract's DossierCode; anything else is not ours to act on.
  return code && DOSSIER_CODE_PATTERN.test(code) ? code : undefined;
}

/** Where and when a widget was handed a dossier (the tab's note, `dvc-handed-over:<kind>:<dossier code>`). */
interface HandedOver {
  path: string;
  at: number;
}

const OTHER_KIND: Record<HandOverKind, HandOverKind> = { payment: 'survey', survey: 'payment' };
const noteKey = (kind: HandOverKind, dossierCode: string) => `${HANDED_OVER_PREFIX}${kind}:${dossierCode}`;

/**
 * The widget of `kind` on this page shows `dossierCode`, handed over (`shown`), or let it go. Kept for
 * the tab, so that a reload, or a phone that dropped the tab while it was in the background, comes
 * back to the payment or the evaluation the citizen was at, not to its section hidden again.
 */
export function noteHandedOver(kind: HandOverKind, dossierCode: string, shown: boolean): void {
  if (shown) tabStorage().set(noteKey(kind, dossierCode), JSON.stringify({ path: location.pathname, at: Date.now() } satisfies HandedOver));
  else tabStorage().remove(noteKey(kind, dossierCode));
}

/** The note of a widget of `kind` on this page for `dossierCode`, if the tab holds one. */
function handedOverHere(kind: HandOverKind, dossierCode: string): HandedOver | undefined {
  try {
    const note = JSON.parse(tabStorage().get(noteKey(kind, dossierCode)) ?? 'null') as Partial<HandedOver> | null;
    return note?.path === location.pathname && typeof note.at === 'number' ? { path: note.path, at: note.at } : undefined;
  } catch {
    return undefined; // Not ours (the page's scripts share the storage).
  }
}

/**
 * The dossier `element`, a widget of `kind`, showed before this page was loaded again, while it is
 * still the one the tracker shows again (the tab's last, its proof valid): its section is revealed,
 * and the widget brought into view if it was the last handed the dossier (the payment and the
 * evaluation may both have been). Undefined when there is none.
 */
export function showAgainAfterReload(element: HTMLElement, kind: HandOverKind): string | undefined {
  const dossierCode = lastDossier()?.dossierCode;
  const note = dossierCode ? handedOverHere(kind, dossierCode) : undefined;
  if (!dossierCode || !note) return undefined;
  reveal(element, { intoView: note.at >= (handedOverHere(OTHER_KIND[kind], dossierCode)?.at ?? 0) });
  return dossierCode;
}

/** What `reveal` showed for each widget: the sections the portal keeps hidden until needed, each with its `hidden` as it was. */
const revealed = new WeakMap<HTMLElement, Array<{ node: HTMLElement; hidden: string }>>();
/** A reveal's scroll waiting for the frame that paints what it showed: the one that goes ahead. */
const pendingScroll = new WeakMap<HTMLElement, object>();

/** The element a node is drawn within: its slot, its parent, or the host of its shadow root. */
function composedParent(node: Element): Element | null {
  return node.assignedSlot ?? node.parentElement ?? (node.getRootNode() as Partial<ShadowRoot>).host ?? null;
}

/**
 * Brings a widget the page keeps hidden until needed into view: the portal hid the payment section
 * until the citizen asked to pay, and now they have. It is then held there while the page settles
 * (not with `intoView: false`: shown, but another widget is where the citizen was).
 */
export function reveal(element: HTMLElement, { intoView = true } = {}): void {
  const shown = revealed.get(element) ?? [];
  const alreadyShown = shown.length;
  for (let node: Element | null = element; node; node = composedParent(node)) {
    if (node instanceof HTMLElement && node.hidden) {
      // "until-found" too, which find-in-page may reveal again once hidden again.
      shown.push({ node, hidden: node.getAttribute('hidden') ?? '' });
      node.hidden = false;
    }
  }
  revealed.set(element, shown);
  if (!intoView) return;
  takeOverScrollRestoration(element);
  // A scroll already waiting for its frame brings the widget into view.
  if (pendingScroll.has(element)) return;
  // Shown and scrolled to in one frame, what was below a section just shown would be seen to move
  // (a layout shift, back from the gateway with nobody touching the page), though nobody saw it
  // there. Shown in one frame and scrolled to in a later one, nothing in view moves. The first
  // callback runs before the coming frame is painted, the next ones before the frames after.
  if (shown.length === alreadyShown) return bringIntoView(element);
  const turn = {};
  pendingScroll.set(element, turn);
  heldInView.add(element);
  const { scrollX, scrollY } = window;
  const inView = () => {
    const { top, bottom } = element.getBoundingClientRect();
    return top < window.innerHeight && bottom > 0;
  };
  const wasInView = inView();
  requestAnimationFrame(() => {
    if (pendingScroll.get(element) !== turn) return;
    // Focus moved into the widget meanwhile scrolled the page to it already: that waits too. Any
    // other scroll (the browser's scroll anchoring, keeping a section shown above the view out of
    // it) stands.
    if (!wasInView && inView()) window.scrollTo({ left: scrollX, top: scrollY, behavior: 'instant' });
    // A scroll in the frame in which the page above grows (the tracker drawing the dossier again)
    // counts that growth as a shift of everything it brings into view: the scroll waits for a frame
    // in which the widget is where the last one left it (ten frames at most).
    let from = pageTop(element);
    const scrollWhenSettled = (framesLeft: number) => requestAnimationFrame(() => {
      if (pendingScroll.get(element) !== turn) return;
      const now = pageTop(element);
      if (Math.abs(now - from) > 1 && framesLeft > 0) {
        from = now;
        scrollWhenSettled(framesLeft - 1);
        return;
      }
      pendingScroll.delete(element);
      bringIntoView(element);
    });
    scrollWhenSettled(MAX_SETTLE_FRAMES);
  });
}

/** The most frames a reveal's scroll waits for the page above a widget to stop moving it. */
const MAX_SETTLE_FRAMES = 10;

/** Where an element's top is on the page (not in the window). */
function pageTop(element: HTMLElement): number {
  return element.getBoundingClientRect().top + window.scrollY;
}

function bringIntoView(element: HTMLElement): void {
  // Instant, also on a page that scrolls smoothly (scroll-behavior): the hold measures from here.
  element.scrollIntoView({ block: 'start', behavior: 'instant' });
  holdInView(element);
}

/** Hides again what `reveal` showed for `element`, and stops holding it in view. */
export function conceal(element: HTMLElement): void {
  pendingScroll.delete(element);
  heldInView.delete(element);
  for (const { node, hidden } of revealed.get(element) ?? []) node.setAttribute('hidden', hidden);
  revealed.delete(element);
  held.get(element)?.();
  giveBackScrollRestoration(element);
}

/** The widgets `reveal` brought into view and still shows. */
const broughtIntoView = new Set<HTMLElement>();
/** The tab's note that the kit, not the page, told this page's history not to restore its scroll. */
const restorationNote = () => `dvc-scroll-restoration:${location.pathname}`;

/**
 * A reload brings a widget shown again into view itself (`showAgainAfterReload`). The browser's
 * own scroll restoration would scroll the page too, to where it was, as the page grows: in Firefox
 * sometimes after the widget was brought into view, which the hold then takes for the citizen's
 * scroll, letting the widget go. So while the kit shows a widget it brought into view, the page's
 * history entry restores no scroll (`manual`), unless the page chose how itself; once none is
 * shown so, it restores again.
 */
function takeOverScrollRestoration(element: HTMLElement): void {
  broughtIntoView.add(element);
  if (!('scrollRestoration' in history) || history.scrollRestoration !== 'auto') return;
  history.scrollRestoration = 'manual';
  tabStorage().set(restorationNote(), '1');
}

function giveBackScrollRestoration(element: HTMLElement): void {
  broughtIntoView.delete(element);
  // One taken off the page (a portal's own navigation) is not shown any more.
  for (const other of broughtIntoView) if (!other.isConnected) broughtIntoView.delete(other);
  if (broughtIntoView.size > 0 || tabStorage().get(restorationNote()) === null) return;
  tabStorage().remove(restorationNote());
  if (history.scrollRestoration === 'manual') history.scrollRestoration = 'auto';
}

/** How long a page may go on settling after a widget is brought into view: other widgets loading, restoring what they showed. */
const SETTLE_MS = 10_000;
const held = new WeakMap<HTMLElement, () => void>();

/** The elements a hold has left out of scroll anchoring, and how many holds have (two may overlap). */
const unanchored = new Map<HTMLElement | SVGElement, number>();

/**
 * Leaves everything drawn before `element` (the earlier siblings of it and of what it is drawn
 * within) out of the browser's choice of a scroll anchor, until the returned function is called.
 * The anchor is the first element in view, which on a page too short below to bring the widget to
 * the top is what is above it (the tracker, drawing its dossier again); left out, it is the widget
 * (or what is between), which the browser then keeps in place as the page grows above it, in the
 * same layout: no frame is painted with the widget pushed away, and no layout shift counted.
 */
function anchorOn(element: HTMLElement): () => void {
  if (!CSS.supports('overflow-anchor', 'none')) return () => undefined;
  const left: Array<HTMLElement | SVGElement> = [];
  for (let node: Element | null = element; node && node !== document.body; node = composedParent(node)) {
    for (let sibling = node.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
      if (!(sibling instanceof HTMLElement || sibling instanceof SVGElement)) continue;
      const holds = unanchored.get(sibling) ?? 0;
      // One the page itself sets apart (in or out of anchoring) stays as the page has it.
      if (holds === 0 && sibling.style.overflowAnchor) continue;
      if (holds === 0) sibling.style.overflowAnchor = 'none';
      unanchored.set(sibling, holds + 1);
      left.push(sibling);
    }
  }
  return () => {
    for (const sibling of left) {
      const holds = unanchored.get(sibling)! - 1;
      if (holds > 0) {
        unanchored.set(sibling, holds);
        continue;
      }
      unanchored.delete(sibling);
      sibling.style.removeProperty('overflow-anchor');
      if (sibling.getAttribute('style') === '') sibling.removeAttribute('style');
    }
  };
}

/**
 * Keeps a widget just brought into view where it is while the page settles: back from the payment
 * gateway, the tracker above may draw the dossier again and a search its detail, growing the page
 * above the outcome the citizen came back to. Until the citizen scrolls (by touch, wheel, keys or
 * the scroll bar: a scroll this did not make) or SETTLE_MS pass, the browser's scroll anchoring
 * keeps it in place (`anchorOn`); where there is none, a change of the page's size that moves the
 * widget scrolls it back.
 */
function holdInView(element: HTMLElement): void {
  held.get(element)?.();
  const top = element.getBoundingClientRect().top;
  const letGo = anchorOn(element);
  // Where the page is scrolled to as this left it (or as the browser's own scroll anchoring did, in
  // the same layout): a scroll elsewhere is the citizen's.
  let scrolledTo = window.scrollY;
  const observer = new ResizeObserver(() => {
    const moved = element.getBoundingClientRect().top - top;
    if (element.isConnected && Math.abs(moved) > 1) window.scrollBy({ top: moved, behavior: 'instant' });
    scrolledTo = window.scrollY;
  });
  const onScroll = () => {
    if (Math.abs(window.scrollY - scrolledTo) > 1) release();
  };
  const release = () => {
    heldInView.delete(element);
    letGo();
    observer.disconnect();
    clearTimeout(timer);
    window.removeEventListener('scroll', onScroll);
    held.delete(element);
  };
  const timer = setTimeout(release, SETTLE_MS);
  window.addEventListener('scroll', onScroll, { passive: true });
  observer.observe(document.documentElement);
  observer.observe(element);
  held.set(element, release);
  heldInView.add(element);
}
