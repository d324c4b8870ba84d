/**
 * The `dvc-server` command line: picks the command, prints help, and turns the errors an operator
 * can fix into a message and an exit status (no stack trace). `main` returns the exit status;
 * `serve` keeps the process running and ends it itself.
 */
import { readFileSync } from 'node:fs';
import { ConfigurationError } from '../app.ts';
import { DatabaseModeError } from '../storage/deployment-mode.ts';
import { SettingsError } from '../settings.ts';
import { ApplicantKeyMismatchError, PlaceholderApplicantKeyError } from '../storage/shared-secrets.ts';
import { loginRefusal } from '../storage/postgres.ts';
import { asksForHelp, EXIT, EXIT_HELP, UsageError } from './command.ts';
import type { Command, Io } from './command.ts';
import { backup } from './backup.ts';
import { importCatalogue } from './import.ts';
import { keys } from './keys.ts';
import { migrate } from './migrate.ts';
import { payments } from './payments.ts';
import { reports } from './reports.ts';
import { serve } from './serve.ts';

const COMMANDS: Command[] = [serve, migrate, importCatalogue, keys, reports, payments, backup];

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const OVERVIEW = `dvc-server ${VERSION} — the DVC Kit API server

Usage: dvc-server [command] [options]

Commands:
${COMMANDS.map((command) => `  ${command.name.padEnd(9)} ${command.summary}`).join('\n')}
  help      dvc-server help <command>: what a command does, its options and an example

Every command reads its settings from environment variables, or from the options that override
them. Two modes (--mode or DVC_MODE):
  sandbox     the default: a SQLite file (.data/sandbox.db) with demo data, public test
              secrets, and test controls under /api/v1/_sandbox/, for development and testing;
  production  only the public API; the database (DATABASE_URL), the secrets and the allowed
              portal origins must come from the environment.

Options: -h, --help on any command; --version.

Examples:
  dvc-server                                   the sandbox on http://localhost:4010/api/v1
  dvc-server migrate --mode production         with DATABASE_URL set
  dvc-server help serve

${EXIT_HELP}`;

export const processIo: Io = {
  env: process.env,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

function findCommand(name: string): Command | undefined {
  return COMMANDS.find((command) => command.name === name);
}

function unknownCommand(name: string, io: Io): number {
  io.err(`dvc-server: unknown command "${name}". The commands are ${COMMANDS.map((c) => c.name).join(', ')} and help.`);
  io.err('Run "dvc-server --help" for what each does.');
  return EXIT.usage;
}

/** `help`, `help <command>`. */
function help(args: string[], io: Io): number {
  const [name, ...rest] = args;
  if (name === undefined) {
    io.out(OVERVIEW);
    return EXIT.ok;
  }
  const command = findCommand(name);
  if (!command) return unknownCommand(name, io);
  if (rest.length > 0) io.err(`(ignoring ${rest.map((arg) => `"${arg}"`).join(' ')})`);
  io.out(command.help);
  return EXIT.ok;
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [first] = argv;
  if (first === '--version') {
    io.out(VERSION);
    return EXIT.ok;
  }
  if (first === '--help' || first === '-h') {
    io.out(OVERVIEW);
    return EXIT.ok;
  }
  if (first === 'help') return help(argv.slice(1), io);
  // No command, or options first: serve, the default.
  const named = first !== undefined && !first.startsWith('-');
  const command = named ? findCommand(first) : serve;
  if (!command) return unknownCommand(first!, io);
  const args = named ? argv.slice(1) : argv;
  if (asksForHelp(args)) {
    io.out(command.help);
    return EXIT.ok;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`dvc-server ${error.command}: ${error.message}`);
      io.err(`Run "dvc-server help ${error.command}" for its options.`);
      return EXIT.usage;
    }
    // Both messages list every problem, one a line.
    if (error instanceof ConfigurationError || error instanceof SettingsError || error instanceof DatabaseModeError
      || error instanceof ApplicantKeyMismatchError || error instanceof PlaceholderApplicantKeyError) {
      io.err(error.message);
      return EXIT.config;
    }
    const refusal = loginRefusal(error);
    if (refusal) {
      io.err(`dvc-server ${command.name}: ${refusal}.`);
      return EXIT.config;
    }
    io.err(`dvc-server ${command.name}: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.failure;
  }
}
