/**
 * Launching the system's browser and opening the audited page in it. Chromium is driven over the
 * DevTools protocol, Firefox ESR over WebDriver BiDi (both by puppeteer-core, which downloads
 * nothing: the browser is the one installed on the machine).
 */
import { existsSync } from 'node:fs';
import { launch, type Browser, type HTTPRequest, type HTTPResponse, type Page } from 'puppeteer-core';
import { installPageHelpers } from './in-page.ts';
import type { BrowserName } from './types.ts';

const CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
const FIREFOX_PATHS = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

// As root (CI containers) Chromium refuses to start without --no-sandbox; the rest keep a headless
// run quiet and offline (no update checks, sync or first-run pages).
const CHROMIUM_FLAGS = [
  '--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run',
];

/** The audit's default viewport: a laptop. Reflow changes it to 320 px and back. */
export const DEFAULT_VIEWPORT = { width: 1280, height: 800 } as const;

/** Thrown when the browser cannot be found or started, or the page cannot be loaded: the audit cannot run (exit 2). */
export class AuditSetupError extends Error {
  override name = 'AuditSetupError';
}

/**
 * The browser's executable: `CHROME_PATH` / `FIREFOX_PATH` when set (they must exist), else the
 * usual Debian and Chrome locations.
 */
export function findBrowser(name: BrowserName): string {
  const variable = name === 'chromium' ? 'CHROME_PATH' : 'FIREFOX_PATH';
  const fromEnv = process.env[variable];
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new AuditSetupError(`${variable} is set to ${fromEnv}, which does not exist.`);
  }
  const found = (name === 'chromium' ? CHROMIUM_PATHS : FIREFOX_PATHS).find((path) => existsSync(path));
  if (found) return found;
  const hint = name === 'chromium' ? 'apt-get install -y chromium, or set CHROME_PATH' : 'apt-get install -y firefox-esr, or set FIREFOX_PATH';
  throw new AuditSetupError(`No ${name} found (${hint}).`);
}

/** Starts the headless browser. */
export async function launchBrowser(name: BrowserName): Promise<Browser> {
  const executablePath = findBrowser(name);
  try {
    return name === 'chromium'
      ? await launch({ executablePath, headless: true, args: CHROMIUM_FLAGS, defaultViewport: DEFAULT_VIEWPORT })
      : await launch({ browser: 'firefox', executablePath, headless: true, defaultViewport: DEFAULT_VIEWPORT });
  } catch (error) {
    throw new AuditSetupError(`Could not start ${executablePath}: ${(error as Error).message}`);
  }
}

/**
 * How long a custom element on the page may stay undefined once the page has stopped fetching
 * anything that could bring a script, unless the auditor says otherwise (--wait): its script has
 * come by then, or is not coming.
 */
export const DEFINE_TIMEOUT_MS = 10_000;
/** The longest the tool waits, from asking for the page, for custom elements while the page keeps fetching what could define them. */
export const BUSY_TIMEOUT_MS = 60_000;

/** How long the tool waited for the page's custom elements to be defined (kept in the page for the widgets check). */
export interface DefinitionWait {
  /** From asking for the page to the end of the wait. */
  sinceAskedMs: number;
  /** From the end of the page's last request that could bring a script to the end of the wait; null when one was still under way. */
  sinceQuietMs: number | null;
}

/**
 * Loads (or reloads) the page and waits until it is ready to audit: loaded, every custom element
 * on it defined and rendered, and the DOM quiet (widgets fetch their data after connecting).
 *
 * A widget's script comes after the load event: a loader imports it, or the page adds its script
 * tag late, and whether the load event waits for those imports differs between browsers (Firefox's
 * does, Chromium's does not). So the wait for definitions is not counted from the load event but
 * from the end of the page's last request: while the page is still fetching, the widget may yet come.
 */
