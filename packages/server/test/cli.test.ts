// dvc-server as an operator runs it: the CLI spawned from its sources, in a clean environment and
// a temporary working directory; and settingsFromEnvironment on its own. On the PostgreSQL pass
// (DVC_TEST_ENGINE=postgres) only the tests that touch a database run again, each on a fresh
// PostgreSQL database whose URL carries a password that must never be printed.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SANDBOX_MERCHANT } from '../src/payments/gateways/settings.ts';
import { SANDBOX_SECRETS } from '../src/config.ts';
import { SettingsError, settingsFromEnvironment } from '../src/settings.ts';
import { openStorage } from '../src/storage/open.ts';
import { freshDatabaseUrl, TEST_ENGINE } from './support/test-database.ts';
import { DEMO, startSandbox, testSecret } from './support/sandbox.ts';
import { payAtGateway } from './support/gateway-driver.ts';
import { freePort } from '../../../scripts/free-port.mjs';

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

/** Secrets and origins production accepts. */
const PRODUCTION_ENV = {
  DVC_MODE: 'production',
  DVC_APPLICANT_KEY: testSecret('applicant'),
  DVC_TOKEN_SECRET: testSecret('token'),
  DVC_ALLOWED_ORIGINS: 'https://dichvucong.example.gov.vn',
};

/** Suites about the command line alone run once, on the SQLite pass. */
/**
 * What does not touch a database is the same on every engine: defined on the SQLite pass only
 * (the PostgreSQL pass has nothing of it to run, rather than skipping it).
 */
const ON_EVERY_ENGINE_ALIKE = TEST_ENGINE === 'sqlite';
const describeOnce = ON_EVERY_ENGINE_ALIKE ? describe : () => undefined;
const itOnce = ON_EVERY_ENGINE_ALIKE ? it : () => undefined;
const PASSWORD = 'never-printed-password';

/** A new, empty database on the test engine: a SQLite file named `name`, or a PostgreSQL database. */
async function newDatabase(name: string): Promise<string> {
  if (TEST_ENGINE === 'sqlite') return join(work, name);
  const url = new URL(await freshDatabaseUrl());
  // The test cluster trusts every local connection: the password is only there to be hidden.
  url.password = PASSWORD;
  return url.toString();
}

/** What the CLI prints for the database: the path, or PostgreSQL's host and database without credentials. */
function described(databaseUrl: string): string {
  return TEST_ENGINE === 'sqlite' ? databaseUrl : new URL(databaseUrl).pathname;
}

let work: string;

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'dvc-server-cli-'));
});

after(async () => {
  await rm(work, { recursive: true, force: true });
});

/** The CLI with only PATH and `env` set (none of the developer's DATABASE_URL and the like). */
function start(args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ['--conditions=source', CLI, ...args], {
    cwd: work,
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

interface Result { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }

function finished(child: ChildProcess): Promise<Result> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk));
  return new Promise((done) => child.on('close', (code, signal) => done({ code, signal, stdout, stderr })));
}

const run = (args: string[], env: Record<string, string> = {}) => finished(start(args, env));

/**
 * A running `serve`: its base URL once /health answers, its exit, and `inProgress`, which resolves
 * once the server has logged a request for `path` (the logs are on unless `--quiet` is passed).
 */
