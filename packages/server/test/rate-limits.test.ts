import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openStorage } from '../src/index.ts';
import { batchSize, RateLimiter } from '../src/http/rate-limit.ts';
import type { SqlValue, Storage } from '../src/storage/storage.ts';
import { createTestSandbox, freshDatabaseUrl, TEST_ENGINE } from './support/test-database.ts';
import { DEMO } from './support/sandbox.ts';
import { WindowClock } from './support/window-clock.ts';
import { freePort } from '../../../scripts/free-port.mjs';

/** Sends `count` requests, returns their statuses; the last must be the limited one. */
async function burst(send: (i: number) => Promise<{ statusCode: number; headers: Record<string, unknown>; body: string }>, count: number) {
  const results = [];
  for (let i = 0; i < count; i++) results.push(await send(i));
  return results;
}

test('payment creation is rate-limited per client, with Retry-After and a problem', async () => {
  const clock = WindowClock.atWindowStart();
  const { app } = await createTestSandbox({ rateLimits: { createPayment: { max: 3, windowMs: 60_000 } }, now: clock.now });
  try {
    const results = await burst((i) => app.inject({
      method: 'POST', url: '/api/v1/payments', headers: { 'idempotency-key': `rate-limit-key-${String(i).padStart(8, '0')}` },
      payload: { dossierCode: DEMO.paymentDue.code, applicantId: DEMO.paymentDue.applicantId, returnUrl: 'http://localhost:8080/r' },
    }), 4);
    assert.deepEqual(results.map((r) => r.statusCode), [201, 201, 201, 429]);
    assert.ok(Number(results[3]!.headers['retry-after']) > 0);
    assert.equal((JSON.parse(results[3]!.body) as { code: string }).code, 'rate_limited');
    // The three accepted requests found one and the same payment: limits never cost a second charge.
    assert.equal(new Set(results.slice(0, 3).map((r) => (JSON.parse(r.body) as { id: string }).id)).size, 1);
  } finally {
    await app.close();
  }
});

test('page feedback is rate-limited per client; another client is not affected', async () => {
  const clock = WindowClock.atWindowStart();
  const { app } = await createTestSandbox({ rateLimits: { submitSurvey: { max: 2, windowMs: 60_000 } }, now: clock.now });
  try {
    const feedback = (ip: string) => app.inject({
      method: 'POST', url: '/api/v1/surveys/responses', remoteAddress: ip,
      payload: { formId: 'page-feedback', formVersion: 1, procedureCode: '1.001193', answers: { useful: 1 } },
    });
    const first = await burst(() => feedback('127.0.0.11'), 3);
    assert.deepEqual(first.map((r) => r.statusCode), [201, 201, 429]);
    assert.equal((await feedback('127.0.0.12')).statusCode, 201);
  } finally {
    await app.close();
  }
});

test('behind trusted proxies, each client is counted by the address they forward; otherwise by the connection\'s peer', async () => {
  const lookups = async (trustProxy: number | string[] | undefined) => {
    const clock = WindowClock.atWindowStart();
    const { app } = await createTestSandbox({ rateLimits: { lookupDossier: { max: 2, windowMs: 60_000 } }, now: clock.now, ...(trustProxy === undefined ? {} : { trustProxy }) });
    try {
      // Three citizens behind one load balancer (10.0.0.5), a request each, then the first twice more.
      const lookup = (client: string) => app.inject({
        method: 'POST', url: '/api/v1/dossiers/lookup', remoteAddress: '10.0.0.5', headers: { 'x-forwarded-for': client },
        payload: { code: DEMO.paymentDue.code, applicantId: DEMO.paymentDue.applicantId },
      }).then((res) => res.statusCode);
      return [await lookup('203.0.113.1'), await lookup('203.0.113.2'), await lookup('203.0.113.3'), await lookup('203.0.113.1'), await lookup('203.0.113.1')];
    } finally {
      await app.close();
    }
  };
  assert.deepEqual(await lookups(1), [200, 200, 200, 200, 429], 'one hop trusted: each citizen has their own count');
  assert.deepEqual(await lookups(['10.0.0.0/8']), [200, 200, 200, 200, 429], 'the balancer\'s range trusted: the same');
  assert.deepEqual(await lookups(undefined), [200, 200, 429, 429, 429], 'nothing trusted: the balancer is one client, and X-Forwarded-For is not believed');
  assert.deepEqual(await lookups(['192.168.0.0/16']), [200, 200, 429, 429, 429], 'a peer outside the trusted ranges is not believed either');
});

