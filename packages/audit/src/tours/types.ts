/**
 * The audit tour: the states of a widget that `dvc-audit --tour` checks it in. Axe on a page's
 * first paint sees one state of each widget; the tour makes the tool see them all — typed a query,
 * got results, got none, opened a detail, submitted an empty form…
 *
 * dvc-audit carries the tours of the DVC Kit widgets (./index.ts, one file per tag), so the
 * widgets ship none of it. A third-party widget may declare its own as
 * `static auditTour: readonly AuditStep[]` on its class; the tool reads that with
 * `customElements.get(tag).auditTour` for a tag it carries no tour for. For each step the tool
 * reloads the page, performs the step's actions on every instance of that tag on the page, one at
 * a time, and audits the page in the state that results. So a step must work in each of the
 * widget's modes a page may use.
 *
 * The tour is data, not code — no functions — so any browser automation can drive it (a page's
 * tour crosses from the page to the tool as JSON) and a page cannot make the tool run anything.
 * Selectors are CSS selectors matched inside the widget's shadow root (prefer its documented
 * parts: `[part~="input"]`). Nothing outside the widget is touched except `<html lang>`, and
 * `hidden` on the widget's ancestors: a widget the page keeps hidden until needed (a payment
 * section opened by the tracker) is revealed first, and the report says so.
 *
 * Keep steps independent (each starts from a fresh page) and end each with a `waitFor` of the
 * state it means to show, so a tour that no longer reaches its state fails loudly instead of
 * auditing the wrong one.
 */

/** Types text into a control as a person would (real key presses), after emptying it. */
export interface AuditFillAction {
  kind: 'fill';
  /** The control, inside the widget's shadow root. */
  selector: string;
  text: string;
}

/** Presses one key (`Enter`, `Escape`, `Tab`, `ArrowDown`…), in `selector` if given (it is focused first). */
export interface AuditPressAction {
  kind: 'press';
  key: string;
  selector?: string;
}

/** Clicks an element inside the widget's shadow root. */
export interface AuditClickAction {
  kind: 'click';
  selector: string;
}

/** Waits until an element inside the widget's shadow root exists and is rendered. */
export interface AuditWaitForAction {
  kind: 'waitFor';
  selector: string;
  /** Default 10 000 ms. */
  timeoutMs?: number;
}

/** Sets a property of the widget element (e.g. `applicantId` to a demo value), then waits for it to render. */
export interface AuditSetPropertyAction {
  kind: 'setProperty';
  name: string;
  value: string | number | boolean | null;
}

/** Sets `<html lang>` (the widgets follow it), to audit a language. */
export interface AuditSetLangAction {
  kind: 'setLang';
  lang: string;
}

/** What a tour step can do: declarative, so it serialises to JSON and any browser can perform it. */
export type AuditAction =
  | AuditFillAction
  | AuditPressAction
  | AuditClickAction
  | AuditWaitForAction
  | AuditSetPropertyAction
  | AuditSetLangAction;

/** One auditable state of a widget. */
export interface AuditStep {
  /** A short, stable, URL-safe id, used in report file names and test names: `typed-query`. */
  name: string;
  /** What the state shows, for the report: "A query typed, with its results listed". */
  description: string;
  /** Performed in order on a freshly loaded page; none for the initial state. */
  actions: AuditAction[];
  /**
   * The state needs the sandbox's demo data (a demo dossier, say). On a live portal it cannot be
   * reached; the tool then reports it as not reached (a warning) instead of an error.
   */
  needsDemoData?: boolean;
  /**
   * The instances for which `needsDemoData` does not hold: those whose attribute has this value
   * (a survey with `mode="page"` asks about the page, not about a demo dossier).
   */
  noDemoDataWhen?: { attribute: string; value: string };
  /**
   * What the step would do to the server that a live portal must not have done by an audit, as
   * "it would …": store something (an evaluation), or count against it (a wrong identity number
   * counts against a dossier code's guesses, which lock the code when spent). Such a step runs only
   * against a sandbox: before it, the tool asks the widget's API for a sandbox-only list that
   * production never serves, and on any other API it does not run the step (a warning).
   */
  sandboxOnly?: string;
}

/** The static side of a (third-party) widget class that declares its own tour. */
export interface AuditTourDeclaring {
  readonly auditTour?: readonly AuditStep[];
}
