/**
 * The citizen's journey across the four widgets, as a citizen goes: in a real browser (Chromium and
 * Firefox ESR), by keyboard only, on the built CDN bundle, on the demo portal and on a bare page
 * that holds only the README's snippet and the four tags (no page script). The identity number is
 * typed once, in the tracker: the payment, the gateway's way back and the survey never ask for it.
 */
import { after, before, describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { launchBrowser } from '../../audit/src/browser.ts';
import type { BrowserName } from '../../audit/src/types.ts';
import { buildBundle, serveStatic, startPortal, startSandbox, type Running } from '../../audit/test/support/servers.ts';
import { newDossier as newSandboxDossier, sandboxAdmin } from './sandbox-dossiers.ts';

/** The survey that evaluates dossiers (the demo portal also has a page-feedback one). */
const SURVEY = 'dvc-satisfaction-survey:not([mode="page"])';
const BROWSERS: BrowserName[] = process.env['FIREFOX_PATH'] === 'none' ? ['chromium'] : ['chromium', 'firefox'];
type Outcome = 'success' | 'failure' | 'cancel';

/** The README's snippet and the four tags, nothing else. */
const barePage = (api: string): string => `<!doctype html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Trang trống</title>
  <script type="module" src="/cdn/dvc-kit.js"></script>
</head>
<body>
  <main>
    <dvc-procedure-search api-base="${api}"></dvc-procedure-search>
    <dvc-dossier-tracker api-base="${api}"></dvc-dossier-tracker>
    <dvc-payment api-base="${api}"></dvc-payment>
    <dvc-satisfaction-survey api-base="${api}"></dvc-satisfaction-survey>
  </main>
</body>
</html>`;

/** A portal whose tracker and payment live on different pages. */
const trackerPage = (api: string): string => barePage(api)
  .replace(/<dvc-payment[^>]*><\/dvc-payment>\n\s*/, '')
  .replace(`<dvc-dossier-tracker api-base="${api}">`, `<dvc-dossier-tracker api-base="${api}" payment-url="/nop-phi.html">`);
const paymentPage = (api: string): string => barePage(api)
  .replace(/<dvc-procedure-search[^>]*><\/dvc-procedure-search>\n\s*/, '')
  .replace(/<dvc-dossier-tracker[^>]*><\/dvc-dossier-tracker>\n\s*/, '')
  .replace(/<dvc-satisfaction-survey[^>]*><\/dvc-satisfaction-survey>\n\s*/, '');

let sandbox: Running;
let bundle: { dir: string; remove(): Promise<void> };
let portal: Running;
let bare: Running;
let bareDir: string;
let pages: Running;
let pagesDir: string;

before(async () => {
  sandbox = await startSandbox();
  bundle = await buildBundle();
  portal = await startPortal(bundle.dir, sandbox.url);
  bareDir = await mkdtemp(join(tmpdir(), 'dvc-bare-page-'));
  await writeFile(join(bareDir, 'index.html'), barePage(sandbox.url));
  bare = await serveStatic([['/cdn/', bundle.dir], ['/', bareDir]], {});
  pagesDir = await mkdtemp(join(tmpdir(), 'dvc-portal-pages-'));
  await writeFile(join(pagesDir, 'index.html'), trackerPage(sandbox.url));
  await writeFile(join(pagesDir, 'nop-phi.html'), paymentPage(sandbox.url));
  pages = await serveStatic([['/cdn/', bundle.dir], ['/', pagesDir]], {});
});

after(async () => {
  await Promise.all([portal?.stop(), bare?.stop(), pages?.stop(), sandbox?.stop()]);
  await bundle?.remove();
  for (const dir of [bareDir, pagesDir]) if (dir) await rm(dir, { recursive: true, force: true });
});

const admin = <T>(path: string, body?: unknown) => sandboxAdmin<T>(sandbox.url, path, body);
const newDossier = (options?: { reset?: boolean }) => newSandboxDossier(sandbox.url, options);

/** What has focus, through shadow roots: `tag` of the widget it is in, and the element's own description. */
async function focused(page: Page): Promise<{ widget: string; tag: string; id: string; part: string; text: string }> {
  return page.evaluate(() => {
    let active: Element | null = document.activeElement;
    let host: Element | null = null;
    while (active?.shadowRoot?.activeElement) {
      host = active;
      active = active.shadowRoot.activeElement;
    }
    if (active?.tagName.toLowerCase().startsWith('dvc-')) host = active;
    // A page-feedback survey is told apart from the dossier evaluation.
    const widget = host ? `${host.tagName.toLowerCase()}${host.getAttribute('mode') === 'page' ? '[page]' : ''}` : '';
    return {
      widget, tag: active?.tagName.toLowerCase() ?? '', id: active?.id ?? '',
      part: active?.getAttribute('part') ?? '', text: (active?.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 120),
    };
  });
}

/** Presses Tab until focus is on what `match` accepts (a keyboard user's way there). */
async function tabTo(page: Page, what: string, match: (f: Awaited<ReturnType<typeof focused>>) => boolean, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (match(await focused(page))) return;
  }
  throw new Error(`Tab never reached ${what}; focus ended on ${JSON.stringify(await focused(page))}`);
}

