/**
 * Layout shift as a page loads, on the built CDN bundle in real Chromium (the only engine that
 * reports layout shifts): the demo portal, and a bare page made of the README's snippet, the
 * README's "Hold the widgets' space" lines and the four tags, in Vietnamese and in English.
 *
 * - CLS: every layout shift from the first frame until the widgets have drawn themselves and their
 *   first data has arrived, on a phone (360 × 740, also with a slow network and a 4× slower CPU)
 *   and on a laptop (1280 × 800). Nobody touches the page, so every shift counts, including those
 *   Chromium files as following input (the emulated phone's first resize).
 * - Reserved space: with the scripts held back, each widget's box (the README's lines) is as tall
 *   as the widget once drawn, and its first data (the search's lists, the page feedback's form)
 *   leaves it as tall, at 360 and 1280 px wide and at 100% and 200% text.
 * - Back from the payment gateway on a phone, at 100% and 200% text: the payment's section is shown
 *   and held in view while the tracker above draws the dossier again, and its outcome takes the
 *   place "checking" held for it.
 */
import { after, before, describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, HTTPRequest, Page, Viewport } from 'puppeteer-core';
import { launchBrowser } from '../../audit/src/browser.ts';
import { ROOT, buildBundle, serveStatic, startPortal, startSandbox, type Running } from '../../audit/test/support/servers.ts';
import { newDossier } from './sandbox-dossiers.ts';

const TAGS = ['dvc-procedure-search', 'dvc-dossier-tracker', 'dvc-payment', 'dvc-satisfaction-survey'];
/** The metric's "good" is 0.1; the widgets aim far lower, so a page has room for its own shifts. */
const CLS_LIMIT = 0.02;

