/**
 * Drives each widget into the states the screen-reader tests look at (`*.a11y-tree.test.ts`, the
 * accessibility tree in Chromium; `*.screen-reader.test.ts`, the live regions in every browser),
 * against the real sandbox, so both kinds of test see the same states the same way.
 *
 * Dossiers are made with fixed codes and, where they show, fixed dates, so what a screen reader gets
 * does not change from day to day. Imported by tests only (never by an element).
 */
import { expect, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { sandboxUrl } from './axe.ts';
import { mountInLandmark } from './a11y-tree.ts';
import { afterEach, beforeEach } from './mocha.ts';
import { sandbox, setLang, slow, text } from './sandbox-and-tripwire.ts';
import '../procedure-search/index.ts';
import '../dossier-tracker/index.ts';
import '../payment/index.ts';
import '../satisfaction-survey/index.ts';
import type { DvcProcedureSearch } from '../procedure-search/procedure-search.ts';
import type { DvcDossierTracker } from '../dossier-tracker/dossier-tracker.ts';
import type { DvcPayment } from '../payment/payment.ts';
import type { DvcSatisfactionSurvey } from '../satisfaction-survey/satisfaction-survey.ts';
import type { PaymentStateKind } from '../payment/state.ts';
import { APPLICANT as PAYER, EventLog, TWO_KINDS, arriveWith, completeAtGateway, gatewayParams, pay } from './payment-drivers.ts';

export { setLang, slow, text, sandbox, EventLog, arriveWith };

export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];

/** A shadow-root query that throws a readable error when the element is missing. */
export function part<T extends Element = HTMLElement>(host: Element, selector: string): T {
  const found = host.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`${host.localName}: nothing matches ${selector}`);
  return found;
}

export const maybe = <T extends Element = HTMLElement>(host: Element, selector: string): T | null =>
  host.shadowRoot?.querySelector<T>(selector) ?? null;

/** The element that has focus inside the widget's shadow root. */
export const focusedIn = (host: Element): Element | null => host.shadowRoot?.activeElement ?? null;

/** The text of every element matching `selector` in the shadow root, white space squashed. */
export const textsOf = (host: Element, selector: string): string[] =>
  [...(host.shadowRoot?.querySelectorAll(selector) ?? [])].map((node) => text(node));

