/** `dvc-server migrate`: brings the database schema to this version's, or reports where it is. */
import { migrate as applyMigrations, migrationStatus } from '../storage/migrate.ts';
import { DATABASE_HELP, DATABASE_OPTIONS, EXIT, EXIT_HELP, parseCommandLine } from './command.ts';
import type { Command } from './command.ts';
import { databaseSettings, withStorage } from './database.ts';
import { claimDatabase } from '../storage/deployment-mode.ts';

const OPTIONS = {
  ...DATABASE_OPTIONS,
  status: { type: 'boolean' },
} as const;

const HELP = `dvc-server migrate — updates the database schema

Usage: dvc-server migrate [--status] [options]

Applies the schema migrations the database does not have yet, each in its own transaction, and
prints what it applied. Run it before starting a new version of the server in production (the
sandbox migrates by itself at start). Safe to run again, and from several machines at once: one
migrates, the others find nothing left to do. A database a newer version migrated is left as it is
(this version serves it): it says so, and exits with status 0.

With --status it changes nothing: it prints the database, its schema version (current), this
version's (latest) and the migrations pending, and exits with status 1 if any are pending, so a
deployment can check before it switches traffic. A database a newer version migrated is served
(each schema step keeps the version before it working): it says so, and exits with status 0.

Options (each with its environment variable):
${DATABASE_HELP}
  --status        Report only; exit status 1 when migrations are pending.
  -h, --help      This help.

Environment variables: DVC_PG_POOL_SIZE (see "dvc-server help serve").

Examples:
  DATABASE_URL=postgres://dvc:secret@db.internal/dvc dvc-server migrate --mode production
  dvc-server migrate --status --db /var/lib/dvc/dvc.db

${EXIT_HELP}`;

export const migrate: Command = {
  name: 'migrate',
  summary: 'apply pending database migrations (--status: report them)',
  help: HELP,
  async run(args, io) {
    const { values } = parseCommandLine('migrate', args, OPTIONS);
    // --status changes nothing: not even a new file at a mistyped path.
    const settings = databaseSettings(io, values, { mayCreate: values.status ? 'never' : 'always' });
    return withStorage(settings, async (storage) => {
      if (values.status) {
        const { current, latest, pending } = await migrationStatus(storage);
        io.out(`database: ${storage.description}`);
        io.out(`current: ${current}`);
        io.out(`latest: ${latest}`);
        io.out(`pending: ${pending.length === 0 ? 'none' : pending.map((m) => `${m.version} (${m.name})`).join(', ')}`);
        if (current > latest) io.err('The database was migrated by a newer version: this server serves it all the same (each schema step keeps the version before it working). Upgrade this server.');
        return pending.length === 0 ? EXIT.ok : EXIT.failure;
      }
      const status = await migrationStatus(storage);
      if (status.current > status.latest) {
        // Migrated by a newer version (a rolling upgrade): nothing to apply, and this version serves it.
        io.out(`${storage.description} is at schema version ${status.current}, newer than this version's ${status.latest}: nothing to apply.`);
        io.err('The database was migrated by a newer version: this server serves it all the same (each schema step keeps the version before it working). Upgrade this server.');
        return EXIT.ok;
      }
      const { applied, current } = await applyMigrations(storage);
      // A department's database from now on: no sandbox will seed or reset it.
      if (settings.mode === 'production') await claimDatabase(storage, 'production', new Date());
      io.out(applied.length === 0
        ? `${storage.description} is up to date (schema version ${current}).`
        : `${storage.description}: applied migration${applied.length === 1 ? '' : 's'} ${applied.join(', ')}; schema version ${current}.`);
      return EXIT.ok;
    });
  },
};
