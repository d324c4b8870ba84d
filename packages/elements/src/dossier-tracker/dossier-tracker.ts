import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { announcer } from '../shared/announcer.ts';
import { applicantIdField } from '../shared/applicant-id.ts';
import { forgetAccess, forgetDossierInTab, forgetLastDossier, isAccessRefused, lastDossier, noteLetGo, rememberAccess } from '../shared/dossier-access.ts';
import { DvcElement } from '../shared/dvc-element.ts';
import { forgetHandedOver, handOver, handOverTarget, type HandOverKind } from '../shared/hand-over.ts';
import { ERROR_SUMMARY, errorSummary, errorSummaryStyles, fieldError } from '../shared/error-summary.ts';
import { topHeadingLevel } from '../shared/heading.ts';
import { getLocale } from '../shared/locale.ts';
import { failureFocus, failureView, loadingView, needsScriptView, statusStyles } from '../shared/status-views.ts';
import { tokens } from '../shared/tokens.ts';
import { formStyles } from '../shared/form-styles.ts';
import type { DvcDossierFoundEventDetail, DvcPaymentRequestedEventDetail, DvcSurveyRequestedEventDetail } from './events.ts';
import { FocusController, keepFocusInView } from '../shared/focus-controller.ts';
import { ForgottenDossierController } from '../shared/forgotten-dossier.ts';
import { fieldErrorMessage, statusLabel } from './labels.ts';
import { DossierLookupController } from './lookup-controller.ts';
import { RESULT_HEADING_ID, resultView } from './result-view.ts';
import { dossierTrackerStyles } from './styles.ts';
import {
  APPLICANT_ID_PATTERN, normaliseApplicantId, normaliseCode, validateLookup,
  type FieldErrors, type LookupField,
} from './validation.ts';
import './translations.ts';

// Element ids inside the shadow root (error-summary links and aria-describedby point at them).
const FIELD_IDS: Record<LookupField, string> = { code: 'code', applicantId: 'applicant-id' };

