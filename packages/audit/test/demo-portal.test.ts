/**
 * dvc-audit --tour against the demo portal, served as `npm start` serves it (a fresh CDN bundle,
 * the same CSP) with a throwaway sandbox, in Chromium: every state of our widgets' tours is reached
 * and audited, and the portal passes. One CLI run, shared by the tests.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { AuditReport } from '../src/types.ts';
import { buildBundle, runCli, startPortal, startSandbox, type CliRun, type Running } from './support/servers.ts';

/** The states of the four widgets' tours (src/tours), for each instance on the portal. */
const SURVEY_STATES = ['initial', 'validation-errors', 'sent'];
const DECLARED = [
  'dvc-procedure-search · initial', 'dvc-procedure-search · validation-errors', 'dvc-procedure-search · results', 'dvc-procedure-search · no-results', 'dvc-procedure-search · detail',
  'dvc-dossier-tracker · initial', 'dvc-dossier-tracker · validation-errors', 'dvc-dossier-tracker · found', 'dvc-dossier-tracker · not-found',
  'dvc-payment · ask', 'dvc-payment · validation-errors', 'dvc-payment · due', 'dvc-payment · method-chosen', 'dvc-payment · nothing-due',
  'dvc-payment · lookup-error',
  // The portal's two surveys: the dossier evaluation (its first) and the page feedback in the aside.
  ...SURVEY_STATES.map((state) => `dvc-satisfaction-survey · ${state}`),
  ...SURVEY_STATES.map((state) => `dvc-satisfaction-survey[2] · ${state}`),
];
/** The widgets the portal keeps in a hidden section until the tracker's "Pay" or "Evaluate". */
const HIDDEN = new Map([['dvc-payment', '#thanh-toan'], ['dvc-satisfaction-survey', '#danh-gia']]);

describe('dvc-audit --tour on the demo portal (Chromium)', () => {
  let bundle: { dir: string; remove(): Promise<void> };
  let sandbox: Running;
  let portal: Running;
  let out: string;
  let run: CliRun;
  let report: AuditReport;

  before(async () => {
    bundle = await buildBundle();
    sandbox = await startSandbox();
    portal = await startPortal(bundle.dir, sandbox.url);
    out = await mkdtemp(join(tmpdir(), 'dvc-audit-demo-'));
    run = await runCli([portal.url, '--tour', '--out', out]);
    report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as AuditReport;
  }, { timeout: 240_000 });
  after(async () => {
    await portal?.stop();
    await sandbox?.stop();
    await bundle?.remove();
    await rm(out, { recursive: true, force: true });
  });

  it('reaches and audits every state the four widgets declare, in every instance', () => {
    const states = report.states.map((s) => `${s.widget ?? 'page'} · ${s.state}`);
    assert.deepEqual(states, ['page · page', ...DECLARED]);
    for (const state of report.states.filter((s) => DECLARED.includes(`${s.widget} · ${s.state}`))) {
      assert.equal(state.status, 'reached', `${state.widget} · ${state.state}`);
      assert.deepEqual(state.checks.map((c) => c.check), ['widgets', 'axe', 'keyboard', 'target-size', 'forced-colors', 'text-spacing', 'reflow']);
      for (const check of state.checks) assert.notEqual(check.status, 'error', `${state.state} ${check.check}: ${check.reason}`);
    }
    const tourWarnings = report.states[0]!.warnings.filter((w) => w.rule === 'tour-missing').map((w) => w.message);
    assert.deepEqual(tourWarnings, []);
    assert.ok(report.states.every((s) => s.warnings.every((w) => w.rule !== 'tour-state-unreached')));
    // The portal gives its widgets room: no text of theirs is cut off, in any state.
    const clipped = report.states.flatMap((s) => s.warnings.filter((w) => w.rule === 'widget-text-clipped').map((w) => `${s.widget ?? 'page'} · ${s.state}: ${w.message}`));
    assert.deepEqual(clipped, []);
  });

  it('shows the widgets the portal hides, and says so', () => {
    for (const state of report.states.filter((s) => s.widget)) {
      const hidden = HIDDEN.get(state.widget!);
      if (hidden) assert.match(state.description, new RegExp(`\\(hidden on the page: the tool removed hidden from ${hidden}\\)$`), `${state.widget} · ${state.state}`);
      else assert.doesNotMatch(state.description, /hidden on the page/, `${state.widget} · ${state.state}`);
    }
  });

  it('sees each state as it is: more controls with results and error summaries, fewer once sent, each survey in its mode', () => {
    const stops = (widget: string, state: string) => {
      const summary = report.states.find((s) => s.widget === widget && s.state === state)!.checks.find((c) => c.check === 'keyboard')!.summary!;
      return Number(/^(\d+) Tab stops/.exec(summary)![1]);
    };
    assert.ok(stops('dvc-procedure-search', 'results') > stops('dvc-procedure-search', 'initial'));
    assert.ok(stops('dvc-dossier-tracker', 'validation-errors') > stops('dvc-dossier-tracker', 'initial'));
    assert.ok(stops('dvc-payment', 'validation-errors') > stops('dvc-payment', 'ask'));
    for (const survey of ['dvc-satisfaction-survey', 'dvc-satisfaction-survey[2]']) {
      assert.ok(stops(survey, 'validation-errors') > stops(survey, 'initial'), survey);
      assert.ok(stops(survey, 'sent') < stops(survey, 'initial'), survey);
    }
    // Each survey in its own mode: the dossier evaluation (identity number, six ratings, a comment)
    // has more controls than the page feedback (one rating, a comment).
    assert.ok(stops('dvc-satisfaction-survey', 'initial') > stops('dvc-satisfaction-survey[2]', 'initial'));
  });

  it('passes: no violations, exit 0', () => {
    const violations = report.states.flatMap((s) => s.violations.map((v) => `${s.widget ?? 'page'} · ${s.state}: ${v.rule} @ ${v.selector} — ${v.message}`));
    assert.deepEqual(violations, []);
    assert.equal(run.code, 0, run.stderr);
  });
});
