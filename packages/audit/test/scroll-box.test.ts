/**
 * dvc-audit on a page whose search sits in a box that hides its overflow (fixtures/scroll-box.html,
 * with a fresh CDN bundle), in Chromium and Firefox ESR. Tab, and focus by script for a screenshot,
 * scroll the box to the control they reach; the page itself never scrolls it. The keyboard walk
 * scrolls it back, and every check starts from the scrolling the page had, so the findings are
 * those of the page as loaded: its one fault (a link with no focus ring), no text spacing fault
 * that only a scrolled box made, and the warning that the box cuts the widget off.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, openPage } from '../src/browser.ts';
import { walkTabOrder } from '../src/checks/keyboard.ts';
import type { AuditReport, BrowserName } from '../src/types.ts';
import { buildBundle, ROOT, runCli, serveStatic, type CliRun, type Running } from './support/servers.ts';

/** The page's own faults, by browser: forced colours run in Chromium only. */
const FAULTS: Record<BrowserName, string[]> = {
  chromium: ['focus-visible @ #no-ring', 'forced-colors-focus-visible @ #no-ring'],
  firefox: ['focus-visible @ #no-ring'],
};

let bundle: { dir: string; remove(): Promise<void> };
let site: Running;

before(async () => {
  bundle = await buildBundle();
  site = await serveStatic([['/cdn/', bundle.dir], ['/', join(ROOT, 'packages/audit/fixtures')]], {});
}, { timeout: 120_000 });
after(async () => {
  await site?.stop();
  await bundle?.remove();
});

for (const name of ['chromium', 'firefox'] as const) {
  describe(`a box that hides its overflow, ${name}`, () => {
    it('is scrolled back where it was after the keyboard walk, which Tabbed into it', async () => {
      const browser = await launchBrowser(name);
      try {
        const page = await browser.newPage();
        await openPage(page, `${site.url}scroll-box.html`);
        const scrolled = () => page.evaluate(() => ({ box: document.querySelector('#box')!.scrollTop, page: scrollY }));
        assert.deepEqual(await scrolled(), { box: 0, page: 0 });
        const walk = await walkTabOrder(page);
        // It reached the controls below the box's fold, and the link under the widget.
        assert.ok(walk.stops.some((s) => s.selector.endsWith('#filter-online')), walk.stops.map((s) => s.selector).join(', '));
        assert.ok(walk.stops.some((s) => s.selector.endsWith('#no-ring')), walk.stops.map((s) => s.selector).join(', '));
        assert.deepEqual(await scrolled(), { box: 0, page: 0 });
      } finally {
        await browser.close();
      }
    });

    describe('dvc-audit', () => {
      let run: CliRun;
      let report: AuditReport;

      before(async () => {
        const out = await mkdtemp(join(tmpdir(), 'dvc-audit-scroll-box-'));
        try {
          // Screenshots on (the JSON report names them): framing a finding scrolls its box too.
          run = await runCli([`${site.url}scroll-box.html`, '--browser', name, '--out', out, '--format', 'json']);
          report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as AuditReport;
        } finally {
          await rm(out, { recursive: true, force: true });
        }
      }, { timeout: 120_000 });

      it('finds the page\'s one fault and nothing its own scrolling made: no text spacing fault', () => {
        assert.equal(run.code, 1, run.stdout + run.stderr);
        const [page] = report.states;
        const found = page!.violations.map((f) => `${f.rule} @ ${f.selector}`).sort();
        assert.deepEqual(found, FAULTS[name], JSON.stringify(page!.violations, null, 2));
        assert.equal(page!.checks.find((c) => c.check === 'text-spacing')!.status, 'warnings');
        assert.ok(page!.violations.every((f) => f.screenshot), 'each fault has its screenshot');
      });

      it('warns that the box cuts the widget off as the page is shown, once, naming the box and the text lost', () => {
        const [page] = report.states;
        const clipped = page!.warnings.filter((f) => f.check === 'text-spacing');
        assert.deepEqual(clipped.map((f) => `${f.rule} @ ${f.selector}`), ['widget-text-clipped @ #box'], JSON.stringify(clipped, null, 2));
        assert.match(clipped[0]!.message, /^".+", in a widget, is cut off as the page is shown/);
      });
    });
  });
}
