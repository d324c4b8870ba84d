import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { DvcApiError, newIdempotencyKey, type SurveyForm, type SurveyReceipt, type SurveySubmission } from '@dvc-kit/sdk';
import { ApiClientController } from '../shared/api-client.ts';
import { RequestController } from '../shared/request-controller.ts';
import { formatNumber, getLocale, intlLocale } from '../shared/locale.ts';
import { errorView, loadingView, statusStyles } from '../shared/status-views.ts';
import { tokens } from '../shared/tokens.ts';
import { formStyles, radioStyles } from '../shared/form-styles.ts';
import {
  applicantIdField, applicantIdMessage, checkApplicantId, normaliseApplicantId, usableApplicantId, type ApplicantIdProblem,
} from '../shared/applicant-id.ts';
import {
  answersToSend, cleanDraft, serverAnswerErrors, textLimit, validateAnswers, type AnswerError, type Answers,
} from './answers.ts';
import { CharacterCountController } from './character-count-controller.ts';
import { SurveyDraftController, draftKey, type DraftSubject } from './draft-controller.ts';
import { satisfactionSurveyStyles } from './styles.ts';
import './translations.ts';

/** Detail of the `dvc-survey-submitted` event. No answers and no personal data. */
export interface DvcSurveySubmittedEventDetail {
  /** The stored response's id (the API's receipt). */
  responseId: string;
  /** The evaluated dossier (dossier mode). */
  dossierCode?: string;
  /** The procedure the feedback is about (page mode with `procedure-code`). */
  procedureCode?: string;
}

export type SurveyMode = 'dossier' | 'page';

type Question = SurveyForm['questions'][number];
type LocalizedText = SurveyForm['title'];

interface FormArgs {
  kind: SurveyMode;
  dossierCode: string | undefined;
  procedureCode: string | undefined;
  subject: DraftSubject;
}

interface LoadedForm {
  form: SurveyForm;
  subject: DraftSubject;
}

/** What the widget shows once the form is there. */
type Outcome = 'form' | 'thanks' | 'already-evaluated' | 'not-available';

/** One send: the submission and the Idempotency-Key of the attempt it belongs to. */
interface Send {
  submission: SurveySubmission;
  idempotencyKey: string;
}


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
 * @csspart loading - The loading view.
 * @csspart error - An error view (loading the form, or sending).
 * @csspart error-message - Its text.
 * @csspart retry-button - Its "Try again" button.
 *
 * @cssprop --dvc-color-primary - Buttons, selected answers and the focus ring (see the shared tokens for all `--dvc-*`).
 * @cssprop --dvc-color-danger - Errors and the error summary.
 * @cssprop --dvc-color-success - The thank-you message's accent.
 */
export class DvcSatisfactionSurvey extends LitElement {
  static override styles = [tokens, statusStyles, formStyles, radioStyles, satisfactionSurveyStyles];

  /** API root, e.g. `https://dichvucong.example.gov.vn/api/v1`; defaults to the page-wide one. */
  @property({ attribute: 'api-base', reflect: true }) accessor apiBase = '';

  /** The dossier to evaluate (mã hồ sơ), e.g. `000.00.15.H26-250714-0042`. */
  @property({ attribute: 'dossier-code', reflect: true }) accessor dossierCode: string | undefined = undefined;

  /** The procedure a page's feedback is about, e.g. `1.001193`; without it, the page URL is used. */
  @property({ attribute: 'procedure-code', reflect: true }) accessor procedureCode: string | undefined = undefined;

  /** `dossier` (the default when `dossier-code` is set) or `page` (quick feedback). */
  @property({ reflect: true }) accessor mode: SurveyMode | undefined = undefined;

  /**
   * The applicant's 12-digit identity number, needed to send a dossier evaluation. Property only:
   * an attribute would put personal data in the page's markup.
   */
  @property({ attribute: false }) accessor applicantId: string | undefined = undefined;

  @state() private accessor answers: Answers = {};
  @state() private accessor errors: ReadonlyMap<string, AnswerError> = new Map();
  @state() private accessor outcome: Outcome = 'form';
  /** What is wrong with the identity number typed here (asked for when the page did not give one). */
  @state() private accessor applicantIdProblem: ApplicantIdProblem | undefined = undefined;