async function startServer(args: string[], env: Record<string, string> = {}) {
  const port = await freePort();
  const child = start(['serve', '--port', String(port), '--host', '127.0.0.1', ...args], env);
  const exit = finished(child);
  const logs: { msg?: string; req?: { url: string } }[] = [];
  let partial = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop()!;
    for (const line of lines) logs.push(JSON.parse(line) as (typeof logs)[number]);
  });
  const url = `http://127.0.0.1:${port}/api/v1`;
  for (const deadline = Date.now() + 20_000; ;) {
    if (await fetch(`${url}/health`).then((r) => r.ok, () => false)) break;
    if (child.exitCode !== null || Date.now() > deadline) assert.fail(`the server did not start:\n${(await exit).stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  /** Resolves when one more request for `path` than now has come in. */
  const inProgress = async (path: string) => {
    const count = () => logs.filter((line) => line.msg === 'incoming request' && line.req?.url === `/api/v1${path}`).length;
    const before = count();
    while (count() === before) await new Promise((r) => setTimeout(r, 20));
  };
  return { url, exit, child, logs, inProgress };
}

describeOnce('dvc-server help', () => {
  it('describes every command with --help, -h and `help <command>`', async () => {
    const overview = await run(['--help']);
    assert.equal(overview.code, 0, overview.stderr);
    for (const name of ['serve', 'migrate', 'import', 'keys', 'payments', 'help']) assert.match(overview.stdout, new RegExp(`^  ${name} `, 'm'));
    assert.equal((await run(['help'])).stdout, overview.stdout);

    const runs = ['serve', 'migrate', 'import', 'keys', 'payments'].flatMap((name) => [[name, '--help'], ['help', name]]);
    runs.push(['migrate', '-h'], ['keys', 'create', '--help'], ['--port', '4010', '--help']);
    const results = await Promise.all(runs.map((args) => run(args)));
    for (const [i, result] of results.entries()) {
      const args = runs[i]!;
      const name = args[0] === 'help' ? args[1] : args[0] === '--port' ? 'serve' : args[0];
      assert.equal(result.code, 0, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stdout, new RegExp(`^dvc-server ${name} — `), args.join(' '));
      assert.match(result.stdout, /^Usage:/m, args.join(' '));
      assert.match(result.stdout, /Examples?:/, args.join(' '));
    }
    const serveHelp = results[0]!.stdout;
    for (const variable of ['PORT', 'HOST', 'DATABASE_URL', 'DVC_MODE', 'DVC_ALLOWED_ORIGINS', 'DVC_PUBLIC_API_URL', 'DVC_APPLICANT_KEY',
      'DVC_TOKEN_SECRET', 'DVC_VNPAY_TMN_CODE', 'DVC_VNPAY_HASH_SECRET', 'DVC_MOMO_PARTNER_CODE', 'DVC_MOMO_SECRET_KEY',
      'DVC_PAYMENT_EXPIRY_MINUTES', 'DVC_RECONCILE_AFTER_MINUTES', 'DVC_RECONCILE_EVERY_MINUTES', 'DVC_TOKEN_TTL_SECONDS', 'DVC_PG_POOL_SIZE', 'DVC_SHUTDOWN_TIMEOUT_SECONDS', 'DVC_ADMIN_ROUTES']) {
      assert.ok(serveHelp.includes(variable), `serve --help names ${variable}`);
    }
  });

  it('on a Node.js older than 22.13, says what it needs rather than failing on node:sqlite (exit 1)', async () => {
    // This Node, made to say it is 20: the check reads process.version(s), as on a real Node 20.
    const olderNode = `data:text/javascript,${encodeURIComponent(`Object.defineProperty(process, 'versions', { value: { ...process.versions, node: '20.19.0' } });
      Object.defineProperty(process, 'version', { value: 'v20.19.0' });`)}`;
    const result = await finished(spawn(process.execPath, ['--import', olderNode, '--conditions=source', CLI, '--version'], {
      cwd: work, env: { PATH: process.env['PATH'] ?? '' }, stdio: ['ignore', 'pipe', 'pipe'],
    }));
    assert.equal(result.code, 1, result.stderr);
    assert.equal(result.stderr, 'dvc-server needs Node.js 22.13 or later; this is v20.19.0. Install a newer Node.js (https://nodejs.org/).\n');
    assert.equal(result.stdout, '');
  });

  it('refuses an unknown command, option or subcommand with exit status 2', async () => {
    const cases: [string[], RegExp][] = [
      [['bogus'], /unknown command "bogus"/],
      [['help', 'bogus'], /unknown command "bogus"/],
      [['migrate', '--bogus'], /Unknown option '--bogus'/],
      [['--bogus'], /Unknown option '--bogus'/],
      [['migrate', 'extra'], /Unexpected argument "extra"/],
      [['import', '--from'], /argument missing/],
      [['keys'], /subcommand/],
      [['keys', 'rotate'], /unknown subcommand "rotate"/],
      [['keys', 'create', '--scope', 'admin', '--agency', '000'], /--scope must be sync or reports/],
      [['keys', 'create', '--scope', 'sync'], /--agency/],
      [['keys', 'create', '--scope', 'sync', '--agency', 'ubnd tinh'], /--agency "ubnd tinh" is not an agency code such as 000\.00\.15\.H26/],
      [['keys', 'revoke'], /needs the id/],
    ];
    const results = await Promise.all(cases.map(([args]) => run(args)));
    for (const [i, result] of results.entries()) {
      const [args, message] = cases[i]!;
      assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, message, args.join(' '));
      assert.doesNotMatch(result.stderr, /^\s+at /m, 'no stack trace');
    }
  });
});

describeOnce('dvc-server settings', () => {
  it('refuses to serve in production with nothing set, naming every missing setting (exit 78)', async () => {
    const result = await run(['serve', '--mode', 'production']);
    assert.equal(result.code, 78, result.stderr);
    for (const variable of ['DATABASE_URL', 'DVC_APPLICANT_KEY', 'DVC_TOKEN_SECRET', 'DVC_ALLOWED_ORIGINS']) {
      assert.ok(result.stderr.includes(variable), `names ${variable}:\n${result.stderr}`);
    }
    assert.doesNotMatch(result.stderr, /^\s+at /m, 'no stack trace');
    // DVC_MODE does the same as --mode.
    assert.equal((await run([], { DVC_MODE: 'production' })).code, 78);
  });

  it('refuses the sandbox secrets in production', async () => {
    // The database is there: only the secrets are wrong.
    await writeFile(join(work, 'refused.db'), '');
    const result = await run(['serve'], {
      ...PRODUCTION_ENV,
      DATABASE_URL: join(work, 'refused.db'),
      DVC_APPLICANT_KEY: SANDBOX_SECRETS.applicantKey,
      DVC_TOKEN_SECRET: SANDBOX_SECRETS.tokenSecret,
      DVC_VNPAY_TMN_CODE: SANDBOX_MERCHANT.vnpay.tmnCode,
      DVC_VNPAY_HASH_SECRET: SANDBOX_MERCHANT.vnpay.hashSecret,
      DVC_VNPAY_PAYMENT_URL: 'https://sandbox.vnpayment.vn/paymentv2/vpcpay.html',
      DVC_VNPAY_QUERY_URL: 'https://sandbox.vnpayment.vn/merchant_webapi/api/transaction',
    });
    assert.equal(result.code, 78, result.stderr);
    for (const text of ['DVC_APPLICANT_KEY', 'DVC_TOKEN_SECRET', 'VNPay: the sandbox simulator', 'DVC_PUBLIC_API_URL must be the API\'s public https address']) {
      assert.ok(result.stderr.includes(text), `${text}: ${result.stderr}`);
    }
    assert.ok(!result.stderr.includes('DATABASE_URL'), result.stderr);
  });

  it('refuses invalid values, every one named, with exit status 78', async () => {
    const result = await run(['serve'], {
      DVC_TOKEN_TTL_SECONDS: '90.5', DVC_PG_POOL_SIZE: '0', PORT: 'http', DVC_MODE: 'staging', DVC_RECONCILE_EVERY_MINUTES: '-1',
      // Half a gateway's configuration is a mistake, not a choice: the missing variables are named.
      DVC_MOMO_PARTNER_CODE: 'MOMOXXXX2026',
    });
    assert.equal(result.code, 78, result.stderr);
    for (const name of ['DVC_TOKEN_TTL_SECONDS', 'DVC_PG_POOL_SIZE', 'PORT', 'DVC_MODE', 'DVC_RECONCILE_EVERY_MINUTES', 'DVC_MOMO_ACCESS_KEY, DVC_MOMO_SECRET_KEY, DVC_MOMO_ENDPOINT']) {
      assert.ok(result.stderr.includes(name), result.stderr);
    }
    const migrate = await run(['migrate', '--mode', 'production']);
    assert.equal(migrate.code, 78, migrate.stderr);
    assert.match(migrate.stderr, /DATABASE_URL/);
  });

  it('names a value it cannot read and what production refuses in one answer, not one round after another', async () => {
    const result = await run(['serve'], {
      DVC_MODE: 'production', DATABASE_URL: join(work, 'one-answer.db'),
      DVC_TOKEN_SECRET: 'short', DVC_ALLOWED_ORIGINS: 'http://portal.example.gov.vn', DVC_VNPAY_TMN_CODE: 'X',
    });
    assert.equal(result.code, 78, result.stderr);
    for (const text of ['VNPay is half configured', 'DVC_APPLICANT_KEY', 'DVC_TOKEN_SECRET', 'DVC_ALLOWED_ORIGINS']) {
      assert.ok(result.stderr.includes(text), `${text}: ${result.stderr}`);
    }
    // Only serving needs the secrets: migrate names its own problem alone.
    const migrate = await run(['migrate'], { DVC_MODE: 'production', DATABASE_URL: join(work, 'one-answer.db'), DVC_PG_POOL_SIZE: '0' });
    assert.equal(migrate.code, 78, migrate.stderr);
    assert.ok(migrate.stderr.includes('DVC_PG_POOL_SIZE'), migrate.stderr);
    assert.ok(!migrate.stderr.includes('DVC_APPLICANT_KEY'), migrate.stderr);
  });

  it('settingsFromEnvironment: defaults, flags over variables, the older names', () => {
    const sandbox = settingsFromEnvironment({});
    assert.equal(sandbox.mode, 'sandbox');
    assert.equal(sandbox.port, 4010);
    assert.equal(sandbox.host, 'localhost');
    assert.equal(sandbox.shutdownTimeoutMs, 10_000);
    assert.equal(sandbox.options.databaseUrl, resolve('.data/sandbox.db'));
    assert.equal(sandbox.options.adminRoutes, true);
    assert.equal(sandbox.options.allowedOrigins, 'localhost');
    assert.equal(sandbox.options.publicApiUrl, 'http://localhost:4010/api/v1');
    assert.equal(sandbox.options.applicantKey, undefined, 'the sandbox secrets are createServer\'s defaults');

    assert.equal(settingsFromEnvironment({ DVC_DB: 'old.db' }).options.databaseUrl, 'old.db');
    assert.equal(settingsFromEnvironment({ DVC_DB: 'old.db', DATABASE_URL: 'new.db' }).options.databaseUrl, 'new.db');
    assert.equal(settingsFromEnvironment({ DATABASE_URL: 'new.db' }, { db: ':memory:' }).options.databaseUrl, ':memory:');
    assert.equal(settingsFromEnvironment({ PORT: '8080', HOST: '0.0.0.0' }, { port: '9090' }).port, 9090);
    assert.equal(settingsFromEnvironment({ PORT: '8080' }).options.publicApiUrl, 'http://localhost:8080/api/v1');
    assert.equal(settingsFromEnvironment({ DVC_ADMIN_ROUTES: '0' }).options.adminRoutes, false);
    assert.equal(settingsFromEnvironment({}, { noAdmin: true }).options.adminRoutes, false);
    assert.equal(settingsFromEnvironment({ DVC_PG_POOL_SIZE: '25' }).options.poolSize, 25);
    assert.equal(settingsFromEnvironment({ DVC_TOKEN_TTL_SECONDS: '600' }).options.tokenTtlMs, 600_000);
    assert.equal(settingsFromEnvironment({ DVC_SHUTDOWN_TIMEOUT_SECONDS: '3' }).shutdownTimeoutMs, 3000);
    assert.equal(settingsFromEnvironment({ DVC_SYNC_STATUS_TABLE: '{"11": "processing"}' }).options.syncStatusTable, '{"11": "processing"}');
    assert.deepEqual(settingsFromEnvironment({ DVC_ALLOWED_ORIGINS: ' https://a.gov.vn, https://b.gov.vn ,' }).options.allowedOrigins, ['https://a.gov.vn', 'https://b.gov.vn']);
    assert.equal(settingsFromEnvironment({}).options.trustProxy, undefined, 'the peer is the client unless told otherwise');
    assert.equal(settingsFromEnvironment({ DVC_TRUST_PROXY: '2' }).options.trustProxy, 2);
    assert.deepEqual(settingsFromEnvironment({ DVC_TRUST_PROXY: '10.0.0.0/8, 192.168.1.10,fd00::/8' }).options.trustProxy, ['10.0.0.0/8', '192.168.1.10', 'fd00::/8']);
    assert.deepEqual(settingsFromEnvironment({ DVC_TRUST_PROXY: 'fc00::/7' }).options.trustProxy, ['fc00::/7'], 'IPv6 unique local addresses, the widest private range');
    // An empty variable is an unset one.
    assert.equal(settingsFromEnvironment({ DATABASE_URL: '', PORT: '' }).port, 4010);

    const production = settingsFromEnvironment({ DVC_MODE: 'production', DVC_APPLICANT_KEY: 'k'.repeat(32) });
    assert.equal(production.options.databaseUrl, '', 'no default database in production');
    assert.equal(production.options.adminRoutes, false);
    assert.equal(production.options.applicantKey, 'k'.repeat(32));
    assert.equal(settingsFromEnvironment({ DVC_MODE: 'sandbox' }, { mode: 'production' }).mode, 'production');
    // Asked for in production, the test controls are passed on for productionProblems to refuse.
    assert.equal(settingsFromEnvironment({ DVC_MODE: 'production', DVC_ADMIN_ROUTES: '1' }).options.adminRoutes, true);

    for (const [env, name] of [
      [{ DVC_PG_POOL_SIZE: '101' }, 'DVC_PG_POOL_SIZE'], [{ DVC_PG_POOL_SIZE: '1' }, 'DVC_PG_POOL_SIZE'], [{ DVC_TOKEN_TTL_SECONDS: '0' }, 'DVC_TOKEN_TTL_SECONDS'],
      [{ PORT: '70000' }, 'PORT'], [{ DVC_ADMIN_ROUTES: 'maybe' }, 'DVC_ADMIN_ROUTES'], [{ DVC_MODE: 'prod' }, 'DVC_MODE'],
      [{ DVC_PUBLIC_API_URL: 'api.example.gov.vn' }, 'DVC_PUBLIC_API_URL'], [{ DVC_SHUTDOWN_TIMEOUT_SECONDS: 'soon' }, 'DVC_SHUTDOWN_TIMEOUT_SECONDS'],
      [{ DVC_SYNC_STATUS_TABLE: '{"11": "almost-done"}' }, 'DVC_SYNC_STATUS_TABLE'], [{ DVC_SYNC_STATUS_TABLE: 'not json' }, 'DVC_SYNC_STATUS_TABLE'],
      [{ DVC_TRUST_PROXY: 'true' }, 'DVC_TRUST_PROXY'], [{ DVC_TRUST_PROXY: '0' }, 'DVC_TRUST_PROXY'], [{ DVC_TRUST_PROXY: '10.0.0.0/33' }, 'DVC_TRUST_PROXY'],
      [{ DVC_TRUST_PROXY: 'lb.internal' }, 'DVC_TRUST_PROXY'], [{ DVC_TRUST_PROXY: '10.0.0.1, 0.0.0.0/0' }, 'DVC_TRUST_PROXY'],
      [{ DVC_TRUST_PROXY: '::/0' }, 'DVC_TRUST_PROXY'], [{ DVC_TRUST_PROXY: '128.0.0.0/1' }, 'DVC_TRUST_PROXY'],
    ] as const) {
      assert.throws(() => settingsFromEnvironment(env), (error: unknown) =>
        error instanceof SettingsError && error.problems.length === 1 && error.problems[0]!.startsWith(name), name);
    }
    assert.throws(() => settingsFromEnvironment({}, { port: '0' }), /--port/);
  });
});

describe('dvc-server migrate', () => {
  it('reports pending migrations (exit 1), applies them, then reports none (exit 0)', async () => {
    const db = await newDatabase('migrated.db');
    if (TEST_ENGINE === 'sqlite') {
      // --status changes nothing: a path with no database is said, and nothing is made there.
      const missing = await run(['migrate', '--status', '--db', db]);
      assert.equal(missing.code, 78, missing.stderr);
      assert.match(missing.stderr, /There is no database at .*migrated\.db/);
      assert.equal(existsSync(db), false);
      await writeFile(db, '');
    }
    const before = await run(['migrate', '--status', '--db', db]);
    assert.equal(before.code, 1, before.stderr);
    assert.ok(before.stdout.startsWith('database: ') && before.stdout.includes(described(db)), before.stdout);
    assert.match(before.stdout, /^current: 0$/m);
    assert.match(before.stdout, /^latest: [1-9]\d*$/m);
    assert.match(before.stdout, /^pending: 1 /m);

    const migrate = await run(['migrate'], { DATABASE_URL: db });
    assert.equal(migrate.code, 0, migrate.stderr);
    assert.match(migrate.stdout, /schema version \d+/);

    const status = await run(['migrate', '--status'], { DVC_MODE: 'production', DATABASE_URL: db });
    assert.equal(status.code, 0, status.stderr);
    assert.match(status.stdout, /^pending: none$/m);
    const latest = /^latest: (\d+)$/m.exec(before.stdout)![1];
    assert.match(status.stdout, new RegExp(`^current: ${latest}$`, 'm'));

    const again = await run(['migrate', '--db', db]);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /up to date/);
    for (const output of [before, migrate, status, again]) assert.ok(!`${output.stdout}${output.stderr}`.includes(PASSWORD), 'no password printed');

    // Migrated since by a newer version (a rolling upgrade): nothing to apply, said, and not a failure.
    const storage = openStorage(db);
    await storage.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [Number(latest) + 1, 'a newer step', new Date().toISOString()]);
    await storage.close();
    for (const args of [['migrate', '--db', db], ['migrate', '--status', '--db', db]]) {
      const ahead = await run(args);
      assert.equal(ahead.code, 0, `${args.join(' ')}: ${ahead.stderr}`);
      assert.match(ahead.stderr, /migrated by a newer version: this server serves it all the same/);
    }
  });
});

describeOnce('DATABASE_URL as operators write it', () => {
  it('a wrong scheme, port or host is named (exit 78), for every command, without echoing the password', async () => {
    const cases = [
      [`postgresql//dvc:${PASSWORD}@db.internal/dvc`, /neither a PostgreSQL URL \(postgres:\/\/ or postgresql:\/\/\) nor a file path: it begins "postgresql\/"/],
      [`mysql://dvc:${PASSWORD}@db.internal/dvc`, /it begins "mysql:"/],
      [`postgres://dvc:${PASSWORD}@db.internal:99999/dvc`, /cannot be read as postgres:\/\/user:password@host:5432\/database: check the port/],
      [`dvc:${PASSWORD}@db.internal:5432/dvc`, /looks like a PostgreSQL URL without its scheme/],
      [`file://fileserver/${PASSWORD}/dvc.db`, /a file on another machine/],
    ] as const;
    for (const [url, said] of cases) {
      for (const args of [['serve', '--port', String(await freePort())], ['keys', 'list'], ['migrate']]) {
        const result = await run(args, { ...PRODUCTION_ENV, DATABASE_URL: url });
        assert.equal(result.code, 78, `${args[0]} ${url}: ${result.stderr}`);
        assert.match(result.stderr, said, `${args[0]} ${url}`);
        assert.ok(!result.stderr.includes(PASSWORD) && !result.stdout.includes(PASSWORD), `${args[0]}: no password printed`);
        assert.doesNotMatch(result.stderr, /There is no database/, 'not taken for a missing SQLite file');
      }
    }
  });

  it('a relative file: URL is the working directory\'s, as SQLite reads it; production does not make a mistyped folder', async () => {
    const made = await run(['migrate'], { ...PRODUCTION_ENV, DATABASE_URL: 'file:./relative.db' });
    assert.equal(made.code, 0, made.stderr);
    assert.ok(existsSync(join(work, 'relative.db')), 'in the working directory, not at the root');
    const listed = await run(['keys', 'list'], { ...PRODUCTION_ENV, DATABASE_URL: 'file:relative.db' });
    assert.equal(listed.code, 0, listed.stderr);

    const typo = await run(['migrate'], { ...PRODUCTION_ENV, DATABASE_URL: join(work, 'no-such-folder', 'dvc.db') });
    assert.equal(typo.code, 78, typo.stderr);
    assert.match(typo.stderr, /The folder .*no-such-folder for the database does not exist: check DATABASE_URL \(or --db\), or make the folder first\./);
    assert.equal(existsSync(join(work, 'no-such-folder')), false, 'no folder made');
  });

  it('a relative file: URL that earlier versions read from the root, where the database is, is said with the URL that keeps it', async () => {
    // The root of this test: a folder standing in for /, with the working directory inside it.
    const earlier = join(work, 'earlier.db');
    assert.equal((await run(['migrate'], { ...PRODUCTION_ENV, DATABASE_URL: earlier })).code, 0);
    const relative = `file:${earlier.slice(1)}`;
    const cwdCopy = join(work, earlier.slice(1));
    assert.equal(existsSync(cwdCopy), false);
    for (const args of [['migrate'], ['keys', 'list']]) {
      const result = await run(args, { ...PRODUCTION_ENV, DATABASE_URL: relative });
      assert.equal(result.code, 78, `${args[0]}: ${result.stderr}`);
      assert.ok(result.stderr.includes(`earlier versions read it as ${earlier}, which holds one: write file://${earlier} to go on using it.`), result.stderr);
      assert.equal(existsSync(cwdCopy), false, 'no new database made in the working directory');
    }
  });

  it('a file that is not a database is named', async () => {
    const garbage = join(work, 'garbage.db');
    await writeFile(garbage, 'not a database, '.repeat(64));
    const result = await run(['keys', 'list'], { ...PRODUCTION_ENV, DATABASE_URL: garbage });
    assert.equal(result.code, 1, result.stderr);
    assert.ok(result.stderr.includes(`${garbage}: file is not a database: check DATABASE_URL (or --db) names the database`), result.stderr);
  });
});

