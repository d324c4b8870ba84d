/**
 * PostgreSQL going away under a running server: a connection broken while a transaction or a lock
 * holds it fails that work only, and the process, the pool and the other requests go on. Requests
 * meanwhile are answered 503 with Retry-After, and the server serves again once the database is
 * back, without a restart. Runs its own throwaway cluster (it stops and starts it).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describePostgresUrl, loginRefusal, PostgresStorage } from '../src/storage/postgres.ts';
import { createSandbox, createServer, migrate, openStorage } from '../src/index.ts';
import type { Server } from '../src/index.ts';
import { startPostgres } from './support/postgres-cluster.ts';
import type { PostgresCluster } from './support/postgres-cluster.ts';
import { TEST_ENGINE } from './support/test-database.ts';
import { testSecret } from './support/sandbox.ts';

// Its own clusters, whichever engine the run is for: once, on the first (SQLite) pass.
const describeOnce = TEST_ENGINE === 'sqlite' ? describe : () => undefined;

/** Lets an 'error' event the broken connection emits arrive while the test still runs. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

describeOnce('PostgreSQL going away', { timeout: 120_000 }, () => {
  let cluster: PostgresCluster;
  let url: string;
  let storage: PostgresStorage;

  before(async () => {
    cluster = await startPostgres();
    url = await cluster.createDatabase('outage');
    storage = new PostgresStorage(url, { poolSize: 3 });
  });
  after(async () => {
    await storage?.close();
    await cluster?.stop();
  });

  test('a connection ended in the middle of a transaction fails that transaction only', async () => {
    await assert.rejects(storage.transaction(async (tx) => {
      const { pid } = (await tx.one<{ pid: number }>('SELECT pg_backend_pid() AS pid'))!;
      await storage.one('SELECT pg_terminate_backend(?)', [pid]);
      await settle();
      await tx.one('SELECT 1');
    }), (error: unknown) => storage.isUnreachable(error), 'failed as the database gone, which the API answers 503');
    await settle();
    assert.deepEqual(await storage.one('SELECT 1 AS one'), { one: 1 }, 'the pool serves the next query');
  });

  test('a lock\'s connection ended while its work runs: the work finishes, the lock is free again', async () => {
    const result = await storage.exclusive('outage-test', async () => {
      const holder = await storage.one<{ pid: number }>("SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted");
      await storage.one('SELECT pg_terminate_backend(?)', [holder!.pid]);
      // The checked-out, idle connection learns of it now: an 'error' event with no listener
      // would end the process here.
      await settle();
      return 'done';
    });
    assert.equal(result, 'done');
    assert.equal(await storage.exclusive('outage-test', async () => 'again'), 'again');
  });

  test('libpq\'s socket form with no host (postgres://user@/db?host=/dir) connects, and is described without a password', async () => {
    const socketForm = new PostgresStorage(`postgres://postgres:not-shown@/outage?host=${encodeURIComponent(cluster.host)}&port=${cluster.port}`);
    try {
      assert.deepEqual(await socketForm.one('SELECT 1 AS one'), { one: 1 });
      assert.equal(socketForm.description, `postgres ${cluster.host}:${cluster.port}/outage`);
    } finally {
      await socketForm.close();
    }
  });

  test('told apart: the database unreachable, or the request wrong', () => {
    for (const code of ['ECONNREFUSED', 'ENOENT', '57P01', '57P03', '08006', '53300']) {
      assert.equal(storage.isUnreachable(Object.assign(new Error('x'), { code })), true, code);
    }
    for (const code of ['23505', '22P02', '42P01', undefined]) {
      assert.equal(storage.isUnreachable(Object.assign(new Error('x'), { code })), false, String(code));
    }
    assert.equal(storage.isUnreachable('Connection terminated'), false, 'not an Error');
  });
});

describeOnce('a server whose PostgreSQL stops and starts again', { timeout: 120_000 }, () => {
  let cluster: PostgresCluster;
  let server: Server;

  before(async () => {
    cluster = await startPostgres();
    server = await createSandbox({ databaseUrl: await cluster.createDatabase('restart'), rateLimits: {} });
  });
  after(async () => {
    await server?.app.close();
    await cluster?.stop();
  });

  test('answers 503 with Retry-After while it is down, and serves again once it is back', async () => {
    // A demo dossier's lookup reads the database every time (a search may come from memory).
    const lookup = () => server.app.inject({
      method: 'POST', url: '/api/v1/dossiers/lookup', payload: { code: '000.00.15.H26-261102-0006', applicantId: '001099000006' },
    });
    assert.equal((await lookup()).statusCode, 200);

    await cluster.restart(async () => {
      await settle();
      const down = await lookup();
      assert.equal(down.statusCode, 503, down.body);
      assert.equal(down.json().code, 'service_unavailable');
      assert.equal(down.headers['retry-after'], '5');
      const ready = await server.app.inject({ method: 'GET', url: '/api/v1/ready' });
      assert.equal(ready.statusCode, 503, ready.body);
      assert.equal(ready.headers['retry-after'], '5', 'a deploy script polling knows when to look again');
    });

    let back = await lookup();
    for (let i = 0; i < 20 && back.statusCode !== 200; i++) {
      await settle();
      back = await lookup();
    }
    assert.equal(back.statusCode, 200, back.body);
  });
});

/**
 * Freezes the cluster's every process (SIGSTOP), as a database host that stops answering without
 * closing its connections does, runs `whileFrozen`, then lets it go on, whatever that does.
 */
