/**
 * The audit: opens the page, audits it as loaded and, with the tour, in every state each widget
 * declares (reloading before each), and returns the report the writers serialise.
 */
import type { Page } from 'puppeteer-core';
import { axeCheck, axeVersion } from './axe.ts';
import { DEFAULT_VIEWPORT, launchBrowser, openPage } from './browser.ts';
import type { Check } from './check.ts';
import { forcedColorsCheck } from './checks/forced-colors.ts';
import { keyboardCheck } from './checks/keyboard.ts';
import { reflowCheck } from './checks/reflow.ts';
import { targetSizeCheck } from './checks/target-size.ts';
import { textSpacingCheck } from './checks/text-spacing.ts';
import { widgetsDefinedCheck } from './checks/widgets-defined.ts';
import { apiRootOf, probeSandbox, type SandboxVerdict } from './sandbox-probe.ts';
import { clearScreenshots, ScreenshotTaker } from './screenshots.ts';
import { apiProblem, findWidgets, performStep, TourStepError, type TourWidget } from './tour.ts';
import { tourFor } from './tours/index.ts';
import { SCHEMA_VERSION, type AuditReport, type BrowserName, type CheckResult, type Finding, type StateResult } from './types.ts';

export type { AuditReport, BrowserName, Finding, StateResult } from './types.ts';

/** The tool's version, for the report. */
export const TOOL_VERSION = '0.1.0';

/**
 * The checks, in the order they run in each state. The first says whether there is anything to
 * audit (every widget loaded); axe and target size only read; the keyboard walk moves focus; the
 * last three change the page (forced colours, text spacing, the viewport) and undo it.
 */
export const CHECKS: readonly Check[] = [widgetsDefinedCheck, axeCheck, keyboardCheck, targetSizeCheck, forcedColorsCheck, textSpacingCheck, reflowCheck];

export interface AuditOptions {
  url: string;
  browser: BrowserName;
  /** Drive each widget through its declared states. */
  tour: boolean;
  /** How long a custom element may stay undefined once the page has stopped fetching (default 10 s). */
  defineWaitMs?: number;
  /** The report folder (screenshots go under it). */
  outDir: string;
  /** Take screenshots (the JSON and HTML reports show them; JUnit does not). */
  screenshots: boolean;
  /** Progress lines (to stderr in the CLI). */
  log?: (line: string) => void;
}

interface StateLabel {
  widget: string | null;
  state: string;
  description: string;
  /** The widget element, to centre the state screenshot on. */
  focus: string | null;
}

const slug = (label: StateLabel) =>
  (label.widget ? `${label.widget}--${label.state}` : label.state).toLowerCase().replace(/[^a-z0-9-]+/g, '-');

/**
 * Runs every check in the page's current state. `known` are findings made before the checks (the
 * tour's warnings about the page), counted in the state's line like the rest.
 */
async function auditState(page: Page, options: AuditOptions, label: StateLabel, startedAt: Date, known: Finding[] = []): Promise<StateResult> {
  const shots = new ScreenshotTaker(page, options.outDir, slug(label), options.screenshots);
  const checks: CheckResult[] = [];
  const findings: Finding[] = [...known];
  // Screenshots frame their element and the keyboard checks focus controls by script, which scrolls
  // them into view: each check starts from the scrolling the state had. (A check that broke the
  // page is reported as its own error, not lost to this.)
  const rescroll = () => page.evaluate(() => window.__dvcAudit.restoreScroll('state')).catch(() => undefined);
  await page.evaluate(() => window.__dvcAudit.saveScroll('state'));
  const screenshot = await shots.state(label.focus);
  await rescroll();
  for (const check of CHECKS) {
    const started = Date.now();
    try {
      const outcome = await check.run({
        page, browser: options.browser, capture: (list) => shots.findings(check.id, list),
      });
      findings.push(...outcome.findings);
      const failed = outcome.findings.some((f) => f.severity === 'failure');
      checks.push({
        check: check.id,
        status: outcome.notRun ? 'not-run' : failed ? 'failed' : outcome.findings.length ? 'warnings' : 'passed',
        ...(outcome.notRun ? { reason: outcome.notRun } : { summary: outcome.summary }),
        durationMs: Date.now() - started,
      });
    } catch (error) {
      checks.push({ check: check.id, status: 'error', reason: (error as Error).message, durationMs: Date.now() - started });
    }
    await rescroll();
  }
  const result: StateResult = {
    widget: label.widget, state: label.state, description: label.description, status: 'reached', startedAt: startedAt.toISOString(),
    ...(screenshot ? { screenshot } : {}),
    checks,
    violations: findings.filter((f) => f.severity === 'failure'),
    warnings: findings.filter((f) => f.severity === 'warning'),
  };
  const failed = checks.filter((c) => c.status === 'failed').map((c) => c.check);
  options.log?.(`  ${label.widget ?? 'page'} · ${label.state}: ${result.violations.length} violations, ${result.warnings.length} warnings${failed.length ? ` (${failed.join(', ')})` : ''}`);
  return result;
}

