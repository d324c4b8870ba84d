import { performance } from 'node:perf_hooks';
import { foldedWords } from '@dvc-kit/sdk';
import type { Database } from '../packages/server/src/db/database.ts';
import { searchProcedures } from '../packages/server/src/procedures/repository.ts';
import { summarize, type Summary } from './stats.ts';

/**
 * The baseline a first version would write: LIKE over the folded names, one clause per word, plus
 * the count. Same result size, no index.
 */
function naiveSearch(db: Database, q: string) {
  const words = foldedWords(q);
  const where = words.map(() => 'name_folded LIKE ?').join(' AND ') || '1 = 1';
  const params = words.map((w) => `%${w}%`);
  const total = db.prepare(`SELECT count(*) AS n FROM procedures WHERE ${where}`).get(...params);
  const rows = db.prepare(`SELECT summary FROM procedures WHERE ${where} ORDER BY name LIMIT 10`).all(...params);
  return { total, items: rows.map((r) => JSON.parse((r as { summary: string }).summary)) };
}

export interface SearchLatency {
  queries: number;
  fts: Summary;
  naiveLike: Summary;
}

/** In-process latency of the search (SQL + facets + JSON), every keystroke of every typing sequence. */
export function measureSearchLatency(db: Database, sequences: string[][], rounds = 3): SearchLatency {
  const queries = sequences.flat();
  for (const q of queries.slice(0, 50)) {
    searchProcedures(db, { q, page: 1, pageSize: 10 });
    naiveSearch(db, q);
  }
  const fts: number[] = [];
  const naive: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const q of queries) {
      let t = performance.now();
      searchProcedures(db, { q, page: 1, pageSize: 10 });
      fts.push(performance.now() - t);
      t = performance.now();
      naiveSearch(db, q);
      naive.push(performance.now() - t);
    }
  }
  return { queries: queries.length, fts: summarize(fts), naiveLike: summarize(naive) };
}