describe('dvc-server migrate, on a database that is not DVC Kit\'s', () => {
  it('refuses another application\'s tables, naming them, and adds nothing', async () => {
    const db = await newDatabase('other-application.db');
    const storage = openStorage(db);
    await storage.exec('CREATE TABLE users (id INTEGER PRIMARY KEY)');
    await storage.close();
    for (const args of [['migrate'], ['migrate', '--status'], ['keys', 'list']]) {
      const result = await run([...args, '--db', db], PRODUCTION_ENV);
      assert.equal(result.code, 1, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, /holds another application's tables \(users\), not DVC Kit's: point DATABASE_URL at a new SQLite file or an empty PostgreSQL database \(or schema\)\./);
      assert.ok(!result.stderr.includes(PASSWORD), 'no password printed');
    }
    // A view beside them is no table of anyone's: a database holding only views (an extension's, the
    // operator's own) is migrated.
    const viewsOnly = await newDatabase('views-only.db');
    const withView = openStorage(viewsOnly);
    await withView.exec('CREATE VIEW answer AS SELECT 42 AS value');
    await withView.close();
    const migrated = await run(['migrate', '--db', viewsOnly], PRODUCTION_ENV);
    assert.equal(migrated.code, 0, migrated.stderr);
    const after = openStorage(db);
    const ledger = TEST_ENGINE === 'postgres'
      ? "SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'schema_migrations'"
      : "SELECT count(*) AS n FROM sqlite_master WHERE name = 'schema_migrations'";
    assert.equal(Number((await after.one<{ n: number }>(ledger))!.n), 0, 'no table added');
    await after.close();
  });
});

