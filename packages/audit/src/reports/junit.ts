/**
 * `report.xml`: JUnit XML, so a portal's CI shows the audit like any test run. One testsuite per
 * state ("page" or "dvc-procedure-search · results"), one testcase per check: a failure lists the
 * check's violations, `skipped` marks a check the browser cannot run or a state the page's data
 * did not allow (`unreached`), `error` a check (or a tour step) that broke. Warnings go to the
 * testcase's system-out.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditReport, CheckResult, Finding, StateResult } from '../types.ts';

/** Escapes text for XML content and attribute values, dropping characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex -- XML 1.0 allows only tab, LF and CR below U+0020
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

function describe(finding: Finding): string {
  const sc = finding.wcag.length ? `WCAG ${finding.wcag.join(', ')}` : finding.severity === 'failure' ? 'no WCAG criterion' : 'best practice';
  return `[${finding.impact}] ${finding.rule} (${sc}): ${finding.help}\n  at ${finding.selector}\n  ${finding.message}\n  ${finding.html}`;
}

/**
 * A check the browser cannot run, or the tour step of a state the page's data did not allow
 * (`unreached`: a demo dossier missing on a live portal): neither passed nor failed.
 */
const isSkipped = (state: StateResult, check: CheckResult) =>
  check.status === 'not-run' || (state.status === 'unreached' && check.check === 'tour');

function testcase(state: StateResult, suite: string, check: CheckResult): string {
  const mine = (list: Finding[]) => list.filter((f) => f.check === check.check);
  const violations = mine(state.violations);
  const warnings = mine(state.warnings);
  const open = `    <testcase classname="${escapeXml(suite)}" name="${escapeXml(check.check)}" time="${seconds(check.durationMs)}">`;
  const body: string[] = [];
  if (isSkipped(state, check)) body.push(`      <skipped message="${escapeXml(check.reason ?? 'not run')}"/>`);
  if (check.status === 'error') body.push(`      <error message="${escapeXml(check.reason ?? 'error')}" type="error"/>`);
  if (violations.length > 0) {
    const rules = [...new Set(violations.map((v) => v.rule))].join(', ');
    body.push(`      <failure message="${escapeXml(`${violations.length} violation(s): ${rules}`)}" type="${escapeXml(violations[0]!.rule)}">${escapeXml(violations.map(describe).join('\n\n'))}</failure>`);
  }
  if (warnings.length > 0) body.push(`      <system-out>${escapeXml(warnings.map(describe).join('\n\n'))}</system-out>`);
  return body.length ? `${open}\n${body.join('\n')}\n    </testcase>` : `${open}</testcase>`;
}

/** The report as JUnit XML. */
export function renderJunit(report: AuditReport): string {
  const suites = report.states.map((state) => {
    const name = state.widget ? `${state.widget} · ${state.state}` : state.state;
    const count = (status: CheckResult['status']) => state.checks.filter((c) => c.status === status).length;
    const skipped = state.checks.filter((c) => isSkipped(state, c)).length;
    const time = state.checks.reduce((ms, c) => ms + c.durationMs, 0);
    return [
      `  <testsuite name="${escapeXml(name)}" tests="${state.checks.length}" failures="${count('failed')}" errors="${count('error')}" skipped="${skipped}" time="${seconds(time)}" timestamp="${escapeXml(state.startedAt.replace(/\.\d+Z$|Z$/, ''))}">`,
      `    <properties>`,
      `      <property name="page" value="${escapeXml(report.page)}"/>`,
      `      <property name="browser" value="${escapeXml(`${report.browser.name} ${report.browser.version}`)}"/>`,
      `      <property name="description" value="${escapeXml(state.description)}"/>`,
      `    </properties>`,
      ...state.checks.map((check) => testcase(state, name, check)),
      `  </testsuite>`,
    ].join('\n');
  });
  const all = report.states.flatMap((s) => s.checks);
  const total = (status: CheckResult['status']) => all.filter((c) => c.status === status).length;
  const skipped = report.states.reduce((n, state) => n + state.checks.filter((c) => isSkipped(state, c)).length, 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${escapeXml(`dvc-audit ${report.page}`)}" tests="${all.length}" failures="${total('failed')}" errors="${total('error')}" skipped="${skipped}" time="${seconds(report.durationMs)}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

/** Writes `report.xml` into `dir`; returns its path. */
export async function writeJunitReport(report: AuditReport, dir: string): Promise<string> {
  const path = join(dir, 'report.xml');
  await writeFile(path, renderJunit(report));
  return path;
}
