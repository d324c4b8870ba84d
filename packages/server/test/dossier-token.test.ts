/**
 * Verify once: the dossier access token a lookup answers pays, tells the survey where the dossier
 * stands and evaluates it, without the identity number again; anything else is refused with 401
 * and changes nothing.
 */
import { test, describe, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { syncBuiltinESMExports } from 'node:module';
import { PassThrough } from 'node:stream';
import { createTestSandbox } from './support/test-database.ts';
import { applicantDigest } from '../src/dossiers/applicant-digest.ts';
import { DEMO } from './support/sandbox.ts';

type Sandbox = Awaited<ReturnType<typeof createTestSandbox>>;
interface Problem { status: number; code: string; errors?: { path: string }[] }

const HEADER = 'dvc-dossier-token';
const RETURN_URL = 'http://localhost:8080/thanh-toan';
const ANSWERS = { contacts: 2, agencies: 2, 'one-stop': 2, attitude: 2, overall: 2 };
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const SEEDED_AT = new Date('2026-11-22T09:00:00+07:00');

describe('dossier access tokens', () => {
  let sandbox: Sandbox;
  let clock = SEEDED_AT;
  const logs = new PassThrough();
  let logText = '';
  logs.on('data', (chunk) => { logText += chunk; });

  before(async () => {
    sandbox = await createTestSandbox({ rateLimits: {}, now: () => clock, logger: { level: 'info', stream: logs } });
  });
  after(() => sandbox.app.close());
  beforeEach(async () => {
    clock = SEEDED_AT;
    await sandbox.app.inject({ method: 'POST', url: '/api/v1/_sandbox/reset' });
  });

  const lookup = async (who: { code: string; applicantId: string }) => {
    const res = await sandbox.app.inject({ method: 'POST', url: '/api/v1/dossiers/lookup', payload: who });
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as { code: string; evaluation: string; access: { token: string; expiresAt: string } };
  };
  const tokenFor = async (who: { code: string; applicantId: string }) => (await lookup(who)).access.token;
  const pay = (token: string | undefined, body: Record<string, unknown> = {}, key = `token-test-key-${Math.random().toString(36).slice(2, 14)}`) =>
    sandbox.app.inject({
      method: 'POST', url: '/api/v1/payments',
      headers: { 'idempotency-key': key, ...(token === undefined ? {} : { [HEADER]: token }) },
      payload: { dossierCode: DEMO.paymentDue.code, returnUrl: RETURN_URL, ...body },
    });
  const evaluate = (token: string | undefined, body: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    sandbox.app.inject({
      method: 'POST', url: '/api/v1/surveys/responses',
      headers: { ...headers, ...(token === undefined ? {} : { [HEADER]: token }) },
      payload: { formId: 'one-stop-evaluation', formVersion: 1, dossierCode: DEMO.decided.code, answers: ANSWERS, ...body },
    });
  const surveyStatus = (code: string, token: string) =>
    sandbox.app.inject({ method: 'GET', url: `/api/v1/dossiers/${code}/survey-status`, headers: { [HEADER]: token } });
  const stored = async () => ({
    payments: (await sandbox.context.storage.one<{ n: number }>('SELECT count(*) AS n FROM payments'))!.n,
    paymentKeys: (await sandbox.context.storage.one<{ n: number }>('SELECT count(*) AS n FROM idempotency_keys'))!.n,
    responses: (await sandbox.context.storage.one<{ n: number }>('SELECT count(*) AS n FROM survey_responses'))!.n,
    surveyKeys: (await sandbox.context.storage.one<{ n: number }>('SELECT count(*) AS n FROM survey_idempotency_keys'))!.n,
  });
  const assertRefused = (res: Awaited<ReturnType<typeof pay>>, code: string, what: string) => {
    assert.equal(res.statusCode, 401, `${what}: ${res.body}`);
    assert.match(String(res.headers['content-type']), /^application\/problem\+json/, what);
    assert.equal(res.headers['www-authenticate'], 'Dvc-Dossier-Token', what);
    assert.equal(res.headers['cache-control'], 'no-store', what);
    assert.equal((res.json() as Problem).code, code, what);
  };

  test('a lookup answers a token for 30 minutes, versioned, base64url, holding no identity number', async () => {
    const dossier = await lookup(DEMO.decided);
    const { token, expiresAt } = dossier.access;
    assert.equal(new Date(expiresAt).getTime(), SEEDED_AT.getTime() + 30 * 60_000);
    assert.match(expiresAt, /\+07:00$/);
    const [version, payload, signature, ...rest] = token.split('.');
    assert.equal(version, 'dvt1');
    assert.deepEqual(rest, []);
    assert.match(payload!, /^[A-Za-z0-9_-]+$/);
    assert.equal(Buffer.from(signature!, 'base64url').length, 32, 'an HMAC-SHA256');
    const decoded = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Record<string, unknown>;
    assert.deepEqual(Object.keys(decoded).sort(), ['d', 'exp', 'iat']);
    assert.equal(decoded['d'], DEMO.decided.code);
    // Neither the number nor its digest (which trying every number would find) nor any 12 digits.
    const text = `${token} ${Buffer.from(payload!, 'base64url').toString('utf8')} ${Buffer.from(signature!, 'base64url').toString('hex')}`;
    assert.equal(text.includes(DEMO.decided.applicantId), false);
    assert.equal(text.includes(applicantDigest(DEMO.decided.applicantId, sandbox.context.applicantKey)), false);
    assert.doesNotMatch(Buffer.from(payload!, 'base64url').toString('utf8'), /\d{12}/);
    // Two applicants' tokens for their own dossiers differ only by what the dossier is.
    assert.notEqual((await lookup(DEMO.paymentDue)).access.token, token);
  });

  test('the token pays without the identity number; the payment and its receipts read as before', async () => {
    const token = await tokenFor(DEMO.paymentDue);
    const res = await pay(token, { expectedAmount: 200_000 });
    assert.equal(res.statusCode, 201, res.body);
    const payment = res.json() as { id: string; dossierCode: string; total: number; state: string };
    assert.equal(payment.dossierCode, DEMO.paymentDue.code);
    assert.equal(payment.total, 200_000);
    assert.equal(payment.state, 'pending');
    assert.equal((await sandbox.app.inject({ method: 'GET', url: `/api/v1/payments/${payment.id}` })).statusCode, 200);
    const receipt = await sandbox.app.inject({ method: 'GET', url: `/api/v1/payments/${payment.id}/receipt` });
    assert.equal((receipt.json() as Problem).code, 'payment_not_paid', 'the receipt read answers as before');
    // The same key and token again: the same payment (the token is checked again, then replayed).
    const key = 'token-test-replay-key-001';
    const first = await pay(token, {}, key);
    const again = await pay(token, {}, key);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.equal((again.json() as { id: string }).id, (first.json() as { id: string }).id);
    // The identity number still works as before.
    assert.equal((await pay(undefined, { applicantId: DEMO.paymentDue.applicantId })).statusCode, 201);
  });

  test('the token reads its dossier again (getDossier), and no other; without a token the read is refused', async () => {
    const token = await tokenFor(DEMO.paymentDue);
    const read = await sandbox.app.inject({ method: 'GET', url: `/api/v1/dossiers/${DEMO.paymentDue.code}`, headers: { [HEADER]: token } });
    assert.equal(read.statusCode, 200, read.body);
    const dossier = read.json() as { code: string; status: string; payment?: { total: number }; access?: unknown };
    assert.equal(dossier.code, DEMO.paymentDue.code);
    assert.equal(dossier.status, 'payment-due');
    assert.ok(dossier.payment && dossier.payment.total > 0);
    assert.equal(dossier.access, undefined, 'no new token from a read');
    const other = await sandbox.app.inject({ method: 'GET', url: `/api/v1/dossiers/${DEMO.decided.code}`, headers: { [HEADER]: token } });
    assert.equal(other.statusCode, 401);
    assert.equal((other.json() as Problem).code, 'dossier_token_invalid');
    const none = await sandbox.app.inject({ method: 'GET', url: `/api/v1/dossiers/${DEMO.paymentDue.code}` });
    assert.equal(none.statusCode, 400);
  });

  test('survey status: open, then already-evaluated after the token evaluates; not-available while processing; closed when withdrawn', async () => {
    const token = await tokenFor(DEMO.decided);
    const open = await surveyStatus(DEMO.decided.code, token);
    assert.equal(open.statusCode, 200, open.body);
    assert.equal(open.headers['cache-control'], 'no-store');
    const status = open.json() as { status: string; dossierCode: string; procedureCode: string; procedureName: string };
    assert.deepEqual({ ...status, procedureName: undefined }, { status: 'open', dossierCode: DEMO.decided.code, procedureCode: '3.000333', procedureName: undefined });
    assert.match(status.procedureName, /lý lịch tư pháp/i);
    // The form itself reads as before, with or without a token.
    const form = await sandbox.app.inject({ method: 'GET', url: `/api/v1/surveys/form?kind=dossier&dossierCode=${DEMO.decided.code}` });
    assert.equal(form.statusCode, 200);
    // A code that does not exist gets the same form: the form cannot be used to probe which codes exist.
    const unknown = await sandbox.app.inject({ method: 'GET', url: '/api/v1/surveys/form?kind=dossier&dossierCode=000.00.15.H26-261102-9999' });
    assert.deepEqual([unknown.statusCode, unknown.body], [200, form.body]);

    const submitted = await evaluate(token);
    assert.equal(submitted.statusCode, 201, submitted.body);
    assert.equal((await surveyStatus(DEMO.decided.code, token)).json().status, 'already-evaluated');
    assert.equal((await lookup(DEMO.decided)).evaluation, 'submitted');
    assert.equal((await evaluate(token)).json().code, 'survey_already_submitted');

    const processing = await tokenFor(DEMO.processing);
    assert.equal((await surveyStatus(DEMO.processing.code, processing)).json().status, 'not-available');
    const early = await evaluate(processing, { dossierCode: DEMO.processing.code });
    assert.equal(early.statusCode, 409);
    assert.equal((early.json() as Problem).code, 'survey_not_available');
    // Withdrawn: closed without a result, nothing to evaluate, not "later".
    const withdrawn = await tokenFor(DEMO.withdrawn);
    assert.equal((await surveyStatus(DEMO.withdrawn.code, withdrawn)).json().status, 'closed');
    assert.equal((await lookup(DEMO.withdrawn)).evaluation, 'closed');
    assert.equal((await evaluate(withdrawn, { dossierCode: DEMO.withdrawn.code })).json().code, 'survey_closed');
  });

  test('another dossier\'s, forged, malformed and expired tokens: 401 with their code, and nothing changes', async () => {
    const mine = await tokenFor(DEMO.paymentDue);
    const other = await tokenFor(DEMO.decided);
    const [version, payload, signature] = mine.split('.') as [string, string, string];
    const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
    // The payload claims the other dossier, under this dossier's signature.
    const claimed = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), d: DEMO.decided.code })).toString('base64url');
    const forged = {
      'a byte of the signature changed': `${version}.${payload}.${flip(signature, 5)}`,
      'a byte of the payload changed': `${version}.${flip(payload, 10)}.${signature}`,
      'the payload rewritten for another dossier': `${version}.${claimed}.${signature}`,
      // 32 bytes are 43 characters, the last one's two low bits spare: a different spelling of the same bytes.
      'the signature\'s spare bits changed': `${version}.${payload}.${signature.slice(0, -1)}${B64URL[B64URL.indexOf(signature.at(-1)!) ^ 1]}`,
      'signed with another secret': await (async () => {
        const elsewhere = await createTestSandbox({ rateLimits: {}, tokenSecret: 'another-secret' });
        try {
          return ((await elsewhere.app.inject({ method: 'POST', url: '/api/v1/dossiers/lookup', payload: DEMO.paymentDue })).json() as { access: { token: string } }).access.token;
        } finally {
          await elsewhere.app.close();
        }
      })(),
    };
    const malformed = {
      'not a token': 'hello',
      'another version': `dvt9.${payload}.${signature}`,
      'two parts': `${version}.${payload}`,
      'four parts': `${mine}.x`,
      'not base64url': `${version}.${payload}.${signature.slice(0, -2)}+/`,
      'an empty payload': `${version}..${signature}`,
      'a payload that is not JSON, signed right': (() => {
        const body = Buffer.from('not json').toString('base64url');
        const mac = crypto.createHmac('sha256', sandbox.context.tokenSecret).update(`dvt1.${body}`).digest('base64url');
        return `dvt1.${body}.${mac}`;
      })(),
    };
    const before = await stored();
    for (const [what, token] of [['another dossier\'s', other] as const, ...Object.entries(forged), ...Object.entries(malformed)]) {
      assertRefused(await pay(token), 'dossier_token_invalid', `payment: ${what}`);
      assertRefused(await evaluate(token, { dossierCode: DEMO.paymentDue.code }), 'dossier_token_invalid', `survey: ${what}`);
      assertRefused(await surveyStatus(DEMO.paymentDue.code, token), 'dossier_token_invalid', `status: ${what}`);
    }
    // A token is checked even for a key that was used before: a replay does not skip the proof.
    const key = 'token-test-replay-key-002';
    assert.equal((await pay(mine, {}, key)).statusCode, 201);
    const paidBefore = await stored();
    assertRefused(await pay(forged['a byte of the signature changed'], {}, key), 'dossier_token_invalid', 'replayed key');

    clock = new Date(SEEDED_AT.getTime() + 30 * 60_000);
    assertRefused(await pay(mine), 'dossier_token_expired', 'payment, expired');
    assertRefused(await evaluate(other), 'dossier_token_expired', 'survey, expired');
    assertRefused(await surveyStatus(DEMO.decided.code, other), 'dossier_token_expired', 'status, expired');
    assertRefused(await pay(forged['a byte of the payload changed']), 'dossier_token_invalid', 'a forged token is invalid, not expired');
    assert.deepEqual((await stored()), paidBefore);
    assert.deepEqual([paidBefore.responses, paidBefore.surveyKeys], [before.responses, before.surveyKeys], 'no survey stored');
    assert.equal(paidBefore.payments, before.payments + 1, 'only the one valid payment');
    // A minute before the end it still works; a new lookup gives a new token.
    clock = new Date(SEEDED_AT.getTime() + 29 * 60_000);
    assert.equal((await surveyStatus(DEMO.decided.code, other)).statusCode, 200);
    clock = new Date(SEEDED_AT.getTime() + 31 * 60_000);
    assert.equal((await surveyStatus(DEMO.decided.code, await tokenFor(DEMO.decided))).statusCode, 200);
  });

  test('exactly one proof: a token with an identity number (wrong or right) or neither is validation_failed', async () => {
    const token = await tokenFor(DEMO.paymentDue);
    const before = await stored();
    for (const applicantId of ['123456789012', DEMO.paymentDue.applicantId]) {
      const payment = await pay(token, { applicantId });
      assert.equal(payment.statusCode, 400, payment.body);
      assert.deepEqual([(payment.json() as Problem).code, (payment.json() as Problem).errors?.[0]?.path], ['validation_failed', '/body/applicantId']);
    }
    const neither = await pay(undefined);
    assert.deepEqual([neither.statusCode, (neither.json() as Problem).code], [400, 'validation_failed']);

    const decided = await tokenFor(DEMO.decided);
    for (const applicantId of ['123456789012', DEMO.decided.applicantId]) {
      const survey = await evaluate(decided, { applicantId });
      assert.deepEqual([survey.statusCode, (survey.json() as Problem).code], [400, 'validation_failed'], survey.body);
    }
    const none = await evaluate(undefined);
    assert.deepEqual([none.statusCode, (none.json() as Problem).errors?.[0]?.path], [400, '/body/applicantId']);
    const noCode = await evaluate(decided, { dossierCode: undefined });
    assert.deepEqual([noCode.statusCode, (noCode.json() as Problem).errors?.[0]?.path], [400, '/body/dossierCode']);
    assert.deepEqual((await stored()), before);
  });

  test('with an Idempotency-Key the token\'s evaluation is stored once; the same key with the identity number is another request', async () => {
    const token = await tokenFor(DEMO.decided);
    const headers = { 'idempotency-key': 'token-survey-key-0000001' };
    const first = await evaluate(token, {}, headers);
    const again = await evaluate(token, {}, headers);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.deepEqual(again.json(), first.json());
    const switched = await evaluate(undefined, { applicantId: DEMO.decided.applicantId }, headers);
    assert.deepEqual([switched.statusCode, (switched.json() as Problem).code], [422, 'idempotency_key_reused']);
    assert.equal((await stored()).responses, 1);
  });

  test('the token never reaches the log, nor does the identity number', async () => {
    logText = '';
    const token = await tokenFor(DEMO.paymentDue);
    await pay(token);
    await surveyStatus(DEMO.paymentDue.code, token);
    await pay(`${token}x`);
    await new Promise((resolve) => setImmediate(resolve));
    assert.ok(logText.includes('/api/v1/payments') && logText.includes('/survey-status'), 'requests are logged');
    const signature = token.split('.')[2]!;
    for (const secret of [token, signature, DEMO.paymentDue.applicantId]) {
      assert.equal(logText.includes(secret), false, `the log holds ${secret.slice(0, 12)}…`);
    }
  });

  test('a browser on an allowed origin may send the header (CORS)', async () => {
    const preflight = await sandbox.app.inject({
      method: 'OPTIONS', url: '/api/v1/payments',
      headers: { origin: 'http://localhost:8080', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,idempotency-key,dvc-dossier-token' },
    });
    assert.equal(preflight.statusCode, 204);
    assert.match(String(preflight.headers['access-control-allow-headers']), /dvc-dossier-token/);
  });

  test('signatures are compared in constant time (timingSafeEqual)', async () => {
    const token = await tokenFor(DEMO.decided);
    const original = crypto.timingSafeEqual;
    let calls = 0;
    crypto.timingSafeEqual = (a, b) => {
      calls++;
      return original(a, b);
    };
    syncBuiltinESMExports();
    try {
      assert.equal((await surveyStatus(DEMO.decided.code, token)).statusCode, 200);
      assert.equal(calls, 1);
    } finally {
      crypto.timingSafeEqual = original;
      syncBuiltinESMExports();
    }
  });
});

test('the lifetime is configurable', async () => {
  let clock = SEEDED_AT;
  const sandbox = await createTestSandbox({ rateLimits: {}, tokenTtlMs: 60_000, now: () => clock });
  try {
    const res = await sandbox.app.inject({ method: 'POST', url: '/api/v1/dossiers/lookup', payload: DEMO.decided });
    const { token, expiresAt } = (res.json() as { access: { token: string; expiresAt: string } }).access;
    assert.equal(new Date(expiresAt).getTime(), SEEDED_AT.getTime() + 60_000);
    const status = () => sandbox.app.inject({ method: 'GET', url: `/api/v1/dossiers/${DEMO.decided.code}/survey-status`, headers: { [HEADER]: token } });
    clock = new Date(SEEDED_AT.getTime() + 59_000);
    assert.equal((await status()).statusCode, 200);
    clock = new Date(SEEDED_AT.getTime() + 60_000);
    assert.equal((await status()).json().code, 'dossier_token_expired');
  } finally {
    await sandbox.app.close();
  }
});
