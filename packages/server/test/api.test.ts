import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { createTestSandbox } from './support/test-database.ts';
import type { components as sandboxComponents } from '../src/generated/sandbox-openapi.ts';
import { DEMO } from './support/sandbox.ts';
import { WindowClock } from './support/window-clock.ts';

type Sandbox = Awaited<ReturnType<typeof createTestSandbox>>;

const json = (res: { body: string }) => JSON.parse(res.body) as Record<string, unknown> & { items?: { code: string; name: string }[] };

describe('procedure search', () => {
  let sandbox: Sandbox;
  before(async () => { sandbox = await createTestSandbox({ rateLimits: {} }); });
  after(() => sandbox.app.close());

  test('the field list tells two fields of one name apart by who publishes them, and names no publisher otherwise', async () => {
    const response = await sandbox.app.inject({ method: 'GET', url: '/api/v1/fields' });
    assert.equal(response.statusCode, 200);
    const { items } = response.json() as { items: { code: string; name: string; publisher?: string }[] };
    const civilStatus = items.filter((f) => f.name === 'Hộ tịch').map(({ code, publisher }) => ({ code, publisher }));
    assert.deepEqual(civilStatus, [
      { code: 'G08-NG07', publisher: 'Bộ Ngoại giao' },
      { code: 'G15-TP07', publisher: 'Bộ Tư pháp' },
    ]);
    assert.ok(items.length > 2);
    assert.deepEqual(items.filter((f) => f.name !== 'Hộ tịch' && 'publisher' in f), []);
  });
  const get = (url: string) => sandbox.app.inject({ method: 'GET', url: `/api/v1${url}` });

  test('"dang ky khai sinh" finds "Đăng ký khai sinh" first; with diacritics the same', async () => {
    for (const q of ['dang ky khai sinh', 'Đăng ký khai sinh', 'ĐĂNG KÝ KHAI SINH']) {
      const body = json(await get(`/procedures?q=${encodeURIComponent(q)}`));
      assert.equal(body.items?.[0]?.code, '1.001193', q);
    }
  });

  test('"ly lich tu phap" finds the criminal record certificate', async () => {
    const body = json(await get('/procedures?q=ly%20lich%20tu%20phap'));
    assert.ok(body.items?.some((p) => p.code === '3.000333'));
    assert.match(body.items?.[0]?.name ?? '', /lý lịch tư pháp/i);
  });

  test('an exact code is found first; prefixes match while typing', async () => {
    assert.equal(json(await get('/procedures?q=1.001193')).items?.[0]?.code, '1.001193');
    assert.equal(json(await get('/procedures?q=dang%20ky%20khai%20s')).items?.[0]?.code, '1.001193');
  });

  test('filters narrow the results and facets count every filter but their own', async () => {
    const all = json(await get('/procedures?pageSize=50')) as unknown as { total: number; facets: { level: { value: string; count: number }[]; field: { value: string; count: number }[] } };
    const commune = all.facets.level.find((f) => f.value === 'commune')!;
    assert.ok(commune.count > 0);
    const filtered = json(await get('/procedures?level=commune&pageSize=50')) as unknown as typeof all & { items: { levels: string[] }[] };
    assert.equal(filtered.total, commune.count);
    assert.ok(filtered.items.every((p) => p.levels.includes('commune')));
    // The level facet still shows the other levels, so a person can switch.
    assert.deepEqual(filtered.facets.level, all.facets.level);
    const field = all.facets.field[0]!;
    const byField = json(await get(`/procedures?field=${encodeURIComponent(field.value)}`)) as unknown as { total: number };
    assert.equal(byField.total, field.count);
  });

  test('online and agency filters, and paging', async () => {
    const full = json(await get('/procedures?online=full&pageSize=50')) as unknown as { total: number; items: { onlineLevel: string }[] };
    assert.ok(full.items.every((p) => p.onlineLevel === 'full'));
    const agencies = json(await get('/agencies')).items as unknown as { id: string; procedureCount: number }[];
    const agency = agencies[0]!;
    assert.equal((json(await get(`/procedures?agency=${agency.id}`)) as unknown as { total: number }).total, agency.procedureCount);
    const page1 = json(await get('/procedures?pageSize=5&page=1')).items!;
    const page2 = json(await get('/procedures?pageSize=5&page=2')).items!;
    assert.equal(page1.length, 5);
    assert.equal(new Set([...page1, ...page2].map((p) => p.code)).size, 10);
  });

  test('nonsense finds nothing without failing; markup in a query is just text', async () => {
    const body = json(await get('/procedures?q=qqqzzzxxx')) as unknown as { total: number; items: unknown[] };
    assert.equal(body.total, 0);
    assert.deepEqual(body.items, []);
    const odd = await get(`/procedures?q=${encodeURIComponent('"<script>alert(1)</script> AND OR NEAR *')}`);
    assert.equal(odd.statusCode, 200);
  });

  test('bad parameters are 400 problem+json naming the parameter', async () => {
    const res = await get('/procedures?level=district');
    assert.equal(res.statusCode, 400);
    assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
    const problem = json(res) as unknown as { code: string; errors: { path: string }[] };
    assert.equal(problem.code, 'validation_failed');
    assert.equal(problem.errors[0]?.path, '/querystring/level');
  });
});

