/**
 * Which mode a database serves, written by the first server to seed it or serve it (or by
 * `dvc-server migrate` in production mode) and checked by every later one. The sandbox seeds demo
 * dossiers, signs tokens with its public secret and offers a reset that empties the tables: run by
 * mistake on a department's database (DVC_MODE forgotten), it would do all three. Production, on
 * a sandbox's database, would serve its demo dossiers as real ones.
 */
import type { Storage } from './storage.ts';
import type { ServerMode } from '../config.ts';
import { migrationStatus } from './migrate.ts';

/** A database claimed by the other mode: nothing was changed in it. */
export class DatabaseModeError extends Error {
  readonly problems: string[];

  constructor(database: string, claimed: ServerMode, asked: ServerMode) {
    const problem = claimed === 'production'
      ? `${database} is a production database: the sandbox would add its demo dossiers to it, and its reset would empty it. Set DVC_MODE=production (or --mode production), or point DATABASE_URL at another database for the sandbox.`
      : `${database} is the sandbox's database, with its demo dossiers: production must not serve them as real ones. Point DATABASE_URL at the department's own database (create it with "dvc-server migrate --mode production").`;
    super(`The database cannot be used in ${asked} mode:\n  - ${problem}`);
    this.problems = [problem];
  }
}

/** The migration that made the `deployment` table. */
const DEPLOYMENT_TABLE_VERSION = 4;

/**
 * Throws DatabaseModeError when the other mode has claimed the database, before anything is
 * written to it: the sandbox checks this before it migrates (a newer checkout's migrations must not
 * reach a department's schema). A database older than the claims passes.
 */
export async function refuseOtherMode(storage: Storage, mode: ServerMode): Promise<void> {
  if ((await migrationStatus(storage)).current < DEPLOYMENT_TABLE_VERSION) return;
  const claimed = (await storage.one<{ mode: ServerMode }>('SELECT mode FROM deployment WHERE id = 1'))?.mode;
  if (claimed !== undefined && claimed !== mode) throw new DatabaseModeError(storage.description, claimed, mode);
}

/**
 * Claims the database for `mode` when no mode has claimed it yet; throws DatabaseModeError when the
 * other one has. Two servers starting at once claim it once (the row's key settles it).
 */
export async function claimDatabase(storage: Storage, mode: ServerMode, now: Date): Promise<void> {
  await storage.run('INSERT INTO deployment (id, mode, claimed_at) VALUES (1, ?, ?) ON CONFLICT (id) DO NOTHING', [mode, now.toISOString()]);
  const claimed = (await storage.one<{ mode: ServerMode }>('SELECT mode FROM deployment WHERE id = 1'))!.mode;
  if (claimed !== mode) throw new DatabaseModeError(storage.description, claimed, mode);
}
