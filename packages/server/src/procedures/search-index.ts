import { oneSpelling, otherSpelling, type components } from '@dvc-kit/sdk';
import type { Storage } from '../storage/storage.ts';
import { markedWords, withoutTone } from './marked-words.ts';

type OnlineLevel = components['schemas']['OnlineLevel'];

/** What search needs of every procedure to filter, count facets and rank. */
export interface IndexedProcedure {
  id: number;
  /** Its position in `CatalogueIndex.docs`: per-procedure scores are arrays, not maps. */
  ordinal: number;
  code: string;
  nameFolded: string;
  /**
   * The folded name with i/y words in one spelling (oneSpelling), a space each side: a query's
   * phrase in whole words is then one `includes(' phrase ')`, with no string built per candidate.
   */
  nameOneSpellingSpaced: string;
  fieldCode: string;
  /** The field's position in `CatalogueIndex.fields`: facets count into an array, not a map. */
  fieldOrdinal: number;
  online: OnlineLevel;
  central: number;
  province: number;
  commune: number;
}

/** The searched columns, in order, and their weights in the ranking (the name far above the rest). */
const COLUMNS = ['search_name', 'search_code', 'search_field', 'search_agencies', 'search_body'] as const;
const WEIGHTS = [10, 8, 2, 1.5, 0.5];
/** BM25's usual constants. */
const K1 = 1.2;
const B = 0.75;

/** One word's occurrences: in which procedure (index into `docs`) and column, how often. */
interface Posting {
  doc: number;
  column: number;
  count: number;
}

function addTo(lists: Map<string, number[]>, key: string, value: number): void {
  const list = lists.get(key);
  if (list) list.push(value);
  else lists.set(key, [value]);
}

/** The first index in sorted `words` at or after `prefix`. */
function lowerBound(words: string[], prefix: string): number {
  let low = 0;
  let high = words.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (words[mid]! < prefix) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** A procedure matched by a query, and its BM25 score (lower is better, as SQLite's bm25()). */
export interface ScoredMatch {
  p: IndexedProcedure;
  score: number;
}

/** A small least-recently-used map (recent answers, prefix matches): a hit moves to the back, the front goes when it is full. */
export class RecentAnswers<T> {
  readonly #entries = new Map<string, T>();
  readonly #capacity: number;

  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  get(key: string): T | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: T): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size > this.#capacity) this.#entries.delete(this.#entries.keys().next().value!);
  }
}

const tokenize = (folded: string) => folded.match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * The catalogue's full-text index, in memory: the folded words of every procedure's searched
 * columns, matched by prefix (citizens search while typing: "dang k"), ranked by BM25 with column
 * weights exactly as SQLite's FTS5 `bm25()` computes it. Held here rather than in either
 * database, it answers a keystroke without a round trip and ranks alike on SQLite and PostgreSQL.
 * About 22 MB of heap for the full public catalogue (5,669 procedures), 3 MB of it the names' words
 * as written; the caches of answers and prefixes grow with use, within their bounds.
 */
export class CatalogueIndex {
  readonly docs: IndexedProcedure[] = [];
  readonly byId = new Map<number, IndexedProcedure>();
  /** The catalogue's fields, each once, in the order first met. */
  readonly fields: { code: string; name: string }[] = [];
  /** Every distinct word, sorted: a prefix's words are one contiguous range. */
  readonly #words: string[];
  readonly #postings = new Map<string, Posting[]>();
  readonly #length: Uint32Array;
  readonly #averageLength: number;
  /** BM25's length normalisation of each procedure, computed once. */
  readonly #lengthNorms: Float64Array;
  /** Short prefixes (typed first, by everyone) are the costly ones: the recent ones are kept. */
  readonly #prefixCache = new RecentAnswers<Map<number, number>>(2_000);
  /**
   * Recent search answers over this index, as UTF-8 JSON (procedures/repository.ts), dropped with
   * it. Kept encoded: encoding a 14 kB answer on every send was a quarter of a search's cost.
   */
  readonly answers = new RecentAnswers<Buffer>(2_000);
  /** Run-together words and their readings (null: none), and whole words' procedures, as they are asked for. */
  readonly #readings = new RecentAnswers<string[] | null>(1_000);
  readonly #wordDocs = new RecentAnswers<Set<number>>(1_000);
  /** The names' words as written (`markedWords`), and without their tones: the procedures (ordinals) holding each, and the words in order. */
  readonly #namesAsWritten = new Map<string, number[]>();
  readonly #namesWithoutTone = new Map<string, number[]>();
  #wordsAsWritten: string[] = [];
  #wordsWithoutTone: string[] = [];
  /** Each a byte per procedure (5.7 kB for the full catalogue). */
  readonly #writtenScores = new RecentAnswers<Uint8Array>(300);

