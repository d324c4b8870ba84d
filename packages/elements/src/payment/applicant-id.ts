/**
 * The identity number check, run before anything is sent: a malformed number is answered at once,
 * in the payer's language, without spending one of their rate-limited lookups. The pattern is the
 * contract's `ApplicantId`.
 */

/** The 12-digit personal identification number. */
export const APPLICANT_ID_PATTERN = /^[0-9]{12}$/;

export type ApplicantIdProblem = 'missing' | 'format' | 'not-found';

/** The number without the spaces people group its digits with ("001 099 000 006"). */
export function normaliseApplicantId(raw: string): string {
  return raw.replace(/\s+/g, '');
}

/** What is wrong with a normalised number, or undefined when it has the right form. */
export function checkApplicantId(id: string): ApplicantIdProblem | undefined {
  if (!id) return 'missing';
  return APPLICANT_ID_PATTERN.test(id) ? undefined : 'format';
}
