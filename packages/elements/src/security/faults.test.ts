/**
 * The fault matrix: each widget × {500, 503 with Retry-After, timeout, network offline,
 * 429 with Retry-After, slow 3 s, malformed JSON}, against the real sandbox and its fault injector
 * (`POST /_sandbox/faults`). One test per cell. In each: the widget's own sentence in Vietnamese and
 * in English, nothing the citizen entered is lost, and once the fault has cleared the retry
 * succeeds — for the payment, with exactly one payment. "Slow" shows the loading state, then the
 * result, with no error.
 *
 * Offline: the widgets take their API root from the page-wide default (`setDefaultApiBase`), which
 * is pointed at a closed port and back without the widget noticing (changing `api-base` would
 * restart some of them), so the failing request is the one under test.
 *
 * The SDK's timeout is 10 s and no widget has a setting for it: one timeout cell per widget (the
 * primary operation), a delay fault just over 10 s.
 */
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { createDvcClient, DvcApiError, type Dossier, type Payment } from '@dvc-kit/sdk';
import { afterEach, beforeEach, describe, it } from '../test-support/mocha.ts';
import { sandboxUrl } from '../test-support/axe.ts';
import { setDefaultApiBase } from '../shared/api-client.ts';
import '../procedure-search/index.ts';
import '../dossier-tracker/index.ts';
import '../payment/index.ts';
import '../satisfaction-survey/index.ts';
import type { DvcProcedureSearch } from '../procedure-search/procedure-search.ts';
import type { DvcDossierTracker } from '../dossier-tracker/dossier-tracker.ts';
import type { DvcPayment } from '../payment/payment.ts';
import type { DvcSatisfactionSurvey } from '../satisfaction-survey/satisfaction-survey.ts';
import { completeAtGateway } from '../test-support/payment-drivers.ts';
import { CLOSED_PORT_API, sandbox, setLang, sleep, slow, text } from '../test-support/sandbox-and-tripwire.ts';
import { namePortalPages } from '../test-support/portal-pages.ts';

// The portal names its payment and evaluation pages: the tracker offers "Pay" and "Evaluate".
namePortalPages();

type FaultName = '500' | '503 with Retry-After' | 'timeout' | 'network offline' | '429 with Retry-After' | 'slow 3 s' | 'malformed JSON';

interface Fault {
  name: FaultName;
  /** The sandbox fault; none for "offline" (the API root points at a closed port instead). */
  arm?: (row: Row) => Record<string, unknown>;
  /** The widget's sentence, in Vietnamese and English; none for "slow" (no error at all). */
  vi?: string;
  en?: string;
}

// A Retry-After over the SDK's 5 s ceiling: the SDK does not wait, the person is told.
const RETRY_AFTER = 30;

const FAULTS: readonly Fault[] = [
  {
    name: '500',
    // The SDK retries idempotent requests twice on 5xx: every attempt meets the fault.
    arm: (row) => ({ operationId: row.operationId, kind: 'status', status: 500, times: row.sdkRetries ? 3 : 1 }),
    vi: 'Hệ thống gặp sự cố. Vui lòng thử lại sau.',
    en: 'The service had a problem. Please try again later.',
  },
  {
    name: '503 with Retry-After',
    arm: (row) => ({ operationId: row.operationId, kind: 'status', status: 503, retryAfter: RETRY_AFTER }),
    vi: `Hệ thống tạm thời gián đoạn. Vui lòng thử lại sau ${RETRY_AFTER} giây.`,
    en: `The service is temporarily unavailable. Please try again in ${RETRY_AFTER} seconds.`,
  },
  {
    name: 'timeout',
    arm: (row) => ({ operationId: row.operationId, kind: 'delay', delayMs: row.timeoutDelayMs }),
    vi: 'Hệ thống phản hồi quá lâu. Vui lòng thử lại.',
    en: 'The service is taking too long to answer. Please try again.',
  },
  {
    name: 'network offline',
    vi: 'Không thể kết nối tới hệ thống. Vui lòng thử lại sau ít phút.',
    en: 'Could not reach the service. Please try again in a few minutes.',
  },
  {
    name: '429 with Retry-After',
    arm: (row) => ({ operationId: row.operationId, kind: 'status', status: 429, retryAfter: RETRY_AFTER }),
    vi: `Có quá nhiều yêu cầu. Vui lòng đợi ${RETRY_AFTER} giây rồi thử lại.`,
    en: `Too many requests. Please wait ${RETRY_AFTER} seconds and try again.`,
  },
  {
    name: 'slow 3 s',
    arm: (row) => ({ operationId: row.operationId, kind: 'delay', delayMs: 3000 }),
  },
  {
    name: 'malformed JSON',
    arm: (row) => ({ operationId: row.operationId, kind: 'malformed' }),
    vi: 'Không đọc được dữ liệu hệ thống trả về. Vui lòng thử lại sau.',
    en: 'The service sent an answer that could not be read. Please try again later.',
  },
];
const ALL = FAULTS.map((fault) => fault.name);

