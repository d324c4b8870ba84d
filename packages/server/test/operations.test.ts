import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError, createServer, migrate, openStorage } from '../src/index.ts';
import { defaultOptions, productionProblems } from '../src/config.ts';
import { LATEST_VERSION, MIGRATIONS } from '../src/storage/migrations.ts';
import { DatabaseModeError } from '../src/storage/deployment-mode.ts';
import { ApplicantKeyMismatchError, PlaceholderApplicantKeyError } from '../src/storage/shared-secrets.ts';
import { keyedDigest } from '../src/dossiers/applicant-digest.ts';
import { freshDatabaseUrl } from './support/test-database.ts';
import { DEMO, testSecret } from './support/sandbox.ts';

/** What a production deployment sets in its environment. */
const PRODUCTION = {
  mode: 'production' as const,
  applicantKey: testSecret('applicant'),
  tokenSecret: testSecret('token'),
  allowedOrigins: ['https://dichvucong.example.gov.vn'],
  rateLimits: {},
};

/** A fresh database on the test engine: a SQLite file `name` in `dir`, or a PostgreSQL database. */
const freshDatabase = async (dir: string, name: string): Promise<string> =>
  (process.env['DVC_TEST_ENGINE'] === 'postgres' ? freshDatabaseUrl() : join(dir, name));

/** A server log that keeps its lines, to read what was said. */
function keptLog(): { lines: string[]; logger: { level: string; stream: NodeJS.WritableStream } } {
  const lines: string[] = [];
  return { lines, logger: { level: 'info', stream: { write: (line: string) => lines.push(line) } as unknown as NodeJS.WritableStream } };
}

