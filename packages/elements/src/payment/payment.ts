import { LitElement, html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { DvcApiError, type Dossier, type Payment } from '@dvc-kit/sdk';
import { ApiClientController } from '../shared/api-client.ts';
import { formatVnd, getLocale } from '../shared/locale.ts';
import { statusStyles } from '../shared/status-views.ts';
import { tokens } from '../shared/tokens.ts';
import { formStyles, radioStyles } from '../shared/form-styles.ts';
import { APPLICANT_ID_PATTERN, checkApplicantId, normaliseApplicantId } from '../shared/applicant-id.ts';
import {
  paymentEvent,
  type DvcPaymentFailedEventDetail, type DvcPaymentStartedEventDetail, type DvcPaymentSucceededEventDetail,
} from './events.ts';
import { FocusController } from '../shared/focus-controller.ts';
import { topHeadingLevel } from '../shared/heading.ts';
import { failureReason } from './labels.ts';
import { DEFAULT_SCHEDULE, PaymentPoller, type PollSchedule } from './payment-poller.ts';
import { PaymentSession } from './payment-session.ts';
import { cleanAddressBar, readReturnReference, safeHttpUrl, withoutGatewayParams } from './return-params.ts';
import type { DueNotice, PaymentState } from './state.ts';
import { paymentStyles } from './styles.ts';
import {
  APPLICANT_ID_FIELD, STATE_HEADING_ID, alreadyPaidView, askView, cancelledView, checkingView, dueView, failedView,
  idleView, loadingStateView, lookupErrorView, nothingDueView, paidView, redirectingView, startedView, unknownView,
  type ViewContext,
} from './views.ts';
import './translations.ts';

/** One flow at a time: a newer one (or leaving the page) makes an older one's answers void. */
interface FlowRun {
  run: number;
  signal: AbortSignal;
}

/**
 * Pays a dossier's charges and fees (phí, lệ phí) online, once, with a receipt. Shows what is due
 * line by line and the total, lets the payer choose a method, creates the payment and sends the
 * payer to the payment gateway; back on the page it asks the API for the result (polling with
 * backoff while the gateway has not answered) and shows the e-receipts, the failure with its reason,
 * or the cancellation.
 *
 * Never twice: the payment is created with an Idempotency-Key kept per dossier in sessionStorage
 * (with the amount it was made for), so a double click, a reload or a second attempt finds the same
 * payment. The widget sends the total it showed (`expectedAmount`): when the amount changed, the API
 * refuses and the widget shows the new amount for the payer to confirm.
 *
 * Never "paid" unless the API says so: the gateway's `vnp_*` return parameters are only a hint of
 * which payment to ask about; they are removed from the address bar at once.
 *
 * Privacy: `applicantId` is a property only. The widget never puts the identity number in an
 * attribute, the URL, storage, an event or the console. When the page does not set it, the widget
 * asks for it, and keeps what was typed in memory only, until the payment is done.
 *
 * Portals that open the gateway themselves (a popup, an app's browser): cancel
 * `dvc-payment-started` with `preventDefault()` and open `redirectUrl` of the payment yourself (or
 * let the payer use the widget's "Open the payment gateway again"); call `checkPayment()` when the
 * payer is back. The gateway returns to `return-url` with `vnp_TxnRef`, which any `<dvc-payment>`
 * with the same `dossier-code` on that page picks up.
 *
 * Focus moves to the heading of each new state once the payer has acted (and on return from the
 * gateway); a state reached on page load without any action does not steal focus.
 *
 * No slots: the widget renders everything itself.
 *
 * @tag dvc-payment
 *
 * @fires {CustomEvent<DvcPaymentStartedEventDetail>} dvc-payment-started - The payment was made and the payer is about to go to the gateway: `{ paymentId }`. Bubbles, composed. **Cancelable**: `preventDefault()` stops the widget navigating to the gateway, so the page can open it itself.
 * @fires {CustomEvent<DvcPaymentSucceededEventDetail>} dvc-payment-succeeded - The API confirmed the payment: `{ paymentId, receiptNumbers }`. Bubbles, composed. Not cancelable.
 * @fires {CustomEvent<DvcPaymentFailedEventDetail>} dvc-payment-failed - The gateway refused the payment: `{ paymentId, code }` (its response code, e.g. `51`). Bubbles, composed. Not cancelable. A cancellation by the payer fires no event.
 *
 * @csspart announcer - The (visually hidden) live region announcing checking, paid, failed…
 * @csspart state - The section holding the current state.
 * @csspart heading - The current state's heading; it receives focus.
 * @csspart dossier - The dossier code and procedure name.
 * @csspart form - The identity number form.
 * @csspart error-summary - The list of problems above the form; it receives focus.
 * @csspart field - The identity number's label, hint, error and input.
 * @csspart label - The identity number's label.
 * @csspart hint - The identity number's hint.
 * @csspart field-error - The message next to the field.
 * @csspart input - The identity number box.
 * @csspart continue-button - "Continue" after the identity number.
 * @csspart outcome - Under the form: loading, or a failed lookup.
 * @csspart notice - A note above what is due (amount changed, payment in progress, last attempt failed).
 * @csspart lines - The table of charges and fees.
 * @csspart line - One charge or fee.
 * @csspart total - The total row.
 * @csspart pay-form - The method choice and pay button.
 * @csspart methods - The payment method fieldset.
 * @csspart method - One method (label with its radio button).
 * @csspart pay-button - "Pay 210.000 ₫".
 * @csspart gateway-link - The link to the gateway while redirecting.
 * @csspart check-button - "Check the result" / "Check again".
 * @csspart open-gateway-button - "Open the payment gateway again" (after the page took over).
 * @csspart receipts - The list of e-receipts.
 * @csspart receipt - One e-receipt.
 * @csspart receipt-link - The link to the printable receipt (opens in a new tab).
 * @csspart pay-again-button - "Pay again" after a failure or a cancellation.
 * @csspart message - A state's main sentence.
 * @csspart loading - The loading view.
 * @csspart spinner - The loading view's spinner.
 * @csspart error - An error or a refused payment.
 * @csspart error-message - Its message.
 * @csspart retry-button - "Try again" after a connection or server problem.
 *
 * @cssprop --dvc-color-primary - Buttons, links and the focus ring (see the shared tokens for all `--dvc-*`).
 * @cssprop --dvc-color-danger - Errors and refused payments.
 * @cssprop --dvc-color-success - A successful payment.
 * @cssprop [--dvc-color-warning=#7a4100] - The "amount changed" note (7.9:1 on white).
 */
export class DvcPayment extends LitElement {
  static override styles = [tokens, statusStyles, formStyles, radioStyles, paymentStyles];

  /** API root, e.g. `https://dichvucong.example.gov.vn/api/v1`; defaults to the page-wide one. */
  @property({ attribute: 'api-base', reflect: true }) accessor apiBase = '';

  /** The dossier to pay for, e.g. `000.00.15.H26-250714-0042`. */
  @property({ attribute: 'dossier-code', reflect: true }) accessor dossierCode = '';

  /**
   * Where the gateway sends the payer back. Default: this page's address without any `vnp_*`
   * parameter. Must be on an origin the API allows.
   */
  @property({ attribute: 'return-url' }) accessor returnUrl = '';

  /**
   * The signed-in citizen's 12-digit personal identification number, for pages that know it.
   * A property only, never an attribute (it is personal data); the widget asks when it is not set.
   */
  @property({ attribute: false }) accessor applicantId: string | undefined = undefined;

  /** The level of the state headings (2–5; their sub-headings one lower), to fit the page's outline. */
  @property({ attribute: 'heading-level', type: Number }) accessor headingLevel = 2;

  /** How long (seconds) to keep asking for the result of a pending payment before saying it is not known yet. */
  @property({ attribute: 'status-timeout', type: Number }) accessor statusTimeout: number = DEFAULT_SCHEDULE.budgetMs / 1000;

  @state() private accessor view: PaymentState = { kind: 'idle' };
  /** What the live region says, made at render time so it follows the page's language. */
  @state() private accessor announcement: (() => string) | undefined = undefined;
  @state() private accessor method = '';

  readonly #api = new ApiClientController(this, () => this.apiBase);
  readonly #poller = new PaymentPoller(this);
  readonly #focus = new FocusController(this);
  readonly #session = new PaymentSession();

  /** The identity number the payer typed, in memory only, until the payment is done. */
  #typedApplicantId: string | undefined;
  #run = 0;
  #abort: AbortController | undefined;
  /** The payment being created: a second click joins it instead of sending another request. */
  #paying: Promise<void> | undefined;
  /** Focus follows state changes only after the payer acted (or came back from the gateway). */
  #interacted = false;
  /** Left the page in the middle of a request: start again when back. */
  #interrupted = false;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  /**
   * Asks the API for the result of a payment and shows it: by default the payment this tab started
   * for the dossier. For pages that opened the gateway themselves (see `dvc-payment-started`).
   */
  checkPayment(paymentId?: string): Promise<void> {
    const id = paymentId
      ?? (this.view.kind === 'started' || this.view.kind === 'unknown' ? this.#viewPaymentId() : undefined)
      ?? this.#session.read(this.dossierCode)?.paymentId;
    if (!id) return Promise.resolve();
    this.#interacted = true;
    return this.#check(id, 'manual', this.#begin());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && this.#interrupted) {
      this.#interrupted = false;
      this.#start();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    const view = this.view;
    const midRequest = view.kind === 'loading' || view.kind === 'checking'
      || ((view.kind === 'ask' || view.kind === 'due') && view.busy);
    if (midRequest) this.#interrupted = true;
    // Nobody will see the answers; a payment request already sent is found again by its key.
    this.#abort?.abort();
    this.#run++;
    this.#paying = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated || changed.has('dossierCode') || changed.has('apiBase')) {
      if (this.hasUpdated && changed.has('dossierCode')) this.#typedApplicantId = undefined;
      this.#start();
      return;
    }
    // The page set the identity number while the widget was asking for it (or had failed without it).
    const waiting = (this.view.kind === 'ask' && !this.view.busy) || this.view.kind === 'lookup-error';
    if (changed.has('applicantId') && waiting && this.#pageApplicantId) this.#start();
  }

  /** Navigates to the gateway. A seam for tests and for hosts that navigate their own way. */
  protected navigate(url: string): void {
    window.location.assign(url);
  }

  // ---------- flows ----------

  #begin(): FlowRun {
    this.#abort?.abort();
    this.#poller.cancel();
    this.#paying = undefined;
    const abort = new AbortController();
    this.#abort = abort;
    return { run: ++this.#run, signal: abort.signal };
  }

  #isCurrent(run: number): boolean {
    return run === this.#run && this.isConnected;
  }

  /** Where to begin: back from the gateway, back after a reload mid-payment, or from the start. */
  #start(): void {
    const flow = this.#begin();
    if (!this.dossierCode) {
      this.#setView({ kind: 'idle' });
      return;
    }
    const ref = readReturnReference(location.href);
    if (ref) {
      // The payer is back from the gateway: the result is what this page is for now.
      this.#interacted = true;
      void this.#check(ref, 'return', flow);
      return;
    }
    const remembered = this.#session.read(this.dossierCode)?.paymentId;
    if (remembered) {
      void this.#resume(remembered, flow);
      return;
    }
    this.#lookupOrAsk(flow);
  }

  get #pageApplicantId(): string | undefined {
    const id = normaliseApplicantId(this.applicantId ?? '');
    return APPLICANT_ID_PATTERN.test(id) ? id : undefined;
  }

  get #applicantIdInEffect(): string | undefined {
    return this.#pageApplicantId ?? this.#typedApplicantId;
  }

  #lookupOrAsk(flow: FlowRun): void {
    const applicantId = this.#applicantIdInEffect;
    if (!applicantId) {
      this.#setView({ kind: 'ask', busy: false });
      return;
    }
    void this.#lookup(applicantId, flow);
  }

  async #lookup(applicantId: string, { run, signal }: FlowRun, options: { notice?: DueNotice | undefined; typed?: boolean } = {}): Promise<void> {
    const fromForm = options.typed === true;
    if (fromForm) this.view = { kind: 'ask', busy: true };
    else this.#setView({ kind: 'loading' });
    this.#announce(() => msg('Looking up what you need to pay…'));
    let dossier: Dossier;
    try {
      dossier = await this.#api.client.dossiers.lookup({ code: this.dossierCode, applicantId }, { signal });
    } catch (error) {
      if (!this.#isCurrent(run)) return;
      this.#announce(undefined);
      if (!fromForm) {
        this.#setView({ kind: 'lookup-error', error });
      } else if (error instanceof DvcApiError && error.code === 'dossier_not_found') {
        // Only the number can be wrong here (the page gave the code): say so next to it.
        this.view = { kind: 'ask', busy: false, problem: 'not-found' };
        this.#focus.focusAfterUpdate('.error-summary');
      } else {
        this.view = { kind: 'ask', busy: false, error };
      }
      return;
    }
    if (!this.#isCurrent(run)) return;
    if (fromForm) this.#typedApplicantId = applicantId;
    this.#showDossier(dossier, options.notice);
  }

  #showDossier(dossier: Dossier, notice?: DueNotice): void {
    const payment = dossier.payment;
    const code = this.dossierCode;
    if (!payment) {
      this.#setView({ kind: 'nothing-due', refunded: false });
      this.#announce(() => msg('Nothing to pay.'));
      return;
    }
    if (payment.state === 'paid') {
      this.#session.forget(code);
      this.#setView({ kind: 'already-paid', dossier, payment });
      this.#announce(() => msg('This dossier is already paid.'));
      return;
    }
    if (payment.state === 'refunded' || dossier.status !== 'payment-due' || payment.total <= 0 || payment.lines.length === 0) {
      this.#setView({ kind: 'nothing-due', refunded: payment.state === 'refunded' });
      this.#announce(() => msg('Nothing to pay.'));
      return;
    }
    const attempt = this.#session.read(code);
    // That attempt is over: the next one needs a new key.
    if ((payment.state === 'failed' || payment.state === 'cancelled') && attempt?.paymentId === payment.paymentId) {
      this.#session.forget(code);
    }
    const shown: DueNotice | undefined = notice ?? (
      payment.state === 'pending' ? { kind: 'pending' }
      : payment.state === 'failed' ? { kind: 'failed-before' }
      : payment.state === 'cancelled' ? { kind: 'cancelled-before' }
      : undefined);
    if (!payment.methods.some((m) => m.id === this.method)) {
      // The method of an unfinished attempt first, so continuing it re-uses its key.
      const remembered = this.#session.read(code)?.method;
      this.method = payment.methods.find((m) => m.id === remembered)?.id ?? payment.methods[0]?.id ?? '';
    }
    this.#setView({ kind: 'due', dossier, payment, busy: false, ...(shown ? { notice: shown } : {}) });
    this.#announce(() => shown?.kind === 'amount-changed'
      ? msg(str`The amount to pay has changed. It is now ${formatVnd(payment.total)}.`)
      : msg(str`To pay: ${formatVnd(payment.total)}.`));
  }

  /** After a reload: the payment this tab started may have been paid (a lost return) meanwhile. */
  async #resume(paymentId: string, flow: FlowRun): Promise<void> {
    this.#setView({ kind: 'loading' });
    try {
      const payment = await this.#api.client.payments.get(paymentId, { signal: flow.signal });
      if (!this.#isCurrent(flow.run)) return;
      if (payment.dossierCode === this.dossierCode && payment.state === 'paid') {
        this.#showOutcome(payment);
        return;
      }
    } catch {
      if (!this.#isCurrent(flow.run)) return;
      // The lookup below tells the state anyway.
    }
    this.#lookupOrAsk(flow);
  }

  #pay(): Promise<void> {
    if (this.#paying) return this.#paying;
    this.#interacted = true;
    const paying = this.#payNow().finally(() => {
      if (this.#paying === paying) this.#paying = undefined;
    });
    this.#paying = paying;
    return paying;
  }

  async #payNow(): Promise<void> {
    const view = this.view;
    if (view.kind !== 'due') return;
    const applicantId = this.#applicantIdInEffect;
    const code = this.dossierCode;
    if (!applicantId) {
      this.#setView({ kind: 'ask', busy: false });
      return;
    }
    const flow = this.#begin();
    const { run, signal } = flow;
    const total = view.payment.total;
    const method = view.payment.methods.length > 0 ? this.method || view.payment.methods[0]!.id : null;
    this.view = { ...view, busy: true, error: undefined };
    this.#announce(() => msg('Starting the payment…'));

    let attempt = this.#session.attemptFor(code, total, method);
    for (let tries = 0; ; tries++) {
      let payment: Payment;
      try {
        payment = await this.#api.client.payments.create({
          dossierCode: code,
          applicantId,
          returnUrl: this.#returnUrl(),
          expectedAmount: total,
          ...(method ? { method } : {}),
        }, { idempotencyKey: attempt.idempotencyKey, signal });
      } catch (error) {
        if (!this.#isCurrent(run)) return;
        if (error instanceof DvcApiError) {
          switch (error.code) {
            case 'payment_amount_changed':
              // The payer never pays an amount they did not see: show the new one, ask again.
              this.#session.forget(code);
              void this.#lookup(applicantId, flow, { notice: { kind: 'amount-changed', previousTotal: total } });
              return;
            case 'payment_already_paid':
            case 'payment_not_due':
              this.#session.forget(code);
              void this.#lookup(applicantId, flow);
              return;
            case 'idempotency_key_reused':
              // The key was used with other details (another return URL, say): a new attempt; the
              // API still finds an open payment of this dossier rather than making a second.
              if (tries === 0) {
                this.#session.forget(code);
                attempt = this.#session.attemptFor(code, total, method);
                continue;
              }
              break;
            default:
              break;
          }
        }
        // The connection or the server: "Try again" re-uses the same key, so a request that did
        // reach the server finds its payment instead of making another.
        this.view = { ...view, busy: false, error };
        this.#announce(undefined);
        return;
      }
      if (!this.#isCurrent(run)) return;
      if (payment.state === 'pending') {
        this.#toGateway(payment, view);
        return;
      }
      if (payment.state === 'paid') {
        this.#showOutcome(payment);
        return;
      }
      // The key's payment is finished (failed, cancelled): one new attempt, then show what happened.
      this.#session.forget(code);
      if (tries === 0) {
        attempt = this.#session.attemptFor(code, total, method);
        continue;
      }
      this.#showOutcome(payment);
      return;
    }
  }

  #toGateway(payment: Payment, due: Extract<PaymentState, { kind: 'due' }>): void {
    const url = safeHttpUrl(payment.redirectUrl);
    if (!url) {
      this.view = { ...due, busy: false, error: new Error('The payment has no gateway address.') };
      return;
    }
    this.#session.rememberPayment(this.dossierCode, payment.id);
    this.#openGateway(payment, url);
  }

  #openGateway(payment: Payment, url: string): void {
    const proceed = this.dispatchEvent(paymentEvent('dvc-payment-started', { paymentId: payment.id }, { cancelable: true }));
    if (!proceed) {
      this.#setView({ kind: 'started', payment, url });
      this.#announce(() => msg('Payment started. Complete it on the payment gateway.'));
      return;
    }
    this.#setView({ kind: 'redirecting', payment, url });
    this.#announce(() => msg('Taking you to the payment gateway…'));
    this.navigate(url);
  }

  /** Asks for a payment's result, polling while it is pending, and shows it. */
  async #check(paymentId: string, source: 'return' | 'manual', flow: FlowRun): Promise<void> {
    const { run, signal } = flow;
    this.#setView({ kind: 'checking', paymentId });
    this.#announce(() => msg('Checking your payment…'));
    let first: Payment;
    try {
      first = await this.#api.client.payments.get(paymentId, { signal });
    } catch (error) {
      if (!this.#isCurrent(run)) return;
      if (error instanceof DvcApiError && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429) {
        // Not a payment the API knows: the reference was only a hint.
        if (source === 'return') cleanAddressBar();
        this.#lookupOrAsk(flow);
        return;
      }
      this.#showUnknown(paymentId, error);
      return;
    }
    if (!this.#isCurrent(run)) return;
    if (first.dossierCode !== this.dossierCode) {
      // Another dossier's payment (another widget on this page may own it): leave its parameters.
      this.#lookupOrAsk(flow);
      return;
    }
    if (source === 'return') cleanAddressBar();
    const result = await this.#poller.poll(
      (pollSignal) => this.#api.client.payments.get(paymentId, { signal: pollSignal }),
      this.#schedule,
      first,
    );
    if (!result || !this.#isCurrent(run)) return;
    if (result.settled) this.#showOutcome(result.payment);
    else this.#showUnknown(paymentId, result.error);
  }

  get #schedule(): PollSchedule {
    const seconds = Number.isFinite(this.statusTimeout) && this.statusTimeout > 0 ? this.statusTimeout : DEFAULT_SCHEDULE.budgetMs / 1000;
    return { ...DEFAULT_SCHEDULE, budgetMs: seconds * 1000 };
  }

  #showUnknown(paymentId: string, error: unknown): void {
    this.#setView({ kind: 'unknown', paymentId, ...(error === undefined ? {} : { error }) });
    this.#announce(() => msg('The result of your payment is not known yet.'));
  }

  #showOutcome(payment: Payment): void {
    const code = this.dossierCode;
    switch (payment.state) {
      case 'paid':
        this.#session.forget(code);
        // The number has done its job.
        this.#typedApplicantId = undefined;
        this.#setView({ kind: 'paid', payment });
        this.#announce(() => msg('Payment successful. Your receipts are ready.'));
        this.dispatchEvent(paymentEvent('dvc-payment-succeeded', {
          paymentId: payment.id, receiptNumbers: payment.receipts.map((r) => r.number),
        }));
        return;
      case 'failed':
        this.#session.forget(code);
        this.#setView({ kind: 'failed', payment });
        this.#announce(() => `${msg('Payment failed.')} ${failureReason(payment.failureCode)}`);
        this.dispatchEvent(paymentEvent('dvc-payment-failed', { paymentId: payment.id, code: payment.failureCode || 'failed' }));
        return;
      case 'cancelled':
        this.#session.forget(code);
        this.#setView({ kind: 'cancelled', payment });
        this.#announce(() => msg('Payment cancelled.'));
        return;
      case 'refunded':
        this.#session.forget(code);
        this.#setView({ kind: 'nothing-due', refunded: true });
        this.#announce(() => msg('Nothing to pay.'));
        return;
      default:
        this.#showUnknown(payment.id, undefined);
    }
  }

  #returnUrl(): string {
    const own = this.returnUrl.trim();
    return own ? new URL(own, document.baseURI).href : withoutGatewayParams(location.href);
  }

  #viewPaymentId(): string | undefined {
    const view = this.view;
    if (view.kind === 'started') return view.payment.id;
    if (view.kind === 'unknown' || view.kind === 'checking') return view.paymentId;
    return undefined;
  }

  #setView(view: PaymentState): void {
    this.view = view;
    if (this.#interacted) this.#focus.focusAfterUpdate(`#${STATE_HEADING_ID}`);
  }

  #announce(text: (() => string) | undefined): void {
    this.announcement = text;
  }

  // ---------- event handlers ----------

  #onSubmitApplicantId(event: SubmitEvent): void {
    // First thing: a native submission would put the field in the page's URL.
    event.preventDefault();
    this.#submitApplicantId();
  }

  #submitApplicantId(): void {
    if (this.view.kind === 'ask' && this.view.busy) return;
    this.#interacted = true;
    const input = this.renderRoot.querySelector<HTMLInputElement>(`#${APPLICANT_ID_FIELD}`);
    const id = normaliseApplicantId(input?.value ?? '');
    const problem = checkApplicantId(id);
    if (problem) {
      this.#begin();
      this.view = { kind: 'ask', busy: false, problem };
      this.#focus.focusAfterUpdate('.error-summary');
      return;
    }
    void this.#lookup(id, this.#begin(), { typed: true });
  }

  #onSummaryLink(event: MouseEvent): void {
    // The fragment would not resolve inside a shadow root, and the URL must not change.
    event.preventDefault();
    this.renderRoot.querySelector(`label[for="${APPLICANT_ID_FIELD}"]`)?.scrollIntoView({ block: 'start' });
    this.renderRoot.querySelector<HTMLInputElement>(`#${APPLICANT_ID_FIELD}`)?.focus({ preventScroll: true });
  }

  #onPaySubmit(event: Event): void {
    event.preventDefault();
    void this.#pay();
  }

  #retryLookup(): void {
    this.#interacted = true;
    this.#lookupOrAsk(this.#begin());
  }

  #payAgain(): void {
    this.#interacted = true;
    // The finished attempt's key must not be re-used: the next payment is a new one.
    this.#session.forget(this.dossierCode);
    this.#lookupOrAsk(this.#begin());
  }

  #checkAgain(): void {
    void this.checkPayment();
  }

  #reopenGateway(): void {
    const view = this.view;
    if (view.kind === 'started') {
      this.#interacted = true;
      this.#openGateway(view.payment, view.url);
    }
  }

  // ---------- rendering ----------

  // The announcer and each state's section (views.ts) say the widget's language, which may differ
  // from the page's (a French page gets Vietnamese).
  protected override render(): TemplateResult {
    return html`
      <p class="visually-hidden" part="announcer" role="status" aria-live="polite" lang=${getLocale()}>${this.announcement?.() ?? ''}</p>
      ${this.#stateView()}
    `;
  }

  get #context(): ViewContext {
    return {
      headingLevel: topHeadingLevel(this.headingLevel, 1),
      dossierCode: this.dossierCode,
      receiptUrl: (paymentId) => new URL(`payments/${encodeURIComponent(paymentId)}/receipt`, this.#api.client.baseUrl).href,
    };
  }

  #stateView(): TemplateResult {
    const view = this.view;
    const context = this.#context;
    switch (view.kind) {
      case 'idle':
        return idleView();
      case 'ask':
        return askView(context, view, {
          onSubmit: (event) => this.#onSubmitApplicantId(event),
          onSummaryLink: (event) => this.#onSummaryLink(event),
          onRetry: () => this.#submitApplicantId(),
        });
      case 'loading':
        return loadingStateView(context);
      case 'lookup-error':
        return lookupErrorView(context, view.error, () => this.#retryLookup());
      case 'due':
        return dueView(context, view, {
          selectedMethod: this.method,
          onMethod: (id) => {
            this.method = id;
          },
          onPay: (event) => this.#onPaySubmit(event),
          onRetry: () => void this.#pay(),
        });
      case 'redirecting':
        return redirectingView(context, view.url);
      case 'started':
        return startedView(context, { onCheck: () => this.#checkAgain(), onOpen: () => this.#reopenGateway() });
      case 'checking':
        return checkingView(context);
      case 'unknown':
        return unknownView(context, view.error, () => this.#checkAgain());
      case 'paid':
        return paidView(context, view.payment);
      case 'already-paid':
        return alreadyPaidView(context, view.dossier, view.payment);
      case 'failed':
        return failedView(context, view.payment, () => this.#payAgain());
      case 'cancelled':
        return cancelledView(context, view.payment, () => this.#payAgain());
      case 'nothing-due':
        return nothingDueView(context, view.refunded);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dvc-payment': DvcPayment;
  }
  interface HTMLElementEventMap {
    'dvc-payment-started': CustomEvent<DvcPaymentStartedEventDetail>;
    'dvc-payment-succeeded': CustomEvent<DvcPaymentSucceededEventDetail>;
    'dvc-payment-failed': CustomEvent<DvcPaymentFailedEventDetail>;
  }
}
