import { performance } from 'node:perf_hooks';
import { foldedWords } from '@dvc-kit/sdk';
import type { ServerContext } from '../packages/server/src/context.ts';
import { searchProcedures } from '../packages/server/src/procedures/repository.ts';
import { summarize, type Summary } from './stats.ts';

/**
 * The baseline a first version would write: LIKE over the folded names, one clause per word, plus
 * the count. Same result size, no index.
 */
async function naiveSearch(ctx: ServerContext, q: string) {
  const words = foldedWords(q);
  const where = words.map(() => 'search_name LIKE ?').join(' AND ') || '1 = 1';
  const params = words.map((w) => `%${w}%`);
  const total = await ctx.storage.one(`SELECT count(*) AS n FROM procedures WHERE ${where}`, params);
  const rows = await ctx.storage.all<{ summary: string }>(`SELECT summary FROM procedures WHERE ${where} ORDER BY name LIMIT 10`, params);
  return { total, items: rows.map((r) => JSON.parse(r.summary) as unknown) };
}

export interface SearchLatency {
  queries: number;
  /** The server's search: the in-memory index, ranking and facets, the page's rows from the database. */
  memoryIndex: Summary;
  naiveLike: Summary;
}

/** In-process latency of the search (index + facets + the page's rows), every keystroke of every typing sequence. */
export async function measureSearchLatency(ctx: ServerContext, sequences: string[][], rounds = 3): Promise<SearchLatency> {
  const queries = sequences.flat();
  for (const q of queries.slice(0, 50)) {
    await searchProcedures(ctx, { q, page: 1, pageSize: 10 });
    await naiveSearch(ctx, q);
  }
  const indexed: number[] = [];
  const naive: number[] = [];
  // Each round times every keystroke with the index, then every one with the baseline: taken one
  // after the other, the baseline's 10–15 ms of synchronous SQLite work (and its garbage) would be
  // counted against the search that follows it.
  for (let round = 0; round < rounds; round++) {
    for (const q of queries) {
      const t = performance.now();
      await searchProcedures(ctx, { q, page: 1, pageSize: 10 });
      indexed.push(performance.now() - t);
    }
    for (const q of queries) {
      const t = performance.now();
      await naiveSearch(ctx, q);
      naive.push(performance.now() - t);
    }
  }
  return { queries: queries.length, memoryIndex: summarize(indexed), naiveLike: summarize(naive) };
}
