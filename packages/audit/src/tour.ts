/**
 * The tour: finds the DVC widgets on the page (`dvc-*` elements, shadow roots included), takes the
 * states to check for each from the tours this tool carries (./tours, the contract in
 * ./tours/types.ts) or, for a tag it carries none for, from the page
 * (`customElements.get(tag).auditTour`), and drives a widget into one of them, showing it first
 * when the page keeps it hidden (a section the visitor opens later).
 *
 * A tour that comes from the page is untrusted data: validated here, and performed only through
 * the few declarative actions the contract names.
 */
import type { ElementHandle, Page } from 'puppeteer-core';
import { settle } from './browser.ts';
import { tourFor, tours } from './tours/index.ts';
import type { AuditAction, AuditStep } from './tours/types.ts';

export type { AuditAction, AuditStep };

/** A widget instance on the page and its tour (this tool's, or the one its class declares). */
export interface TourWidget {
  tag: string;
  /** Which instance of the tag, in page order (0 for the first). */
  index: number;
  /** `dvc-procedure-search`, or `dvc-procedure-search[2]` for a second instance. */
  label: string;
  steps: AuditStep[];
  /** Set when the class declares no tour, or an invalid one: why. */
  problem?: string;
}

/** Thrown when a step cannot be performed (an element is missing, a wait times out). */
export class TourStepError extends Error {
  override name = 'TourStepError';

  /** The `data-problem` of the failure the widget showed instead of the state, if it showed one. */
  readonly problem: string | undefined;

  constructor(message: string, problem?: string) {
    super(message);
    this.problem = problem;
  }
}

/**
 * The failures (`data-problem`) a widget shows when its server is down or the page set it up
 * wrongly: a step they stop is not missing demo data, and the run cannot complete. A widget keeps
 * such a failure until the visitor tries again, so a wait that meets one ends early.
 */
const API_PROBLEMS: Readonly<Record<string, string>> = {
  network: 'the widget\'s API could not be reached (is its server up, and api-base right?)',
  timeout: 'the widget\'s API did not answer in time',
  service_unavailable: 'the widget\'s API is unavailable',
  internal_error: 'the widget\'s API failed with an internal error',
  'unreadable-answer': 'the widget\'s API gave an answer the widget cannot read (is api-base the API\'s address?)',
  configuration: 'the widget is set up wrongly (its api-base is missing, not a web address, or no API answers there)',
};

/** What one of the API_PROBLEMS means; undefined for any other failure (the page's own names included). */
export function apiProblem(kind: string | undefined): string | undefined {
  return kind !== undefined && Object.hasOwn(API_PROBLEMS, kind) ? API_PROBLEMS[kind] : undefined;
}

/**
 * How long a wait goes on once the widget shows one of the API_PROBLEMS instead of the state: long
 * enough to see that it stays (not a failure on the way to a retry), far shorter than the wait's
 * timeout, which it would otherwise sit out in every state of a widget whose API is down.
 */
const API_FAILURE_KEPT_MS = 1_500;

const KINDS = new Set(['fill', 'press', 'click', 'waitFor', 'setProperty', 'setLang']);

