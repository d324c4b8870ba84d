/**
 * dvc-audit --tour on a page whose only widget is a page-feedback survey (fixtures/page-feedback.html,
 * with a fresh CDN bundle), in Chromium: with its API down the run cannot complete (exit 2) and
 * says why, rather than pass with "needs demo data" warnings. Against an API that is not a sandbox
 * (one without its test controls, as production answers) the "sent" step, which stores an
 * evaluation, is not run, and nothing is stored; against a sandbox it runs.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { AuditReport } from '../src/types.ts';
import { buildBundle, freePort, ROOT, runCli, serveStatic, startSandbox, type CliRun, type Running } from './support/servers.ts';

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
      // "sent" would store an evaluation: the tool asks the API whether it is a sandbox first, and that fails.
      // The widget keeps the failure until the visitor tries again: the wait ends once it has
      // shown it for 1.5 s, well before its 10 s timeout.
      const how = state.state === 'sent' ? /asked whether it is a sandbox, GET .*\/_sandbox\/survey-responses\?.* failed/ : /did not appear; the widget shows a failure \(network\): ".+", and kept it for 1500 ms$/;
      assert.ok(state.checks[0]!.durationMs! < 10_000, `${state.state}: ${state.checks[0]!.durationMs} ms`);
      assert.match(state.checks[0]!.reason!, new RegExp(`^the widget's API could not be reached \\(is its server up, and api-base right\\?\\): .*${how.source}`), state.state);
    }
    assert.doesNotMatch(run.stderr, /demo data/);
    assert.match(run.stderr, /dvc-satisfaction-survey · initial: not reached, an error \(the widget's API could not be reached/);
  });
});

/** What a sandbox (with its test controls) lists of the survey responses stored in it. */
async function storedResponses(sandbox: Running): Promise<unknown[]> {
  const response = await fetch(`${sandbox.url}/_sandbox/survey-responses`);
  assert.equal(response.status, 200);
  return ((await response.json()) as { items: unknown[] }).items;
}

describe('dvc-audit --tour on a page-feedback survey whose API is not a sandbox (Chromium)', () => {
  let run: CliRun;
  let report: AuditReport;
  let apiUrl: string;
  let stored: unknown[];

  before(async () => {
    // A sandbox without its test controls answers as production does; its database, a file,
    // is then opened by one with them, to list what the run stored.
    const dir = await mkdtemp(join(tmpdir(), 'dvc-audit-live-'));
    const db = join(dir, 'api.db');
    try {
      const live = await startSandbox({ testControls: false, db });
      apiUrl = live.url;
      const page = await servePage(live.url);
      try {
        ({ run, report } = await audit(page));
      } finally {
        await page.stop();
        await live.stop();
      }
      const inspector = await startSandbox({ db });
      try {
        stored = await storedResponses(inspector);
      } finally {
        await inspector.stop();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, { timeout: 240_000 });

  it('does not send the evaluation: "sent" is not run, a warning saying why, and nothing is stored', () => {
    assert.deepEqual(stored, []);
    const survey = report.states.filter((s) => s.widget === 'dvc-satisfaction-survey');
    assert.deepEqual(survey.map((s) => [s.state, s.status]), [['initial', 'reached'], ['validation-errors', 'reached'], ['sent', 'unreached']]);
    const sent = survey[2]!;
    assert.deepEqual(sent.warnings.map((w) => w.rule), ['tour-state-not-run']);
    const notRun = `not run: it would store an evaluation in ${apiUrl}/, which is not a sandbox`;
    assert.ok(sent.warnings[0]!.message.startsWith(`${notRun} (GET ${apiUrl}/_sandbox/survey-responses?`), sent.warnings[0]!.message);
    assert.match(sent.warnings[0]!.message, /answered 404\)$/);
    assert.match(run.stderr, /dvc-satisfaction-survey · sent: not run, a warning \(it would store an evaluation in /);
  });

  it('exits 0, as warnings allow, with no error', () => {
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(report.summary.errors, 0);
  });
});

describe('dvc-audit --tour on a page-feedback survey whose API is a sandbox (Chromium)', () => {
  let run: CliRun;
  let report: AuditReport;
  let stored: unknown[];

  before(async () => {
    const sandbox = await startSandbox();
    const page = await servePage(sandbox.url);
    try {
      ({ run, report } = await audit(page));
      stored = await storedResponses(sandbox);
    } finally {
      await page.stop();
      await sandbox.stop();
    }
  }, { timeout: 240_000 });

  it('reaches every state, "sent" included, storing the one evaluation it sent', () => {
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const survey = report.states.filter((s) => s.widget === 'dvc-satisfaction-survey');
    assert.deepEqual(survey.map((s) => [s.state, s.status]), STATES.map((state) => [state, 'reached']));
    assert.equal(stored.length, 1);
  });
});