/** Waits until a selector matches inside a widget's shadow root. */
async function waitIn(page: Page, widget: string, selector: string, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    (w, s) => [...document.querySelectorAll(w)].some((el) => el.shadowRoot?.querySelector(s)),
    { timeout, polling: 100 }, widget, selector,
  );
}

async function textIn(page: Page, widget: string, selector: string): Promise<string> {
  return page.evaluate((w, s) => {
    for (const el of document.querySelectorAll(w)) {
      const found = el.shadowRoot?.querySelector(s);
      if (found) return (found.textContent ?? '').trim().replace(/\s+/g, ' ');
    }
    return '';
  }, widget, selector);
}

async function countIn(page: Page, widget: string, selector: string): Promise<number> {
  return page.evaluate((w, s) => [...document.querySelectorAll(w)].reduce((n, el) => n + (el.shadowRoot?.querySelectorAll(s).length ?? 0), 0), widget, selector);
}

/** Looks the dossier up in the tracker: the one place the identity number is typed. */
async function lookUp(page: Page, dossier: { code: string; applicantId: string }): Promise<void> {
  await tabTo(page, 'the dossier code', (f) => f.widget === 'dvc-dossier-tracker' && f.id === 'code');
  await page.keyboard.type(dossier.code);
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).id, 'applicant-id');
  await page.keyboard.type(dossier.applicantId);
  await page.keyboard.press('Enter');
  await waitIn(page, 'dvc-dossier-tracker', '[part~="result"]');
}

/** A new dossier, the page opened, and the dossier looked up there. */
async function visitAndLookUp(page: Page, url: string): Promise<{ code: string; applicantId: string }> {
  const dossier = await newDossier();
  await page.goto(url, { waitUntil: 'load' });
  await lookUp(page, dossier);
  return dossier;
}

/** Tracker → "Nộp phí" → the payment shows what is due, focused, without asking for the number. */
async function payFromTracker(page: Page): Promise<void> {
  await tabTo(page, 'the tracker\'s pay button', (f) => f.widget === 'dvc-dossier-tracker' && f.part === 'pay-button');
  await page.keyboard.press('Enter');
  await waitIn(page, 'dvc-payment', '[part~="state"][data-state="due"]');
  assert.equal(await countIn(page, 'dvc-payment', '#applicant-id'), 0, 'the payment does not ask for the identity number');
  await page.waitForFunction(() => document.activeElement?.tagName.toLowerCase() === 'dvc-payment', { timeout: 5000 });
}

