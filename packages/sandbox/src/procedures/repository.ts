import type { components } from '@dvc-kit/sdk';
import { foldVietnamese, foldedWords, slugify } from '@dvc-kit/sdk';
import type { Database } from '../db/database.ts';
import type { ProcedureRecord } from '../catalog/record.ts';
import { summarize } from './derive.ts';

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

const LEVEL_COLUMN: Record<Level, string> = {
  central: 'level_central',
  province: 'level_province',
  commune: 'level_commune',
};
const LEVELS: Level[] = ['central', 'province', 'commune'];
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
 * Ranking: a procedure whose name contains the whole query (folded) comes first, the shortest such
 * name first (the closest to what was typed), then FTS5's bm25 with the name weighted far above
 * the other columns. When every word together finds nothing, any
 * word may match (ranked the same way), so a stray word does not leave a citizen with nothing.
 * Facet counts apply every filter except the facet's own.
 */
export function searchProcedures(db: Database, query: SearchQuery): SearchResult {
  const words = foldedWords(query.q ?? '').slice(0, 12);
  const phrase = words.join(' ');
  const exactCode = CODE_PATTERN.test((query.q ?? '').trim()) ? (query.q ?? '').trim() : null;

  let match = words.length > 0 ? words.map((w) => `"${w}"*`).join(' AND ') : null;
  let result = runSearch(db, query, match, phrase, exactCode);
  if (result.total === 0 && words.length > 1) {
    match = words.map((w) => `"${w}"*`).join(' OR ');
    result = runSearch(db, query, match, phrase, exactCode);
  }
  return result;
}

interface Filter {
  sql: string;
  params: (string | number)[];
}

function runSearch(
  db: Database, query: SearchQuery, match: string | null, phrase: string, exactCode: string | null,
): SearchResult {
  // The code column holds "1 001193" for 1.001193, so a typed code matches as words; an exact
  // code then sorts first.
  const textFilter: Filter | null = match === null ? null
    : { sql: 'p.id IN (SELECT rowid FROM procedure_search WHERE procedure_search MATCH ?)', params: [match] };
  const filters: Record<'field' | 'level' | 'online' | 'agency', Filter | null> = {
    field: query.field ? { sql: 'p.field_code = ?', params: [query.field] } : null,
    level: query.level ? { sql: `p.${LEVEL_COLUMN[query.level]} = 1`, params: [] } : null,
    online: query.online ? { sql: 'p.online_level = ?', params: [query.online] } : null,
    agency: query.agency
      ? { sql: 'p.id IN (SELECT procedure_id FROM procedure_agencies WHERE agency_id = ?)', params: [query.agency] }
      : null,
  };
  const where = (except?: keyof typeof filters): Filter => {
    const parts = [textFilter, ...Object.entries(filters).filter(([name]) => name !== except).map(([, f]) => f)]
      .filter((f): f is Filter => f !== null);
    return parts.length === 0
      ? { sql: '1 = 1', params: [] }
      : { sql: parts.map((f) => f.sql).join(' AND '), params: parts.flatMap((f) => f.params) };
  };

  const all = where();
  const total = (db.prepare(`SELECT count(*) AS n FROM procedures p WHERE ${all.sql}`).get(...all.params) as { n: number }).n;

  const offset = (query.page - 1) * query.pageSize;
  let rows: { summary: string }[];
  if (match === null) {
    rows = db.prepare(`SELECT summary FROM procedures p WHERE ${all.sql} ORDER BY p.name COLLATE NOCASE, p.code LIMIT ? OFFSET ?`)
      .all(...all.params, query.pageSize, offset) as { summary: string }[];
  } else {
    // The rank subquery scores only the matched rows; bm25 weights: name, code, field, agencies, body.
    rows = db.prepare(`
      SELECT p.summary FROM procedures p
      JOIN (SELECT rowid, bm25(procedure_search, 10.0, 8.0, 2.0, 1.5, 0.5) AS score
            FROM procedure_search WHERE procedure_search MATCH ?) s ON s.rowid = p.id
      WHERE ${all.sql}
      ORDER BY (p.code = ?) DESC,
        CASE WHEN instr(p.name_folded, ?) > 0 THEN length(p.name_folded) ELSE 1000000 END, s.score, p.code
      LIMIT ? OFFSET ?`,
    ).all(match, ...all.params, exactCode ?? '', phrase, query.pageSize, offset) as { summary: string }[];
  }

  const fieldFilter = where('field');
  const field = db.prepare(`
    SELECT p.field_code AS value, p.field_name AS label, count(*) AS count FROM procedures p
    WHERE ${fieldFilter.sql} GROUP BY p.field_code, p.field_name ORDER BY count DESC, p.field_name`,
  ).all(...fieldFilter.params) as unknown as Schemas['FacetCount'][];

  const levelFilter = where('level');
  const levelRow = db.prepare(`
    SELECT sum(level_central) AS central, sum(level_province) AS province, sum(level_commune) AS commune
    FROM procedures p WHERE ${levelFilter.sql}`,
  ).get(...levelFilter.params) as Record<Level, number | null>;
  const level = LEVELS.map((value) => ({ value, count: levelRow[value] ?? 0 }));

  const onlineFilter = where('online');
  const onlineCounts = new Map(
    (db.prepare(`SELECT online_level AS value, count(*) AS count FROM procedures p WHERE ${onlineFilter.sql} GROUP BY online_level`)
      .all(...onlineFilter.params) as { value: OnlineLevel; count: number }[]).map((r) => [r.value, r.count]),
  );
  const online = (['full', 'partial', 'none'] as const).map((value) => ({ value, count: onlineCounts.get(value) ?? 0 }));

  return {
    items: rows.map((row) => JSON.parse(row.summary) as ProcedureSummary),
    total,
    page: query.page,
    pageSize: query.pageSize,
    facets: { field, level, online },
  };
}