  readonly #api = new ApiClientController(this, () => this.apiBase);
  readonly #draft = new SurveyDraftController(this);
  readonly #counts = new CharacterCountController(this);
  readonly #load = new RequestController<FormArgs, LoadedForm>(this, async (args, signal) => {
    const { kind, dossierCode, procedureCode, subject } = args;
    const form = await this.#api.client.surveys.form({ kind, dossierCode, procedureCode }, { signal });
    return { form, subject };
  });
  // No abort signal: once sent, the answers may be stored whatever we do; aborting would only hide
  // the outcome. #submit lets one run at a time.
  readonly #send = new RequestController<Send, SurveyReceipt>(this, ({ submission, idempotencyKey }) =>
    this.#api.client.surveys.submit(submission, { idempotencyKey }),
  );
  /**
   * The attempt being sent: its Idempotency-Key and the exact request it was made for. Pressing send
   * again after an error with the same answers (a retry) reuses the key, so answers the server stored
   * before its reply was lost are neither stored twice (page feedback) nor refused as already
   * evaluated (a dossier): the server answers the first receipt. Changed answers (or identity
   * number) make a different request, so a new key: a key is never sent with another body.
   * In memory only: it only has to outlive the error view, and after a reload a new key at worst
   * meets "already evaluated" (said kindly) for a dossier.
   */
  #attempt: { key: string; request: string } | undefined;
  // The loaded form whose draft is applied (a reload of the same subject gives a new object).
  #applied: LoadedForm | undefined;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  /** The mode in effect: the attribute, else `dossier` when a dossier code is set. */
  get effectiveMode(): SurveyMode {
    if (this.mode === 'dossier' || this.mode === 'page') return this.mode;
    return this.dossierCode?.trim() ? 'dossier' : 'page';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back on the page after a removal cut the form's loading short: load it again.
    if (this.hasUpdated && this.#load.status === 'idle') this.#loadForm();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const subjectChanged = changed.has('dossierCode') || changed.has('procedureCode') || changed.has('mode');
    // A new api-base while the form is shown only changes where answers are sent: reloading would
    // throw away what the visitor is doing. Before that (loading, failed) it loads from there.
    const baseMatters = changed.has('apiBase') && this.#load.status !== 'success';
    if (!this.hasUpdated || subjectChanged || baseMatters) this.#loadForm();
    this.#applyLoadedForm();
  }

  #subject(): DraftSubject {
    if (this.effectiveMode === 'dossier') return { kind: 'dossier', dossierCode: this.dossierCode?.trim() ?? '' };
    const procedureCode = this.procedureCode?.trim();
    if (procedureCode) return { kind: 'procedure', procedureCode };
    return { kind: 'page', pageUrl: pageUrl() };
  }

  #loadForm(): void {
    const kind = this.effectiveMode;
    const dossierCode = kind === 'dossier' ? this.dossierCode?.trim() ?? '' : '';
    if (kind === 'dossier' && !dossierCode) {
      console.warn('<dvc-satisfaction-survey>: mode="dossier" needs a dossier-code.');
      this.#load.reset();
      return;
    }
    const procedureCode = kind === 'page' ? this.procedureCode?.trim() || undefined : undefined;
    void this.#load.run({ kind, dossierCode: dossierCode || undefined, procedureCode, subject: this.#subject() });
  }

  /** A newly loaded form: restore its draft for this subject, start over from the form view. */
  #applyLoadedForm(): void {
    const loaded = this.#load.value;
    if (this.#load.status !== 'success' || !loaded || loaded === this.#applied) return;
    this.#applied = loaded;
    this.#attempt = undefined;
    const { form, subject } = loaded;
    this.answers = cleanDraft(form, this.#draft.open(draftKey(form.id, subject)));
    this.errors = new Map();
    this.outcome = 'form';
    this.applicantIdProblem = undefined;
    for (const question of form.questions) {
      if (question.type === 'text') {
        this.#counts.reset(question.id, String(this.answers[question.id] ?? '').length, textLimit(question));
      }
    }
  }

  #setAnswer(id: string, value: number | string): void {
    const answers = { ...this.answers };
    if (value === '') delete answers[id];
    else answers[id] = value;
    this.answers = answers;
    this.#draft.save(answers);
    if (this.errors.has(id)) {
      // Answered: that problem is solved; the others stay listed until they are too.
      const errors = new Map(this.errors);
      errors.delete(id);
      this.errors = errors;
    }
  }

  #onRatingChange(question: Question, event: Event): void {
    this.#setAnswer(question.id, Number((event.target as HTMLInputElement).value));
  }

  #onTextInput(question: Question, event: Event): void {
    const value = (event.target as HTMLTextAreaElement).value;
    this.#counts.update(question.id, value.length, textLimit(question));
    this.#setAnswer(question.id, value);
  }

  #onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    void this.#submit();
  }

  /** Sends the answers; one request at a time, whatever is clicked or pressed meanwhile. */
  async #submit(): Promise<void> {
    const loaded = this.#applied;
    if (!loaded || this.#send.status === 'loading' || this.outcome !== 'form') return;
    const { form } = loaded;

    const { subject } = loaded;
    const errors = validateAnswers(form, this.answers);
    // The identity number: the page's, else the one typed here (checked with the answers).
    let applicantId: string | undefined;
    this.applicantIdProblem = undefined;
    if (subject.kind === 'dossier') {
      applicantId = usableApplicantId(this.applicantId);
      if (!applicantId) {
        const typed = normaliseApplicantId(this.#applicantIdInput()?.value ?? '');
        this.applicantIdProblem = checkApplicantId(typed);
        if (!this.applicantIdProblem) applicantId = typed;
      }
    }
    if (errors.size > 0 || this.applicantIdProblem) {
      // The last send's failure (if any) is not the problem now: the answers are.
      if (this.#send.status === 'error') this.#send.reset();
      this.errors = errors;
      await this.#focus('[part="error-summary"]');
      return;
    }
    this.errors = new Map();

    const submission: SurveySubmission = { formId: form.id, formVersion: form.version, answers: answersToSend(form, this.answers) };
    if (subject.kind === 'dossier') {
      submission.dossierCode = subject.dossierCode;
      submission.applicantId = applicantId!;
    } else if (subject.kind === 'procedure') {
      submission.procedureCode = subject.procedureCode;
    } else {
      submission.pageUrl = subject.pageUrl;
    }
    // Read from the DOM, not from events: bots often set a value without firing any.
    const website = this.renderRoot.querySelector<HTMLInputElement>('input[name="website"]')?.value ?? '';
    if (website) submission.website = website.slice(0, 200);

    // Same request as the attempt that failed: a retry, same key. Anything else: a new attempt.
    const request = JSON.stringify(submission);
    if (this.#attempt?.request !== request) this.#attempt = { key: newIdempotencyKey(), request };
    await this.#send.run({ submission, idempotencyKey: this.#attempt.key });
    await this.#settle(loaded);
  }

  /** After sending: thank, explain kindly, point at the answers to fix, or leave the error view. */
  async #settle(loaded: LoadedForm): Promise<void> {
    const { status, value, error } = this.#send;
    if (status === 'success' && value) {
      this.#draft.clear();
      const input = this.#applicantIdInput();
      if (input) input.value = '';
      this.outcome = 'thanks';
      const detail: DvcSurveySubmittedEventDetail = { responseId: value.id };
      if (loaded.subject.kind === 'dossier') detail.dossierCode = loaded.subject.dossierCode;
      if (loaded.subject.kind === 'procedure') detail.procedureCode = loaded.subject.procedureCode;
      this.dispatchEvent(new CustomEvent('dvc-survey-submitted', { bubbles: true, composed: true, detail }));
      await this.#focus('[part="thanks"]');
      return;
    }
    if (status !== 'error' || !(error instanceof DvcApiError)) return;
    // Should not happen (a key goes with one request only); if it does, the next send starts afresh.
    if (error.code === 'idempotency_key_reused') this.#attempt = undefined;
    if (error.code === 'dossier_not_found' && !usableApplicantId(this.applicantId)) {
      // The typed number does not match the dossier: say so at the field, keep the answers.
      this.#send.reset();
      this.applicantIdProblem = 'not-found';
      await this.#focus('[part="error-summary"]');
      return;
    }
    if (error.code === 'survey_already_submitted') {
      // Nothing more to send for this dossier: the draft has no use left.
      this.#draft.clear();
      this.outcome = 'already-evaluated';
      await this.#focus('[part="already-evaluated"]');
    } else if (error.code === 'survey_not_available') {
      // Kept: the visitor may come back once the dossier is finished.
      this.outcome = 'not-available';
      await this.#focus('[part="not-available"]');
    } else if (error.code === 'validation_failed') {
      const errors = serverAnswerErrors(loaded.form, error.problem.errors);
      if (errors.size > 0) {
        this.errors = errors;
        this.#send.reset();
        await this.#focus('[part="error-summary"]');
      }
    }
  }

  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** A summary link: bring the question into view and put focus on its answer (or first answer). */
  #applicantIdInput(): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>('#applicant-id');
  }

  readonly #onApplicantIdLink = (event: Event): void => {
    event.preventDefault();
    this.#applicantIdInput()?.focus();
  };

  #onErrorLink(event: Event, question: Question): void {
    event.preventDefault();
    const root = this.renderRoot;
    const target =
      question.type === 'text'
        ? root.querySelector<HTMLElement>(`#${fieldId(question)}`)
        : root.querySelector<HTMLElement>(`input[name="${fieldId(question)}"]:checked`) ??
          root.querySelector<HTMLElement>(`input[name="${fieldId(question)}"]`);
    // The legend or label first, so the question's wording is on screen, not just its answers.
    root.querySelector(`#${fieldId(question)}-label`)?.scrollIntoView({ block: 'start' });
    target?.focus({ preventScroll: true });
  }

  protected override render(): TemplateResult {
    const busy = this.#load.status === 'loading' || this.#send.status === 'loading';
    // The widget's language, which may differ from the page's (a French page gets Vietnamese). The
    // form's texts come from the API in both languages and follow it too (localized()).
    return html`<div class="survey" part="survey" data-mode=${this.effectiveMode} aria-busy=${busy ? 'true' : 'false'} lang=${getLocale()}>
      ${this.#body()}
    </div>`;
  }

  #body(): TemplateResult | typeof nothing {
    const { status, error } = this.#load;
    switch (status) {
      case 'idle':
        return nothing;
      case 'loading':
        return loadingView();
      case 'error':
        return errorView(error, () => void this.#load.retry());
      case 'success':
        return this.#applied ? this.#outcome(this.#applied) : nothing;
    }
  }

  #outcome(loaded: LoadedForm): TemplateResult {
    const dossier = loaded.subject.kind === 'dossier';
    switch (this.outcome) {
      case 'thanks':
        return html`<div class="outcome" part="thanks" tabindex="-1">
          ${dossier
            ? html`<h2 class="outcome-title">${msg('Thank you for your evaluation')}</h2>
                <p>${msg('Your answers have been recorded. They help the agency serve citizens better.')}</p>`
            : html`<p class="outcome-title">${msg('Thank you for your feedback.')}</p>`}
          <slot name="thanks"></slot>
        </div>`;
      case 'already-evaluated':
        return html`<div class="outcome" part="already-evaluated" tabindex="-1">
          <p class="outcome-title">${msg('You have already evaluated this dossier. Thank you!')}</p>
        </div>`;
      case 'not-available':
        return html`<div class="outcome neutral" part="not-available" tabindex="-1">
          <p class="outcome-title">${msg('This dossier is still being processed.')}</p>
          <p>${msg('You can evaluate it once it has been decided. Your answers are kept until you close this tab.')}</p>
        </div>`;
      case 'form':
        return this.#form(loaded);
    }
  }

  #form({ form, subject }: LoadedForm): TemplateResult {
    const dossier = subject.kind === 'dossier';
    const sending = this.#send.status === 'loading';
    const description = form.description ? localized(form.description) : '';
    const hasRequired = form.questions.some((q) => q.required);
    return html`<form
      part="form"
      novalidate
      aria-labelledby=${dossier ? 'survey-title' : nothing}
      aria-label=${dossier ? nothing : localized(form.title)}
      @submit=${this.#onSubmit}
    >
      ${this.#errorSummary(form)}
      ${dossier ? html`<h2 id="survey-title" part="title">${localized(form.title)}</h2>` : nothing}
      ${description ? html`<p class="description" part="description">${description}</p>` : nothing}
      ${hasRequired && !description.includes('*')
        ? html`<p class="required-note" part="required-note">${msg('Questions marked * are required.')}</p>`
        : nothing}
      ${dossier && !usableApplicantId(this.applicantId) ? applicantIdField('applicant-id', this.applicantIdProblem) : nothing}
      ${form.questions.map((q) => (q.type === 'rating' ? this.#rating(q) : this.#text(q)))}
      ${honeypot()}
      ${this.#sendProblem()}
      <div class="actions">
        <button part="submit-button" type="submit" aria-disabled=${sending ? 'true' : 'false'}>
          ${sending
            ? html`<span class="dvc-spinner" aria-hidden="true"></span>${msg('Sending…')}`
            : dossier ? msg('Send your evaluation') : msg('Send')}
        </button>
      </div>
    </form>`;
  }

  #errorSummary(form: SurveyForm): TemplateResult | typeof nothing {
    if (this.errors.size === 0 && !this.applicantIdProblem) return nothing;
    const invalid = form.questions.filter((q) => this.errors.has(q.id));
    const idProblem = this.applicantIdProblem;
    // A group, so the name it is given is one assistive technology announces when focus lands here.
    return html`<div class="error-summary" part="error-summary" role="group" tabindex="-1" aria-labelledby="error-summary-title">
      <h3 id="error-summary-title" part="error-summary-title">${msg('Please check your answers')}</h3>
      <ul>
        ${idProblem
          ? html`<li><a part="error-link" href="#applicant-id" @click=${this.#onApplicantIdLink}>${applicantIdMessage(idProblem)}</a></li>`
          : nothing}
        ${invalid.map(
          (q) => html`<li>
            <a part="error-link" href=${`#${fieldId(q)}`} @click=${(e: Event) => this.#onErrorLink(e, q)}
              >${localized(q.label)}: ${errorMessage(q, this.errors.get(q.id)!)}</a
            >
          </li>`,
        )}
      </ul>
    </div>`;
  }

  /** Why the last send failed (network, server, rate limit…), with a retry; answers stay as they are. */
  #sendProblem(): TemplateResult | typeof nothing {
    if (this.#send.status !== 'error') return nothing;
    const { error } = this.#send;
    // Settled into another view (already evaluated…) or into field errors: nothing to add here.
    if (error instanceof DvcApiError && ['survey_already_submitted', 'survey_not_available'].includes(error.code)) return nothing;
    if (error instanceof DvcApiError && error.code === 'validation_failed' && this.errors.size > 0) return nothing;
    return errorView(error, () => this.#retrySend());
  }

  #retrySend(): void {
    // The retry button goes away while sending: focus the send button, which stays and says so.
    this.renderRoot.querySelector<HTMLElement>('[part="submit-button"]')?.focus();
    void this.#submit();
  }

  #rating(question: Question): TemplateResult {
    const id = fieldId(question);
    const problem = this.errors.get(question.id);
    const hint = question.hint ? localized(question.hint) : '';
    const describedBy = [hint ? `${id}-hint` : '', problem ? `${id}-error` : ''].filter(Boolean).join(' ');
    const chosen = this.answers[question.id];
    // aria-invalid always says which: left out, Chromium tells screen readers that a required
    // question not answered yet is invalid, on a form nobody has sent.
    return html`<fieldset
      id=${id}
      class=${problem ? 'question invalid' : 'question'}
      part="question"
      aria-describedby=${describedBy || nothing}
    >
      <legend id=${`${id}-label`} part="legend">${localized(question.label)}${requiredMark(question)}</legend>
      ${hint ? html`<p id=${`${id}-hint`} class="hint" part="hint">${hint}</p>` : nothing}
      ${problem ? fieldError(question, problem) : nothing}
      <div class="options" part="options">
        ${(question.scale ?? []).map(
          (option) => html`<label class="option" part="option">
            <input
              type="radio"
              name=${id}
              value=${String(option.value)}
              .checked=${live(chosen === option.value)}
              ?required=${question.required}
              aria-invalid=${problem ? 'true' : 'false'}
              @change=${(e: Event) => this.#onRatingChange(question, e)}
            />
            <span>${localized(option.label)}</span>
          </label>`,
        )}
      </div>
    </fieldset>`;
  }

  #text(question: Question): TemplateResult {
    const id = fieldId(question);
    const problem = this.errors.get(question.id);
    const hint = question.hint ? localized(question.hint) : '';
    const limit = textLimit(question);
    const value = String(this.answers[question.id] ?? '');
    const describedBy = [hint ? `${id}-hint` : '', `${id}-limit`, problem ? `${id}-error` : ''].filter(Boolean).join(' ');
    const announced = this.#counts.announced(question.id);
    return html`<div class=${problem ? 'question text invalid' : 'question text'} part="question">
      <label id=${`${id}-label`} for=${id} part="label">${localized(question.label)}${requiredMark(question)}</label>
      ${hint ? html`<p id=${`${id}-hint`} class="hint" part="hint">${hint}</p>` : nothing}
      ${problem ? fieldError(question, problem) : nothing}
      <textarea
        id=${id}
        name=${id}
        part="textarea"
        rows="4"
        maxlength=${limit}
        ?required=${question.required}
        aria-invalid=${problem ? 'true' : 'false'}
        aria-describedby=${describedBy}
        .value=${live(value)}
        @input=${(e: Event) => this.#onTextInput(question, e)}
      ></textarea>
      <p id=${`${id}-limit`} class="visually-hidden">${limitMessage(limit)}</p>
      <!-- Seen, not heard on every keystroke: the live region below speaks at thresholds. -->
      <p class=${value.length >= limit ? 'count at-limit' : 'count'} part="count" aria-hidden="true">
        ${remainingMessage(limit - value.length)}
      </p>
      <p class="visually-hidden" data-count-status=${question.id} role="status" aria-live="polite">
        ${announced === undefined ? '' : remainingMessage(announced)}
      </p>
    </div>`;
  }
}