export async function openPage(page: Page, url: string, defineWaitMs = DEFINE_TIMEOUT_MS): Promise<void> {
  // Every state starts as a new visit: what a widget kept in this tab for the last one (a dossier
  // looked up, a payment under way, in sessionStorage) would change what the next one shows.
  await page.evaluate(() => {
    try {
      sessionStorage.clear();
    } catch {
      // about:blank, or storage blocked: nothing kept.
    }
  }).catch(() => undefined);
  const network = watchNetwork(page);
  try {
    await loadPage(page, url);
    await installPageHelpers(page);
    const wait = await waitForDefinitions(page, network, defineWaitMs);
    await page.evaluate((done: DefinitionWait) => {
      window.__dvcAudit.scratch['definitionWait'] = done;
    }, wait);
  } finally {
    network.stop();
  }
  // Lit elements render asynchronously: wait for each one's first update.
  await page.evaluate(() => Promise.all(window.__dvcAudit.allElements()
    .map((el) => (el as Element & { updateComplete?: Promise<unknown> }).updateComplete)
    .filter((done) => done instanceof Promise)).then(() => undefined));
  await settle(page);
}

/** Navigates to the page and checks that it is a web page that answered. */
async function loadPage(page: Page, url: string): Promise<void> {
  let response;
  try {
    response = await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  } catch (error) {
    throw new AuditSetupError(`Could not load ${url}: ${(error as Error).message}`);
  }
  if (response && !response.ok() && response.status() !== 304) {
    throw new AuditSetupError(`${url} answered ${response.status()} ${response.statusText()}`);
  }
  const contentType = response ? notAWebPage(url, response.headers()['content-type']) : null;
  if (contentType) {
    throw new AuditSetupError(`${url} is not a web page: it is served as ${contentType}, and only an HTML page can be audited`);
  }
}

interface NetworkWatch {
  /** When the tool asked for the page. */
  asked: number;
  /** Requests under way that may bring a definition, each with whether its answer decides (its kind unknown). */
  inflight: Map<HTTPRequest, boolean>;
  /** When the last of those started or ended. */
  lastActivity: number;
  stop(): void;
}

/** Kinds of request that cannot bring a custom element's definition: a page's polls and beacons, its images, fonts and styles. */
const CANNOT_DEFINE = new Set(['fetch', 'xhr', 'eventsource', 'websocket', 'ping', 'image', 'media', 'font', 'stylesheet', 'texttrack', 'manifest', 'cspviolationreport']);

/** Content types that cannot be a script: a page's data (JSON), images, fonts, styles, media and event streams. */
const CANNOT_DEFINE_TYPE = /^\s*(application\/([\w.-]+\+)?json|image\/|font\/|text\/css|audio\/|video\/|text\/event-stream)/i;

/**
 * Whether a request may bring a script that defines a custom element, from its kind: a page that
 * polls its API for ever would otherwise keep the tool waiting for the busy timeout whenever an
 * element stays undefined. Chromium names each request's kind; Firefox's protocol does not, and
 * Chromium's "other" says nothing: then undefined, and the answer's content type decides.
 */
function kindMayDefine(request: HTTPRequest): boolean | undefined {
  let kind: string;
  try {
    kind = request.resourceType();
  } catch {
    return undefined;
  }
  return kind === 'other' ? undefined : !CANNOT_DEFINE.has(kind);
}

/** Whether an answer may have brought a script, by its content type: none (the request failed) or one without a type may have. */
function answerMayDefine(response: HTTPResponse | null): boolean {
  const type = response?.headers()['content-type'];
  return type === undefined || !CANNOT_DEFINE_TYPE.test(type);
}

/**
 * Follows the page's requests from before it is asked for: those that may bring a definition. A
 * request counts as done once its answer has begun, ended or failed (as puppeteer's own
 * network-idle wait counts it): the end of a body is not reported for every request in both
 * protocols, and one request never seen to end must not hold the audit until the busy timeout.
 * A request of no known kind holds the wait while under way, and counts as activity only if its
 * answer may have been a script.
 */
