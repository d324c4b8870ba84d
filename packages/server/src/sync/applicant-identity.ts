/**
 * The applicant's 12-digit personal identification number, from `SoGiayToChuHoSo` or a
 * `DinhDanhCHS` item with `LoaiDinhDanh` "1": public lookup asks for it, so a dossier without it
 * could never be found. Problems name the field and never the number.
 */
import type { RecordReader } from './record-reader.ts';
import { SecretText } from './secret-text.ts';

const PERSONAL_ID_TYPE = '1';
/**
 * 12 digits whose first three, the province of registration, are not 000: placeholders that some
 * systems send for a missing number ("000000001", padded or not) are refused.
 */
const PERSONAL_ID = /^(?!000)[0-9]{12}$/;
const INVALID = 'must be a 12-digit personal identification number (placeholders are refused)';

interface Candidate {
  field: string;
  /** Undefined when the field is empty, or not text (a problem already added). */
  number: string | undefined;
  sent: boolean;
}

/** The identity number, or undefined with the problems added to `reader`. */
export function readApplicantId(reader: RecordReader): SecretText | undefined {
  const candidates: Candidate[] = [];
  const direct = reader.text('SoGiayToChuHoSo', { maxLength: 40 });
  if (reader.has('SoGiayToChuHoSo')) candidates.push({ field: 'SoGiayToChuHoSo', number: direct, sent: true });
  reader.list('DinhDanhCHS').forEach((identity, index) => {
    if (identity.text('LoaiDinhDanh', { maxLength: 10 }) !== PERSONAL_ID_TYPE) return;
    const field = `DinhDanhCHS[${index}].SoDinhDanh`;
    candidates.push({ field, number: identity.text('SoDinhDanh', { maxLength: 40 }), sent: identity.has('SoDinhDanh') });
  });

  const valid = new Set(candidates.flatMap((c) => (c.number !== undefined && PERSONAL_ID.test(c.number) ? [c.number] : [])));
  if (valid.size === 1) {
    // Another candidate that is not a personal number (an old 9-digit card in SoGiayToChuHoSo) is fine.
    return new SecretText([...valid][0]!);
  }
  if (valid.size > 1) {
    reader.fail('DinhDanhCHS', 'invalid', 'names another identity number than SoGiayToChuHoSo');
    return undefined;
  }
  if (candidates.length === 0) {
    reader.fail('SoGiayToChuHoSo', 'required',
      'is required: the applicant\'s 12-digit personal identification number (or a DinhDanhCHS item with LoaiDinhDanh "1")');
    return undefined;
  }
  for (const candidate of candidates) {
    if (!candidate.sent) reader.fail(candidate.field, 'required', 'is required');
    else if (candidate.number !== undefined) reader.fail(candidate.field, 'invalid', INVALID);
  }
  return undefined;
}