describe('dvc-server import', () => {
  it('loads a catalogue folder (catalog.jsonl) into the database, counting malformed lines', async () => {
    const from = join(work, 'catalogue');
    await mkdir(from);
    const line = (code: string, name: string) => JSON.stringify({
      id: `id-${code}`, name, code, codeNotation: code, categories: ['Hộ tịch'], departments: ['Ủy ban nhân dân cấp xã'],
      formalityTargetType: ['Công dân Việt Nam'], state: 'ACTIVE', type: 'COMMON',
    });
    // The national list has one code twice, once with a space before it.
    await writeFile(join(from, 'catalog.jsonl'), `${line('9.000001', 'Thủ tục thử nghiệm một')}\n{"code": \n${line('9.000002', 'Thủ tục thử nghiệm hai')}\n` +
      `${line(' 9.000001', 'Thủ tục thử nghiệm một (sửa)')}\n`);
    const db = await newDatabase('imported.db');
    const result = await run(['import', '--from', from, '--db', db]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout.trim(), `Read 3 procedures from ${from}; the database now holds 2 (1 malformed line skipped).\n` +
      '1 code is on more than one line, each stored once as its last line has it: 9.000001.');

    const missing = await run(['import', '--from', join(work, 'nowhere'), '--db', db]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /No public catalogue at .*nowhere/);
  });
});

