import { onlineLevels, procedureLevels, type components } from '@dvc-kit/sdk';

type Schemas = components['schemas'];

/** Everything that decides what the search shows; what `sync-url` writes into the page's URL. */
export interface SearchState {
  query: string;
  field: string;
  level: Schemas['Level'] | '';
  agency: string;
  online: Schemas['OnlineLevel'] | '';
  page: number;
  /** The procedure whose detail is open, or ''. */
  procedure: string;
}

export type FilterName = 'field' | 'level' | 'agency' | 'online';
export const FILTER_NAMES: readonly FilterName[] = ['field', 'level', 'online', 'agency'];

const LEVELS: ReadonlySet<string> = new Set(procedureLevels);
const ONLINE: ReadonlySet<string> = new Set(onlineLevels);

/** The longest query the API takes (the contract's `q`); a longer one is a problem to put right, not cut. */
export const MAX_QUERY_LENGTH = 200;

/**
 * A query's length as the API counts it (characters, not UTF-16 units), composed: Vietnamese typed
 * with combining marks (Unikey's "Unicode tổ hợp") is as long as it looks.
 */
export function queryLength(query: string): number {
  return [...query.trim().normalize('NFC')].length;
}

/** Keeps only values the API accepts, so a hand-edited URL cannot make a 400. */
export function sanitizeState(raw: Partial<Record<keyof SearchState, string | number>>): SearchState {
  const text = (value: unknown, max: number) => String(value ?? '').trim().slice(0, max);
  const level = text(raw.level, 20);
  const online = text(raw.online, 20);
  const page = Math.trunc(Number(raw.page ?? 1));
  const procedure = text(raw.procedure, 20);
  return {
    query: [...text(raw.query, Infinity).normalize('NFC')].slice(0, MAX_QUERY_LENGTH).join(''),
    field: text(raw.field, 40),
    level: LEVELS.has(level) ? (level as SearchState['level']) : '',
    agency: text(raw.agency, 80),
    online: ONLINE.has(online) ? (online as SearchState['online']) : '',
    page: Number.isFinite(page) && page >= 1 && page <= 10_000 ? page : 1,
    procedure: /^\d\.\d{6}$/.test(procedure) ? procedure : '',
  };
}

/** True when nothing would be searched: no words and no filter. */
export function isBlank(state: SearchState): boolean {
  return state.query === '' && FILTER_NAMES.every((name) => state[name] === '');
}
