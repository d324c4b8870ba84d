/** `dvc-server backup`: a consistent copy of a SQLite database while the server runs. */
import { chmodSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DATABASE_HELP, DATABASE_OPTIONS, EXIT, EXIT_HELP, parseCommandLine, UsageError } from './command.ts';
import type { Command } from './command.ts';
import { databaseSettings, withStorage } from './database.ts';
import { migrationStatus } from '../storage/migrate.ts';

const OPTIONS = {
  ...DATABASE_OPTIONS,
  to: { type: 'string' },
} as const;

const HELP = `dvc-server backup — copies a SQLite database while the server runs

Usage: dvc-server backup --to FILE [options]

Writes a consistent copy of the database to FILE (SQLite's VACUUM INTO: one transaction's view,
compacted), without stopping the servers that use it. FILE must not exist yet. To restore, stop
the servers, delete the database's -wal and -shm files if any are left (after a crash they hold
the old database's last writes, which SQLite would replay onto the copy), put the copy in place
of the database file, and start them again.

PostgreSQL has its own tools, which this command does not replace:
  back up:  pg_dump --format=custom --file dvc.dump "$DATABASE_URL"
  restore:  pg_restore --no-owner --dbname "$NEW_DATABASE_URL" dvc.dump

Options (each with its environment variable):
${DATABASE_HELP}
  --to FILE       Where to write the copy.
  -h, --help      This help.

Example:
  dvc-server backup --mode production --to /backups/dvc-$(date +%F).db

${EXIT_HELP}`;

export const backup: Command = {
  name: 'backup',
  summary: 'copy a SQLite database while it is in use (PostgreSQL: pg_dump)',
  help: HELP,
  async run(args, io) {
    const { values } = parseCommandLine('backup', args, OPTIONS);
    if (!values.to) throw new UsageError('backup', 'Name the copy with --to FILE.');
    const target = resolve(values.to);
    if (existsSync(target)) throw new UsageError('backup', `${target} exists already: name a new file.`);
    if (!existsSync(dirname(target))) throw new UsageError('backup', `the folder ${dirname(target)} does not exist: make it, or name a file in another.`);
    const settings = databaseSettings(io, values);
    return withStorage(settings, async (storage) => {
      if (storage.engine !== 'sqlite') {
        io.err('dvc-server backup copies SQLite databases. For PostgreSQL use pg_dump (see "dvc-server help backup").');
        return EXIT.usage;
      }
      // A file that is there but was never set up (made at a mistyped path by an older version):
      // a copy of it would be a backup of nothing.
      if ((await migrationStatus(storage)).current === 0) {
        io.err(`${storage.description} holds no DVC Kit data (schema version 0): check DATABASE_URL (or --db).`);
        return EXIT.config;
      }
      // The copy holds what the database holds (digests, histories, payments): readable by its
      // owner only, from its first byte, whatever the umask.
      writeFileSync(target, '', { mode: 0o600, flag: 'wx' });
      try {
        await storage.exec(`VACUUM INTO '${target.replaceAll("'", "''")}'`);
      } catch (error) {
        rmSync(target, { force: true });
        throw error;
      }
      chmodSync(target, 0o600);
      io.out(`${storage.description} copied to ${target}.`);
      return EXIT.ok;
    });
  },
};
