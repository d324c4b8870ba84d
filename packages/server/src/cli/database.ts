/**
 * The database of the commands that work on it directly (migrate, import, keys, reports, payments,
 * backup): named by the same settings as the server's, opened without starting a server.
 */
import { existsSync } from 'node:fs';
import { SettingsError, settingsFromEnvironment } from '../settings.ts';
import type { Settings } from '../settings.ts';
import { isPostgresUrl, openStorage, sqlitePath } from '../storage/open.ts';
import type { Storage } from '../storage/storage.ts';
import type { Io } from './command.ts';

export interface DatabaseFlags {
  mode?: string | undefined;
  db?: string | undefined;
}

/**
 * The settings, with a database named (production has no default one). With `existing`, a SQLite
 * file must be there already: a command that reads what a database holds (reports, payments,
 * backup) would otherwise create an empty one at a mistyped path and answer from it.
 */
export function databaseSettings(io: Io, flags: DatabaseFlags, { existing = false } = {}): Settings {
  const settings = settingsFromEnvironment(io.env, { mode: flags.mode, db: flags.db });
  const url = settings.options.databaseUrl;
  if (url === '') {
    throw new SettingsError(['DATABASE_URL (or --db) must name the database in production: a SQLite file path or postgres://….']);
  }
  if (existing && !isPostgresUrl(url) && sqlitePath(url) !== ':memory:' && !existsSync(sqlitePath(url))) {
    throw new SettingsError([`There is no database at ${url}: check DATABASE_URL (or --db). "dvc-server migrate" makes a new one.`]);
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
