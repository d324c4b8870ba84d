/**
 * The audit's results: what every check returns and what the reports serialise. `report.json` is
 * this `AuditReport`, so changing a field here is a schema change (bump `SCHEMA_VERSION`).
 */

/** Bumped when a field of the JSON report changes meaning or disappears. */
export const SCHEMA_VERSION = 1;

export type BrowserName = 'chromium' | 'firefox';

/** A failure fails the audit (exit 1); a warning is reported and does not. */
export type Severity = 'failure' | 'warning';

/** axe's impact scale, used by every check so reports sort one way. */
export type Impact = 'critical' | 'serious' | 'moderate' | 'minor';

/** The checks the tool runs in each state. */
export type CheckId = 'widgets' | 'axe' | 'keyboard' | 'target-size' | 'reflow' | 'text-spacing' | 'forced-colors' | 'tour';

/** One problem on one element. */
export interface Finding {
  /** The check that found it. */
  check: CheckId;
  /** A stable rule id: axe's (`color-contrast`) or ours (`focus-visible`, `target-size`…). */
  rule: string;
  severity: Severity;
  impact: Impact;
  /** WCAG success criteria, e.g. `["1.4.3"]`; empty for best practices, and for a failure no criterion names (`widget-api-base`). */
  wcag: string[];
  /** What the rule asks for, in one sentence. */
  help: string;
  /** Where to read more about the rule (axe's page, or the WCAG Understanding document). */
  helpUrl: string;
  /** What is wrong with this element, specifically. */
  message: string;
  /** The element: a CSS selector per shadow root, joined by ` >>> ` (puppeteer's piercing syntax). */
  selector: string;
  /** The element's opening HTML (truncated), as text. */
  html: string;
  /** A PNG of the element highlighted, relative to the report folder; absent when none was taken. */
  screenshot?: string;
}

/** How a check went in one state. */
export interface CheckResult {
  check: CheckId;
  /** `not-run`: the browser cannot do it (forced colours in Firefox); `error`: the check crashed. */
  status: 'passed' | 'failed' | 'warnings' | 'not-run' | 'error';
  /** Why it did not run, or the error. */
  reason?: string;
  /** What the check looked at, e.g. "41 controls reached by Tab". */
  summary?: string;
  durationMs: number;
}

/** One audited state of the page: the page as loaded, or a widget's tour step. */
export interface StateResult {
  /** The widget's tag (with `[n]` for a second instance), or null for the page as loaded. */
  widget: string | null;
  /** The tour step's name, or `page` for the page as loaded. */
  state: string;
  description: string;
  /** `reached`: audited; `unreached`: a demo-data step that could not be reached (warning); `error`: the tour broke. */
  status: 'reached' | 'unreached' | 'error';
  /** When the tool began on this state (ISO 8601, UTC): opening the page for a tour step. */
  startedAt: string;
  /** A screenshot of the whole viewport in this state, relative to the report folder. */
  screenshot?: string;
  checks: CheckResult[];
  violations: Finding[];
  warnings: Finding[];
}

/** The whole audit: `report.json`. */
export interface AuditReport {
  schemaVersion: number;
  tool: { name: string; version: string; axeVersion: string };
  /** The audited URL. */
  page: string;
  /** The page's title. */
  title: string;
  browser: { name: BrowserName; version: string };
  /** ISO 8601, when the audit started. */
  date: string;
  durationMs: number;
  viewport: { width: number; height: number };
  tour: boolean;
  states: StateResult[];
  summary: {
    states: number;
    violations: number;
    warnings: number;
    /** Checks that could not run in this browser, as `check: reason`. */
    notRun: string[];
    errors: number;
    /** 0 pass, 1 violations, 2 the audit could not be completed. */
    exitCode: number;
  };
}
