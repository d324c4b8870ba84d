/**
 * The widgets' prerendered markup (scripts/prerender.mjs, `dist/cdn/prerendered/`) pasted into a
 * page as the README says, on the built CDN bundle in real browsers:
 *
 * - scripting off: each widget shows its first view in the page's language, accessible, and the
 *   search's form sends the typed query to the page `search-page` names, as a plain GET;
 * - scripting on: the markup is painted before any script has arrived; the loader then hydrates it
 *   in place (the same nodes, nothing doubled, no error, no layout shift), and the widget works by
 *   keyboard as it always does, axe-clean; the search page starts with the query `?q=` gives;
 * - a bare tag, as the README's snippet has it: the loader paints the same first view from its
 *   module (`prerendered/<tag>.<lang>.js`) before the widget's script has come, in the page's
 *   language, under a strict CSP with Trusted Types too; what is typed into it is kept, a form in it
 *   sends nothing, and the widget hydrates it. Without the modules, the widgets draw themselves;
 *   a widget's script that fails to come is asked for again, and a view whose script never comes
 *   says so.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page, Viewport } from 'puppeteer-core';
import { launch } from 'puppeteer-core';
import { findBrowser, launchBrowser } from '../../audit/src/browser.ts';
import { runAxe } from '../../audit/src/axe.ts';
import type { BrowserName } from '../../audit/src/types.ts';
import { ROOT, buildBundle, startSandbox, type Running } from '../../audit/test/support/servers.ts';
import { createStaticHandler } from '../../../scripts/static-server.mjs';
import { prerenderedFile } from '../../../scripts/prerender.mjs';
import widgetList from '../widgets.json' with { type: 'json' };
import { kitMessages, messagesIn, type Message } from './kit-messages.ts';

const BROWSERS: BrowserName[] = process.env['FIREFOX_PATH'] === 'none' ? ['chromium'] : ['chromium', 'firefox'];
const TAGS = widgetList.widgets.map((widget) => widget.tag);
const SEARCH_PAGE = '/tim-kiem.html';
const PHONE: Viewport = { width: 360, height: 740, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const LAPTOP: Viewport = { width: 1280, height: 800 };
/** Nodes of each widget's first view that hydration keeps, and the render after it too. */
const KEPT: Record<string, string[]> = {
  'dvc-procedure-search': ['form', 'input#q', 'button[type="submit"]', 'label[for="q"]', '[part="summary"]', '[part="results"]'],
  'dvc-dossier-tracker': ['form', 'input#code', 'button[type="submit"]', '[part="announcer"]'],
  'dvc-payment': ['[part="announcer"]'],
  'dvc-satisfaction-survey': ['[part="survey"]'],
};

/**
 * A widget's file pasted as the README says: `api-base` (and the search's `search-page`) on the tag,
 * the search page in the search form's `action`.
 */
async function pasted(dir: string, tag: string, lang: string, api: string): Promise<string> {
  const markup = await readFile(join(dir, prerenderedFile(tag, lang)), 'utf8');
  if (tag !== 'dvc-procedure-search') return markup.replace(`<${tag}>`, `<${tag} api-base="${api}">`);
  return markup
    .replace(`<${tag}>`, `<${tag} api-base="${api}" search-page="${SEARCH_PAGE}">`)
    .replace('method="get"', `method="get" action="${SEARCH_PAGE}"`);
}

/** The README's lines that hold the widgets' space. */
function holdCss(readme: string): string {
  const section = /^### Hold the widgets' space\n([\s\S]*?)(?=^##)/m.exec(readme)?.[1] ?? '';
  const css = /```css\n([\s\S]*?)```/.exec(section)?.[1];
  assert.ok(css, 'README: the "Hold the widgets\' space" section with its css block');
  return css;
}

const page = (lang: string, title: string, css: string, body: string, script = true): string => `<!doctype html>
<html lang="${lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title}</title>
  <link rel="icon" href="data:,">
  ${script ? '<script type="module" src="/cdn/dvc-loader.js"></script>' : ''}
  <style>
${css}  </style>
</head>
<body>
  <main>
    <h1>${title}</h1>
${body}
    <p id="below">${lang === 'vi' ? 'Đường dây nóng: 1900 0000.' : 'Hotline: 1900 0000.'}</p>
  </main>
</body>
</html>`;

let sandbox: Running;
let bundle: { dir: string; remove(): Promise<void> };
let siteDir: string;
let site: Server;
let siteUrl: string;
let kit: Message[];
/** While set, the bundle's files it names wait: the page has its markup and no widget script. */
let scriptsHeld: { promise: Promise<void>; release(): void; holds(path: string): boolean } | undefined;
/** While true, the bundle has no first views for the loader (a copy of the scripts alone). */
let firstViewsMissing = false;
/** Paths of the bundle answered 503, and how many more times (a flaky network, a failing CDN). */
const failing = new Map<string, number>();
/** While true, the tracker's Vietnamese first view comes from another build: its markers do not match the widget's. */
let trackerViewFromAnotherBuild = false;
/** Every request for a file of the bundle, as sent (path and query). */
const cdnRequests: string[] = [];
/** A strict policy: no inline style or script, and Trusted Types with Lit's one policy. */
const strictPolicy = (api: string): string => [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", `connect-src 'self' ${new URL(api).origin}`,
  "img-src 'self' data:", "object-src 'none'", "base-uri 'none'", "require-trusted-types-for 'script'", 'trusted-types lit-html',
].join('; ');

/** Holds the bundle's files back (all of them, or those `holds` names) until released. */
function holdScripts(holds: (path: string) => boolean = () => true): () => void {
  let release = () => {};
  const promise = new Promise<void>((resolve) => { release = resolve; });
  scriptsHeld = { promise, release, holds };
  return () => {
    release();
    scriptsHeld = undefined;
  };
}

/** The widgets' own scripts, not the loader nor the first views it paints. */
const widgetScripts = (path: string): boolean => !/^\/cdn\/(dvc-loader\.js|prerendered\/)/.test(path);

/** The README's snippet: the bare tag (`search-page` on the search), which the loader fills in. */
const bareTag = (tag: string, api: string): string =>
  `<${tag} api-base="${api}"${tag === 'dvc-procedure-search' ? ` search-page="${SEARCH_PAGE}"` : ''}></${tag}>`;

