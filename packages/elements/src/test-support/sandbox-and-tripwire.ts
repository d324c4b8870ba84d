/**
 * Shared by the hostile-data and fault tests of all four widgets: the sandbox's test controls, the
 * page language, and the tripwire that tells whether any hostile payload ran or turned into markup.
 * Imported by tests only (never by an element).
 */
import { expect } from '@open-wc/testing';
import { sandboxUrl } from './axe.ts';
import { BEACON_PATH } from './hostile-corpus.ts';

declare global {
  interface Window {
    /** What a hostile payload writes if it ever runs. */
    __pwned?: unknown;
  }
}

// Port 9 (discard) is closed on loopback: the connection is refused at once, as when offline.
export const CLOSED_PORT_API = 'http://127.0.0.1:9/api/v1';

/** POSTs to a sandbox-only route (`/_sandbox/...`); throws on an error status. */
export async function sandbox<T = unknown>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${sandboxUrl()}/_sandbox${path}`, {
    method: 'POST',
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`sandbox ${path}: ${response.status} ${(await response.text()).slice(0, 300)}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

export { setLang } from './page-lang.ts';

/** Mocha's per-test timeout (the Mocha globals are typed loosely in test-support/mocha.ts). */
export function slow(context: unknown, ms: number): void {
  (context as { timeout(ms: number): void }).timeout(ms);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** White space as the eye sees it: every run (NBSP, U+2028 included) as one space, trimmed. */
export const norm = (value: string | null | undefined): string => (value ?? '').replace(/\s+/g, ' ').trim();

/** An element's text, normalised. */
export const text = (node: Node | null | undefined): string => norm(node?.textContent);

/**
 * Asserts `payload` is shown as text inside `container`. Failure messages name the payload, not its
 * text (the long one would flood the report).
 */
export function expectShownAsText(container: Element | null | undefined, payload: string, where: string): void {
  expect(container ?? null, `${where}: the element is there`).to.not.equal(null);
  const shown = text(container).includes(norm(payload));
  expect(shown, `${where}: the payload is shown as text`).to.equal(true);
}

// ---------- the tripwire ----------

const DIALOGS = ['alert', 'confirm', 'prompt', 'print'] as const;
/** Elements no widget renders itself: any of these in a shadow root came from data. */
const FOREIGN = new Set([
  'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta', 'link', 'style', 'noscript',
  'img', 'image', 'video', 'audio', 'source', 'picture', 'math', 'mglyph', 'mtext', 'body', 'html', 'head',
  'title', 'marquee', 'template', 'x',
]);
/** Attributes holding an address. */
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'srcset', 'ping'];
const SCRIPT_URL = /^(?:javascript|vbscript|data):/i;

/** How a browser reads a URL attribute's scheme: control characters and white space do not count. */
// eslint-disable-next-line no-control-regex -- the control characters are what this strips
const scheme = (value: string) => value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();

/**
 * Everything in `host`'s shadow tree (nested shadow trees and its light DOM too) that a payload
 * could have produced: foreign elements, SVG other than the widgets' own icons, any `on*`
 * attribute, `srcdoc`, style attributes, script URLs, links other than in-page or http(s), forms
 * without a widget part. Returns a list of problems (empty when inert).
 */