const PHONE: Viewport = { width: 360, height: 740, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const LAPTOP: Viewport = { width: 1280, height: 800 };
/** A Slow-3G-like phone: bytes per second and milliseconds (TOOLCHAIN.md). */
const SLOW = { cpu: 4, network: { download: 50_000, upload: 50_000, latency: 400 } };

/** The README's lines a webmaster pastes into their stylesheet ("Hold the widgets' space"). */
function holdCss(readme: string): string {
  const section = /^### Hold the widgets' space\n([\s\S]*?)(?=^##)/m.exec(readme)?.[1] ?? '';
  const css = /```css\n([\s\S]*?)```/.exec(section)?.[1];
  assert.ok(css, 'README: the "Hold the widgets\' space" section with its css block');
  return css;
}

/** The README snippet's script (first in the webmaster section), served from /cdn/. */
function snippetScript(readme: string): string {
  const file = /<script type="module" src="https:\/\/YOUR-CDN\/dvc-kit\/([\w-]+\.js)"><\/script>/.exec(readme)?.[1];
  assert.ok(file, 'README: the snippet\'s <script type="module" src="https://YOUR-CDN/dvc-kit/…">');
  return `/cdn/${file}`;
}

/** The README's snippet, its lines for the widgets' space and the four tags (the survey asking for page feedback), nothing else. */
const barePage = (script: string, css: string, api: string, lang: 'vi' | 'en'): string => `<!doctype html>
<html lang="${lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${lang === 'vi' ? 'Trang trống' : 'A blank page'}</title>
  <script type="module" src="${script}"></script>
  <style>
${css}  </style>
</head>
<body>
  <main>
${TAGS.map((tag) => `    <${tag} api-base="${api}"${tag === 'dvc-satisfaction-survey' ? ' mode="page"' : ''}></${tag}>`).join('\n')}
  </main>
</body>
</html>`;

/**
 * Installed before the page's own scripts: every layout shift, kept with what moved (the node is
 * null for one inside a shadow root, or gone since).
 */
const RECORD_SHIFTS = `(() => {
  const shifts = (window.__dvcShifts = []);
  const name = (node) => !node ? '(a widget\\'s inside, or gone)' : node.nodeType !== 1 ? node.nodeName
    : node.localName + (node.id ? '#' + node.id : '') + (node.getAttribute('part') ? '[part=' + node.getAttribute('part') + ']' : '');
  const rect = (r) => Math.round(r.x) + ',' + Math.round(r.y) + ' ' + Math.round(r.width) + '×' + Math.round(r.height);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      shifts.push({
        value: entry.value, hadRecentInput: entry.hadRecentInput, at: Math.round(entry.startTime),
        sources: (entry.sources || []).map((s) => name(s.node) + ' ' + rect(s.previousRect) + ' → ' + rect(s.currentRect)),
        // Back from the gateway: whether all that moved comes after the payment (pushed by its outcome).
        belowPayment: (entry.sources || []).every((s) => {
          const payment = document.querySelector('dvc-payment');
          return !!payment && !!s.node && !s.node.contains(payment) && !payment.contains(s.node)
            && !!(payment.compareDocumentPosition(s.node) & Node.DOCUMENT_POSITION_FOLLOWING);
        }),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
})();`;

interface Shift { value: number; hadRecentInput: boolean; at: number; sources: string[]; belowPayment: boolean }

interface Cls {
  /** Every shift: what the test holds to the limit. */
  all: number;
  /** The metric's own sum, without shifts after input. */
  withoutInput: number;
  shifts: Shift[];
}

async function cls(page: Page): Promise<Cls> {
  const shifts = await page.evaluate(() => (window as unknown as { __dvcShifts: Shift[] }).__dvcShifts);
  const sum = (list: Shift[]) => list.reduce((total, shift) => total + shift.value, 0);
  return { all: sum(shifts), withoutInput: sum(shifts.filter((shift) => !shift.hadRecentInput)), shifts };
}

const describeShifts = (result: Cls) => result.shifts
  .map((s) => `  at ${s.at} ms: ${s.value.toFixed(4)}${s.hadRecentInput ? ' (after input)' : ''}\n    ${s.sources.join('\n    ')}`).join('\n');

/** Every widget defined and drawn (Lit's first update done). */
async function widgetsDrawn(page: Page): Promise<void> {
  await page.evaluate(async (tags: string[]) => {
    await Promise.all(tags.map((tag) => customElements.whenDefined(tag)));
    const widgets = [...document.querySelectorAll(tags.join(','))] as Array<Element & { updateComplete?: Promise<unknown> }>;
    await Promise.all(widgets.map((widget) => widget.updateComplete));
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  }, TAGS);
}

interface Box { widget: string; height: number; content: number }

/**
 * Each widget's box on the page, by tag (a survey in `page` mode is told apart). `content` is the
 * height its shadow root's content takes without the space the widget holds; measure it last, as
 * it changes the page's layout for a moment.
 */
async function boxes(page: Page, withContent = false): Promise<Box[]> {
  return page.evaluate((tags: string[], measureContent: boolean) => [...document.querySelectorAll<HTMLElement>(tags.join(','))].map((el) => {
    const height = el.getBoundingClientRect().height;
    let content = height;
    if (measureContent && el.shadowRoot) {
      el.style.minBlockSize = '0px';
      content = el.getBoundingClientRect().height;
      el.style.minBlockSize = '';
    }
    const mode = el.getAttribute('mode');
    return { widget: `${el.localName}${mode ? `[mode=${mode}]` : ''}`, height, content };
  }), TAGS, withContent);
}

let sandbox: Running;
let bundle: { dir: string; remove(): Promise<void> };
let portal: Running;
let bare: Running;
let bareDir: string;
let browser: Browser;

before(async () => {
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
  const css = holdCss(readme);
  // The demo portal is the README's example: its stylesheet holds the same lines, as pasted.
  assert.ok((await readFile(join(ROOT, 'demo/site.css'), 'utf8')).includes(css), 'demo/site.css holds the README\'s lines verbatim');
  [sandbox, bundle, browser] = await Promise.all([startSandbox(), buildBundle(), launchBrowser('chromium')]);
  portal = await startPortal(bundle.dir, sandbox.url);
  bareDir = await mkdtemp(join(tmpdir(), 'dvc-layout-shift-'));
  await writeFile(join(bareDir, 'index.html'), barePage(snippetScript(readme), css, sandbox.url, 'vi'));
  await writeFile(join(bareDir, 'en.html'), barePage(snippetScript(readme), css, sandbox.url, 'en'));
  bare = await serveStatic([['/cdn/', bundle.dir], ['/', bareDir]], {});
});

after(async () => {
  await browser?.close();
  await Promise.all([portal?.stop(), bare?.stop(), sandbox?.stop()]);
  await bundle?.remove();
  if (bareDir) await rm(bareDir, { recursive: true, force: true });
});

/** A tab in a context of its own: nothing cached from an earlier load. */
async function freshPage(viewport: Viewport, { slow = false, textScale = 1 } = {}): Promise<{ page: Page; close(): Promise<void> }> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport(viewport);
  if (slow) {
    await page.emulateCPUThrottling(SLOW.cpu);
    await page.emulateNetworkConditions(SLOW.network);
  }
  if (textScale !== 1) {
    // The reader's default text size, as the browser's setting sets it: rem and media queries in em follow.
    const cdp = await page.createCDPSession();
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 16 * textScale, fixed: 13 * textScale } });
  }
  await page.evaluateOnNewDocument(RECORD_SHIFTS);
  return { page, close: () => context.close() };
}

