/**
 * dvc-audit on a page whose DVC Kit widgets have no API to work with (fixtures/no-api.html, with a
 * fresh CDN bundle), in Chromium: each draws its first view, so every other check would pass it,
 * but it can do nothing for a citizen. The widgets check fails each (widget-api-base), exit 1,
 * without the tour and with it; the tour's states that need an API are warnings that point to that
 * violation, not errors of their own.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { AuditReport, Finding } from '../src/types.ts';
import { buildBundle, ROOT, runCli, serveStatic, type CliRun, type Running } from './support/servers.ts';

/** The widgets and what each violation says of its API root. */
const WITHOUT_API: Array<[string, RegExp]> = [
  ['dvc-procedure-search', /^It has no api-base \(the attribute is missing or empty\), and the page sets no API root for its widgets \(window\.dvcKit\.apiBase, setDefaultApiBase\(\)\), so it can do nothing for a citizen/],
  ['dvc-satisfaction-survey', /^It has no api-base \(the attribute is missing or empty\), and the page sets no API root/],
  ['dvc-dossier-tracker', /^Its API root "dichvucong\.example\.gov\.vn\/api\/v1" is not a web address \(write it whole, with https:\/\/, or from the site's root, as \/api\/v1\)/],
];

let bundle: { dir: string; remove(): Promise<void> };
let page: Running;

async function audit(...args: string[]): Promise<{ run: CliRun; report: AuditReport }> {
  const out = await mkdtemp(join(tmpdir(), 'dvc-audit-no-api-'));
  try {
    const run = await runCli([`${page.url}no-api.html`, ...args, '--out', out, '--format', 'json']);
    return { run, report: JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as AuditReport };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

/** Each widget-api-base violation of a state, as [tag, message]. */
const withoutApi = (findings: Finding[]) => findings.filter((f) => f.rule === 'widget-api-base').map((f) => [f.selector.split(' > ').at(-1), f.message] as const);

function assertEachWidgetFailed(findings: Finding[], where: string): void {
  const found = withoutApi(findings);
  assert.deepEqual(found.map(([tag]) => tag), WITHOUT_API.map(([tag]) => tag), where);
  found.forEach(([, message], i) => assert.match(message, WITHOUT_API[i]![1], where));
  for (const finding of findings.filter((f) => f.rule === 'widget-api-base')) {
    assert.equal(finding.check, 'widgets');
    assert.equal(finding.severity, 'failure');
    assert.match(finding.help, /^Every DVC Kit widget has an API to work with/);
  }
}

before(async () => {
  bundle = await buildBundle();
  page = await serveStatic([['/cdn/', bundle.dir], ['/', join(ROOT, 'packages/audit/fixtures')]], {});
}, { timeout: 120_000 });
after(async () => {
  await page?.stop();
  await bundle?.remove();
});

describe('dvc-audit on widgets without an API, without the tour (Chromium)', () => {
  let run: CliRun;
  let report: AuditReport;

  before(async () => {
    ({ run, report } = await audit());
  }, { timeout: 120_000 });

  it('fails the page, one widget-api-base violation per widget, saying what is missing: exit 1', () => {
    assert.equal(run.code, 1, run.stdout + run.stderr);
    const [state] = report.states;
    assertEachWidgetFailed(state!.violations, 'page');
    const widgets = state!.checks.find((c) => c.check === 'widgets')!;
    assert.equal(widgets.status, 'failed');
    assert.match(widgets.summary!, /; 3 without an API root$/);
    assert.equal(report.summary.errors, 0);
  });
});

describe('dvc-audit --tour on widgets without an API (Chromium)', () => {
  let run: CliRun;
  let report: AuditReport;

  before(async () => {
    ({ run, report } = await audit('--tour'));
  }, { timeout: 300_000 });

  it('fails each widget in every state it reaches, and exits 1, not 2: the tour adds no error of its own', () => {
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.equal(report.summary.errors, 0, JSON.stringify(report.states.filter((s) => s.status === 'error'), null, 2));
    const reached = report.states.filter((s) => s.status === 'reached');
    assert.ok(reached.some((s) => s.widget === 'dvc-procedure-search' && s.state === 'validation-errors'), 'a state that needs no API is audited');
    for (const state of reached) assertEachWidgetFailed(state.violations, `${state.widget ?? 'page'} · ${state.state}`);
  });

  it('reports the states that need an API as warnings pointing to the violation: not reached, or not run', () => {
    const unreached = report.states.filter((s) => s.status !== 'reached');
    // The search's first search, the tracker's lookups and the survey's sending all need the API.
    for (const name of ['dvc-procedure-search · results', 'dvc-dossier-tracker · found', 'dvc-dossier-tracker · not-found', 'dvc-satisfaction-survey · sent']) {
      assert.ok(unreached.some((s) => `${s.widget} · ${s.state}` === name), `${name} is not reached: ${unreached.map((s) => `${s.widget} · ${s.state}`).join(', ')}`);
    }
    for (const state of unreached) {
      assert.equal(state.status, 'unreached', `${state.widget} · ${state.state}`);
      assert.deepEqual(state.warnings.map((w) => w.rule), ['tour-state-no-api'], `${state.widget} · ${state.state}`);
      assert.match(state.warnings[0]!.message, /the widget has no API root to work with \(the widget-api-base violation\)/);
    }
    const results = report.states.find((s) => s.widget === 'dvc-procedure-search' && s.state === 'results')!;
    assert.match(results.warnings[0]!.message, /the widget shows a failure \(configuration\)/);
    assert.doesNotMatch(run.stderr, /an error/);
  });
});