export function findInjected(host: Element): string[] {
  const problems: string[] = [];
  const describe = (el: Element) => `<${el.localName}${el.getAttribute('part') ? ` part="${el.getAttribute('part')}"` : ''}>`;
  // The widget's own attributes (`online` of the search widget starts with "on" too).
  const own = new Set((host.constructor as { observedAttributes?: string[] }).observedAttributes ?? []);
  const check = (el: Element) => {
    const name = el.localName;
    if (FOREIGN.has(name)) problems.push(`foreign element ${describe(el)}`);
    if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml') {
      // The widgets' only SVG: decorative icons (part="icon") drawn with circles, paths and rects.
      const icon = el.closest('svg');
      const ownIcon = icon !== null && (icon.getAttribute('part') ?? '').split(/\s+/).includes('icon');
      if (!ownIcon || !['svg', 'circle', 'path', 'rect'].includes(name)) problems.push(`foreign ${el.namespaceURI} element ${describe(el)}`);
    }
    // The search's filters disclosure is the widgets' only <details> (one with a part).
    if ((name === 'form' || name === 'details') && !el.hasAttribute('part')) problems.push(`a ${name} that is not the widget's ${describe(el)}`);
    for (const attribute of el.attributes) {
      const attr = attribute.name.toLowerCase();
      if (attr.startsWith('on') && !(el === host && own.has(attr))) problems.push(`event handler attribute ${attr} on ${describe(el)}`);
      if (attr === 'srcdoc' || attr === 'style') problems.push(`${attr} attribute on ${describe(el)}`);
      if (URL_ATTRIBUTES.includes(attr) && SCRIPT_URL.test(scheme(attribute.value))) problems.push(`script URL in ${attr} of ${describe(el)}`);
    }
    if (name === 'a' && el.hasAttribute('href')) {
      const href = el.getAttribute('href') ?? '';
      if (!href.startsWith('#') && !/^https?:\/\//i.test(href)) problems.push(`link to ${href.slice(0, 60)}`);
    }
  };
  const visit = (root: ParentNode) => {
    for (const el of root.querySelectorAll('*')) {
      check(el);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  check(host);
  // The widgets render nothing into the page's own DOM (their light DOM): anything there counts too.
  visit(host);
  if (host.shadowRoot) visit(host.shadowRoot);
  return problems;
}

/** Asserts nothing in the widget's shadow tree came from data as markup. */
export function expectInert(host: Element, where: string): void {
  const problems = findInjected(host);
  expect(problems, `${where}: markup from data in the shadow DOM`).to.deep.equal([]);
}

/**
 * Watches the page for any sign that a payload ran: dialogs (stubbed, so nothing blocks), the
 * `window.__pwned` flag, and requests to the beacon path — through fetch, XMLHttpRequest,
 * sendBeacon and an image's `src`, and, whatever started them (a `<link>`, CSS `url()`, an
 * iframe…), in Resource Timing. Also counts the page's own scripts, frames and plugins.
 */
export class Tripwire {
  readonly dialogs: string[] = [];
  readonly beacons: string[] = [];
  readonly #undo: Array<() => void> = [];
  readonly #observer: PerformanceObserver;
  readonly #pageElements: number;

  constructor() {
    delete window.__pwned;
    for (const name of DIALOGS) {
      const original = window[name];
      (window as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
        this.dialogs.push(`${name}(${args.map(String).join(', ')})`);
        return name === 'confirm' ? false : name === 'prompt' ? null : undefined;
      };
      this.#undo.push(() => {
        (window as unknown as Record<string, unknown>)[name] = original;
      });
    }
    const note = (url: unknown) => {
      const href = url instanceof Request ? url.url : String(url);
      if (href.includes(BEACON_PATH)) this.beacons.push(href);
    };
    const fetch = window.fetch;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      note(input);
      return fetch.call(window, input, init);
    };
    this.#undo.push(() => {
      window.fetch = fetch;
    });
    const open = XMLHttpRequest.prototype.open;
    XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, ...args: unknown[]) {
      note(args[1]);
      return (open as (...a: unknown[]) => void).apply(this, args);
    } as typeof open;
    this.#undo.push(() => {
      XMLHttpRequest.prototype.open = open;
    });
    const sendBeacon = navigator.sendBeacon;
    navigator.sendBeacon = (url: string | URL, data?: BodyInit | null) => {
      note(url);
      return sendBeacon.call(navigator, url, data);
    };
    this.#undo.push(() => {
      navigator.sendBeacon = sendBeacon;
    });
    const src = Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, 'src')!;
    Object.defineProperty(HTMLImageElement.prototype, 'src', {
      ...src,
      set(this: HTMLImageElement, value: string) {
        note(value);
        src.set!.call(this, value);
      },
    });
    this.#undo.push(() => Object.defineProperty(HTMLImageElement.prototype, 'src', src));
    // The buffer holds 250 entries and the tests make many requests: observe instead.
    performance.clearResourceTimings();
    this.#observer = new PerformanceObserver((entries) => {
      for (const entry of entries.getEntries()) note(entry.name);
    });
    this.#observer.observe({ type: 'resource' });
    this.#pageElements = this.#countPageElements();
  }

  #countPageElements(): number {
    return document.querySelectorAll('script, iframe, object, embed, base, meta[http-equiv], link').length;
  }

  /**
   * Waits for what a payload would do later (an image's error, a frame's load, a style sheet), then
   * asserts that nothing ran and nothing reached the network or the page.
   */
  async expectNothingRan(where: string): Promise<void> {
    await sleep(300);
    for (const entry of this.#observer.takeRecords()) {
      if (entry.name.includes(BEACON_PATH)) this.beacons.push(entry.name);
    }
    for (const entry of performance.getEntriesByType('resource')) {
      if (entry.name.includes(BEACON_PATH) && !this.beacons.includes(entry.name)) this.beacons.push(entry.name);
    }
    expect(window.__pwned, `${where}: window.__pwned (set by payload #${String(window.__pwned)})`).to.equal(undefined);
    expect(this.dialogs, `${where}: dialogs opened`).to.deep.equal([]);
    expect(this.beacons, `${where}: requests to the beacon`).to.deep.equal([]);
    expect(this.#countPageElements(), `${where}: scripts, frames and links in the page`).to.equal(this.#pageElements);
  }

  dispose(): void {
    this.#observer.disconnect();
    for (const undo of this.#undo.reverse()) undo();
    delete window.__pwned;
  }
}
