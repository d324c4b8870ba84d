/**
 * The templates of <dvc-satisfaction-survey>: the form with its questions and error summary, and
 * the views that replace it once the answers are sent (or cannot be). Every text from the API comes
 * in Vietnamese and English and follows the widget's language (localized()).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { quietAfterLanguageSwitch } from '../shared/announcer.ts';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import type { SurveyForm } from '@dvc-kit/sdk';
import { applicantIdField, applicantIdMessage, reverifyMessage, reverifyNotice, type ApplicantIdProblem } from '../shared/applicant-id.ts';
import { errorSummary, fieldError, type ErrorSummaryItem } from '../shared/error-summary.ts';
import { heading } from '../shared/heading.ts';
import { CONTENT_LANG, getLocale } from '../shared/locale.ts';
import { failureView } from '../shared/status-views.ts';
import { textLimit, type AnswerError, type Answers } from './answers.ts';
import { limitMessage, remainingMessage } from './count-messages.ts';
import { APPLICANT_ID_FIELD, HONEYPOT_FIELD } from './field-names.ts';
import type { LoadedForm, Outcome, Question } from './survey-flow.ts';
import './translations.ts';

export { APPLICANT_ID_FIELD, HONEYPOT_FIELD };
export { limitMessage, remainingMessage };

type LocalizedText = SurveyForm['title'];

/** What the form view shows and what it calls. */
export interface FormViewModel {
  loaded: LoadedForm;
  /** The level of the form's title (the error summary's is one lower, beneath it in the outline). */
  headingLevel: number;
  answers: Answers;
  errors: ReadonlyMap<string, AnswerError>;
  /** Ask for the identity number here (dossier mode, the page gave none). */
  askApplicantId: boolean;
  /** The tab's proof for the dossier expired or was refused: the field says why it is asked. */
  reverify: boolean;
  applicantIdProblem: ApplicantIdProblem | undefined;
  sending: boolean;
  /** Why the last send failed, when nothing else says it. */
  sendError: unknown;
  /** The remaining characters last announced for a comment box. */
  announcedCount(questionId: string): number | undefined;
  onSubmit(event: SubmitEvent): void;
  onRating(question: Question, value: number): void;
  onText(question: Question, value: string): void;
  onRetrySend(): void;
}

/**
 * What replaces the form: thanks, already evaluated, not yet possible, or never (closed). Each takes
 * focus. `answered`: the citizen has answered something (kept in the tab's draft).
 */