async function frozen(cluster: PostgresCluster, whileFrozen: () => Promise<void>): Promise<void> {
  const postmaster = Number((await readFile(join(cluster.host, 'data', 'postmaster.pid'), 'utf8')).split('\n')[0]);
  const children = execFileSync('pgrep', ['-P', String(postmaster)], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
  const pids = [postmaster, ...children];
  for (const pid of pids) process.kill(pid, 'SIGSTOP');
  try {
    await whileFrozen();
  } finally {
    for (const pid of pids) process.kill(pid, 'SIGCONT');
  }
}

describeOnce('a PostgreSQL that stops answering on the connections held open', { timeout: 120_000 }, () => {
  let cluster: PostgresCluster;
  let storage: PostgresStorage;
  let server: Server;

  before(async () => {
    cluster = await startPostgres();
    storage = new PostgresStorage(await cluster.createDatabase('frozen'), { poolSize: 2, queryTimeoutMs: 1000 });
    server = await createSandbox({ databaseUrl: await cluster.createDatabase('frozen_api'), rateLimits: {} });
  });
  after(async () => {
    await storage?.close();
    await server?.app.close();
    await cluster?.stop();
  });

  test('a query with no answer in time fails as the database unreachable, its connection thrown away; the pool serves once it answers again', async () => {
    // Both connections open and idle in the pool.
    await Promise.all([storage.one('SELECT pg_sleep(0.05)'), storage.one('SELECT pg_sleep(0.05)')]);
    await frozen(cluster, async () => {
      const started = Date.now();
      await assert.rejects(storage.one('SELECT 1'), (error: unknown) => storage.isUnreachable(error));
      await assert.rejects(storage.transaction((tx) => tx.one('SELECT 1')), (error: unknown) => storage.isUnreachable(error));
      assert.ok(Date.now() - started < 5000, `failed after ${Date.now() - started} ms`);
    });
    assert.deepEqual(await storage.one('SELECT 1 AS one'), { one: 1 });
    assert.deepEqual(await storage.transaction((tx) => tx.one('SELECT 2 AS two')), { two: 2 });
  });

  test('a statement waiting behind another session\'s lock (a migration\'s) is cancelled by PostgreSQL at its time limit, its session freed; a lock wait is not', async () => {
    const url = await cluster.createDatabase('locked');
    const holder = new PostgresStorage(url);
    const bounded = new PostgresStorage(url, { poolSize: 2, queryTimeoutMs: 1000 });
    try {
      await holder.exec('CREATE TABLE t (n INTEGER)');
      let release = () => {};
      const held = new Promise<void>((resolve) => { release = resolve; });
      const locking = holder.transaction(async (tx) => {
        await tx.exec('LOCK TABLE t IN ACCESS EXCLUSIVE MODE');
        await held;
      });
      await settle();
      const started = Date.now();
      await assert.rejects(bounded.one('SELECT n FROM t'), (error: unknown) => (error as { code?: string }).code === '57014' && bounded.isUnreachable(error));
      assert.ok(Date.now() - started < 1000, `cancelled after ${Date.now() - started} ms`);
      const waiting = await holder.one<{ n: number }>("SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'SELECT n FROM t%'");
      assert.equal(waiting!.n, 0, 'no session left waiting behind the lock');
      release();
      await locking;

      // Waiting longer than the time limit for another process's advisory lock (a seeding) is fine.
      const seeding = holder.exclusive('seed-test', () => new Promise((resolve) => setTimeout(resolve, 1500)));
      await settle();
      assert.equal(await bounded.exclusive('seed-test', async () => 'after'), 'after');
      await seeding;
      assert.deepEqual(await bounded.one('SHOW statement_timeout'), { statement_timeout: '500ms' }, 'the connection lent again has its limit back');
    } finally {
      await bounded.close();
      await holder.close();
    }
  });

  test('the server answers 503 with Retry-After within the SDK\'s 10 s, and /ready says not ready, rather than hanging', async () => {
    const lookup = () => server.app.inject({
      method: 'POST', url: '/api/v1/dossiers/lookup', payload: { code: '000.00.15.H26-261102-0006', applicantId: '001099000006' },
    });
    assert.equal((await lookup()).statusCode, 200);
    await frozen(cluster, async () => {
      const started = Date.now();
      const [down, ready] = await Promise.all([lookup(), server.app.inject({ method: 'GET', url: '/api/v1/ready' })]);
      assert.ok(Date.now() - started < 10_000, `answered after ${Date.now() - started} ms`);
      assert.equal(down.statusCode, 503, down.body);
      assert.equal(down.headers['retry-after'], '5');
      assert.equal(ready.statusCode, 503, ready.body);
    });
    let back = await lookup();
    for (let i = 0; i < 20 && back.statusCode !== 200; i++) {
      await settle();
      back = await lookup();
    }
    assert.equal(back.statusCode, 200, back.body);
  });
});

test('a PostgreSQL URL is described for the log by its host, port and database, never a part of its password', () => {
  assert.equal(describePostgresUrl('postgres://dvc:s3cret@db.example.gov.vn:6543/dvc'), 'postgres db.example.gov.vn:6543/dvc');
  assert.equal(describePostgresUrl('postgres://postgres@/dvc?host=/run/postgresql&port=5433'), 'postgres /run/postgresql:5433/dvc');
  for (const password of ['ab/cd+ef==', 'Abc#123', 'a?b', 'p@ss@word', 'x:y']) {
    const described = describePostgresUrl(`postgres://dvc:${password}@db:5432/dvc`);
    assert.equal(described, 'postgres db:5432/dvc', password);
  }
});

test('PostgreSQL asking for a password none was given, or refusing the login, is said as a setting to fix', () => {
  assert.equal(loginRefusal(new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string')),
    'PostgreSQL asks for a password and none was given: put it in DATABASE_URL (postgres://user:password@host/database) or in PGPASSWORD');
  const refused = Object.assign(new Error('password authentication failed for user "dvc"'), { code: '28P01' });
  assert.equal(loginRefusal(refused), 'the database refused these settings (password authentication failed for user "dvc"): check DATABASE_URL');
  assert.equal(loginRefusal(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })), undefined, 'an outage is not a setting');
});