function watchNetwork(page: Page): NetworkWatch {
  const watch: NetworkWatch = { asked: Date.now(), inflight: new Map(), lastActivity: Date.now(), stop: () => undefined };
  const started = (request: HTTPRequest) => {
    const mayDefine = kindMayDefine(request);
    if (mayDefine === false) return;
    watch.inflight.set(request, mayDefine === undefined);
    if (mayDefine) watch.lastActivity = Date.now();
  };
  // Firefox's protocol tells of an answer before the request holds it: the answer is passed on.
  const ended = (request: HTTPRequest, response = request.response()) => {
    const answerDecides = watch.inflight.get(request);
    if (answerDecides === undefined) return;
    watch.inflight.delete(request);
    if (!answerDecides || answerMayDefine(response)) watch.lastActivity = Date.now();
  };
  const answered = (response: HTTPResponse) => ended(response.request(), response);
  page.on('request', started);
  page.on('response', answered);
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  watch.stop = () => {
    page.off('request', started);
    page.off('response', answered);
    page.off('requestfinished', ended);
    page.off('requestfailed', ended);
  };
  return watch;
}

/**
 * Waits until every custom element on the page is defined, or the page has fetched nothing that
 * could bring a script for `defineWaitMs` with some still undefined, or `BUSY_TIMEOUT_MS` have
 * passed since the page was asked for. Says how long it waited.
 */
async function waitForDefinitions(page: Page, network: NetworkWatch, defineWaitMs: number): Promise<DefinitionWait> {
  for (;;) {
    const waiting = await page.evaluate(whenElementsDefined, 250);
    const now = Date.now();
    const sinceQuietMs = network.inflight.size > 0 ? null : now - network.lastActivity;
    const done = waiting.length === 0 || (sinceQuietMs !== null && sinceQuietMs >= defineWaitMs) || now - network.asked >= BUSY_TIMEOUT_MS;
    if (done) return { sinceAskedMs: now - network.asked, sinceQuietMs };
  }
}

/** The media types of a web page: what a browser renders as a document the checks can audit. */
const PAGE_TYPES = ['text/html', 'application/xhtml+xml'];

/**
 * The content type an http(s) answer came with, when it is not a web page (JSON, a script, an
 * image): the browser shows it as text or a viewer, and auditing that would report the viewer's
 * faults as the address's. Null for a page, for a file: URL, and when no type was sent.
 */
export function notAWebPage(url: string, contentType: string | undefined): string | null {
  if (!/^https?:/i.test(url) || !contentType) return null;
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return PAGE_TYPES.includes(type) ? null : type;
}

/** In the page: the custom elements (shadow roots included) still undefined, once all are defined or after `timeoutMs`. */
async function whenElementsDefined(timeoutMs: number): Promise<string[]> {
  const undefinedTags = () => [...new Set(window.__dvcAudit.allElements()
    .filter((el) => el.localName.includes('-') && !customElements.get(el.localName))
    .map((el) => el.localName))];
  const waiting = undefinedTags();
  if (waiting.length === 0) return waiting;
  await Promise.race([
    Promise.all(waiting.map((tag) => customElements.whenDefined(tag))),
    new Promise((resolve) => setTimeout(resolve, timeoutMs)),
  ]);
  return undefinedTags();
}

/**
 * Waits until nothing is busy and the DOM has stopped changing for `quietMs` (a widget that
 * debounces, fetches, then renders), up to `timeoutMs`. Browser-neutral: it polls a cheap
 * fingerprint of the flat tree rather than relying on one protocol's network events.
 */
export async function settle(page: Page, quietMs = 400, timeoutMs = 10_000): Promise<void> {
  await page.evaluate(async (quiet: number, timeout: number) => {
    const fingerprint = () => {
      const elements = window.__dvcAudit.allElements();
      let text = 0;
      let busy = 0;
      for (const el of elements) {
        if (el.getAttribute('aria-busy') === 'true') busy++;
        for (const node of (el.shadowRoot ?? el).childNodes) if (node.nodeType === Node.TEXT_NODE) text += node.textContent?.length ?? 0;
      }
      return { key: `${elements.length}:${text}:${busy}`, busy };
    };
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
    const deadline = Date.now() + timeout;
    let last = fingerprint();
    let stableSince = Date.now();
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const now = fingerprint();
      if (now.key !== last.key) {
        last = now;
        stableSince = Date.now();
      } else if (now.busy === 0 && Date.now() - stableSince >= quiet) {
        break;
      }
    }
    await frame();
    await frame();
  }, quietMs, timeoutMs);
}

/** The browser's product and version, e.g. `HeadlessChrome/156.0…` or `firefox/153.7.0esr`. */
export async function browserVersion(browser: Browser): Promise<string> {
  return browser.version();
}