const PAGES = [
  { where: 'the demo portal', url: () => portal.url, isPortal: true, english: false },
  { where: 'a bare page with the README\'s snippet and lines', url: () => bare.url, isPortal: false, english: false },
  // The widgets' English is shorter than their Vietnamese.
  { where: 'the same bare page in English', url: () => `${bare.url}en.html`, isPortal: false, english: true },
];

describe('layout shift while the page loads (CLS)', () => {
  const profiles = [
    { name: 'phone 360 × 740', viewport: PHONE, slow: false },
    { name: 'phone 360 × 740, slow 3G and a 4× slower CPU', viewport: PHONE, slow: true },
    { name: 'laptop 1280 × 800', viewport: LAPTOP, slow: false },
    // Slow loads take seconds each: the laptop's on the portal only, where the widgets have text between them.
    { name: 'laptop 1280 × 800, slow 3G and a 4× slower CPU', viewport: LAPTOP, slow: true, portalOnly: true },
  ];
  for (const { where, url, isPortal } of PAGES) {
    for (const profile of profiles) {
      if (profile.portalOnly && !isPortal) continue;
      test(`${where}, ${profile.name}: CLS ≤ ${CLS_LIMIT}`, async (t: TestContext) => {
        const { page, close } = await freshPage(profile.viewport, { slow: profile.slow });
        try {
          // Until the widgets have drawn themselves and their first data has come (the search's
          // lists, the survey's form): the network quiet for half a second, then two frames.
          await page.goto(url(), { waitUntil: 'networkidle0', timeout: 45_000 });
          await widgetsDrawn(page);
          const result = await cls(page);
          t.diagnostic(`CLS ${result.all.toFixed(4)} (without shifts after input ${result.withoutInput.toFixed(4)}), ${result.shifts.length} shifts`);
          assert.ok(result.all <= CLS_LIMIT, `CLS ${result.all.toFixed(4)} > ${CLS_LIMIT}:\n${describeShifts(result)}`);
        } finally {
          await close();
        }
      });
    }
  }
});