describe('operations: modes, readiness, liveness', () => {
  test('migrating masks the identity numbers in survey answers stored before the server masked them, and leaves the rest as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dvc-ops-'));
    const storage = openStorage(await freshDatabase(dir, 'answers.db'));
    try {
      await migrate(storage);
      // Answers as a server of an earlier release stored them; then the schema as it was before the mask.
      const insert = 'INSERT INTO survey_responses (id, form_id, form_version, kind, page_url, answers, submitted_at) VALUES (?, ?, 1, ?, ?, ?, ?)';
      const before = { comment: 'Số CCCD của tôi là 001 099 000 013 (in trên thẻ: 0010 9900 0013), gọi 0912345678', rating: 5, amount: 'Phí 150.000.000 đồng' };
      const clean = { comment: 'Cán bộ tận tình', rating: 4 };
      await storage.run(insert, ['r-1', 'page-feedback', 'page', 'https://example.gov.vn/a', JSON.stringify(before), '2026-01-05T02:00:00.000Z']);
      await storage.run(insert, ['r-2', 'page-feedback', 'page', 'https://example.gov.vn/b', JSON.stringify(clean), '2026-01-05T02:00:00.000Z']);
      await storage.run('DELETE FROM schema_migrations WHERE version IN (10, 11)');
      assert.deepEqual(await migrate(storage), { applied: [10, 11], current: LATEST_VERSION });
      const stored = Object.fromEntries((await storage.all<{ id: string; answers: string }>('SELECT id, answers FROM survey_responses ORDER BY id'))
        .map((row) => [row.id, JSON.parse(row.answers)]));
      assert.deepEqual(stored, {
        'r-1': { comment: 'Số CCCD của tôi là [số định danh đã được ẩn] (in trên thẻ: [số định danh đã được ẩn]), gọi 0912345678', rating: 5, amount: 'Phí 150.000.000 đồng' },
        'r-2': clean,
      });
    } finally {
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('production refuses to start without its secrets, origins and database, naming each', async () => {
    await assert.rejects(createServer({ mode: 'production' }), (error: unknown) => {
      assert.ok(error instanceof ConfigurationError);
      const text = error.problems.join('\n');
      for (const name of ['DATABASE_URL', 'DVC_APPLICANT_KEY', 'DVC_TOKEN_SECRET', 'DVC_ALLOWED_ORIGINS']) {
        assert.match(text, new RegExp(name), `${name} is named`);
      }
      return true;
    });
    // The sandbox's public secrets are refused as if missing; a wildcard-like origin too.
    await assert.rejects(createServer({ ...PRODUCTION, databaseUrl: '/tmp/x.db', tokenSecret: 'dvc-sandbox-token-secret', allowedOrigins: ['*'] }),
      (error: unknown) => error instanceof ConfigurationError && error.problems.length === 2);
  });

  test('a placeholder secret ("aaaa…") and the same secret twice are refused, saying what to do; an applicant key dossiers are stored under is served, and said', async () => {
    const refusal = async (options: Partial<typeof PRODUCTION> & { databaseUrl: string }) => {
      let problems: string[] = [];
      await assert.rejects(createServer({ ...PRODUCTION, ...options }), (error: unknown) => {
        assert.ok(error instanceof ConfigurationError || error instanceof PlaceholderApplicantKeyError, String(error));
        problems = error.problems;
        return true;
      });
      return problems;
    };
    const howToMake = 'has too few different characters to be a random secret.';
    const newTokenSecret = 'Give DVC_TOKEN_SECRET a new one (openssl rand -base64 48) on every server of the database at once: '
      + 'the dossier tokens given before stop working, and citizens type their identity number again.';
    // The token secret can be changed at any time: refused before the database is opened.
    assert.deepEqual(await refusal({ databaseUrl: '/tmp/x.db', tokenSecret: 'a'.repeat(40) }), [`DVC_TOKEN_SECRET ${howToMake} ${newTokenSecret}`]);
    // The applicant key cannot change once dossiers are stored under it: the token secret is the one to change.
    assert.deepEqual(await refusal({ databaseUrl: '/tmp/x.db', tokenSecret: PRODUCTION.applicantKey }),
      [`DVC_APPLICANT_KEY and DVC_TOKEN_SECRET must be two different secrets: one found out must not give away the other. Keep DVC_APPLICANT_KEY; ${newTokenSecret}`]);
    // What `openssl rand -hex 16` makes (at most 16 different characters) is taken.
    assert.deepEqual(productionProblems(defaultOptions({ ...PRODUCTION, databaseUrl: '/tmp/x.db', tokenSecret: '9f86d081884c7d659a2feaa0c55ad015' })), []);

    const dir = mkdtempSync(join(tmpdir(), 'dvc-ops-'));
    const databaseUrl = await freshDatabase(dir, 'placeholder.db');
    const placeholder = '12345678'.repeat(5);
    const { lines, logger } = keptLog();
    try {
      const storage = openStorage(databaseUrl);
      await migrate(storage);
      // No dossier stored yet: it can still be changed, so it is refused.
      const notYet = `DVC_APPLICANT_KEY ${howToMake} Make one with \`openssl rand -base64 48\`: it cannot be changed once dossiers are stored under it, and none is yet.`;
      assert.deepEqual(await refusal({ databaseUrl, applicantKey: placeholder }), [notYet]);
      // Recorded by an earlier release's server: the message says how to clear the record too.
      await storage.run('UPDATE deployment SET applicant_key_check = ? WHERE id = 1', [keyedDigest('dvc-kit shared secret check', placeholder)]);
      assert.deepEqual(await refusal({ databaseUrl, applicantKey: placeholder }), [`${notYet} To change it, stop every server of the database, `
        + 'clear its record with "UPDATE deployment SET applicant_key_check = NULL", then start them with the new key.']);
      // A database an earlier release served with it, dossiers stored under it: served, and said.
      await storage.run(`INSERT INTO dossiers (code, procedure_code, procedure_name, agency, applicant_digest, status, received_at)
        VALUES ('000.00.15.H26-250301-0001', '1.001193', 'Thủ tục đăng ký khai sinh', 'Bộ phận Một cửa', ?, 'processing', '2025-03-01T02:00:00.000Z')`, [keyedDigest('001099000001', placeholder)]);
      const served = await createServer({ ...PRODUCTION, databaseUrl, applicantKey: placeholder, logger });
      try {
        assert.equal((await served.app.inject({ method: 'GET', url: '/api/v1/ready' })).statusCode, 200);
        assert.equal(lines.filter((line) => line.includes('DVC_APPLICANT_KEY is a placeholder, not a random secret')).length, 1, lines.join('\n'));
        assert.ok(!lines.some((line) => line.includes(placeholder)), 'not the key itself');
      } finally {
        await served.app.close();
      }
      await storage.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('production on an unmigrated database starts but is not ready, answering 503; after migrate it serves without a restart, and it has no sandbox', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dvc-ops-'));
    const databaseUrl = await freshDatabase(dir, 'production.db');
    const { lines, logger } = keptLog();
    try {
      const before = await createServer({ ...PRODUCTION, databaseUrl, logger });
      const notReady = await before.app.inject({ method: 'GET', url: '/api/v1/ready' });
      assert.equal(notReady.statusCode, 503, notReady.body);
      assert.deepEqual(notReady.json(), {
        status: 'not-ready', checks: { database: 'ok', migrations: 'pending' }, schemaVersion: 0, latestSchemaVersion: LATEST_VERSION,
      });
      assert.equal(notReady.headers['cache-control'], 'no-store');
      // An operation meanwhile: a 503 that says when to come back, not a 500 from a missing table.
      const search = () => before.app.inject({ method: 'GET', url: '/api/v1/procedures?q=khai%20sinh' });
      const waiting = await before.app.inject({ method: 'GET', url: '/api/v1/procedures?q=khai%20sinh', headers: { origin: PRODUCTION.allowedOrigins[0]! } });
      assert.equal(waiting.statusCode, 503, waiting.body);
      assert.equal(waiting.json().code, 'service_unavailable');
      assert.equal(waiting.headers['retry-after'], '5');
      assert.equal(waiting.headers['access-control-allow-origin'], PRODUCTION.allowedOrigins[0], 'a widget on the portal can read why');
      assert.equal((await before.app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode, 200);
      // Said once in the log, not once a request (nor with a stack, as a fault would be).
      assert.equal(lines.filter((line) => line.includes('database schema not current')).length, 1, lines.join('\n'));
      assert.deepEqual(lines.filter((line) => /"level":50|request failed/.test(line)), []);

      const storage = openStorage(databaseUrl);
      assert.deepEqual(await migrate(storage), { applied: MIGRATIONS.map((m) => m.version), current: LATEST_VERSION });
      assert.deepEqual(await migrate(storage), { applied: [], current: LATEST_VERSION }, 'a second migrate does nothing');
      await storage.close();
      // Ready at once, not a second later, and then the API serves: the two never disagree.
      const ready = await before.app.inject({ method: 'GET', url: '/api/v1/ready' });
      assert.equal(ready.statusCode, 200, ready.body);
      const served = await search();
      assert.equal(served.statusCode, 200, served.body);
      await before.app.close();

      const server = await createServer({ ...PRODUCTION, databaseUrl });
      try {
        const ready = await server.app.inject({ method: 'GET', url: '/api/v1/ready' });
        assert.equal(ready.statusCode, 200, ready.body);
        assert.equal(ready.json().status, 'ready');
        assert.equal((await server.app.inject({ method: 'POST', url: '/api/v1/_sandbox/reset' })).statusCode, 404);
        assert.equal((await server.app.inject({ method: 'GET', url: '/api/v1/_sandbox/vnpay/paymentv2/vpcpay.html' })).statusCode, 404);
        const health = await server.app.inject({ method: 'GET', url: '/api/v1/health' });
        assert.equal(health.json().procedures, 0, 'production seeds nothing');
        assert.match(String(health.headers['x-request-id']), /^[0-9a-f-]{36}$/);
        // No gateway configured: no payment is taken (and nobody is sent to a simulated page).
        const pay = await server.app.inject({
          method: 'POST', url: '/api/v1/payments', headers: { 'idempotency-key': 'k'.repeat(32) },
          payload: { dossierCode: DEMO.paymentDue.code, applicantId: DEMO.paymentDue.applicantId, returnUrl: 'https://dichvucong.example.gov.vn/nop-phi' },
        });
        assert.equal(pay.statusCode, 409, pay.body);
        assert.equal(pay.json().code, 'payments_not_offered');
      } finally {
        await server.app.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('production waiting for its migration on a database the sandbox then takes: refused, 503, and /ready says why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dvc-ops-'));
    const databaseUrl = await freshDatabase(dir, 'taken.db');
    const { lines, logger } = keptLog();
    const server = await createServer({ ...PRODUCTION, databaseUrl, logger });
    try {
      // The sandbox, started by mistake on it, migrates it and claims it.
      await (await createServer({ databaseUrl, rateLimits: {} })).app.close();
      const ready = async () => (await server.app.inject({ method: 'GET', url: '/api/v1/ready' })).json();
      let readiness = await ready();
      for (let i = 0; i < 30 && readiness.checks.database !== 'refused'; i++) {
        await server.app.inject({ method: 'GET', url: '/api/v1/procedures' });
        await new Promise((resolve) => setTimeout(resolve, 100));
        readiness = await ready();
      }
      assert.deepEqual(readiness, { status: 'not-ready', checks: { database: 'refused', migrations: 'current' }, schemaVersion: LATEST_VERSION, latestSchemaVersion: LATEST_VERSION });
      const refused = await server.app.inject({ method: 'GET', url: '/api/v1/procedures' });
      assert.equal(refused.statusCode, 503, refused.body);
      // Said once, with the reason, not once a request.
      const said = lines.filter((line) => line.includes('database refused'));
      assert.equal(said.length, 1, lines.join('\n'));
      assert.match(said[0]!, /sandbox's database/);
    } finally {
      await server.app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a database serves one mode: the sandbox never seeds or resets a production database, nor production serves the sandbox\'s', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dvc-ops-'));
    const postgres = process.env['DVC_TEST_ENGINE'] === 'postgres';
    const [departments, sandboxes] = postgres ? [await freshDatabaseUrl(), await freshDatabaseUrl()] : [join(dir, 'department.db'), join(dir, 'sandbox.db')];
    try {
      // A department's database: migrated and served in production.
      const storage = openStorage(departments);
      await migrate(storage);
      await storage.close();
      await (await createServer({ ...PRODUCTION, databaseUrl: departments })).app.close();
      // DVC_MODE forgotten: the sandbox refuses it, and has written nothing into it.
      await assert.rejects(createServer({ databaseUrl: departments, rateLimits: {} }), (error: unknown) =>
        error instanceof DatabaseModeError && /production database/.test(error.message) && /DVC_MODE=production/.test(error.message));
      const after = openStorage(departments);
      assert.equal((await after.one<{ n: number }>('SELECT count(*) AS n FROM dossiers'))!.n, 0, 'no demo dossier added');
      // Refused before it migrates: a sandbox's migrations never reach a department's schema. (A step
      // taken back out of the ledger stands for one the sandbox's newer checkout would add.)
      await after.exec('DROP INDEX survey_responses_submitted; DROP INDEX payments_report_day; DELETE FROM schema_migrations WHERE version = 3');
      await assert.rejects(createServer({ databaseUrl: departments, rateLimits: {} }), DatabaseModeError);
      assert.equal((await after.one<{ n: number }>('SELECT count(*) AS n FROM schema_migrations WHERE version = 3'))!.n, 0, 'the sandbox migrated nothing');
      await migrate(after);
      assert.equal((await after.one<{ n: number }>('SELECT count(*) AS n FROM procedures'))!.n, 0, 'no seed catalogue added');
      await after.close();
      // Production again: fine.
      await (await createServer({ ...PRODUCTION, databaseUrl: departments })).app.close();

      // The sandbox's database, with its demo dossiers: production refuses it.
      await (await createServer({ databaseUrl: sandboxes, rateLimits: {} })).app.close();
      await assert.rejects(createServer({ ...PRODUCTION, databaseUrl: sandboxes }), (error: unknown) =>
        error instanceof DatabaseModeError && /sandbox's database/.test(error.message));
      await (await createServer({ databaseUrl: sandboxes, rateLimits: {} })).app.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a database a newer version migrated (a rolling upgrade) is served, ready, and said once to upgrade', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dvc-ops-'));
    const databaseUrl = await freshDatabase(dir, 'upgraded.db');
    const { lines, logger } = keptLog();
    try {
      const storage = openStorage(databaseUrl);
      await migrate(storage);
      // The newer version's step: additive, as every step is.
      await storage.exec('CREATE TABLE from_a_newer_version (id INTEGER PRIMARY KEY)');
      await storage.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [LATEST_VERSION + 1, 'a newer step', new Date().toISOString()]);
      await storage.close();
      const server = await createServer({ ...PRODUCTION, databaseUrl, logger });
      try {
        const ready = await server.app.inject({ method: 'GET', url: '/api/v1/ready' });
        assert.equal(ready.statusCode, 200, ready.body);
        assert.deepEqual(ready.json(), { status: 'ready', checks: { database: 'ok', migrations: 'ahead' }, schemaVersion: LATEST_VERSION + 1, latestSchemaVersion: LATEST_VERSION });
        assert.equal((await server.app.inject({ method: 'GET', url: '/api/v1/procedures?q=khai' })).statusCode, 200);
        assert.equal((await server.app.inject({ method: 'GET', url: '/api/v1/procedures?q=sinh' })).statusCode, 200);
        const said = lines.filter((line) => line.includes('database schema newer than this server'));
        assert.equal(said.length, 1, lines.join('\n'));
        assert.match(said[0]!, new RegExp(`"schemaVersion":${LATEST_VERSION + 1}`));
      } finally {
        await server.app.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('every server of a database shares its secrets: another applicant key is refused from the first start on; a new token secret is said; a command only compares', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dvc-ops-'));
    const databaseUrl = await freshDatabase(dir, 'shared.db');
    const { lines, logger } = keptLog();
    const newKey = testSecret('new-applicant');
    try {
      const storage = openStorage(databaseUrl);
      await migrate(storage);
      await (await createServer({ ...PRODUCTION, databaseUrl })).app.close();
      // A second server with another key, though no dossier is stored yet: the two would split them.
      await assert.rejects(createServer({ ...PRODUCTION, databaseUrl, applicantKey: newKey }), (error: unknown) =>
        error instanceof ApplicantKeyMismatchError && /is not the key another server of .* was started with/.test(error.message)
        && /No dossier is stored yet: to change the key for all of them/.test(error.message));
      // Changed for all, as the message says.
      await storage.exec('UPDATE deployment SET applicant_key_check = NULL');
      await (await createServer({ ...PRODUCTION, databaseUrl, applicantKey: newKey })).app.close();
      await storage.run(`INSERT INTO dossiers (code, procedure_code, procedure_name, agency, applicant_digest, status, received_at)
        VALUES ('000.00.15.H26-250301-0001', '1.001193', 'Thủ tục đăng ký khai sinh', 'Bộ phận Một cửa', ?, 'processing', '2025-03-01T02:00:00.000Z')`, [keyedDigest('001099000001', newKey)]);
      // Now the first key would find no dossier: refused before it serves, saying which setting.
      await assert.rejects(createServer({ ...PRODUCTION, databaseUrl }), (error: unknown) =>
        error instanceof ApplicantKeyMismatchError && /DVC_APPLICANT_KEY is not the key .* stores its dossiers' identity numbers under/.test(error.message));
      // The same key and another token secret (a rotation, or a mistake): served, and said.
      const rotated = await createServer({ ...PRODUCTION, databaseUrl, applicantKey: newKey, tokenSecret: testSecret('rotated-token'), logger });
      try {
        assert.equal((await rotated.app.inject({ method: 'GET', url: '/api/v1/ready' })).statusCode, 200);
        assert.equal(lines.filter((line) => line.includes('DVC_TOKEN_SECRET differs from the one another server of this database started with')).length, 1, lines.join('\n'));
      } finally {
        await rotated.app.close();
      }
      assert.ok(lines.length > 0 && !lines.some((line) => [newKey, testSecret('rotated-token'), PRODUCTION.applicantKey].some((secret) => line.includes(secret))), 'no secret in the log');
      // A command that only works on the database (reconciliation) compares, and records nothing.
      const before = await storage.one<{ applicant_key_check: string; token_secret_check: string }>('SELECT applicant_key_check, token_secret_check FROM deployment');
      await (await createServer({ ...PRODUCTION, databaseUrl, applicantKey: newKey, tokenSecret: testSecret('another-token'), recordsSecrets: false, logger })).app.close();
      assert.deepEqual(await storage.one('SELECT applicant_key_check, token_secret_check FROM deployment'), before);
      await assert.rejects(createServer({ ...PRODUCTION, databaseUrl, recordsSecrets: false }), ApplicantKeyMismatchError);
      // Started again with the rotated secret: nothing to say.
      await (await createServer({ ...PRODUCTION, databaseUrl, applicantKey: newKey, tokenSecret: testSecret('rotated-token'), logger })).app.close();
      assert.equal(lines.filter((line) => line.includes('DVC_TOKEN_SECRET differs')).length, 1);
      await storage.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('liveness does not need the database; readiness says it is unreachable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dvc-ops-'));
    try {
      const server = await createServer({ databaseUrl: join(dir, 'sandbox.db'), rateLimits: {} });
      await server.context.storage.close();
      const health = await server.app.inject({ method: 'GET', url: '/api/v1/health' });
      assert.equal(health.statusCode, 200, health.body);
      assert.ok(health.json().procedures > 0);
      const ready = await server.app.inject({ method: 'GET', url: '/api/v1/ready' });
      assert.equal(ready.statusCode, 503, ready.body);
      assert.deepEqual(ready.json().checks, { database: 'unreachable', migrations: 'unknown' });
      await server.app.close().catch(() => undefined);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