  constructor(rows: IndexRow[]) {
    this.#length = new Uint32Array(rows.length);
    let total = 0;
    const fieldOrdinals = new Map<string, number>();
    rows.forEach((row, doc) => {
      let fieldOrdinal = fieldOrdinals.get(row.field_code);
      if (fieldOrdinal === undefined) {
        fieldOrdinal = this.fields.push({ code: row.field_code, name: row.field_name }) - 1;
        fieldOrdinals.set(row.field_code, fieldOrdinal);
      }
      const p: IndexedProcedure = {
        id: row.id, ordinal: doc, code: row.code, nameFolded: row.search_name, nameOneSpellingSpaced: ` ${oneSpelling(row.search_name)} `,
        fieldCode: row.field_code, fieldOrdinal,
        online: row.online_level, central: row.level_central, province: row.level_province, commune: row.level_commune,
      };
      this.docs.push(p);
      this.byId.set(p.id, p);
      for (const word of new Set(markedWords(row.name))) addTo(this.#namesAsWritten, word, doc);
      COLUMNS.forEach((column, c) => {
        const counts = new Map<string, number>();
        for (const word of tokenize(row[column])) {
          counts.set(word, (counts.get(word) ?? 0) + 1);
          this.#length[doc]!++;
          total++;
        }
        for (const [word, count] of counts) {
          let list = this.#postings.get(word);
          if (!list) this.#postings.set(word, (list = []));
          list.push({ doc, column: c, count });
        }
      });
    });
    this.#words = [...this.#postings.keys()].sort();
    this.#wordsAsWritten = [...this.#namesAsWritten.keys()].sort();
    // Each word without its tone once, not each time a name holds it.
    for (const [word, docs] of this.#namesAsWritten) {
      const toneless = withoutTone(word);
      for (const doc of docs) addTo(this.#namesWithoutTone, toneless, doc);
    }
    this.#wordsWithoutTone = [...this.#namesWithoutTone.keys()].sort();
    this.#averageLength = rows.length > 0 ? total / rows.length : 0;
    this.#lengthNorms = Float64Array.from(this.#length, (length) => K1 * (1 - B + (B * length) / this.#averageLength));
  }

  /**
   * For each procedure (by ordinal), how its name holds `word`, a word typed with marks (as
   * `markedWords` gives it): 0 as a whole word, as written ("thuế"); 1 as the beginning of one
   * ("hộ" of "hội"), or, for a word typed without its tone yet, of one with a tone ("câ", on the way
   * to "cấp": Telex and VNI put a hat mid-word, the tone last); else 2 ("thuế" in "thuê đất").
   */
  namesHolding(word: string): Uint8Array {
    const known = this.#writtenScores.get(word);
    if (known) return known;
    const scores = new Uint8Array(this.docs.length).fill(2);
    const [words, names] = withoutTone(word) === word ? [this.#wordsWithoutTone, this.#namesWithoutTone] : [this.#wordsAsWritten, this.#namesAsWritten];
    for (let i = lowerBound(words, word); i < words.length && words[i]!.startsWith(word); i++) {
      for (const doc of names.get(words[i]!)!) scores[doc] = 1;
    }
    for (const doc of this.#namesAsWritten.get(word) ?? []) scores[doc] = 0;
    this.#writtenScores.set(word, scores);
    return scores;
  }

  /** Whether any word of the catalogue begins with `prefix`. */
  hasPrefix(prefix: string): boolean {
    return this.#words[lowerBound(this.#words, prefix)]?.startsWith(prefix) ?? false;
  }

  /**
   * For each procedure with a word beginning with `prefix`, or that is its other spelling ("ki"
   * finds "ký" as well as "kiểm"): its weighted count of such words.
   */
  #frequencies(prefix: string): Map<number, number> {
    const frequencies = this.#prefixCache.get(prefix);
    if (frequencies) return frequencies;
    const found = new Map<number, number>();
    const add = (word: string) => {
      for (const { doc, column, count } of this.#postings.get(word) ?? []) {
        found.set(doc, (found.get(doc) ?? 0) + WEIGHTS[column]! * count);
      }
    };
    for (let i = lowerBound(this.#words, prefix); i < this.#words.length && this.#words[i]!.startsWith(prefix); i++) add(this.#words[i]!);
    const other = otherSpelling(prefix);
    if (other !== undefined && !other.startsWith(prefix)) add(other);
    this.#prefixCache.set(prefix, found);
    return found;
  }

  /** Procedures having a word that begins with one of `prefixes` (any, or all of them when `every`). */
  match(prefixes: string[], every: boolean): ScoredMatch[] {
    const terms = [...new Set(prefixes)].map((prefix) => this.#frequencies(prefix));
    if (terms.length === 0) return [];
    const n = this.docs.length;
    // IDF as FTS5 computes it, never zero or below so a very common word still counts a little.
    const idf = terms.map((t) => Math.max(1e-6, Math.log((n - t.size + 0.5) / (t.size + 0.5))));
    let candidates: Iterable<number>;
    if (terms.length === 1) {
      candidates = terms[0]!.keys();
    } else if (every) {
      const smallest = terms.reduce((a, b) => (b.size < a.size ? b : a));
      candidates = [...smallest.keys()].filter((doc) => terms.every((t) => t.has(doc)));
    } else {
      const union = new Set<number>();
      for (const t of terms) for (const doc of t.keys()) union.add(doc);
      candidates = union;
    }
    const matches: ScoredMatch[] = [];
    const norms = this.#lengthNorms;
    for (const doc of candidates) {
      let score = 0;
      for (let i = 0; i < terms.length; i++) {
        const f = terms[i]!.get(doc);
        if (f) score += idf[i]! * ((f * (K1 + 1)) / (f + norms[doc]!));
      }
      matches.push({ p: this.docs[doc]!, score: -score });
    }
    return matches;
  }

  /**
   * The catalogue's word one slip of the keyboard away from `word` (a letter left out, one too many,
   * one wrong, or two swapped: "snh" and "sihn" are "sinh"), the most used when several are.
   */
  nearWord(word: string): string | undefined {
    let best: string | undefined;
    let uses = 0;
    for (const candidate of this.#words) {
      if (Math.abs(candidate.length - word.length) > 1 || !oneSlipApart(word, candidate)) continue;
      const count = this.#postings.get(candidate)!.length;
      if (count > uses) {
        best = candidate;
        uses = count;
      }
    }
    return best;
  }

  /**
   * `word` read as the catalogue's words run together, as typed without spaces ("hochieu" is
   * "ho chieu", "nhaoxahoi" "nha o xa hoi"): whole words of the catalogue, one letter ones included,
   * the last of which may be a beginning (the citizen is still typing: "dangkyk"). Of the readings,
   * the one the most procedure names hold as a phrase, then the one of the fewest words, then the
   * one the most procedures hold; undefined when no procedure holds a reading. Remembered per word:
   * the live search asks again at every keystroke.
   */
  wordsRunTogether(word: string): string[] | undefined {
    if (word.length < 2 || word.length > MAX_RUN_TOGETHER) return undefined;
    const known = this.#readings.get(word);
    if (known !== undefined) return known ?? undefined;
    const readings: string[][] = [];
    let steps = 0;
    // Longer words first, so the readings a person means come before those of stray letters.
    const read = (rest: string, parts: string[]) => {
      for (let end = rest.length - 1; end >= 1 && readings.length < MAX_READINGS && steps++ < MAX_STEPS; end--) {
        const part = rest.slice(0, end);
        if (!this.#postings.has(part)) continue;
        const tail = rest.slice(end);
        if (this.hasPrefix(tail)) readings.push([...parts, part, tail]);
        if (parts.length + 2 < MAX_PARTS) read(tail, [...parts, part]);
      }
    };
    read(word, []);
    let best: string[] | null = null;
    let bestKey: number[] = [];
    // Greater is better, in order: names holding the phrase, fewer words, procedures holding them all.
    const better = (a: number[], b: number[]) => (a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!) > 0;
    for (const parts of readings) {
      const together = this.#docsHoldingAll(parts);
      if (together.length === 0) continue;
      const phrase = ` ${oneSpelling(parts.join(' '))}`;
      let named = 0;
      for (const doc of together) if (this.docs[doc]!.nameOneSpellingSpaced.includes(phrase)) named++;
      const key = [named, -parts.length, together.length];
      if (best === null || better(key, bestKey)) {
        best = parts;
        bestKey = key;
      }
    }
    this.#readings.set(word, best);
    return best ?? undefined;
  }

  /** The procedures holding each of `parts` as a whole word (in either spelling), the last as a beginning. */
  #docsHoldingAll(parts: string[]): number[] {
    // The last part's procedures are the prefix's own (cached) map, asked as a set, not copied into one.
    const sets: Array<ReadonlySet<number> | ReadonlyMap<number, number>> = parts.map((part, i) => (i === parts.length - 1 ? this.#frequencies(part) : this.#docsWithWord(part)));
    const [smallest, ...rest] = sets.sort((a, b) => a.size - b.size);
    return [...smallest!.keys()].filter((doc) => rest.every((set) => set.has(doc)));
  }

  #docsWithWord(word: string): Set<number> {
    const known = this.#wordDocs.get(word);
    if (known) return known;
    const docs = new Set<number>();
    for (const spelled of [word, otherSpelling(word)]) for (const { doc } of spelled === undefined ? [] : this.#postings.get(spelled) ?? []) docs.add(doc);
    this.#wordDocs.set(word, docs);
    return docs;
  }

  /** Whether any procedure has a word that begins with `prefix`, or that is its other spelling. */
  matches(prefix: string): boolean {
    const other = otherSpelling(prefix);
    return this.hasPrefix(prefix) || (other !== undefined && this.#postings.has(other));
  }

  /** The ids of the procedures having a word that begins with `prefix`. */
  idsMatching(prefix: string): number[] {
    return [...this.#frequencies(prefix).keys()].map((doc) => this.docs[doc]!.id);
  }
}

/** At most this many words are read out of one typed without spaces, from at most this many letters. */
const MAX_PARTS = 6;
const MAX_RUN_TOGETHER = 40;
/** Readings weighed, and letters tried, per run-together word: bounds on the work a nonsense word can cause. */
const MAX_READINGS = 64;
const MAX_STEPS = 4_000;

/** Whether `a` and `b` differ by one letter left out or added, one changed, or two neighbours swapped. */
export function oneSlipApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length > b.length) return a.slice(i + 1) === b.slice(i);
  if (a.length < b.length) return a.slice(i) === b.slice(i + 1);
  return a.slice(i + 1) === b.slice(i + 1)
    || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
}

export interface IndexRow {
  id: number;
  code: string;
  name: string;
  field_code: string;
  field_name: string;
  online_level: OnlineLevel;
  level_central: number;
  level_province: number;
  level_commune: number;
  search_name: string;
  search_code: string;
  search_field: string;
  search_agencies: string;
  search_body: string;
}

/** The counter that moves whenever the catalogue changes, in any process. */
export const CATALOGUE_VERSION = 'catalogue-version';

/**
 * Keeps one storage's index current. Built on first use; rebuilt when this process changes the
 * catalogue, and when another process did (checked at most every `checkEveryMs`): an import is
 * seen by every server within that time. Searches go on with the old index while a new one builds.
 */
export class CatalogueIndexes {
  readonly #storage: Storage;
  readonly #checkEveryMs: number;
  #index: CatalogueIndex | undefined;
  #version: number | undefined;
  #checkedAt = 0;
  #building: Promise<CatalogueIndex> | undefined;
  /** Moves on every invalidation: a build begun before it must not install a stale index. */
  #generation = 0;

  constructor(storage: Storage, checkEveryMs = 1_000) {
    this.#storage = storage;
    this.#checkEveryMs = checkEveryMs;
  }

  async current(): Promise<CatalogueIndex> {
    const now = Date.now();
    if (this.#index && now - this.#checkedAt < this.#checkEveryMs) return this.#index;
    this.#checkedAt = now;
    const version = await this.#readVersion();
    if (this.#index && version === this.#version) return this.#index;
    if (!this.#building) {
      const building = this.#build(version).finally(() => {
        if (this.#building === building) this.#building = undefined;
      });
      this.#building = building;
    }
    return this.#index ?? this.#building;
  }

  /** How many procedures the index holds now, without asking the database (liveness). */
  get size(): number {
    return this.#index?.docs.length ?? 0;
  }

  /** Forgets the index after this process changed the catalogue. */
  invalidate(): void {
    this.#generation++;
    this.#index = undefined;
    this.#building = undefined;
    this.#checkedAt = 0;
  }

  async #readVersion(): Promise<number> {
    return (await this.#storage.one<{ value: number }>('SELECT value FROM counters WHERE name = ?', [CATALOGUE_VERSION]))?.value ?? 0;
  }

  async #build(version: number): Promise<CatalogueIndex> {
    const generation = this.#generation;
    const rows = await this.#storage.all<IndexRow>(`SELECT id, code, name, field_code, field_name, online_level,
      level_central, level_province, level_commune, ${COLUMNS.join(', ')} FROM procedures ORDER BY id`);
    const index = new CatalogueIndex(rows.map((r) => ({ ...r, id: Number(r.id) })));
    if (generation === this.#generation) {
      this.#index = index;
      this.#version = version;
    }
    return index;
  }
}