/** The element id of a question's fieldset or textarea (and prefix of its hint/error ids). */
function fieldId(question: Question): string {
  return `q-${question.id}`;
}

function localized(text: LocalizedText): string {
  return getLocale() === 'en' ? text.en : text.vi;
}

/** The page's address without query string or fragment, which may hold identifiers. */
function pageUrl(): string {
  return `${location.origin}${location.pathname}`;
}

function requiredMark(question: Question): TemplateResult | typeof nothing {
  if (!question.required) return nothing;
  // The star is for the eye; screen readers hear the word (and "required" from the inputs).
  return html`<span class="required-mark" aria-hidden="true"> *</span
    ><span class="visually-hidden"> ${msg('(required)')}</span>`;
}

function fieldError(question: Question, problem: AnswerError): TemplateResult {
  return html`<p id=${`${fieldId(question)}-error`} class="field-error" part="field-error">
    <span class="visually-hidden">${msg('Error:')} </span>${errorMessage(question, problem)}
  </p>`;
}

function errorMessage(question: Question, problem: AnswerError): string {
  if (question.type === 'text') {
    return problem === 'required' ? msg('Please write an answer.') : msg('This answer is too long. Please shorten it.');
  }
  return problem === 'required' ? msg('Please choose an answer.') : msg('This answer is not one of the choices. Please choose again.');
}

/** "Còn 1.000 ký tự" / "1,000 characters left" (English needs the singular for 1). */
export function remainingMessage(remaining: number): string {
  const count = formatNumber(Math.max(0, remaining));
  return new Intl.PluralRules(intlLocale()).select(remaining) === 'one'
    ? msg(str`${count} character left`)
    : msg(str`${count} characters left`);
}

/** "Tối đa 1.000 ký tự." / "Up to 1,000 characters." */
export function limitMessage(limit: number): string {
  const count = formatNumber(limit);
  return msg(str`Up to ${count} characters.`);
}

/**
 * The bot trap: a field people never see or reach. Off-screen rather than `display: none`, which
 * many bots skip; out of the tab order and hidden from assistive technology.
 */
function honeypot(): TemplateResult {
  return html`<div class="hp" aria-hidden="true">
    <label for="website">${msg('Leave this field empty')}</label>
    <input id="website" name="website" type="text" tabindex="-1" autocomplete="off" />
  </div>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'dvc-satisfaction-survey': DvcSatisfactionSurvey;
  }
  interface HTMLElementEventMap {
    'dvc-survey-submitted': CustomEvent<DvcSurveySubmittedEventDetail>;
  }
}
