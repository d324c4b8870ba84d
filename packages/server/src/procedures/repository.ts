import type { components } from '@dvc-kit/sdk';
import { foldVietnamese, foldedWords, onlineLevels, procedureLevels, slugify } from '@dvc-kit/sdk';
import type { Database } from '../db/database.ts';
import type { ProcedureRecord } from '../catalog/record.ts';
import { summarize } from './derive.ts';
import { catalogueIndex, invalidateCatalogueIndex } from './catalogue-index.ts';
import type { IndexedProcedure } from './catalogue-index.ts';

type Schemas = components['schemas'];
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

/** Inserts or replaces procedures (and their agencies and search rows) in one go. */
export function saveProcedures(db: Database, records: Iterable<ProcedureRecord>): number {
  const upsertAgency = db.prepare('INSERT OR IGNORE INTO agencies (id, name) VALUES (?, ?)');
  const findExisting = db.prepare('SELECT id FROM procedures WHERE code = ?');
  const deleteExisting = db.prepare('DELETE FROM procedures WHERE id = ?');
  const deleteSearchRow = db.prepare('DELETE FROM procedure_search WHERE rowid = ?');
  const insertProcedure = db.prepare(`
    INSERT INTO procedures (code, name, name_folded, field_code, field_name, online_level,
      level_central, level_province, level_commune, record, summary)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const linkAgency = db.prepare('INSERT OR IGNORE INTO procedure_agencies (procedure_id, agency_id) VALUES (?, ?)');
  const insertSearchRow = db.prepare(
    'INSERT INTO procedure_search (rowid, name, code, field, agencies, body) VALUES (?, ?, ?, ?, ?, ?)',
  );

  invalidateCatalogueIndex(db);
  let count = 0;
  for (const record of records) {
    const existing = findExisting.get(record.code) as { id: number } | undefined;
    if (existing) {
      deleteSearchRow.run(existing.id);
      deleteExisting.run(existing.id);
    }
    const summary = summarize(record);
    const { lastInsertRowid } = insertProcedure.run(
      record.code, record.name, foldVietnamese(record.name), record.field.code, record.field.name,
      record.onlineLevel,
      Number(record.levels.includes('central')), Number(record.levels.includes('province')),
      Number(record.levels.includes('commune')),
      JSON.stringify(record), JSON.stringify(summary),
    );
    for (const name of record.agencyDetails.executing) {
      const id = slugify(name);
      if (id === '') continue;
      upsertAgency.run(id, name);
      linkAgency.run(lastInsertRowid, id);
    }
    insertSearchRow.run(
      lastInsertRowid,
      foldVietnamese(record.name),
      foldedWords(record.code).join(' '),
      foldVietnamese(record.field.name),
      foldVietnamese(record.agencyDetails.executing.join(' ')),
      foldVietnamese([...record.results, ...record.eligibility].join(' ')),
    );
    count++;
  }
  return count;
}

export function getProcedure(db: Database, code: string): Procedure | undefined {
  const row = db.prepare('SELECT record, summary FROM procedures WHERE code = ?').get(code) as
    | { record: string; summary: string }
    | undefined;
  if (!row) return undefined;
  const record = JSON.parse(row.record) as ProcedureRecord;
  const summary = JSON.parse(row.summary) as ProcedureSummary;
  return { ...record, ...summary, agencyDetails: record.agencyDetails };
}

export function countProcedures(db: Database): number {
  return (db.prepare('SELECT count(*) AS n FROM procedures').get() as { n: number }).n;
}

export function listFields(db: Database): Schemas['Field'][] {
  return db.prepare(`
    SELECT field_code AS code, field_name AS name, count(*) AS procedureCount
    FROM procedures GROUP BY field_code, field_name ORDER BY field_name COLLATE NOCASE, field_code`,
  ).all() as unknown as Schemas['Field'][];
}

export function listAgencies(db: Database): Schemas['Agency'][] {
  return db.prepare(`
    SELECT a.id, a.name, count(*) AS procedureCount
    FROM agencies a JOIN procedure_agencies pa ON pa.agency_id = a.id
    GROUP BY a.id, a.name ORDER BY a.name COLLATE NOCASE`,
  ).all() as unknown as Schemas['Agency'][];
}

/**
 * Full-text search with filters and facets.
 *
 * Ranking: an exact code first; then procedures whose name contains the whole query (folded), the
 * shortest such name first (the closest to what was typed); then FTS5's bm25 with the name weighted
 * far above the other columns. When every word together finds nothing (a typo, a stray word), see
 * `looseCandidates`: the procedures matching the most of the query's words come first, and the list
 * keeps only those that match all of the words but one.
 *
 * One FTS query finds the candidates with what filters and facets need; filtering, facet counts
 * (every filter but the facet's own) and ordering happen in one pass here, and only the page's
 * summaries are read back. Re-running the match per count and per facet cost several times more.
 */
export function searchProcedures(db: Database, query: SearchQuery): SearchResult {
  const words = foldedWords(query.q ?? '').slice(0, 12);
  const trimmed = (query.q ?? '').trim();
  const exactCode = CODE_PATTERN.test(trimmed) ? trimmed : null;
  const candidates = findCandidates(db, words.length > 0 ? words.map((w) => `"${w}"*`).join(' AND ') : null);
  if (candidates.length === 0 && words.length > 1) {
    const loose = looseCandidates(db, words);
    return rankAndPage(db, loose.candidates, query, loose.phrase, exactCode);
  }
  return rankAndPage(db, candidates, query, words.join(' '), exactCode);
}

interface Candidate {
  p: IndexedProcedure;
  score: number;
  /** How many of the query's words it matches (all of them, but in the loose search). */
  matched?: number;
}

/** A word shortened to a typo's longest prefix that still matches: "sinzzzz" → "sin" (finds "sinh"). */
const MIN_PREFIX = 3;

/**
 * The loose search, for when no procedure matches every word. Each word is matched on its own; a
 * word that matches nothing anywhere is cut to its longest prefix that does (at least 3 letters),
 * so "khai sinzzzz" still means "khai sin…". Procedures are ranked by how many words they match,
 * then as usual (the name containing the matching words, in order, as a phrase; then bm25 over
 * them), and only those matching all of the words but one are kept (or, when none does, those
 * matching the most): a typo gives a short list with the procedure meant on top, not every
 * procedure that shares one common word.
 */
function looseCandidates(db: Database, words: string[]): { candidates: Candidate[]; phrase: string } {
  const matchesOf = db.prepare('SELECT rowid AS id FROM procedure_search WHERE procedure_search MATCH ?');
  const anyMatch = db.prepare('SELECT 1 FROM procedure_search WHERE procedure_search MATCH ? LIMIT 1');
  const matches = (term: string) => matchesOf.all(`"${term}"*`) as { id: number }[];

  const terms: { term: string; ids: { id: number }[] }[] = [];
  for (const word of words) {
    let ids = matches(word);
    let term = word;
    if (ids.length === 0 && word.length > MIN_PREFIX) {
      // Prefixes of a matching prefix match too, so the longest matching one is found by bisection.
      let low = MIN_PREFIX - 1; // longest length known to match (none yet)
      let high = word.length; // shortest length known not to match
      while (high - low > 1) {
        const mid = (low + high) >> 1;
        if (anyMatch.get(`"${word.slice(0, mid)}"*`)) low = mid;
        else high = mid;
      }
      if (low >= MIN_PREFIX) {
        term = word.slice(0, low);
        ids = matches(term);
      }
    }
    if (ids.length > 0) terms.push({ term, ids });
  }

  const counts = new Map<number, number>();
  for (const { ids } of terms) for (const { id } of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  let best = 0;
  for (const n of counts.values()) if (n > best) best = n;
  const least = Math.min(best, Math.max(1, words.length - 1));

  const phrase = terms.map((t) => t.term).join(' ');
  if (best === 0) return { candidates: [], phrase };
  const candidates = findCandidates(db, [...new Set(terms.map((t) => `"${t.term}"*`))].join(' OR '))
    .map((c) => ({ ...c, matched: counts.get(c.p.id) ?? 0 }))
    .filter((c) => c.matched >= least);
  return { candidates, phrase };
}

function findCandidates(db: Database, match: string | null): Candidate[] {
  const index = catalogueIndex(db);
  if (match === null) return [...index.values()].map((p) => ({ p, score: 0 }));
  // bm25 weights per column: name, code, field, agencies, body.
  const rows = db.prepare(`
    SELECT rowid AS id, bm25(procedure_search, 10.0, 8.0, 2.0, 1.5, 0.5) AS score
    FROM procedure_search WHERE procedure_search MATCH ?`,
  ).all(match) as { id: number; score: number }[];
  const candidates: Candidate[] = [];
  for (const row of rows) {
    const p = index.get(row.id);
    if (p) candidates.push({ p, score: row.score });
  }
  return candidates;
}

/** Code-point order: folded names are plain ASCII-like text, and Intl collation is slow per pair. */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function rankAndPage(db: Database, candidates: Candidate[], query: SearchQuery, phrase: string, exactCode: string | null): SearchResult {
  const agencyMembers = query.agency
    ? new Set((db.prepare('SELECT procedure_id AS id FROM procedure_agencies WHERE agency_id = ?').all(query.agency) as { id: number }[]).map((r) => r.id))
    : null;
  const passes = {
    field: (c: Candidate) => !query.field || c.p.fieldCode === query.field,
    level: (c: Candidate) => !query.level || c.p[query.level] === 1,
    online: (c: Candidate) => !query.online || c.p.online === query.online,
    agency: (c: Candidate) => agencyMembers === null || agencyMembers.has(c.p.id),
  };

  const fieldCounts = new Map<string, { label: string; count: number }>();
  const levelCounts: Record<Level, number> = { central: 0, province: 0, commune: 0 };
  const onlineCounts: Record<OnlineLevel, number> = { full: 0, partial: 0, none: 0 };
  const matched: Candidate[] = [];
  for (const c of candidates) {
    const field = passes.field(c);
    const level = passes.level(c);
    const online = passes.online(c);
    const agency = passes.agency(c);
    if (level && online && agency) {
      const entry = fieldCounts.get(c.p.fieldCode) ?? { label: c.p.fieldName, count: 0 };
      entry.count++;
      fieldCounts.set(c.p.fieldCode, entry);
    }
    if (field && online && agency) {
      levelCounts.central += c.p.central;
      levelCounts.province += c.p.province;
      levelCounts.commune += c.p.commune;
    }
    if (field && level && agency) onlineCounts[c.p.online]++;
    if (field && level && online && agency) matched.push(c);
  }

  // Sort keys computed once per candidate: a comparator that searched names would run n·log n times.
  const ranked = matched.map((c) => ({
    c,
    exact: c.p.code === exactCode ? 0 : 1,
    words: -(c.matched ?? 0),
    phrase: phrase && c.p.nameFolded.includes(phrase) ? c.p.nameFolded.length : Number.POSITIVE_INFINITY,
  }));
  ranked.sort((a, b) =>
    a.exact - b.exact ||
    a.words - b.words ||
    a.phrase - b.phrase ||
    a.c.score - b.c.score ||
    (phrase ? 0 : compareText(a.c.p.nameFolded, b.c.p.nameFolded)) ||
    compareText(a.c.p.code, b.c.p.code));

  const offset = (query.page - 1) * query.pageSize;
  const pageIds = ranked.slice(offset, offset + query.pageSize).map((r) => r.c.p.id);
  const summaries = new Map(
    pageIds.length === 0 ? [] : (db.prepare(`SELECT id, summary FROM procedures WHERE id IN (${pageIds.map(() => '?').join(',')})`)
      .all(...pageIds) as { id: number; summary: string }[]).map((r) => [r.id, r.summary]),
  );

  return {
    items: pageIds.map((id) => JSON.parse(summaries.get(id)!) as ProcedureSummary),
    total: matched.length,
    page: query.page,
    pageSize: query.pageSize,
    facets: {
      field: [...fieldCounts].map(([value, { label, count }]) => ({ value, label, count }))
        .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
      level: procedureLevels.map((value) => ({ value, count: levelCounts[value] })),
      online: onlineLevels.map((value) => ({ value, count: onlineCounts[value] })),
    },
  };
}
