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
// A comma never belongs in a code: a phone's number pad offers "," where the code has ".".
const COMMAS = /[,\uFF0C]/g;

/**
 * The two shapes of the agency identifiers (mã định danh) that begin dossier codes in the national
 * data, "000.00.15.H26" and "H21.24.01.01": typed without their dots, they are put back.
 */
const AGENCY_SHAPES = [/^(\d{3})(\d{2})(\d{2})([A-Z]\d{2})$/, /^([A-Z]\d{2})(\d{2})(\d{2})(\d{2})$/];
/** A whole code in one run of characters, its dots and dashes left out: "0000015H262507140042". */
const BARE_CODE = /^(\d{7}[A-Z]\d{2}|[A-Z]\d{8})(\d{6})(\d{4})$/;

function dottedAgency(agency: string): string {
  for (const shape of AGENCY_SHAPES) {
    const parts = shape.exec(agency);
    if (parts) return parts.slice(1).join('.');
  }
  return agency;
}

/** A code the pattern takes, with its agency's dots put back when all of them were left out. */
function withAgencyDots(code: string): string {
  const [agency, ...rest] = code.split('-');
  return agency!.includes('.') ? code : [dottedAgency(agency!), ...rest].join('-');
}

/**
 * The code as the API expects it: people copy codes with spaces around or inside them, type them in
 * lower case, paste a typographic dash, read the three parts out with spaces between them
 * ("000.00.15.H26 250714 0042", as a receipt prints them on lines of its own), or leave out the
 * dots and dashes a phone keyboard hides ("0000015H26-250714-0042", "0000015H262507140042").
 */
export function normaliseCode(raw: string): string {
  const text = raw.normalize('NFKC').replace(DASHES, '-').replace(COMMAS, '.').toUpperCase().trim().replace(/\s*-\s*/g, '-');
  const joined = text.replace(/\s+/g, '');
  if (DOSSIER_CODE_PATTERN.test(joined)) return withAgencyDots(joined);
  const dashed = text.replace(/\s+/g, '-');
  if (DOSSIER_CODE_PATTERN.test(dashed)) return withAgencyDots(dashed);
  const bare = BARE_CODE.exec(text.replace(/[\s.-]+/g, ''));
  return bare ? `${dottedAgency(bare[1]!)}-${bare[2]}-${bare[3]}` : joined;
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
