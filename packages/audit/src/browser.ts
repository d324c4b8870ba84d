/**
 * Launching the system's browser and opening the audited page in it. Chromium is driven over the
 * DevTools protocol, Firefox ESR over WebDriver BiDi (both by puppeteer-core, which downloads
 * nothing: the browser is the one installed on the machine).
 */
import { existsSync } from 'node:fs';
import { launch, type Browser, type Page } from 'puppeteer-core';
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
 * Loads (or reloads) the page and waits until it is ready to audit: loaded, every custom element
 * on it defined and rendered, and the DOM quiet (widgets fetch their data after connecting).
 */
export async function openPage(page: Page, url: string): Promise<void> {
  // Every state starts as a new visit: what a widget kept in this tab for the last one (a dossier
  // looked up, a payment under way, in sessionStorage) would change what the next one shows.
  await page.evaluate(() => {
    try {
      sessionStorage.clear();
    } catch {
      // about:blank, or storage blocked: nothing kept.
    }
  }).catch(() => undefined);
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
  await installPageHelpers(page);
  await page.evaluate(whenElementsDefined, 10_000);
  await settle(page);
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

/** Resolves when every custom element in the page (shadow roots included) is defined and has rendered. */
async function whenElementsDefined(timeoutMs: number): Promise<string[]> {
  const undefinedTags = () => [...new Set(window.__dvcAudit.allElements()
    .filter((el) => el.localName.includes('-') && !customElements.get(el.localName))
    .map((el) => el.localName))];
  const deadline = Date.now() + timeoutMs;
  let waiting = undefinedTags();
  while (waiting.length > 0 && Date.now() < deadline) {
    await Promise.race([
      Promise.all(waiting.map((tag) => customElements.whenDefined(tag))),
      new Promise((resolve) => setTimeout(resolve, 250)),
    ]);
    waiting = undefinedTags();
  }
  // Lit elements render asynchronously: wait for each one's first update.
  await Promise.all(window.__dvcAudit.allElements()
    .map((el) => (el as Element & { updateComplete?: Promise<unknown> }).updateComplete)
    .filter((done) => done instanceof Promise));
  return waiting;
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