describe('the space each widget holds before its script has run', () => {
  const cases = [
    { name: '360 px, 100% text', viewport: PHONE, textScale: 1 },
    { name: '360 px, 200% text', viewport: PHONE, textScale: 2 },
    { name: '1280 px, 100% text', viewport: LAPTOP, textScale: 1 },
    { name: '1280 px, 200% text', viewport: LAPTOP, textScale: 2 },
  ];
  for (const { where, url, isPortal, english } of PAGES) {
    for (const { name, viewport, textScale } of cases) {
      test(`${where}, ${name}: each widget's box before its script runs is as tall as the widget drawn, and stays so as its first data arrives`, async (t: TestContext) => {
        const { page, close } = await freshPage(viewport, { textScale });
        const apiOrigin = new URL(sandbox.url).origin;
        // The kit's scripts are held back until the page has been painted without them; the API's
        // answers until the widgets have drawn their first view.
        const held = { cdn: [] as HTTPRequest[], api: [] as HTTPRequest[] };
        const release = { cdn: false, api: false };
        await page.setRequestInterception(true);
        page.on('request', (request) => {
          const kind = request.url().includes('/cdn/') ? 'cdn' : request.url().startsWith(apiOrigin) ? 'api' : undefined;
          if (kind && !release[kind]) held[kind].push(request);
          else void request.continue();
        });
        try {
          // Module scripts run before DOMContentLoaded: held back, the page is parsed and painted
          // but never reaches it. Not awaited: it settles when the scripts are let through.
          const loading = page.goto(url(), { waitUntil: 'load', timeout: 30_000 });
          await page.waitForFunction(() => document.readyState !== 'loading'
            && [...document.querySelectorAll<HTMLLinkElement>('link[rel=stylesheet]')].every((link) => link.sheet !== null), { timeout: 15_000 });
          await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
          assert.equal(await page.evaluate((tags: string[]) => document.querySelectorAll(tags.map((tag) => `${tag}:defined`).join(',')).length, TAGS), 0,
            'no widget is defined while the scripts are held back');
          const reserved = await boxes(page);

          release.cdn = true;
          for (const request of held.cdn.splice(0)) void request.continue();
          await widgetsDrawn(page);
          const drawn = await boxes(page);

          release.api = true;
          for (const request of held.api.splice(0)) void request.continue();
          await loading;
          await page.waitForNetworkIdle({ idleTime: 500, timeout: 20_000 });
          await widgetsDrawn(page);
          const result = await cls(page);
          const settled = await boxes(page, true);

          t.diagnostic(`CLS ${result.all.toFixed(4)}; reserved → drawn → with data (content) px: ${reserved.map((box, i) =>
            `${box.widget} ${box.height.toFixed(1)} → ${drawn[i]!.height.toFixed(1)} → ${settled[i]!.height.toFixed(1)} (${settled[i]!.content.toFixed(1)})`).join('; ')}`);
          for (const [i, box] of reserved.entries()) {
            // A widget kept hidden until needed (the portal's payment and evaluation) takes no room.
            if (box.height === 0 && drawn[i]!.height === 0) continue;
            const tolerance = Math.max(4, box.height * 0.1);
            assert.ok(Math.abs(drawn[i]!.height - box.height) <= tolerance,
              `${box.widget}: ${box.height.toFixed(1)} px held before its script ran, ${drawn[i]!.height.toFixed(1)} px drawn`);
            // Its first data: the search's lists fit in it, the page feedback's form takes its place.
            // The portal sets its own root size (17 px), which the heights follow but the widths
            // their steps compare do not (README): there the form may wrap a line or two more.
            const pageForm = box.widget === 'dvc-satisfaction-survey[mode=page]';
            assert.ok(Math.abs(settled[i]!.height - drawn[i]!.height) <= (pageForm && isPortal ? settled[i]!.height * 0.15 : 2),
              `${box.widget}: ${drawn[i]!.height.toFixed(1)} px drawn, ${settled[i]!.height.toFixed(1)} px once its first data came`);
            // And the space held is the first view's, not a guess well above it. The heights held are
            // the Vietnamese views'; the English ones are as tall or shorter, and leave some space
            // below them (README), but for the page feedback's form, which has heights in each language.
            if (english && !pageForm) {
              assert.ok(settled[i]!.content <= drawn[i]!.height + 2, `${box.widget}: in English, ${settled[i]!.content.toFixed(1)} px of content in ${drawn[i]!.height.toFixed(1)} px held`);
              continue;
            }
            assert.ok(settled[i]!.content >= drawn[i]!.height * 0.9,
              `${box.widget}: ${drawn[i]!.height.toFixed(1)} px held for ${settled[i]!.content.toFixed(1)} px of content`);
          }
          assert.ok(result.all <= CLS_LIMIT, `CLS ${result.all.toFixed(4)} > ${CLS_LIMIT}:\n${describeShifts(result)}`);
        } finally {
          await close();
        }
      });
    }
  }
});


/** Clicks what `selector` finds in `tag`'s shadow root once it is there. */
async function clickIn(page: Page, tag: string, selector: string): Promise<void> {
  const handle = await page.waitForFunction((t, s) => document.querySelector(t)?.shadowRoot?.querySelector(s), { timeout: 20_000 }, tag, selector);
  await (handle as unknown as { click(): Promise<void> }).click();
}

