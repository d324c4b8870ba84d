/**
 * The server's settings from the environment and the command line: the options `dvc-server`
 * passes to createServer, and where it listens. A flag wins over its environment variable; what
 * neither sets keeps its default. Invalid values are collected, not thrown one by one, so an
 * operator sees everything to fix at once.
 *
 * Secrets are only passed through: whether production accepts them is productionProblems' call
 * (config.ts), which also names a missing DATABASE_URL and refuses the sandbox's own secrets.
 */
import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, resolve } from 'node:path';
import { API_PREFIX, defaultOptions, productionProblems } from './config.ts';
import type { ServerMode, ServerOptions } from './config.ts';
import { loadStatusTable } from './sync/status-table.ts';
import { gatewaySettingsFromEnvironment } from './payments/gateways/settings.ts';
import type { Environment } from './environment.ts';
import { readVariable } from './environment.ts';
import { databaseUrlProblem, isPostgresUrl, sqlitePath } from './storage/open.ts';


/** The command-line flags that have an environment variable (or a default) behind them. */
export interface SettingsFlags {
  mode?: string;
  db?: string;
  port?: string;
  host?: string;
  /** `--no-admin`: the sandbox without its test controls. */
  noAdmin?: boolean;
  /** For `serve`: a problem in production then also names what production serving refuses. */
  serving?: boolean;
}

export interface Settings {
  mode: ServerMode;
  /** For createServer. `databaseUrl` is '' in production when nothing names the database. */
  options: Partial<ServerOptions> & { mode: ServerMode; databaseUrl: string };
  port: number;
  /** `localhost` (the default) listens on each address the machine gives it (127.0.0.1, ::1): browsers may resolve either. */
  host: string;
  /** How long a graceful shutdown may take before the process gives up on it. */
  shutdownTimeoutMs: number;
}

export const DEFAULT_PORT = 4010;
export const DEFAULT_HOST = 'localhost';
/** The sandbox's database when nothing names one, relative to the working directory. */
export const DEFAULT_SANDBOX_DATABASE = '.data/sandbox.db';
export const DEFAULT_SHUTDOWN_TIMEOUT_SECONDS = 10;

/** Settings that cannot be used as given; `problems` has one sentence per setting. */
export class SettingsError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`The settings cannot be used:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
  }
}


/** A whole number within [min, max], or a problem naming where it came from. */
function wholeNumber(value: string, min: number, max: number, name: string, problems: string[]): number | undefined {
  const number = Number(value.trim());
  if (Number.isInteger(number) && number >= min && number <= max) return number;
  problems.push(`${name} must be a whole number from ${min} to ${max}, not "${value}".`);
  return undefined;
}

/** DVC_ADMIN_ROUTES: the usual ways of writing yes and no. */
function onOff(value: string, name: string, problems: string[]): boolean | undefined {
  const word = value.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(word)) return true;
  if (['0', 'false', 'no', 'off'].includes(word)) return false;
  problems.push(`${name} must be 1 or 0, not "${value}".`);
  return undefined;
}

/**
 * DVC_TRUST_PROXY: how many proxies stand in front (1 to 10), or their addresses and ranges
 * (`10.0.0.0/8, 192.168.1.10`). Never "any": a client could then name itself any address in
 * X-Forwarded-For and escape its rate limits. So no range wider than a private network's
 * (IPv4 /8, IPv6 /7: `0.0.0.0/0` is "any" by another name).
 */
function trustedProxies(value: string, problems: string[]): number | string[] | undefined {
  const text = value.trim();
  if (/^\d+$/.test(text)) return wholeNumber(text, 1, 10, 'DVC_TRUST_PROXY', problems);
  const entries = text.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  const tooWide = entries.find((entry) => {
    const [address = '', prefix] = entry.split('/');
    return prefix !== undefined && /^\d+$/.test(prefix) && Number(prefix) < (isIP(address) === 6 ? 7 : 8);
  });
  if (tooWide) {
    problems.push(`DVC_TRUST_PROXY must not trust a range as wide as ${tooWide}: any client could name itself any address. Name the proxies' own addresses or network (e.g. 10.0.0.0/8).`);
    return undefined;
  }
  const valid = (entry: string) => {
    const [address = '', prefix, extra] = entry.split('/');
    const version = isIP(address);
    if (version === 0 || extra !== undefined) return false;
    return prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128));
  };
  if (entries.length > 0 && entries.every(valid)) return entries;
  problems.push(`DVC_TRUST_PROXY must be the number of proxies in front of the server (1 to 10) or their addresses and ranges, comma-separated (e.g. 10.0.0.0/8), not "${value}".`);
  return undefined;
}