function type(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

// ---------- <dvc-procedure-search> ----------

/**
 * The search, three results a page. Procedures other test files add to the catalogue (hostile data,
 * markup) survive the sandbox's reset, and all are `province` level: a search that must find the
 * same procedures whatever ran before presets `level="commune"`.
 */
export function mountSearch(options: { query?: string; level?: string } = {}): Promise<DvcProcedureSearch> {
  const { query = '', level = '' } = options;
  return mountInLandmark<DvcProcedureSearch>(html`<dvc-procedure-search api-base=${sandboxUrl()} page-size="3"
    query=${query} level=${level}></dvc-procedure-search>`);
}

/**
 * The API's search and catalogue answers may be cached by the browser for 60 s, and every test file
 * of a run shares the browser: until the returned function is called, the page's requests skip the
 * HTTP cache, so a fault armed in the sandbox meets the request it was armed for.
 */
export function withoutHttpCache(): () => void {
  const original = window.fetch;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => original.call(window, input, { ...init, cache: 'no-store' });
  return () => {
    window.fetch = original;
  };
}

/** Results, the empty view or an error are shown and the region is no longer busy. */
export async function searchSettled(el: DvcProcedureSearch): Promise<void> {
  await waitUntil(() => maybe(el, '[part="results"]')?.getAttribute('aria-busy') === 'false'
    && (maybe(el, '[part="item"], [part="empty"]') !== null || maybe(el, '[role="alert"]') !== null),
  'the search did not settle', { timeout: 12_000 });
  await el.updateComplete;
}

/** Opens the first result's detail, as a click on its name does, and waits for it. */
export async function openFirstResult(el: DvcProcedureSearch): Promise<void> {
  part<HTMLButtonElement>(el, '[part="name"]').click();
  await waitUntil(() => maybe(el, '[part="detail-title"]') !== null, 'the detail did not open', { timeout: 8000 });
  await el.updateComplete;
}

/** Hooks for a search suite: a reset sandbox and no HTTP cache per test; the page back in Vietnamese after. */
export function searchSuite(): void {
  let restoreFetch: (() => void) | undefined;
  beforeEach(async () => {
    await sandbox('/reset');
    restoreFetch = withoutHttpCache();
  });
  afterEach(async () => {
    restoreFetch?.();
    await setLang('vi');
  });
}

/** The search's live region: the result count. */
export const searchStatus = (el: DvcProcedureSearch): HTMLElement => part(el, '[part="summary"]');

// ---------- <dvc-dossier-tracker> ----------

/** A made-up identity number for the dossiers the tests create. */
export const APPLICANT = '079203001234';

/**
 * A finished dossier with fixed dates: received Mon 14 July 2025 09:15, due Fri 25 July 17:00,
 * completed Thu 24 July 10:00 (two working days early), result delivered, open for evaluation.
 */
export const FINISHED_DOSSIER = { code: '000.00.15.H26-250714-0901', applicantId: APPLICANT };

export function createFinishedDossier(): Promise<unknown> {
  return sandbox('/dossiers', {
    ...FINISHED_DOSSIER,
    procedureCode: '3.000333',
    status: 'result-delivered',
    receivedAt: '2025-07-14T09:15:00+07:00',
    dueAt: '2025-07-25T17:00:00+07:00',
    completedAt: '2025-07-24T10:00:00+07:00',
  });
}

/** Demo dossier 0014 (README): payment due, a charge and a fee; its dates follow the seeding time. */
export const DEMO_FEES_DOSSIER = { code: '000.00.15.H26-261102-0014', applicantId: '001099000014' };

export const mountTracker = (): Promise<DvcDossierTracker> =>
  mountInLandmark<DvcDossierTracker>(html`<dvc-dossier-tracker api-base=${sandboxUrl()}></dvc-dossier-tracker>`);

/** Types the code and number and presses "Look up"; does not wait for the answer. */
export async function submitLookup(el: DvcDossierTracker, code = '', applicantId = ''): Promise<void> {
  type(part<HTMLInputElement>(el, '#code'), code);
  type(part<HTMLInputElement>(el, '#applicant-id'), applicantId);
  await el.updateComplete;
  part<HTMLButtonElement>(el, '[part="submit-button"]').click();
  await el.updateComplete;
}

/** The lookup answered: a result, or a failure. */
export async function lookupSettled(el: DvcDossierTracker): Promise<void> {
  await waitUntil(() => maybe(el, '[part="result"]') !== null || maybe(el, '[part="outcome"] [role="alert"]') !== null,
    'the lookup did not settle', { timeout: 12_000 });
  await el.updateComplete;
}

/** The tracker's live region: progress and success (failures speak through role="alert"). */
export const trackerStatus = (el: DvcDossierTracker): HTMLElement => part(el, '[part="announcer"]');

// ---------- <dvc-payment> ----------

/** A payment-due dossier with a fixed code, owing a charge (200.000 đồng) and a fee (10.000 đồng). */
export const PAYMENT_DOSSIER = { code: '000.00.15.H26-250714-0902', applicantId: PAYER };

export function createPaymentDossier(): Promise<unknown> {
  return sandbox('/dossiers', { ...PAYMENT_DOSSIER, procedureCode: '3.000333', status: 'payment-due', fees: TWO_KINDS });
}

/**
 * Hooks for a payment suite: each test starts from a reset sandbox holding PAYMENT_DOSSIER, with an
 * empty sessionStorage, and leaves the page's address and language as it found them. Returns the
 * running test's event log.
 */
export function paymentSuite(): () => EventLog {
  let log: EventLog | undefined;
  const home = location.href;
  beforeEach(async () => {
    await sandbox('/reset');
    sessionStorage.clear();
    log = new EventLog();
    await createPaymentDossier();
  });
  afterEach(async () => {
    log?.dispose();
    sessionStorage.clear();
    history.replaceState(null, '', home);
    await setLang('vi');
  });
  return () => {
    if (!log) throw new Error('paymentSuite(): the event log exists only while a test runs');
    return log;
  };
}

/** The widget for PAYMENT_DOSSIER, the page giving the identity number (or not: it then asks). */
export function mountPayment(options: { applicantId?: string; statusTimeout?: number } = {}): Promise<DvcPayment> {
  const { applicantId = PAYMENT_DOSSIER.applicantId, statusTimeout = 45 } = options;
  return mountInLandmark<DvcPayment>(html`<dvc-payment api-base=${sandboxUrl()} dossier-code=${PAYMENT_DOSSIER.code}
    return-url=${`${sandboxUrl()}/health`} status-timeout=${statusTimeout} .applicantId=${applicantId}></dvc-payment>`);
}

export const paymentState = (el: DvcPayment): string | null => maybe(el, '[part="state"]')?.getAttribute('data-state') ?? null;

export async function waitForPaymentState(el: DvcPayment, kind: PaymentStateKind, timeout = 12_000): Promise<void> {
  await waitUntil(() => paymentState(el) === kind, `expected the payment state "${kind}", still "${paymentState(el)}"`, { timeout });
  await el.updateComplete;
}

/**
 * Pays from a first widget (the page takes over the gateway: `log` cancels `dvc-payment-started`),
 * which then goes away as when the browser leaves for the gateway. Returns the payment's id.
 */
export async function startPayment(log: EventLog): Promise<string> {
  const first = await mountPayment();
  await waitForPaymentState(first, 'due');
  const paymentId = await pay(first, log);
  first.parentElement!.remove();
  return paymentId;
}

/** Pays on the sandbox gateway with `outcome` and comes back: this page's address has the gateway's parameters. */
export async function returnFromGateway(paymentId: string, outcome: 'success' | 'failure'): Promise<void> {
  const back = await completeAtGateway(paymentId, outcome);
  arriveWith(gatewayParams(back!));
}

/**
 * A payment started, settled on the sandbox gateway with `outcome`, and the payer back on the page:
 * a new widget, mounted and showing the outcome (paid or failed).
 */
export async function mountAfterGateway(log: EventLog, outcome: 'success' | 'failure'): Promise<DvcPayment> {
  const paymentId = await startPayment(log);
  await returnFromGateway(paymentId, outcome);
  const el = await mountPayment();
  await waitForPaymentState(el, outcome === 'success' ? 'paid' : 'failed');
  return el;
}

/**
 * A payment started, and the payer back from the gateway before it answered (only the payment's
 * reference in the address): a new widget, mounted, asking for the result for `statusTimeout` s.
 */
export async function mountBeforeGatewayAnswers(log: EventLog, statusTimeout: number): Promise<{ el: DvcPayment; paymentId: string }> {
  const paymentId = await startPayment(log);
  arriveWith(new URLSearchParams({ vnp_TxnRef: paymentId }));
  return { el: await mountPayment({ statusTimeout }), paymentId };
}

/** The payment's live region. */
export const paymentStatus = (el: DvcPayment): HTMLElement => part(el, '[part="announcer"]');

// ---------- <dvc-satisfaction-survey> ----------

/** A decided birth-registration dossier with a fixed code, open for evaluation. */
export const SURVEY_DOSSIER = { code: '000.00.15.H26-250714-0903', applicantId: APPLICANT };
export const REQUIRED_QUESTIONS = ['contacts', 'agencies', 'one-stop', 'attitude', 'overall'];

/** Hooks for a survey suite: a reset sandbox holding SURVEY_DOSSIER, no saved drafts; the page back in Vietnamese after. */
export function surveySuite(): void {
  beforeEach(async () => {
    await sandbox('/reset');
    sessionStorage.clear();
    await createSurveyDossier();
  });
  afterEach(async () => {
    sessionStorage.clear();
    await setLang('vi');
  });
}

export function createSurveyDossier(): Promise<unknown> {
  return sandbox('/dossiers', {
    ...SURVEY_DOSSIER,
    procedureCode: '1.001193',
    status: 'decided',
    receivedAt: '2025-07-14T09:15:00+07:00',
    completedAt: '2025-07-15T09:00:00+07:00',
  });
}

/** The dossier evaluation, the page not knowing the identity number: the form asks for it. */
export async function mountSurvey(): Promise<DvcSatisfactionSurvey> {
  const el = await mountInLandmark<DvcSatisfactionSurvey>(html`<dvc-satisfaction-survey api-base=${sandboxUrl()}
    dossier-code=${SURVEY_DOSSIER.code}></dvc-satisfaction-survey>`);
  await waitUntil(() => maybe(el, 'form') !== null, 'the survey form did not load', { timeout: 8000 });
  await el.updateComplete;
  return el;
}

/** Chooses the first answer of every required question, types the identity number and a comment. */
export async function answerSurvey(el: DvcSatisfactionSurvey, comment = ''): Promise<void> {
  for (const id of REQUIRED_QUESTIONS) part<HTMLInputElement>(el, `input[name="q-${id}"]`).click();
  type(part<HTMLInputElement>(el, '#applicant-id'), SURVEY_DOSSIER.applicantId);
  if (comment) type(part<HTMLTextAreaElement>(el, 'textarea'), comment);
  await el.updateComplete;
}

export async function submitSurvey(el: DvcSatisfactionSurvey): Promise<void> {
  part<HTMLButtonElement>(el, '[part="submit-button"]').click();
  await el.updateComplete;
}

export { type DvcProcedureSearch, type DvcDossierTracker, type DvcPayment, type DvcSatisfactionSurvey };

// ---------- live regions ----------

/**
 * A polite live region the widget keeps on the page from its first render: `role="status"`,
 * `aria-live="polite"`. Returns it, to be compared after a transition with {@link expectAnnounced}
 * (a screen reader announces a change inside a region it already knows, not a region that arrives
 * with its words).
 */
export function politeRegion(region: Element): Element {
  expect(region.getAttribute('role'), 'role').to.equal('status');
  expect(region.getAttribute('aria-live'), 'aria-live').to.equal('polite');
  return region;
}

/** The same live region (still on the page, not replaced) now says `words`. */
export function expectAnnounced(region: Element, now: Element, words: string): void {
  expect(now === region && region.isConnected, 'the live region is the one that was there before').to.equal(true);
  expect(text(region)).to.equal(words);
}

/** The text of the widget's one `role="alert"` (an alert is announced as it appears). */
export function alertText(host: Element, scope = ''): string {
  const alerts = [...(host.shadowRoot?.querySelectorAll(`${scope} [role="alert"]`.trim()) ?? [])];
  expect(alerts, `role="alert" in ${host.localName}`).to.have.length(1);
  return text(alerts[0]);
}
