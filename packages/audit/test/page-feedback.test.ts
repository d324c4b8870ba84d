/**
 * dvc-audit --tour on a page whose only widget is a page-feedback survey (fixtures/page-feedback.html,
 * with a fresh CDN bundle), in Chromium: with its API down the run cannot complete (exit 2) and
 * says why, rather than pass with "needs demo data" warnings.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { AuditReport } from '../src/types.ts';
import { buildBundle, freePort, ROOT, runCli, serveStatic, type CliRun, type Running } from './support/servers.ts';

const STATES = ['initial', 'validation-errors', 'sent'];

let bundle: { dir: string; remove(): Promise<void> };

/** The fixture page with its survey's api-base set to `apiBase`. */
function servePage(apiBase: string): Promise<Running> {
  return serveStatic([['/cdn/', bundle.dir], ['/', join(ROOT, 'packages/audit/fixtures')]], {}, (html) => html.replaceAll('API_BASE', apiBase));
}

async function audit(page: Running): Promise<{ run: CliRun; report: AuditReport }> {
  const out = await mkdtemp(join(tmpdir(), 'dvc-audit-feedback-'));
  try {
    const run = await runCli([`${page.url}page-feedback.html`, '--tour', '--out', out, '--format', 'json']);
    return { run, report: JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as AuditReport };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

before(async () => {
  bundle = await buildBundle();
}, { timeout: 120_000 });
after(() => bundle?.remove());

describe('dvc-audit --tour on a page-feedback survey whose API is down (Chromium)', () => {
  let page: Running;
  let run: CliRun;
  let report: AuditReport;

  before(async () => {
    // Nothing listens on a free port.
    page = await servePage(`http://localhost:${await freePort()}/api/v1`);
    ({ run, report } = await audit(page));
  }, { timeout: 180_000 });
  after(() => page?.stop());

  it('cannot complete: exit 2, each state an error saying the API could not be reached, none a demo-data warning', () => {
    assert.equal(run.code, 2, run.stdout + run.stderr);
    const survey = report.states.filter((s) => s.widget === 'dvc-satisfaction-survey');
    assert.deepEqual(survey.map((s) => [s.state, s.status]), STATES.map((state) => [state, 'error']));
    for (const state of survey) {
      assert.deepEqual(state.warnings, [], state.state);
      assert.match(state.checks[0]!.reason!, /^the widget's API could not be reached \(is its server up, and api-base right\?\): .*the widget shows a failure \(network\)/, state.state);
    }
    assert.doesNotMatch(run.stderr, /demo data/);
    assert.match(run.stderr, /dvc-satisfaction-survey · initial: not reached, an error \(the widget's API could not be reached/);
  });
});