export function settingsFromEnvironment(env: Environment, flags: SettingsFlags = {}): Settings {
  const problems: string[] = [];

  const modeText = (flags.mode ?? readVariable(env, 'DVC_MODE') ?? 'sandbox').trim();
  if (modeText !== 'sandbox' && modeText !== 'production') {
    problems.push(`${flags.mode !== undefined ? '--mode' : 'DVC_MODE'} must be "sandbox" or "production", not "${modeText}".`);
  }
  const mode: ServerMode = modeText === 'production' ? 'production' : 'sandbox';

  const portText = flags.port ?? readVariable(env, 'PORT');
  const port = portText === undefined
    ? DEFAULT_PORT
    : wholeNumber(portText, 1, 65_535, flags.port !== undefined ? '--port' : 'PORT', problems) ?? DEFAULT_PORT;
  const host = (flags.host ?? readVariable(env, 'HOST') ?? DEFAULT_HOST).trim();

  // DATABASE_URL is the name every platform uses; DVC_DB and --db are the sandbox's older names.
  // Production has no default: a server that quietly made a new empty file would look healthy.
  const named = flags.db ?? readVariable(env, 'DATABASE_URL') ?? readVariable(env, 'DVC_DB');
  const databaseUrl = named ?? (mode === 'sandbox' ? resolve(DEFAULT_SANDBOX_DATABASE) : '');

  const options: Settings['options'] = { mode, databaseUrl };
  const databaseProblem = databaseUrl === '' ? undefined : databaseUrlProblem(databaseUrl);
  if (databaseProblem) problems.push(databaseProblem);

  const poolSize = readVariable(env, 'DVC_PG_POOL_SIZE');
  if (poolSize !== undefined) {
    // At least 2: the payment check holds one connection for its lock while it works on another.
    const size = wholeNumber(poolSize, 2, 100, 'DVC_PG_POOL_SIZE', problems);
    if (size !== undefined) options.poolSize = size;
  }

  // Production never serves the test controls: left unset, they are off there. Asked for anyway,
  // productionProblems refuses them rather than this quietly ignoring the request.
  const adminText = readVariable(env, 'DVC_ADMIN_ROUTES');
  const adminFromEnv = adminText === undefined ? undefined : onOff(adminText, 'DVC_ADMIN_ROUTES', problems);
  options.adminRoutes = flags.noAdmin ? false : adminFromEnv ?? mode === 'sandbox';

  const origins = readVariable(env, 'DVC_ALLOWED_ORIGINS');
  options.allowedOrigins = origins === undefined
    ? 'localhost'
    : origins.split(',').map((origin) => origin.trim()).filter((origin) => origin !== '');

  const publicApiUrl = readVariable(env, 'DVC_PUBLIC_API_URL')?.trim();
  if (publicApiUrl !== undefined && !/^https?:\/\/[^/\s]+/i.test(publicApiUrl)) {
    problems.push(`DVC_PUBLIC_API_URL must be an http(s) address such as https://api.example.gov.vn${API_PREFIX}, not "${publicApiUrl}".`);
  }
  options.publicApiUrl = publicApiUrl ?? `http://localhost:${port}${API_PREFIX}`;

  const secrets = [['applicantKey', 'DVC_APPLICANT_KEY'], ['tokenSecret', 'DVC_TOKEN_SECRET']] as const;
  for (const [option, variable] of secrets) {
    const value = readVariable(env, variable);
    if (value !== undefined) options[option] = value;
  }

  const ttl = readVariable(env, 'DVC_TOKEN_TTL_SECONDS');
  if (ttl !== undefined) {
    const seconds = wholeNumber(ttl, 1, 31 * 24 * 3600, 'DVC_TOKEN_TTL_SECONDS', problems);
    if (seconds !== undefined) options.tokenTtlMs = seconds * 1000;
  }

  const gateways = gatewaySettingsFromEnvironment(env, problems);
  if (gateways.vnpay || gateways.momo) options.gateways = gateways;
  const minutes = [
    ['paymentExpiryMs', 'DVC_PAYMENT_EXPIRY_MINUTES', 5, 24 * 60],
    ['reconcileAfterMs', 'DVC_RECONCILE_AFTER_MINUTES', 1, 7 * 24 * 60],
    ['reconcileEveryMs', 'DVC_RECONCILE_EVERY_MINUTES', 0, 24 * 60],
  ] as const;
  for (const [option, variable, min, max] of minutes) {
    const text = readVariable(env, variable);
    if (text === undefined) continue;
    const value = wholeNumber(text, min, max, variable, problems);
    if (value !== undefined) options[option] = value * 60_000;
  }

  const statusTable = readVariable(env, 'DVC_SYNC_STATUS_TABLE');
  if (statusTable !== undefined) {
    try {
      loadStatusTable(statusTable);
      options.syncStatusTable = statusTable;
    } catch (error) {
      problems.push(`DVC_SYNC_STATUS_TABLE: ${(error as Error).message}`);
    }
  }

  const proxies = readVariable(env, 'DVC_TRUST_PROXY');
  if (proxies !== undefined) {
    const trustProxy = trustedProxies(proxies, problems);
    if (trustProxy !== undefined) options.trustProxy = trustProxy;
  }

  const shutdown = readVariable(env, 'DVC_SHUTDOWN_TIMEOUT_SECONDS');
  const shutdownSeconds = shutdown === undefined
    ? DEFAULT_SHUTDOWN_TIMEOUT_SECONDS
    : wholeNumber(shutdown, 1, 3600, 'DVC_SHUTDOWN_TIMEOUT_SECONDS', problems) ?? DEFAULT_SHUTDOWN_TIMEOUT_SECONDS;

  // Production serves a database `dvc-server migrate` made: a SQLite path with no file is mistyped
  // (the sandbox makes its own).
  if (mode === 'production' && flags.serving === true) problems.push(...missingDatabaseFile(options.databaseUrl));
  // Everything that stops production serving, in one answer: not a second round once these are
  // mended. Only for serving: migrate or a report needs no secrets.
  if (problems.length > 0 && mode === 'production' && flags.serving === true) {
    for (const problem of productionProblems(defaultOptions(options))) if (!problems.includes(problem)) problems.push(problem);
  }
  if (problems.length > 0) throw new SettingsError(problems);
  return { mode, options, port, host, shutdownTimeoutMs: shutdownSeconds * 1000 };
}