/** One widget in one cell, from just before the faulted request to the success after the retry. */
interface Cell {
  readonly host: HTMLElement & { updateComplete: Promise<boolean> };
  /** Sends the request the fault is armed for (a search, a lookup, a payment, a submission…). */
  act(): Promise<void>;
  /** The error sentence on screen, '' when none. */
  errorText(): string;
  /** What the citizen entered is still there. */
  expectInputKept(): void;
  /** What the citizen does to try again. */
  retry(): Promise<void>;
  /** While slow: busy, and saying so. */
  expectLoading(): void;
  /** The request succeeded (after the retry, or after the slow answer). */
  expectDone(): Promise<void>;
}

interface Row {
  widget: string;
  operationId: string;
  /** Whether the SDK retries this request itself (GET, or a POST with an Idempotency-Key). */
  sdkRetries: boolean;
  /** Just over the SDK's 10 s. */
  timeoutDelayMs: number;
  faults: readonly FaultName[];
  /** What is kept, and what the retry brings, for the test names. */
  kept: string;
  success: string;
  setup(fault: FaultName, index: number): Promise<Cell>;
}

// ---------- helpers ----------

const $ = <T extends Element = HTMLElement>(host: Element | undefined, selector: string): T | null =>
  host?.shadowRoot?.querySelector<T>(selector) ?? null;
const $$ = <T extends Element = HTMLElement>(host: Element, selector: string): T[] => [...host.shadowRoot!.querySelectorAll<T>(selector)];
const click = (host: Element, selector: string) => {
  const target = $<HTMLElement>(host, selector);
  expect(target, `${selector} is there`).to.not.equal(null);
  target!.click();
};
function type(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}
const sdk = () => createDvcClient({ baseUrl: sandboxUrl(), retry: false });
const APPLICANT = '079203008888';
const createDossier = (input: Record<string, unknown>) => sandbox<Dossier>('/dossiers', { applicantId: APPLICANT, ...input });
const stateOf = (host: Element) => $(host, '[part="state"]')?.getAttribute('data-state') ?? null;

/** The payment POSTs the page sends (with their Idempotency-Key) and the payment ids they get back. */
class PaymentSpy {
  readonly keys: string[] = [];
  readonly ids: string[] = [];
  readonly #original = window.fetch;

  constructor() {
    const original = this.#original;
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(input, init);
      const creating = request.method === 'POST' && new URL(request.url).pathname.endsWith('/payments');
      if (creating) this.keys.push(request.headers.get('idempotency-key') ?? '');
      const response = await original.call(window, input, init);
      if (creating && response.ok) {
        try {
          this.ids.push(((await response.clone().json()) as Payment).id);
        } catch {
          // The malformed answer: it names no payment (and the sandbox made none).
        }
      }
      return response;
    };
  }

  dispose(): void {
    window.fetch = this.#original;
  }
}

