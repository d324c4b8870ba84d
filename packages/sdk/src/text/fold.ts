/**
 * Vietnamese text folding, shared by the sandbox's search index and the widgets' highlighting so
 * that both sides agree on what "matches".
 *
 * Folding lower-cases, removes combining marks (so "lý lịch" → "ly lich") and maps đ/Đ to d:
 * đ is a letter of its own in Unicode, not d plus a mark, so NFD alone leaves it untouched.
 */
export function foldVietnamese(text: string): string {
  return text
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
 * A query word matches the start of a text word ("khai" matches "khai", "ly" matches "lý").
 */
export function findMatches(text: string, query: string): TextRange[] {
  const queryWords = new Set(foldedWords(query));
  if (queryWords.size === 0) return [];
  const ranges: TextRange[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    const word = foldVietnamese(match[0]);
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
