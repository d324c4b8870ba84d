/**
 * Vietnamese text folding, shared by the sandbox's search index and the widgets' highlighting so
 * that both sides agree on what "matches".
 *
 * Folding lower-cases, removes combining marks (so "lý lịch" → "ly lich") and maps đ/Đ to d:
 * đ is a letter of its own in Unicode, not d plus a mark, so NFD alone leaves it untouched.
 * Full-width letters, digits and spaces, as some Asian keyboards type them ("ｋｈａｉ ｓｉｎｈ"),
 * are the ones they look like. Only those: a wider normalisation (NFKD) would also change text
 * the catalogue has stored folded ("m²"), which would then no longer match.
 */
export function foldVietnamese(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xFEE0))
    .replace(/\u3000/g, ' ')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .normalize('NFC');
}

/**
 * Splits text into folded words (letters and digits), the unit both search and highlighting use.
 */
export function foldedWords(text: string): string[] {
  return foldVietnamese(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * A syllable whose vowel is a lone i or y after its consonant: "ký" and "kí", "lý" and "lí", "mỹ"
 * and "mĩ", "quy" and "qui" are two accepted spellings of one word, and people type either.
 * (Not "y" alone, as in "y tế", nor "ay"/"ai", which are different words.)
 */
const I_OR_Y = /^(b|ch|c|d|gh|g|h|kh|k|l|m|ngh|ng|nh|n|ph|p|qu|r|s|th|tr|t|v|x)([iy])$/;

/** A folded word's other accepted spelling ("ki" ↔ "ky"), or undefined when it has none. */
export function otherSpelling(word: string): string | undefined {
  const parts = I_OR_Y.exec(word);
  return parts ? `${parts[1]}${parts[2] === 'i' ? 'y' : 'i'}` : undefined;
}

/** Folded text with each word in one spelling of the two ("dang ky" and "dang ki" both → "dang ki"). */
export function oneSpelling(folded: string): string {
  return folded.replace(/[\p{L}\p{N}]+/gu, (word) => (I_OR_Y.test(word) ? word.slice(0, -1) + 'i' : word));
}

/** A stable ASCII slug, e.g. "Sở Tư pháp" → "so-tu-phap". */
export function slugify(text: string): string {
  return foldedWords(text).join('-');
}

export interface TextRange {
  start: number;
  end: number;
}

/**
 * Finds where the query's words occur in `text`, comparing folded forms, and returns ranges in the
 * original (unfolded) string so a caller can wrap them in `<mark>` without changing the text.
 * A query word matches the start of a text word ("khai" matches "khai", "ly" matches "lý"), or
 * the whole word in its other spelling ("ki" matches "ký").
 */
export function findMatches(text: string, query: string): TextRange[] {
  const queryWords = new Set(foldedWords(query));
  if (queryWords.size === 0) return [];
  const otherSpellings = new Set([...queryWords].map(otherSpelling).filter((word) => word !== undefined));
  const ranges: TextRange[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    const word = foldVietnamese(match[0]);
    if (otherSpellings.has(word)) {
      ranges.push({ start: match.index, end: match.index + match[0].length });
      continue;
    }
    for (const queryWord of queryWords) {
      if (word.startsWith(queryWord)) {
        // Folding can shorten a word (combining marks removed): map the prefix length back by
        // folding growing prefixes of the original word.
        const original = match[0];
        let length = original.length;
        if (queryWord.length < word.length) {
          for (let i = 1; i <= original.length; i++) {
            if (foldVietnamese(original.slice(0, i)).length >= queryWord.length) {
              length = i;
              break;
            }
          }
          // Keep any combining marks that belong to the last matched letter.
          while (length < original.length && /\p{M}/u.test(original[length] ?? '')) length++;
        }
        ranges.push({ start: match.index, end: match.index + length });
        break;
      }
    }
  }
  return ranges;
}
