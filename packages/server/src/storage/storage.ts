/**
 * The one storage interface the server is written against. Repositories speak a small common SQL
 * (`?` placeholders, `ON CONFLICT`, `RETURNING`, text timestamps, integer flags) that both engines
 * run as written; what differs between SQLite and PostgreSQL stays inside the engines and the
 * migrations.
 */
export type SqlValue = string | number | null;

export type Engine = 'sqlite' | 'postgres';

/** Statements, inside or outside a transaction. */
export interface Queryable {
  /** Every row. */
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** The first row, or undefined. */
  one<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  /** Runs a statement; answers how many rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /** Several statements with no parameters (migrations, resets). */
  exec(sql: string): Promise<void>;
}

export interface Storage extends Queryable {
  readonly engine: Engine;
  /** Where it lives, without credentials: a file path, or the PostgreSQL host and database. */
  readonly description: string;
  /**
   * The column that orders rows as they were inserted, for the tables without a serial key
   * (payments, survey_responses): SQLite's own `rowid`, PostgreSQL's `seq`.
   */
  readonly insertionOrder: 'rowid' | 'seq';
  /**
   * Runs `work` in one transaction: all of it lands, or none. SQLite takes the write lock at the
   * start (BEGIN IMMEDIATE); PostgreSQL runs it on one pooled connection. A race that both engines
   * must survive is settled by constraints and conditional updates, not by isolation levels.
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Runs `work` while no other process runs work under the same name (PostgreSQL's advisory lock;
   * on SQLite, whose writers already take turns, within this process). For work that spans several
   * transactions, such as seeding an empty database while a second server starts beside this one.
   */
  exclusive<T>(name: string, work: () => Promise<T>): Promise<T>;
  /** Reaches the database (readiness). */
  ping(): Promise<void>;
  /**
   * Whether `error` says the database could not be reached (down, restarting, out of connections)
   * rather than that the request or the code was wrong: a passing outage, answered 503.
   */
  isUnreachable(error: unknown): boolean;
  /**
   * Of those, whether it will not pass by itself: a full disk, a file made read-only, an I/O error.
   * Answered 503 all the same, and logged as an error, for the operator.
   */
  needsOperator(error: unknown): boolean;
  close(): Promise<void>;
}