describe('back from the payment gateway (the demo portal, a phone)', () => {
  for (const textScale of [1, 2]) {
    test(`360 × 740, ${textScale * 100}% text: the payment's section is shown, then scrolled to, and held there as the tracker above draws the dossier again; nothing moves when the outcome comes either`, async (t: TestContext) => {
      const dossier = await newDossier(sandbox.url);
      const { page, close } = await freshPage(PHONE, { textScale });
      try {
        await page.goto(portal.url, { waitUntil: 'networkidle0', timeout: 30_000 });
        await clickIn(page, 'dvc-dossier-tracker', '#code');
        await page.keyboard.type(dossier.code);
        await page.keyboard.press('Tab');
        await page.keyboard.type(dossier.applicantId);
        await page.keyboard.press('Enter');
        await clickIn(page, 'dvc-dossier-tracker', '[part~="pay-button"]');
        await page.waitForFunction(() => document.querySelector('dvc-payment')?.shadowRoot?.querySelector('[part~="pay-button"]'), { timeout: 20_000 });
        await Promise.all([page.waitForNavigation({ timeout: 20_000 }), clickIn(page, 'dvc-payment', '[part~="pay-button"]')]);
        const success = await page.waitForFunction(() => [...document.querySelectorAll('button')].find((b) => (b.textContent ?? '').trim().endsWith('(success)')), { timeout: 20_000 });
        // The way back: the page loads anew, its payment's section hidden, the tab holding the dossier.
        await page.evaluateOnNewDocument(() => {
          const seen = () => {
            if (document.querySelector('dvc-payment')?.shadowRoot?.querySelector('[part~="state"][data-state="paid"]')) {
              (window as unknown as { __dvcOutcomeAt: number }).__dvcOutcomeAt = performance.now();
            } else requestAnimationFrame(seen);
          };
          requestAnimationFrame(seen);
        });
        await Promise.all([page.waitForNavigation({ timeout: 20_000 }), (success as unknown as { click(): Promise<void> }).click()]);
        await page.waitForFunction(() => (window as unknown as { __dvcOutcomeAt?: number }).__dvcOutcomeAt !== undefined, { timeout: 20_000 });
        await page.waitForNetworkIdle({ idleTime: 500, timeout: 20_000 });
        await widgetsDrawn(page);
        const outcomeAt = await page.evaluate(() => (window as unknown as { __dvcOutcomeAt: number }).__dvcOutcomeAt);
        const result = await cls(page);
        const before = result.shifts.filter((shift) => shift.at < outcomeAt - 1);
        const after = result.shifts.filter((shift) => shift.at >= outcomeAt - 1);
        const sum = (list: Shift[]) => list.reduce((total, shift) => total + shift.value, 0);
        t.diagnostic(`until the outcome (${Math.round(outcomeAt)} ms): ${sum(before).toFixed(4)}; after, below the payment: ${sum(after).toFixed(4)}`);
        const inView = await page.evaluate(() => document.querySelector('dvc-payment')!.getBoundingClientRect().top);
        assert.ok(inView > -1 && inView < PHONE.height / 2, `the payment is in view, near the top (at ${inView.toFixed(0)} px)`);
        assert.ok(sum(before) <= CLS_LIMIT, `${sum(before).toFixed(4)} of layout shift before the outcome came:\n${describeShifts({ ...result, shifts: before })}`);
        // Nothing above it moves, the payment included, even when the tracker draws the dossier in
        // the frame in which the outcome comes.
        const above = after.filter((shift) => !shift.belowPayment);
        assert.equal(above.length, 0, `what is above the payment, or the payment, moved after its outcome came:\n${describeShifts({ ...result, shifts: above })}`);
        // "Checking" held the outcome's place: what is below it barely moves.
        assert.ok(sum(after) <= CLS_LIMIT, `${sum(after).toFixed(4)} of layout shift below the payment when its outcome came:\n${describeShifts({ ...result, shifts: after })}`);
      } finally {
        await close();
      }
    });
  }
});