export function outcomeView(outcome: Exclude<Outcome, 'form'>, loaded: LoadedForm, headingLevel: number, answered: boolean): TemplateResult {
  const dossier = loaded.subject.kind === 'dossier';
  switch (outcome) {
    case 'thanks':
      return html`<div class="outcome" part="thanks" tabindex="-1">
        ${dossier
          ? html`${heading(headingLevel, msg('Thank you for your evaluation'), { className: 'outcome-title' })}
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
        <p>${answered
          ? msg('You can evaluate it once it has been decided. Your answers are kept until you close this tab.')
          : msg('You can evaluate it once it has been decided.')}</p>
      </div>`;
    case 'closed':
      return html`<div class="outcome neutral" part="closed" tabindex="-1">
        <p class="outcome-title">${msg('This dossier was closed without a result.')}</p>
        <p>${msg('It was not accepted, was withdrawn or was stopped, so there is no service to evaluate. To ask why, contact the receiving unit\'s one-stop desk.')}</p>
      </div>`;
  }
}

export function formView(model: FormViewModel): TemplateResult {
  const { loaded: { form, subject }, sending } = model;
  const dossier = subject.kind === 'dossier';
  const description = form.description ? localized(form.description) : '';
  const hasRequired = form.questions.some((q) => q.required);
  return html`<form
    part="form"
    novalidate
    aria-labelledby=${dossier ? 'survey-title' : nothing}
    aria-label=${dossier ? nothing : localized(form.title)}
    @submit=${model.onSubmit}
  >
    ${dossier ? heading(model.headingLevel, localized(form.title), { id: 'survey-title', part: 'title', focusable: true }) : nothing}
    ${subject.kind === 'dossier' ? dossierLine(subject.dossierCode, model.loaded.status?.procedureName) : nothing}
    ${summary(model)}
    ${description ? html`<p class="description" part="description">${description}</p>` : nothing}
    ${hasRequired && !description.includes('*')
      ? html`<p class="required-note" part="required-note">${msg('Questions marked * are required.')}</p>`
      : nothing}
    ${model.askApplicantId && model.reverify ? reverifyNotice() : nothing}
    ${model.askApplicantId ? applicantIdField(APPLICANT_ID_FIELD, model.applicantIdProblem) : nothing}
    ${form.questions.map((q) => (q.type === 'rating' ? ratingQuestion(q, model) : textQuestion(q, model)))}
    ${honeypot()}
    ${model.sendError === undefined ? nothing : failureView(model.sendError, { onRetry: model.onRetrySend })}
    <div class="actions">
      <button part="submit-button" type="submit" aria-disabled=${sending ? 'true' : 'false'}>
        ${sending
          ? html`<span class="dvc-spinner" aria-hidden="true"></span>${msg('Sending…')}`
          : dossier ? msg('Send your evaluation') : msg('Send')}
      </button>
    </div>
  </form>`;
}

/** Which dossier is being evaluated: its code and, when known, its procedure (Vietnamese, API text). */
function dossierLine(code: string, procedureName: string | undefined): TemplateResult {
  return html`<p class="dossier" part="dossier">
    <span class="dossier-code">${msg(str`Dossier ${code}`)}</span>
    ${procedureName ? html`<span class="procedure-name" lang=${CONTENT_LANG}>${procedureName}</span>` : nothing}
  </p>`;
}

function summary(model: FormViewModel): TemplateResult | typeof nothing {
  const { errors, applicantIdProblem, loaded: { form } } = model;
  if (errors.size === 0 && !applicantIdProblem) return nothing;
  // Every field has its place, listed or not: one answered leaves the others' items as they are.
  const items: ErrorSummaryItem[] = [{
    field: APPLICANT_ID_FIELD,
    // Asked for again (the tracker's proof ran out): the summary, which takes focus, says why.
    message: !applicantIdProblem ? undefined
      : model.reverify && applicantIdProblem === 'missing' ? reverifyMessage() : applicantIdMessage(applicantIdProblem),
  }];
  for (const q of form.questions) {
    const problem = errors.get(q.id);
    items.push({ field: fieldId(q), message: problem && summaryMessage(q, problem) });
  }
  // Beneath the form's title in the outline, and after it (the page's feedback has none: beneath the page's heading).
  return errorSummary(items, model.headingLevel + 1);
}

function ratingQuestion(question: Question, model: FormViewModel): TemplateResult {
  const id = fieldId(question);
  const problem = model.errors.get(question.id);
  const hint = question.hint ? localized(question.hint) : '';
  const describedBy = [hint ? `${id}-hint` : '', problem ? `${id}-error` : ''].filter(Boolean).join(' ');
  const chosen = model.answers[question.id];
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
    ${problem ? fieldError(`${fieldId(question)}-error`, errorMessage(question, problem)) : nothing}
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
            @change=${(e: Event) => model.onRating(question, Number((e.target as HTMLInputElement).value))}
          />
          <span>${localized(option.label)}</span>
        </label>`,
      )}
    </div>
  </fieldset>`;
}

function textQuestion(question: Question, model: FormViewModel): TemplateResult {
  const id = fieldId(question);
  const problem = model.errors.get(question.id);
  const hint = question.hint ? localized(question.hint) : '';
  const limit = textLimit(question);
  const value = String(model.answers[question.id] ?? '');
  const describedBy = [hint ? `${id}-hint` : '', `${id}-limit`, problem ? `${id}-error` : ''].filter(Boolean).join(' ');
  const announced = model.announcedCount(question.id);
  return html`<div class=${problem ? 'question text invalid' : 'question text'} part="question">
    <label id=${`${id}-label`} for=${id} part="label">${localized(question.label)}${requiredMark(question)}</label>
    ${hint ? html`<p id=${`${id}-hint`} class="hint" part="hint">${hint}</p>` : nothing}
    ${problem ? fieldError(`${fieldId(question)}-error`, errorMessage(question, problem)) : nothing}
    <textarea
      id=${id}
      name=${id}
      part="textarea"
      rows="4"
      ?required=${question.required}
      aria-invalid=${problem ? 'true' : 'false'}
      aria-describedby=${describedBy}
      .value=${live(value)}
      @input=${(e: Event) => model.onText(question, (e.target as HTMLTextAreaElement).value)}
    ></textarea>
    <p id=${`${id}-limit`} class="visually-hidden">${limitMessage(limit)}</p>
    <!-- Seen, not heard on every keystroke: the live region below speaks at thresholds. -->
    <p class=${value.length > limit ? 'count over-limit' : value.length === limit ? 'count at-limit' : 'count'} part="count" aria-hidden="true">
      ${remainingMessage(limit - value.length)}
    </p>
    <p class="visually-hidden" data-count-status=${question.id} role="status" aria-live=${quietAfterLanguageSwitch('polite', announced, 'off')}>
      ${announced === undefined ? '' : remainingMessage(announced)}
    </p>
  </div>`;
}

/** The element id of a question's fieldset or textarea (and prefix of its hint/error ids). */
function fieldId(question: Question): string {
  return `q-${question.id}`;
}

function localized(text: LocalizedText): string {
  return getLocale() === 'en' ? text.en : text.vi;
}

function requiredMark(question: Question): TemplateResult | typeof nothing {
  if (!question.required) return nothing;
  // The star is for the eye; screen readers hear the word (and "required" from the inputs).
  return html`<span class="required-mark" aria-hidden="true"> *</span
    ><span class="visually-hidden"> ${msg('(required)')}</span>`;
}

function errorMessage(question: Question, problem: AnswerError): string {
  if (question.type === 'text') {
    return problem === 'required' ? msg('Please write an answer.') : msg('This answer is too long. Please shorten it.');
  }
  return problem === 'required' ? msg('Please choose an answer.') : msg('This answer is not one of the choices. Please choose again.');
}

/**
 * A problem as the error summary lists it: a sentence naming the question, since the summary stands
 * apart from the questions: "Please choose an answer to “Overall, how satisfied are you?”", with no
 * full stop after a quoted question mark (and never "…are you?: Please choose…").
 */
function summaryMessage(question: Question, problem: AnswerError): string {
  const label = localized(question.label).trim();
  if (question.type === 'text') {
    return problem === 'required'
      ? msg(str`Please write an answer to “${label}”`)
      : msg(str`Your answer to “${label}” is too long. Please shorten it.`);
  }
  return problem === 'required'
    ? msg(str`Please choose an answer to “${label}”`)
    : msg(str`Your answer to “${label}” is not one of the choices. Please choose again.`);
}

/**
 * The bot trap: a field people never see or reach. Off-screen rather than `display: none`, which
 * many bots skip; out of the tab order and hidden from assistive technology.
 */
function honeypot(): TemplateResult {
  return html`<div class="hp" aria-hidden="true">
    <label for=${HONEYPOT_FIELD}>${msg('Leave this field empty')}</label>
    <input id=${HONEYPOT_FIELD} name=${HONEYPOT_FIELD} type="text" tabindex="-1" autocomplete="off" />
  </div>`;
}