/**
 * A relative `file:` URL (`file:data/dvc.db`) is read from the working directory; versions before
 * read it from the root (`/data/dvc.db`). Where only the root holds a database, a deployment written
 * for the old reading would otherwise get a new, empty one: said, with the URL that keeps the old.
 */
function earlierReadingProblem(databaseUrl: string): string[] {
  if (!/^file:(?!\/)/i.test(databaseUrl)) return [];
  const path = sqlitePath(databaseUrl);
  const earlier = resolve('/', path);
  if (path === ':memory:' || existsSync(resolve(path)) || !existsSync(earlier)) return [];
  return [`DATABASE_URL ${databaseUrl} names ${resolve(path)} (from the working directory), where there is no database; `
    + `earlier versions read it as ${earlier}, which holds one: write file://${earlier} to go on using it.`];
}

/**
 * The SQLite file DATABASE_URL names, to look for; or the problems found before looking (the earlier
 * reading of a relative `file:` URL); undefined for PostgreSQL, memory, no name (which production's
 * configuration check names) or a URL wrong in itself (said by settingsFromEnvironment).
 */
function sqliteFile(databaseUrl: string): { path: string } | { problems: string[] } | undefined {
  if (databaseUrl === '' || isPostgresUrl(databaseUrl) || databaseUrlProblem(databaseUrl)) return undefined;
  const problems = earlierReadingProblem(databaseUrl);
  if (problems.length > 0) return { problems };
  const path = sqlitePath(databaseUrl);
  return path === ':memory:' ? undefined : { path: resolve(path) };
}

/**
 * The problem of a new SQLite file in production whose folder is not there: a mistyped folder
 * (`/var/lib/dcv/`) is not made, with a new empty database in it, outside what the backups cover.
 */
export function missingDatabaseFolder(databaseUrl: string): string[] {
  const file = sqliteFile(databaseUrl);
  if (!file || 'problems' in file) return file?.problems ?? [];
  if (existsSync(file.path) || existsSync(dirname(file.path))) return [];
  return [`The folder ${dirname(file.path)} for the database does not exist: check DATABASE_URL (or --db), or make the folder first.`];
}

/**
 * The problem of a SQLite path with no file there. Said where a command would otherwise make an
 * empty database at a mistyped path and answer from it.
 */
export function missingDatabaseFile(databaseUrl: string): string[] {
  const file = sqliteFile(databaseUrl);
  if (!file || 'problems' in file) return file?.problems ?? [];
  if (existsSync(file.path)) return [];
  return [`There is no database at ${file.path}: check DATABASE_URL (or --db). "dvc-server migrate" makes a new one.`];
}