describe('dossier lookup', () => {
  let sandbox: Sandbox;
  const clock = new WindowClock();
  const logs = new PassThrough();
  let logText = '';
  logs.on('data', (chunk) => { logText += chunk; });
  before(async () => {
    sandbox = await createTestSandbox({ rateLimits: { lookupDossier: { max: 5, windowMs: 60_000 } }, now: clock.now, logger: { level: 'info', stream: logs } });
    // The lookups of this block's tests are counted in one window (their last is the one limited).
    clock.startWindow();
  });
  after(() => sandbox.app.close());
  const lookup = (body: object) => sandbox.app.inject({ method: 'POST', url: '/api/v1/dossiers/lookup', payload: body });

  test('finds a dossier with its derived timeliness; overdue counted in working days', async () => {
    const res = await lookup(DEMO.overdue);
    assert.equal(res.statusCode, 200);
    const dossier = json(res) as unknown as { status: string; statusNumber: number; timeliness: { state: string; workingDays: number }; history: unknown[]; dueAt: string };
    assert.equal(dossier.status, 'processing');
    assert.equal(dossier.statusNumber, 4);
    assert.deepEqual(dossier.timeliness, { state: 'overdue', workingDays: 3 });
    assert.ok(dossier.history.length >= 3);
    assert.match(dossier.dueAt, /\+07:00$/);
  });

  test('a wrong identity number answers exactly like an unknown code', async () => {
    const wrong = await lookup({ code: DEMO.overdue.code, applicantId: '123456789012' });
    const unknown = await lookup({ code: '000.00.15.H26-200101-9999', applicantId: DEMO.overdue.applicantId });
    assert.equal(wrong.statusCode, 404);
    assert.equal(unknown.statusCode, 404);
    assert.equal(wrong.body, unknown.body);
  });

  test('rate-limited per client with Retry-After', async () => {
    let last;
    for (let i = 0; i < 6; i++) last = await lookup(DEMO.processing);
    assert.equal(last!.statusCode, 429);
    assert.ok(Number(last!.headers['retry-after']) > 0);
    assert.equal((json(last!) as unknown as { code: string }).code, 'rate_limited');
  });

  test('logs never contain identity numbers, and the URL never carries them', async () => {
    assert.ok(logText.includes('/api/v1/dossiers/lookup'), 'requests are logged');
    for (const id of [DEMO.overdue.applicantId, DEMO.processing.applicantId, '123456789012']) {
      assert.equal(logText.includes(id), false, `log contains ${id}`);
    }
  });

  test('responses are not cached and are marked nosniff', async () => {
    const res = await lookup(DEMO.overdue);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
  });
});

