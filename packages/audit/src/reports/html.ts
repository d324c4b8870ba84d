/**
 * `report.html`: one self-contained file an auditor can archive or mail — inline CSS, screenshots
 * as data URLs, no script. Failures are grouped by WCAG success criterion; each shows the rule, the
 * widget state, the element's selector and HTML (escaped, as text) and a screenshot. The report is
 * held to the standard it checks: landmarks, a heading outline, captioned tables, alt text,
 * contrast above 4.5:1, visible focus, and it reflows at 320 px.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditReport, Finding, StateResult } from '../types.ts';
import { compareCriteria, criterionTitle, understandingUrl } from '../wcag.ts';

/** Escapes text for HTML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const STYLE = `
  :root { color-scheme: light; font: 16px/1.5 system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #1b1f24; background: #fff; }
  body { margin: 0; }
  header, main, footer { max-width: 70rem; margin: 0 auto; padding: 0 1rem; }
  header { border-bottom: 4px solid #0a4f9c; padding-block: 1rem; }
  h1 { font-size: 1.75rem; margin: 0 0 .5rem; overflow-wrap: anywhere; }
  h2 { font-size: 1.4rem; margin: 2rem 0 .75rem; border-bottom: 1px solid #6b7280; }
  h3 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; }
  h4 { font-size: 1.05rem; margin: 0 0 .25rem; }
  a { color: #0a4f9c; }
  a:focus-visible, [tabindex]:focus-visible { outline: 3px solid #0a4f9c; outline-offset: 2px; }
  dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0; }
  dl.meta dt { font-weight: 600; }
  dl.meta dd { margin: 0; overflow-wrap: anywhere; }
  .verdict { font-size: 1.1rem; font-weight: 600; padding: .5rem .75rem; border-left: 6px solid; }
  .verdict.fail { border-color: #a4161a; background: #fbeaea; }
  .verdict.pass { border-color: #0d5e2a; background: #e8f4ec; }
  .table-wrap { overflow-x: auto; }
  table { border-collapse: collapse; width: 100%; }
  caption { text-align: left; font-weight: 600; padding-bottom: .25rem; }
  th, td { border: 1px solid #6b7280; padding: .25rem .5rem; text-align: left; vertical-align: top; }
  thead th { background: #f3f5f8; }
  .finding { border: 1px solid #6b7280; border-left: 6px solid #a4161a; border-radius: 4px; padding: .75rem 1rem; margin: 0 0 1rem; }
  .finding.warning { border-left-color: #7a4100; }
  .finding p { margin: .25rem 0; }
  code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .9rem; }
  code { overflow-wrap: anywhere; }
  pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f3f5f8; border: 1px solid #6b7280; padding: .5rem; margin: .5rem 0; }
  img { max-width: 100%; height: auto; border: 1px solid #6b7280; display: block; margin: .5rem 0; }
  .label { font-weight: 600; }
  footer { border-top: 1px solid #6b7280; margin-top: 2rem; padding-block: 1rem; color: #4a5360; }
  @media (forced-colors: active) { .finding { border-left-color: CanvasText; } .verdict { border-color: CanvasText; } }
`;

const stateName = (s: StateResult) => (s.widget ? `${s.widget} · ${s.state}` : 'page as loaded');

async function dataUrl(dir: string, file: string | undefined): Promise<string | null> {
  if (!file) return null;
  try {
    return `data:image/png;base64,${(await readFile(join(dir, file))).toString('base64')}`;
  } catch {
    return null;
  }
}

async function findingHtml(dir: string, state: StateResult, finding: Finding, level: number): Promise<string> {
  const image = await dataUrl(dir, finding.screenshot);
  const scs = finding.wcag.length ? finding.wcag.join(', ') : finding.severity === 'failure' ? 'none' : 'best practice';
  return `<article class="finding${finding.severity === 'warning' ? ' warning' : ''}">
  <h${level}>${escapeHtml(finding.rule)} <span class="label">in ${escapeHtml(stateName(state))}</span></h${level}>
  <p>${escapeHtml(finding.help)}${finding.helpUrl ? ` (see <a href="${escapeHtml(finding.helpUrl)}">the rule's documentation for ${escapeHtml(finding.rule)}</a>)` : ''}.</p>
  <p><span class="label">What is wrong:</span> ${escapeHtml(finding.message)}</p>
  <p><span class="label">Impact:</span> ${escapeHtml(finding.impact)} · <span class="label">WCAG:</span> ${escapeHtml(scs)} · <span class="label">Check:</span> ${escapeHtml(finding.check)}</p>
  <p><span class="label">Element:</span> <code>${escapeHtml(finding.selector)}</code></p>
  <pre><code>${escapeHtml(finding.html)}</code></pre>
  ${image ? `<img src="${image}" alt="Screenshot: the element ${escapeHtml(finding.selector)} framed in magenta, in ${escapeHtml(stateName(state))}">` : ''}
</article>`;
}

/** The report as one HTML document. */
export async function renderHtml(report: AuditReport, dir: string): Promise<string> {
  const { summary } = report;
  const failed = summary.exitCode !== 0;

  // Failures by success criterion (a finding under several criteria is listed under each).
  const bySc = new Map<string, Array<{ state: StateResult; finding: Finding }>>();
  for (const state of report.states) {
    for (const finding of state.violations) {
      for (const sc of finding.wcag.length ? finding.wcag : ['other']) {
        if (!bySc.has(sc)) bySc.set(sc, []);
        bySc.get(sc)!.push({ state, finding });
      }
    }
  }
  const scs = [...bySc.keys()].sort((a, b) => (a === 'other' ? 1 : b === 'other' ? -1 : compareCriteria(a, b)));
  const failureSections: string[] = [];
  for (const sc of scs) {
    const entries = bySc.get(sc)!;
    const title = sc === 'other' ? 'Other failures' : criterionTitle(sc);
    const articles = await Promise.all(entries.map(({ state, finding }) => findingHtml(dir, state, finding, 4)));
    failureSections.push(`<section aria-labelledby="sc-${escapeHtml(sc.replace(/\./g, '-'))}">
  <h3 id="sc-${escapeHtml(sc.replace(/\./g, '-'))}">${escapeHtml(title)} — ${entries.length} ${entries.length === 1 ? 'failure' : 'failures'}</h3>
  ${sc === 'other' ? '' : `<p>Read the W3C's <a href="${escapeHtml(understandingUrl(sc))}">Understanding ${escapeHtml(sc)}</a> for what the criterion asks.</p>`}
  ${articles.join('\n')}
</section>`);
  }

  // Warnings by rule, without screenshots.
  const byRule = new Map<string, Array<{ state: StateResult; finding: Finding }>>();
  for (const state of report.states) {
    for (const finding of state.warnings) {
      if (!byRule.has(finding.rule)) byRule.set(finding.rule, []);
      byRule.get(finding.rule)!.push({ state, finding });
    }
  }
  const warningRows = [...byRule.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([rule, entries]) =>
    `<tr><th scope="row">${escapeHtml(rule)}</th><td>${escapeHtml(entries[0]!.finding.help)}</td><td>${entries.length}</td><td>${entries.slice(0, 5).map(({ state, finding }) =>
      `<code>${escapeHtml(finding.selector)}</code> (${escapeHtml(stateName(state))})`).join('<br>')}${entries.length > 5 ? `<br>and ${entries.length - 5} more` : ''}</td></tr>`);

  const stateRows = report.states.map((s) => `<tr><th scope="row">${escapeHtml(stateName(s))}</th><td>${escapeHtml(s.description)}</td><td>${escapeHtml(s.status)}</td><td>${s.violations.length}</td><td>${s.warnings.length}</td></tr>`);

  const stateSections = await Promise.all(report.states.map(async (s, i) => {
    const image = await dataUrl(dir, s.screenshot);
    const rows = s.checks.map((c) => `<tr><th scope="row">${escapeHtml(c.check)}</th><td>${escapeHtml(c.status)}</td><td>${escapeHtml(c.reason ?? c.summary ?? '')}</td><td>${(c.durationMs / 1000).toFixed(1)} s</td></tr>`);
    return `<section aria-labelledby="state-${i}">
  <h3 id="state-${i}">${escapeHtml(stateName(s))}</h3>
  <p>${escapeHtml(s.description)}.</p>
  <div class="table-wrap"><table>
    <caption>Checks in ${escapeHtml(stateName(s))}</caption>
    <thead><tr><th scope="col">Check</th><th scope="col">Result</th><th scope="col">Details</th><th scope="col">Time</th></tr></thead>
    <tbody>${rows.join('')}</tbody>
  </table></div>
  ${image ? `<img src="${image}" alt="Screenshot of ${escapeHtml(stateName(s))}">` : ''}
</section>`;
  }));

  const verdict = summary.exitCode === 2
    ? `The audit could not be completed (${summary.errors} errors) and found ${summary.violations} violations.`
    : failed ? `${summary.violations} violations in ${summary.states} states.` : `No violations in ${summary.states} states.`;

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${summary.exitCode === 2 ? `Accessibility audit incomplete (${summary.errors} ${summary.errors === 1 ? 'error' : 'errors'})` : 'Accessibility audit'}: ${summary.violations} violations — ${report.title || report.page}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
  <h1>Accessibility audit of ${escapeHtml(report.title || report.page)}</h1>
  <dl class="meta">
    <dt>Page</dt><dd><code>${escapeHtml(report.page)}</code></dd>
    <dt>Browser</dt><dd>${escapeHtml(`${report.browser.name} ${report.browser.version}`)}</dd>
    <dt>Date</dt><dd>${escapeHtml(report.date)}</dd>
    <dt>Tool</dt><dd>${escapeHtml(`${report.tool.name} ${report.tool.version}, axe-core ${report.tool.axeVersion}`)}</dd>
    <dt>Widget tour</dt><dd>${report.tour ? 'yes: every state the widgets declare' : 'no: the page as loaded only'}</dd>
  </dl>
</header>
<main>
<section aria-labelledby="summary">
  <h2 id="summary">Summary</h2>
  <p class="verdict ${failed ? 'fail' : 'pass'}">${escapeHtml(verdict)} ${summary.warnings} warnings.</p>
  ${summary.notRun.length ? `<p>Not run in this browser: ${summary.notRun.map((n) => escapeHtml(n)).join('; ')}.</p>` : ''}
  <div class="table-wrap"><table>
    <caption>States audited</caption>
    <thead><tr><th scope="col">State</th><th scope="col">Description</th><th scope="col">Status</th><th scope="col">Violations</th><th scope="col">Warnings</th></tr></thead>
    <tbody>${stateRows.join('')}</tbody>
  </table></div>
</section>
<section aria-labelledby="failures">
  <h2 id="failures">Failures by WCAG success criterion</h2>
  ${failureSections.length ? failureSections.join('\n') : '<p>None.</p>'}
</section>
<section aria-labelledby="warnings">
  <h2 id="warnings">Warnings</h2>
  <p>Best practices, and what axe could not decide by itself (needs a person's review). They do not fail the audit.</p>
  ${warningRows.length ? `<div class="table-wrap"><table>
    <caption>Warnings by rule</caption>
    <thead><tr><th scope="col">Rule</th><th scope="col">What it asks</th><th scope="col">Count</th><th scope="col">Where (first five)</th></tr></thead>
    <tbody>${warningRows.join('')}</tbody>
  </table></div>` : '<p>None.</p>'}
</section>
<section aria-labelledby="states">
  <h2 id="states">States and checks</h2>
  ${stateSections.join('\n')}
</section>
</main>
<footer><p>Generated by ${escapeHtml(report.tool.name)}. Automated checks find many problems but not all: a conformance claim also needs testing by people, with assistive technologies.</p></footer>
</body>
</html>
`;
}

/** Writes `report.html` into `dir`; returns its path. */
export async function writeHtmlReport(report: AuditReport, dir: string): Promise<string> {
  const path = join(dir, 'report.html');
  await writeFile(path, await renderHtml(report, dir));
  return path;
}
