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
  if (/^file:\/\/(?!\/|localhost\/)/i.test(url)) return 'DATABASE_URL names a file on another machine (file://host/…): a SQLite file must be on this one (file:///path, or a path).';
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1];
  if ((scheme && scheme.toLowerCase() !== 'file') || /^postgres(ql)?(:|\/\/)/i.test(url)) {
    return `DATABASE_URL is neither a PostgreSQL URL (postgres:// or postgresql://) nor a file path: it begins "${url.slice(0, url.search(/[:/]/) + 1 || 12)}"`;
  }
  return undefined;
}

/**
 * What node-postgres would stumble on ("Invalid URL", naming nothing): a port that is not one, or
 * a host part a URL cannot hold. Only what follows the last `@` is read, as a password may hold
 * `/`, `?` or `#`; libpq's socket form, with no host (`postgres://user@/db?host=/run/postgresql`), is left alone.
 */
function postgresUrlProblem(url: string): string | undefined {
  const afterScheme = url.replace(/^[a-z]+:\/\//i, '');
  const hostPort = /^[^/?#]*/.exec(afterScheme.slice(afterScheme.lastIndexOf('@') + 1))?.[0] ?? '';
  if (hostPort === '') return undefined;
  const port = /^(?:\[[^\]]*\]|[^:]*):(.*)$/.exec(hostPort)?.[1];
  if (port !== undefined && !(/^\d{1,5}$/.test(port) && Number(port) >= 1 && Number(port) <= 65_535)) {
    return 'DATABASE_URL has a port that is not a number from 1 to 65535: postgres://user:password@host:5432/database.';
  }
  try {
    new URL(`postgres://${hostPort}/`);
  } catch {
    return 'DATABASE_URL has a host that is not a host name or address: postgres://user:password@host:5432/database.';
  }
  return undefined;
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
