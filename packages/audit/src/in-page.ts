/**
 * Helpers that run inside the audited page: walking the flat tree across shadow roots, naming
 * elements, deciding what is a control. They are installed once per page load as
 * `globalThis.__dvcAudit` by evaluating this function's source (so they work under a strict CSP,
 * where the page could not load a script of ours), and every check's in-page code uses them.
 *
 * `createPageHelpers` is serialised with `Function.prototype.toString`: it must not reference
 * anything outside its own body (no imports, no module constants).
 */
import type { Page } from 'puppeteer-core';

/** Builds the helper object in the page. Self-contained: see the module comment. */
export function createPageHelpers() {
  /** Elements the tool added to the page (overlays, focus anchors): never audited. */
  const OWN = 'data-dvc-audit';

  /** Per-check scratch space that lives as long as the page (e.g. unfocused style snapshots). */
  const scratch: Record<string, unknown> = {};

  /** An element's children as rendered: its shadow root's, a slot's assigned elements, else its own. */
  function flatChildren(el: Element): Element[] {
    if (el instanceof HTMLSlotElement && el.getRootNode() instanceof ShadowRoot) {
      const assigned = el.assignedElements();
      return assigned.length > 0 ? assigned : [...el.children];
    }
    if (el.shadowRoot) return [...el.shadowRoot.children];
    return [...el.children];
  }

  /** Every rendered element in flat-tree order (the order a reader and the Tab key meet them). */
  function allElements(): Element[] {
    const out: Element[] = [];
    const visit = (el: Element) => {
      if (el.hasAttribute(OWN)) return;
      out.push(el);
      for (const child of flatChildren(el)) visit(child);
    };
    visit(document.documentElement);
    return out;
  }

  /** The element's parent as rendered: its slot, its parent, or its shadow root's host. */
  function flatParent(el: Element): Element | null {
    if (el.assignedSlot) return el.assignedSlot;
    if (el.parentElement) return el.parentElement;
    const root = el.parentNode;
    return root instanceof ShadowRoot ? root.host : null;
  }

  function flatAncestors(el: Element): Element[] {
    const out: Element[] = [];
    for (let p = flatParent(el); p; p = flatParent(p)) out.push(p);
    return out;
  }

  /** True when `a` contains `b` in the flat tree (or is it). */
  function flatContains(a: Element, b: Element): boolean {
    for (let p: Element | null = b; p; p = flatParent(p)) if (p === a) return true;
    return false;
  }

  function selectorInRoot(el: Element, root: Document | ShadowRoot): string {
    const parts: string[] = [];
    let node: Element | null = el;
    while (node) {
      if (node.id && root.querySelectorAll(`#${CSS.escape(node.id)}`).length === 1) {
        parts.unshift(`#${CSS.escape(node.id)}`);
        break;
      }
      let part = CSS.escape(node.localName);
      const parent: Element | null = node.parentElement;
      const siblings = parent ? [...parent.children] : node.parentNode ? [...(node.parentNode as ParentNode).children] : [node];
      const same = siblings.filter((s) => s.localName === node!.localName);
      if (same.length > 1) part += `:nth-of-type(${same.indexOf(node) + 1})`;
      parts.unshift(part);
      node = parent;
    }
    return parts.join(' > ');
  }

  /** A selector per shadow root, outermost first, joined by ` >>> ` (puppeteer's piercing combinator). */
  function selectorFor(el: Element): string {
    const segments: string[] = [];
    let current: Element | null = el;
    while (current) {
      const root = current.getRootNode() as Document | ShadowRoot;
      segments.unshift(selectorInRoot(current, root));
      current = root instanceof ShadowRoot ? root.host : null;
    }
    return segments.join(' >>> ');
  }

  /** The element a `selectorFor` (or axe target) path names, or null. */
  function resolve(path: string): Element | null {
    let root: Document | ShadowRoot | null = document;
    let el: Element | null = null;
    for (const segment of path.split(' >>> ')) {
      if (!root) return null;
      el = root.querySelector(segment);
      if (!el) return null;
      root = el.shadowRoot;
    }
    return el;
  }

  /** The opening tag (and some content), as the report shows it. */
  function snippet(el: Element): string {
    const html = el.outerHTML.replace(/\s+/g, ' ');
    return html.length > 400 ? `${html.slice(0, 400)}…` : html;
  }

  /** Rendered, not hidden by visibility (opacity is not checked: a transparent control is still there). */
  function isRendered(el: Element): boolean {
    if (!el.isConnected) return false;
    if (typeof el.checkVisibility === 'function' && !el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true })) return false;
    const rect = el.getBoundingClientRect();
    return rect.width > 0 || rect.height > 0;
  }

  /** The common "visually hidden" pattern: a 1 px box, or clipped away. Such text is for screen readers. */
  function isVisuallyHidden(el: Element): boolean {
    for (let p: Element | null = el; p; p = flatParent(p)) {
      const style = getComputedStyle(p);
      const rect = p.getBoundingClientRect();
      if (style.overflow !== 'visible' && rect.width <= 2 && rect.height <= 2) return true;
      if (/inset\(50%\)/.test(style.clipPath) || style.clip === 'rect(0px, 0px, 0px, 0px)' || style.clip === 'rect(1px, 1px, 1px, 1px)') return true;
    }
    return false;
  }

  function isInert(el: Element): boolean {
    for (let p: Element | null = el; p; p = flatParent(p)) if (p.hasAttribute('inert')) return true;
    return false;
  }

  const FOCUSABLE = 'a[href], area[href], button, input, select, textarea, iframe, summary, [tabindex], [contenteditable]:not([contenteditable="false"]), audio[controls], video[controls]';

  /** An element a keyboard user should reach with Tab: focusable, enabled, rendered, no negative tabindex. */
  function isTabbableCandidate(el: Element): boolean {
    if (!el.matches(FOCUSABLE)) return false;
    if (el instanceof HTMLInputElement && el.type === 'hidden') return false;
    if (el.matches(':disabled')) return false;
    const tabindex = el.getAttribute('tabindex');
    if (tabindex !== null && tabindex.trim() !== '' && Number(tabindex) < 0) return false;
    if (el.localName === 'summary' && !(el.parentElement?.localName === 'details' && el.parentElement.querySelector(':scope > summary') === el)) return false;
    if (isInert(el)) return false;
    return isRendered(el);
  }

  const TARGET = 'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="link"], [role="checkbox"], [role="radio"], [role="switch"], [role="tab"], [role="menuitem"], [role="option"]';

  /** A pointer target (SC 2.5.8): a control a person clicks or taps. */
  function isTarget(el: Element): boolean {
    if (!el.matches(TARGET) || el.matches(':disabled') || isInert(el)) return false;
    return isRendered(el) && !isVisuallyHidden(el);
  }

  /** The element that has focus, looking inside shadow roots. Null when it is the body or outside the page. */
  function deepActiveElement(): Element | null {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active || active === document.body || active === document.documentElement) return null;
    return active;
  }

  /**
   * Takes focus away from whatever has it. Blurring the shadow host is not enough in Firefox: the
   * control inside keeps focus (and its :focus styles), so blur the innermost one first.
   */
  function blurAll(): void {
    const inner = deepActiveElement();
    if (inner instanceof HTMLElement || inner instanceof SVGElement) inner.blur();
    const outer = document.activeElement;
    if (outer instanceof HTMLElement || outer instanceof SVGElement) outer.blur();
  }

  const colorCache = new Map<string, [number, number, number, number]>();
  let colorContext: CanvasRenderingContext2D | null = null;

  /** Any CSS colour as [r, g, b, a] (0–255), by letting a canvas resolve it. */
  function rgba(color: string): [number, number, number, number] {
    const cached = colorCache.get(color);
    if (cached) return cached;
    colorContext ??= document.createElement('canvas').getContext('2d', { willReadFrequently: true });
    let value: [number, number, number, number] = [0, 0, 0, 0];
    if (colorContext) {
      colorContext.clearRect(0, 0, 1, 1);
      colorContext.fillStyle = '#00000000';
      colorContext.fillStyle = color;
      colorContext.fillRect(0, 0, 1, 1);
      const [r = 0, g = 0, b = 0, a = 0] = colorContext.getImageData(0, 0, 1, 1).data;
      value = [r, g, b, a];
    }
    colorCache.set(color, value);
    return value;
  }

  function sameColor(a: string, b: string): boolean {
    const x = rgba(a);
    const y = rgba(b);
    return x.every((v, i) => Math.abs(v - y[i]!) <= 2);
  }

  /** WCAG contrast ratio of two colours (each composited over white first). */
  function contrast(a: string, b: string): number {
    const luminance = (color: string) => {
      const [r, g, bl, alpha] = rgba(color);
      const over = (c: number) => (c * alpha + 255 * (255 - alpha)) / 255 / 255;
      const lin = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(over(r)) + 0.7152 * lin(over(g)) + 0.0722 * lin(over(bl));
    };
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
    return (hi + 0.05) / (lo + 0.05);
  }

  /** The first opaque background behind an element (its own or an ancestor's); the canvas colour if none. */
  function effectiveBackground(el: Element | null): string {
    for (let p = el; p; p = flatParent(p)) {
      const bg = getComputedStyle(p).backgroundColor;
      if (rgba(bg)[3] > 0) return bg;
    }
    const canvas = getComputedStyle(document.documentElement).backgroundColor;
    return rgba(canvas)[3] > 0 ? canvas : 'rgb(255, 255, 255)';
  }

  /**
   * Draws a magenta frame around an element for a screenshot; returns its document-relative box
   * (with a margin) for the clip, or null when it has no box.
   */
  function highlight(path: string): { x: number; y: number; width: number; height: number } | null {
    unhighlight();
    const el = resolve(path);
    if (!el) return null;
    el.scrollIntoView({ block: 'center', inline: 'center' });
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) return null;
    const frame = document.createElement('div');
    frame.setAttribute(OWN, 'highlight');
    frame.setAttribute('aria-hidden', 'true');
    // Inline style through CSSOM, not a style attribute string: allowed under a strict CSP.
    Object.assign(frame.style, {
      position: 'absolute', zIndex: '2147483647', pointerEvents: 'none', boxSizing: 'border-box',
      left: `${rect.left + scrollX - 4}px`, top: `${rect.top + scrollY - 4}px`,
      width: `${rect.width + 8}px`, height: `${rect.height + 8}px`,
      border: '3px solid #c8008f', outline: '2px solid #fff', forcedColorAdjust: 'none',
    });
    document.body.append(frame);
    const margin = 24;
    const x = Math.max(0, rect.left + scrollX - margin);
    const y = Math.max(0, rect.top + scrollY - margin);
    const width = Math.min(Math.max(rect.width + 2 * margin, 48), 1200);
    const height = Math.min(Math.max(rect.height + 2 * margin, 48), 900);
    return { x, y, width, height };
  }

  function unhighlight(): void {
    for (const frame of document.querySelectorAll(`[${OWN}="highlight"]`)) frame.remove();
  }

  /**
   * Remembers, under `key`, how far the page and every box in it that scrolls (shadow roots
   * included) are scrolled. Moving focus scrolls the focused control into view, even inside a box
   * that hides its overflow and that the page never scrolls: `restoreScroll` puts each back, so the
   * checks after the tool's own focus moves see the layout the page showed.
   */
  function saveScroll(key: string): void {
    const boxes = allElements().filter((el) => el.scrollTop !== 0 || el.scrollLeft !== 0
      || el.scrollHeight > el.clientHeight || el.scrollWidth > el.clientWidth);
    scratch[`scroll:${key}`] = { x: scrollX, y: scrollY, boxes: boxes.map((el) => [el, el.scrollLeft, el.scrollTop] as const) };
  }

  /** Scrolls the page and its boxes back to where `saveScroll(key)` found them. */
  function restoreScroll(key: string): void {
    const saved = scratch[`scroll:${key}`] as { x: number; y: number; boxes: Array<readonly [Element, number, number]> } | undefined;
    if (!saved) return;
    // Instant: a page's scroll-behavior: smooth would still be moving when the next check measures.
    for (const [el, left, top] of saved.boxes) {
      if (el.isConnected && (el.scrollLeft !== left || el.scrollTop !== top)) el.scrollTo({ left, top, behavior: 'instant' });
    }
    if (scrollX !== saved.x || scrollY !== saved.y) window.scrollTo({ left: saved.x, top: saved.y, behavior: 'instant' });
  }

  /**
   * The API root a widget works with, as DVC Kit widgets find it: `base` as set (its own
   * `api-base`, else the page-wide default; '' when none), and `root`, that as an absolute URL
   * ending in "/", or null when it is not a web address by the widgets' rule (a whole http(s) URL,
   * or a path from the site's root or the page: a host without its scheme is not one). A DVC Kit
   * widget is asked itself, as its client controller also knows a root set with `setDefaultApiBase()`.
   */
  function apiBaseOf(host: Element): { base: string; root: string | null } {
    const own = (host as Element & { api?: { baseUrl?: unknown } }).api?.baseUrl;
    const pageWide = (window as { dvcKit?: { apiBase?: unknown } }).dvcKit?.apiBase;
    const set = typeof own === 'string' ? own : host.getAttribute('api-base');
    const base = set?.trim() || (typeof pageWide === 'string' ? pageWide.trim() : '');
    if (!base) return { base: '', root: null };
    let url: URL;
    try {
      url = new URL(base);
    } catch {
      if (!/^\.{0,2}\//.test(base)) return { base, root: null };
      try {
        url = new URL(base, document.baseURI);
      } catch {
        return { base, root: null };
      }
    }
    return { base, root: url.protocol === 'http:' || url.protocol === 'https:' ? url.href.replace(/\/+$/, '') + '/' : null };
  }

  return {
    OWN, flatChildren, allElements, flatParent, flatAncestors, flatContains, selectorFor, resolve, snippet,
    isRendered, isVisuallyHidden, isTabbableCandidate, isTarget, deepActiveElement, blurAll, rgba, sameColor, contrast,
    effectiveBackground, highlight, unhighlight, saveScroll, restoreScroll, apiBaseOf, scratch,
  };
}

/** The helpers' type, for in-page code: `window.__dvcAudit`. */
export type PageHelpers = ReturnType<typeof createPageHelpers>;

declare global {
  interface Window {
    __dvcAudit: PageHelpers;
  }
}

/** Installs the helpers in the page's current document (again after each navigation). */
export async function installPageHelpers(page: Page): Promise<void> {
  await page.evaluate(`globalThis.__dvcAudit ??= (${createPageHelpers.toString()})();`);
}
