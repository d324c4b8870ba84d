/** `dvc-server import`: loads the national portal's public procedure catalogue into the database. */
import { resolve } from 'node:path';
import { importPublicCatalogue } from '../catalog/import-command.ts';
import { DATABASE_HELP, DATABASE_OPTIONS, EXIT, EXIT_HELP, parseCommandLine } from './command.ts';
import type { Command } from './command.ts';
import { databaseSettings } from './database.ts';

export const DEFAULT_CATALOGUE = '../shared/data/dichvucong';

const OPTIONS = {
  ...DATABASE_OPTIONS,
  from: { type: 'string' },
} as const;

const HELP = `dvc-server import — loads the national public procedure catalogue

Usage: dvc-server import [--from DIR] [options]

Reads the national public-service portal's catalogue (DIR/catalog.jsonl and DIR/details/) and
stores every procedure in the database, replacing those with the same code; malformed lines are
skipped and counted. The schema is migrated first if needed. A running server sees the new
catalogue within a second: no restart.

Options (each with its environment variable):
  --from DIR      The catalogue folder. Default: ${DEFAULT_CATALOGUE} (from the working directory).
${DATABASE_HELP}
  -h, --help      This help.

Example:
  dvc-server import --from /srv/dichvucong --db .data/full.db

${EXIT_HELP}`;

export const importCatalogue: Command = {
  name: 'import',
  summary: 'load the national public procedure catalogue into the database',
  help: HELP,
  async run(args, io) {
    const { values } = parseCommandLine('import', args, OPTIONS);
    const settings = databaseSettings(io, values, { mayCreate: 'always' });
    const from = resolve(values.from ?? DEFAULT_CATALOGUE);
    const { read, stored, skipped, repeatedCodes } = await importPublicCatalogue(settings.options.databaseUrl, from);
    io.out(`Read ${read} procedure${read === 1 ? '' : 's'} from ${from}; the database now holds ${stored} (${skipped} malformed line${skipped === 1 ? '' : 's'} skipped).`);
    if (repeatedCodes.length > 0) {
      const listed = repeatedCodes.slice(0, 20).join(', ') + (repeatedCodes.length > 20 ? ', …' : '');
      io.out(`${repeatedCodes.length} ${repeatedCodes.length === 1 ? 'code is' : 'codes are'} on more than one line, each stored once as its last line has it: ${listed}.`);
    }
    return EXIT.ok;
  },
};
