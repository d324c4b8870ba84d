/**
 * The survey's answers as plain data: checking them against the form, cleaning a stored draft, and
 * reading the server's 422 `errors`. No DOM and no messages here, so it is easy to reason about.
 */
import type { Problem, SurveyForm } from '@dvc-kit/sdk';

/** Question id → the chosen scale value (rating) or the text (text), as the contract sends them. */
export type Answers = Record<string, number | string>;

/** Why an answer is refused: nothing given for a required question, or a value the form lacks. */
export type AnswerError = 'required' | 'invalid';

type Question = SurveyForm['questions'][number];

/** The contract's ceiling for a text answer; a form's own `maxLength` may be lower. */
export const TEXT_LIMIT = 2000;

/** A text question's character limit. The box takes more (a pasted answer is never cut); sending waits until it fits. */
export function textLimit(question: Question): number {
  return Math.min(question.maxLength ?? TEXT_LIMIT, TEXT_LIMIT);
}

function isAnswered(question: Question, value: number | string | undefined): boolean {
  if (value === undefined) return false;
  return question.type === 'rating' ? typeof value === 'number' : String(value).trim() !== '';
}

function fitsQuestion(question: Question, value: unknown): value is number | string {
  if (question.type === 'rating') return typeof value === 'number' && (question.scale ?? []).some((s) => s.value === value);
  return typeof value === 'string' && value.length <= textLimit(question);
}

/** Why one answer blocks sending, or undefined when it may be sent (or left out). */
export function answerError(question: Question, value: number | string | undefined): AnswerError | undefined {
  if (!isAnswered(question, value)) return question.required ? 'required' : undefined;
  return fitsQuestion(question, value) ? undefined : 'invalid';
}

/** The questions that block sending, in form order (the error summary lists them in that order). */
export function validateAnswers(form: SurveyForm, answers: Answers): Map<string, AnswerError> {
  const errors = new Map<string, AnswerError>();
  for (const question of form.questions) {
    const problem = answerError(question, answers[question.id]);
    if (problem) errors.set(question.id, problem);
  }
  return errors;
}

/** What is sent: known questions only, blank text left out. */
export function answersToSend(form: SurveyForm, answers: Answers): Answers {
  const sent: Answers = {};
  for (const question of form.questions) {
    const value = answers[question.id];
    if (isAnswered(question, value) && fitsQuestion(question, value)) sent[question.id] = value!;
  }
  return sent;
}

/**
 * Keeps from a stored draft only what the form still asks: a department may have changed the
 * questions since the draft was written, and sessionStorage is writable by any script on the page.
 * Text over its limit is kept, as the box keeps it: the citizen shortens it, nothing is cut.
 */
export function cleanDraft(form: SurveyForm, raw: unknown): Answers {
  const answers: Answers = {};
  if (typeof raw !== 'object' || raw === null) return answers;
  for (const question of form.questions) {
    const value = (raw as Record<string, unknown>)[question.id];
    if (question.type === 'text' ? typeof value === 'string' : fitsQuestion(question, value)) answers[question.id] = value as string | number;
  }
  return answers;
}

/** The answers a 422 `validation_failed` names (`/body/answers/<id>`), by question id. */
export function serverAnswerErrors(form: SurveyForm, errors: Problem['errors']): Map<string, AnswerError> {
  const found = new Map<string, AnswerError>();
  const ids = new Set(form.questions.map((q) => q.id));
  for (const { path, message } of errors ?? []) {
    const id = /^\/body\/answers\/([^/]+)$/.exec(path)?.[1];
    if (id && ids.has(id)) found.set(id, message === 'required' ? 'required' : 'invalid');
  }
  // Keep form order, as the client-side check does.
  return new Map(form.questions.filter((q) => found.has(q.id)).map((q) => [q.id, found.get(q.id)!]));
}