describe('dvc-server keys', () => {
  it('creates a key shown once on standard output, lists it, revokes it once', async () => {
    const db = await newDatabase('keys.db');
    const empty = await run(['keys', 'list', '--db', db]);
    assert.equal(empty.code, 0, empty.stderr);
    assert.equal(empty.stdout, '');

    const created = await run(['keys', 'create', '--scope', 'sync', '--agency', '000.00.15.H26', '--label', 'Một cửa tỉnh', '--db', db]);
    assert.equal(created.code, 0, created.stderr);
    const key = created.stdout.trim();
    assert.match(key, /^\S{32,}$/, 'the key alone on standard output');
    const id = /Created key (\S+):/.exec(created.stderr)?.[1];
    assert.ok(id, created.stderr);

    const listed = await run(['keys', 'list', '--json', '--db', db]);
    assert.equal(listed.code, 0, listed.stderr);
    const keys = JSON.parse(listed.stdout) as { id: string; scope: string; agency: string; label: string; revokedAt: string | null }[];
    assert.deepEqual(keys.map(({ id, scope, agency, label, revokedAt }) => ({ id, scope, agency, label, revokedAt })),
      [{ id, scope: 'sync', agency: '000.00.15.H26', label: 'Một cửa tỉnh', revokedAt: null }]);
    assert.ok(!listed.stdout.includes(key), 'the key is never shown again');
    const table = await run(['keys', 'list', '--db', db]);
    assert.match(table.stdout, /^ID\s+SCOPE\s+AGENCY\s+LABEL\s+CREATED\s+REVOKED$/m);
    assert.ok(table.stdout.includes(id!));

    assert.equal((await run(['keys', 'revoke', id!, '--db', db])).code, 0);
    const again = await run(['keys', 'revoke', id!, '--db', db]);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /No key/);
    const revoked = JSON.parse((await run(['keys', 'list', '--json', '--db', db])).stdout) as { revokedAt: string | null }[];
    assert.ok(revoked[0]!.revokedAt);
  });

  it('a key for a code\'s first segments only (000) is made, with a note of how far it reaches and how to revoke it', async () => {
    const db = await newDatabase('broad-keys.db');
    const broad = await run(['keys', 'create', '--scope', 'sync', '--agency', '000', '--db', db]);
    assert.equal(broad.code, 0, broad.stderr);
    const id = /Created key (\S+):/.exec(broad.stderr)?.[1];
    assert.ok(broad.stderr.includes(`Note: 000 is not a whole agency code such as 000.00.15.H26: this key acts for every agency whose code begins with 000. `
      + `If that is not meant, revoke it (dvc-server keys revoke ${id}) and make one for the agency's own code.`), broad.stderr);
    const whole = await run(['keys', 'create', '--scope', 'sync', '--agency', '000.00.15.H26', '--db', db]);
    assert.doesNotMatch(whole.stderr, /Note:/);
  });

  it('in production, asks for the migration first', async () => {
    const db = await newDatabase('unmigrated.db');
    // An empty file: there, but never migrated.
    if (TEST_ENGINE === 'sqlite') await writeFile(db, '');
    const result = await run(['keys', 'list', '--mode', 'production', '--db', db]);
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /run "dvc-server migrate" first/);
  });

  (TEST_ENGINE === 'postgres' ? it : () => undefined)('a PostgreSQL database that is not there is a setting to fix (exit 78), not a failure', async () => {
    const url = new URL(await newDatabase('unused'));
    url.pathname = '/no_such_database';
    const result = await run(['keys', 'list', '--mode', 'production', '--db', url.toString()]);
    assert.equal(result.code, 78, result.stderr);
    assert.match(result.stderr, /^dvc-server keys: the database refused these settings \(database "no_such_database" does not exist\): check DATABASE_URL\.$/m);
    assert.ok(!result.stderr.includes(PASSWORD), 'no password printed');
  });

  itOnce('in production, a mistyped path is refused and nothing is made there (exit 78)', async () => {
    const typo = join(work, 'typo', 'dvc.db');
    const result = await run(['keys', 'list', '--mode', 'production', '--db', typo]);
    assert.equal(result.code, 78, result.stderr);
    assert.match(result.stderr, /There is no database at .*typo\/dvc\.db: check DATABASE_URL \(or --db\)\. "dvc-server migrate" makes a new one\./);
    assert.equal(existsSync(join(work, 'typo')), false, 'no folder made');
  });
});