before(async () => {
  [sandbox, bundle, kit] = await Promise.all([startSandbox(), buildBundle(), kitMessages()]);
  const css = holdCss(await readFile(join(ROOT, 'README.md'), 'utf8'));
  siteDir = await mkdtemp(join(tmpdir(), 'dvc-prerendered-'));
  const search = await pasted(bundle.dir, 'dvc-procedure-search', 'vi', sandbox.url);
  // The README's one-widget page, and the search page it names (the same markup).
  await writeFile(join(siteDir, 'index.html'), page('vi', 'Tra cứu thủ tục hành chính', css, search));
  await writeFile(join(siteDir, SEARCH_PAGE.slice(1)), page('vi', 'Kết quả tra cứu', css, search));
  for (const lang of ['vi', 'en']) {
    const widgets = await Promise.all(TAGS.map((tag) => pasted(bundle.dir, tag, lang, sandbox.url)));
    await writeFile(join(siteDir, `all.${lang}.html`), page(lang, lang === 'vi' ? 'Tiện ích' : 'Widgets', css, widgets.join('\n')));
    if (lang === 'en') {
      // The Vietnamese files on an English page.
      const vi = await Promise.all(TAGS.map((tag) => pasted(bundle.dir, tag, 'vi', sandbox.url)));
      await writeFile(join(siteDir, 'mismatch.en.html'), page('en', 'Widgets', css, vi.join('\n')));
    }
    // The markup alone: what a browser without scripting shows.
    await writeFile(join(siteDir, `markup.${lang}.html`), page(lang, lang === 'vi' ? 'Tiện ích' : 'Widgets', css, widgets.join('\n'), false));
    // The bare tags, which the loader paints.
    await writeFile(join(siteDir, `bare.${lang}.html`), page(lang, lang === 'vi' ? 'Tiện ích' : 'Widgets', css, TAGS.map((tag) => bareTag(tag, sandbox.url)).join('\n')));
  }
  // The same under a strict policy: the page's own styles in a file, as such a policy asks.
  await mkdir(join(siteDir, 'strict'));
  await writeFile(join(siteDir, 'strict/page.css'), css);
  await writeFile(join(siteDir, 'strict/bare.vi.html'), page('vi', 'Tiện ích', '', TAGS.map((tag) => bareTag(tag, sandbox.url)).join('\n'))
    .replace(/<style>[\s\S]*?<\/style>/, '<link rel="stylesheet" href="/strict/page.css">'));
  // And under a policy that allows another Trusted Types policy than Lit's: the kit cannot start.
  await mkdir(join(siteDir, 'tt'));
  await writeFile(join(siteDir, 'tt/bare.vi.html'), page('vi', 'Tiện ích', '', TAGS.map((tag) => bareTag(tag, sandbox.url)).join('\n'))
    .replace(/<style>[\s\S]*?<\/style>/, '<link rel="stylesheet" href="/strict/page.css">'));
  const pastedVi = await Promise.all(TAGS.map((tag) => pasted(bundle.dir, tag, 'vi', sandbox.url)));
  await writeFile(join(siteDir, 'strict/all.vi.html'), page('vi', 'Tiện ích', '', pastedVi.join('\n'))
    .replace(/<style>[\s\S]*?<\/style>/, '<link rel="stylesheet" href="/strict/page.css">'));
  const serve = createStaticHandler({ routes: [['/cdn/', bundle.dir], ['/', siteDir]] });
  site = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (firstViewsMissing && path.startsWith('/cdn/prerendered/')) return void response.writeHead(404).end();
    if (path.startsWith('/cdn/')) cdnRequests.push(request.url ?? '');
    if (trackerViewFromAnotherBuild && path === '/cdn/prerendered/dvc-dossier-tracker.vi.js') {
      void readFile(join(bundle.dir, 'prerendered/dvc-dossier-tracker.vi.js'), 'utf8').then((view) => {
        response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
        response.end(view.replace(/lit-part [\w+/=]+/, 'lit-part AAAAAAAAAAA='));
      });
      return;
    }
    const failures = failing.get(path) ?? 0;
    if (failures > 0) {
      failing.set(path, failures - 1);
      return void response.writeHead(503, { 'cache-control': 'no-store' }).end();
    }
    if (path.startsWith('/strict/')) response.setHeader('content-security-policy', strictPolicy(sandbox.url));
    if (path.startsWith('/tt/')) response.setHeader('content-security-policy', strictPolicy(sandbox.url).replace('trusted-types lit-html', 'trusted-types default'));
    const held = path.startsWith('/cdn/') && scriptsHeld?.holds(path) ? scriptsHeld.promise : undefined;
    void (held ?? Promise.resolve()).then(() => serve(request, response));
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  const address = site.address();
  siteUrl = `http://localhost:${typeof address === 'object' && address ? address.port : 0}`;
});

after(async () => {
  scriptsHeld?.release();
  site?.closeAllConnections();
  await new Promise((resolve) => site ? site.close(resolve) : resolve(undefined));
  await sandbox?.stop();
  await bundle?.remove();
  if (siteDir) await rm(siteDir, { recursive: true, force: true });
});

/** What each widget's shadow root shows a reader, by tag (no style text). */
const widgetTexts = (tab: Page): Promise<Record<string, string>> => tab.evaluate((tags: string[]) => {
  const textOf = (node: Node): string => node.nodeType === Node.TEXT_NODE ? (node as Text).data
    : ['STYLE', 'SCRIPT'].includes(node.nodeName) ? '' : [...node.childNodes].map(textOf).join(' ');
  return Object.fromEntries(tags.map((tag) => [tag, textOf(document.querySelector(tag)?.shadowRoot ?? document.createTextNode('')).replace(/\s+/g, ' ').trim()]));
}, TAGS);

/** The element focused, through shadow roots, as `tag#id`. */
const focused = (tab: Page): Promise<string> => tab.evaluate(() => {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element ? `${element.localName}${element.id ? `#${element.id}` : ''}` : '';
});

/** Tabs forward until the search box has focus (a page's links come first). */
async function tabToSearchBox(tab: Page): Promise<void> {
  for (let presses = 0; presses < 10; presses++) {
    await tab.keyboard.press('Tab');
    if (await focused(tab) === 'input#q') return;
  }
  assert.fail(`the search box was not reached by Tab (focus on ${await focused(tab)})`);
}

/** Tabs forward until the tracker's code field has focus. */
async function tabToCodeField(tab: Page): Promise<void> {
  for (let presses = 0; presses < 12; presses++) {
    if (await focused(tab) === 'input#code') return;
    await tab.keyboard.press('Tab');
  }
  assert.equal(await focused(tab), 'input#code', 'the tracker\'s code field, by Tab');
}

/** Every widget on the page defined and done with its renders (the hydrating one and the one after). */
async function hydrated(tab: Page, tags: string[]): Promise<void> {
  await tab.evaluate(async (names: string[]) => {
    await Promise.all(names.map((tag) => customElements.whenDefined(tag)));
    const widgets = [...document.querySelectorAll(names.join(','))] as Array<Element & { updateComplete: Promise<boolean> }>;
    for (let round = 0; round < 5; round++) {
      const done = await Promise.all(widgets.map((widget) => widget.updateComplete));
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      if (done.every(Boolean) && round > 0) break;
    }
  }, tags);
}

async function axeFailures(tab: Page, browserName: BrowserName): Promise<string[]> {
  const { findings } = await runAxe({ page: tab, browser: browserName, capture: async () => {} });
  return findings.filter((finding) => finding.severity === 'failure').map((finding) => `${finding.rule}: ${finding.selector} (${finding.message})`);
}

