import { PostgresStorage } from './postgres.ts';
import { SqliteStorage } from './sqlite.ts';
import type { Storage } from './storage.ts';

/** Whether DATABASE_URL names a PostgreSQL server rather than a SQLite file. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/**
 * Opens the storage DATABASE_URL names: `postgres://…` (or `postgresql://…`) for PostgreSQL;
 * anything else is a SQLite file path (`file:` prefix allowed), or `:memory:`. A URL of another
 * scheme, or a mistyped PostgreSQL one ("postgress://", "postgresql//"), is refused: taken as a
 * path it would quietly become a new, empty SQLite database on each machine.
 */
export function openStorage(url: string, options: { poolSize?: number; queryTimeoutMs?: number } = {}): Storage {
  if (isPostgresUrl(url)) return new PostgresStorage(url, options);
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1];
  if ((scheme && scheme.toLowerCase() !== 'file') || /^postgres(ql)?(:|\/\/)/i.test(url)) {
    // Not the URL itself: it may hold a password.
    throw new Error(`DATABASE_URL is neither a PostgreSQL URL (postgres:// or postgresql://) nor a file path: it begins "${url.slice(0, url.search(/[:/]/) + 1 || 12)}"`);
  }
  return new SqliteStorage(sqlitePath(url));
}

/** The file a SQLite DATABASE_URL names (`file:` prefix allowed), or `:memory:`. */
export function sqlitePath(url: string): string {
  return url.startsWith('file:') ? decodeURIComponent(new URL(url).pathname) : url;
}
