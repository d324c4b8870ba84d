/**
 * The database of the commands that work on it directly (migrate, import, keys, reports, payments,
 * backup): named by the same settings as the server's, opened without starting a server.
 */
import { missingDatabaseFile, missingDatabaseFolder, SettingsError, settingsFromEnvironment } from '../settings.ts';
import type { Settings } from '../settings.ts';
import { openStorage } from '../storage/open.ts';
import type { Storage } from '../storage/storage.ts';
import type { Io } from './command.ts';

export interface DatabaseFlags {
  mode?: string | undefined;
  db?: string | undefined;
}

/**
 * Which commands may make a SQLite file that is not there yet: those that set a database up
 * (`migrate`, `import`), and in the sandbox those that set one up for a developer (`keys`). Any
 * other would make an empty one at a mistyped path and answer from it (a backup of nothing, a
 * report of zeros, a server answering 503 for ever).
 */
export type MayCreate = 'always' | 'in-sandbox' | 'never';

/** The settings, with a database named (production has no default one) that is there when it must be. */
export function databaseSettings(io: Io, flags: DatabaseFlags, { mayCreate = 'never' }: { mayCreate?: MayCreate } = {}): Settings {
  const settings = settingsFromEnvironment(io.env, { mode: flags.mode, db: flags.db });
  if (settings.options.databaseUrl === '') {
    throw new SettingsError(['DATABASE_URL (or --db) must name the database in production: a SQLite file path or postgres://….']);
  }
  requireDatabaseFile(settings, mayCreate);
  return settings;
}

/** Refuses a SQLite path with no file, unless this command may make one (see MayCreate). */
function requireDatabaseFile(settings: Settings, mayCreate: MayCreate): void {
  const creating = mayCreate === 'always' || (mayCreate === 'in-sandbox' && settings.mode === 'sandbox');
  // The sandbox makes its folder (.data/); production's new database goes in one the operator made.
  if (creating && settings.mode === 'sandbox') return;
  const problems = creating ? missingDatabaseFolder(settings.options.databaseUrl) : missingDatabaseFile(settings.options.databaseUrl);
  if (problems.length > 0) throw new SettingsError(problems);
}

/** Runs `work` on the storage and closes it, whatever happens. */
export async function withStorage<T>(settings: Settings, work: (storage: Storage) => Promise<T>): Promise<T> {
  const storage = openStorage(settings.options.databaseUrl, { poolSize: settings.options.poolSize });
  try {
    return await work(storage);
  } finally {
    await storage.close();
  }
}