/**
 * Tells citizens where their application (hồ sơ) is and whether it will be on time: they enter the
 * dossier code and their 12-digit personal identification number, and see the status, the dates,
 * the processing history, delays in working days with any apology, documents asked for, fees to
 * pay and, once decided, an invitation to evaluate the service.
 *
 * Privacy: the identity number is sent in the request body only. It is never put in an attribute,
 * the URL, storage, an event or the console; the field is emptied once the dossier is found, and
 * "Look up another" forgets everything the citizen typed.
 *
 * @tag dvc-dossier-tracker
 *
 * @fires {CustomEvent<DvcDossierFoundEventDetail>} dvc-dossier-found - A dossier was found: `{ code, status }`. Bubbles, composed. No personal data.
 * @fires {CustomEvent<DvcPaymentRequestedEventDetail>} dvc-payment-requested - The citizen chose "Pay" on a dossier awaiting payment: `{ dossierCode }`. Bubbles, composed. **Cancelable**: unless cancelled, the `<dvc-payment>` on the page shows the dossier (scrolled into view, focused, without asking for the identity number again), or the browser goes to `payment-url`.
 * @fires {CustomEvent<DvcSurveyRequestedEventDetail>} dvc-survey-requested - The citizen chose "Evaluate" on a decided dossier: `{ dossierCode }`. Bubbles, composed. **Cancelable**: unless cancelled, the `<dvc-satisfaction-survey>` on the page (or `survey-url`) takes the dossier.
 *
 * @slot not-found-help - Help shown with the "no dossier matches" message (the one-stop desk's phone number, say).
 *
 * @csspart announcer - The (visually hidden) live region announcing the lookup's progress.
 * @csspart error-summary - The list of problems above the form; it receives focus.
 * @csspart form - The lookup form.
 * @csspart field - A label, hint, error and input group.
 * @csspart label - A field's label.
 * @csspart hint - A field's hint.
 * @csspart field-error - The error message next to a field.
 * @csspart input - A text box.
 * @csspart submit-button - The "Look up" button.
 * @csspart outcome - The region holding the loading, "not found" and error views.
 * @csspart loading - The loading view.
 * @csspart spinner - The loading view's spinner.
 * @csspart error - A lookup that failed: not found, too many requests, no connection.
 * @csspart error-message - The failure's message.
 * @csspart retry-button - "Try again" after a connection or server problem.
 * @csspart result - The found dossier.
 * @csspart result-heading - The procedure's name heading the result; it receives focus.
 * @csspart status-badge - The status in words with its shape.
 * @csspart icon - A shape next to words (status, timeliness).
 * @csspart timeliness - On schedule, overdue, early, on time or late.
 * @csspart closed - What a dossier closed without a result (not accepted, stopped, withdrawn) means, and where to ask.
 * @csspart apology - The agency's apology with the new date.
 * @csspart supplement - The request for more documents.
 * @csspart documents - The list of documents asked for.
 * @csspart payment - Charges and fees.
 * @csspart fee-lines - The list of charges and fees with the total.
 * @csspart payment-state - Whether the fees are paid.
 * @csspart pay-button - The "Pay" button.
 * @csspart receipt-link - "View and print the receipt" of a paid dossier: the printable e-receipt page, in a new tab.
 * @csspart pay-in-person - Where to pay instead, when the service takes no payment online.
 * @csspart paid-before - What was paid before, when the agency has since asked for more.
 * @csspart overpaid - What was paid beyond what is now owed (a fee lowered after it was paid), for the desk to refund.
 * @csspart evaluation - The invitation to evaluate the service.
 * @csspart evaluate-button - The "Evaluate" button.
 * @csspart details - Code, unit and dates.
 * @csspart history - The processing history, oldest first.
 * @csspart history-item - One step of the history.
 * @csspart actions - The buttons under the result.
 * @csspart another-button - "Look up another dossier".
 * @csspart load-failure - Said in place of the first view when the widget's script cannot be loaded (dvc-loader.js).
 *
 * @cssprop --dvc-color-primary - Buttons and links (see the shared tokens for all `--dvc-*`).
 * @cssprop --dvc-focus-ring - The focus outline, e.g. `3px solid #0a4f9c`.
 * @cssprop --dvc-color-danger - Errors, and overdue or late dossiers.
 * @cssprop --dvc-color-success - Finished dossiers and timeliness that went well.
 * @cssprop --dvc-color-warning - Statuses that need the citizen to act.
 */
export class DvcDossierTracker extends DvcElement {
  static override styles = [tokens, statusStyles, formStyles, errorSummaryStyles, dossierTrackerStyles];

  /** The dossier code; the `code` attribute prefills the field. Not reflected while the citizen types. */
  @property() accessor code = '';

  /**
   * The signed-in citizen's 12-digit personal identification number, for pages that know it: the
   * form then asks for the code only. A property only, never an attribute (it is personal data).
   * It belongs to the page: "Look up another" leaves it as the page set it.
   */
  @property({ attribute: false }) accessor applicantId: string | undefined = undefined;

  /**
   * The level of the top headings, the result's and the error summary's (2–5; the result's
   * sub-headings one lower), to fit the page's outline.
   */
  @property({ attribute: 'heading-level', type: Number }) accessor headingLevel = 2;

  /**
   * The portal's payment page, for pages without a `<dvc-payment>`: "Pay" goes there with
   * `?dossier=<code>`, and the `<dvc-payment>` there pays without asking for the identity number
   * again. Default: `window.dvcKit.paymentUrl`. With neither, and no payment widget on the page,
   * "Pay" is not shown.
   */
  @property({ attribute: 'payment-url' }) accessor paymentUrl = '';

  /** The portal's evaluation page, as `payment-url` is for paying (default `window.dvcKit.surveyUrl`). */
  @property({ attribute: 'survey-url' }) accessor surveyUrl = '';