/** Why a step was not reached, and whether that is only a warning (a demo-data step on a live portal). */
export function unreachedVerdict(step: { needsDemoData?: boolean }, error: TourStepError): { warning: boolean; why: string } {
  const why = apiProblem(error.problem);
  if (why) return { warning: false, why };
  return step.needsDemoData ? { warning: true, why: 'it needs the sandbox\'s demo data' } : { warning: false, why: 'the step could not be performed' };
}

/**
 * Why a `sandboxOnly` step must not run against the API the probe found, and whether that is only a
 * warning (an API that is not a sandbox: a live portal); null for a sandbox. An API that could not
 * be asked is an error, as it is for any step it stops.
 */
export function sandboxOnlyVerdict(step: { sandboxOnly?: string }, found: SandboxVerdict): { warning: boolean; why: string; detail: string } | null {
  if (!step.sandboxOnly || found.kind === 'sandbox') return null;
  if (found.kind === 'not-sandbox') {
    return { warning: true, why: `${step.sandboxOnly} in ${found.root}, which is not a sandbox`, detail: found.answered };
  }
  return { warning: false, why: apiProblem(found.problem) ?? 'the widget\'s API could not be asked whether it is a sandbox', detail: found.detail };
}

/** The rule a state not reached is reported under, and what it asks for. */
const UNREACHED_RULES = {
  'tour-state-unreached': 'A state that needs the sandbox\'s demo data could not be reached on this page',
  'tour-state-not-run': 'A state that stores data in the server, or counts against it, is toured only against a sandbox',
  'tour-state-no-api': 'A state that needs the widget\'s API cannot be reached in a widget without one (its widget-api-base violation)',
} as const;

/** A state the tour could not reach: an error, or a warning for a demo-data step or a step kept from a live API. */
function unreachedState(
  widget: TourWidget, step: { name: string; description: string }, warns: boolean, reason: string, startedAt: Date,
  rule: keyof typeof UNREACHED_RULES = 'tour-state-unreached',
): StateResult {
  const durationMs = Date.now() - startedAt.getTime();
  const warning: Finding = {
    check: 'tour', rule, severity: 'warning', impact: 'minor', wcag: [],
    help: UNREACHED_RULES[rule], helpUrl: '',
    message: reason, selector: widget.tag, html: `<${widget.tag}>`,
  };
  return {
    widget: widget.label, state: step.name, description: step.description,
    status: warns ? 'unreached' : 'error', startedAt: startedAt.toISOString(),
    checks: [{ check: 'tour', status: warns ? 'warnings' : 'error', reason, durationMs }],
    violations: [],
    warnings: warns ? [warning] : [],
  };
}