/** Checks that page-supplied tour data has the contract's shape; returns the problems found. */
export function validateTour(data: unknown): { steps: AuditStep[]; problems: string[] } {
  const problems: string[] = [];
  if (!Array.isArray(data)) return { steps: [], problems: ['auditTour is not an array'] };
  const steps: AuditStep[] = [];
  const names = new Set<string>();
  data.forEach((raw: unknown, i) => {
    const step = raw as Partial<AuditStep> | null;
    const where = `step ${i + 1}`;
    if (!step || typeof step !== 'object') return void problems.push(`${where} is not an object`);
    if (typeof step.name !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(step.name)) return void problems.push(`${where}: name must be lower-case letters, digits and hyphens`);
    if (names.has(step.name)) return void problems.push(`${where}: the name "${step.name}" is used twice`);
    names.add(step.name);
    if (!Array.isArray(step.actions)) return void problems.push(`${step.name}: actions must be an array`);
    for (const action of step.actions as unknown[]) {
      const a = action as Record<string, unknown> | null;
      if (!a || typeof a !== 'object' || !KINDS.has(String(a['kind']))) return void problems.push(`${step.name}: unknown action ${JSON.stringify(action)}`);
      const needs: Record<string, string[]> = {
        fill: ['selector', 'text'], press: ['key'], click: ['selector'], waitFor: ['selector'], setProperty: ['name'], setLang: ['lang'],
      };
      for (const field of needs[String(a['kind'])] ?? []) {
        if (typeof a[field] !== 'string') return void problems.push(`${step.name}: ${String(a['kind'])} needs a string "${field}"`);
      }
    }
    const unless = step.noDemoDataWhen as Record<string, unknown> | undefined;
    if (unless !== undefined && (typeof unless !== 'object' || unless === null || typeof unless['attribute'] !== 'string' || typeof unless['value'] !== 'string')) {
      return void problems.push(`${step.name}: noDemoDataWhen needs a string "attribute" and "value"`);
    }
    if (step.sandboxOnly !== undefined && (typeof step.sandboxOnly !== 'string' || step.sandboxOnly.trim() === '')) {
      return void problems.push(`${step.name}: sandboxOnly needs a string saying what the step would do to the server`);
    }
    steps.push({
      name: step.name,
      description: typeof step.description === 'string' ? step.description : step.name,
      actions: step.actions as AuditAction[],
      ...(step.needsDemoData === true ? { needsDemoData: true } : {}),
      ...(unless ? { noDemoDataWhen: { attribute: String(unless['attribute']), value: String(unless['value']) } } : {}),
      ...(step.sandboxOnly !== undefined ? { sandboxOnly: step.sandboxOnly } : {}),
    });
  });
  return { steps, problems };
}

/** A step as one instance takes it: it needs no demo data in an instance its `noDemoDataWhen` names. */
function forInstance(step: AuditStep, attributes: Record<string, string>): AuditStep {
  const unless = step.noDemoDataWhen;
  if (!unless || attributes[unless.attribute] !== unless.value) return step;
  const inThisInstance = { ...step };
  delete inThisInstance.needsDemoData;
  return inThisInstance;
}

/** The DVC widgets on the page, in page order, with their tours. */
export async function findWidgets(page: Page): Promise<TourWidget[]> {
  const found = await page.evaluate((carried: string[]) => {
    const widgets = window.__dvcAudit.allElements().filter((el) => el.localName.startsWith('dvc-'));
    const counts = new Map<string, number>();
    return widgets.map((el) => {
      const tag = el.localName;
      const index = counts.get(tag) ?? 0;
      counts.set(tag, index + 1);
      const ctor = customElements.get(tag) as (CustomElementConstructor & { auditTour?: unknown }) | undefined;
      const attributes = Object.fromEntries([...el.attributes].map((a) => [a.name, a.value]));
      let tour: unknown = null;
      let error = '';
      if (carried.includes(tag)) return { tag, index, defined: Boolean(ctor), attributes, tour, error };
      try {
        // A JSON round trip: only data crosses, whatever the class put there.
        tour = ctor && 'auditTour' in ctor ? JSON.parse(JSON.stringify(ctor.auditTour)) : null;
      } catch (e) {
        error = String(e);
      }
      return { tag, index, defined: Boolean(ctor), attributes, tour, error };
    });
  }, Object.keys(tours));
  return found.map(({ tag, index, defined, attributes, tour: pageTour, error }) => {
    const label = index === 0 ? tag : `${tag}[${index + 1}]`;
    if (!defined) {
      const problem = tourFor(tag) ? `${tag} never became defined: its script did not load` : `${tag} is not defined on this page`;
      return { tag, index, label, steps: [], problem };
    }
    const tour = tourFor(tag) ?? pageTour;
    if (error) return { tag, index, label, steps: [], problem: `auditTour could not be read: ${error}` };
    if (tour === null) return { tag, index, label, steps: [], problem: `${tag} declares no auditTour` };
    const { steps, problems } = validateTour(tour);
    return {
      tag, index, label, steps: steps.map((step) => forInstance(step, attributes)),
      ...(problems.length ? { problem: `invalid auditTour: ${problems.join('; ')}` } : {}),
    };
  });
}