  /** The form's problems, shown next to the fields and in the error summary. */
  @state() private accessor fieldErrors: FieldErrors = {};

  readonly #lookup = new DossierLookupController(this, () => this.api.client());
  readonly #focus = new FocusController(this);

  constructor() {
    super();
    // Brought back from the back-forward cache after "Look up another" on a later page: cleared.
    new ForgottenDossierController(this, () => this.#lookup.dossier?.code, (dossierCode) => this.#letGoShown(dossierCode));
  }
  // Counts submissions and resets, so a superseded lookup neither fires events nor moves focus.
  #runs = 0;
  /** Whether the last lookup was the dossier shown again from this tab's token ("Try again" repeats that). */
  #retryResumes = false;
  /**
   * The dossier shown again on the tracker's own (back on the page, a reload) is not announced: the
   * citizen asked for nothing, and the page may be saying something else (a payment's outcome).
   */
  #quiet = false;
  /**
   * The lookup on its way, if any: "Look up" pressed again, nothing typed meanwhile, joins it. The
   * number is not kept here: a keystroke in the form (or a new number from the page) forgets it.
   */
  #inFlight: { code: string; done: Promise<void> } | undefined;

  /** The page's identity number when it is a valid one; the form asks the citizen otherwise. */
  get #pageApplicantId(): string | undefined {
    const id = normaliseApplicantId(this.applicantId ?? '');
    return APPLICANT_ID_PATTERN.test(id) ? id : undefined;
  }

