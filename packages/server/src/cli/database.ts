/**
 * The database of the commands that work on it directly (migrate, import, keys): named by the
 * same settings as the server's, opened without starting a server.
 */
import { SettingsError, settingsFromEnvironment } from '../settings.ts';
import type { Settings } from '../settings.ts';
import { openStorage } from '../storage/open.ts';
import type { Storage } from '../storage/storage.ts';
import type { Io } from './command.ts';

export interface DatabaseFlags {
  mode?: string | undefined;
  db?: string | undefined;
}

/** The settings, with a database named (production has no default one). */
export function databaseSettings(io: Io, flags: DatabaseFlags): Settings {
  const settings = settingsFromEnvironment(io.env, { mode: flags.mode, db: flags.db });
  if (settings.options.databaseUrl === '') {
    throw new SettingsError(['DATABASE_URL (or --db) must name the database in production: a SQLite file path or postgres://….']);
  }
  return settings;
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