/** Pays on the gateway with the chosen outcome, by keyboard, and comes back to the page. */
async function payAtGateway(page: Page, outcome: Outcome): Promise<void> {
  await tabTo(page, 'the pay button', (f) => f.widget === 'dvc-payment' && f.part === 'pay-button');
  await Promise.all([page.waitForNavigation({ timeout: 20_000 }), page.keyboard.press('Enter')]);
  assert.match(page.url(), /\/_sandbox\/(vnpay|momo)\//);
  await tabTo(page, `the gateway's ${outcome} button`, (f) => f.tag === 'button' && f.text.endsWith(`(${outcome})`), 20);
  await Promise.all([page.waitForNavigation({ timeout: 20_000 }), page.keyboard.press('Enter')]);
}

/** Back on the page: the outcome is shown and has focus. */
async function expectOutcome(page: Page, state: string): Promise<void> {
  await waitIn(page, 'dvc-payment', `[part~="state"][data-state="${state}"]`, 20_000);
  await page.waitForFunction(() => {
    const host = document.querySelector('dvc-payment');
    return host?.shadowRoot?.activeElement?.id === 'state-heading';
  }, { timeout: 5000 });
  assert.equal(page.url().includes('vnp_'), false, 'the gateway parameters left the address bar');
  // A screen reader hears it too: the widget's live region says the outcome (the page is Vietnamese).
  const said = { paid: 'Thanh toán thành công. Biên lai của Ông/Bà đã sẵn sàng.', failed: 'Thanh toán không thành công.', cancelled: 'Đã hủy thanh toán.' }[state];
  if (said) {
    await page.waitForFunction((text) => (document.querySelector('dvc-payment')?.shadowRoot?.querySelector('[part~="announcer"]')?.textContent ?? '').trim().startsWith(text),
      { timeout: 5000 }, said).catch(async () => {
      assert.fail(`the outcome was not said; the live region holds "${await textIn(page, 'dvc-payment', '[part~="announcer"]')}"`);
    });
  }
  // And it stays in view once the page has settled (the tracker above drawing the dossier again).
  await new Promise((resolve) => setTimeout(resolve, 500));
  const where = await page.evaluate(() => ({
    top: document.querySelector('dvc-payment')!.shadowRoot!.getElementById('state-heading')!.getBoundingClientRect().top,
    height: window.innerHeight,
  }));
  assert.ok(where.top > -1 && where.top < where.height, `the outcome's heading is in view (at ${where.top.toFixed(0)} px of ${where.height})`);
}

/**
 * The browser's Back, until the page's address is the one expected. A page restored from the
 * back-forward cache fires no load (Firefox's remote protocol reports no navigation either), so the
 * address is read until it changes.
 */
async function goBack(page: Page, arrived: (href: string) => boolean): Promise<void> {
  await page.goBack({ waitUntil: 'domcontentloaded', timeout: 5000 }).catch(() => undefined);
  let href = '';
  for (let tries = 0; tries < 100; tries++) {
    href = await page.evaluate(() => location.href).catch(() => '');
    if (arrived(href)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`Back did not arrive where expected (at ${href})`);
}

/** Answers every rating question with its first choice and sends, by keyboard. */
async function evaluate(page: Page): Promise<void> {
  const groups = await countIn(page, SURVEY, 'fieldset[part~="question"]');
  assert.ok(groups >= 5, `the evaluation form (${groups} questions)`);
  for (let i = 0; i < groups; i++) {
    await tabTo(page, `question ${i + 1}`, (f) => f.widget === 'dvc-satisfaction-survey' && f.tag === 'input', 10);
    await page.keyboard.press(' ');
  }
  await tabTo(page, 'the send button', (f) => f.widget === 'dvc-satisfaction-survey' && f.part === 'submit-button', 10);
  await page.keyboard.press('Enter');
  await waitIn(page, SURVEY, '[part~="thanks"]');
  await page.waitForFunction((survey) => document.querySelector(survey)?.shadowRoot?.activeElement?.getAttribute('part') === 'thanks', { timeout: 5000 }, SURVEY);
}

for (const name of BROWSERS) {
  describe(`the citizen journey in ${name}`, () => {
    let browser: Browser;
    before(async () => {
      browser = await launchBrowser(name);
    });
    after(async () => {
      await browser?.close();
    });

    test('across pages: "Pay" on the tracker\'s page opens the payment page with the dossier code; it pays without asking for the number', async () => {
      const page = await browser.newPage();
      try {
        const dossier = await visitAndLookUp(page, pages.url);
        await tabTo(page, 'the tracker\'s pay button', (f) => f.widget === 'dvc-dossier-tracker' && f.part === 'pay-button');
        await Promise.all([page.waitForNavigation({ timeout: 20_000 }), page.keyboard.press('Enter')]);
        const opened = new URL(page.url());
        assert.equal(opened.pathname, '/nop-phi.html');
        assert.equal(opened.searchParams.get('dossier'), dossier.code);
        assert.equal(page.url().includes(dossier.applicantId), false, 'no identity number in the address');
        await waitIn(page, 'dvc-payment', '[part~="state"][data-state="due"]');
        assert.equal(await countIn(page, 'dvc-payment', '#applicant-id'), 0, 'the payment page does not ask for the identity number');
        await payAtGateway(page, 'success');
        assert.equal(new URL(page.url()).pathname, '/nop-phi.html', 'back on the payment page');
        await expectOutcome(page, 'paid');
      } finally {
        await page.close();
      }
    });

    test('the demo portal in English: its own words and the widgets, kept for the visit (a reload, the way back from the gateway)', async () => {
      const page = await browser.newPage();
      try {
        await page.goto(portal.url, { waitUntil: 'load' });
        await page.waitForFunction(() => customElements.get('dvc-procedure-search') !== undefined);
        const words = () => page.evaluate(() => ({
          lang: document.documentElement.lang,
          title: document.title,
          heading: document.querySelector('h1')!.textContent,
          nav: document.querySelector('nav')!.getAttribute('aria-label'),
          skip: document.querySelector('.skip-link')!.textContent,
          search: document.querySelector('dvc-procedure-search')!.shadowRoot!.querySelector('label[for="q"]')?.textContent?.trim(),
        }));
        const vietnamese = await words();
        assert.deepEqual({ ...vietnamese, search: undefined }, {
          lang: 'vi', title: 'Sở Tư pháp thành phố Hà Nội – Dịch vụ công (trang mẫu)', heading: 'Thủ tục hành chính', nav: 'Chính', skip: 'Bỏ qua điều hướng', search: undefined,
        });
        await page.click('button[data-lang="en"]');
        await page.waitForFunction(() => document.querySelector('dvc-procedure-search')!.shadowRoot!.querySelector('label[for="q"]')?.textContent?.trim() === 'Search for a procedure');
        const english = { lang: 'en', title: 'Hanoi Department of Justice – Public services (sample page)', heading: 'Administrative procedures', nav: 'Main', skip: 'Skip to main content', search: 'Search for a procedure' };
        assert.deepEqual(await words(), english);
        await page.reload({ waitUntil: 'load' });
        await page.waitForFunction(() => document.querySelector('dvc-procedure-search')?.shadowRoot?.querySelector('label[for="q"]')?.textContent?.trim() === 'Search for a procedure');
        assert.deepEqual(await words(), english, 'still English after a reload');
        await page.click('button[data-lang="vi"]');
        await page.waitForFunction((label) => document.querySelector('dvc-procedure-search')!.shadowRoot!.querySelector('label[for="q"]')?.textContent?.trim() === label, {}, vietnamese.search);
        assert.deepEqual(await words(), vietnamese);
      } finally {
        await page.evaluate(() => sessionStorage.clear()).catch(() => undefined);
        await page.close();
      }
    });

    test('the demo portal loaded again (a reload, a phone that dropped the tab): the payment, then the evaluation the citizen was at, shown again, answers kept, the last one in view; not on another page; after "Look up another", neither', async () => {
      const page = await browser.newPage();
      const shown = () => page.evaluate(() => Object.fromEntries(['thanh-toan', 'danh-gia'].map((id) => [id, !document.getElementById(id)!.hidden])));
      // Brought into view once the page above it has stopped moving it (a few frames after the
      // tracker has drawn the dossier), then held there: at the top of the window, give or take the
      // fraction of a pixel by which Firefox may leave it above.
      const inView = (widget: string) => page.waitForFunction((w) => {
        const box = document.querySelector(w)!.getBoundingClientRect();
        return box.top > -1 && box.top < window.innerHeight;
      }, { timeout: 2000, polling: 'raf' }, widget).then(() => true, () => false);
      try {
        const dossier = await visitAndLookUp(page, portal.url);
        await payFromTracker(page);
        await page.reload({ waitUntil: 'load' });
        await waitIn(page, 'dvc-payment', '[part~="state"][data-state="due"]');
        assert.deepEqual(await shown(), { 'thanh-toan': true, 'danh-gia': false });
        await page.waitForFunction(() => document.querySelector('dvc-dossier-tracker')?.shadowRoot?.querySelector('[part~="result"]'), { timeout: 15_000 });
        assert.ok(await inView('dvc-payment'), 'the payment is where the citizen was');

        await admin(`/dossiers/${encodeURIComponent(dossier.code)}/status`, { status: 'decided' });
        await page.reload({ waitUntil: 'load' });
        await waitIn(page, 'dvc-dossier-tracker', '[part~="evaluate-button"]');
        await tabTo(page, 'the tracker\'s evaluate button', (f) => f.widget === 'dvc-dossier-tracker' && f.part === 'evaluate-button');
        await page.keyboard.press('Enter');
        await waitIn(page, SURVEY, '[part~="form"]');
        await tabTo(page, 'the first question', (f) => f.widget === 'dvc-satisfaction-survey' && f.tag === 'input', 10);
        await page.keyboard.press(' ');
        const answered = () => countIn(page, SURVEY, 'input:checked');
        assert.equal(await answered(), 1);

        await page.reload({ waitUntil: 'load' });
        await waitIn(page, SURVEY, '[part~="form"]');
        assert.deepEqual(await shown(), { 'thanh-toan': true, 'danh-gia': true });
        await page.waitForFunction((survey) => (document.querySelector(survey)?.shadowRoot?.querySelectorAll('input:checked').length ?? 0) === 1, { timeout: 5000 }, SURVEY);
        await page.waitForFunction(() => document.querySelector('dvc-dossier-tracker')?.shadowRoot?.querySelector('[part~="result"]'), { timeout: 15_000 });
        assert.ok(await inView(SURVEY), 'the evaluation is where the citizen was');

        // Another page of the portal (the same one under another address here) is not the one loaded
        // again: the tracker shows the dossier, the sections stay as that page has them.
        await page.goto(`${portal.url}index.html`, { waitUntil: 'load' });
        await page.waitForFunction(() => document.querySelector('dvc-dossier-tracker')?.shadowRoot?.querySelector('[part~="result"]'), { timeout: 15_000 });
        await page.waitForFunction(() => customElements.get('dvc-payment') && customElements.get('dvc-satisfaction-survey'), { timeout: 15_000 });
        assert.deepEqual(await shown(), { 'thanh-toan': false, 'danh-gia': false });
        await page.goto(portal.url, { waitUntil: 'load' });
        await waitIn(page, SURVEY, '[part~="form"]');
        assert.deepEqual(await shown(), { 'thanh-toan': true, 'danh-gia': true });

        await page.evaluate(() => document.querySelector('dvc-dossier-tracker')!.shadowRoot!.querySelector<HTMLElement>('[part~="another-button"]')!.click());
        await page.waitForFunction(() => document.getElementById('thanh-toan')!.hidden && document.getElementById('danh-gia')!.hidden, { timeout: 5000 });
        await page.reload({ waitUntil: 'load' });
        await page.waitForFunction(() => customElements.get('dvc-payment') && customElements.get('dvc-satisfaction-survey'), { timeout: 15_000 });
        assert.deepEqual(await shown(), { 'thanh-toan': false, 'danh-gia': false });
        assert.equal(await countIn(page, 'dvc-dossier-tracker', '[part~="result"]'), 0, 'the tracker asks afresh');
      } finally {
        await page.evaluate(() => sessionStorage.clear()).catch(() => undefined);
        await page.close();
      }
    });

    for (const [where, url] of [['the demo portal', () => portal.url], ['a bare page with only the snippet and the tags', () => bare.url]] as const) {
      test(`${where}: look up (the number typed once) → pay → gateway success → paid, receipts, focus on the outcome → evaluate → thanks → already evaluated`, async () => {
        const page = await browser.newPage();
        try {
          const dossier = await visitAndLookUp(page, url());
          await payFromTracker(page);
          await payAtGateway(page, 'success');
          await expectOutcome(page, 'paid');
          assert.ok(await countIn(page, 'dvc-payment', '[part~="receipt"]') >= 1, 'receipts listed');
          // The printable receipt fits a 320 px phone, with its text at 200% too.
          const receiptUrl = await page.evaluate(() => document.querySelector('dvc-payment')!.shadowRoot!.querySelector<HTMLAnchorElement>('[part~="receipt-link"]')!.href);
          const receipt = await browser.newPage();
          try {
            await receipt.setViewport({ width: 320, height: 640 });
            await receipt.goto(receiptUrl, { waitUntil: 'load' });
            for (const size of ['', '200%']) {
              const widths = await receipt.evaluate((fontSize) => {
                document.documentElement.style.fontSize = fontSize;
                return { page: document.documentElement.scrollWidth, viewport: window.innerWidth, text: getComputedStyle(document.body).fontSize };
              }, size);
              assert.ok(widths.page <= widths.viewport, `the receipt scrolls sideways (${widths.page} px in ${widths.viewport}) at text ${size || '100%'}`);
              if (size) assert.notEqual(widths.text, '16px', 'the receipt follows the reader\'s text size');
            }
          } finally {
            await receipt.close();
          }

          // The agency decides; the citizen comes back to the page in the same tab.
          await admin(`/dossiers/${encodeURIComponent(dossier.code)}/status`, { status: 'decided' });
          await page.goto(url(), { waitUntil: 'load' });
          await waitIn(page, 'dvc-dossier-tracker', '[part~="evaluate-button"]');
          await tabTo(page, 'the tracker\'s evaluate button', (f) => f.widget === 'dvc-dossier-tracker' && f.part === 'evaluate-button');
          await page.keyboard.press('Enter');
          await waitIn(page, SURVEY, '[part~="form"]');
          assert.equal(await countIn(page, SURVEY, '#applicant-id'), 0, 'the survey does not ask for the identity number');
          assert.match(await textIn(page, SURVEY, '[part~="dossier"]'), new RegExp(dossier.code.replaceAll('.', '\\.')));
          await evaluate(page);

          // The survey mounted again, for the same dossier: it says so before any question.
          await page.goto(`${url()}?dossier=${encodeURIComponent(dossier.code)}`, { waitUntil: 'load' });
          await waitIn(page, SURVEY, '[part~="already-evaluated"]');
          assert.equal(await countIn(page, SURVEY, 'fieldset[part~="question"]'), 0, 'no question shown');
        } finally {
          await page.close();
        }
      });

      for (const outcome of ['failure', 'cancel'] as const) {
        test(`${where}: a payment ${outcome === 'failure' ? 'refused' : 'cancelled'} at the gateway is shown on return, focused, with "pay again" and no number asked`, async () => {
          const page = await browser.newPage();
          try {
            await visitAndLookUp(page, url());
            await payFromTracker(page);
            await payAtGateway(page, outcome);
            await expectOutcome(page, outcome === 'failure' ? 'failed' : 'cancelled');
            assert.equal(await countIn(page, 'dvc-payment', '[part~="pay-again-button"]'), 1);
            // Paying again needs no number either: the token still proves the applicant.
            await tabTo(page, 'pay again', (f) => f.widget === 'dvc-payment' && f.part === 'pay-again-button');
            await page.keyboard.press('Enter');
            await waitIn(page, 'dvc-payment', '[part~="state"][data-state="due"]');
            assert.equal(await countIn(page, 'dvc-payment', '#applicant-id'), 0);
          } finally {
            await page.close();
          }
        });
      }

      test(`${where}: "Look up another" after a payment, then Back twice past the gateway: the page the browser keeps shows no dossier and asks nothing with the old proof`, async (t: TestContext) => {
        const page = await browser.newPage();
        try {
          // Counts the restorations from the back-forward cache: the test means nothing without one.
          await page.evaluateOnNewDocument(() => {
            addEventListener('pageshow', (event) => {
              if (event.persisted) (window as Window & { restored?: number }).restored = ((window as Window & { restored?: number }).restored ?? 0) + 1;
            });
          });
          const dossier = await visitAndLookUp(page, url());
          await payFromTracker(page);
          await payAtGateway(page, 'cancel');
          await expectOutcome(page, 'cancelled');
          // Above the payment, where focus is: Firefox's Tab leaves the page at its end rather than wrap.
          await page.evaluate(() => document.querySelector('dvc-dossier-tracker')!.shadowRoot!.querySelector<HTMLElement>('[part~="another-button"]')!.focus());
          await page.keyboard.press('Enter');
          await page.waitForFunction(() => !document.querySelector('dvc-dossier-tracker')?.shadowRoot?.querySelector('[part~="result"]'), { timeout: 5000 });
          // The next citizen looks their own dossier up on this page, from the code field "Look up another" focused.
          const next = await newDossier({ reset: false });
          assert.equal((await focused(page)).id, 'code');
          await page.keyboard.type(next.code);
          await page.keyboard.press('Tab');
          await page.keyboard.type(next.applicantId);
          await page.keyboard.press('Enter');
          await waitIn(page, 'dvc-dossier-tracker', '[part~="result"]');
          const letGoAt = await page.evaluate(() => localStorage.getItem('dvc-let-go-at'));
          const asked: string[] = [];
          page.on('request', (request) => {
            // The page's requests for the previous dossier or for any payment (the previous citizen's is
            // known by its id), not the way Back through the gateway's page, nor the next citizen's dossier.
            const url = request.url();
            if (!request.isNavigationRequest() && (url.includes(dossier.code) || /\/api\/v1\/payments\b/.test(url))) asked.push(`${request.method()} ${url}`);
          });
          await goBack(page, (href) => href.includes('/_sandbox/'));
          await goBack(page, (href) => href.startsWith(url()) && !href.includes('/_sandbox/'));
          // Chromium keeps the page; Firefox does, unless it chose to evict it (then it loads anew, as after a reload).
          const restored = await page.evaluate(() => (window as Window & { restored?: number }).restored ?? 0);
          if (name === 'chromium') assert.ok(restored >= 1, 'the page came back from the back-forward cache');
          t.diagnostic(restored >= 1 ? 'restored from the back-forward cache' : 'loaded anew');
          // Restored, the tracker lets the dossier go; loaded anew, it shows the tab's last one: the next citizen's.
          await page.waitForFunction((code) => !(document.querySelector('dvc-dossier-tracker')?.shadowRoot?.querySelector('[part~="result"]')?.textContent ?? '').includes(code),
            { timeout: 5000 }, dossier.code).catch(() => assert.fail('the tracker still shows the previous citizen\'s dossier'));
          await new Promise((resolve) => setTimeout(resolve, 500));
          assert.equal(await countIn(page, 'dvc-payment', '[part~="state"][data-state="due"], [part~="state"][data-state="redirecting"]'), 0, 'the payment shows no fees');
          for (const widget of ['dvc-dossier-tracker', 'dvc-payment', SURVEY]) {
            const shown = await page.evaluate((tag) => {
              const host = document.querySelector(tag);
              return host && host.checkVisibility() ? host.shadowRoot?.textContent ?? '' : '';
            }, widget);
            assert.ok(!shown.includes(dossier.code), `${widget} shows the previous citizen's dossier code`);
          }
          assert.deepEqual(asked, [], 'nothing asked about the dossier with the old proof');
          const held = await page.evaluate(() => Object.keys(sessionStorage).filter((key) => key.startsWith('dvc-access')));
          assert.ok(!held.includes(`dvc-access:${dossier.code}`), 'the tab holds no proof of the previous dossier');
          // Letting go here was no "Look up another" of its own: the next citizen's proof stands.
          assert.equal(await page.evaluate(() => localStorage.getItem('dvc-let-go-at')), letGoAt);
          // (Firefox's restored page reads the tab's storage as it was when left: the next citizen's entries are not in it.)
          if (name === 'chromium') {
            assert.deepEqual(held.sort(), ['dvc-access-last', `dvc-access:${next.code}`].sort());
            assert.equal(await page.evaluate(() => sessionStorage.getItem('dvc-access-last')), next.code);
          }
        } finally {
          await page.close();
        }
      });

      test(`${where}: the built bundle keeps the spaces the sources have (a procedure's legal basis)`, async () => {
        const page = await browser.newPage();
        try {
          await page.goto(url(), { waitUntil: 'load' });
          await page.waitForFunction(() => customElements.get('dvc-procedure-search') !== undefined);
          await page.evaluate(() => (document.querySelector('dvc-procedure-search') as unknown as { showProcedure(code: string): void }).showProcedure('1.001193'));
          await waitIn(page, 'dvc-procedure-search', '[part~="detail"] li');
          const legal = await page.evaluate(() => [...document.querySelector('dvc-procedure-search')!.shadowRoot!.querySelectorAll('[part~="detail"] li')]
            .map((li) => (li.textContent ?? '').replace(/\s+/g, ' ').trim()).find((text) => text.startsWith('60/2014/QH13')));
          assert.match(legal ?? '', /^60\/2014\/QH13 — Luật Hộ tịch \(ban hành ngày 20\/11\/2014\)$/);
        } finally {
          await page.close();
        }
      });

      test(`${where}: an expired token: the payment asks for the identity number again, saying why`, async () => {
        const page = await browser.newPage();
        try {
          const dossier = await visitAndLookUp(page, url());
          // Half an hour later: the token the tab keeps has expired.
          await page.evaluate((code) => {
            const key = `dvc-access:${code}`;
            const access = JSON.parse(sessionStorage.getItem(key) ?? '{}') as { expiresAt?: string };
            sessionStorage.setItem(key, JSON.stringify({ ...access, expiresAt: new Date(Date.now() - 1000).toISOString() }));
          }, dossier.code);
          await tabTo(page, 'the tracker\'s pay button', (f) => f.widget === 'dvc-dossier-tracker' && f.part === 'pay-button');
          await page.keyboard.press('Enter');
          await waitIn(page, 'dvc-payment', '#applicant-id');
          assert.match(await textIn(page, 'dvc-payment', '[part~="state"]'), /Để bảo mật/);
          await tabTo(page, 'the identity number', (f) => f.widget === 'dvc-payment' && f.id === 'applicant-id');
          await page.keyboard.type(dossier.applicantId);
          await page.keyboard.press('Enter');
          await waitIn(page, 'dvc-payment', '[part~="state"][data-state="due"]');
        } finally {
          await page.close();
        }
      });
    }
  });
}