/** Audits the page (and, with `tour`, every widget state). Throws `AuditSetupError` when it cannot start. */
export async function runAudit(options: AuditOptions): Promise<AuditReport> {
  const started = new Date();
  const browser = await launchBrowser(options.browser);
  try {
    const page = await browser.newPage();
    await page.setViewport(DEFAULT_VIEWPORT);
    options.log?.(`Auditing ${options.url} in ${options.browser} (${await browser.version()})`);
    await openPage(page, options.url, options.defineWaitMs);
    // The page is there to audit: this run's screenshots replace the last run's.
    if (options.screenshots) await clearScreenshots(options.outDir);
    const title = await page.title();
    const states: StateResult[] = [];
    // The widgets are found before the page is audited, so the page's line counts the tour's
    // warnings about them (a widget with no tour) with the rest.
    const widgets = options.tour ? await findWidgets(page) : [];
    const tourMissing: Finding[] = widgets.filter((w) => w.problem).map((widget) => ({
      check: 'tour', rule: 'tour-missing', severity: 'warning', impact: 'minor', wcag: [],
      help: 'dvc-audit carries the tours of the DVC Kit widgets; another dvc-* widget declares its own (static auditTour)', helpUrl: '',
      message: widget.problem ?? '', selector: widget.tag, html: `<${widget.tag}>`,
    }));
    states.push(await auditState(page, options, { widget: null, state: 'page', description: 'The page as loaded', focus: null }, started, tourMissing));

    if (options.tour) {
      // Asked once per API root, the first time a step that must not reach a live API comes.
      const sandboxes = new Map<string, Promise<SandboxVerdict>>();
      const probe = async (widget: TourWidget): Promise<SandboxVerdict> => {
        const root = await apiRootOf(page, widget);
        if (root === null) return { kind: 'no-answer', root, problem: 'configuration', detail: `${widget.label} has no API root to ask` };
        if (!sandboxes.has(root)) sandboxes.set(root, probeSandbox(page, root));
        return sandboxes.get(root)!;
      };
      // A DVC Kit widget without an API root fails the widgets check in every state: the states it
      // cannot reach for want of one are warnings, not errors, so it is reported once, as that.
      const withoutApi = async (widget: TourWidget): Promise<boolean> => tourFor(widget.tag) !== undefined && (await apiRootOf(page, widget)) === null;
      const noApi = 'the widget has no API root to work with (the widget-api-base violation)';
      options.log?.(`Tour: ${widgets.length ? widgets.map((w) => `${w.label} (${w.steps.length} states)`).join(', ') : 'no dvc-* widgets on the page'}`);
      for (const widget of widgets) {
        for (const step of widget.steps) {
          const stepStarted = new Date();
          await openPage(page, options.url, options.defineWaitMs);
          if (step.sandboxOnly && (await withoutApi(widget))) {
            states.push(unreachedState(widget, step, true, `not run: ${noApi}`, stepStarted, 'tour-state-no-api'));
            options.log?.(`  ${widget.label} · ${step.name}: not run, a warning (${noApi})`);
            continue;
          }
          const kept = step.sandboxOnly ? sandboxOnlyVerdict(step, await probe(widget)) : null;
          if (kept) {
            const reason = kept.warning ? `not run: ${kept.why} (${kept.detail})` : `${kept.why}: ${kept.detail}`;
            states.push(unreachedState(widget, step, kept.warning, reason, stepStarted, 'tour-state-not-run'));
            options.log?.(`  ${widget.label} · ${step.name}: ${kept.warning ? 'not run, a warning' : 'not reached, an error'} (${kept.why}): ${kept.detail}`);
            continue;
          }
          let revealed: string[];
          try {
            revealed = await performStep(page, widget, step);
          } catch (error) {
            if (!(error instanceof TourStepError)) throw error;
            if (error.problem === 'configuration' && (await withoutApi(widget))) {
              states.push(unreachedState(widget, step, true, `${noApi}: ${error.message}`, stepStarted, 'tour-state-no-api'));
              options.log?.(`  ${widget.label} · ${step.name}: not reached, a warning (${noApi}): ${error.message}`);
              continue;
            }
            // A step that needs the sandbox's demo data is a warning; any other, or one the widget's
            // API or set-up stopped, an error (exit 2).
            const verdict = unreachedVerdict(step, error);
            const reason = verdict.warning ? error.message : `${verdict.why}: ${error.message}`;
            states.push(unreachedState(widget, step, verdict.warning, reason, stepStarted));
            options.log?.(`  ${widget.label} · ${step.name}: not reached, ${verdict.warning ? 'a warning' : 'an error'} (${verdict.why}): ${error.message}`);
            continue;
          }
          const focus = await page.evaluate((tag: string, index: number) => {
            const host = window.__dvcAudit.allElements().filter((el) => el.localName === tag)[index];
            return host ? window.__dvcAudit.selectorFor(host) : null;
          }, widget.tag, widget.index);
          // Say so when the page kept the widget hidden and the tool showed it.
          const description = revealed.length > 0 ? `${step.description} (hidden on the page: the tool ${revealed.join(', ')})` : step.description;
          states.push(await auditState(page, options, { widget: widget.label, state: step.name, description, focus }, stepStarted));
        }
      }
    }

    const violations = states.reduce((n, s) => n + s.violations.length, 0);
    const warnings = states.reduce((n, s) => n + s.warnings.length, 0);
    const errors = states.reduce((n, s) => n + s.checks.filter((c) => c.status === 'error').length, 0);
    const notRun = [...new Set(states.flatMap((s) => s.checks.filter((c) => c.status === 'not-run').map((c) => `${c.check}: ${c.reason ?? ''}`)))];
    return {
      schemaVersion: SCHEMA_VERSION,
      tool: { name: 'dvc-audit', version: TOOL_VERSION, axeVersion: axeVersion() },
      page: options.url,
      title,
      browser: { name: options.browser, version: await browser.version() },
      date: started.toISOString(),
      durationMs: Date.now() - started.getTime(),
      viewport: { ...DEFAULT_VIEWPORT },
      tour: options.tour,
      states,
      summary: { states: states.length, violations, warnings, notRun, errors, exitCode: errors > 0 ? 2 : violations > 0 ? 1 : 0 },
    };
  } finally {
    await browser.close().catch(() => undefined);
  }
}
