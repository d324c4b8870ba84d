import { PostgresStorage } from './postgres.ts';
import { SqliteStorage } from './sqlite.ts';
import type { Storage } from './storage.ts';

/** Whether DATABASE_URL names a PostgreSQL server rather than a SQLite file. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/**
 * Opens the storage DATABASE_URL names: `postgres://…` (or `postgresql://…`) for PostgreSQL;
 * anything else is a SQLite file path (`file:` prefix allowed), or `:memory:`.
 */
export function openStorage(url: string, options: { poolSize?: number } = {}): Storage {
  if (isPostgresUrl(url)) return new PostgresStorage(url, options);
  return new SqliteStorage(sqlitePath(url));
}

/** The file a SQLite DATABASE_URL names (`file:` prefix allowed), or `:memory:`. */
export function sqlitePath(url: string): string {
  return url.startsWith('file:') ? decodeURIComponent(new URL(url).pathname) : url;
}
