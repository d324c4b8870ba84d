/**
 * What every check implements, and what it is given: the page in the state being audited, and a
 * way to screenshot its findings while the check's own changes (a 320 px viewport, text spacing,
 * forced colours) are still in effect — that is the evidence an auditor needs to see.
 */
import type { Page } from 'puppeteer-core';
import type { BrowserName, CheckId, Finding } from './types.ts';

export interface CheckContext {
  page: Page;
  browser: BrowserName;
  /** Screenshots the findings' elements now, setting each finding's `screenshot`. */
  capture(findings: Finding[]): Promise<void>;
}

export interface CheckOutcome {
  findings: Finding[];
  /** What was looked at: "23 controls reached by Tab". */
  summary: string;
  /** Set when the check cannot run in this browser: why. */
  notRun?: string;
}

export interface Check {
  id: CheckId;
  run(context: CheckContext): Promise<CheckOutcome>;
}

/** A finding of one of our own rules (not axe's), filled in from the rule's description. */
export interface RuleInfo {
  rule: string;
  wcag: string[];
  impact: Finding['impact'];
  help: string;
  helpUrl: string;
}

/** Builds a failure of `rule` on an element described by the page. */
export function failure(check: CheckId, info: RuleInfo, element: { selector: string; html: string }, message: string): Finding {
  return {
    check, rule: info.rule, severity: 'failure', impact: info.impact, wcag: info.wcag, help: info.help, helpUrl: info.helpUrl,
    message, selector: element.selector, html: element.html,
  };
}

/** Builds a warning of `rule`: a fault a person should look at that no success criterion names by itself. */
export function warning(check: CheckId, info: RuleInfo, element: { selector: string; html: string }, message: string): Finding {
  return { ...failure(check, info, element, message), severity: 'warning' };
}