  get #applicantInput(): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>(`#${FIELD_IDS.applicantId}`);
  }

  /**
   * Checks the form and looks the dossier up, as the "Look up" button does. Problems go to the
   * error summary (focused); a found dossier replaces the form and its heading takes focus.
   */
  async lookup(): Promise<void> {
    const code = normaliseCode(this.code);
    this.code = code;
    const pageId = this.#pageApplicantId;
    const input = this.#applicantInput;
    const typedId = pageId === undefined ? normaliseApplicantId(input?.value ?? '') : undefined;
    const applicantId = pageId ?? typedId ?? '';
    // "Look up" pressed again while the same lookup is on its way (a slow network, an impatient
    // citizen) joins it: each request counts against the lookups a citizen may make a minute.
    const running = this.#inFlight;
    if (running?.code === code) return running.done;
    const run = ++this.#runs;
    this.#retryResumes = false;
    this.#quiet = false;

    const errors = validateLookup(code, typedId);
    this.fieldErrors = errors;
    if (Object.keys(errors).length > 0) {
      // The summary is now the one problem on screen: drop an older "not found" below the form.
      this.#lookup.reset();
      this.#focus.focusAfterUpdate(ERROR_SUMMARY);
      return;
    }
    // An error summary put right goes from above the form: the field pressed Enter in stays in
    // view, not carried off the top of a phone's screen (at 200% text the summary is a screenful).
    void keepFocusInView(this);

    const done = this.#runLookup(run, code, applicantId, input);
    this.#inFlight = { code, done };
    try {
      await done;
    } finally {
      if (this.#inFlight?.done === done) this.#inFlight = undefined;
    }
  }

  async #runLookup(run: number, code: string, applicantId: string, input: HTMLInputElement | null): Promise<void> {
    await this.#lookup.lookup(code, applicantId);
    const dossier = this.#lookup.dossier;
    if (run !== this.#runs || !dossier) return;
    // The number has done its job: empty the field before the form leaves the page. The token the
    // lookup gave lets the payment and the survey act for this dossier without it.
    if (input) input.value = '';
    if (dossier.access) rememberAccess(dossier.code, dossier.access);
    this.emit('dvc-dossier-found', { code: dossier.code, status: dossier.status });
    this.#focus.focusAfterUpdate(`#${RESULT_HEADING_ID}`);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pageshow', this.#onPageShow);
    document.addEventListener('dvc-survey-submitted', this.#onEvaluated);
    document.addEventListener('dvc-payment-succeeded', this.#onPaid);
    if (!this.code) this.code = this.#typedBeforeScript();
    if (!this.hasUpdated && !this.code) void this.#resumeLast();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pageshow', this.#onPageShow);
    document.removeEventListener('dvc-survey-submitted', this.#onEvaluated);
    document.removeEventListener('dvc-payment-succeeded', this.#onPaid);
  }

  /** The evaluation beside the tracker was sent: the dossier is read again, and no longer offers "Evaluate". */
  readonly #onEvaluated = (event: Event): void => {
    if ((event as HTMLElementEventMap['dvc-survey-submitted']).detail.dossierCode === this.#lookup.dossier?.code) this.#refresh();
  };

  /**
   * A payment beside the tracker succeeded: the dossier shown is read again (no longer waiting for
   * payment). Should the tracker still show the failure of showing it again (the API was away when
   * the citizen came back, and is answering now, as the payment's success says), it tries again.
   */
  readonly #onPaid = (): void => {
    if (this.#lookup.dossier) this.#refresh();
    else if (this.#lookup.status === 'error' && this.#retryResumes) void this.#resumeLast();
  };

  /** The dossier shown, read again quietly with the tab's proof (see DossierLookupController.refresh). */
  #refresh(): void {
    const shown = this.#lookup.dossier?.code;
    const last = lastDossier();
    if (shown && last?.dossierCode === shown) void this.#lookup.refresh(last.access.token);
  }

  /**
   * Back with the browser's Back button (from the payment gateway, say), the page comes out of the
   * back-forward cache as it was left: "Not paid yet" beside a payment the citizen has since
   * started or made. The dossier shown is read again, with the tab's proof.
   */
  readonly #onPageShow = (event: PageTransitionEvent): void => {
    if (event.persisted) this.#refresh();
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('applicantId')) this.#inFlight = undefined;
    // Typed since the widget connected: the render that hydrates the form must not undo it.
    const typed = this.#typedBeforeScript();
    if (typed) this.code = typed;
  }

  /** The code the citizen typed into the prerendered form before the script came: kept. */
  #typedBeforeScript(): string {
    if (this.hasUpdated || !this.asPrerendered) return '';
    return this.shadowRoot?.querySelector<HTMLInputElement>(`input#${FIELD_IDS.code}`)?.value ?? '';
  }

  /**
   * Back on a page of the portal (from the payment gateway, say) in the same tab, within the
   * token's time: the dossier looked up last is shown again without asking for anything. A token
   * the API no longer takes is forgotten, and the form is shown. When the API cannot be reached,
   * the failure says so and "Try again" asks again with the token, which is kept.
   */
  async #resumeLast(askedFor = false): Promise<void> {
    const last = lastDossier();
    if (!last) return;
    const run = ++this.#runs;
    this.#retryResumes = true;
    // Said when the citizen asked ("Try again"), not when the page shows it again on its own.
    this.#quiet = !askedFor;
    await this.#lookup.resume(last.dossierCode, last.access.token);
    if (run !== this.#runs) return;
    if (this.#lookup.status !== 'error') return;
    if (isAccessRefused(this.#lookup.error) || this.#lookup.notFound) {
      forgetAccess(last.dossierCode);
      forgetLastDossier();
      this.#lookup.reset();
      return;
    }
    // The form under the failure holds the code, should the proof run out before "Try again".
    this.code = last.dossierCode;
  }

  /** Clears the form, the result and the typed identity number, and focuses the code field. */
  reset(): void {
    const shown = this.#lookup.dossier?.code;
    if (shown) {
      // The next person at this computer starts from nothing: the payment and the survey beside
      // the tracker let the dossier go, and the tab its proof and payment; so do the pages kept open before.
      forgetHandedOver(shown);
      forgetDossierInTab(shown);
      noteLetGo();
    }
    forgetLastDossier();
    this.#clear();
    this.#focus.focusAfterUpdate(`#${FIELD_IDS.code}`);
  }

  /**
   * A page brought back from the back-forward cache showing a dossier the tab has let go of since:
   * the tracker lets it go too, quietly. Not a "Look up another" of its own: the proof the next
   * citizen has given since, and the tab's last dossier (theirs), stay.
   */
  #letGoShown(dossierCode: string): void {
    forgetHandedOver(dossierCode);
    forgetLastDossier(dossierCode);
    this.#clear();
  }

  /** The form and the result as the tracker starts: nothing typed, nothing shown, nothing on its way. */
  #clear(): void {
    this.#runs++;
    this.#retryResumes = false;
    this.#inFlight = undefined;
    this.#lookup.reset();
    this.fieldErrors = {};
    this.code = '';
    const input = this.#applicantInput;
    if (input) input.value = '';
  }

  /** Anything typed: the next "Look up" is a new lookup, not the one on its way. */
  #onFormInput(): void {
    this.#inFlight = undefined;
  }

  #onSubmit(event: SubmitEvent): void {
    // First thing: a native submission would put the fields in the page's URL.
    event.preventDefault();
    void this.lookup();
  }

  #onCodeInput(event: InputEvent): void {
    this.code = (event.target as HTMLInputElement).value;
  }

  /**
   * "Pay" or "Evaluate": the page hears it first and may route its own way (`preventDefault()`);
   * otherwise the dossier goes to the widget or page that does it (shared/hand-over.ts).
   */
  #request(kind: HandOverKind): void {
    const dossier = this.#lookup.dossier;
    const target = handOverTarget(kind, kind === 'payment' ? this.paymentUrl : this.surveyUrl);
    if (!dossier || !target) return;
    const proceed = kind === 'payment'
      ? this.emit('dvc-payment-requested', { dossierCode: dossier.code }, { cancelable: true })
      : this.emit('dvc-survey-requested', { dossierCode: dossier.code }, { cancelable: true });
    if (proceed) void handOver(target, dossier.code);
  }

  /**
   * The action, when there is somewhere to go: a widget on the page or a page named for it. A portal
   * that routes its own way names its page and cancels the event.
   */
  #action(kind: HandOverKind): (() => void) | undefined {
    return handOverTarget(kind, kind === 'payment' ? this.paymentUrl : this.surveyUrl) ? () => this.#request(kind) : undefined;
  }

  // Each top-level element says the widget's language, which may differ from the page's (a French
  // page gets Vietnamese); the result marks the dossier's own text lang="vi" (result-view.ts).
  // Prerendered, it is the first view: the empty form, nothing looked up (a dossier resumed from
  // the tab, an identity number the page gave, come with the render after).
  protected override render(): TemplateResult {
    const prerendered = this.asPrerendered;
    const dossier = prerendered ? undefined : this.#lookup.dossier;
    return html`
      ${prerendered ? announcer('') : announcer(...this.#announcement())}
      ${prerendered ? needsScriptView(msg('To look up a dossier, turn on JavaScript in your browser.')) : nothing}
      ${dossier
        ? resultView(dossier, {
            onPay: this.#action('payment'),
            onEvaluate: this.#action('survey'),
            onAnother: () => this.reset(),
            receiptUrl: (paymentId) => this.api.receiptUrl(paymentId),
          }, this.#headingLevel)
        : this.#formView(prerendered)}
    `;
  }

  /** `heading-level` kept to 2–5 (2 when it is not a number), so the one level of sub-headings fits. */
  get #headingLevel(): number {
    return topHeadingLevel(this.headingLevel, 1);
  }

  /**
   * What the live region says: progress and success (failures speak through role="alert"), with
   * what it is about in no language, so a switch of language does not say it again.
   */
  #announcement(): [text: string, news: string] {
    const { status, dossier } = this.#lookup;
    if (this.#quiet) return ['', ''];
    if (status === 'loading') return [msg('Looking up your dossier…'), 'loading'];
    if (dossier) return [msg(str`Dossier found. Status: ${statusLabel(dossier.status)}`), `found ${dossier.code} ${dossier.status}`];
    return ['', ''];
  }

  #formView(prerendered: boolean): TemplateResult {
    const errors: FieldErrors = prerendered ? {} : this.fieldErrors;
    const askApplicantId = prerendered || this.#pageApplicantId === undefined;
    const busy = !prerendered && this.#lookup.status === 'loading';
    // method="dialog" outside a dialog sends nothing: Enter in prerendered markup before any script
    // has come leaves the page and what was typed as they are (a plain form would reload the page).
    return html`
      ${errors.code || errors.applicantId ? this.#errorSummary(errors) : nothing}
      <form part="form" method="dialog" novalidate aria-label=${msg('Look up a dossier')} lang=${getLocale()} @submit=${this.#onSubmit}
        @input=${this.#onFormInput}>
        <div class="field ${errors.code ? 'has-error' : ''}" part="field">
          <label for=${FIELD_IDS.code} part="label">${msg('Dossier code')}</label>
          <p id="code-hint" class="hint" part="hint">
            ${msg('For example, 000.00.15.H26-250714-0042. It is printed on the receipt the agency gave you.')}
          </p>
          ${errors.code ? fieldError('code-error', fieldErrorMessage('code', errors.code)) : nothing}
          <input
            id=${FIELD_IDS.code}
            part="input"
            class="input-code"
            type="text"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck="false"
            aria-describedby=${errors.code ? 'code-hint code-error' : 'code-hint'}
            aria-invalid=${errors.code ? 'true' : 'false'}
            .value=${live(this.code)}
            @input=${this.#onCodeInput}
          />
        </div>
        ${askApplicantId ? applicantIdField(FIELD_IDS.applicantId, errors.applicantId) : nothing}
        <button type="submit" part="submit-button">${msg('Look up')}</button>
      </form>
      <div class="outcome" part="outcome" aria-busy=${busy ? 'true' : 'false'} lang=${getLocale()}>${prerendered ? nothing : this.#outcome()}</div>
    `;
  }

  /** One link per problem, in the order of the fields. */
  #errorSummary(errors: FieldErrors): TemplateResult {
    const fields = (Object.keys(FIELD_IDS) as LookupField[]).filter((field) => errors[field]);
    return errorSummary(fields.map((field) => ({ field: FIELD_IDS[field], message: fieldErrorMessage(field, errors[field]!) })), this.#headingLevel);
  }

  /**
   * "Try again": shows the tab's dossier again while its proof lasts, else submits the form again
   * (what was typed is still in it). The button goes while the lookup runs: focus waits on
   * "Loading…", then goes to the dossier, the failure's "Try again", or the form should the proof
   * have run out.
   */
  #retry(): void {
    this.#focus.focusWhileLoading(() => (this.#retryResumes && lastDossier() ? this.#resumeLast(true) : this.lookup()),
      (root) => root.querySelector<HTMLElement>(`#${RESULT_HEADING_ID}`) ?? failureFocus(root) ?? root.querySelector<HTMLElement>(`input#${FIELD_IDS.code}`),
      '[part="loading"]');
  }

  #outcome(): TemplateResult | typeof nothing {
    const { status, notFound, error } = this.#lookup;
    if (status === 'loading') return loadingView();
    if (status !== 'error') return nothing;
    return notFound
      ? failureView(error, { help: html`<slot name="not-found-help"></slot>` })
      : failureView(error, { onRetry: () => this.#retry(), announce: !this.#quiet });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dvc-dossier-tracker': DvcDossierTracker;
  }
  interface HTMLElementEventMap {
    'dvc-dossier-found': CustomEvent<DvcDossierFoundEventDetail>;
    'dvc-payment-requested': CustomEvent<DvcPaymentRequestedEventDetail>;
    'dvc-survey-requested': CustomEvent<DvcSurveyRequestedEventDetail>;
  }
}
