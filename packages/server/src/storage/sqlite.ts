import { DatabaseSync } from 'node:sqlite';
import type { StatementSync } from 'node:sqlite';
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Queryable, SqlValue, Storage } from './storage.ts';

/** SQLite's primary result codes for a database another connection holds (extended codes share the low byte). */
const SQLITE_BUSY = 5;
const SQLITE_LOCKED = 6;
const SQLITE_READONLY = 8;
const SQLITE_IOERR = 10;
const SQLITE_FULL = 13;
const SQLITE_NOTADB = 26;
/** The database cannot be written now: held by another process (that passes), or its disk full, failing or made read-only (that does not). */
const PASSING = [SQLITE_BUSY, SQLITE_LOCKED];
const LASTING = [SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL];
const primaryCode = (error: unknown): number | undefined => {
  const errcode = (error as { errcode?: unknown } | null)?.errcode;
  return typeof errcode === 'number' ? errcode & 0xff : undefined;
};

/**
 * Makes the database's folder if need be, and says plainly what to fix when the file or its folder
 * cannot be written: SQLite's own words ("attempt to write a readonly database", "unable to open
 * database file") name neither, and a writable file in a read-only folder fails all the same, as
 * SQLite writes its -wal and -shm files beside it.
 */
function checkWritable(path: string): void {
  const folder = dirname(path);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new Error(`cannot make the database's folder ${folder}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { cause: error });
  }
  const writable = (target: string) => {
    try {
      accessSync(target, constants.W_OK);
      return true;
    } catch {
      return false;
    }
  };
  if (!writable(folder)) {
    throw new Error(`the database's folder ${folder} is not writable by this user: SQLite writes its -wal and -shm files beside ${basename(path)}`);
  }
  if (existsSync(path) && !writable(path)) throw new Error(`the database file ${path} is not writable by this user`);
}

/**
 * The embedded engine: one SQLite file (or `:memory:`), zero set-up. Several processes may share
 * the file on one machine: WAL lets readers go on while one writes, and a writer waits for the
 * lock (busy_timeout) instead of failing.
 *
 * node:sqlite is synchronous, and one connection serves every request of the process. A
 * transaction's work awaits between statements, so statements of other requests must not run on
 * the connection meanwhile (they would join the transaction): they wait until it ends.
 */
export class SqliteStorage implements Storage {
  readonly engine = 'sqlite' as const;
  readonly insertionOrder = 'rowid' as const;
  readonly description: string;
  readonly #db: DatabaseSync;
  readonly #statements = new Map<string, StatementSync>();
  /** Settles when the transactions queued so far have ended. */
  #queue: Promise<unknown> = Promise.resolve();
  #inTransaction = false;

  constructor(path: string) {
    if (path !== ':memory:') checkWritable(path);
    this.description = path;
    this.#db = new DatabaseSync(path);
    try {
      this.#db.exec('PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
      // WAL with synchronous=NORMAL: a commit survives a crash of the process, not of the machine.
      if (path !== ':memory:') this.#db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;');
    } catch (error) {
      this.#db.close();
      // SQLite's "file is not a database" names no file; other failures (locked, disk) are not the URL's.
      if (primaryCode(error) !== SQLITE_NOTADB) throw error;
      throw new Error(`${path}: ${(error as Error).message}: check DATABASE_URL (or --db) names the database`, { cause: error });
    }
  }

  #statement(sql: string): StatementSync {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  /** The statements themselves, run at once (an async function's body runs up to its first await): a transaction's work, and the idle connection's. */
  readonly #direct: Queryable = {
    all: async <T>(sql: string, params: readonly SqlValue[] = []) => this.#statement(sql).all(...params) as T[],
    one: async <T>(sql: string, params: readonly SqlValue[] = []) => this.#statement(sql).get(...params) as T | undefined,
    run: async (sql: string, params: readonly SqlValue[] = []) => Number(this.#statement(sql).run(...params).changes),
    exec: async (sql: string) => {
      this.#db.exec(sql);
    },
  };

  /**
   * Runs `statement` once no transaction is open, in the same turn as the check: with a turn
   * between them, the next queued transaction could begin first, and the statement would join it
   * (and be lost with its rollback).
   */
  async #whenIdle<T>(statement: () => Promise<T>): Promise<T> {
    while (this.#inTransaction) await this.#queue;
    return statement();
  }

  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    return this.#whenIdle(() => this.#direct.all<T>(sql, params));
  }

  one<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined> {
    return this.#whenIdle(() => this.#direct.one<T>(sql, params));
  }

  run(sql: string, params?: readonly SqlValue[]): Promise<number> {
    return this.#whenIdle(() => this.#direct.run(sql, params));
  }

  exec(sql: string): Promise<void> {
    return this.#whenIdle(() => this.#direct.exec(sql));
  }

  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    const run = this.#queue.then(async () => {
      // Another process may hold the write lock past busy_timeout: BEGIN then fails, and nothing
      // has started that the other statements must wait for.
      this.#db.exec('BEGIN IMMEDIATE');
      this.#inTransaction = true;
      try {
        const result = await work(this.#direct);
        this.#db.exec('COMMIT');
        return result;
      } catch (error) {
        try {
          this.#db.exec('ROLLBACK');
        } catch (rollbackError) {
          // SQLite rolled the transaction back itself (a full disk, an I/O error): the error that
          // made it is the one to tell, not "no transaction is active". Any other failure leaves the
          // transaction open, which every later one would trip over: that is told, with its cause.
          if (!/no transaction is active/.test(String((rollbackError as Error)?.message))) throw Object.assign(rollbackError as Error, { cause: error });
        }
        throw error;
      } finally {
        this.#inTransaction = false;
      }
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }

  readonly #exclusive = new Map<string, Promise<unknown>>();

  exclusive<T>(name: string, work: () => Promise<T>): Promise<T> {
    const run = (this.#exclusive.get(name) ?? Promise.resolve()).then(work);
    this.#exclusive.set(name, run.catch(() => undefined));
    return run;
  }

  /**
   * Busy or locked past the busy timeout (another process writing for long), or the file cannot be
   * written (a full disk, an I/O error, made read-only): an outage to answer 503 and log, not a fault
   * of the request.
   */
  isUnreachable(error: unknown): boolean {
    const code = primaryCode(error);
    return code !== undefined && (PASSING.includes(code) || LASTING.includes(code));
  }

  needsOperator(error: unknown): boolean {
    const code = primaryCode(error);
    return code !== undefined && LASTING.includes(code);
  }

  async ping(): Promise<void> {
    await this.one('SELECT 1');
  }

  close(): Promise<void> {
    return this.#whenIdle(async () => {
      if (this.#db.isOpen) this.#db.close();
    });
  }
}
