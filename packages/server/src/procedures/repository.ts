import type { components } from '@dvc-kit/sdk';
import { foldVietnamese, foldedWords, oneSpelling, onlineLevels, procedureLevels, slugify } from '@dvc-kit/sdk';
import type { ServerContext } from '../context.ts';
import type { ProcedureRecord } from '../catalog/record.ts';
import { summarize } from './derive.ts';
import { markedWords, typedWithMarks } from './marked-words.ts';
import { CATALOGUE_VERSION } from './search-index.ts';
import type { CatalogueIndex, ScoredMatch } from './search-index.ts';

type Schemas = components['schemas'];
/** What the catalogue's functions need of the server: its storage and search index. */
type CatalogueContext = Pick<ServerContext, 'storage' | 'catalogue'>;
type Procedure = Schemas['Procedure'];
type ProcedureSummary = Schemas['ProcedureSummary'];
type SearchResult = Schemas['ProcedureSearchResult'];
type Level = Schemas['Level'];
type OnlineLevel = Schemas['OnlineLevel'];

export interface SearchQuery {
  q?: string;
  field?: string;
  level?: Level;
  agency?: string;
  online?: OnlineLevel;
  page: number;
  pageSize: number;
}

const CODE_PATTERN = /^\d\.\d{6}$/;

/** The procedure's searched text, folded the kit's own way (see search-index.ts). */
function searchColumns(record: ProcedureRecord): string[] {
  return [
    foldVietnamese(record.name),
    foldedWords(record.code).join(' '),
    foldVietnamese(record.field.name),
    foldVietnamese(record.agencyDetails.executing.join(' ')),
    foldVietnamese([...record.results, ...record.eligibility].join(' ')),
  ];
}

/**
 * Inserts or replaces procedures (and their agencies) in one transaction, and moves the catalogue
 * version on so every process rebuilds its search index.
 */
