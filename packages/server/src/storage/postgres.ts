import pg from 'pg';
import type { Queryable, SqlValue, Storage } from './storage.ts';

/** `?` placeholders (the repositories' common SQL) as PostgreSQL's `$1, $2…`; quoted text untouched. */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  let quoted = false;
  let out = '';
  for (const char of sql) {
    if (char === "'") quoted = !quoted;
    out += char === '?' && !quoted ? `$${++n}` : char;
  }
  return out;
}

/** How node-postgres and the socket say the server cannot be reached (SQLSTATE class 08, shutdowns). */
// 57014: a statement PostgreSQL cancelled at the server's time limit (statement_timeout).
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOENT', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', '57P01', '57P02', '57P03', '53300', '57014']);
const UNREACHABLE_MESSAGES = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Query read timeout)/;
/** node-postgres's word for a query that had no answer within `query_timeout`. */
const isQueryTimeout = (error: unknown): boolean => error instanceof Error && error.message === 'Query read timeout';
/** Waiting for another process's advisory lock (a seeding, a reconciliation) is not a hung server. */
const LOCK_WAIT_MS = 24 * 3600_000;

/**
 * PostgreSQL turning these settings away: a wrong password or user (28P01, 28000), a database
 * that does not exist (3D000). A setting to fix, not an outage to wait out.
 */
const LOGIN_REFUSED_CODES = new Set(['28P01', '28000', '3D000']);
/** node-postgres's words when PostgreSQL asks for a password and none was given. */
const NO_PASSWORD = /client password must be a string/;

/** What the operator should fix when PostgreSQL turned the login away; undefined for any other error. */
export function loginRefusal(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  if (NO_PASSWORD.test(error.message)) return 'PostgreSQL asks for a password and none was given: put it in DATABASE_URL (postgres://user:password@host/database) or in PGPASSWORD';
  if (LOGIN_REFUSED_CODES.has(String((error as { code?: unknown }).code))) return `the database refused these settings (${error.message}): check DATABASE_URL`;
  return undefined;
}

/**
 * Where a URL points, for the log, never its password: `postgres host:port/database`. Read by hand,
 * not with `new URL()`, which refuses libpq's socket form with no host (`postgres://user@/db?host=/run/postgresql`).
 * Only what follows the last `@` is read: a password may hold `/`, `?` or `#` unencoded, and all of
 * it comes before that `@`.
 */
