import { foldVietnamese } from '@dvc-kit/sdk';

/** The five tone marks, as combining characters (NFD). */
const TONE = '[\u0300\u0301\u0303\u0309\u0323]';
/** A final oa, oe or uy with its tone on the first vowel ("hòa", "thủy"), the newer placement. */
const TONE_ON_FIRST = new RegExp(`([ou])(${TONE})([aey])$`);
/** A lone y after a consonant, its tone kept: "ký" and "kí" are one word (the search's oneSpelling). */
const Y_AFTER_CONSONANT = new RegExp(`^(b|ch|c|d|gh|g|h|kh|k|l|m|ngh|ng|nh|n|ph|p|qu|r|s|th|tr|t|v|x)y(${TONE}?)$`);

/**
 * The words of `text` as written, marks and all, in one form each: lower case, the tone where the
 * older placement puts it ("hòa" and "hoà", "thủy" and "thuỷ" alike, as names in the catalogue are
 * written both ways), and i for a lone y after a consonant. The search matches folded words
 * ("thue" finds "thuê" and "thuế"); these say which of them a citizen who typed the marks meant.
 */
export function markedWords(text: string): string[] {
  const words = text.normalize('NFD').toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  return words.map((word) => word.replace(TONE_ON_FIRST, '$1$3$2').replace(Y_AFTER_CONSONANT, '$1i$2').normalize('NFC'));
}

/** The words of a query typed with marks (a tone, a hat, đ), in the form `markedWords` gives. */
export function typedWithMarks(query: string): string[] {
  return markedWords(query).filter((word) => foldVietnamese(word) !== word);
}