/** An element inside the widget's shadow root (or light DOM when it has none). */
async function locate(page: Page, widget: TourWidget, selector: string): Promise<ElementHandle<Element> | null> {
  const handle = await page.evaluateHandle((tag: string, index: number, css: string) => {
    const host = window.__dvcAudit.allElements().filter((el) => el.localName === tag)[index];
    return (host?.shadowRoot ?? host)?.querySelector(css) ?? null;
  }, widget.tag, widget.index, selector);
  const element = handle.asElement() as ElementHandle<Element> | null;
  if (!element) await handle.dispose();
  return element;
}

async function required(page: Page, widget: TourWidget, selector: string): Promise<ElementHandle<Element>> {
  const element = await locate(page, widget, selector);
  if (!element) throw new TourStepError(`${widget.label}: no element matches ${selector}`);
  return element;
}

/** An element to click or type into: it must be rendered (a hidden one cannot be clicked). */
async function shown(page: Page, widget: TourWidget, selector: string): Promise<ElementHandle<Element>> {
  const element = await required(page, widget, selector);
  if (!(await element.evaluate((el) => window.__dvcAudit.isRendered(el)))) {
    await element.dispose();
    throw new TourStepError(`${widget.label}: ${selector} is not rendered`);
  }
  return element;
}

/**
 * Shows a widget the page keeps hidden until the visitor asks for it (a section with the `hidden`
 * attribute, a closed `<details>`), as the page itself would: removes those `hidden` attributes
 * and opens those `<details>`, on the widget and its ancestors. Returns what it did ("removed
 * hidden from #payment"); nothing when the widget was shown already. Anything else that hides it
 * (a style) is left alone, and the step's `waitFor` then fails.
 */
async function revealWidget(page: Page, widget: TourWidget): Promise<string[]> {
  return page.evaluate((tag: string, index: number) => {
    const helpers = window.__dvcAudit;
    const host = helpers.allElements().filter((el) => el.localName === tag)[index];
    if (!host || helpers.isRendered(host)) return [];
    const changed: string[] = [];
    for (const el of [host, ...helpers.flatAncestors(host)]) {
      if (el.hasAttribute('hidden')) {
        changed.push(`removed hidden from ${helpers.selectorFor(el)}`);
        el.removeAttribute('hidden');
      }
      if (el instanceof HTMLDetailsElement && !el.open) {
        changed.push(`opened ${helpers.selectorFor(el)}`);
        el.open = true;
      }
    }
    return changed;
  }, widget.tag, widget.index);
}

/**
 * What the widget shows instead of the state waited for, if anything: its failure ("; the widget
 * shows a failure (network): …"), as when the API is down or `api-base` is wrong, else the first of
 * its parts on screen, wrappers aside ("; the widget shows already-evaluated instead: …"), as when
 * the sandbox's demo dossier was evaluated by an earlier run.
 */