test('the reports are rate-limited per client by default, a key or none', async () => {
  const { DEFAULT_RATE_LIMITS } = await import('../src/config.ts');
  assert.deepEqual([DEFAULT_RATE_LIMITS['getSurveyReport'], DEFAULT_RATE_LIMITS['getPaymentReport']],
    [{ max: 60, windowMs: 60_000 }, { max: 60, windowMs: 60_000 }]);
  const clock = WindowClock.atWindowStart();
  const { app } = await createTestSandbox({ rateLimits: { getPaymentReport: { max: 2, windowMs: 60_000 } }, now: clock.now });
  try {
    const results = await burst(() => app.inject({ method: 'GET', url: '/api/v1/reports/payments?from=2026-01-01&to=2026-01-31' }), 3);
    // Without a key: refused (401) until the limit, then limited before the key is even looked at.
    assert.deepEqual(results.map((r) => r.statusCode), [401, 401, 429]);
  } finally {
    await app.close();
  }
});

test('one dossier code takes 20 wrong identity numbers a quarter of an hour, from anyone, also all at once; then none, not even the right one, until the quarter is over', async () => {
  let clock = new Date('2026-11-18T02:00:00.000Z');
  const { app } = await createTestSandbox({ rateLimits: {}, now: () => clock });
  try {
    const lookup = (applicantId: string, client: string, code: string = DEMO.paymentDue.code) => app.inject({
      method: 'POST', url: '/api/v1/dossiers/lookup', remoteAddress: client, payload: { code, applicantId },
    });
    const before = await lookup(DEMO.paymentDue.applicantId, '192.0.2.1');
    assert.equal(before.statusCode, 200);
    const token = (before.json() as { access: { token: string } }).access.token;
    // Twenty guesses, each from another address (each well under its own limit).
    for (let i = 0; i < 20; i++) {
      const guess = await lookup(`0010990${String(10_000 + i)}`, `198.51.100.${i + 1}`);
      assert.equal(guess.statusCode, 404, `guess ${i + 1}`);
    }
    const right = await lookup(DEMO.paymentDue.applicantId, '203.0.113.7');
    assert.equal(right.statusCode, 429, 'the right number too: a guess past the limit must not tell');
    assert.equal(right.json().code, 'rate_limited');
    assert.ok(Number(right.headers['retry-after']) > 0 && Number(right.headers['retry-after']) <= 900);
    // Paying with the same number is refused alike; the token from before still proves the applicant.
    const pay = (headers: Record<string, string>, payload: Record<string, string>) => app.inject({
      method: 'POST', url: '/api/v1/payments', remoteAddress: '203.0.113.8',
      headers: { 'idempotency-key': `guesses-${Object.keys(headers).length}-0000000000`, ...headers },
      payload: { dossierCode: DEMO.paymentDue.code, returnUrl: 'http://localhost:8080/r', ...payload },
    });
    assert.equal((await pay({}, { applicantId: DEMO.paymentDue.applicantId })).statusCode, 429);
    assert.equal((await pay({ 'dvc-dossier-token': token }, {})).statusCode, 201);
    // Another dossier is not affected.
    assert.equal((await lookup(DEMO.decided.applicantId, '203.0.113.9', DEMO.decided.code)).statusCode, 200);
    // The next quarter, the right number works again, and does not count against the code.
    clock = new Date('2026-11-18T02:15:01.000Z');
    for (let i = 0; i < 25; i++) assert.equal((await lookup(DEMO.paymentDue.applicantId, `203.0.113.${i + 10}`)).statusCode, 200);
    // Thirty guesses sent all at once: twenty are answered, the rest refused, whatever their order.
    clock = new Date('2026-11-18T02:30:01.000Z');
    const burst = await Promise.all(Array.from({ length: 30 }, (_, i) => lookup(`0010991${String(10_000 + i)}`, `198.51.101.${i + 1}`)));
    assert.deepEqual([burst.filter((r) => r.statusCode === 404).length, burst.filter((r) => r.statusCode === 429).length], [20, 10]);
  } finally {
    await app.close();
  }
});