export async function saveProcedures(ctx: CatalogueContext, records: Iterable<ProcedureRecord>): Promise<number> {
  let count = 0;
  await ctx.storage.transaction(async (tx) => {
    for (const record of records) {
      await tx.run('DELETE FROM procedures WHERE code = ?', [record.code]);
      const summary = summarize(record);
      const inserted = await tx.one<{ id: number }>(`
        INSERT INTO procedures (code, name, field_code, field_name, online_level,
          level_central, level_province, level_commune, record, summary,
          search_name, search_code, search_field, search_agencies, search_body)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, [
        record.code, record.name, record.field.code, record.field.name, record.onlineLevel,
        Number(record.levels.includes('central')), Number(record.levels.includes('province')),
        Number(record.levels.includes('commune')),
        JSON.stringify(record), JSON.stringify(summary),
        ...searchColumns(record),
      ]);
      for (const name of record.agencyDetails.executing) {
        const id = slugify(name);
        if (id === '') continue;
        await tx.run('INSERT INTO agencies (id, name) VALUES (?, ?) ON CONFLICT (id) DO NOTHING', [id, name]);
        await tx.run('INSERT INTO procedure_agencies (procedure_id, agency_id) VALUES (?, ?) ON CONFLICT DO NOTHING', [inserted!.id, id]);
      }
      count++;
    }
    await tx.run(`INSERT INTO counters (name, value) VALUES (?, 1)
      ON CONFLICT (name) DO UPDATE SET value = counters.value + 1`, [CATALOGUE_VERSION]);
  });
  ctx.catalogue.invalidate();
  return count;
}

export async function getProcedure(ctx: CatalogueContext, code: string): Promise<Procedure | undefined> {
  const row = await ctx.storage.one<{ record: string; summary: string }>('SELECT record, summary FROM procedures WHERE code = ?', [code]);
  if (!row) return undefined;
  const record = JSON.parse(row.record) as ProcedureRecord;
  const summary = JSON.parse(row.summary) as ProcedureSummary;
  return { ...record, ...summary, agencyDetails: record.agencyDetails };
}

export async function countProcedures(ctx: CatalogueContext): Promise<number> {
  return (await ctx.storage.one<{ n: number }>('SELECT count(*) AS n FROM procedures'))!.n;
}

/** Vietnamese alphabetical order, the way a citizen reads a list. */
const byName = new Intl.Collator('vi', { sensitivity: 'base' });

/** The field list of each catalogue index: read once per catalogue version, as the index is. */
const fieldLists = new WeakMap<CatalogueIndex, Promise<Schemas['Field'][]>>();

export async function listFields(ctx: CatalogueContext): Promise<Schemas['Field'][]> {
  const index = await ctx.catalogue.current();
  let list = fieldLists.get(index);
  if (!list) {
    list = readFields(ctx);
    fieldLists.set(index, list);
    list.catch(() => fieldLists.delete(index));
  }
  return list;
}

async function readFields(ctx: CatalogueContext): Promise<Schemas['Field'][]> {
  const rows = await ctx.storage.all<Schemas['Field']>(`
    SELECT field_code AS code, field_name AS name, count(*) AS "procedureCount"
    FROM procedures GROUP BY field_code, field_name`);
  await namePublishersOfNamesakes(ctx, rows);
  return rows.sort((a, b) => byName.compare(a.name, b.name) || compareText(a.code, b.code));
}

/**
 * Two fields of one name (two ministries' "Hộ tịch") would be two identical options: each gets the
 * body that publishes most of its procedures. Only their procedures are read; usually none.
 */
async function namePublishersOfNamesakes(ctx: CatalogueContext, fields: Schemas['Field'][]): Promise<void> {
  const codesByName = new Map<string, string[]>();
  for (const field of fields) codesByName.set(field.name, [...codesByName.get(field.name) ?? [], field.code]);
  const namesakes = [...codesByName.values()].filter((codes) => codes.length > 1).flat();
  if (namesakes.length === 0) return;
  const rows = await ctx.storage.all<{ field_code: string; record: string }>(
    `SELECT field_code, record FROM procedures WHERE field_code IN (${namesakes.map(() => '?').join(', ')})`, namesakes);
  const tally = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const publisher = (JSON.parse(row.record) as ProcedureRecord).promulgatedBy;
    if (!publisher) continue;
    const counts = tally.get(row.field_code) ?? new Map<string, number>();
    tally.set(row.field_code, counts.set(publisher, (counts.get(publisher) ?? 0) + 1));
  }
  for (const field of fields) {
    const counts = tally.get(field.code);
    if (!counts) continue;
    field.publisher = [...counts].sort(([a, m], [b, n]) => n - m || compareText(a, b))[0]![0];
  }
}

export async function listAgencies(ctx: CatalogueContext): Promise<Schemas['Agency'][]> {
  const rows = await ctx.storage.all<Schemas['Agency']>(`
    SELECT a.id, a.name, count(*) AS "procedureCount"
    FROM agencies a JOIN procedure_agencies pa ON pa.agency_id = a.id
    GROUP BY a.id, a.name`);
  return rows.sort((a, b) => byName.compare(a.name, b.name) || compareText(a.id, b.id));
}

/**
 * Full-text search with filters and facets.
 *
 * Ranking: an exact code first; then, of a query typed with marks, the names holding its words as
 * typed ("thuế", tax, before "thuê", rent, which fold alike and are both found); then procedures
 * whose name contains the whole query (folded), the shortest such name first (the closest to what
 * was typed); then BM25 (as SQLite's FTS5 computes it) with the name weighted far above the other
 * columns (search-index.ts). When every word together finds nothing (a typo, a stray word), see
 * `looseCandidates`: the procedures matching the most of the query's words come first, and the list
 * keeps only those that match all of the words but one (a single word: as read there).
 *
 * The index finds the candidates with what filters and facets need; filtering and facet counts
 * (every filter but the facet's own) happen in one pass here, the page's best are kept as they go
 * by, and only the page's summaries are read from the database.
 */
export async function searchProcedures(ctx: CatalogueContext, query: SearchQuery): Promise<SearchResult> {
  return search(ctx, await ctx.catalogue.current(), query, readQuery(query.q));
}

/** What the search reads of the text typed. */
interface QueryReading {
  /** Its first words, folded: what is matched. */
  words: string[];
  /** Of those, the ones typed with marks, as written (marked-words.ts): what ranks first. */
  marked: string[];
  /** The text as a procedure code, when it is one: that procedure comes first. */
  exactCode: string | null;
  /** Only symbols typed ("🚗", "???"): they fold to no words, as an empty query does, but there is nothing to search for. */
  symbolsOnly: boolean;
}

/** Words past these are not read: a pasted paragraph is not a query. */
const MAX_WORDS = 12;

function readQuery(q = ''): QueryReading {
  const words = foldedWords(q).slice(0, MAX_WORDS);
  const trimmed = q.trim();
  return {
    words,
    // Most keystrokes are plain letters: nothing to read again for marks.
    marked: /[\u0080-\uffff]/.test(q) ? typedWithMarks(markedWords(q).slice(0, MAX_WORDS)) : [],
    exactCode: CODE_PATTERN.test(trimmed) ? trimmed : null,
    symbolsOnly: words.length === 0 && trimmed !== '',
  };
}

/**
 * The search's answer as the API sends it, UTF-8 JSON. Citizens type the same few beginnings
 * ("dang k", "khai s"): an answer is reused while the catalogue stays as it is (the cache lives
 * and dies with the index), neither searched nor serialized again. The key is what the search
 * reads: the folded words and those typed with marks, not the text as typed.
 */
export async function searchAnswer(ctx: CatalogueContext, query: SearchQuery): Promise<Buffer> {
  const index = await ctx.catalogue.current();
  const reading = readQuery(query.q);
  const key = JSON.stringify([reading, query.field, query.level, query.agency, query.online, query.page, query.pageSize]);
  const known = index.answers.get(key);
  if (known !== undefined) return known;
  const encoded = Buffer.from(JSON.stringify(await search(ctx, index, query, reading)));
  // A small one is a slice of Node's shared 8 kB pool: copied out, a cached answer keeps only its own bytes.
  const answer = encoded.length < Buffer.poolSize >>> 1 ? Buffer.copyBytesFrom(encoded) : encoded;
  index.answers.set(key, answer);
  return answer;
}

async function search(ctx: CatalogueContext, index: CatalogueIndex, query: SearchQuery, reading: QueryReading): Promise<SearchResult> {
  const { words } = reading;
  // Symbols only find nothing, where an empty query lists the whole catalogue.
  if (reading.symbolsOnly) return rankAndPage(ctx, index, [], query, '', reading, false);
  if (words.length === 0) return rankAndPage(ctx, index, index.docs.map((p) => ({ p, score: 0 })), query, '', reading, false);
  const candidates: Candidate[] = index.match(words, true);
  if (candidates.length > 0) return rankAndPage(ctx, index, candidates, query, words.join(' '), reading, false);
  // Nothing holds every word as typed: words typed without spaces between them are read apart
  // ("hochieu"), then the loose search. Either way the answer says its matches are close ones.
  const readApart = new Map(words.map((word) => [word, index.matches(word) ? undefined : index.wordsRunTogether(word)]));
  const apart = words.flatMap((word) => readApart.get(word) ?? [word]);
  const together = apart.length > words.length ? index.match(apart, true) : [];
  if (together.length > 0) {
    return rankAndPage(ctx, index, together, query, apart.join(' '), { ...reading, marked: markedApart(reading.marked, readApart) }, true);
  }
  const loose = looseCandidates(index, apart);
  return rankAndPage(ctx, index, loose.candidates, query, loose.phrase, reading, loose.candidates.length > 0);
}

/**
 * The words typed with marks, those typed run together cut where their folded forms were read
 * apart (`readApart`: "bánlẻ", folded "banle", read "ban le": "bán", "lẻ"), so that the marks still
 * say which of the names that fold alike was meant. Folding keeps a composed word's length, letter
 * for letter.
 */
function markedApart(marked: string[], readApart: ReadonlyMap<string, string[] | undefined>): string[] {
  return marked.flatMap((word) => {
    const folded = foldVietnamese(word);
    const parts = folded.length === word.length ? readApart.get(folded) : undefined;
    if (!parts) return [word];
    let at = 0;
    return typedWithMarks(parts.flatMap((part) => markedWords(word.slice(at, (at += part.length)))));
  });
}

interface Candidate extends ScoredMatch {
  /** How many of the query's words it matches (all of them, but in the loose search). */
  matched?: number;
}

/** A word shortened to a typo's longest prefix that still matches: "sinzzzz" → "sin" (finds "sinh"). */
const MIN_PREFIX = 3;

/**
 * The loose search, for when no procedure matches every word (or the one word typed). Each word is matched on its own; a
 * word that matches nothing anywhere is read as the catalogue's word one slip of the keyboard away
 * ("khai snh" is "khai sinh"), else cut to its longest prefix that does match (at least 3 letters),
 * so "khai sinzzzz" still means "khai sin…" (not a word typed alone, which the others do not
 * narrow). Procedures are ranked by how many words they match,
 * then as usual (the name containing the matching words, in order, as a phrase; then bm25 over
 * them), and only those matching all of the words but one are kept (or, when none does, those
 * matching the most): a typo gives a short list with the procedure meant on top, not every
 * procedure that shares one common word.
 */
function looseCandidates(index: CatalogueIndex, words: string[]): { candidates: Candidate[]; phrase: string } {
  const terms: { term: string; ids: number[] }[] = [];
  for (const word of words) {
    let ids = index.idsMatching(word);
    let term = word;
    const near = ids.length === 0 && word.length >= MIN_PREFIX ? index.nearWord(word) : undefined;
    if (near !== undefined) {
      term = near;
      ids = index.idsMatching(near);
    }
    // Alone, a word is not cut: "quokkavn" would find every procedure with a word beginning "quo".
    if (ids.length === 0 && word.length > MIN_PREFIX && words.length > 1) {
      // Prefixes of a matching prefix match too, so the longest matching one is found by bisection.
      let low = MIN_PREFIX - 1; // longest length known to match (none yet)
      let high = word.length; // shortest length known not to match
      while (high - low > 1) {
        const mid = (low + high) >> 1;
        if (index.hasPrefix(word.slice(0, mid))) low = mid;
        else high = mid;
      }
      if (low >= MIN_PREFIX) {
        term = word.slice(0, low);
        ids = index.idsMatching(term);
      }
    }
    if (ids.length > 0) terms.push({ term, ids });
  }

  const counts = new Map<number, number>();
  for (const { ids } of terms) for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  let best = 0;
  for (const n of counts.values()) if (n > best) best = n;
  const least = Math.min(best, Math.max(1, words.length - 1));

  const phrase = terms.map((t) => t.term).join(' ');
  if (best === 0) return { candidates: [], phrase };
  const candidates = index.match(terms.map((t) => t.term), false)
    .map((c) => ({ ...c, matched: counts.get(c.p.id) ?? 0 }))
    .filter((c) => c.matched >= least);
  return { candidates, phrase };
}

/** Code-point order: folded names are plain ASCII-like text, and Intl collation is slow per pair. */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A candidate's sort keys, computed once: a comparator that searched names would run n·log n times. */
interface Ranked {
  c: Candidate;
  exact: number;
  words: number;
  marks: number;
  phrase: number;
}

function compareRanked(a: Ranked, b: Ranked, phrase: string): number {
  return a.exact - b.exact ||
    a.words - b.words ||
    a.marks - b.marks ||
    a.phrase - b.phrase ||
    a.c.score - b.c.score ||
    (phrase ? 0 : compareText(a.c.p.nameFolded, b.c.p.nameFolded)) ||
    compareText(a.c.p.code, b.c.p.code);
}

/**
 * The best `count` candidates, best first: an exact code, then the most query words matched (the
 * loose search), then the names holding best the words typed with marks (as whole words, as
 * beginnings: "thuế" is tax, "thuê" rent, both "thue" folded), then the shortest name containing the query
 * (folded), then BM25, then the name (with no query) and the code.
 */
function topRanked(candidates: Candidate[], count: number, phrase: string, exactCode: string | null, marked: Uint8Array[]): Ranked[] {
  // "dang ki khai sinh" is the phrase "đăng ký khai sinh" too, in whole words ("dang ky" is not
  // the start of "dang kiem"); as typed, its last word may be a beginning ("dang k").
  const spelled = ` ${oneSpelling(phrase)} `;
  const inName = (p: Candidate['p']) => p.nameFolded.includes(phrase) || p.nameOneSpellingSpaced.includes(spelled);
  const exactKey = (c: Candidate) => (c.p.code === exactCode ? 0 : 1);
  const wordsKey = (c: Candidate) => -(c.matched ?? 0);
  // Per word typed with marks: 0 when the name holds it as a whole word, 1 as a beginning, 2 not.
  const marksKey = (c: Candidate) => {
    let missing = 0;
    for (const scores of marked) missing += scores[c.p.ordinal]!;
    return missing;
  };
  const keyOf = (c: Candidate, marks = marksKey(c)): Ranked => ({
    c,
    exact: exactKey(c),
    words: wordsKey(c),
    marks,
    phrase: phrase && inName(c.p) ? c.p.nameFolded.length : Number.POSITIVE_INFINITY,
  });
  if (count * 4 >= candidates.length) return candidates.map((c) => keyOf(c)).sort((a, b) => compareRanked(a, b, phrase)).slice(0, count);
  const top: Ranked[] = [];
  for (const c of candidates) {
    const marks = marksKey(c);
    // Behind the worst kept before its name is searched for the phrase: worse on a key above the
    // phrase level, or even on them and with a longer name than the worst kept one's (its phrase
    // key is its name's length or, without the phrase, worse still). For a short prefix ("ch",
    // "đă") this spares thousands of substring searches.
    if (top.length === count) {
      const worst = top[count - 1]!;
      const ahead = exactKey(c) - worst.exact || wordsKey(c) - worst.words || marks - worst.marks;
      if (ahead > 0 || (ahead === 0 && c.p.nameFolded.length > worst.phrase)) continue;
    }
    const ranked = keyOf(c, marks);
    if (top.length === count && compareRanked(ranked, top[count - 1]!, phrase) >= 0) continue;
    let low = 0;
    let high = top.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (compareRanked(top[mid]!, ranked, phrase) <= 0) low = mid + 1;
      else high = mid;
    }
    top.splice(low, 0, ranked);
    if (top.length > count) top.pop();
  }
  return top;
}

async function rankAndPage(
  ctx: CatalogueContext, index: CatalogueIndex, candidates: Candidate[], query: SearchQuery, phrase: string, reading: QueryReading, approximate: boolean,
): Promise<SearchResult> {
  const agencyMembers = query.agency
    ? new Set((await ctx.storage.all<{ id: number }>('SELECT procedure_id AS id FROM procedure_agencies WHERE agency_id = ?', [query.agency])).map((r) => Number(r.id)))
    : null;
  // Facet counts apply every filter but the facet's own, in one pass. Most keystrokes have no
  // filter at all: each test is then one comparison with null.
  const field = query.field ?? null;
  const level = query.level ?? null;
  const online = query.online ?? null;
  const fieldCounts = new Uint32Array(index.fields.length);
  const levelCounts: Record<Level, number> = { central: 0, province: 0, commune: 0 };
  const onlineCounts: Record<OnlineLevel, number> = { full: 0, partial: 0, none: 0 };
  const matched: Candidate[] = [];
  for (const c of candidates) {
    const p = c.p;
    if (agencyMembers !== null && !agencyMembers.has(p.id)) continue;
    const fieldOk = field === null || p.fieldCode === field;
    const levelOk = level === null || p[level] === 1;
    const onlineOk = online === null || p.online === online;
    if (levelOk && onlineOk) fieldCounts[p.fieldOrdinal]!++;
    if (fieldOk && onlineOk) {
      levelCounts.central += p.central;
      levelCounts.province += p.province;
      levelCounts.commune += p.commune;
    }
    if (fieldOk && levelOk) onlineCounts[p.online]++;
    if (fieldOk && levelOk && onlineOk) matched.push(c);
  }

  // Only the page is ever shown: the best `offset + pageSize` are kept as the candidates go by
  // (most need one comparison with the worst kept), instead of sorting thousands for a short
  // prefix such as "ch". The order is total (the code breaks every tie), so the page is the one a
  // full sort gives.
  const offset = (query.page - 1) * query.pageSize;
  const marked = reading.marked.map((word) => index.namesHolding(word));
  const pageIds = topRanked(matched, offset + query.pageSize, phrase, reading.exactCode, marked).slice(offset).map((r) => r.c.p.id);
  const summaries = new Map(
    pageIds.length === 0 ? [] : (await ctx.storage.all<{ id: number; summary: string }>(
      `SELECT id, summary FROM procedures WHERE id IN (${pageIds.map(() => '?').join(',')})`, pageIds,
    )).map((r) => [Number(r.id), r.summary]),
  );

  return {
    items: pageIds.map((id) => JSON.parse(summaries.get(id)!) as ProcedureSummary),
    total: matched.length,
    approximate,
    page: query.page,
    pageSize: query.pageSize,
    facets: {
      field: index.fields.flatMap(({ code, name }, ordinal) => (fieldCounts[ordinal]! > 0 ? [{ value: code, label: name, count: fieldCounts[ordinal]! }] : []))
        .sort((a, b) => b.count - a.count || byName.compare(a.label, b.label)),
      level: procedureLevels.map((value) => ({ value, count: levelCounts[value] })),
      online: onlineLevels.map((value) => ({ value, count: onlineCounts[value] })),
    },
  };
}
