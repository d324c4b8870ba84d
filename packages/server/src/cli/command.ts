/**
 * What every `dvc-server` command shares: how it is described and run, its exit statuses, and the
 * parsing of its arguments (node:util's parseArgs, strict: an unknown option is a usage error).
 */
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import type { Environment } from '../environment.ts';

/** The exit statuses, as the help texts list them. 78 is sysexits' EX_CONFIG. */
export const EXIT = { ok: 0, failure: 1, usage: 2, config: 78 } as const;

/** The outside world of a command: its environment and its two output streams, one line a call. */
export interface Io {
  env: Environment;
  out(line: string): void;
  err(line: string): void;
}

export interface Command {
  name: string;
  /** One line for `dvc-server --help`. */
  summary: string;
  /** The full help: what the command does, every option and variable, an example. */
  help: string;
  run(args: string[], io: Io): Promise<number>;
}

/** The command line is wrong: the message says how; the command's help says what is right. */
export class UsageError extends Error {
  readonly command: string;

  constructor(command: string, message: string) {
    super(message);
    this.command = command;
  }
}

export type Options = NonNullable<ParseArgsConfig['options']>;

/** Whether the arguments ask for help (before a `--`, after which everything is an argument). */
export function asksForHelp(args: string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}

/**
 * The arguments parsed against `options`, with at most `maxPositionals` positional arguments.
 * parseArgs' own errors (unknown option, missing value) become usage errors of `command`.
 */
export function parseCommandLine<T extends Options>(command: string, args: string[], options: T, maxPositionals = 0) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Node's advice on positional arguments that start with '-' does not apply to these commands.
    const unknown = (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION';
    throw new UsageError(command, unknown ? `${message.split('. ')[0]}.` : message);
  }
  if (parsed.positionals.length > maxPositionals) {
    const extra = parsed.positionals.slice(maxPositionals).map((arg) => `"${arg}"`).join(', ');
    throw new UsageError(command, `Unexpected argument ${extra}.`);
  }
  return parsed;
}

/** The options of every command that opens the database. */
export const DATABASE_OPTIONS = {
  mode: { type: 'string' },
  db: { type: 'string' },
} as const satisfies Options;

/** Help lines for DATABASE_OPTIONS and their variables, shared by the commands' help texts. */
export const DATABASE_HELP = `  --mode sandbox|production
                  DVC_MODE. Default: sandbox. In production the database must be named.
  --db URL        DATABASE_URL (or DVC_DB). A SQLite file path, or postgres://user:password@host/db.
                  Default in sandbox mode: .data/sandbox.db in the working directory; none in production.
                  A password belongs in DATABASE_URL or PGPASSWORD, not here: every user of the
                  machine can read a command line (ps).`;

export const EXIT_HELP = `Exit status: 0 done, 1 failed, 2 wrong command line, 78 missing or invalid settings.`;