export function describePostgresUrl(url: string): string {
  const afterScheme = url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const afterUser = afterScheme.slice(afterScheme.lastIndexOf('@') + 1);
  const [, hostPort = '', path = '', query = ''] = /^([^/?#]*)([^?#]*)(?:\?([^#]*))?/.exec(afterUser) ?? [];
  const params = new URLSearchParams(query);
  const portInHost = /:(\d+)$/.exec(hostPort)?.[1];
  const host = params.get('host') ?? (hostPort.replace(/:\d+$/, '') || 'localhost');
  const port = params.get('port') ?? portInHost;
  return `postgres ${host}${port ? `:${port}` : ''}${path}`;
}

/** Counts (bigint) and averages (numeric) as numbers: the values the API serves fit easily. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as 'text');
  }) as typeof pg.types.getTypeParser,
};

/**
 * The engine for more than one machine: any number of server processes on one PostgreSQL. Every
 * race between them (two notifications, two clicks) is settled by the database.
 */
export class PostgresStorage implements Storage {
  readonly engine = 'postgres' as const;
  readonly insertionOrder = 'seq' as const;
  readonly description: string;
  readonly #pool: pg.Pool;
  readonly #sql = new Map<string, string>();
  readonly #root: Queryable;

  /**
   * `queryTimeoutMs`: the longest a query may take before it fails as the database unavailable
   * (503); none by default (a migration or an import may take minutes). The server sets one, so no
   * request hangs: PostgreSQL itself cancels a statement a second before (statement_timeout, its
   * session freed: a statement queued behind a migration's lock, a report too heavy), and a database
   * that does not answer at all (a frozen host, a network dropping packets) fails at the time, its
   * connection thrown away.
   */
  constructor(url: string, options: { poolSize?: number; queryTimeoutMs?: number } = {}) {
    const timeouts = options.queryTimeoutMs
      ? { query_timeout: options.queryTimeoutMs, statement_timeout: Math.max(options.queryTimeoutMs - 1000, options.queryTimeoutMs / 2) }
      : {};
    // A server gone without a word (a failover moved its address) fails a connection in 5 s, answered
    // 503, rather than hanging requests; keep-alive notices a connection that died the same way.
    this.#pool = new pg.Pool({
      connectionString: url, max: options.poolSize ?? 10, types, connectionTimeoutMillis: 5000, keepAlive: true, ...timeouts,
    });
    // An idle connection that breaks (a restarted server) must not crash the process; a checked-out
    // one is watched by #checkOut.
    this.#pool.on('error', () => undefined);
    this.description = describePostgresUrl(url);
    this.#root = this.#on(this.#pool);
  }

  #text(sql: string): string {
    let text = this.#sql.get(sql);
    if (text === undefined) {
      text = numberPlaceholders(sql);
      this.#sql.set(sql, text);
    }
    return text;
  }

  #on(client: pg.Pool | pg.PoolClient): Queryable {
    return {
      all: async <T>(sql: string, params: readonly SqlValue[] = []) =>
        (await client.query({ text: this.#text(sql), values: params as SqlValue[] })).rows as T[],
      one: async <T>(sql: string, params: readonly SqlValue[] = []) =>
        (await client.query({ text: this.#text(sql), values: params as SqlValue[] })).rows[0] as T | undefined,
      run: async (sql: string, params: readonly SqlValue[] = []) =>
        (await client.query({ text: this.#text(sql), values: params as SqlValue[] })).rowCount ?? 0,
      exec: async (sql: string) => {
        await client.query(sql);
      },
    };
  }

  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    return this.#root.all<T>(sql, params);
  }

  one<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined> {
    return this.#root.one<T>(sql, params);
  }

  run(sql: string, params?: readonly SqlValue[]): Promise<number> {
    return this.#root.run(sql, params);
  }

  exec(sql: string): Promise<void> {
    return this.#root.exec(sql);
  }

  /**
   * A connection of the pool for a transaction or a lock. A checked-out connection that breaks (the
   * database restarted, failed over, or ended it) emits 'error' on its client: with no listener
   * that event would end the process, every request of it with it. Here the break fails only the
   * work in progress, and the broken connection is thrown away rather than given back.
   */
  async #checkOut(): Promise<{ client: pg.PoolClient; release: (failed?: unknown) => void }> {
    const client = await this.#pool.connect();
    let broken = false;
    const onError = () => {
      broken = true;
    };
    client.on('error', onError);
    return {
      client,
      release: (failed?: unknown) => {
        client.off('error', onError);
        // true: destroyed, not given back to the pool.
        client.release(broken || failed !== undefined);
      },
    };
  }

  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    const { client, release } = await this.#checkOut();
    let unusable: unknown;
    try {
      // Pinned, whatever the database's default: the races between requests and between processes
      // are settled by statements that see what others committed meanwhile (ON CONFLICT, then a read).
      await client.query('BEGIN ISOLATION LEVEL READ COMMITTED');
      const result = await work(this.#on(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      // A connection that had no answer in time would keep the rollback waiting as long: thrown away
      // (its session, and so the transaction, ends with it). One that cannot even roll back, too.
      if (isQueryTimeout(error)) unusable = error;
      else {
        await client.query('ROLLBACK').catch((rollbackError: unknown) => {
          unusable = rollbackError;
        });
      }
      throw error;
    } finally {
      release(unusable);
    }
  }

  async exclusive<T>(name: string, work: () => Promise<T>): Promise<T> {
    const { client, release } = await this.#checkOut();
    try {
      // hashtext() turns the name into the lock's number, the same in every process.
      // Waiting for the lock is no statement to cancel: no time limit for it, on either side.
      await client.query('SET statement_timeout = 0');
      await client.query({ text: 'SELECT pg_advisory_lock(hashtext($1))', values: [name], query_timeout: LOCK_WAIT_MS } as pg.QueryConfig);
    } catch (error) {
      release(error);
      throw error;
    }
    let unusable: unknown;
    try {
      return await work();
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [name]).catch((unlockError: unknown) => {
        // Broken meanwhile: the session's lock ended with it, and the connection is not reused.
        unusable = unlockError;
      });
      // Back to the time limit the connection was opened with, before the pool lends it again.
      if (!unusable) {
        await client.query('RESET statement_timeout').catch((resetError: unknown) => {
          unusable = resetError;
        });
      }
      release(unusable);
    }
  }

  needsOperator(): boolean {
    // What PostgreSQL cannot do for long (a full disk) it answers with errors of its own, logged as faults.
    return false;
  }

  isUnreachable(error: unknown): boolean {
    if (!(error instanceof Error)) return false;
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || code.startsWith('08'))) return true;
    return UNREACHABLE_MESSAGES.test(error.message);
  }

  async ping(): Promise<void> {
    await this.#pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }
}
