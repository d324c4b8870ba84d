/**
 * A sync key is bound to an agency code and writes only that agency's dossiers: those whose code
 * begins with it. Whole segments only, so a key for `000.00.15.H2` does not write
 * `000.00.15.H26-250714-0042`.
 */
import type { SyncFieldError } from './record-reader.ts';

export function isWithinAgency(dossierCode: string, agencyCode: string): boolean {
  // An empty code would cover every agency: no key is meant to.
  if (agencyCode === '' || !dossierCode.startsWith(agencyCode)) return false;
  if (/[.-]$/.test(agencyCode)) return true;
  const next = dossierCode.charAt(agencyCode.length);
  return next === '.' || next === '-';
}

/** The per-record answer for a record of another agency: one record refused, the batch goes on. */
export const AGENCY_OUT_OF_SCOPE: Readonly<SyncFieldError> = Object.freeze({
  field: 'MaHoSo',
  code: 'agency_out_of_scope',
  message: 'belongs to an agency this key may not write: the code must begin with the key\'s agency code',
});
