/**
 * What a text answer says in place of a number shaped like an identity number, which the survey's
 * hint asks the citizen not to write: a comment is read by staff and kept for reports, so the
 * server does not store the number, and the survey widget does not keep it in the tab's draft.
 * 12 digits, also written in groups of three ("001 099 000 013", "001.099.000.013") or of four, as
 * the card prints them ("0010 9900 0013": in groups of four only from the leading 0 of the
 * province code, and not inside a longer run of groups, so "2023 2024 2025" or a bank card's 16
 * digits stay), or the old card's 9 written together. An amount of that shape goes too
 * ("150000000", "150.000.000.000"); the usual "150.000.000" stays, as do phone numbers (10 digits).
 *
 * A module of its own, with no imports: the server's migrations mask the answers stored before.
 */
export const IDENTITY_NUMBER_MASK = '[số định danh đã được ẩn]';
const IDENTITY_NUMBER_IN_TEXT =
  /(?<![\d.,])(?:\d{3}([ .-]?)\d{3}\1\d{3}\1\d{3}|\d{9})(?![\d]|[.,]\d)|(?<![\d.,]|\d[ .-])0\d{3}([ .-])\d{4}\2\d{4}(?![\d]|[.,]\d|[ .-]\d)/g;

/** `text` with every identity number in it replaced by `mask` (the server stores IDENTITY_NUMBER_MASK). */
export function maskIdentityNumbers(text: string, mask: string): string {
  return text.replace(IDENTITY_NUMBER_IN_TEXT, () => mask);
}

/** Survey answers (id → value) with the identity numbers in their text answers replaced by `mask`. */
export function maskedAnswers(answers: Record<string, unknown>, mask: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(answers).map(([id, value]) => [id, typeof value === 'string' ? maskIdentityNumbers(value, mask) : value]));
}
