/**
 * axe-core in the page, shadow roots included (axe walks open shadow roots itself). The WCAG 2.0,
 * 2.1 and 2.2 A/AA rules are failures; best practices are warnings; what axe could not decide
 * ("needs review", e.g. contrast over a background image) is a warning too, so a person looks.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AxeResults, Result } from 'axe-core';
import type { Check, CheckContext, CheckOutcome } from './check.ts';
import type { Finding } from './types.ts';
import { criteriaFromTags } from './wcag.ts';

/** The tags whose rules fail the audit (axe has no separate wcag22a tag). */
export const FAILURE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;
const WARNING_TAGS = ['best-practice'] as const;

const require = createRequire(import.meta.url);
let source: Promise<string> | undefined;

/** axe-core's browser bundle, read once. */
function axeSource(): Promise<string> {
  source ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  return source;
}

/** The installed axe-core version, for the report. */
export function axeVersion(): string {
  return (require('axe-core/package.json') as { version: string }).version;
}

/** axe's target for a node: one selector per shadow root, joined like ours. */
function targetSelector(target: unknown): string {
  const first = Array.isArray(target) ? target[0] : target;
  return Array.isArray(first) ? first.join(' >>> ') : String(first ?? '');
}

function toFindings(results: Result[], kind: 'violation' | 'review'): Finding[] {
  const findings: Finding[] = [];
  for (const result of results) {
    const failing = result.tags.some((tag) => (FAILURE_TAGS as readonly string[]).includes(tag));
    for (const node of result.nodes) {
      findings.push({
        check: 'axe',
        rule: result.id,
        severity: kind === 'violation' && failing ? 'failure' : 'warning',
        impact: node.impact ?? result.impact ?? 'moderate',
        wcag: criteriaFromTags(result.tags),
        help: kind === 'review' ? `Needs review: ${result.help}` : result.help,
        helpUrl: result.helpUrl,
        message: (node.failureSummary ?? result.description).replace(/\s*\n\s*/g, ' '),
        selector: targetSelector(node.target),
        html: node.html.length > 400 ? `${node.html.slice(0, 400)}…` : node.html,
      });
    }
  }
  return findings;
}

/** Runs axe on the whole document in its current state. */
export async function runAxe(context: CheckContext): Promise<CheckOutcome> {
  const { page } = context;
  // Evaluated as a script, not added as a <script> tag: a page's CSP cannot block it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await axeSource());
  const results = await page.evaluate(async (tags: string[]) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe;
    const outcome = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations', 'incomplete'],
    });
    // Only what we read crosses back: axe's full result holds DOM references.
    const strip = (list: Result[]) => list.map((r) => ({
      id: r.id, impact: r.impact, tags: r.tags, help: r.help, helpUrl: r.helpUrl, description: r.description,
      nodes: r.nodes.map((n) => ({ target: n.target, html: n.html, impact: n.impact, failureSummary: n.failureSummary })),
    }));
    // As JSON text: axe gives a rule's failing and undecided results one `tags` array, and Firefox's
    // WebDriver BiDi sends an object met twice only once (the second arrives undefined).
    return JSON.stringify({ violations: strip(outcome.violations), incomplete: strip(outcome.incomplete), passes: outcome.passes.length });
  }, [...FAILURE_TAGS, ...WARNING_TAGS]).then((text) => JSON.parse(text) as { violations: unknown[]; incomplete: unknown[]; passes: number });
  const findings = [
    ...toFindings(results.violations as Result[], 'violation'),
    ...toFindings(results.incomplete as Result[], 'review'),
  ];
  await context.capture(findings);
  return { findings, summary: `axe-core ${axeVersion()}: ${results.violations.length} rules violated, ${results.incomplete.length} need review` };
}

/** The axe check. */
export const axeCheck: Check = { id: 'axe', run: runAxe };
