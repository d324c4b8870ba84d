import { PostgresStorage } from './postgres.ts';
import { SqliteStorage } from './sqlite.ts';
import type { Storage } from './storage.ts';

/** Whether DATABASE_URL names a PostgreSQL server rather than a SQLite file. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/**
 * What is wrong with DATABASE_URL, or undefined: `postgres://…` (or `postgresql://…`) names a
 * PostgreSQL server; anything else is a SQLite file path (`file:` prefix allowed), or `:memory:`.
 * A URL of another scheme, or a mistyped PostgreSQL one ("postgress://", "postgresql//"), is
 * refused: taken as a path it would quietly become a new, empty SQLite database on each machine.
 * The problem never quotes the URL: it may hold a password.
 */
export function databaseUrlProblem(url: string): string | undefined {
  if (isPostgresUrl(url)) return postgresUrlProblem(url);
  // user:password@host without its scheme would be taken for a file path, and quoted as one.
  if (/^(?!file:)[^/:]+:[^/]*@/i.test(url)) return 'DATABASE_URL looks like a PostgreSQL URL without its scheme: write postgres://user:password@host/database.';
  if (/^file:\/\/(?!\/|localhost\/)/i.test(url)) return 'DATABASE_URL names a file on another machine (file://host/…): a SQLite file must be on this one (file:///path, or a path).';
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1];
  if ((scheme && scheme.toLowerCase() !== 'file') || /^postgres(ql)?(:|\/\/)/i.test(url)) {
    return `DATABASE_URL is neither a PostgreSQL URL (postgres:// or postgresql://) nor a file path: it begins "${url.slice(0, url.search(/[:/]/) + 1 || 12)}"`;
  }
  return undefined;
}

/**
 * What node-postgres would stumble on with no word of where ("Invalid URL"): a port that is not one,
 * a password with `#` or `/` not percent-encoded. Read as node-postgres reads it (pg-connection-string:
 * spaces and stray `%` encoded, then the WHATWG parser, again with a stand-in host for libpq's
 * socket form `postgres://user@/db?host=/run/postgresql`), so exactly what it would refuse is refused.
 */
function postgresUrlProblem(url: string): string | undefined {
  const text = / |%[^a-f0-9]|%[a-f0-9][^a-f0-9]/i.test(url) ? encodeURI(url).replace(/%25(\d\d)/g, '%$1') : url;
  for (const candidate of [text, text.replace('@/', '@stand-in/')]) {
    try {
      new URL(candidate);
      return undefined;
    } catch {
      // Tried again with a stand-in host, as node-postgres does.
    }
  }
  return 'DATABASE_URL cannot be read as postgres://user:password@host:5432/database: check the port, and percent-encode any of : / ? # @ % in the user name or password.';
}

/** Opens the storage DATABASE_URL names (see {@link databaseUrlProblem}, whose problem it throws). */
export function openStorage(url: string, options: { poolSize?: number; queryTimeoutMs?: number } = {}): Storage {
  const problem = databaseUrlProblem(url);
  if (problem) throw new Error(problem);
  if (isPostgresUrl(url)) return new PostgresStorage(url, options);
  return new SqliteStorage(sqlitePath(url));
}

/**
 * The file a SQLite DATABASE_URL names, or `:memory:`. A `file:` URL may be absolute
 * (`file:///var/lib/dvc/dvc.db`, `file:/var/lib/dvc/dvc.db`) or relative to the working directory
 * (`file:dvc.db`, `file:./data/dvc.db`), as SQLite and most tools read it.
 */
export function sqlitePath(url: string): string {
  if (!url.startsWith('file:')) return url;
  const rest = url.slice('file:'.length);
  // file://host/path: only this machine's (no host, or localhost).
  const path = rest.startsWith('//') ? rest.replace(/^\/\/(localhost)?(?=\/)/i, '') : rest;
  return decodeURIComponent(path.replace(/[?#].*$/, ''));
}