/** A migrated database of the test engine's, in a throwaway place, for `work`; closed and removed after. */
async function withCounters(work: (storage: Storage) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dvc-limits-'));
  const databaseUrl = TEST_ENGINE === 'postgres' ? await freshDatabaseUrl() : join(dir, 'limits.db');
  const storage = openStorage(databaseUrl);
  try {
    await migrate(storage);
    await work(storage);
  } finally {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the counters never make a request wait for the disk: unlogged on PostgreSQL, WAL without a flush per commit on SQLite', async () => {
  await withCounters(async (storage) => {
    if (TEST_ENGINE === 'postgres') {
      const table = await storage.one<{ relpersistence: string }>("SELECT relpersistence FROM pg_class WHERE relname = 'rate_limit_windows'");
      assert.equal(table?.relpersistence, 'u');
      const logged = await storage.one<{ relpersistence: string }>("SELECT relpersistence FROM pg_class WHERE relname = 'payments'");
      assert.equal(logged?.relpersistence, 'p', 'payments stay durable');
    } else {
      assert.deepEqual({ ...await storage.one<Record<string, unknown>>('PRAGMA journal_mode') }, { journal_mode: 'wal' });
      assert.deepEqual({ ...await storage.one<Record<string, unknown>>('PRAGMA synchronous') }, { synchronous: 1 }, 'NORMAL: no flush per commit');
    }
    // Counting still counts.
    const clock = WindowClock.atWindowStart();
    const limiter = new RateLimiter(storage, clock.epochMs);
    const limit = { max: 2, windowMs: 60_000 };
    assert.deepEqual([await limiter.hit('search', '127.0.0.1', limit), await limiter.hit('search', '127.0.0.1', limit)], [0, 0]);
    assert.ok(await limiter.hit('search', '127.0.0.1', limit) > 0);
  });
});

test('a request whose citizen has gone before its turn (pressed again: the browser aborts it) is dropped quietly, not a 500', async () => {
  const logged: string[] = [];
  const port = await freePort();
  const { app } = await createTestSandbox({
    rateLimits: { lookupDossier: { max: 10, windowMs: 60_000 } },
    logger: { level: 'error', stream: { write: (line: string) => logged.push(line) } as unknown as NodeJS.WritableStream },
  });
  try {
    await app.listen({ port, host: '127.0.0.1' });
    // The lookup waits its turn (a slow moment), and the connection closes meanwhile.
    await app.inject({ method: 'POST', url: '/api/v1/_sandbox/faults', payload: { operationId: 'lookupDossier', kind: 'delay', delayMs: 300 } });
    const body = JSON.stringify(DEMO.processing);
    await new Promise<void>((resolve) => {
      const request = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/api/v1/dossiers/lookup', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } });
      request.on('error', () => resolve());
      request.end(body);
      setTimeout(() => request.destroy(), 50);
    });
    await new Promise((resolve) => setTimeout(resolve, 600));
    assert.deepEqual(logged, [], 'nothing logged as an error');
    // The server goes on answering.
    assert.equal((await app.inject({ method: 'POST', url: '/api/v1/dossiers/lookup', payload: DEMO.processing })).statusCode, 200);
  } finally {
    await app.close();
  }
});

/** A storage that counts the counters' writes, and fails the ones `failing` picks. */
function countingWrites(storage: Storage, failing: (write: number) => boolean = () => false): { storage: Storage; writes: () => number } {
  let writes = 0;
  const counted = new Proxy(storage, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (property !== 'one' || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
      return async (sql: string, params?: readonly SqlValue[]) => {
        if (sql.includes('INSERT INTO rate_limit_windows') && failing(++writes)) throw new Error('the database went away');
        return (value as Storage['one']).call(target, sql, params);
      };
    },
  });
  return { storage: counted, writes: () => writes };
}

