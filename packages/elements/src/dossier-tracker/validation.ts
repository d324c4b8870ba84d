/**
 * The lookup form's checks, run before anything is sent: a malformed code or identity number is
 * answered at once, in the citizen's language, without spending one of their rate-limited lookups.
 * The patterns are the contract's (`DossierCode`, `ApplicantId` in openapi/dvc.yaml).
 */

import { APPLICANT_ID_PATTERN, normaliseApplicantId } from '../shared/applicant-id.ts';
import { DOSSIER_CODE_PATTERN } from '../shared/dossier-code.ts';

export { APPLICANT_ID_PATTERN, DOSSIER_CODE_PATTERN, normaliseApplicantId };

/** What is wrong with one field. */
export type FieldProblem = 'missing' | 'format';

/** The fields of the form that can be wrong. */
export type LookupField = 'code' | 'applicantId';

export type FieldErrors = Partial<Record<LookupField, FieldProblem>>;

// Hyphen look-alikes that word processors and PDFs put in place of "-" when a code is copied.
const DASHES = /[\u2010-\u2015\u2212]/g;

/**
 * The code as the API expects it: people copy codes with spaces around or inside them, type them in
 * lower case, paste a typographic dash, or read the three parts out with spaces between them
 * ("000.00.15.H26 250714 0042", as a receipt prints them on lines of its own).
 */
export function normaliseCode(raw: string): string {
  const text = raw.normalize('NFKC').replace(DASHES, '-').toUpperCase().trim().replace(/\s*-\s*/g, '-');
  const joined = text.replace(/\s+/g, '');
  if (DOSSIER_CODE_PATTERN.test(joined)) return joined;
  const dashed = text.replace(/\s+/g, '-');
  return DOSSIER_CODE_PATTERN.test(dashed) ? dashed : joined;
}

/**
 * Checks normalised values. `applicantId` is `undefined` when the page supplied it (the form does
 * not ask for it then).
 */
export function validateLookup(code: string, applicantId: string | undefined): FieldErrors {
  const errors: FieldErrors = {};
  if (!code) errors.code = 'missing';
  else if (!DOSSIER_CODE_PATTERN.test(code)) errors.code = 'format';
  if (applicantId !== undefined) {
    if (!applicantId) errors.applicantId = 'missing';
    else if (!APPLICANT_ID_PATTERN.test(applicantId)) errors.applicantId = 'format';
  }
  return errors;
}
