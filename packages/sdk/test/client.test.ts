import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import {
  createDvcClient, createDvcReportsClient, isApiRoot, DvcApiError, DvcNetworkError, DvcTimeoutError, DvcResponseError,
} from '@dvc-kit/sdk';
import type { components as sandboxComponents } from '@dvc-kit/server/contract-types';
import { startSandbox, DEMO } from '../../server/test/support/sandbox.ts';
import { WindowClock } from '../../server/test/support/window-clock.ts';
import { payAtGateway } from '../../server/test/support/gateway-driver.ts';

describe('SDK against the sandbox', () => {
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  let client: ReturnType<typeof createDvcClient>;

  before(async () => {
    sandbox = await startSandbox();
    client = createDvcClient({ baseUrl: sandbox.baseUrl, retry: false });
  });
  after(() => sandbox.close());

  test('procedures.search folds diacritics and ranks the birth registration first', async () => {
    const result = await client.procedures.search({ q: 'dang ky khai sinh', pageSize: 5 });
    assert.equal(result.items[0]?.code, '1.001193');
    assert.ok(result.total >= 1);
    assert.equal(result.pageSize, 5);
    assert.ok(result.facets.level.some((f) => f.value === 'commune' && f.count > 0));
  });

  test('procedures.get returns everything needed to apply; unknown code is DvcApiError 404', async () => {
    const procedure = await client.procedures.get('1.001193');
    assert.equal(procedure.name.toLowerCase().includes('khai sinh'), true);
    assert.ok(Array.isArray(procedure.channelDetails));
    await assert.rejects(client.procedures.get('9.999999'), (error: unknown) => {
      assert.ok(error instanceof DvcApiError);
      assert.equal(error.status, 404);
      assert.equal(error.code, 'procedure_not_found');
      return true;
    });
  });

  test('a request outside the contract is DvcApiError 400 validation_failed with the failing parameter', async () => {
    await assert.rejects(client.procedures.search({ pageSize: 500 }), (error: unknown) => {
      assert.ok(error instanceof DvcApiError);
      assert.equal(error.status, 400);
      assert.equal(error.code, 'validation_failed');
      assert.ok(error.problem.errors?.some((e) => e.path === '/querystring/pageSize'));
      return true;
    });
  });

  test('fields and agencies list what has procedures', async () => {
    const fields = await client.procedures.fields();
    assert.ok(fields.length >= 8);
    assert.ok(fields.every((f) => f.procedureCount > 0));
    const agencies = await client.procedures.agencies();
    assert.ok(agencies.length > 0);
    assert.ok(agencies.every((a) => /^[a-z0-9-]+$/.test(a.id)));
  });

  test('dossiers.lookup finds a dossier; a wrong identity number fails exactly like an unknown code', async () => {
    const dossier = await client.dossiers.lookup(DEMO.processing);
    assert.equal(dossier.code, DEMO.processing.code);
    assert.equal(dossier.status, 'processing');
    const wrong = await client.dossiers.lookup({ code: DEMO.processing.code, applicantId: '999999999999' }).catch((e: unknown) => e);
    const unknown = await client.dossiers.lookup({ code: '000.00.15.H26-200101-9999', applicantId: DEMO.processing.applicantId }).catch((e: unknown) => e);
    assert.ok(wrong instanceof DvcApiError && unknown instanceof DvcApiError);
    assert.equal(wrong.status, 404);
    assert.deepEqual({ ...wrong.problem, instance: undefined }, { ...unknown.problem, instance: undefined });
  });

  test('payments.create makes one payment per Idempotency-Key, get and receipt follow it to paid', async () => {
    const request = { dossierCode: DEMO.paymentDue.code, applicantId: DEMO.paymentDue.applicantId, returnUrl: 'http://localhost:8080/return', expectedAmount: 200_000 };
    const first = await client.payments.create(request, { idempotencyKey: 'sdk-test-key-000000001' });
    const again = await client.payments.create(request, { idempotencyKey: 'sdk-test-key-000000001' });
    assert.equal(again.id, first.id);
    assert.equal(first.state, 'pending');
    assert.ok(first.redirectUrl?.includes('/_sandbox/vnpay/paymentv2/vpcpay.html?'));
    // Without a key the SDK makes one; the sandbox still finds the open payment: no second charge.
    const third = await client.payments.create(request);
    assert.equal(third.id, first.id);

    await assert.rejects(client.payments.receipt(first.id), (e: unknown) => e instanceof DvcApiError && e.code === 'payment_not_paid');

    // The payer pays on the simulated VNPay; its notification reaches the sandbox before the return.
    assert.equal((await payAtGateway(first.redirectUrl!, 'success')).status, 303);

    const paid = await client.payments.get(first.id);
    assert.equal(paid.state, 'paid');
    assert.equal(paid.receipts.length, 1);
    const receipt = await client.payments.receipt(first.id);
    assert.equal(receipt.total, 200_000);
    assert.match(receipt.receipts[0]!.number, /^BL-\d{4}-\d{6}$/);
  });

  test('payments.create refuses an amount the payer did not see, and a key reused for another request', async () => {
    const base = { dossierCode: DEMO.paymentDueTwoKinds.code, applicantId: DEMO.paymentDueTwoKinds.applicantId, returnUrl: 'http://localhost:8080/return' };
    await assert.rejects(client.payments.create({ ...base, expectedAmount: 1 }), (e: unknown) => e instanceof DvcApiError && e.status === 409 && e.code === 'payment_amount_changed');
    await client.payments.create({ ...base, expectedAmount: 210_000 }, { idempotencyKey: 'sdk-test-key-000000002' });
    await assert.rejects(
      client.payments.create({ ...base, expectedAmount: 210_000, returnUrl: 'http://localhost:8080/other' }, { idempotencyKey: 'sdk-test-key-000000002' }),
      (e: unknown) => e instanceof DvcApiError && e.status === 422 && e.code === 'idempotency_key_reused',
    );
    await assert.rejects(client.payments.get('pay_doesnotexist000000'), (e: unknown) => e instanceof DvcApiError && e.code === 'payment_not_found');
  });

  test('a wrong address: a 404 page is a DvcResponseError saying to check baseUrl, not "not found", and is not retried; the API\'s own 404 stays its own', async () => {
    let calls = 0;
    const wrong = createDvcClient({
      baseUrl: 'http://localhost/api/v2',
      fetch: async () => {
        calls += 1;
        return new Response('<h1>Not Found</h1>', { status: 404, headers: { 'content-type': 'text/html' } });
      },
    });
    await assert.rejects(wrong.procedures.search({ q: 'khai sinh' }),
      (e: unknown) => e instanceof DvcResponseError && e.status === 404 && !e.retryable
        && e.message.startsWith('No DVC Kit API answers at http://localhost/api/v2/ ') && /check baseUrl/.test(e.message));
    assert.equal(calls, 1);
    await assert.rejects(client.procedures.get('9.999999'), (e: unknown) => e instanceof DvcApiError && e.code === 'procedure_not_found' && !/baseUrl/.test(e.message));
    // The API itself, its base path left out: its 404 for no such operation says where to look.
    const withoutBasePath = createDvcClient({ baseUrl: new URL(sandbox.baseUrl).origin, retry: false });
    await assert.rejects(withoutBasePath.procedures.search({ q: 'khai sinh' }),
      (e: unknown) => e instanceof DvcApiError && e.code === 'not_found' && /Check baseUrl: the API's address ends in its base path, \/api\/v1\./.test(e.message));
  });

  test('a request the contract refuses: the message names each part that was wrong', async () => {
    await assert.rejects(client.procedures.search({ q: 'khai sinh', pageSize: 1000 }),
      (e: unknown) => e instanceof DvcApiError && e.code === 'validation_failed' && e.message.endsWith('(/querystring/pageSize must be <= 50)'));
  });

  test('a baseUrl that is not a web address is refused when the client is made, naming it, not met as a network error on each call', () => {
    for (const baseUrl of ['localhost:4010/api/v1', 'dichvucong.example.gov.vn/api/v1', 'not a url', '/api/v1', 'ftp://example.gov.vn/api/v1']) {
      assert.throws(() => createDvcClient({ baseUrl }), (e: unknown) => e instanceof TypeError && e.message.startsWith(`baseUrl "${baseUrl}" is not a web address`), baseUrl);
    }
    for (const baseUrl of ['https://dichvucong.example.gov.vn/api/v1', 'http://127.0.0.1:4010/api/v1/']) assert.doesNotThrow(() => createDvcClient({ baseUrl }), baseUrl);
  });

  test('isApiRoot: an absolute http(s) address; against a page, one from its root or beside it; never a host without its scheme', () => {
    const page = 'https://portal.example.gov.vn/thu-tuc/index.html';
    for (const url of ['https://dichvucong.example.gov.vn/api/v1', 'http://127.0.0.1:4010/api/v1']) assert.equal(isApiRoot(url), true, url);
    for (const url of ['/api/v1', './api/v1', '../api/v1', '//api.example.gov.vn/api/v1']) {
      assert.equal(isApiRoot(url, page), true, url);
      assert.equal(isApiRoot(url), false, `${url}, with no page`);
    }
    for (const url of ['localhost:4010/api/v1', 'dichvucong.example.gov.vn/api/v1', '127.0.0.1:4010/api/v1', 'api/v1', 'javascript:alert(1)', 'ftp://x/api', '']) {
      assert.equal(isApiRoot(url, page), false, url);
    }
  });

  test('called without what it needs, from JavaScript: said plainly, or the API\'s own refusal, typed', async () => {
    assert.throws(() => createDvcClient(undefined as never), (e: unknown) => e instanceof TypeError && /needs \{ baseUrl \}/.test(e.message));
    await assert.rejects(client.surveys.status(DEMO.decided.code, undefined as never), (e: unknown) => e instanceof DvcApiError && e.status < 500);
    await assert.rejects(client.dossiers.get(DEMO.decided.code, undefined as never), (e: unknown) => e instanceof DvcApiError && e.status < 500);
  });

  test('surveys.form and surveys.submit: one evaluation per dossier (409 on a repeat)', async () => {
    const form = await client.surveys.form({ kind: 'dossier', dossierCode: DEMO.decided.code });
    assert.equal(form.kind, 'dossier');
    const answers: Record<string, number | string> = {};
    for (const q of form.questions) if (q.type === 'rating') answers[q.id] = q.scale![0]!.value;
    const submission = { formId: form.id, formVersion: form.version, dossierCode: DEMO.decided.code, applicantId: DEMO.decided.applicantId, answers };
    const receipt = await client.surveys.submit(submission);
    assert.match(receipt.id, /^srv_/);
    await assert.rejects(client.surveys.submit(submission), (e: unknown) => e instanceof DvcApiError && e.status === 409 && e.code === 'survey_already_submitted');
    const page = await client.surveys.form({ kind: 'page', procedureCode: '1.001193' });
    await client.surveys.submit({ formId: page.id, formVersion: page.version, procedureCode: '1.001193', answers: { useful: 1 } });
  });

  test('surveys.submit sends an Idempotency-Key (made, or the one given); the same key gets the same receipt', async () => {
    const keys: (string | null)[] = [];
    const watched = createDvcClient({
      baseUrl: sandbox.baseUrl, retry: false,
      fetch: async (input, init) => {
        const request = new Request(input, init);
        if (request.method === 'POST') keys.push(request.headers.get('idempotency-key'));
        return fetch(request);
      },
    });
    const page = { formId: 'page-feedback', formVersion: 1, procedureCode: '1.001193', answers: { useful: 0 } };
    await watched.surveys.submit(page);
    await watched.surveys.submit(page);
    assert.equal(keys.length, 2);
    assert.match(keys[0]!, /^[0-9a-f]{32}$/);
    assert.notEqual(keys[1], keys[0], 'a new key per call');

    const first = await watched.surveys.submit(page, { idempotencyKey: 'sdk-survey-key-000000001' });
    const again = await watched.surveys.submit(page, { idempotencyKey: 'sdk-survey-key-000000001' });
    assert.equal(keys.at(-1), 'sdk-survey-key-000000001');
    assert.deepEqual(again, first);
    await assert.rejects(
      watched.surveys.submit({ ...page, answers: { useful: 1 } }, { idempotencyKey: 'sdk-survey-key-000000001' }),
      (e: unknown) => e instanceof DvcApiError && e.status === 422 && e.code === 'idempotency_key_reused',
    );
  });

  test('health', async () => {
    const health = await client.health();
    assert.equal(health.status, 'ok');
    assert.ok(health.procedures >= 60);
  });

  test('abort rejects with the signal\'s reason, not a DvcError', async () => {
    const controller = new AbortController();
    const reason = new Error('navigated away');
    controller.abort(reason);
    await assert.rejects(client.procedures.search({ q: 'ho tich' }, { signal: controller.signal }), (e: unknown) => e === reason);
  });
});

describe('SDK: verify once with a dossier token', () => {
  const SEEDED_AT = new Date('2026-11-22T09:00:00+07:00');
  let clock = SEEDED_AT;
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  /** Every request the client sent: method, URL, and its dossier-token header. */
  const sent: { method: string; url: string; token: string | null }[] = [];
  let client: ReturnType<typeof createDvcClient>;

  before(async () => {
    sandbox = await startSandbox({ now: () => clock });
    client = createDvcClient({
      baseUrl: sandbox.baseUrl, retry: { limit: 2 },
      fetch: async (input, init) => {
        const request = new Request(input, init);
        sent.push({ method: request.method, url: request.url, token: request.headers.get('dvc-dossier-token') });
        return fetch(request);
      },
    });
  });
  after(() => sandbox.close());

  test('lookup answers a token; it pays, tells the survey status and evaluates without the identity number', async () => {
    const dossier = await client.dossiers.lookup(DEMO.paymentDue);
    const { token, expiresAt } = dossier.access;
    assert.equal(dossier.code, DEMO.paymentDue.code);
    assert.equal(new Date(expiresAt).getTime(), SEEDED_AT.getTime() + 30 * 60_000);

    sent.length = 0;
    const payment = await client.payments.create(
      { dossierCode: dossier.code, returnUrl: 'http://localhost:8080/return', expectedAmount: dossier.payment!.total },
      { dossierToken: token },
    );
    assert.equal(payment.dossierCode, DEMO.paymentDue.code);
    assert.equal(payment.state, 'pending');
    assert.deepEqual(sent.map((r) => r.token), [token], 'the token is sent as the header');

    const decided = await client.dossiers.lookup(DEMO.decided);
    const dossierToken = decided.access.token;
    sent.length = 0;
    const before = await client.surveys.status(DEMO.decided.code, { dossierToken });
    assert.equal(before.status, 'open');
    assert.equal(before.procedureCode, decided.procedure.code);
    assert.equal(before.procedureName, decided.procedure.name);
    const form = await client.surveys.form({ kind: 'dossier', dossierCode: DEMO.decided.code });
    const answers: Record<string, number> = {};
    for (const q of form.questions) if (q.type === 'rating') answers[q.id] = q.scale![0]!.value;
    const receipt = await client.surveys.submit({ formId: form.id, formVersion: form.version, dossierCode: DEMO.decided.code, answers }, { dossierToken });
    assert.match(receipt.id, /^srv_/);
    assert.equal((await client.surveys.status(DEMO.decided.code, { dossierToken })).status, 'already-evaluated');
    assert.deepEqual(sent.map((r) => [r.method, r.token]), [['GET', dossierToken], ['GET', null], ['POST', dossierToken], ['GET', dossierToken]]);

    // The token reads its dossier again, in a header too.
    sent.length = 0;
    const again = await client.dossiers.get(DEMO.decided.code, { dossierToken });
    assert.equal(again.code, DEMO.decided.code);
    assert.equal(again.evaluation, 'submitted');
    assert.deepEqual(sent.map((r) => [r.method, r.token]), [['GET', dossierToken]]);

    const processing = await client.dossiers.lookup(DEMO.processing);
    assert.equal((await client.surveys.status(DEMO.processing.code, { dossierToken: processing.access.token })).status, 'not-available');
    // Neither the token nor the identity number is ever in a URL.
    for (const { url } of sent) {
      assert.equal(url.includes(token) || url.includes(dossierToken) || url.includes(DEMO.decided.applicantId), false, url);
    }
  });

  test('a refused token is DvcApiError 401 with its code, not retryable and not retried', async () => {
    const { access } = await client.dossiers.lookup(DEMO.paymentDueTwoKinds);
    const request = { dossierCode: DEMO.paymentDueTwoKinds.code, returnUrl: 'http://localhost:8080/return' };
    const refusedWith = (code: string) => (error: unknown) => {
      assert.ok(error instanceof DvcApiError);
      assert.deepEqual([error.status, error.code, error.retryable], [401, code, false]);
      return true;
    };
    sent.length = 0;
    await assert.rejects(client.payments.create(request, { dossierToken: `${access.token.slice(0, -3)}abc` }), refusedWith('dossier_token_invalid'));
    await assert.rejects(client.surveys.status(DEMO.decided.code, { dossierToken: access.token }), refusedWith('dossier_token_invalid'));
    assert.equal(sent.length, 2, 'a 401 is not retried');
    clock = new Date(SEEDED_AT.getTime() + 31 * 60_000);
    try {
      await assert.rejects(client.payments.create(request, { dossierToken: access.token }), refusedWith('dossier_token_expired'));
    } finally {
      clock = SEEDED_AT;
    }
    // A token and an identity number together: the API refuses (the types do too).
    await assert.rejects(
      // @ts-expect-error -- exactly one proof: applicantId or dossierToken
      client.payments.create({ ...request, applicantId: DEMO.paymentDueTwoKinds.applicantId }, { dossierToken: access.token }),
      (e: unknown) => e instanceof DvcApiError && e.status === 400 && e.code === 'validation_failed',
    );
  });

  test('types: a payment names its applicant by identity number or by token', () => {
    // Compiled, not run: `npm run typecheck` checks these.
    const typeChecks = (c: typeof client) => {
      const request = { dossierCode: DEMO.paymentDue.code, returnUrl: 'http://localhost:8080/return' };
      void c.payments.create({ ...request, applicantId: DEMO.paymentDue.applicantId });
      void c.payments.create(request, { dossierToken: 'token' });
      // @ts-expect-error -- neither an identity number nor a token
      void c.payments.create(request);
      // @ts-expect-error -- the survey status needs a token
      void c.surveys.status(DEMO.decided.code, {});
    };
    void typeChecks;
  });
});

describe('SDK retries and transport failures', () => {
  test('429 with Retry-After: a GET waits and retries; a POST lookup reports when to retry', async () => {
    const clock = new WindowClock();
    const sandbox = await startSandbox({
      rateLimits: { searchProcedures: { max: 1, windowMs: 1000 }, lookupDossier: { max: 1, windowMs: 60_000 } },
      now: clock.now,
    });
    try {
      // A minute starts: the two searches fall in one second's window, the lookups in one minute's.
      clock.startWindow();
      const client = createDvcClient({ baseUrl: sandbox.baseUrl, retry: { limit: 2, maxRetryAfterMs: 3000 } });
      await client.procedures.search({ q: 'ho tich' });
      const started = Date.now();
      const result = await client.procedures.search({ q: 'ho tich' });
      assert.ok(result.total > 0);
      assert.ok(Date.now() - started >= 500, 'the retry waited for Retry-After');

      await client.dossiers.lookup(DEMO.processing);
      await assert.rejects(client.dossiers.lookup(DEMO.processing), (e: unknown) => {
        assert.ok(e instanceof DvcApiError);
        assert.equal(e.status, 429);
        assert.equal(e.code, 'rate_limited');
        assert.ok(e.retryAfter !== undefined && e.retryAfter > 0 && e.retryAfter <= 60);
        return true;
      });
    } finally {
      await sandbox.close();
    }
  });

  test('timeout: DvcTimeoutError; connection refused: DvcNetworkError; non-JSON: DvcResponseError', async () => {
    // A real server that accepts and never answers, one that answers garbage, and a closed port.
    const silent = createServer(() => {});
    const garbage = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{not json'));
    await Promise.all([silent, garbage].map((s) => new Promise<void>((r) => s.listen(0, '127.0.0.1', r))));
    const url = (s: typeof silent) => `http://127.0.0.1:${(s.address() as AddressInfo).port}/api/v1`;
    try {
      await assert.rejects(createDvcClient({ baseUrl: url(silent), timeout: 300, retry: false }).health(), DvcTimeoutError);
      await assert.rejects(createDvcClient({ baseUrl: url(garbage), retry: false }).health(), DvcResponseError);
      const closedPort = url(garbage).replace(/:\d+\//, ':9/');
      await assert.rejects(createDvcClient({ baseUrl: closedPort, retry: false }).health(), DvcNetworkError);
    } finally {
      silent.closeAllConnections();
      await Promise.all([silent, garbage].map((s) => new Promise((r) => s.close(r))));
    }
  });

  test('a refusal not in the API\'s words (a firewall\'s 403 page, a static host\'s 405) is DvcResponseError, never "invalid input"; a proxy\'s 429 is still a rate limit', async () => {
    // The status to answer is in the path: /s403/api/v1/health.
    const proxy = createServer((req, res) => {
      const status = Number(/^\/s(\d+)\//.exec(req.url!)?.[1] ?? 500);
      res.writeHead(status, { 'content-type': 'text/html', ...(status === 429 ? { 'retry-after': '7' } : {}) }).end('<h1>Blocked</h1>');
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const at = (status: number) => `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/s${status}/api/v1`;
    try {
      for (const status of [401, 403, 405]) {
        await assert.rejects(createDvcClient({ baseUrl: at(status), retry: false }).health(),
          (e: unknown) => e instanceof DvcResponseError && e.status === status && /not the API's/.test(e.message), String(status));
      }
      await assert.rejects(createDvcClient({ baseUrl: at(429), retry: false }).health(),
        (e: unknown) => e instanceof DvcApiError && e.code === 'rate_limited' && e.retryAfter === 7);
    } finally {
      await new Promise((r) => proxy.close(r));
    }
  });

  test('a body that stalls after the headers is a timeout, one that breaks half-way a network error: neither hangs, nor surfaces as a raw TypeError', async () => {
    const encoder = new TextEncoder();
    const answering = (body: ReadableStream<Uint8Array>) => (async () => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } })) as typeof fetch;
    const stalls = new ReadableStream<Uint8Array>({ start(controller) { controller.enqueue(encoder.encode('{"status":')); } });
    const started = Date.now();
    await assert.rejects(createDvcClient({ baseUrl: 'http://127.0.0.1:9/api/v1', timeout: 300, retry: false, fetch: answering(stalls) }).health(), DvcTimeoutError);
    assert.ok(Date.now() - started < 2000, `gave up after ${Date.now() - started} ms`);
    const breaks = new ReadableStream<Uint8Array>({ start(controller) { controller.enqueue(encoder.encode('{"status":')); controller.error(new TypeError('terminated')); } });
    await assert.rejects(createDvcClient({ baseUrl: 'http://127.0.0.1:9/api/v1', retry: false, fetch: answering(breaks) }).health(), DvcNetworkError);
    // Aborted by the caller while the body comes: the caller's reason, as for any aborted call.
    const abort = new AbortController();
    const slow = new ReadableStream<Uint8Array>({ start(controller) { controller.enqueue(encoder.encode('{')); setTimeout(() => abort.abort(new Error('left the page')), 50); } });
    await assert.rejects(createDvcClient({ baseUrl: 'http://127.0.0.1:9/api/v1', retry: false, fetch: answering(slow) }).health({ signal: abort.signal }), /left the page/);
  });

  test('a failed or timed-out request keeps no headers in its error: a dossier token or an API key printed with the error\'s cause would reach the logs', async () => {
    const silent = createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/api/v1`;
    const token = 'tok_SECRET_dossier_token_1234567890';
    const apiKey = 'dvc_SECRET_reports_key_1234567890';
    try {
      const failures = await Promise.all([
        createDvcClient({ baseUrl: base, timeout: 300, retry: false }).surveys.status('000.00.15.H26-261102-0009', { dossierToken: token }).catch((e: unknown) => e),
        createDvcClient({ baseUrl: base.replace(/:\d+\//, ':9/'), retry: false }).surveys.status('000.00.15.H26-261102-0009', { dossierToken: token }).catch((e: unknown) => e),
        createDvcReportsClient({ baseUrl: base, apiKey, timeout: 300, retry: false }).surveys({ from: '2026-11-01', to: '2026-11-30' }).catch((e: unknown) => e),
      ]);
      assert.deepEqual(failures.map((e) => (e as Error).constructor.name), ['DvcTimeoutError', 'DvcNetworkError', 'DvcTimeoutError']);
      for (const error of failures) {
        const printed = inspect(error, { depth: 20, showHidden: true });
        assert.doesNotMatch(printed, /SECRET/, printed.slice(0, 2000));
      }
    } finally {
      silent.closeAllConnections();
      await new Promise((r) => silent.close(r));
    }
  });

  test('surveys.submit is retried with the same key: answers stored before a 503 or a lost connection are stored once', async () => {
    const sandbox = await startSandbox();
    try {
      const sent: { key: string | null; body: string }[] = [];
      let failNext: 'connection' | undefined;
      const client = createDvcClient({
        baseUrl: sandbox.baseUrl, retry: { limit: 2 },
        fetch: async (input, init) => {
          const request = new Request(input, init);
          if (request.method !== 'POST') return fetch(request);
          sent.push({ key: request.headers.get('idempotency-key'), body: await request.clone().text() });
          const response = await fetch(request);
          // The server did the work; the connection broke before its answer arrived.
          if (failNext === 'connection') {
            failNext = undefined;
            throw new TypeError('fetch failed');
          }
          return response;
        },
      });
      const stored = async (query: string) =>
        ((await (await fetch(`${sandbox.baseUrl}/_sandbox/survey-responses?${query}`)).json()) as sandboxComponents['schemas']['SandboxSurveyResponseList']).items;
      const faults = (fault: sandboxComponents['schemas']['SandboxFault']) => fetch(`${sandbox.baseUrl}/_sandbox/faults`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fault),
      });

      // 503 after the evaluation was stored (no Retry-After: the SDK's own backoff).
      await faults({ operationId: 'submitSurvey', kind: 'drop-after-commit', status: 503 });
      const evaluation = {
        formId: 'one-stop-evaluation', formVersion: 1, dossierCode: DEMO.decided.code, applicantId: DEMO.decided.applicantId,
        answers: { contacts: 2, agencies: 2, 'one-stop': 2, attitude: 2, overall: 2 },
      };
      const receipt = await client.surveys.submit(evaluation);
      assert.equal(sent.length, 2, 'retried once');
      assert.equal(sent[1]!.key, sent[0]!.key);
      assert.match(sent[0]!.key!, /^[0-9a-f]{32}$/);
      assert.equal(sent[1]!.body, sent[0]!.body);
      assert.deepEqual((await stored(`dossierCode=${encodeURIComponent(DEMO.decided.code)}`)).map((r) => r.id), [receipt.id]);

      // A network error after the feedback was stored: retried, stored once.
      sent.length = 0;
      failNext = 'connection';
      const feedback = await client.surveys.submit({ formId: 'page-feedback', formVersion: 1, procedureCode: '1.001193', answers: { useful: 1 } });
      assert.equal(sent.length, 2, 'retried once');
      assert.equal(sent[1]!.key, sent[0]!.key);
      assert.deepEqual((await stored('procedureCode=1.001193')).map((r) => r.id), [feedback.id]);
    } finally {
      await sandbox.close();
    }
  });

  test('custom fetch and headers are used for every request', async () => {
    const seen: string[] = [];
    const sandbox = await startSandbox();
    try {
      const client = createDvcClient({
        baseUrl: sandbox.baseUrl,
        headers: { 'x-portal': 'demo' },
        fetch: async (input, init) => {
          const request = new Request(input, init);
          seen.push(`${request.method} ${new URL(request.url).pathname} ${request.headers.get('x-portal')}`);
          return fetch(request);
        },
      });
      await client.procedures.fields();
      assert.deepEqual(seen, ['GET /api/v1/fields demo']);
    } finally {
      await sandbox.close();
    }
  });
});