let paymentSpy: PaymentSpy | undefined;
let startedIds: string[] = [];
/** The page opens the gateway itself (the widget would navigate away otherwise). */
const onStarted = (event: Event) => {
  event.preventDefault();
  startedIds.push((event as CustomEvent<{ paymentId: string }>).detail.paymentId);
};

/** A payment-due dossier, the widget showing it with the e-wallet chosen. */
async function paymentWidget(): Promise<{ el: DvcPayment; code: string }> {
  const { code } = await createDossier({ procedureCode: '3.000333', status: 'payment-due', fees: [{ kind: 'charge', description: 'Phí cung cấp thông tin lý lịch tư pháp', amount: 200_000 }] });
  const el = await fixture<DvcPayment>(html`<dvc-payment dossier-code=${code} return-url=${`${sandboxUrl()}/health`}
    .applicantId=${APPLICANT}></dvc-payment>`);
  await waitUntil(() => stateOf(el) === 'due', 'nothing due shown', { timeout: 8000 });
  click(el, 'input[name="method"][value="e-wallet"]');
  await el.updateComplete;
  return { el, code };
}

// ---------- the rows ----------

const QUERY = 'ly lich tu phap';

const ROWS: readonly Row[] = [
  {
    widget: '<dvc-procedure-search>',
    operationId: 'searchProcedures',
    sdkRetries: true,
    timeoutDelayMs: 10_500,
    faults: ALL,
    kept: 'the typed query kept',
    success: '"Thử lại" finds the procedures',
    async setup(_fault, index) {
      // Successful searches are cached for 60 s: a page size of its own gives each cell an address
      // no earlier test has fetched, so the request does reach the fault.
      const el = await fixture<DvcProcedureSearch>(html`<dvc-procedure-search page-size=${11 + index}></dvc-procedure-search>`);
      const input = () => $<HTMLInputElement>(el, '#q')!;
      const results = () => $(el, '[part="results"]');
      return {
        host: el,
        async act() {
          type(input(), QUERY);
          await el.updateComplete;
          click(el, '[part="submit-button"]');
          await el.updateComplete;
        },
        errorText: () => text($(el, '[part="results"] [part="error-message"]')),
        expectInputKept: () => expect(input().value).to.equal(QUERY),
        async retry() {
          click(el, '[part="retry-button"]');
          await el.updateComplete;
        },
        expectLoading() {
          expect(results()?.getAttribute('aria-busy')).to.equal('true');
          expect(text($(el, '[part="loading"]'))).to.equal('Đang tải…');
        },
        async expectDone() {
          await waitUntil(() => results()?.getAttribute('aria-busy') === 'false' && $$(el, '[part="item"]').length > 0,
            'no results', { timeout: 8000 });
          expect(text($(el, '[part="name"]'))).to.match(/lý lịch tư pháp/i);
          expect(input().value).to.equal(QUERY);
        },
      };
    },
  },
  {
    widget: '<dvc-dossier-tracker>',
    operationId: 'lookupDossier',
    sdkRetries: false,
    timeoutDelayMs: 10_500,
    faults: ALL,
    kept: 'the typed code and identity number kept',
    success: 'trying again finds the dossier',
    async setup() {
      const code = '000.00.15.H26-261102-0004';
      const applicantId = '001099000004';
      const el = await fixture<DvcDossierTracker>(html`<dvc-dossier-tracker></dvc-dossier-tracker>`);
      const codeInput = () => $<HTMLInputElement>(el, '#code')!;
      const idInput = () => $<HTMLInputElement>(el, '#applicant-id')!;
      return {
        host: el,
        async act() {
          type(codeInput(), code);
          type(idInput(), applicantId);
          await el.updateComplete;
          click(el, '[part="submit-button"]');
          await el.updateComplete;
        },
        errorText: () => text($(el, '[part="outcome"] [part="error-message"]')),
        expectInputKept() {
          expect(codeInput().value).to.equal(code);
          expect(idInput().value).to.equal(applicantId);
        },
        async retry() {
          click(el, '[part="retry-button"]');
          await el.updateComplete;
        },
        expectLoading() {
          expect($(el, '[part="outcome"]')?.getAttribute('aria-busy')).to.equal('true');
          expect(text($(el, '[part="loading"]'))).to.equal('Đang tải…');
        },
        async expectDone() {
          await waitUntil(() => $(el, '[part="result"]') !== null, 'the dossier was not found', { timeout: 8000 });
          expect(text($(el, '[part="status-badge"]'))).to.equal('Đang xử lý');
        },
      };
    },
  },
  {
    widget: '<dvc-payment>',
    operationId: 'createPayment',
    // A POST with an Idempotency-Key: the SDK retries it like a GET.
    sdkRetries: true,
    timeoutDelayMs: 10_500,
    faults: ALL,
    kept: 'the chosen method kept',
    success: '"Thử lại" makes exactly one payment',
    async setup(fault) {
      const spy = new PaymentSpy();
      paymentSpy = spy;
      const { el, code } = await paymentWidget();
      let acted = 0;
      const radio = (id: string) => $<HTMLInputElement>(el, `input[name="method"][value="${id}"]`)!;
      return {
        host: el,
        async act() {
          acted = performance.now();
          click(el, '[part="pay-button"]');
          await el.updateComplete;
        },
        errorText: () => text($(el, '[part="pay-form"] [part="error-message"]')),
        expectInputKept() {
          expect(stateOf(el)).to.equal('due');
          expect(radio('e-wallet').checked, 'e-wallet still chosen').to.equal(true);
          expect(radio('bank-qr').checked).to.equal(false);
        },
        async retry() {
          click(el, '[part="retry-button"]');
          await el.updateComplete;
        },
        expectLoading() {
          expect($(el, '[part="state"]')?.getAttribute('aria-busy')).to.equal('true');
          expect(text($(el, '[part="pay-button"]'))).to.equal('Đang tạo giao dịch thanh toán…');
        },
        async expectDone() {
          await waitUntil(() => stateOf(el) === 'started', 'the payment did not start', { timeout: 15_000 });
          if (fault === 'timeout') {
            // The request that timed out still reached the server: let it finish, then count.
            await sleep(Math.max(0, acted + 11_000 - performance.now()));
          }
          expect(startedIds, 'dvc-payment-started').to.have.length(1);
          const id = startedIds[0]!;
          expect(new Set(spy.keys).size, `one Idempotency-Key over ${spy.keys.length} POSTs`).to.equal(1);
          expect([...new Set(spy.ids)], 'every answer names the same payment').to.deep.equal([id]);
          const payment = await sdk().payments.get(id);
          expect(payment.method).to.equal('e-wallet');
          expect(payment.state).to.equal('pending');
          const dossier = await sdk().dossiers.lookup({ code, applicantId: APPLICANT });
          expect(dossier.payment?.paymentId, 'the dossier\'s payment').to.equal(id);
        },
      };
    },
  },
  {
    widget: '<dvc-payment>',
    operationId: 'getPayment',
    sdkRetries: true,
    timeoutDelayMs: 10_500,
    faults: ['500', '503 with Retry-After', 'network offline', '429 with Retry-After', 'slow 3 s', 'malformed JSON'],
    kept: 'the payment kept ("Kiểm tra lại")',
    success: 'checking again shows it paid',
    async setup() {
      const { el, code } = await paymentWidget();
      click(el, '[part="pay-button"]');
      await waitUntil(() => stateOf(el) === 'started', 'the payment did not start', { timeout: 8000 });
      const id = startedIds[0]!;
      await completeAtGateway(id, 'success');
      return {
        host: el,
        async act() {
          click(el, '[part="check-button"]');
          await el.updateComplete;
        },
        errorText: () => (stateOf(el) === 'unknown' ? text($(el, '[part="state"] p.muted')) : ''),
        expectInputKept() {
          expect(stateOf(el)).to.equal('unknown');
          expect(sessionStorage.getItem(`dvc-payment:${code}`) ?? '', 'the tab remembers its payment').to.include(id);
        },
        async retry() {
          click(el, '[part="check-button"]');
          await el.updateComplete;
        },
        expectLoading() {
          expect(stateOf(el)).to.equal('checking');
          expect($(el, '[part="state"]')?.getAttribute('aria-busy')).to.equal('true');
          expect(text($(el, '[part="loading"]'))).to.equal('Đang hỏi kết quả thanh toán…');
        },
        async expectDone() {
          await waitUntil(() => stateOf(el) === 'paid', `not paid: ${stateOf(el)}`, { timeout: 8000 });
          expect($$(el, '[part="receipt"]')).to.have.length(1);
          expect(startedIds).to.deep.equal([id]);
        },
      };
    },
  },
  {
    widget: '<dvc-satisfaction-survey>',
    operationId: 'submitSurvey',
    // The send carries an Idempotency-Key: the SDK retries it, and the request that timed out and
    // "Thử lại" share the key, so whichever reaches the server first stores, the other gets its receipt.
    sdkRetries: true,
    timeoutDelayMs: 12_000,
    faults: ALL,
    kept: 'the answers kept',
    success: '"Thử lại" stores them once',
    async setup() {
      const { code } = await createDossier({ procedureCode: '1.001193', status: 'decided' });
      const el = await fixture<DvcSatisfactionSurvey>(html`<dvc-satisfaction-survey dossier-code=${code}
        .applicantId=${APPLICANT}></dvc-satisfaction-survey>`);
      await waitUntil(() => $(el, 'form') !== null, 'the form did not load', { timeout: 8000 });
      const required = ['contacts', 'agencies', 'one-stop', 'attitude', 'overall'];
      const radio = (id: string) => $<HTMLInputElement>(el, `input[name="q-${id}"][value="1"]`)!;
      for (const id of required) radio(id).click();
      type($<HTMLTextAreaElement>(el, 'textarea')!, 'Chờ lâu quá');
      await el.updateComplete;
      return {
        host: el,
        async act() {
          click(el, '[part="submit-button"]');
          await el.updateComplete;
        },
        errorText: () => text($(el, '[part="form"] [part="error-message"]')),
        expectInputKept() {
          expect(required.filter((id) => !radio(id).checked), 'unchecked answers').to.deep.equal([]);
          expect($<HTMLTextAreaElement>(el, 'textarea')!.value).to.equal('Chờ lâu quá');
          const drafts = Object.keys(sessionStorage).filter((key) => key.startsWith('dvc-survey-draft:'));
          expect(drafts, 'the draft').to.have.length(1);
          expect(sessionStorage.getItem(drafts[0]!)).to.include('Chờ lâu quá');
        },
        async retry() {
          click(el, '[part="retry-button"]');
          await el.updateComplete;
        },
        expectLoading() {
          expect($(el, '[part="survey"]')?.getAttribute('aria-busy')).to.equal('true');
          expect(text($(el, '[part="submit-button"]'))).to.equal('Đang gửi…');
        },
        async expectDone() {
          await waitUntil(() => $(el, '[part="thanks"]') !== null, 'no thanks', { timeout: 8000 });
          // Stored once: a second evaluation of the dossier is refused.
          const again = await sdk().surveys.submit({
            formId: 'one-stop-evaluation', formVersion: 1, dossierCode: code, applicantId: APPLICANT,
            answers: { contacts: 2, agencies: 2, 'one-stop': 2, attitude: 2, overall: 2 },
          }).then(() => undefined, (error: unknown) => error);
          expect(again instanceof DvcApiError && again.code).to.equal('survey_already_submitted');
        },
      };
    },
  },
  {
    widget: '<dvc-satisfaction-survey>',
    operationId: 'getSurveyForm',
    sdkRetries: true,
    timeoutDelayMs: 10_500,
    faults: ['500', '503 with Retry-After', 'network offline', '429 with Retry-After', 'slow 3 s', 'malformed JSON'],
    kept: 'the dossier kept',
    success: '"Thử lại" loads the form',
    async setup() {
      const { code } = await createDossier({ procedureCode: '1.001193', status: 'decided' });
      let el: DvcSatisfactionSurvey | undefined;
      return {
        get host() {
          return el!;
        },
        async act() {
          el = await fixture<DvcSatisfactionSurvey>(html`<dvc-satisfaction-survey dossier-code=${code}
            .applicantId=${APPLICANT}></dvc-satisfaction-survey>`);
        },
        errorText: () => text($(el, '[part="error-message"]')),
        expectInputKept() {
          expect(el!.dossierCode).to.equal(code);
          expect($(el, '[part="retry-button"]')).to.not.equal(null);
        },
        async retry() {
          click(el!, '[part="retry-button"]');
          await el!.updateComplete;
        },
        expectLoading() {
          expect($(el, '[part="survey"]')?.getAttribute('aria-busy')).to.equal('true');
          expect(text($(el, '[part="loading"]'))).to.equal('Đang tải…');
        },
        async expectDone() {
          await waitUntil(() => $(el, 'form') !== null, 'the form did not load', { timeout: 8000 });
          expect($$(el!, 'fieldset[part="question"]')).to.have.length(6);
        },
      };
    },
  },
];

