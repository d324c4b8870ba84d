/**
 * `dvc-server keys`: the API keys of an agency's own systems — its one-stop system sending
 * dossiers to the sync operations (`sync` scope), its staff's reports (`reports` scope) — each
 * bound to one agency code. A key is shown once, when it is made; the database keeps its digest.
 */
import { AGENCY_CODE, API_KEY_SCOPES, createApiKey, listApiKeys, revokeApiKey } from '../auth/api-keys.ts';
import type { ApiKeyScope } from '../auth/api-keys.ts';
import { migrate as applyMigrations, migrationStatus } from '../storage/migrate.ts';
import type { Storage } from '../storage/storage.ts';
import { DATABASE_HELP, DATABASE_OPTIONS, EXIT, EXIT_HELP, parseCommandLine, UsageError } from './command.ts';
import type { Command, Io } from './command.ts';
import { databaseSettings, withStorage } from './database.ts';
import type { Settings } from '../settings.ts';

const HELP = `dvc-server keys — API keys of the systems that call the sync and report operations

Usage:
  dvc-server keys create --scope sync|reports --agency CODE [--label TEXT] [options]
  dvc-server keys list [--json] [options]
  dvc-server keys revoke ID [options]

create   Makes a key and prints it on standard output (its id and details on standard error).
         The key is shown this once: give it to the system that will use it, which sends it as
         "Authorization: Bearer <key>". Only a digest of it is stored.
           --scope sync      for the one-stop system sending dossiers and their progress;
           --scope reports   for the agency's reports.
           --agency CODE     the agency the key acts for, its code as dossier codes begin
                             with it, e.g. 000.00.15.H26.
           --label TEXT      a note for people: which system, who asked for it.
list     Lists the keys: id, scope, agency, label, when made and when revoked.
         --json prints them as a JSON array.
revoke   Revokes the key with this id (as "keys list" shows it): it is refused from the next
         request on. Exit status 1 if there is no such key, or it was already revoked.

In sandbox mode the database is migrated first if needed; in production run "dvc-server
migrate" first.

Options (each with its environment variable):
${DATABASE_HELP}
  -h, --help      This help.

Examples:
  dvc-server keys create --scope sync --agency 000.00.15.H26 --label "Một cửa tỉnh, cấp 2025" --mode production
  dvc-server keys list
  dvc-server keys revoke key_3f9a…

${EXIT_HELP}`;

const CREATE_OPTIONS = {
  ...DATABASE_OPTIONS,
  scope: { type: 'string' },
  agency: { type: 'string' },
  label: { type: 'string' },
} as const;
const LIST_OPTIONS = { ...DATABASE_OPTIONS, json: { type: 'boolean' } } as const;
const REVOKE_OPTIONS = DATABASE_OPTIONS;

/** The storage at the current schema: migrated in the sandbox, refused otherwise. */
export async function currentSchema(storage: Storage, settings: Settings): Promise<void> {
  const { current, latest, pending } = await migrationStatus(storage);
  if (pending.length === 0) return;
  if (settings.mode === 'sandbox') {
    await applyMigrations(storage);
    return;
  }
  throw new Error(`the database schema is at version ${current} of ${latest}: run "dvc-server migrate" first.`);
}

/** A stored time for people: without its milliseconds; none, empty. */
const when = (iso: string | null) => (iso ?? '').replace(/\.\d{3}Z$/, 'Z');

/** Rows as columns padded to their widest cell. */
function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd());
}

/** A whole agency code (mã định danh cơ quan): four segments, e.g. 000.00.15.H26. */
const FULL_AGENCY_CODE = /^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[0-9A-Z]{3}$/;

async function create(args: string[], io: Io): Promise<number> {
  const { values } = parseCommandLine('keys', args, CREATE_OPTIONS);
  const scope = values.scope;
  if (scope === undefined) throw new UsageError('keys', 'keys create needs --scope sync or --scope reports.');
  if (!(API_KEY_SCOPES as readonly string[]).includes(scope)) throw new UsageError('keys', `--scope must be sync or reports, not "${scope}".`);
  const agency = values.agency?.trim();
  if (!agency) throw new UsageError('keys', 'keys create needs --agency: the code of the agency the key acts for, e.g. 000.00.15.H26.');
  // Before the database is opened: a mistyped code is the command line's fault (exit 2), not the server's.
  if (!AGENCY_CODE.test(agency)) throw new UsageError('keys', `--agency "${agency}" is not an agency code such as 000.00.15.H26 (capital letters and digits, in segments joined by dots).`);
  const label = values.label?.trim() ?? '';
  const settings = databaseSettings(io, values, { mayCreate: 'in-sandbox' });
  return withStorage(settings, async (storage) => {
    await currentSchema(storage, settings);
    const { id, key } = await createApiKey(storage, { scope: scope as ApiKeyScope, agency, label });
    io.err(`Created key ${id}: scope ${scope}, agency ${agency}${label ? `, "${label}"` : ''}. The key, shown this once:`);
    // A prefix such as "000" is a valid code's beginning, and nearly every dossier code in the country begins so.
    if (!FULL_AGENCY_CODE.test(agency)) {
      io.err(`Note: ${agency} is not a whole agency code such as 000.00.15.H26: this key acts for every agency whose code begins with ${agency}. ` +
        `If that is not meant, revoke it (dvc-server keys revoke ${id}) and make one for the agency's own code.`);
    }
    io.out(key);
    return EXIT.ok;
  });
}

async function list(args: string[], io: Io): Promise<number> {
  const { values } = parseCommandLine('keys', args, LIST_OPTIONS);
  const settings = databaseSettings(io, values, { mayCreate: 'in-sandbox' });
  return withStorage(settings, async (storage) => {
    await currentSchema(storage, settings);
    const keys = await listApiKeys(storage);
    if (values.json) {
      io.out(JSON.stringify(keys, null, 2));
    } else if (keys.length === 0) {
      io.err('No API keys: "dvc-server keys create" makes one.');
    } else {
      const rows = keys.map((k) => [k.id, k.scope, k.agency, k.label, when(k.createdAt), when(k.revokedAt)]);
      for (const line of table([['ID', 'SCOPE', 'AGENCY', 'LABEL', 'CREATED', 'REVOKED'], ...rows])) io.out(line);
    }
    return EXIT.ok;
  });
}

async function revoke(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandLine('keys', args, REVOKE_OPTIONS, 1);
  const id = positionals[0];
  if (id === undefined) throw new UsageError('keys', 'keys revoke needs the id of the key, as "dvc-server keys list" shows it.');
  const settings = databaseSettings(io, values, { mayCreate: 'in-sandbox' });
  return withStorage(settings, async (storage) => {
    await currentSchema(storage, settings);
    if (await revokeApiKey(storage, id)) {
      io.out(`Revoked ${id}.`);
      return EXIT.ok;
    }
    io.err(`No key ${id} to revoke: unknown, or already revoked ("dvc-server keys list" shows them).`);
    return EXIT.failure;
  });
}

const SUBCOMMANDS: Record<string, (args: string[], io: Io) => Promise<number>> = { create, list, revoke };

export const keys: Command = {
  name: 'keys',
  summary: 'create, list and revoke the API keys of the sync and report operations',
  help: HELP,
  async run(args, io) {
    const [name, ...rest] = args;
    if (name === undefined) throw new UsageError('keys', 'keys needs a subcommand: create, list or revoke.');
    const subcommand = SUBCOMMANDS[name];
    if (!subcommand) throw new UsageError('keys', `unknown subcommand "${name}": create, list or revoke.`);
    return subcommand(rest, io);
  },
};
