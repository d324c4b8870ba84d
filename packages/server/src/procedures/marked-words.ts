import { foldVietnamese } from '@dvc-kit/sdk';

/** The five tone marks, as combining characters (NFD). */
const TONE = '[\u0300\u0301\u0303\u0309\u0323]';
const TONES = new RegExp(TONE, 'g');
/**
 * A final oa, oe, uy or ua with its tone on the first vowel ("hòa", "thủy", "của"): the tone moved
 * onto the second ("hoà", "thuỷ", "cuả"). Names are written with either placement; the form only
 * has to be one, the same for a name and a query, not the one a style guide prefers.
 */
const TONE_ON_FIRST = new RegExp(`([ou])(${TONE})([aey])$`);
/** A lone y after a consonant, its tone kept: "ký" and "kí" are one word (the search's oneSpelling). */
const Y_AFTER_CONSONANT = new RegExp(`^(b|ch|c|d|gh|g|h|kh|k|l|m|ngh|ng|nh|n|ph|p|qu|r|s|th|tr|t|v|x)y(${TONE}?)$`);

/**
 * The words of `text` as written, marks and all, in one form each: lower case, composed, full-width
 * letters as the usual ones, the tone of a final oa, oe, uy placed one way (`TONE_ON_FIRST`), and
 * i for a lone y after a consonant. The search matches folded words ("thue" finds "thuê" and
 * "thuế"); these tell which of them a citizen who typed the marks meant.
 */
export function markedWords(text: string): string[] {
  const words = text.normalize('NFKC').normalize('NFD').toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  return words.map((word) => word.replace(TONE_ON_FIRST, '$1$3$2').replace(Y_AFTER_CONSONANT, '$1i$2').normalize('NFC'));
}

/** A word (as `markedWords` gives it) without its tone, its other marks kept: "cấp" → "câp". */
export function withoutTone(word: string): string {
  return word.normalize('NFD').replace(TONES, '').normalize('NFC');
}

/**
 * Of a query's words (as `markedWords` gives them), those typed with marks (a tone, a hat, đ) that
 * say something: not one letter alone ("đ", the first keystroke of "đăng", is a word of its own
 * only in a law's lettered list).
 */
export function typedWithMarks(words: readonly string[]): string[] {
  return words.filter((word) => word.length > 1 && foldVietnamese(word) !== word);
}