describe('fault matrix: every widget × 500, 503, timeout, offline, 429, slow, malformed JSON', () => {
  beforeEach(async () => {
    await setLang('vi');
    await sandbox('/reset');
    sessionStorage.clear();
    setDefaultApiBase(sandboxUrl());
    startedIds = [];
    document.addEventListener('dvc-payment-started', onStarted);
  });

  afterEach(async () => {
    document.removeEventListener('dvc-payment-started', onStarted);
    paymentSpy?.dispose();
    paymentSpy = undefined;
    fixtureCleanup();
    setDefaultApiBase(undefined);
    sessionStorage.clear();
    await setLang('vi');
  });

  for (const row of ROWS) {
    describe(`${row.widget} (${row.operationId})`, () => {
      for (const [index, fault] of FAULTS.filter((f) => row.faults.includes(f.name)).entries()) {
        const title = fault.vi
          ? `${fault.name}: "${fault.vi}" (and in English), ${row.kept}, ${row.success}`
          : `${fault.name}: busy and saying so, then the answer, no error`;
        it(`${row.widget} × ${title}`, async function () {
          slow(this, fault.name === 'timeout' ? 35_000 : 20_000);
          const cell = await row.setup(fault.name, index);
          if (fault.arm) await sandbox('/faults', fault.arm(row));
          else setDefaultApiBase(CLOSED_PORT_API);
          const started = performance.now();
          await cell.act();

          if (!fault.vi) {
            cell.expectLoading();
            await cell.expectDone();
            expect(performance.now() - started, 'answered after the delay').to.be.at.least(2900);
            expect(cell.errorText(), 'no error').to.equal('');
            return;
          }

          await waitUntil(() => cell.errorText() !== '', 'no error shown', { timeout: fault.name === 'timeout' ? 15_000 : 8000 });
          expect(cell.errorText()).to.equal(fault.vi);
          cell.expectInputKept();
          await setLang('en');
          await cell.host.updateComplete;
          expect(cell.errorText()).to.equal(fault.en);
          cell.expectInputKept();
          await setLang('vi');
          await cell.host.updateComplete;

          if (!fault.arm) setDefaultApiBase(sandboxUrl());
          await cell.retry();
          await cell.expectDone();
          expect(cell.errorText(), 'the error is gone').to.equal('');
        });
      }
    });
  }
});
