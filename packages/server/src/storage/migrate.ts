import type { Queryable, Storage } from './storage.ts';
import { LATEST_VERSION, MIGRATIONS } from './migrations.ts';

export interface MigrationStatus {
  /** The version the database is at (0: empty). */
  current: number;
  latest: number;
  pending: { version: number; name: string }[];
}

/** Any number for PostgreSQL's advisory lock, the same in every process: one migrator at a time. */
const MIGRATION_LOCK = 4_711_001;

const CREATE_LEDGER = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`;

/**
 * The tables of a database with no ledger: none for a new database. `procedures` among them is one
 * made before versioned migrations (an old sandbox file); anything else is another application's.
 * Not counted: an extension's own tables and views (PostGIS's spatial_ref_sys, pg_stat_statements),
 * SQLite's, and those of Litestream, which may replicate the file from before its first migration.
 */
async function tablesWithoutLedger(db: Queryable, storage: Storage): Promise<string[]> {
  const tables = storage.engine === 'postgres'
    ? `SELECT c.relname AS name FROM pg_class c
        WHERE c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) AND c.relkind IN ('r', 'p')
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
        ORDER BY c.relname`
    : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE '\\_litestream\\_%' ESCAPE '\\' ORDER BY name";
  const names = (await db.all<{ name: string }>(tables)).map((r) => r.name);
  return names.includes('schema_migrations') ? [] : names;
}

export async function migrationStatus(storage: Storage): Promise<MigrationStatus> {
  const unversioned = await tablesWithoutLedger(storage, storage);
  if (unversioned.includes('procedures')) {
    throw new Error(`${storage.description} was made by an older version without versioned migrations. It holds only sandbox data: delete it and start again.`);
  }
  if (unversioned.length > 0) {
    const listed = unversioned.slice(0, 5).join(', ') + (unversioned.length > 5 ? ', …' : '');
    throw new Error(`${storage.description} holds another application's tables (${listed}), not DVC Kit's: point DATABASE_URL at a new SQLite file or an empty PostgreSQL database (or schema).`);
  }
  const ledger = storage.engine === 'postgres'
    ? "SELECT 1 AS present FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'schema_migrations'"
    : "SELECT 1 AS present FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'";
  const current = (await storage.one(ledger))
    ? (await storage.one<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations'))?.v ?? 0
    : 0;
  return {
    current,
    latest: LATEST_VERSION,
    pending: MIGRATIONS.filter((m) => m.version > current).map(({ version, name }) => ({ version, name })),
  };
}

/**
 * Brings the schema to the latest version, each step in its own transaction. Safe to run from
 * several processes at once: PostgreSQL's advisory lock (SQLite's write lock) lets one migrate and
 * the others then find nothing to do. A database newer than this code is refused.
 */
export async function migrate(storage: Storage, now: () => Date = () => new Date()): Promise<{ applied: number[]; current: number }> {
  const applied: number[] = [];
  // Refuses an unversioned or foreign database before the ledger would make it look like DVC Kit's.
  await migrationStatus(storage);
  await storage.transaction(async (tx) => {
    if (storage.engine === 'postgres') await tx.one('SELECT pg_advisory_xact_lock(?)', [MIGRATION_LOCK]);
    await tx.exec(CREATE_LEDGER);
  });
  const before = await migrationStatus(storage);
  if (before.current > LATEST_VERSION) {
    throw new Error(`The database is at schema version ${before.current}; this server knows up to ${LATEST_VERSION}. Upgrade the server.`);
  }
  for (const migration of MIGRATIONS) {
    await storage.transaction(async (tx) => {
      if (storage.engine === 'postgres') await tx.one('SELECT pg_advisory_xact_lock(?)', [MIGRATION_LOCK]);
      const done = await tx.one('SELECT 1 AS done FROM schema_migrations WHERE version = ?', [migration.version]);
      if (done) return;
      await tx.exec(migration.sql(storage.engine));
      await migration.data?.(tx);
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [migration.version, migration.name, now().toISOString()]);
      applied.push(migration.version);
    });
  }
  return { applied, current: LATEST_VERSION };
}
