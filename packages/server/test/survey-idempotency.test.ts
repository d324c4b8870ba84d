import { test, describe, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { createTestSandbox } from './support/test-database.ts';
import type { components as sandboxComponents } from '../src/generated/sandbox-openapi.ts';
import { DEMO } from './support/sandbox.ts';

type Sandbox = Awaited<ReturnType<typeof createTestSandbox>>;
type Receipt = { id: string; submittedAt: string };
type Stored = sandboxComponents['schemas']['SandboxSurveyResponseList'];

const EVALUATION = { contacts: 2, agencies: 2, 'one-stop': 2, attitude: 2, overall: 1 };
const dossierBody = (answers: object = EVALUATION) => ({
  formId: 'one-stop-evaluation', formVersion: 1, dossierCode: DEMO.decided.code, applicantId: DEMO.decided.applicantId, answers,
});
const pageBody = (answers: object = { useful: 1 }) => ({ formId: 'page-feedback', formVersion: 1, procedureCode: '1.001193', answers });

describe('submitSurvey with an Idempotency-Key', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await createTestSandbox({ rateLimits: {} });
  });
  after(() => sandbox.app.close());
  beforeEach(async () => {
    await sandbox.app.inject({ method: 'POST', url: '/api/v1/_sandbox/reset' });
  });

  const submit = (body: object, key?: string) => sandbox.app.inject({
    method: 'POST', url: '/api/v1/surveys/responses', payload: body, ...(key === undefined ? {} : { headers: { 'idempotency-key': key } }),
  });
  const stored = async (query: string) => {
    const res = await sandbox.app.inject({ method: 'GET', url: `/api/v1/_sandbox/survey-responses?${query}` });
    assert.equal(res.statusCode, 200);
    return (JSON.parse(res.body) as Stored).items;
  };
  const receipt = (res: { body: string }) => JSON.parse(res.body) as Receipt;
  const code = (res: { body: string }) => (JSON.parse(res.body) as { code: string }).code;
  const byDossier = `dossierCode=${encodeURIComponent(DEMO.decided.code)}`;

  test('dossier evaluation: the same key and body get the same receipt (201), stored once, never "already submitted"', async () => {
    const key = 'survey-key-dossier-00000001';
    const first = await submit(dossierBody(), key);
    assert.equal(first.statusCode, 201);
    assert.equal(first.headers['idempotent-replayed'], 'false');
    for (let i = 0; i < 2; i++) {
      const again = await submit(dossierBody(), key);
      assert.equal(again.statusCode, 201, again.body);
      assert.equal(again.headers['idempotent-replayed'], 'true');
      assert.deepEqual(receipt(again), receipt(first));
    }
    const rows = await stored(byDossier);
    assert.deepEqual(rows.map((r) => r.id), [receipt(first).id]);
    assert.deepEqual(rows[0]!.answers, EVALUATION);
    // Answers compared as data, not as text: another order of the same answers is the same request.
    const reordered = Object.fromEntries(Object.entries(EVALUATION).reverse());
    assert.deepEqual(receipt(await submit(dossierBody(reordered), key)), receipt(first));
    // Another attempt (another key) is a second evaluation: refused as before.
    const other = await submit(dossierBody(), 'survey-key-dossier-00000002');
    assert.equal(other.statusCode, 409);
    assert.equal(code(other), 'survey_already_submitted');
    assert.equal((await stored(byDossier)).length, 1);
  });

  test('the same evaluation sent twice at once with its key (a double tap, a slow first try): one receipt for both, stored once', async () => {
    for (let round = 0; round < 5; round++) {
      await sandbox.app.inject({ method: 'POST', url: '/api/v1/_sandbox/reset' });
      const key = `survey-key-at-once-${round}-0000000`;
      const answers = await Promise.all([submit(dossierBody(), key), submit(dossierBody(), key)]);
      for (const answer of answers) assert.equal(answer.statusCode, 201, answer.body);
      assert.deepEqual(receipt(answers[1]!), receipt(answers[0]!));
      assert.deepEqual(answers.map((answer) => answer.headers['idempotent-replayed']).sort(), ['false', 'true']);
      assert.deepEqual((await stored(byDossier)).map((r) => r.id), [receipt(answers[0]!).id]);
    }
    // The same key with other answers at once: not the same request, refused as a reused key.
    await sandbox.app.inject({ method: 'POST', url: '/api/v1/_sandbox/reset' });
    const changed = await Promise.all([submit(dossierBody(), 'survey-key-changed-0000001'), submit(dossierBody({ ...EVALUATION, overall: 2 }), 'survey-key-changed-0000001')]);
    assert.deepEqual(changed.map((answer) => answer.statusCode).sort(), [201, 422]);
    assert.equal(code(changed.find((answer) => answer.statusCode === 422)!), 'idempotency_key_reused');
    assert.equal((await stored(byDossier)).length, 1);
    // Two attempts (two keys) at once are two evaluations: one is stored, the other refused.
    await sandbox.app.inject({ method: 'POST', url: '/api/v1/_sandbox/reset' });
    const rivals = await Promise.all([submit(dossierBody(), 'survey-key-rival-a-00000001'), submit(dossierBody(), 'survey-key-rival-b-00000001')]);
    assert.deepEqual(rivals.map((answer) => answer.statusCode).sort(), [201, 409]);
    assert.equal(code(rivals.find((answer) => answer.statusCode === 409)!), 'survey_already_submitted');
    assert.equal((await stored(byDossier)).length, 1);
  });

  test('an identity number written in a comment is not stored; other numbers are', async () => {
    const comment = 'Số CCCD của tôi là 001099000013 (CMND cũ 123456789; viết 001 099 000 013, 001.099.000.013 hay 0010 9900 0013), các năm 2023 2024 2025, thẻ 4111 1111 1111 1111, 1000 2000 3000 đồng, gọi 0912345678 hoặc 84912345678901, lệ phí 150.000.000 đồng.';
    const key = 'survey-key-comment-0000001';
    const first = await submit(dossierBody({ ...EVALUATION, comment }), key);
    assert.equal(first.statusCode, 201, first.body);
    const [row] = await stored(byDossier);
    assert.equal(row!.answers['comment'],
      'Số CCCD của tôi là [số định danh đã được ẩn] (CMND cũ [số định danh đã được ẩn]; viết [số định danh đã được ẩn], [số định danh đã được ẩn] hay [số định danh đã được ẩn]), '
      + 'các năm 2023 2024 2025, thẻ 4111 1111 1111 1111, 1000 2000 3000 đồng, '
      + 'gọi 0912345678 hoặc 84912345678901, lệ phí 150.000.000 đồng.');
    // The same request again is the same request: replayed, not refused as another body.
    const again = await submit(dossierBody({ ...EVALUATION, comment }), key);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.deepEqual(receipt(again), receipt(first));
  });

  test('page feedback: the same key and body get the same receipt and one row; another key stores another', async () => {
    const key = 'survey-key-page-000000001';
    const first = await submit(pageBody(), key);
    const again = await submit(pageBody(), key);
    assert.equal(first.statusCode, 201);
    assert.equal(again.statusCode, 201);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.deepEqual(receipt(again), receipt(first));
    assert.deepEqual((await stored('procedureCode=1.001193')).map((r) => r.id), [receipt(first).id]);

    const second = await submit(pageBody(), 'survey-key-page-000000002');
    assert.equal(second.statusCode, 201);
    assert.notEqual(receipt(second).id, receipt(first).id);
    assert.equal((await stored('procedureCode=1.001193')).length, 2);
  });

  test('the same key with another body is refused (422 idempotency_key_reused) and stores nothing', async () => {
    const key = 'survey-key-reused-00000001';
    assert.equal((await submit(pageBody({ useful: 1 }), key)).statusCode, 201);
    for (const other of [pageBody({ useful: 0 }), { ...pageBody(), procedureCode: undefined, pageUrl: 'http://localhost:8080/thu-tuc' }, dossierBody()]) {
      const res = await submit(other, key);
      assert.equal(res.statusCode, 422, JSON.stringify(other));
      assert.equal(code(res), 'idempotency_key_reused');
    }
    assert.equal((await stored('procedureCode=1.001193')).length, 1);
    assert.equal((await stored(byDossier)).length, 0);

    // The identity number counts too: the same evaluation for another applicant is another body.
    const dossierKey = 'survey-key-reused-00000002';
    assert.equal((await submit(dossierBody(), dossierKey)).statusCode, 201);
    const otherApplicant = await submit({ ...dossierBody(), applicantId: '001099000010' }, dossierKey);
    assert.equal(otherApplicant.statusCode, 422);
    assert.equal(code(otherApplicant), 'idempotency_key_reused');
  });

  test('without a key nothing changes: a repeated evaluation is 409, page feedback is stored each time, no replay header', async () => {
    const first = await submit(dossierBody());
    assert.equal(first.statusCode, 201);
    assert.equal(first.headers['idempotent-replayed'], undefined);
    const again = await submit(dossierBody());
    assert.equal(again.statusCode, 409);
    assert.equal(code(again), 'survey_already_submitted');
    assert.equal((await submit(pageBody())).statusCode, 201);
    assert.equal((await submit(pageBody())).statusCode, 201);
    assert.equal((await stored('procedureCode=1.001193')).length, 2);
    assert.equal((await stored(byDossier)).length, 1);
  });

  test('honeypot with a key: thanked, the replay gets the same receipt, nothing is ever stored', async () => {
    const key = 'survey-key-honeypot-000001';
    const bot = { ...dossierBody(), website: 'http://spam.example' };
    const first = await submit(bot, key);
    assert.equal(first.statusCode, 201);
    assert.match(receipt(first).id, /^srv_/);
    const again = await submit(bot, key);
    assert.equal(again.statusCode, 201);
    assert.deepEqual(receipt(again), receipt(first));
    assert.equal((await submit({ ...bot, website: 'http://other.example' }, key)).statusCode, 422);
    assert.equal((await stored(byDossier)).length, 0);
    assert.equal((await stored('')).length, 0);
    // The person's own evaluation is untouched by the bot's.
    assert.equal((await submit(dossierBody(), 'survey-key-honeypot-000002')).statusCode, 201);
    assert.equal((await stored(byDossier)).length, 1);
  });

  test('a refused submission does not use up its key: once the dossier is decided, the same key stores it', async () => {
    const created = await sandbox.app.inject({
      method: 'POST', url: '/api/v1/_sandbox/dossiers', payload: { procedureCode: '1.001193', applicantId: '001200000042', status: 'processing' },
    });
    const { code: dossierCode } = JSON.parse(created.body) as { code: string };
    const body = { ...dossierBody(), dossierCode, applicantId: '001200000042' };
    const key = 'survey-key-not-yet-0000001';
    const early = await submit(body, key);
    assert.equal(early.statusCode, 409);
    assert.equal(code(early), 'survey_not_available');
    assert.equal((JSON.parse(early.body) as { title: string }).title, 'This dossier is not finished yet: it can be evaluated once decided.');
    await sandbox.app.inject({ method: 'POST', url: `/api/v1/_sandbox/dossiers/${dossierCode}/status`, payload: { status: 'decided' } });
    const later = await submit(body, key);
    assert.equal(later.statusCode, 201);
    assert.equal(later.headers['idempotent-replayed'], 'false');
    assert.equal((await stored(`dossierCode=${encodeURIComponent(dossierCode)}`)).length, 1);
  });

  test('a dossier closed without a result is not one to evaluate "yet": 409 survey_closed', async () => {
    for (const status of ['rejected', 'withdrawn', 'stopped']) {
      const created = await sandbox.app.inject({
        method: 'POST', url: '/api/v1/_sandbox/dossiers', payload: { procedureCode: '1.001193', applicantId: '001200000043', status },
      });
      assert.equal(created.statusCode, 201, created.body);
      const { code: dossierCode } = JSON.parse(created.body) as { code: string };
      const refused = await submit({ ...dossierBody(), dossierCode, applicantId: '001200000043' });
      assert.equal(refused.statusCode, 409, status);
      assert.equal(code(refused), 'survey_closed');
    }
  });

  test('keys are per operation and kept until a reset; a malformed key is refused by the contract', async () => {
    const key = 'shared-key-payment-survey-1';
    const payment = await sandbox.app.inject({
      method: 'POST', url: '/api/v1/payments', headers: { 'idempotency-key': key },
      payload: { dossierCode: DEMO.paymentDue.code, applicantId: DEMO.paymentDue.applicantId, returnUrl: 'http://localhost:8080/return' },
    });
    assert.equal(payment.statusCode, 201);
    // A payment's key is not a survey's: no 422, no replay of a payment.
    const survey = await submit(pageBody(), key);
    assert.equal(survey.statusCode, 201);
    assert.equal(survey.headers['idempotent-replayed'], 'false');

    await sandbox.app.inject({ method: 'POST', url: '/api/v1/_sandbox/reset' });
    const afterReset = await submit(pageBody({ useful: 0 }), key);
    assert.equal(afterReset.statusCode, 201);
    assert.equal(afterReset.headers['idempotent-replayed'], 'false');

    for (const bad of ['short', 'has spaces in it, too long', 'x'.repeat(129)]) {
      const res = await submit(pageBody(), bad);
      assert.equal(res.statusCode, 400, bad);
      assert.ok((JSON.parse(res.body) as { errors: { path: string }[] }).errors.some((e) => e.path === '/headers/idempotency-key'));
    }
    assert.equal((await stored('procedureCode=1.001193')).length, 1);
  });

  test('fault drop-after-commit: stored, the answer lost (502); the retry with the same key gets the stored receipt', async () => {
    const arm = await sandbox.app.inject({ method: 'POST', url: '/api/v1/_sandbox/faults', payload: { operationId: 'submitSurvey', kind: 'drop-after-commit', times: 2 } });
    assert.equal(arm.statusCode, 201);
    const key = 'survey-key-dropped-0000001';
    const lost = await submit(dossierBody(), key);
    assert.equal(lost.statusCode, 502);
    assert.equal(lost.headers['content-type'], 'application/problem+json');
    assert.equal(lost.headers['x-dvc-sandbox-fault'], 'drop-after-commit');
    assert.equal(lost.headers['idempotent-replayed'], undefined);
    assert.equal(code(lost), 'internal_error');
    const rows = await stored(byDossier);
    assert.equal(rows.length, 1, 'stored although the answer was lost');
    // The fault's second time: a replay, its answer lost too, nothing stored again.
    assert.equal((await submit(dossierBody(), key)).statusCode, 502);
    const retry = await submit(dossierBody(), key);
    assert.equal(retry.statusCode, 201);
    assert.equal(retry.headers['idempotent-replayed'], 'true');
    assert.equal(receipt(retry).id, rows[0]!.id);
    assert.equal((await stored(byDossier)).length, 1);

    // Its status and Retry-After can be chosen, as for `status`.
    await sandbox.app.inject({ method: 'POST', url: '/api/v1/_sandbox/faults', payload: { operationId: 'submitSurvey', kind: 'drop-after-commit', status: 503, retryAfter: 2 } });
    const unavailable = await submit(pageBody(), 'survey-key-dropped-0000002');
    assert.equal(unavailable.statusCode, 503);
    assert.equal(unavailable.headers['retry-after'], '2');
    assert.equal(code(unavailable), 'service_unavailable');
    assert.equal((await stored('procedureCode=1.001193')).length, 1);
  });

  test('the stored responses are listed by dossier, procedure or page; the route is gone with admin off', async () => {
    await submit(pageBody());
    await submit({ formId: 'page-feedback', formVersion: 1, pageUrl: 'http://localhost:8080/huong-dan', answers: { useful: 0 } });
    await submit(dossierBody());
    assert.equal((await stored('')).length, 3);
    assert.deepEqual((await stored('pageUrl=http%3A%2F%2Flocalhost%3A8080%2Fhuong-dan')).map((r) => [r.kind, r.pageUrl, r.answers]), [
      ['page', 'http://localhost:8080/huong-dan', { useful: 0 }],
    ]);
    assert.deepEqual((await stored(byDossier)).map((r) => [r.kind, r.dossierCode]), [['dossier', DEMO.decided.code]]);
    const locked = await createTestSandbox({ adminRoutes: false });
    try {
      assert.equal((await locked.app.inject({ method: 'GET', url: '/api/v1/_sandbox/survey-responses' })).statusCode, 404);
    } finally {
      await locked.app.close();
    }
  });
});
