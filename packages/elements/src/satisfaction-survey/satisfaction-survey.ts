import { html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { property } from 'lit/decorators.js';
import { DvcElement } from '../shared/dvc-element.ts';
import { ERROR_SUMMARY, errorSummaryStyles } from '../shared/error-summary.ts';
import { FocusController, keepFocusInView } from '../shared/focus-controller.ts';
import { ForgottenDossierController } from '../shared/forgotten-dossier.ts';
import { formStyles, radioStyles } from '../shared/form-styles.ts';
import { usableApplicantId } from '../shared/applicant-id.ts';
import { conceal, dossierFromAddress, noteHandedOver, reveal, showAgainAfterReload } from '../shared/hand-over.ts';
import { topHeadingLevel } from '../shared/heading.ts';
import { getLocale } from '../shared/locale.ts';
import { failureFocus, failureView, loadingView, needsScriptView, statusStyles } from '../shared/status-views.ts';
import './translations.ts';
import { tokens } from '../shared/tokens.ts';
import type { DvcSurveySubmittedEventDetail } from './events.ts';
import { satisfactionSurveyStyles } from './styles.ts';
import { SurveyFlow, type SurveyMode } from './survey-flow.ts';
import { APPLICANT_ID_FIELD, HONEYPOT_FIELD } from './field-names.ts';
import { later } from '../shared/later.ts';

export type { DvcSurveySubmittedEventDetail, SurveyMode };
export { limitMessage, remainingMessage } from './count-messages.ts';

/** The form and what follows it (thanks, already evaluated…): loaded beside the form's request. */
const surveyViews = later(() => import('./views.ts'));

/**
 * The citizen's satisfaction evaluation of a finished dossier (đánh giá mức độ hài lòng, as the
 * one-stop regulation defines it), or quick "Was this information useful?" feedback on a page.
 *
 * The questions come from the API (`getSurveyForm`) in Vietnamese and English, so a department can
 * change them without a new widget version. Answers are kept as a draft in sessionStorage until
 * they are stored, so a failed submit or a reload loses nothing.
 *
 * A dossier evaluation needs `dossier-code` and the applicant's 12-digit identity number: a page
 * where the citizen is signed in sets the `applicantId` property (never an attribute); otherwise the
 * form asks for it. The widget never stores it.
 *
 * @tag dvc-satisfaction-survey
 *
 * @fires {CustomEvent<DvcSurveySubmittedEventDetail>} dvc-survey-submitted - The answers were stored: `{ responseId, dossierCode?, procedureCode? }`. Bubbles, composed. Carries no answers and no personal data.
 *
 * @slot thanks - Shown under the thank-you message (a link back to the portal's home, say).
 *
 * @csspart survey - The region holding the form or a status view.
 * @csspart form - The form.
 * @csspart title - The form's title (dossier mode).
 * @csspart description - The form's description.
 * @csspart required-note - "Questions marked * are required."
 * @csspart error-summary - The list of problems shown, and focused, when sending is refused.
 * @csspart error-summary-title - Its heading.
 * @csspart error-link - A link from the summary to a question.
 * @csspart question - One question (a fieldset for ratings, a block for text).
 * @csspart legend - A rating question's legend.
 * @csspart label - A text question's label.
 * @csspart hint - A question's hint.
 * @csspart field-error - The error shown next to a question.
 * @csspart options - The answers of a rating question.
 * @csspart option - One answer (label and radio button).
 * @csspart textarea - A text answer's box.
 * @csspart count - The visible "N characters left".
 * @csspart submit-button - The send button.
 * @csspart thanks - The thank-you message (receives focus).
 * @csspart already-evaluated - "You have already evaluated this dossier" (receives focus).
 * @csspart not-available - "You can evaluate this dossier once it is finished" (receives focus).
 * @csspart closed - The dossier was closed without a result: nothing to evaluate (receives focus).
 * @csspart loading - The loading view.
 * @csspart error - An error view (loading the form, or sending).
 * @csspart error-message - Its text.
 * @csspart retry-button - Its "Try again" button.
 * @csspart dossier - The dossier code and procedure name of a dossier's evaluation.
 * @csspart load-failure - Said in place of the first view when the widget's script cannot be loaded (dvc-loader.js).
 *
 * @cssprop --dvc-color-primary - Buttons and selected answers (see the shared tokens for all `--dvc-*`).
 * @cssprop --dvc-focus-ring - The focus outline, e.g. `3px solid #0a4f9c`.
 * @cssprop --dvc-color-danger - Errors and the error summary.
 * @cssprop --dvc-color-success - The thank-you message's accent.
 */
export class DvcSatisfactionSurvey extends DvcElement {
  static override styles = [tokens, statusStyles, formStyles, radioStyles, errorSummaryStyles, satisfactionSurveyStyles];

  /** The dossier to evaluate (mã hồ sơ), e.g. `000.00.15.H26-250714-0042`. */
  @property({ attribute: 'dossier-code', reflect: true }) accessor dossierCode: string | undefined = undefined;

  /** The procedure a page's feedback is about, e.g. `1.001193`; without it, the page URL is used. */
  @property({ attribute: 'procedure-code', reflect: true }) accessor procedureCode: string | undefined = undefined;

  /** `dossier` (the default when `dossier-code` is set) or `page` (quick feedback). */
  @property({ reflect: true }) accessor mode: SurveyMode | undefined = undefined;

  /**
   * The level of the form's title and the thank-you heading (2–5; the error summary's one lower),
   * to fit the page's outline: 3 under a section's h2.
   */
  @property({ attribute: 'heading-level', type: Number }) accessor headingLevel = 2;

  /**
   * The applicant's 12-digit identity number, needed to send a dossier evaluation. Property only:
   * an attribute would put personal data in the page's markup.
   */
  @property({ attribute: false }) accessor applicantId: string | undefined = undefined;

  readonly #focus = new FocusController(this);
  readonly #flow = new SurveyFlow(this, {
    client: () => this.api.client(),
    views: () => surveyViews.load(),
    emit: (type, detail) => this.emit(type, detail),
    focus: (part) => this.#focus.focusAfterUpdate(part === 'error-summary' ? ERROR_SUMMARY
      : part === 'failure' ? failureFocus
        // Page feedback has no title: its first question's first answer, read with its question.
        : part === 'title' ? (root) => root.querySelector<HTMLElement>('[part="title"]') ?? root.querySelector<HTMLElement>('[part="form"] :is(input, textarea)')
          : `[part="${part}"]`),
    clearApplicantId: () => {
      const input = this.#input(APPLICANT_ID_FIELD);
      if (input) input.value = '';
    },
  });

  constructor() {
    super();
    // Brought back from the back-forward cache after the tracker was cleared on a later page: let go.
    new ForgottenDossierController(this, () => this.#flow.provedDossier, (dossierCode) => this.forgetDossier(dossierCode));
  }

  /**
   * Shows the evaluation of a dossier handed over by the tracker (or by the page): brings the widget
   * into view and moves focus to the form once it is there.
   */
  async showDossier(dossierCode: string): Promise<void> {
    reveal(this);
    noteHandedOver('survey', dossierCode, true);
    this.#flow.handedOver();
    if (this.dossierCode === dossierCode) this.#flow.load();
    else this.dossierCode = dossierCode;
    await this.updateComplete;
  }

  /**
   * Stops showing `dossierCode` (the tracker was cleared for the next person): the widget is as the
   * page had it before the dossier was handed over, and the section the tracker's "Evaluate"
   * revealed is hidden again. The answers stay in the tab's draft for that dossier, which only its
   * applicant can send.
   */
  forgetDossier(dossierCode: string): void {
    if (this.dossierCode !== dossierCode) return;
    this.dossierCode = undefined;
    noteHandedOver('survey', dossierCode, false);
    conceal(this);
  }

  /** The mode in effect: the attribute, else `dossier` when a dossier code is set. */
  get effectiveMode(): SurveyMode {
    if (this.mode === 'dossier' || this.mode === 'page') return this.mode;
    return this.dossierCode?.trim() ? 'dossier' : 'page';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Prerendering at build time: no page, no form to load (the view is the loading one).
    if (isServer) return;
    // No dossier-code on a dossier evaluation: the one a portal's page was opened with (?dossier=…),
    // or, the page loaded again, the one the tracker handed over before, shown where it was.
    if (!this.hasUpdated && !this.dossierCode && this.mode !== 'page') this.dossierCode = dossierFromAddress() ?? showAgainAfterReload(this, 'survey');
    const subjectChanged = changed.has('dossierCode') || changed.has('procedureCode') || changed.has('mode');
    // A new api-base while the form is shown only changes where answers are sent: reloading would
    // throw away what the visitor is doing. Before that (loading, failed) it loads from there.
    const baseMatters = changed.has('apiBase') && this.#flow.loadStatus !== 'success';
    if (!this.hasUpdated || subjectChanged || baseMatters) this.#flow.load();
    this.#flow.applyLoadedForm();
  }

  #input(id: string): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>(`#${id}`);
  }

  async #submit(): Promise<void> {
    await this.#flow.submit({
      applicantId: this.#input(APPLICANT_ID_FIELD)?.value ?? '',
      website: this.#input(HONEYPOT_FIELD)?.value ?? '',
    });
    if (this.#flow.sendError !== undefined) await keepFocusInView(this);
  }

  // Prerendered, it is the first view: the form loading (its questions come from the API).
  protected override render(): TemplateResult {
    const flow = this.#flow;
    const prerendered = this.asPrerendered;
    const busy = prerendered || flow.loadStatus === 'loading' || flow.sending;
    // The widget's language, which may differ from the page's (a French page gets Vietnamese). The
    // form's texts come from the API in both languages and follow it too.
    return html`<div class="survey" part="survey" data-mode=${prerendered ? 'page' : this.effectiveMode} aria-busy=${busy ? 'true' : 'false'} lang=${getLocale()}>
      ${prerendered ? html`${needsScriptView(msg('To give your evaluation, turn on JavaScript in your browser.'))}${loadingView()}` : this.#body()}
    </div>`;
  }

  #body(): TemplateResult | typeof nothing {
    const flow = this.#flow;
    switch (flow.loadStatus) {
      case 'idle':
        return nothing;
      case 'loading':
        return loadingView();
      case 'error':
        return failureView(flow.loadError, { onRetry: () => flow.retryLoad(), announce: flow.loadAsked });
      case 'success':
        break;
    }
    const loaded = flow.loaded;
    // Loaded with the form (SurveyFlow's load).
    const views = surveyViews.value;
    if (!loaded || !views) return nothing;
    const headingLevel = topHeadingLevel(this.headingLevel, 1);
    if (flow.outcome !== 'form') return views.outcomeView(flow.outcome, loaded, headingLevel, Object.keys(flow.answers).length > 0);
    return views.formView({
      loaded,
      headingLevel,
      answers: flow.answers,
      errors: flow.errors,
      askApplicantId: loaded.subject.kind === 'dossier' && !usableApplicantId(this.applicantId) && !flow.dossierToken,
      reverify: flow.reverify,
      applicantIdProblem: flow.applicantIdProblem,
      sending: flow.sending,
      sendError: flow.sendError,
      announcedCount: (id) => flow.counts.announced(id),
      onSubmit: (event) => {
        event.preventDefault();
        void this.#submit();
      },
      onRating: (question, value) => flow.setAnswer(question, value),
      onText: (question, value) => flow.typeText(question, value),
      onRetrySend: () => {
        // The retry button goes away while sending: focus the send button, which stays and says so.
        this.renderRoot.querySelector<HTMLElement>('[part="submit-button"]')?.focus();
        void this.#submit();
      },
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dvc-satisfaction-survey': DvcSatisfactionSurvey;
  }
  interface HTMLElementEventMap {
    'dvc-survey-submitted': CustomEvent<DvcSurveySubmittedEventDetail>;
  }
}