describe('CORS and sandbox admin routes', () => {
  test('localhost origins are allowed by default, others are not', async () => {
    const sandbox = await createTestSandbox();
    try {
      const allowed = await sandbox.app.inject({ method: 'GET', url: '/api/v1/health', headers: { origin: 'http://localhost:8080' } });
      assert.equal(allowed.headers['access-control-allow-origin'], 'http://localhost:8080');
      const other = await sandbox.app.inject({ method: 'GET', url: '/api/v1/health', headers: { origin: 'https://evil.example' } });
      assert.equal(other.headers['access-control-allow-origin'], undefined);
      const preflight = await sandbox.app.inject({
        method: 'OPTIONS', url: '/api/v1/payments',
        headers: { origin: 'http://127.0.0.1:8080', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,idempotency-key' },
      });
      assert.equal(preflight.statusCode, 204);
      assert.match(String(preflight.headers['access-control-allow-headers']), /idempotency-key/);
    } finally {
      await sandbox.app.close();
    }
  });

  test('configured origins replace the default', async () => {
    const sandbox = await createTestSandbox({ allowedOrigins: ['https://dichvucong.example.gov.vn'] });
    try {
      const local = await sandbox.app.inject({ method: 'GET', url: '/api/v1/health', headers: { origin: 'http://localhost:8080' } });
      assert.equal(local.headers['access-control-allow-origin'], undefined);
      const portal = await sandbox.app.inject({ method: 'GET', url: '/api/v1/health', headers: { origin: 'https://dichvucong.example.gov.vn' } });
      assert.equal(portal.headers['access-control-allow-origin'], 'https://dichvucong.example.gov.vn');
    } finally {
      await sandbox.app.close();
    }
  });

  test('create a dossier, move it on, reset: and the routes are gone with admin off', async () => {
    const sandbox = await createTestSandbox();
    try {
      const created = await sandbox.app.inject({
        method: 'POST', url: '/api/v1/_sandbox/dossiers',
        payload: { procedureCode: '1.001193', applicantId: '001200000001', status: 'received', receivedAt: '2026-02-13T16:00:00+07:00' },
      });
      assert.equal(created.statusCode, 201);
      const dossier = json(created) as unknown as { code: string; dueAt: string; history: unknown[] };
      assert.match(dossier.code, /^000\.00\.15\.H26-260213-\d{4}$/);
      const moved = await sandbox.app.inject({ method: 'POST', url: `/api/v1/_sandbox/dossiers/${dossier.code}/status`, payload: { status: 'processing', action: 'Chuyển phòng Tư pháp' } });
      assert.equal(moved.statusCode, 200);
      const after = json(moved) as unknown as { status: string; history: { action: string }[] };
      assert.equal(after.status, 'processing');
      assert.equal(after.history.at(-1)?.action, 'Chuyển phòng Tư pháp');
      assert.equal((await sandbox.app.inject({ method: 'POST', url: '/api/v1/_sandbox/reset' })).statusCode, 204);
      const gone = await sandbox.app.inject({ method: 'POST', url: '/api/v1/dossiers/lookup', payload: { code: dossier.code, applicantId: '001200000001' } });
      assert.equal(gone.statusCode, 404);
      const demo = await sandbox.app.inject({ method: 'POST', url: '/api/v1/dossiers/lookup', payload: DEMO.processing });
      assert.equal(demo.statusCode, 200);
    } finally {
      await sandbox.app.close();
    }
    const locked = await createTestSandbox({ adminRoutes: false });
    try {
      const res = await locked.app.inject({ method: 'POST', url: '/api/v1/_sandbox/reset' });
      assert.equal(res.statusCode, 404);
    } finally {
      await locked.app.close();
    }
  });

  test('a dossier received on the Friday before Tết 2026 after 15:00 is due after the holiday', async () => {
    const sandbox = await createTestSandbox();
    try {
      // Fri 13 Feb 2026 16:00: counts from Mon 23 Feb (Tết 14–22 Feb). Birth registration: the
      // seed's processing time decides the days; the due date must be after the holiday.
      const res = await sandbox.app.inject({
        method: 'POST', url: '/api/v1/_sandbox/dossiers',
        payload: { procedureCode: '3.000333', applicantId: '001200000002', status: 'received', receivedAt: '2026-02-13T16:00:00+07:00' },
      });
      const dossier = json(res) as unknown as { dueAt: string };
      assert.ok(dossier.dueAt > '2026-02-23', dossier.dueAt);
    } finally {
      await sandbox.app.close();
    }
  });
});

describe('payment amounts', () => {
  let sandbox: Sandbox;
  before(async () => { sandbox = await createTestSandbox({ rateLimits: {} }); });
  after(() => sandbox.app.close());

  test('revised fees (sandbox status change): a payment for the amount shown before is refused with 409', async () => {
    await sandbox.app.inject({ method: 'POST', url: '/api/v1/_sandbox/reset' });
    const revised = await sandbox.app.inject({
      method: 'POST', url: `/api/v1/_sandbox/dossiers/${DEMO.paymentDue.code}/status`,
      payload: { status: 'payment-due', fees: [{ kind: 'charge', description: 'Phí (điều chỉnh)', amount: 250_000 }] },
    });
    assert.equal(revised.statusCode, 200);
    const dossier = json(revised) as unknown as { payment: { total: number; lines: { amount: number }[] } };
    assert.equal(dossier.payment.total, 250_000);
    assert.equal(dossier.payment.lines.length, 1);
    const pay = (key: string, expectedAmount: number) => sandbox.app.inject({
      method: 'POST', url: '/api/v1/payments', headers: { 'idempotency-key': key },
      payload: { dossierCode: DEMO.paymentDue.code, applicantId: DEMO.paymentDue.applicantId, returnUrl: 'http://localhost:8080/r', expectedAmount },
    });
    const stale = await pay('gateway-key-stale-000001', 200_000);
    assert.equal(stale.statusCode, 409);
    assert.equal((json(stale) as unknown as { code: string }).code, 'payment_amount_changed');
    const fresh = await pay('gateway-key-fresh-000001', 250_000);
    assert.equal(fresh.statusCode, 201);
    assert.equal((json(fresh) as unknown as { total: number }).total, 250_000);
    // Without `fees` a status change leaves what is owed alone.
    const moved = json(await sandbox.app.inject({
      method: 'POST', url: `/api/v1/_sandbox/dossiers/${DEMO.paymentDueTwoKinds.code}/status`, payload: { status: 'payment-due' },
    })) as unknown as { payment: { total: number } };
    assert.equal(moved.payment.total, 210_000);
  });
});

describe('sandbox fault injection', () => {
  test('delay, status with Retry-After, malformed JSON, each for the requests it names, cleared by reset', async () => {
    const sandbox = await createTestSandbox({ rateLimits: {} });
    try {
      const arm = (fault: sandboxComponents['schemas']['SandboxFault']) => sandbox.app.inject({ method: 'POST', url: '/api/v1/_sandbox/faults', payload: fault });
      // The first search builds the catalogue's index: done before anything is timed.
      assert.equal((await sandbox.app.inject({ method: 'GET', url: '/api/v1/procedures?q=ly%20lich' })).statusCode, 200);
      assert.equal((await arm({ operationId: 'searchProcedures', kind: 'delay', delayMs: 300, whenQueryContains: 'khai' })).statusCode, 201);
      const other = Date.now();
      await sandbox.app.inject({ method: 'GET', url: '/api/v1/procedures?q=ho%20tich' });
      assert.ok(Date.now() - other < 300, 'a request the fault does not name is not delayed');
      const started = Date.now();
      const slow = await sandbox.app.inject({ method: 'GET', url: '/api/v1/procedures?q=khai%20sinh' });
      assert.ok(Date.now() - started >= 290);
      assert.equal(slow.statusCode, 200);

      await arm({ operationId: 'getHealth', kind: 'status', status: 503, retryAfter: 7, times: 2 });
      for (let i = 0; i < 2; i++) {
        const res = await sandbox.app.inject({ method: 'GET', url: '/api/v1/health' });
        assert.equal(res.statusCode, 503);
        assert.equal(res.headers['retry-after'], '7');
        assert.equal((json(res) as unknown as { code: string }).code, 'service_unavailable');
      }
      assert.equal((await sandbox.app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode, 200);

      await arm({ operationId: 'listFields', kind: 'malformed' });
      const garbled = await sandbox.app.inject({ method: 'GET', url: '/api/v1/fields' });
      assert.throws(() => JSON.parse(garbled.body));

      await arm({ operationId: 'listFields', kind: 'status', status: 500 });
      await sandbox.app.inject({ method: 'POST', url: '/api/v1/_sandbox/reset' });
      assert.equal((await sandbox.app.inject({ method: 'GET', url: '/api/v1/fields' })).statusCode, 200);
    } finally {
      await sandbox.app.close();
    }
    const locked = await createTestSandbox({ adminRoutes: false });
    try {
      assert.equal((await locked.app.inject({ method: 'POST', url: '/api/v1/_sandbox/faults', payload: { operationId: 'getHealth', kind: 'malformed' } })).statusCode, 404);
    } finally {
      await locked.app.close();
    }
  });
});