/** A payment of the sandbox's payment-due demo dossier, opened as the widget opens one. */
async function openDemoPayment(baseUrl: string, idempotencyKey: string): Promise<{ id: string; redirectUrl: string }> {
  const created = await fetch(`${baseUrl}/payments`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
    body: JSON.stringify({ dossierCode: DEMO.paymentDue.code, applicantId: DEMO.paymentDue.applicantId, returnUrl: 'http://localhost:8080/r' }),
  });
  return await created.json() as { id: string; redirectUrl: string };
}

describe('dvc-server payments reconcile', () => {
  it('settles, from the command line, a payment whose notification was lost; a second run finds nothing', async () => {
    const databaseUrl = await newDatabase('reconcile.db');
    // The sandbox serving its simulated gateways; the command asks them at its public address.
    const sandbox = await startSandbox({ databaseUrl, reconcileEveryMs: 0 });
    try {
      const payment = await openDemoPayment(sandbox.baseUrl, 'cli-reconcile-key-000001');
      assert.equal((await payAtGateway(payment.redirectUrl, 'ipn-lost')).status, 303);
      const env = { DATABASE_URL: databaseUrl, DVC_PUBLIC_API_URL: sandbox.baseUrl };

      const young = await run(['payments', 'reconcile'], env);
      assert.equal(young.code, 0, young.stderr);
      assert.match(young.stdout, /^0 pending payments checked/);
      const result = await run(['payments', 'reconcile', '--older-than', '0'], env);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /^1 pending payment checked: 1 settled, 0 still pending, 0 unanswered\./);
      const paid = await (await fetch(`${sandbox.baseUrl}/payments/${payment.id}`)).json() as { state: string; receipts: unknown[] };
      assert.deepEqual([paid.state, paid.receipts.length], ['paid', 1]);
      assert.match((await run(['payments', 'reconcile', '--older-than', '0'], env)).stdout, /^0 pending payments checked/);
    } finally {
      await sandbox.close();
    }
    assert.equal((await run(['payments', 'reconcile', '--older-than', 'soon'])).code, 2);
    assert.equal((await run(['payments'])).code, 2);
  });

  it('says when a payment closed here was paid at its gateway all the same, to refund', async () => {
    const databaseUrl = await newDatabase('reconcile-closed.db');
    const sandbox = await startSandbox({ databaseUrl, reconcileEveryMs: 0 });
    try {
      const payment = await openDemoPayment(sandbox.baseUrl, 'cli-reconcile-key-000002');
      // The fees are revised (the payment is closed here), and the payer pays the old page all the same.
      await fetch(`${sandbox.baseUrl}/_sandbox/dossiers/${DEMO.paymentDue.code}/status`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ status: 'payment-due', fees: [{ kind: 'charge', description: 'Phí (điều chỉnh)', amount: 250_000 }] }),
      });
      assert.equal((await payAtGateway(payment.redirectUrl, 'ipn-lost')).status, 303);
      await sandbox.context.storage.run("UPDATE payments SET expires_at = '2000-01-01T00:00:00.000Z' WHERE id = ?", [payment.id]);
      const result = await run(['payments', 'reconcile'], { DATABASE_URL: databaseUrl, DVC_PUBLIC_API_URL: sandbox.baseUrl });
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /\n1 payment closed here checked at the gateway: 1 paid there all the same, to refund \(see the payment report\), 0 unanswered\./);
    } finally {
      await sandbox.close();
    }
  });
});

