import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createDvcReportsClient, DvcApiError, DvcResponseError } from '@dvc-kit/sdk';
import { createApiKey } from '../../server/src/auth/api-keys.ts';
import { startSandbox } from '../../server/test/support/sandbox.ts';
import { unzip } from '../../server/test/support/xlsx-reader.ts';

const AGENCY = '000.00.20.H29';
const CODE = `${AGENCY}-250310-0001`;
const MARCH = { from: '2025-03-01', to: '2025-03-31' };

describe('reports client against the sandbox', () => {
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  let apiKey: string;
  let syncKey: string;

  before(async () => {
    sandbox = await startSandbox();
    const { storage } = sandbox.context;
    apiKey = (await createApiKey(storage, { scope: 'reports', agency: AGENCY })).key;
    syncKey = (await createApiKey(storage, { scope: 'sync', agency: AGENCY })).key;
    const created = await fetch(`${sandbox.baseUrl}/_sandbox/dossiers`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: CODE, procedureCode: '1.001193', applicantId: '001099012345', status: 'decided', agency: 'Một cửa, "Ba Đình"' }),
    });
    assert.equal(created.status, 201);
    await storage.run(`INSERT INTO survey_responses (id, form_id, form_version, kind, dossier_code, answers, submitted_at)
      VALUES ('srv_sdk', 'one-stop-evaluation', 1, 'dossier', ?, '{"contacts":2,"agencies":2,"one-stop":1,"attitude":2,"overall":1}', '2025-03-10T02:00:00.000Z')`, [CODE]);
    await storage.run(`INSERT INTO payments (id, dossier_code, state, lines, total, method, return_url, created_at, paid_at)
      VALUES ('pay_sdk', ?, 'paid', '[{"kind":"fee","description":"Lệ phí","amount":8000},{"kind":"charge","description":"Phí","amount":2000}]', 10000,
      'vnpay', 'http://localhost/', '2025-03-10T02:00:00.000Z', '2025-03-10T02:01:00.000Z')`, [CODE]);
  });
  after(() => sandbox.close());

  test('reports.surveys and reports.payments answer the figures, with the key as a bearer token', async () => {
    const reports = createDvcReportsClient({ baseUrl: sandbox.baseUrl, apiKey, retry: false });
    const surveys = await reports.surveys({ ...MARCH, groupBy: 'unit' });
    assert.equal(surveys.agency, AGENCY);
    assert.deepEqual(surveys.groups.map((g) => [g.code, g.name, g.evaluations]), [[AGENCY, 'Một cửa, "Ba Đình"', 1]]);
    assert.deepEqual(surveys.total.criteria.find((c) => c.id === 'overall'), {
      id: 'overall', answered: 1, distribution: [{ value: 2, count: 0 }, { value: 1, count: 1 }, { value: 0, count: 0 }],
      average: 1, satisfied: 1, satisfiedPercent: 100,
    });
    assert.equal((await reports.surveys(MARCH)).groupBy, 'procedure');
    const payments = await reports.payments(MARCH);
    assert.deepEqual(payments.states[0], { state: 'paid', count: 1, amount: 10000, byKind: [{ kind: 'charge', amount: 2000 }, { kind: 'fee', amount: 8000 }] });
  });

  test('the CSV comes as sent: byte order mark, CRLF, Vietnamese intact', async () => {
    const reports = createDvcReportsClient({ baseUrl: sandbox.baseUrl, apiKey, retry: false });
    const payments = await reports.paymentsCsv(MARCH);
    assert.ok(payments.startsWith('\uFEFFTrạng thái,Mã trạng thái,Số giao dịch,Phí (VND),Lệ phí (VND),Tổng tiền (VND)\r\n'), payments);
    assert.ok(payments.includes('\r\nĐã thanh toán,paid,1,2000,8000,10000\r\n'), payments);
    const surveys = await reports.surveysCsv({ ...MARCH, groupBy: 'unit' });
    assert.ok(surveys.startsWith('\uFEFFMã đơn vị tiếp nhận,Đơn vị xử lý,'), surveys);
    assert.ok(surveys.includes(`\r\n${AGENCY},"Một cửa, ""Ba Đình""",1,overall,`), surveys);
  });

  test('the workbook comes as bytes: an .xlsx archive whose sheet holds the period\'s figures', async () => {
    const reports = createDvcReportsClient({ baseUrl: sandbox.baseUrl, apiKey, retry: false });
    for (const bytes of [await reports.paymentsXlsx(MARCH), await reports.surveysXlsx({ ...MARCH, groupBy: 'unit' })]) {
      assert.ok(bytes instanceof Uint8Array);
      const files = unzip(Buffer.from(bytes));
      assert.ok(files.has('xl/workbook.xml'));
      assert.match(files.get('xl/worksheets/sheet1.xml')!, new RegExp(`đơn vị ${AGENCY.replaceAll('.', '\\.')}, từ ngày 01/03/2025 đến ngày 31/03/2025`));
    }
  });

  test('a server that answers the workbook\'s request with JSON (older than the SDK) is a DvcResponseError, not a file of JSON', async () => {
    const older = createDvcReportsClient({
      baseUrl: 'http://localhost/api/v1', apiKey, retry: false,
      fetch: async () => new Response('{"agency":"000.00.20.H29"}', { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' } }),
    });
    await assert.rejects(older.paymentsXlsx(MARCH), (error: unknown) => error instanceof DvcResponseError
      && /answered application\/json; charset=utf-8 where application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet was asked for/.test(error.message));
    await assert.rejects(older.surveysCsv(MARCH), (error: unknown) => error instanceof DvcResponseError && /where text\/csv was asked for/.test(error.message));
  });

  test('a wrong key, a sync key and a bad period are DvcApiError with the contract\'s codes', async () => {
    const expectProblem = (status: number, code: string, path?: string) => (error: unknown) => {
      assert.ok(error instanceof DvcApiError);
      assert.equal(error.status, status);
      assert.equal(error.code, code);
      if (path) assert.deepEqual(error.problem.errors?.map((e) => e.path), [path]);
      assert.equal(error.retryable, false);
      return true;
    };
    const base = { baseUrl: sandbox.baseUrl, retry: false as const };
    await assert.rejects(createDvcReportsClient({ ...base, apiKey: 'dvc_reports_unknown' }).payments(MARCH), expectProblem(401, 'api_key_invalid'));
    await assert.rejects(createDvcReportsClient({ ...base, apiKey: syncKey }).surveysCsv(MARCH), expectProblem(403, 'api_key_out_of_scope'));
    const reports = createDvcReportsClient({ ...base, apiKey });
    await assert.rejects(reports.surveys({ from: '2025-03-31', to: '2025-03-01' }), expectProblem(400, 'validation_failed', '/querystring/to'));
    // The message a developer logs says what was wrong, not only that something was.
    await assert.rejects(reports.surveys({ from: '2025-03-31', to: '2025-03-01' }),
      (error: unknown) => error instanceof DvcApiError && /^400 validation_failed: .+ to: .+\.$/.test(error.message) && error.message.includes(error.problem.detail!));
  });
});