async function shownInstead(page: Page, widget: TourWidget): Promise<{ said: string; problem?: string }> {
  const shown = await page.evaluate((tag: string, index: number) => {
    const host = window.__dvcAudit.allElements().filter((el) => el.localName === tag)[index];
    const parts = [...(host?.shadowRoot ?? host)?.querySelectorAll('[part]') ?? []].filter((el) => window.__dvcAudit.isRendered(el));
    const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 200);
    const error = parts.find((el) => el.matches('[part~="error"]'));
    if (error) return { failure: true, kind: error.getAttribute('data-problem') ?? '', text: text(error) };
    // A live region speaks of the state, it is not one; a wrapper around all the rest (the
    // survey's `survey`) is the widget, not its state: the state is what it holds
    // (`already-evaluated`). A part that names its state in `data-state` is called by it.
    const candidates = parts.filter((el) => !el.matches('[part~="announcer"]'));
    const wrapsTheRest = (el: Element) => candidates.length > 1 && candidates.every((other) => other === el || el.contains(other));
    const first = candidates.find((el) => !wrapsTheRest(el));
    return first ? { failure: false, kind: first.getAttribute('data-state') ?? first.getAttribute('part') ?? '', text: text(first) } : null;
  }, widget.tag, widget.index);
  if (!shown) return { said: '' };
  return shown.failure
    ? { said: `; the widget shows a failure${shown.kind ? ` (${shown.kind})` : ''}: "${shown.text}"`, problem: shown.kind }
    : { said: `; the widget shows ${shown.kind} instead${shown.text ? `: "${shown.text}"` : ''}` };
}

/** Performs one action, as a person would where it matters (real clicks and key presses). */
async function perform(page: Page, widget: TourWidget, action: AuditAction): Promise<void> {
  switch (action.kind) {
    case 'fill': {
      const element = await shown(page, widget, action.selector);
      await element.click();
      await element.evaluate((el) => {
        if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) el.select();
      });
      await page.keyboard.press('Backspace');
      await element.type(action.text);
      await element.dispose();
      return;
    }
    case 'press': {
      if (action.selector) {
        const element = await required(page, widget, action.selector);
        await element.focus();
        await element.dispose();
      }
      await page.keyboard.press(action.key as Parameters<Page['keyboard']['press']>[0]);
      return;
    }
    case 'click': {
      const element = await shown(page, widget, action.selector);
      await element.click();
      await element.dispose();
      return;
    }
    case 'waitFor': {
      const timeout = action.timeoutMs ?? 10_000;
      const deadline = Date.now() + timeout;
      let apiFailureSince: number | null = null;
      for (;;) {
        const element = await locate(page, widget, action.selector);
        const shown = element ? await element.evaluate((el) => window.__dvcAudit.isRendered(el)) : false;
        await element?.dispose();
        if (shown) return;
        const instead = await shownInstead(page, widget);
        const now = Date.now();
        apiFailureSince = apiProblem(instead.problem) ? (apiFailureSince ?? now) : null;
        if (apiFailureSince !== null && now - apiFailureSince >= API_FAILURE_KEPT_MS) {
          throw new TourStepError(`${widget.label}: ${action.selector} did not appear${instead.said}, and kept it for ${API_FAILURE_KEPT_MS} ms`, instead.problem);
        }
        if (now > deadline) {
          throw new TourStepError(`${widget.label}: ${action.selector} did not appear within ${timeout} ms${instead.said}`, instead.problem);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    case 'setProperty': {
      await page.evaluate(async (tag: string, index: number, name: string, value: unknown) => {
        const host = window.__dvcAudit.allElements().filter((el) => el.localName === tag)[index] as (Element & Record<string, unknown>) | undefined;
        if (!host) return;
        host[name] = value;
        await (host as { updateComplete?: Promise<unknown> }).updateComplete;
      }, widget.tag, widget.index, action.name, action.value);
      return;
    }
    case 'setLang': {
      await page.evaluate((lang: string) => {
        document.documentElement.lang = lang;
      }, action.lang);
      return;
    }
  }
}

/**
 * Shows the widget if the page hides it (see `revealWidget`), drives it through a step's actions,
 * waiting for the page to settle after each. Returns what was changed to show it.
 */
export async function performStep(page: Page, widget: TourWidget, step: AuditStep): Promise<string[]> {
  const revealed = await revealWidget(page, widget);
  if (revealed.length > 0) await settle(page, 250, 10_000);
  for (const action of step.actions) {
    await perform(page, widget, action);
    await settle(page, 250, 10_000);
  }
  return revealed;
}