describe('dvc-server serve', () => {
  it('announces the mode, API and database; answers while stopping on SIGTERM, then exits 0', async () => {
    const db = await newDatabase('sandbox.db');
    const { url, exit, child, logs, inProgress } = await startServer(['--db', db]);
    // A request made slow by the sandbox's fault control, still running when the signal comes.
    const fault = await fetch(`${url}/_sandbox/faults`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ operationId: 'getHealth', kind: 'delay', delayMs: 1500 }),
    });
    assert.equal(fault.status, 201);
    const started = Date.now();
    const received = inProgress('/health');
    const slow = fetch(`${url}/health`);
    await received;
    child.kill('SIGTERM');
    const response = await slow;
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('connection'), 'close', 'the client is told not to send another request on this connection');
    assert.equal(((await response.json()) as { status: string }).status, 'ok');
    assert.ok(Date.now() - started >= 1400, 'the response came after the delay');

    const { code, stderr } = await exit;
    assert.equal(code, 0, stderr);
    assert.ok(stderr.includes(`sandbox mode: http://localhost:`) && stderr.includes(described(db)), stderr);
    assert.ok(!stderr.includes(PASSWORD), 'no password printed');
    assert.match(stderr, /SIGTERM: finishing the requests in progress/);
    const completed = logs.filter((line) => line.msg === 'request completed');
    assert.ok(completed.length >= 3, 'one JSON log line per request, at info level');
  });

  it('in production before "dvc-server migrate": serves 503 and says what to run; after it, serves without a restart', async () => {
    const db = await newDatabase('production-unmigrated.db');
    // SQLite: a file there but not migrated (a missing one is refused, below).
    if (TEST_ENGINE === 'sqlite') await writeFile(db, '');
    const { url, exit, child } = await startServer(['--db', db], PRODUCTION_ENV);
    const waiting = await fetch(`${url}/procedures?q=khai%20sinh`);
    assert.equal(waiting.status, 503);
    assert.equal(waiting.headers.get('retry-after'), '5');
    assert.equal((await run(['migrate'], { ...PRODUCTION_ENV, DATABASE_URL: db })).code, 0);
    let served = await fetch(`${url}/procedures?q=khai%20sinh`);
    for (let i = 0; i < 30 && served.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 100));
      served = await fetch(`${url}/procedures?q=khai%20sinh`);
    }
    assert.equal(served.status, 200, await served.text());
    child.kill('SIGTERM');
    const { code, stderr } = await exit;
    assert.equal(code, 0, stderr);
    assert.match(stderr, /The database schema is at version 0 of \d+: run "dvc-server migrate" \(until then the API answers 503/);
  });

  itOnce('in production, a SQLite path with no database is refused before it listens, and nothing is made there (exit 78)', async () => {
    const typo = join(work, 'typo-serve', 'dvc.db');
    const result = await run(['serve', '--port', String(await freePort()), '--db', typo], PRODUCTION_ENV);
    assert.equal(result.code, 78, result.stderr);
    assert.match(result.stderr, /There is no database at .*typo-serve\/dvc\.db: check DATABASE_URL/);
    assert.equal(existsSync(join(work, 'typo-serve')), false, 'no folder made');
  });

  itOnce('in production, a PostgreSQL that cannot be reached at start is said with the reason and where, not the password', async () => {
    const closedPort = await freePort();
    const { exit, child } = await startServer([], { ...PRODUCTION_ENV, DATABASE_URL: `postgres://dvc:${PASSWORD}@127.0.0.1:${closedPort}/dvc` });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    for (const deadline = Date.now() + 10_000; !stderr.includes('cannot be reached') && Date.now() < deadline;) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGTERM');
    const result = await exit;
    assert.ok(result.stderr.includes(`The database (postgres 127.0.0.1:${closedPort}/dvc) cannot be reached: connect ECONNREFUSED 127.0.0.1:${closedPort}. ` +
      'If it is not down, check the host, port and name in DATABASE_URL.'), result.stderr);
    assert.ok(!result.stderr.includes(PASSWORD), 'no password printed');
  });

  itOnce('a port in use is a setting to change (exit 78), saying which', async () => {
    const first = await startServer(['--db', ':memory:']);
    const port = new URL(first.url).port;
    const second = await run(['serve', '--port', port, '--host', '127.0.0.1', '--db', ':memory:']);
    first.child.kill('SIGTERM');
    await first.exit;
    assert.equal(second.code, 78, second.stderr);
    assert.match(second.stderr, new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is in use by another program: choose another with PORT \\(or --port\\), or stop that program\\.`));
  });

  itOnce('gives up on a stop that takes longer than DVC_SHUTDOWN_TIMEOUT_SECONDS (exit 1); a second signal stops at once', async () => {
    /** Starts a request the sandbox holds for 5 s; resolves once the server has it. */
    const slowRequest = async ({ url, inProgress }: Awaited<ReturnType<typeof startServer>>) => {
      await fetch(`${url}/_sandbox/faults`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ operationId: 'getHealth', kind: 'delay', delayMs: 5000 }),
      });
      const received = inProgress('/health');
      // Never answered: the process ends first.
      void fetch(`${url}/health`).catch(() => undefined);
      await received;
    };

    const timedOut = await startServer(['--db', ':memory:'], { DVC_SHUTDOWN_TIMEOUT_SECONDS: '1' });
    await slowRequest(timedOut);
    const startedA = Date.now();
    timedOut.child.kill('SIGTERM');
    const a = await timedOut.exit;
    assert.equal(a.code, 1, a.stderr);
    assert.ok(Date.now() - startedA < 4000, 'at the timeout, not after the request');
    assert.match(a.stderr, /did not finish within 1 s/);

    const twice = await startServer(['--db', ':memory:']);
    await slowRequest(twice);
    const startedB = Date.now();
    twice.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 100));
    twice.child.kill('SIGINT');
    const b = await twice.exit;
    assert.equal(b.code, 1, b.stderr);
    assert.ok(Date.now() - startedB < 3000, 'at once, not after the request');
    assert.match(b.stderr, /SIGINT again: stopping at once/);
  });

  it('in production, on a migrated database: the public API without the sandbox routes', async () => {
    const db = await newDatabase('production.db');
    assert.equal((await run(['migrate', '--db', db])).code, 0);
    const { url, exit, child } = await startServer(['--quiet'], { ...PRODUCTION_ENV, DATABASE_URL: db });
    assert.equal((await fetch(`${url}/health`)).status, 200);
    assert.equal((await fetch(`${url}/ready`)).status, 200);
    assert.equal((await fetch(`${url}/_sandbox/reset`, { method: 'POST' })).status, 404);
    assert.equal((await fetch(`${url}/_sandbox/faults`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ operationId: 'getHealth', kind: 'delay' }),
    })).status, 404);
    child.kill('SIGTERM');
    const { code, stderr } = await exit;
    assert.equal(code, 0, stderr);
    assert.ok(stderr.includes('production mode') && stderr.includes(described(db)), stderr);
    assert.ok(!stderr.includes(testSecret('applicant')) && !stderr.includes(PASSWORD), 'no secret in the output');
    // The same database with DVC_MODE forgotten: the sandbox refuses it (exit 78), saying what to set.
    const forgotten = await run(['serve', '--quiet'], { DATABASE_URL: db });
    assert.equal(forgotten.code, 78, forgotten.stderr);
    assert.match(forgotten.stderr, /production database[\s\S]*DVC_MODE=production/);
  });
});
