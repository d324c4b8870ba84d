/**
 * The applicant's 12-digit personal identification number (số định danh cá nhân), as every widget
 * that needs it asks for it: the contract's pattern, the normalising, the localised words, and the
 * field. Checked before anything is sent, so a typo costs none of the citizen's rate-limited tries.
 *
 * The field has no value binding and no `name`: Lit never writes the number into the page, and a
 * native form submission cannot carry it. Callers read `.value` when they need it and clear it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { fieldError } from './error-summary.ts';

/** The contract's `ApplicantId`. */
export const APPLICANT_ID_PATTERN = /^[0-9]{12}$/;

/** Why a typed number is refused; `not-found` is the server's "no dossier matches". */
export type ApplicantIdProblem = 'missing' | 'format' | 'not-found';

/**
 * The number without what people group its digits with: spaces, dashes (a typographic one too),
 * dots ("001 099 000 006", "001-099-000-006", "001.099.000.006"), in ASCII digits (an East Asian
 * keyboard may type full-width ones: "００１…").
 */
export function normaliseApplicantId(raw: string): string {
  return raw.normalize('NFKC').replace(/[\s.\-\u2010-\u2015\u2212]+/g, '');
}

/** What is wrong with a normalised number, or undefined when it has the right form. */
export function checkApplicantId(id: string): ApplicantIdProblem | undefined {
  if (!id) return 'missing';
  return APPLICANT_ID_PATTERN.test(id) ? undefined : 'format';
}

/** A page-supplied number in the right form, else undefined (the widget then asks for it). */
export function usableApplicantId(value: string | undefined): string | undefined {
  const id = normaliseApplicantId(value ?? '');
  return APPLICANT_ID_PATTERN.test(id) ? id : undefined;
}

/**
 * Said before the field when this tab's proof for the dossier (the tracker's token) has expired or
 * was refused: why a number typed once is asked for again.
 */
export function reverifyNotice(): TemplateResult {
  return html`<p class="notice" part="notice">${reverifyMessage()}</p>`;
}

/** Why the number is asked for again: shown with the form, and said by the widget's live region. */
export function reverifyMessage(): string {
  return msg('For your security, please enter your personal identification number again.');
}

/** The message next to the field and in the error summary. */
export function applicantIdMessage(problem: ApplicantIdProblem): string {
  switch (problem) {
    case 'missing':
      return msg('Enter your personal identification number');
    case 'format':
      return msg('Your personal identification number must be 12 digits');
    case 'not-found':
      return msg('No dossier matches this code and identification number. Please check them and try again.');
  }
}

/** Label, hint, error and input, in one shadow root so `for` and `aria-describedby` resolve. */
export function applicantIdField(id: string, problem: ApplicantIdProblem | undefined): TemplateResult {
  const describedBy = problem ? `${id}-hint ${id}-error` : `${id}-hint`;
  return html`<div class="field ${problem ? 'has-error' : ''}" part="field">
    <label for=${id} part="label">${msg('Personal identification number')}</label>
    <p id="${id}-hint" class="hint" part="hint">${msg('The 12 digits on your citizen identity card.')}</p>
    ${problem ? fieldError(`${id}-error`, applicantIdMessage(problem)) : nothing}
    <input id=${id} part="input" class="input-id" type="text" inputmode="numeric"
      autocomplete="off" spellcheck="false" maxlength="20" aria-describedby=${describedBy}
      aria-invalid=${problem ? 'true' : 'false'} />
  </div>`;
}