for (const browserName of BROWSERS) {
  describe(`prerendered widgets, in ${browserName}`, () => {
    let browser: Browser;
    before(async () => { browser = await launchBrowser(browserName); });
    after(async () => { await browser?.close(); });

    async function open(path: string, { scripting = true, wait = true, viewport = LAPTOP } = {}) {
      const context = await browser.createBrowserContext();
      const tab = await context.newPage();
      await tab.setViewport(viewport);
      const errors: string[] = [];
      tab.on('console', (message) => {
        if (message.type() === 'error' || /hydrat/i.test(message.text())) errors.push(message.text());
      });
      tab.on('pageerror', (error) => void errors.push(String(error)));
      if (!scripting) await tab.setJavaScriptEnabled(false);
      const loaded = tab.goto(`${siteUrl}${path}`, { waitUntil: 'load' });
      if (wait) await loaded;
      return { tab, errors, loaded, close: () => context.close() };
    }

    test('the markup alone (no script on the page): every widget shows its first view in the page\'s language, accessible', async () => {
      for (const lang of ['vi', 'en'] as const) {
        const { tab, close } = await open(`/markup.${lang}.html`);
        try {
          assert.equal(await tab.evaluate(() => typeof customElements.get('dvc-procedure-search')), 'undefined', 'no widget was defined');
          const texts = await widgetTexts(tab);
          for (const tag of TAGS) {
            const { own, foreign } = messagesIn(texts[tag] ?? '', lang, kit);
            assert.deepEqual(foreign, [], `${tag} on a ${lang} page shows: ${texts[tag]}`);
            assert.ok(own.length > 0, `${tag} on a ${lang} page shows none of its messages: ${texts[tag]}`);
          }
          const heights = await tab.evaluate((tags: string[]) => tags.map((tag) => document.querySelector(tag)!.getBoundingClientRect().height), TAGS);
          for (const [index, height] of heights.entries()) assert.ok(height > 0, `${TAGS[index]} takes room on the page`);
          assert.deepEqual(await axeFailures(tab, browserName), []);
        } finally {
          await close();
        }
      }
    });

    /**
     * The README's page with scripting off: Chromium turns it off for one tab; Firefox ESR only for
     * a whole browser (a preference), which then runs no script for the test either.
     */
    async function openWithoutScripting(path: string): Promise<{ tab: Page; close(): Promise<void> }> {
      if (browserName === 'chromium') return open(path, { scripting: false });
      const firefox = await launch({
        browser: 'firefox', executablePath: findBrowser('firefox'), headless: true, defaultViewport: LAPTOP,
        extraPrefsFirefox: { 'javascript.enabled': false },
      });
      const tab = await firefox.newPage();
      await tab.goto(`${siteUrl}${path}`, { waitUntil: 'load' });
      return { tab, close: () => firefox.close() };
    }

    test('scripting off: the search sends the typed query to the search page, as a GET', async () => {
      const { tab, close } = await openWithoutScripting('/');
      try {
        // The search box is the page's first control. What is typed reaches the address only
        // through it, and only by the form itself: the live widget searches in place.
        await tab.keyboard.press('Tab');
        await tab.keyboard.type('khai sinh');
        await Promise.all([tab.waitForNavigation({ waitUntil: 'load' }), tab.keyboard.press('Enter')]);
        const url = new URL(tab.url());
        assert.equal(url.pathname, SEARCH_PAGE);
        assert.equal(url.searchParams.get('q'), 'khai sinh');
      } finally {
        await close();
      }
    });

    test('scripting off: the tracker, the payment and the survey say they need JavaScript, rather than a form or "Loading…" that waits for ever', async () => {
      const expected: Record<string, string> = {
        'dvc-dossier-tracker': 'Để tra cứu hồ sơ, cần bật JavaScript trong trình duyệt.',
        'dvc-payment': 'Để thanh toán trực tuyến, cần bật JavaScript trong trình duyệt. Ông/Bà cũng có thể nộp phí, lệ phí tại Bộ phận Một cửa.',
        'dvc-satisfaction-survey': 'Để đánh giá, cần bật JavaScript trong trình duyệt.',
      };
      const { tab, close } = await openWithoutScripting('/markup.vi.html');
      try {
        // What each shows (layout text: what is hidden is not in it).
        const shown = await tab.evaluate((tags: string[]) => Object.fromEntries(tags.map((tag) => {
          const root = document.querySelector(tag)!.shadowRoot!;
          const visible = [...root.children].filter((child) => getComputedStyle(child).display !== 'none').map((child) => (child as HTMLElement).innerText.trim()).filter(Boolean);
          return [tag, { visible, forms: [...root.querySelectorAll('form')].filter((form) => form.getClientRects().length > 0).length }];
        })), Object.keys(expected));
        for (const [tag, message] of Object.entries(expected)) {
          assert.ok(shown[tag]!.visible.some((text: string) => text.includes(message)), `${tag}: ${JSON.stringify(shown[tag])}`);
          assert.ok(!shown[tag]!.visible.some((text: string) => /Đang tải/.test(text)), `${tag} says "Loading…": ${JSON.stringify(shown[tag])}`);
          assert.equal(shown[tag]!.forms, 0, `${tag} shows a form that cannot work`);
        }
        // No space held for a drawing that will not come: each is as tall as its message.
        const heights = await tab.evaluate((tags: string[]) => tags.map((tag) => document.querySelector(tag)!.getBoundingClientRect().height), Object.keys(expected));
        for (const [i, tag] of Object.keys(expected).entries()) assert.ok(heights[i]! < 160, `${tag} is ${heights[i]} px tall`);
        // The search works without scripts: nothing said, its form shown.
        assert.equal(await tab.evaluate(() => document.querySelector('dvc-procedure-search')!.shadowRoot!.querySelector('form')!.getClientRects().length > 0), true);
      } finally {
        await close();
      }
    });

    test('scripting on: painted before the scripts arrive, then hydrated in place: the same nodes, nothing doubled, no error, axe-clean', async () => {
      for (const lang of ['vi', 'en'] as const) {
        const release = holdScripts();
        const { tab, errors, loaded, close } = await open(`/all.${lang}.html`, { wait: false });
        try {
          // The scripts are held back: what shows is the markup alone, painted.
          await tab.waitForFunction(() => document.querySelector('#below') !== null && performance.getEntriesByType('paint').length > 0, { timeout: 15_000, polling: 50 });
          const before = await tab.evaluate((kept: Record<string, string[]>) => {
            const nodes = Object.entries(kept).flatMap(([tag, selectors]) => selectors.map((selector) => document.querySelector(tag)?.shadowRoot?.querySelector(selector)));
            (window as unknown as { __kept: unknown[] }).__kept = nodes;
            return { missing: nodes.filter((node) => !node).length, defined: Object.keys(kept).filter((tag) => customElements.get(tag) !== undefined) };
          }, KEPT);
          assert.deepEqual(before, { missing: 0, defined: [] }, 'every widget painted from its markup before any script');
          const textsBefore = await widgetTexts(tab);
          for (const tag of TAGS) assert.deepEqual(messagesIn(textsBefore[tag] ?? '', lang, kit).foreign, [], `${tag} painted: ${textsBefore[tag]}`);
          release();
          await loaded;
          await hydrated(tab, TAGS);
          const after = await tab.evaluate((kept: Record<string, string[]>) => {
            const nodes = Object.entries(kept).flatMap(([tag, selectors]) => selectors.map((selector) => document.querySelector(tag)?.shadowRoot?.querySelector(selector)));
            const earlier = (window as unknown as { __kept: unknown[] }).__kept;
            return {
              changed: Object.entries(kept).flatMap(([tag, selectors]) => selectors.map((selector) => `${tag} ${selector}`)).filter((_, index) => nodes[index] !== earlier[index]),
              forms: document.querySelector('dvc-procedure-search')!.shadowRoot!.querySelectorAll('form').length
                + document.querySelector('dvc-dossier-tracker')!.shadowRoot!.querySelectorAll('form').length,
              styles: Object.keys(kept).map((tag) => document.querySelector(tag)!.shadowRoot!.querySelectorAll('style').length),
            };
          }, KEPT);
          assert.deepEqual(errors, []);
          assert.deepEqual(after.changed, [], 'hydration kept the prerendered nodes');
          assert.equal(after.forms, 2, 'one form in the search, one in the tracker');
          assert.deepEqual(after.styles, TAGS.map(() => 1), 'each widget keeps its one style element');
          const texts = await widgetTexts(tab);
          for (const tag of TAGS) assert.deepEqual(messagesIn(texts[tag] ?? '', lang, kit).foreign, [], `${tag} hydrated: ${texts[tag]}`);
          assert.deepEqual(await axeFailures(tab, browserName), [], 'the hydrated widgets are axe-clean');
          assert.deepEqual(errors, []);
        } finally {
          release();
          await close();
        }
      }
    });

    // Chromium alone reports layout shifts.
    if (browserName === 'chromium') {
      test('scripting on: nothing on the README\'s search page moves as the search is hydrated, on a phone or a laptop', async () => {
        for (const viewport of [PHONE, LAPTOP]) {
          const { tab, close } = await open('/', { viewport });
          try {
            await hydrated(tab, ['dvc-procedure-search']);
            const shifts = await tab.evaluate(() => new Promise<string[]>((resolve) => {
              new PerformanceObserver((list) => resolve(list.getEntries().map((entry) => {
                const { value, sources = [] } = entry as unknown as { value: number; sources?: Array<{ previousRect: DOMRect; currentRect: DOMRect }> };
                return `${value.toFixed(4)}: ${sources.map((source) => `y ${Math.round(source.previousRect.y)} → ${Math.round(source.currentRect.y)}`).join(', ')}`;
              }))).observe({ type: 'layout-shift', buffered: true });
              // No entry at all: the observer is never called.
              setTimeout(() => resolve([]), 500);
            }));
            assert.deepEqual(shifts, [], `${viewport.width} px wide`);
          } finally {
            await close();
          }
        }
      });
    }

    test('scripting on: the README\'s search page, hydrated, searches by keyboard, in place, axe-clean', async () => {
      const { tab, errors, close } = await open('/');
      try {
        await hydrated(tab, ['dvc-procedure-search']);
        await tabToSearchBox(tab);
        await tab.keyboard.type('khai sinh');
        await tab.keyboard.press('Enter');
        await tab.waitForFunction(() => (document.querySelector('dvc-procedure-search')?.shadowRoot?.querySelectorAll('[part="item"]').length ?? 0) > 0, { timeout: 15_000, polling: 100 });
        assert.equal(new URL(tab.url()).pathname, '/', 'the live widget searched in place: the form was not sent');
        // Its live region, empty in the markup, says the count: hydration left it able to speak.
        await tab.waitForFunction(() => /\d/.test(document.querySelector('dvc-procedure-search')?.shadowRoot?.querySelector('[role="status"]')?.textContent ?? ''),
          { timeout: 5000, polling: 100 });
        assert.deepEqual(await axeFailures(tab, browserName), []);
        assert.deepEqual(errors, []);
      } finally {
        await close();
      }
    });

    test('scripting on: markup pasted in another language than the page\'s is drawn anew in the page\'s', async () => {
      const { tab, errors, close } = await open('/mismatch.en.html');
      try {
        await hydrated(tab, TAGS);
        const texts = await widgetTexts(tab);
        for (const tag of TAGS) {
          const { own, foreign } = messagesIn(texts[tag] ?? '', 'en', kit);
          assert.deepEqual(foreign, [], `${tag} on an en page, its vi markup pasted: ${texts[tag]}`);
          assert.ok(own.length > 0, `${tag}: ${texts[tag]}`);
        }
        assert.equal(await tab.evaluate(() => document.querySelector('dvc-procedure-search')!.shadowRoot!.querySelectorAll('form').length), 1);
        assert.deepEqual(errors, []);
      } finally {
        await close();
      }
    });

    test('scripting on: what the citizen types before the script arrives is kept, and searched once it has', async () => {
      const release = holdScripts();
      const { tab, errors, loaded, close } = await open('/', { wait: false });
      try {
        await tab.waitForFunction(() => document.querySelector('#below') !== null, { timeout: 15_000, polling: 50 });
        await tabToSearchBox(tab);
        await tab.keyboard.type('khai sinh');
        assert.equal(await tab.evaluate(() => customElements.get('dvc-procedure-search')), undefined, 'typed before the script');
        release();
        await loaded;
        await tab.waitForFunction(() => (document.querySelector('dvc-procedure-search')?.shadowRoot?.querySelectorAll('[part="item"]').length ?? 0) > 0, { timeout: 15_000, polling: 100 });
        assert.equal(await tab.evaluate(() => document.querySelector('dvc-procedure-search')!.shadowRoot!.querySelector('input')!.value), 'khai sinh');
        assert.equal(await focused(tab), 'input#q', 'the focus stayed in the search box');
        assert.deepEqual(errors, []);
      } finally {
        release();
        await close();
      }
    });

    test('scripting on: Enter in the pasted tracker before any script leaves the page as it is, and the widget keeps what was typed', async () => {
      const release = holdScripts();
      const { tab, errors, loaded, close } = await open('/all.vi.html', { wait: false });
      try {
        await tab.waitForFunction(() => document.querySelector('dvc-satisfaction-survey') !== null, { timeout: 15_000, polling: 50 });
        await tab.evaluate(() => { (window as Window & { stillHere?: boolean }).stillHere = true; });
        await tabToCodeField(tab);
        await tab.keyboard.type('000.00.15.H26-250714-0042');
        await tab.keyboard.press('Tab');
        await tab.keyboard.type('001234567890');
        await tab.keyboard.press('Enter');
        await new Promise((resolve) => setTimeout(resolve, 500));
        assert.equal(await tab.evaluate(() => (window as Window & { stillHere?: boolean }).stillHere), true, 'the page was not reloaded');
        assert.equal(await tab.evaluate(() => location.search), '', 'nothing was sent in the address');
        release();
        await loaded;
        await hydrated(tab, TAGS);
        assert.deepEqual(await tab.evaluate(() => [...document.querySelector('dvc-dossier-tracker')!.shadowRoot!.querySelectorAll('input')].map((input) => input.value)),
          ['000.00.15.H26-250714-0042', '001234567890']);
        assert.equal(await focused(tab), 'input#applicant-id', 'the focus stayed in the identity number');
        assert.deepEqual(errors, []);
      } finally {
        release();
        await close();
      }
    });

    test('scripting on: the search page starts with the query and the filters the form sent; another page leaves ?q= alone', async () => {
      const results = (tab: Page) => tab.evaluate(() => document.querySelector('dvc-procedure-search')!.shadowRoot!.querySelectorAll('[part="item"]').length);
      // As the plain form sends it, with scripting off: every filter, the ones left at "All" empty.
      const { tab, errors, close } = await open(`${SEARCH_PAGE}?q=${encodeURIComponent('khai sinh')}&field=&level=commune&online=`);
      try {
        await tab.waitForFunction(() => (document.querySelector('dvc-procedure-search')?.shadowRoot?.querySelectorAll('[part="item"]').length ?? 0) > 0, { timeout: 15_000, polling: 100 });
        assert.equal(await tab.evaluate(() => document.querySelector('dvc-procedure-search')!.shadowRoot!.querySelector('input')!.value), 'khai sinh');
        assert.deepEqual(await tab.evaluate(() => {
          const search = document.querySelector('dvc-procedure-search') as Element & { level: string; field: string; online: string };
          const items = [...search.shadowRoot!.querySelectorAll('[part="item"]')];
          return { level: search.level, chosen: search.shadowRoot!.querySelector<HTMLSelectElement>('select#filter-level')!.value, field: search.field, online: search.online,
            allCommune: items.every((item) => /Cấp xã/.test(item.textContent ?? '')) };
        }), { level: 'commune', chosen: 'commune', field: '', online: '', allCommune: true });
        assert.deepEqual(errors, []);
      } finally {
        await close();
      }
      const other = await open(`/?q=${encodeURIComponent('khai sinh')}`);
      try {
        await hydrated(other.tab, ['dvc-procedure-search']);
        assert.equal(await other.tab.evaluate(() => document.querySelector('dvc-procedure-search')!.shadowRoot!.querySelector('input')!.value), '');
        assert.equal(await results(other.tab), 0);
      } finally {
        await other.close();
      }
    });

    /** Every widget of the page painted with its first view's nodes (KEPT); the nodes kept for later. */
    const firstViewsPainted = (tab: Page) => tab.waitForFunction((kept: Record<string, string[]>) => {
      const nodes = Object.entries(kept).flatMap(([tag, selectors]) => selectors.map((selector) => document.querySelector(tag)?.shadowRoot?.querySelector(selector)));
      (window as unknown as { __kept: unknown[] }).__kept = nodes;
      return nodes.every(Boolean);
    }, { timeout: 15_000, polling: 50 }, KEPT);

    /** The first views' nodes still the ones painted, and what each widget's root holds. */
    const keptAfterHydration = (tab: Page) => tab.evaluate((kept: Record<string, string[]>) => {
      const nodes = Object.entries(kept).flatMap(([tag, selectors]) => selectors.map((selector) => document.querySelector(tag)?.shadowRoot?.querySelector(selector)));
      const earlier = (window as unknown as { __kept: unknown[] }).__kept;
      return {
        changed: Object.entries(kept).flatMap(([tag, selectors]) => selectors.map((selector) => `${tag} ${selector}`)).filter((_, index) => nodes[index] !== earlier[index]),
        forms: ['dvc-procedure-search', 'dvc-dossier-tracker'].map((tag) => document.querySelector(tag)!.shadowRoot!.querySelectorAll('form').length),
      };
    }, KEPT);

    /** Per widget: not yet defined, drawn as a block by its own styles (a constructed sheet, no style element). */
    const paintedBeforeScript = (tab: Page) => tab.evaluate((tags: string[]) => tags.map((tag) => {
      const element = document.querySelector(tag)!;
      return `${tag}: ${customElements.get(tag) ? 'defined' : 'not defined'}, ${getComputedStyle(element).display}, `
        + `${element.shadowRoot!.adoptedStyleSheets.length} sheet, ${element.shadowRoot!.querySelectorAll('style').length} style elements`;
    }), TAGS);

    /**
     * Opens `path` with the widgets' own scripts held back, waits for the loader's first views, and
     * runs `use`, which lets the scripts come with `release()`; `loaded` settles once they have.
     */
    async function withFirstViews(path: string, use: (page: { tab: Page; errors: string[]; loaded: Promise<unknown>; release(): void }) => Promise<void>,
      holds = widgetScripts): Promise<void> {
      const release = holdScripts(holds);
      const { tab, errors, loaded, close } = await open(path, { wait: false });
      try {
        await firstViewsPainted(tab);
        await use({ tab, errors, loaded, release });
      } finally {
        release();
        await close();
      }
    }

    test('a bare tag: the loader paints its first view before the widget\'s script, in the page\'s language, axe-clean; the widget hydrates it in place', async () => {
      for (const lang of ['vi', 'en'] as const) {
        await withFirstViews(`/bare.${lang}.html`, async ({ tab, errors, loaded, release }) => {
          assert.deepEqual(await paintedBeforeScript(tab), TAGS.map((tag) => `${tag}: not defined, block, 1 sheet, 0 style elements`));
          const painted = await widgetTexts(tab);
          for (const tag of TAGS) {
            const { own, foreign } = messagesIn(painted[tag] ?? '', lang, kit);
            assert.deepEqual(foreign, [], `${tag} painted on a ${lang} page: ${painted[tag]}`);
            assert.ok(own.length > 0, `${tag} painted none of its messages: ${painted[tag]}`);
          }
          assert.deepEqual(await axeFailures(tab, browserName), [], 'the first views are axe-clean');
          release();
          await loaded;
          await hydrated(tab, TAGS);
          assert.deepEqual(await keptAfterHydration(tab), { changed: [], forms: [1, 1] }, 'hydration kept the painted nodes, nothing doubled');
          const texts = await widgetTexts(tab);
          for (const tag of TAGS) assert.deepEqual(messagesIn(texts[tag] ?? '', lang, kit).foreign, [], `${tag} hydrated: ${texts[tag]}`);
          assert.deepEqual(await axeFailures(tab, browserName), [], 'the hydrated widgets are axe-clean');
          assert.deepEqual(errors, []);
        });
      }
    });

    test('a bare tag: what is typed and chosen in its first view is kept, the form is not sent as a page\'s, and the search then searches it', async () => {
      await withFirstViews('/bare.vi.html', async ({ tab, errors, loaded, release }) => {
        const search = (selector: string) => tab.evaluateHandle((s: string) => document.querySelector('dvc-procedure-search')!.shadowRoot!.querySelector(s)!, selector);
        // The filters opened and a level chosen, before the script.
        await (await search('details.filters-disclosure > summary')).evaluate((summary) => (summary as HTMLElement).focus());
        await tab.keyboard.press('Enter');
        // As a choice in the list makes it. Focus then moves by script: the search box comes before the
        // filters, and Firefox under puppeteer leaves the page when Tab goes past its end to wrap.
        await (await search('select#filter-level')).evaluate((select) => {
          (select as HTMLSelectElement).value = 'province';
          for (const type of ['input', 'change']) select.dispatchEvent(new Event(type, { bubbles: true }));
        });
        await (await search('input#q')).evaluate((input) => (input as HTMLElement).focus());
        await tab.keyboard.type('khai sinh');
        await tab.keyboard.press('Enter');
        await tab.evaluate(() => document.querySelector('dvc-dossier-tracker')!.shadowRoot!.querySelector<HTMLElement>('input#code')!.focus());
        await tab.keyboard.type('G01.23-260101-0001');
        await new Promise((resolve) => setTimeout(resolve, 300));
        assert.equal(tab.url(), `${siteUrl}/bare.vi.html`, 'no form was sent');
        assert.deepEqual(await tab.evaluate((tags: string[]) => tags.filter((tag) => customElements.get(tag)), TAGS), [], 'typed before any widget\'s script');
        release();
        await loaded;
        await tab.waitForFunction(() => (document.querySelector('dvc-procedure-search')?.shadowRoot?.querySelectorAll('[part="item"]').length ?? 0) > 0, { timeout: 15_000, polling: 100 });
        await hydrated(tab, TAGS);
        assert.deepEqual(await tab.evaluate(() => ['dvc-procedure-search', 'dvc-dossier-tracker'].map((tag) => document.querySelector(tag)!.shadowRoot!.querySelector('input')!.value)),
          ['khai sinh', 'G01.23-260101-0001']);
        assert.deepEqual(await tab.evaluate(() => {
          const widget = document.querySelector('dvc-procedure-search') as Element & { level: string };
          const root = widget.shadowRoot!;
          return { level: widget.level, chosen: root.querySelector<HTMLSelectElement>('select#filter-level')!.value, open: root.querySelector<HTMLDetailsElement>('details.filters-disclosure')!.open };
        }), { level: 'province', chosen: 'province', open: true }, 'the level chosen before the script is kept, and searched with');
        assert.equal(await focused(tab), 'input#code', 'the focus stayed where it was');
        assert.equal(new URL(tab.url()).pathname, '/bare.vi.html');
        assert.deepEqual(errors, []);
      });
    });

    test('a bare tag added while its widget is still loading gets the first view too, and is hydrated', async () => {
      await withFirstViews('/bare.vi.html', async ({ tab, errors, loaded, release }) => {
        await tab.evaluate((api: string) => {
          const tracker = document.createElement('dvc-dossier-tracker');
          tracker.id = 'added';
          tracker.setAttribute('api-base', api);
          document.querySelector('main')!.append(tracker);
        }, sandbox.url);
        await tab.waitForFunction(() => document.querySelector('#added')?.shadowRoot?.querySelector('form input#code'), { timeout: 5000, polling: 50 });
        assert.equal(await tab.evaluate(() => customElements.get('dvc-dossier-tracker')), undefined, 'painted before the script');
        assert.equal(await tab.evaluate(() => {
          const [first, added] = [...document.querySelectorAll('dvc-dossier-tracker')].map((tracker) => tracker.shadowRoot!.adoptedStyleSheets);
          return first!.length === 1 && first![0] === added![0];
        }), true, 'the view\'s styles parsed once, adopted by both');
        release();
        await loaded;
        await hydrated(tab, TAGS);
        assert.deepEqual(await tab.evaluate(() => [...document.querySelectorAll('dvc-dossier-tracker')].map((tracker) => tracker.shadowRoot!.querySelectorAll('form').length)), [1, 1]);
        assert.deepEqual(errors, []);
      });
    });

    test('a bare tag: Enter pressed in its first view before the script is sent to the widget once it has come', async () => {
      await withFirstViews('/bare.vi.html', async ({ tab, errors, loaded, release }) => {
        await tabToCodeField(tab);
        await tab.keyboard.type('G01.23-260101-0001');
        await tab.keyboard.press('Enter');
        await tab.keyboard.press('Enter');
        assert.equal(await tab.evaluate(() => customElements.get('dvc-dossier-tracker')), undefined, 'sent before the script');
        release();
        await loaded;
        // The tracker checks what it was sent: the identity number is missing, and the summary says so.
        await tab.waitForFunction(() => document.querySelector('dvc-dossier-tracker')?.shadowRoot?.querySelector('[part="error-summary"]'), { timeout: 15_000, polling: 100 });
        const links = await tab.evaluate(() => [...document.querySelector('dvc-dossier-tracker')!.shadowRoot!.querySelectorAll('[part="error-link"]')].map((link) => link.textContent?.trim()));
        assert.deepEqual(links, ['Nhập số định danh cá nhân']);
        assert.equal(new URL(tab.url()).pathname, '/bare.vi.html', 'not sent as a page\'s form');
        assert.equal(new URL(tab.url()).search, '');
        assert.deepEqual(errors, []);
      });
    });

    test('a bare tag: the page switched to English before the widget\'s script: its first view follows, keeping what was typed, the focus and Enter; the widget hydrates it', async () => {
      // Only Lit's hydration held (every widget waits for it): requests held by the server would
      // take the browser's six connections, and the English views would wait behind them.
      await withFirstViews('/bare.vi.html', async ({ tab, errors, loaded, release }) => {
        await tabToCodeField(tab);
        await tab.keyboard.type('G01.23-260101-0001');
        // As a portal's language switch, or its script setting the language chosen last time.
        await tab.evaluate(() => { document.documentElement.lang = 'en'; });
        const inEnglish = (texts: Record<string, string>) => TAGS.every((tag) => {
          const { own, foreign } = messagesIn(texts[tag] ?? '', 'en', kit);
          return own.length > 0 && foreign.length === 0;
        });
        let painted = await widgetTexts(tab);
        for (const deadline = Date.now() + 15_000; !inEnglish(painted) && Date.now() < deadline;) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          painted = await widgetTexts(tab);
        }
        for (const tag of TAGS) assert.deepEqual(messagesIn(painted[tag] ?? '', 'en', kit).foreign, [], `${tag} painted again: ${painted[tag]}`);
        assert.equal(await tab.evaluate(() => document.querySelector('dvc-dossier-tracker')!.shadowRoot!.querySelector('input')!.value), 'G01.23-260101-0001');
        assert.equal(await focused(tab), 'input#code', 'the focus stayed in the field');
        await tab.keyboard.type('2');
        assert.equal(await tab.evaluate(() => document.querySelector('dvc-dossier-tracker')!.shadowRoot!.querySelector('input')!.value), 'G01.23-260101-00012', 'the caret where it was');
        await tab.keyboard.press('Backspace');
        await tab.keyboard.press('Enter');
        assert.deepEqual(await tab.evaluate((tags: string[]) => tags.filter((tag) => customElements.get(tag)), TAGS), [], 'all before any widget\'s script');
        assert.deepEqual(await axeFailures(tab, browserName), [], 'the first views painted again are axe-clean');
        await firstViewsPainted(tab);
        release();
        await loaded;
        // Hydrated as painted (nothing drawn anew), and the Enter sent: the identity number is missing.
        await tab.waitForFunction(() => document.querySelector('dvc-dossier-tracker')?.shadowRoot?.querySelector('[part="error-summary"]'), { timeout: 15_000, polling: 100 });
        await hydrated(tab, TAGS);
        assert.deepEqual(await keptAfterHydration(tab), { changed: [], forms: [1, 1] }, 'hydration kept the nodes painted again');
        const links = await tab.evaluate(() => [...document.querySelector('dvc-dossier-tracker')!.shadowRoot!.querySelectorAll('[part="error-link"]')].map((link) => link.textContent?.trim()));
        assert.deepEqual(links, ['Enter your personal identification number']);
        assert.equal(await tab.evaluate(() => document.querySelector('dvc-dossier-tracker')!.shadowRoot!.querySelector<HTMLInputElement>('input#code')!.value), 'G01.23-260101-0001');
        assert.equal(new URL(tab.url()).pathname, '/bare.vi.html', 'not sent as a page\'s form');
        assert.deepEqual(errors, []);
      }, (path) => path === '/cdn/dvc-hydrate.js');
    });

    test('a bare tag: the page switched to English while the Vietnamese first views were on their way: none is painted, the English ones are', async () => {
      // The Vietnamese views and the widgets' scripts held; the English views come as asked for.
      const release = holdScripts((path) => widgetScripts(path) || /\.vi\.js$/.test(path));
      const { tab, errors, loaded, close } = await open('/bare.vi.html', { wait: false });
      try {
        await tab.waitForFunction(() => document.querySelector('dvc-satisfaction-survey') !== null, { timeout: 15_000, polling: 20 });
        // Every frame from here on: what each widget shows.
        await tab.evaluate((tags: string[]) => {
          const seen: string[] = ((window as unknown as { __seen: string[] }).__seen = []);
          const look = () => {
            for (const tag of tags) {
              const text = document.querySelector(tag)?.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim();
              if (text) seen.push(`${tag}: ${text}`);
            }
            requestAnimationFrame(look);
          };
          look();
        }, TAGS);
        // As a citizen pressing "English" while the page loads.
        await tab.evaluate(() => { document.documentElement.lang = 'en'; });
        release();
        await firstViewsPainted(tab);
        await loaded;
        await hydrated(tab, TAGS);
        const seen = await tab.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
        const vietnamese = seen.filter((line) => messagesIn(line, 'en', kit).foreign.length > 0);
        assert.deepEqual([...new Set(vietnamese)], [], 'Vietnamese painted on the English page');
        const painted = await widgetTexts(tab);
        for (const tag of TAGS) assert.ok(messagesIn(painted[tag] ?? '', 'en', kit).own.length > 0, `${tag} in English: ${painted[tag]}`);
        assert.deepEqual(errors, []);
      } finally {
        release();
        await close();
      }
    });

    test('a bare tag under a strict CSP with Trusted Types: its first view painted and styled, no policy violated', async () => {
      const release = holdScripts(widgetScripts);
      const context = await browser.createBrowserContext();
      const tab = await context.newPage();
      const errors: string[] = [];
      tab.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
      tab.on('pageerror', (error) => void errors.push(String(error)));
      await tab.evaluateOnNewDocument(() => {
        const seen: string[] = ((window as unknown as { __violations: string[] }).__violations = []);
        document.addEventListener('securitypolicyviolation', (event) => void seen.push(`${event.violatedDirective}: ${event.blockedURI} ${event.sample}`));
      });
      const violations = () => tab.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
      try {
        const loaded = tab.goto(`${siteUrl}/strict/bare.vi.html`, { waitUntil: 'load' });
        await firstViewsPainted(tab);
        assert.deepEqual(await paintedBeforeScript(tab), TAGS.map((tag) => `${tag}: not defined, block, 1 sheet, 0 style elements`));
        assert.deepEqual(await violations(), []);
        release();
        await loaded;
        await hydrated(tab, TAGS);
        assert.deepEqual(await keptAfterHydration(tab), { changed: [], forms: [1, 1] });
        assert.deepEqual(await violations(), []);
        assert.deepEqual(errors, []);
      } finally {
        release();
        await context.close();
      }
    });

    test('pasted markup under a strict CSP: the policy blocks its inline styles, and once hydrated the widgets wear their own sheets', async () => {
      const tab = await browser.newPage();
      const errors: string[] = [];
      tab.on('pageerror', (error) => void errors.push(String(error)));
      await tab.evaluateOnNewDocument(() => {
        const seen: string[] = ((window as unknown as { __violations: string[] }).__violations = []);
        document.addEventListener('securitypolicyviolation', (event) => void seen.push(event.violatedDirective));
      });
      try {
        await tab.goto(`${siteUrl}/strict/all.vi.html`, { waitUntil: 'load' });
        await hydrated(tab, TAGS);
        const violated = await tab.evaluate(() => [...new Set((window as unknown as { __violations: string[] }).__violations)]);
        assert.deepEqual(violated.filter((directive) => !directive.startsWith('style-src')), [], 'only the markup\'s inline styles are refused');
        // The widgets' own styles apply (the shared tokens on the host), from sheets the policy allows.
        const styled = await tab.evaluate((tags: string[]) => tags.map((tag) => {
          const host = document.querySelector(tag)!;
          const primary = getComputedStyle(host).getPropertyValue('--_dvc-color-primary').trim();
          return `${tag}: ${host.shadowRoot!.adoptedStyleSheets.length > 0 ? 'sheets' : 'no sheets'}, primary ${primary || 'unset'}`;
        }), TAGS);
        assert.deepEqual(styled, TAGS.map((tag) => `${tag}: sheets, primary #0a4f9c`));
        assert.deepEqual(await axeFailures(tab, browserName), []);
        // Firefox reports each refused inline style as a page error too.
        assert.deepEqual(errors.filter((error) => !/Content-Security-Policy.*\(style-src-elem\)/.test(error)), []);
      } finally {
        await tab.close();
      }
    });

    test('a bare tag whose script fails to come twice is asked for again, and works', async () => {
      failing.set('/cdn/dvc-dossier-tracker.js', 2);
      cdnRequests.length = 0;
      const { tab, errors, close } = await open('/bare.vi.html');
      try {
        await hydrated(tab, TAGS);
        assert.equal(await tab.evaluate(() => document.querySelector('dvc-dossier-tracker')!.shadowRoot!.querySelectorAll('form').length), 1);
        assert.equal(failing.get('/cdn/dvc-dossier-tracker.js'), 0, 'both failures were met');
        assert.ok(cdnRequests.some((url) => /^\/cdn\/dvc-dossier-tracker\.js\?attempt=\d$/.test(url)), `asked for again: ${cdnRequests.join(', ')}`);
        // The failed requests themselves, as each browser reports them (Firefox: as a MIME type refused).
        assert.deepEqual(errors.filter((error) => !/503|Service Unavailable|Failed to load resource|disallowed MIME type/i.test(error)), []);
      } finally {
        failing.clear();
        await close();
      }
    });

    test('a bare tag whose script cannot be had: after asking again, its first view says so, in the page\'s language, axe-clean', async () => {
      for (const lang of ['vi', 'en'] as const) {
        failing.set('/cdn/dvc-dossier-tracker.js', Number.POSITIVE_INFINITY);
        const { tab, errors, close } = await open(`/bare.${lang}.html`);
        try {
          await tab.waitForFunction(() => document.querySelector('dvc-dossier-tracker')?.shadowRoot?.querySelector('[part="load-failure"]'), { timeout: 20_000, polling: 100 });
          const shown = await tab.evaluate(() => {
            const root = document.querySelector('dvc-dossier-tracker')!.shadowRoot!;
            const message = root.querySelector<HTMLElement>('[part="load-failure"]')!;
            // The space held for the form (the README's lines) closes around the message.
            const gap = Math.round(root.host.getBoundingClientRect().height - message.getBoundingClientRect().height);
            return { role: message.getAttribute('role'), lang: message.getAttribute('lang'), text: message.textContent, forms: root.querySelectorAll('form').length, gap };
          });
          const source = 'This service could not be loaded. Check your internet connection, then reload the page.';
          const expected = lang === 'en' ? source : kit.find((message) => message.source === source)?.target;
          assert.ok(expected, 'the message is translated');
          assert.deepEqual(shown, { role: 'alert', lang, text: expected, forms: 0, gap: 0 }, 'the form that could not work is gone; the message says why, with no blank below it');
          await hydrated(tab, TAGS.filter((tag) => tag !== 'dvc-dossier-tracker'));
          assert.deepEqual(await axeFailures(tab, browserName), []);
          assert.deepEqual(errors.filter((error) => !/503|Service Unavailable|Failed to load resource|could not be loaded|disallowed MIME type|error loading dynamically imported module|Failed to fetch dynamically imported module/i.test(error)), []);
        } finally {
          failing.clear();
          await close();
        }
      }
    });

    test('a widget whose script could not be had is asked for again when a tag of it is added later (the network back): the new tag works, and so does the one that said it failed', async () => {
      failing.set('/cdn/dvc-dossier-tracker.js', Number.POSITIVE_INFINITY);
      cdnRequests.length = 0;
      const { tab, close } = await open('/bare.vi.html');
      try {
        await tab.waitForFunction(() => document.querySelector('dvc-dossier-tracker')?.shadowRoot?.querySelector('[part="load-failure"]'), { timeout: 20_000, polling: 100 });
        const before = cdnRequests.filter((url) => url.startsWith('/cdn/dvc-dossier-tracker.js')).length;
        failing.clear();
        // A portal's script shows its next view, with a tracker.
        await tab.evaluate(() => document.body.append(Object.assign(document.createElement('dvc-dossier-tracker'), { id: 'later' })));
        await tab.waitForFunction(() => customElements.get('dvc-dossier-tracker') !== undefined, { timeout: 20_000, polling: 100 });
        const forms = await tab.waitForFunction(() => {
          const counts = [...document.querySelectorAll('dvc-dossier-tracker')].map((el) => el.shadowRoot?.querySelectorAll('form #code').length ?? 0);
          return counts.every((count) => count === 1) ? counts : false;
        }, { timeout: 20_000, polling: 100 });
        assert.deepEqual(await forms.jsonValue(), [1, 1], 'both trackers have their form');
        const asked = cdnRequests.filter((url) => url.startsWith('/cdn/dvc-dossier-tracker.js')).slice(before);
        assert.ok(asked.length >= 1 && asked.every((url) => /\?attempt=\d+$/.test(url)), `asked for again under a new address: ${asked.join(', ')}`);
      } finally {
        failing.clear();
        await close();
      }
    });

    test('a page whose policy refuses Lit\'s Trusted Types policy: each first view says at once that the page is not set up, not to check the network; nothing is asked for again', async () => {
      cdnRequests.length = 0;
      const started = Date.now();
      const { tab, errors, close } = await open('/tt/bare.vi.html');
      try {
        await tab.waitForFunction((tags: string[]) => tags.every((tag) => document.querySelector(tag)?.shadowRoot?.querySelector('[part="load-failure"]')),
          { timeout: 20_000, polling: 100 }, TAGS);
        assert.ok(Date.now() - started < 4000, `said after ${Date.now() - started} ms, before the second retry`);
        const shown = await tab.evaluate((tags: string[]) => tags.map((tag) => {
          const root = document.querySelector(tag)!.shadowRoot!;
          const message = root.querySelector('[part="load-failure"]')!;
          return { text: message.textContent, gap: Math.round(root.host.getBoundingClientRect().height - message.getBoundingClientRect().height) };
        }), TAGS);
        const source = 'This service is not set up correctly on this page. Please let the website\'s administrators know.';
        const expected = kit.find((message) => message.source === source)?.target;
        assert.ok(expected, 'the message is translated');
        assert.deepEqual(shown, TAGS.map(() => ({ text: expected, gap: 0 })));
        assert.deepEqual(cdnRequests.filter((url) => /\?attempt=/.test(url)), [], 'not asked for again');
        assert.ok(errors.some((error) => /Content-Security-Policy refused it/.test(error)), `the console says why: ${errors.join(' | ')}`);
      } finally {
        await close();
      }
    });

    test('pasted markup whose script cannot be had says so, in its language; the search\'s plain form, which works without it, stays', async () => {
      for (const tag of ['dvc-dossier-tracker', 'dvc-procedure-search']) failing.set(`/cdn/${tag}.js`, Number.POSITIVE_INFINITY);
      const { tab, errors, close } = await open('/all.en.html');
      try {
        await tab.waitForFunction(() => document.querySelector('dvc-dossier-tracker')?.shadowRoot?.querySelector('[part="load-failure"]'), { timeout: 20_000, polling: 100 });
        const shown = await tab.evaluate(() => {
          const root = document.querySelector('dvc-dossier-tracker')!.shadowRoot!;
          const message = root.querySelector('[part="load-failure"]')!;
          return { role: message.getAttribute('role'), lang: message.getAttribute('lang'), text: message.textContent, forms: root.querySelectorAll('form').length,
            styled: getComputedStyle(message).borderInlineStartStyle };
        });
        assert.deepEqual(shown, { role: 'alert', lang: 'en', text: 'This service could not be loaded. Check your internet connection, then reload the page.', forms: 0, styled: 'solid' });
        // The search's form (its action the search page) is left to work as a plain form.
        assert.equal(await tab.evaluate(() => document.querySelector('dvc-procedure-search')!.shadowRoot!.querySelectorAll('form[action]').length), 1);
        await hydrated(tab, TAGS.filter((tag) => !failing.has(`/cdn/${tag}.js`)));
        assert.deepEqual(await axeFailures(tab, browserName), []);
        assert.deepEqual(errors.filter((error) => !/503|Service Unavailable|Failed to load resource|could not be loaded|disallowed MIME type|error loading dynamically imported module|Failed to fetch dynamically imported module/i.test(error)), []);
      } finally {
        failing.clear();
        await close();
      }
    });

    test('pasted search markup painted again in the page\'s new language before its script comes keeps its search page, and its plain form should the script never come', async () => {
      failing.set('/cdn/dvc-procedure-search.js', Number.POSITIVE_INFINITY);
      const { tab, errors, close } = await open('/all.vi.html');
      try {
        // The portal's script sets the language the citizen chose last time.
        await tab.evaluate(() => document.documentElement.setAttribute('lang', 'en'));
        await tab.waitForFunction(() => document.querySelector('dvc-procedure-search')?.shadowRoot?.querySelector('form')?.getAttribute('lang') === 'en', { timeout: 10_000, polling: 50 });
        const action = () => tab.evaluate(() => document.querySelector('dvc-procedure-search')!.shadowRoot!.querySelector('form')?.getAttribute('action') ?? null);
        assert.equal(await action(), SEARCH_PAGE, 'painted in English, still sent to the search page');
        // Given up on after its retries (about 5 s), as the console says.
        for (const started = Date.now(); !errors.some((error) => /<dvc-procedure-search> could not be loaded/.test(error));) {
          assert.ok(Date.now() - started < 20_000, `the search's script was not given up on: ${errors.join(' | ')}`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        assert.equal(await action(), SEARCH_PAGE, 'its plain form stays, sent to the search page');
        assert.equal(await tab.evaluate(() => document.querySelector('dvc-procedure-search')!.shadowRoot!.querySelector('[part="load-failure"]')), null);
      } finally {
        failing.clear();
        await close();
      }
    });

    test('a bare tag whose hydration cannot be had: each widget draws itself over its first view, once', async () => {
      failing.set('/cdn/dvc-hydrate.js', Number.POSITIVE_INFINITY);
      const { tab, errors, close } = await open('/bare.vi.html');
      try {
        await hydrated(tab, TAGS);
        const counts = await tab.evaluate(() => ['dvc-procedure-search', 'dvc-dossier-tracker'].map((tag) => {
          const root = document.querySelector(tag)!.shadowRoot!;
          return `${tag}: ${root.querySelectorAll('form').length} form, ${root.querySelectorAll('input').length > 0 ? 'inputs' : 'no input'}, ${root.querySelectorAll('[id="q"], [id="code"]').length} box`;
        }));
        assert.deepEqual(counts, ['dvc-procedure-search: 1 form, inputs, 1 box', 'dvc-dossier-tracker: 1 form, inputs, 1 box']);
        assert.deepEqual(await axeFailures(tab, browserName), []);
        assert.deepEqual(errors.filter((error) => !/503|Service Unavailable|Failed to load resource|disallowed MIME type|hydration \(dvc-hydrate\.js\) did not load|dynamically imported module/i.test(error)), []);
      } finally {
        failing.clear();
        await close();
      }
    });

    test('a first view from another build of the widget (a cached file beside a newer script): drawn anew, and the widget works', async () => {
      trackerViewFromAnotherBuild = true;
      const { tab, errors, close } = await open('/bare.vi.html');
      try {
        await hydrated(tab, TAGS);
        const root = await tab.evaluateHandle(() => document.querySelector('dvc-dossier-tracker')!.shadowRoot!);
        assert.equal(await root.evaluate((r) => r.querySelectorAll('form').length), 1);
        // It works: an empty lookup is checked and the summary says what is missing.
        await tab.evaluate(() => document.querySelector('dvc-dossier-tracker')!.shadowRoot!.querySelector('form')!.requestSubmit());
        await tab.waitForFunction(() => document.querySelector('dvc-dossier-tracker')?.shadowRoot?.querySelector('[part="error-summary"]'), { timeout: 10_000, polling: 100 });
        // At most a warning for the developer, saying why (Chromium reports it with the hydration's words); no error.
        assert.deepEqual(errors.filter((error) => !error.startsWith('DVC Kit: prerendered markup from another build of the widget is drawn anew')), []);
      } finally {
        trackerViewFromAnotherBuild = false;
        await close();
      }
    });

    test('a bare tag whose first view cannot be had (a copy of the scripts alone): the widgets draw themselves', async () => {
      firstViewsMissing = true;
      const { tab, errors, close } = await open('/bare.vi.html');
      try {
        await hydrated(tab, TAGS);
        const texts = await widgetTexts(tab);
        for (const tag of TAGS) {
          const { own, foreign } = messagesIn(texts[tag] ?? '', 'vi', kit);
          assert.deepEqual(foreign, [], `${tag}: ${texts[tag]}`);
          assert.ok(own.length > 0, `${tag}: ${texts[tag]}`);
        }
        assert.deepEqual(await tab.evaluate(() => ['dvc-procedure-search', 'dvc-dossier-tracker'].map((tag) => document.querySelector(tag)!.shadowRoot!.querySelectorAll('form').length)), [1, 1]);
        // The missing files themselves are the only errors the browser reports.
        assert.deepEqual(errors.filter((error) => !/404|Not Found|Failed to load|prerendered/i.test(error)), []);
      } finally {
        firstViewsMissing = false;
        await close();
      }
    });
  });
}