test('a limit of hundreds is counted in batches: a write every max / 20 requests, exact within one process, a little over across two; a limit of a few, on every request', async () => {
  await withCounters(async (storage) => {
    const hundred = { max: 100, windowMs: 60_000 };
    assert.deepEqual([batchSize(hundred), batchSize({ max: 600, windowMs: 1 }), batchSize({ max: 39, windowMs: 1 }), batchSize({ max: 10, windowMs: 1 })], [5, 30, 1, 1]);

    const clock = WindowClock.atWindowStart();
    // One process: the 101st request is the first refused, as when every request was written.
    const alone = countingWrites(storage);
    const process1 = new RateLimiter(alone.storage, clock.epochMs);
    const waits: number[] = [];
    for (let i = 0; i < 101; i++) waits.push(await process1.hit('search', '203.0.113.1', hundred));
    assert.equal(waits.findIndex((wait) => wait > 0), 100);
    assert.equal(alone.writes(), 20, 'a write every 5 requests');

    // Two processes, the client's requests to each in turn: each learns the other's count when it
    // writes its own, so together they let through the limit and at most a batch more each.
    const a = new RateLimiter(storage, clock.epochMs);
    const b = new RateLimiter(storage, clock.epochMs);
    let accepted = 0;
    for (let i = 0; i < 200; i++) if ((await (i % 2 ? a : b).hit('search', '203.0.113.2', hundred)) === 0) accepted++;
    assert.ok(accepted >= 100 && accepted <= 100 + 2 * batchSize(hundred), `${accepted} accepted`);

    // A few a window (lookups, payments): every request written, so two processes never let one more through.
    const exact = countingWrites(storage);
    const c = new RateLimiter(exact.storage, clock.epochMs);
    const d = new RateLimiter(exact.storage, clock.epochMs);
    const few = { max: 10, windowMs: 60_000 };
    const answers: number[] = [];
    for (let i = 0; i < 12; i++) answers.push(await (i % 2 ? c : d).hit('lookup', '203.0.113.3', few));
    assert.deepEqual(answers.map((wait) => wait > 0), [...Array<boolean>(10).fill(false), true, true]);
    assert.equal(exact.writes(), 12);
  });
});

test('a batch the database did not take is counted again with the next: a failing moment loses no request from the count', async () => {
  await withCounters(async (storage) => {
    const { storage: flaky } = countingWrites(storage, (write) => write === 2);
    const clock = WindowClock.atWindowStart();
    const limiter = new RateLimiter(flaky, clock.epochMs);
    const hundred = { max: 100, windowMs: 60_000 };
    let failed = 0;
    const waits: number[] = [];
    for (let i = 0; i < 101; i++) {
      try {
        waits.push(await limiter.hit('search', '203.0.113.4', hundred));
      } catch {
        failed++;
      }
    }
    assert.equal(failed, 1, 'the request whose write failed is answered as the database being away');
    assert.equal(waits.at(-1)! > 0, true, 'the 101st is refused all the same');
    assert.equal(waits.slice(0, -1).every((wait) => wait === 0), true);
    const row = await storage.one<{ hits: number }>('SELECT hits FROM rate_limit_windows WHERE bucket = ?', ['search']);
    // Its batch went with the next request's: from then on a write every 5 requests again, the
    // 101st (refused, and counted as a refused one always is) among them.
    assert.equal(Number(row?.hits), 101, 'every request written, the failed batch with the next');
  });
});

test('the sandbox\'s reset forgets the counts, batched ones too', async () => {
  const clock = WindowClock.atWindowStart();
  const { app } = await createTestSandbox({ rateLimits: { searchProcedures: { max: 40, windowMs: 60_000 } }, now: clock.now });
  try {
    const search = () => app.inject({ method: 'GET', url: '/api/v1/procedures?q=khai%20sinh', remoteAddress: '203.0.113.5' }).then((res) => res.statusCode);
    const statuses: number[] = [];
    for (let i = 0; i < 42; i++) statuses.push(await search());
    assert.deepEqual([statuses.slice(0, 40).every((status) => status === 200), statuses[40], statuses[41]], [true, 429, 429]);
    assert.equal((await app.inject({ method: 'POST', url: '/api/v1/_sandbox/reset' })).statusCode < 300, true);
    assert.equal(await search(), 200);
  } finally {
    await app.close();
  }
});
