/**
 * Test helpers for browser tests (web-test-runner): axe-core checks and the sandbox URL.
 */
import type { AxeResults, Result, RunOptions } from 'axe-core';

declare global {
  interface Window {
    axe?: { run(context: Element, options: RunOptions): Promise<AxeResults> };
    /** The sandbox API root, set by web-test-runner.config.mjs. */
    DVC_SANDBOX_URL?: string;
  }
}

// WCAG 2.2 AA as axe tags it (axe has no separate wcag22a tag).
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let loading: Promise<void> | undefined;

/**
 * axe-core ships a UMD script, not an ES module: imported as a module it registers `window.axe`
 * (its UMD wrapper falls back to the global), which is what we use.
 */
function loadAxe(): Promise<void> {
  loading ??= import('axe-core/axe.min.js').then(() => {
    if (!window.axe) throw new Error('axe-core did not register window.axe');
  });
  return loading;
}

function describe(violation: Result): string {
  const nodes = violation.nodes
    .map((node) => `    at ${JSON.stringify(node.target)}: ${node.failureSummary?.replaceAll('\n', ' ') ?? ''}`)
    .join('\n');
  return `  [${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n${nodes}`;
}

/** Runs axe on `element` (shadow roots included) and throws a readable list of any violations. */
export async function expectNoAxeViolations(element: Element): Promise<void> {
  await loadAxe();
  const results = await window.axe!.run(element, { runOnly: { type: 'tag', values: WCAG_TAGS } });
  if (results.violations.length > 0) {
    throw new Error(`${results.violations.length} accessibility violation(s):\n${results.violations.map(describe).join('\n')}`);
  }
}

/** The sandbox API root the test runner started (`window.DVC_SANDBOX_URL`). */
export function sandboxUrl(): string {
  const url = window.DVC_SANDBOX_URL;
  if (!url) throw new Error('window.DVC_SANDBOX_URL is not set: run the tests through scripts/with-sandbox.mjs');
  return url;
}
