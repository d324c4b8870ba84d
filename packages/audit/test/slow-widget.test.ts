/**
 * dvc-audit on a page whose widget comes seconds after the load event (fixtures/slow-widget.html,
 * with a fresh CDN bundle), in Chromium and Firefox ESR: the page adds the loader once it has
 * loaded, and the kit's files are served 2.5 s late each, so the search is defined about 5 s after
 * the load event, with `--wait 2`. The tool waits while the page is still fetching, and audits the
 * widget; it does not report that it never became defined.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { AuditReport } from '../src/types.ts';
import { buildBundle, ROOT, runCli, serveStatic, type CliRun, type Running } from './support/servers.ts';

/** How long the tool waits for a widget once the page fetches nothing more (`--wait`, in seconds). */
const WAIT_SECONDS = 2;
/**
 * How late each of the kit's files comes: the loader, then the widget's modules it imports, two in
 * a row, 5 s in all: longer than the wait would last counted from the load event.
 */
const CDN_DELAY_MS = 2_500;

let bundle: { dir: string; remove(): Promise<void> };
let site: Running;

before(async () => {
  bundle = await buildBundle();
  site = await serveStatic([['/cdn/', bundle.dir], ['/', join(ROOT, 'packages/audit/fixtures')]], {}, undefined,
    (pathname) => (pathname.startsWith('/cdn/') ? CDN_DELAY_MS : 0));
}, { timeout: 120_000 });
after(async () => {
  await site?.stop();
  await bundle?.remove();
});

for (const name of ['chromium', 'firefox'] as const) {
  describe(`dvc-audit on a widget its CDN serves slowly, ${name}`, () => {
    let run: CliRun;
    let report: AuditReport;

    before(async () => {
      const out = await mkdtemp(join(tmpdir(), 'dvc-audit-slow-widget-'));
      try {
        run = await runCli([`${site.url}slow-widget.html`, '--browser', name, '--wait', String(WAIT_SECONDS), '--out', out, '--format', 'json']);
        report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as AuditReport;
      } finally {
        await rm(out, { recursive: true, force: true });
      }
    }, { timeout: 180_000 });

    it('waits for the widget while the page fetches it, and audits it: the widgets check passes, no error', () => {
      const [page] = report.states;
      const widgets = page!.checks.find((c) => c.check === 'widgets')!;
      assert.equal(widgets.status, 'passed', JSON.stringify(widgets));
      assert.equal(widgets.summary, '1 DVC Kit widget defined: dvc-procedure-search');
      assert.equal(report.summary.errors, 0, run.stdout + run.stderr);
      assert.equal(run.code, 0, run.stdout + run.stderr);
      // The widget was audited as drawn: Tab reached its controls.
      assert.match(page!.checks.find((c) => c.check === 'keyboard')!.summary!, /^[1-9]\d* Tab stops/);
    });
  });
}