describeOnce('a production server started while its PostgreSQL is down', { timeout: 120_000 }, () => {
  let cluster: PostgresCluster;
  let server: Server | undefined;

  before(async () => { cluster = await startPostgres(); });
  after(async () => {
    await server?.app.close();
    await cluster?.stop();
  });

  test('listens, answers 503 with Retry-After and says the database is unreachable, then serves once it is up', async () => {
    const databaseUrl = await cluster.createDatabase('late');
    const storage = openStorage(databaseUrl);
    await migrate(storage);
    // The test cluster commits without waiting for its log (synchronous_commit off) and the restart
    // below is a crash: written down first, or the last migration may be lost with it.
    await storage.exec('CHECKPOINT');
    await storage.close();
    const search = () => server!.app.inject({ method: 'GET', url: '/api/v1/procedures?q=khai%20sinh' });
    await cluster.restart(async () => {
      server = await createServer({
        mode: 'production', databaseUrl, applicantKey: testSecret('applicant'), tokenSecret: testSecret('token'),
        allowedOrigins: ['https://dichvucong.example.gov.vn'], rateLimits: {}, reconcileEveryMs: 0,
      });
      const down = await search();
      assert.equal(down.statusCode, 503, down.body);
      assert.equal(down.json().code, 'service_unavailable');
      assert.equal(down.headers['retry-after'], '5');
      const ready = await server.app.inject({ method: 'GET', url: '/api/v1/ready' });
      assert.equal(ready.statusCode, 503);
      assert.equal(ready.json().checks.database, 'unreachable');
    });
    let back = await search();
    for (let i = 0; i < 30 && back.statusCode !== 200; i++) {
      await settle();
      back = await search();
    }
    assert.equal(back.statusCode, 200, back.body);
    assert.equal((await server!.app.inject({ method: 'GET', url: '/api/v1/ready' })).statusCode, 200);
  });
});
