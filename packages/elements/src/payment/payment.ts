import { html, isServer, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { announcer } from '../shared/announcer.ts';
import { DvcElement } from '../shared/dvc-element.ts';
import { ERROR_SUMMARY, errorSummaryStyles } from '../shared/error-summary.ts';
import { FocusController, keepFocusInView } from '../shared/focus-controller.ts';
import { ForgottenDossierController } from '../shared/forgotten-dossier.ts';
import { formStyles, radioStyles } from '../shared/form-styles.ts';
import { conceal, dossierFromAddress, noteHandedOver, reveal, showAgainAfterReload } from '../shared/hand-over.ts';
import { topHeadingLevel } from '../shared/heading.ts';
import { statusStyles } from '../shared/status-views.ts';
import { tokens } from '../shared/tokens.ts';
import type { DvcPaymentFailedEventDetail, DvcPaymentStartedEventDetail, DvcPaymentSucceededEventDetail } from './events.ts';
import { PaymentFlow } from './payment-flow.ts';
import { DEFAULT_SCHEDULE } from './payment-poller.ts';
import { paymentStyles } from './styles.ts';
import {
  APPLICANT_ID_FIELD, STATE_HEADING_ID, alreadyPaidView, askView, cancelledView, checkingView, dueView, failedView,
  idleView, loadingStateView, prerenderedStateView, lookupErrorView, nothingDueView, paidView, redirectingView, startedView, unknownView,
  type ViewContext,
} from './views.ts';

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
 * @csspart pay-in-person - Where to pay instead, in place of the pay form, when the service takes no payment online.
 * @csspart paid-before - What was paid before, when the agency has since asked for more.
 * @csspart overpaid - What was paid beyond what is now owed (a fee lowered after it was paid), for the desk to refund.
 * @csspart methods - The payment method fieldset.
 * @csspart method - One method (label with its radio button).
 * @csspart pay-button - "Pay 210.000 đồng".
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
 * @csspart load-failure - Said in place of the first view when the widget's script cannot be loaded (dvc-loader.js).
 *
 * @cssprop --dvc-color-primary - Buttons and links (see the shared tokens for all `--dvc-*`).
 * @cssprop --dvc-focus-ring - The focus outline, e.g. `3px solid #0a4f9c`.
 * @cssprop --dvc-color-danger - Errors and refused payments.
 * @cssprop --dvc-color-success - A successful payment.
 * @cssprop --dvc-color-warning - The "amount changed" note.
 */
export class DvcPayment extends DvcElement {
  static override styles = [tokens, statusStyles, formStyles, radioStyles, errorSummaryStyles, paymentStyles];

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

  readonly #focus = new FocusController(this);
  readonly #flow = new PaymentFlow(this, {
    client: () => this.api.client(),
    navigate: (url) => this.navigate(url),
    emit: (type, detail, options) => this.emit(type, detail, options),
    focus: (target) => this.#focus.focusAfterUpdate(target === 'heading' ? `#${STATE_HEADING_ID}` : ERROR_SUMMARY),
    reveal: () => reveal(this),
    adoptDossier: (dossierCode) => {
      this.dossierCode = dossierCode;
    },
  });

  constructor() {
    super();
    // Brought back from the back-forward cache after the tracker was cleared on a later page: let go.
    new ForgottenDossierController(this, () => (this.#flow.showsDossier ? this.dossierCode || undefined : undefined), (dossierCode) => this.forgetDossier(dossierCode));
  }

  /**
   * Shows a dossier handed over by the tracker (or by the page): brings the widget into view, asks
   * for nothing the tracker already proved, and moves focus to what is due.
   */
  async showDossier(dossierCode: string): Promise<void> {
    reveal(this);
    noteHandedOver('payment', dossierCode, true);
    this.#flow.handedOver();
    if (this.dossierCode === dossierCode) this.#flow.start();
    else this.dossierCode = dossierCode;
    await this.updateComplete;
  }

  /**
   * Stops showing `dossierCode` (the tracker was cleared for the next person): back to waiting for
   * a dossier, and the section the tracker's "Pay" revealed is hidden again.
   */
  forgetDossier(dossierCode: string): void {
    if (this.dossierCode !== dossierCode) return;
    this.dossierCode = '';
    noteHandedOver('payment', dossierCode, false);
    conceal(this);
  }

  /**
   * Asks the API for the result of a payment and shows it: by default the payment this tab started
   * for the dossier. For pages that opened the gateway themselves (see `dvc-payment-started`).
   */
  checkPayment(paymentId?: string): Promise<void> {
    return this.#flow.checkPayment(paymentId);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // No dossier-code: the one a portal's page was opened with (?dossier=…); back from the gateway,
    // the one this tab was paying for; or, the page loaded again, the one the tracker handed over
    // before, shown where it was.
    if (!isServer && !this.hasUpdated && !this.dossierCode) {
      this.dossierCode = dossierFromAddress() ?? this.#flow.returningDossier() ?? showAgainAfterReload(this, 'payment') ?? '';
    }
    if (this.hasUpdated && changed.has('dossierCode')) this.#flow.dossierChanged();
    else if (!this.hasUpdated || changed.has('apiBase')) this.#flow.start();
    else if (changed.has('applicantId')) this.#flow.applicantIdChanged();
  }

  /** Pays; a failure said above the pay button, which keeps focus, leaves the button in view. */
  async #pay(): Promise<void> {
    await this.#flow.pay();
    if (this.#flow.view.kind === 'due' && this.#flow.view.error !== undefined) await keepFocusInView(this);
  }

  /** Navigates to the gateway. A seam for tests and for hosts that navigate their own way. */
  protected navigate(url: string): void {
    window.location.assign(url);
  }

  // The announcer and each state's section (views.ts) say the widget's language, which may differ
  // from the page's (a French page gets Vietnamese).
  // Prerendered, it is the first view of a payment page: what is due, loading (at the heading level
  // the build knows; the dossier, the page's level and a return from the gateway come with the
  // render after).
  protected override render(): TemplateResult {
    const prerendered = this.asPrerendered;
    return html`${announcer(prerendered ? '' : this.#flow.announcement?.() ?? '', this.#flow.announcement)}${prerendered
      ? prerenderedStateView({ ...this.#context, headingLevel: 2 })
      : this.#stateView()}`;
  }

  get #context(): ViewContext {
    return {
      headingLevel: topHeadingLevel(this.headingLevel, 1),
      dossierCode: this.dossierCode,
      receiptUrl: (paymentId) => this.api.receiptUrl(paymentId),
    };
  }

  #typedApplicantId(): string {
    return this.renderRoot.querySelector<HTMLInputElement>(`#${APPLICANT_ID_FIELD}`)?.value ?? '';
  }

  #stateView(): TemplateResult {
    const flow = this.#flow;
    const view = flow.view;
    const context = this.#context;
    switch (view.kind) {
      case 'idle':
        return idleView(context);
      case 'ask':
        return askView(context, view, {
          onSubmit: (event) => {
            // First thing: a native submission would put the field in the page's URL.
            event.preventDefault();
            flow.submitApplicantId(this.#typedApplicantId());
          },
          onRetry: () => {
            // "Try again" goes while the lookup runs: focus waits on the button that stays.
            this.#focus.focusAfterUpdate('[part="continue-button"]');
            flow.submitApplicantId(this.#typedApplicantId());
          },
        });
      case 'loading':
        return loadingStateView(context);
      case 'lookup-error':
        return lookupErrorView(context, view.error, () => flow.retryLookup());
      case 'due':
        return dueView(context, view, {
          selectedMethod: flow.method,
          onMethod: (id) => flow.chooseMethod(id),
          onPay: (event) => {
            event.preventDefault();
            void this.#pay();
          },
          onRetry: () => {
            // As above: "Try again" goes while the payment starts; the pay button stays, and says so.
            this.#focus.focusAfterUpdate('[part="pay-button"]');
            void this.#pay();
          },
        });
      case 'redirecting':
        return redirectingView(context, view.url);
      case 'started':
        return startedView(context, { onCheck: () => void flow.checkPayment(), onOpen: () => flow.reopenGateway() });
      case 'checking':
        return checkingView(context);
      case 'unknown':
        return unknownView(context, view.error, () => void flow.checkPayment());
      case 'paid':
        return paidView(context, view.payment);
      case 'already-paid':
        return alreadyPaidView(context, view.dossier, view.payment);
      case 'failed':
        return failedView(context, view.payment, () => flow.payAgain());
      case 'cancelled':
        return cancelledView(context, view.payment, () => flow.payAgain());
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
