// The agency's reports (surveys, payments) over the API: seeded responses and payments for two
// agencies, at the edges of the period in Vietnam time, give exact figures; keys are checked as
// sync keys are; the CSV opens in Excel and reads back as the JSON's figures. Runs on both engines.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestSandbox, TEST_ENGINE } from './support/test-database.ts';
import type { Server } from '../src/index.ts';
import { createApiKey, revokeApiKey } from '../src/auth/api-keys.ts';
import { reportFile, reportFormat } from '../src/reports/answer.ts';
import { XLSX_TYPE, toXlsx } from '../src/reports/xlsx.ts';
import { sheetRows, unzip } from './support/xlsx-reader.ts';
import { parseXml } from '../../audit/test/support/xml.ts';
import { toCsv } from '../src/reports/csv.ts';
import { satisfiedFrom, surveyReport, surveyReportSheet } from '../src/reports/survey-report.ts';
import { DOSSIER_FORM, PAGE_FORM } from '../src/surveys/forms.ts';

/** Two agencies: one a whole segment shorter than the other, so a prefix alone would mix them. */
const AGENCY = '000.00.20.H29';
const SUB_UNIT = '000.00.20.H29.05';
const OTHER = '000.00.20.H2';
const BIRTH = '1.001193';
const CRIMINAL_RECORD = '3.000333';
const BIRTH_NAME = 'Thủ tục đăng ký khai sinh';
const CRIMINAL_RECORD_NAME = 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam, người Việt Nam đang cư trú ở nước ngoài';
/** A unit name with a comma and quotes, as a one-stop system may send it. */
const QUOTED_AGENCY = 'UBND phường "Ba Đình", Hà Nội';
const PERIOD = 'from=2025-03-01&to=2025-03-31';
/** The period's edges in UTC: 1 March 00:00 and 1 April 00:00 in Vietnam (UTC+7). */
const START = '2025-02-28T17:00:00.000Z';
const JUST_BEFORE_START = '2025-02-28T16:59:59.999Z';
const LAST_MOMENT = '2025-03-31T16:59:59.999Z';
const END = '2025-03-31T17:00:00.000Z';
/** When the one evaluation submitted through the API is made (the sandbox's clock). */
const API_NOW = new Date('2025-03-15T03:00:00.000Z');

type Answers = Record<string, number | string>;
const all = (score: number): Answers => ({ contacts: score, agencies: score, 'one-stop': score, attitude: score, online: score, overall: score });

describe('the agency\'s reports', () => {
  let server: Server;
  const keys = { agency: '', other: '', sync: '', revoked: '' };
  let serial = 0;

  /** A dossier of `unit` made through the sandbox's control (so with the catalogue's procedure name). */
  const dossier = async (unit: string, procedureCode: string, agency = 'Bộ phận Một cửa', status = 'decided', fees?: object[]) => {
    serial += 1;
    const code = `${unit}-250301-${String(serial).padStart(4, '0')}`;
    const applicantId = `0010990${String(serial).padStart(5, '0')}`;
    const res = await server.app.inject({
      method: 'POST', url: '/api/v1/_sandbox/dossiers',
      payload: { code, procedureCode, applicantId, status, agency, receivedAt: '2025-02-20T02:00:00.000Z', ...(fees ? { fees } : {}) },
    });
    assert.equal(res.statusCode, 201, res.body);
    return { code, applicantId };
  };
  const evaluation = async (dossierCode: string, answers: Answers, submittedAt: string) => {
    serial += 1;
    await server.context.storage.run(`INSERT INTO survey_responses (id, form_id, form_version, kind, dossier_code, answers, submitted_at)
      VALUES (?, 'one-stop-evaluation', 1, 'dossier', ?, ?, ?)`, [`srv_seed${serial}`, dossierCode, JSON.stringify(answers), submittedAt]);
  };
  const payment = async (dossierCode: string, state: string, lines: [string, number][], createdAt: string, paidAt: string | null = null) => {
    serial += 1;
    const rows = lines.map(([kind, amount]) => ({ kind, description: kind === 'fee' ? 'Lệ phí' : 'Phí', amount }));
    await server.context.storage.run(`INSERT INTO payments (id, dossier_code, state, lines, total, method, return_url, created_at, paid_at)
      VALUES (?, ?, ?, ?, ?, 'vnpay', 'http://localhost:8080/', ?, ?)`,
    [`pay_seed${serial}`, dossierCode, state, JSON.stringify(rows), rows.reduce((sum, l) => sum + l.amount, 0), createdAt, paidAt]);
  };

  before(async () => {
    server = await createTestSandbox({ rateLimits: {}, now: () => API_NOW });
    const { storage } = server.context;
    keys.agency = (await createApiKey(storage, { scope: 'reports', agency: AGENCY })).key;
    keys.other = (await createApiKey(storage, { scope: 'reports', agency: OTHER })).key;
    keys.sync = (await createApiKey(storage, { scope: 'sync', agency: AGENCY })).key;
    const revoked = await createApiKey(storage, { scope: 'reports', agency: AGENCY });
    keys.revoked = revoked.key;
    assert.equal(await revokeApiKey(storage, revoked.id), true);

    // Evaluations: four in the period for the agency (one on each edge, one through the API)...
    const e1 = await dossier(AGENCY, BIRTH);
    await evaluation(e1.code, all(2), START);
    const e2 = await dossier(SUB_UNIT, BIRTH, 'Tổ một cửa 05');
    await evaluation(e2.code, { contacts: 1, agencies: 2, 'one-stop': 0, attitude: 1, overall: 1, comment: 'Chờ lâu, cần cải thiện' }, '2025-03-10T02:00:00.000Z');
    const e3 = await dossier(AGENCY, CRIMINAL_RECORD, QUOTED_AGENCY);
    await evaluation(e3.code, { contacts: 0, agencies: 1, 'one-stop': 2, attitude: 2, online: 0, overall: 0 }, LAST_MOMENT);
    const e4 = await dossier(AGENCY, BIRTH, 'Bộ phận Một cửa (mới)');
    const submitted = await server.app.inject({
      method: 'POST', url: '/api/v1/surveys/responses',
      payload: { formId: 'one-stop-evaluation', formVersion: 1, dossierCode: e4.code, applicantId: e4.applicantId,
        answers: { contacts: 2, agencies: 2, 'one-stop': 2, attitude: 1, online: 1, overall: 2 } },
    });
    assert.equal(submitted.statusCode, 201, submitted.body);
    // ...and what must not count: just outside the period, the other agency's, page feedback.
    await evaluation((await dossier(AGENCY, BIRTH)).code, all(0), JUST_BEFORE_START);
    await evaluation((await dossier(AGENCY, BIRTH)).code, all(0), END);
    const theirs = await dossier(OTHER, CRIMINAL_RECORD, 'Một cửa H2');
    await evaluation(theirs.code, all(1), '2025-03-12T02:00:00.000Z');
    await storage.run(`INSERT INTO survey_responses (id, form_id, form_version, kind, procedure_code, answers, submitted_at)
      VALUES ('srv_page', 'page-feedback', 1, 'page', ?, '{"useful":0}', '2025-03-12T02:00:00.000Z')`, [BIRTH]);

    // Payments, on the day paid when paid (or refunded), else on the day started.
    const payer = async () => (await dossier(AGENCY, BIRTH, 'Bộ phận Một cửa', 'payment-due')).code;
    await payment(await payer(), 'paid', [['charge', 50_000], ['fee', 8_000]], '2025-02-28T16:00:00.000Z', START);
    await payment(await payer(), 'paid', [['fee', 100_000]], LAST_MOMENT, LAST_MOMENT);
    await payment(await payer(), 'paid', [['charge', 9_000]], '2025-03-31T16:00:00.000Z', END);
    await payment((await dossier(SUB_UNIT, BIRTH, 'Tổ một cửa 05', 'payment-due')).code, 'paid', [['fee', 12_000]], '2025-03-20T01:00:00.000Z', '2025-03-20T01:05:00.000Z');
    await payment(await payer(), 'pending', [['charge', 20_000]], '2025-03-05T03:00:00.000Z');
    // One started through the API (on the sandbox's clock), as a citizen starts it: pending.
    const due = await dossier(AGENCY, CRIMINAL_RECORD, 'Bộ phận Một cửa', 'payment-due',
      [{ kind: 'charge', description: 'Phí cung cấp thông tin', amount: 200_000 }, { kind: 'fee', description: 'Lệ phí', amount: 1_000 }]);
    const started = await server.app.inject({
      method: 'POST', url: '/api/v1/payments', headers: { 'idempotency-key': 'reports-test-payment-0001' },
      payload: { dossierCode: due.code, applicantId: due.applicantId, returnUrl: 'http://localhost:8080/thanh-toan' },
    });
    assert.equal(started.statusCode, 201, started.body);
    assert.equal(started.json().state, 'pending');
    await payment(await payer(), 'pending', [['charge', 21_000]], JUST_BEFORE_START);
    await payment(await payer(), 'failed', [['charge', 30_000], ['fee', 5_000]], '2025-03-06T03:00:00.000Z');
    await payment(await payer(), 'cancelled', [['fee', 8_000]], '2025-03-07T03:00:00.000Z');
    // Closed here, then paid at the gateway all the same (its notification came late): to refund.
    await payment(await payer(), 'cancelled', [['charge', 15_000]], '2025-03-09T03:00:00.000Z');
    await storage.run("UPDATE payments SET refund_due = '{}' WHERE id = ?", [`pay_seed${serial}`]);
    await payment(await payer(), 'refunded', [['charge', 40_000]], '2025-02-20T03:00:00.000Z', '2025-03-02T03:00:00.000Z');
    await payment((await dossier(OTHER, CRIMINAL_RECORD, 'Một cửa H2', 'payment-due')).code, 'paid', [['fee', 70_000]], '2025-03-12T02:00:00.000Z', '2025-03-12T02:01:00.000Z');

    // Fees lowered after they were paid (paid in February, so the states above stay as they are):
    // counted on the day lowered, in the period, while still owed back.
    const owed = [{ kind: 'charge', description: 'Phí', amount: 60_000 }, { kind: 'fee', description: 'Lệ phí', amount: 10_000 }];
    const lowered = [{ kind: 'charge', description: 'Phí', amount: 45_000 }, { kind: 'fee', description: 'Lệ phí', amount: 10_000 }];
    const paidThenRevised = async (unit: string, revisions: { fees: object[]; at: string }[]) => {
      const { code } = await dossier(unit, BIRTH, 'Bộ phận Một cửa', 'payment-due', owed);
      await payment(code, 'paid', [['charge', 60_000], ['fee', 10_000]], '2025-02-10T03:00:00.000Z', '2025-02-10T03:05:00.000Z');
      for (const { fees, at } of revisions) {
        const res = await server.app.inject({ method: 'POST', url: `/api/v1/_sandbox/dossiers/${code}/status`, payload: { status: 'processing', at, fees } });
        assert.equal(res.statusCode, 200, res.body);
      }
      return code;
    };
    // Lowered once in the period, then another line changed with the same amount owed back: its day stays.
    const counted = await paidThenRevised(AGENCY, [
      { fees: lowered, at: '2025-03-16T03:00:00.000Z' },
      { fees: [lowered[0]!, { ...lowered[1]!, description: 'Lệ phí cấp bản sao' }, { ...lowered[1]!, amount: 0 }], at: END },
    ]);
    assert.match((await storage.one<{ overpaid: string }>('SELECT overpaid FROM dossiers WHERE code = ?', [counted]))!.overpaid, /"at":"2025-03-16T03:00:00.000Z"/);
    await paidThenRevised(AGENCY, [{ fees: lowered, at: '2025-03-16T03:00:00.000Z' }, { fees: owed, at: '2025-03-17T03:00:00.000Z' }]);
    await paidThenRevised(AGENCY, [{ fees: lowered, at: JUST_BEFORE_START }]);
    await paidThenRevised(OTHER, [{ fees: lowered, at: '2025-03-16T03:00:00.000Z' }]);
  });
  after(() => server.app.close());

  const get = (path: string, key: string | null = keys.agency, accept?: string) => server.app.inject({
    method: 'GET', url: `/api/v1/reports/${path}`,
    headers: { ...(key === null ? {} : { authorization: `Bearer ${key}` }), ...(accept ? { accept } : {}) },
  });

  test('a missing, unknown or revoked key is 401 (Bearer); a sync key is 403', async () => {
    for (const path of [`surveys?${PERIOD}`, `payments?${PERIOD}`]) {
      for (const key of [null, 'dvc_reports_not-a-real-key', keys.revoked]) {
        const res = await get(path, key);
        assert.equal(res.statusCode, 401, res.body);
        assert.equal(res.headers['www-authenticate'], 'Bearer');
        assert.equal(res.json().code, 'api_key_invalid');
      }
      const wrongScope = await get(path, keys.sync);
      assert.equal(wrongScope.statusCode, 403, wrongScope.body);
      assert.equal(wrongScope.json().code, 'api_key_out_of_scope');
    }
    // The key first: a caller without one learns nothing of what the query should have been.
    const unkeyedBadQuery = await get('surveys?from=2025-02-30', null);
    assert.equal(unkeyedBadQuery.statusCode, 401, unkeyedBadQuery.body);
  });

  test('bad dates, a period backwards, longer than 366 days, before 2000 or not begun yet are 400 naming the parameter', async () => {
    const cases: [string, string][] = [
      ['from=2025-02-30&to=2025-03-31', '/querystring/from'],
      ['from=2025-03-01&to=31/03/2025', '/querystring/to'],
      ['to=2025-03-31', '/querystring/from'],
      ['from=2025-03-31&to=2025-03-01', '/querystring/to'],
      ['from=2024-01-01&to=2025-01-01', '/querystring/to'],
      // A year typed wrongly would answer zeros, which read as "nothing happened".
      ['from=0000-01-01&to=0000-01-31', '/querystring/from'],
      ['from=1999-12-01&to=2000-01-31', '/querystring/from'],
      ['from=9999-01-01&to=9999-01-31', '/querystring/from'],
      // The API's clock says 2025-03-15, 10:00 in Vietnam: the 16th has not begun.
      ['from=2025-03-16&to=2025-03-31', '/querystring/from'],
    ];
    for (const [query, path] of cases) {
      for (const report of ['surveys', 'payments']) {
        const res = await get(`${report}?${query}`);
        assert.equal(res.statusCode, 400, `${report}?${query}: ${res.body}`);
        assert.equal(res.json().code, 'validation_failed');
        assert.deepEqual(res.json().errors.map((e: { path: string }) => e.path), [path], `${report}?${query}`);
      }
    }
    assert.equal((await get('surveys?from=2025-03-01&to=2025-03-01&groupBy=agency')).statusCode, 400);
    // 366 days, a leap year's whole: accepted.
    assert.equal((await get('payments?from=2024-01-01&to=2024-12-31')).statusCode, 200);
    // Today begun, the month not over; the first day of 2000.
    assert.equal((await get('payments?from=2025-03-15&to=2025-03-31')).statusCode, 200);
    assert.equal((await get('surveys?from=2000-01-01&to=2000-01-31')).statusCode, 200);
  });

  test('a day that does not exist is 400 saying so, naming the parameter and the value', async () => {
    const cases: [string, 'from' | 'to', string][] = [
      ['from=2025-02-30&to=2025-03-31', 'from', '2025-02-30 does not exist (February 2025 has days 01 to 28)'],
      ['from=2025-02-29&to=2025-03-31', 'from', '2025-02-29 does not exist (February 2025 has days 01 to 28)'],
      ['from=2024-02-30&to=2024-03-31', 'from', '2024-02-30 does not exist (February 2024 has days 01 to 29)'],
      ['from=2025-03-01&to=2025-04-31', 'to', '2025-04-31 does not exist (April 2025 has days 01 to 30)'],
      ['from=2025-03-00&to=2025-03-31', 'from', '2025-03-00 does not exist (March 2025 has days 01 to 31)'],
      ['from=2025-13-01&to=2025-12-31', 'from', '2025-13-01 does not exist (a year has months 01 to 12)'],
      ['from=2025-03-01&to=2025-00-31', 'to', '2025-00-31 does not exist (a year has months 01 to 12)'],
    ];
    for (const [query, field, message] of cases) {
      for (const report of ['surveys', 'payments']) {
        const res = await get(`${report}?${query}`);
        assert.equal(res.statusCode, 400, `${report}?${query}: ${res.body}`);
        const problem = res.json();
        assert.equal(problem.code, 'validation_failed');
        assert.equal(problem.detail, `${field}: ${message}.`, `${report}?${query}`);
        assert.deepEqual(problem.errors, [{ path: `/querystring/${field}`, message }], `${report}?${query}`);
      }
    }
    // Not a date at all: the format it must have, as before.
    assert.deepEqual((await get('payments?from=2025-03-01&to=31/03/2025')).json().errors, [{ path: '/querystring/to', message: 'must match format "date"' }]);
  });

  test('survey results by procedure: counts, every score, averages and satisfied-or-better, exact', async () => {
    const res = await get(`surveys?${PERIOD}`);
    assert.equal(res.statusCode, 200, res.body);
    const report = res.json();
    assert.equal(report.agency, AGENCY);
    assert.deepEqual(report.period, { from: '2025-03-01', to: '2025-03-31' });
    assert.equal(report.groupBy, 'procedure');
    assert.deepEqual(report.form, { id: 'one-stop-evaluation', version: 1, otherVersions: 0 });
    assert.deepEqual(report.criteria.map((c: { id: string; satisfiedFrom: number }) => [c.id, c.satisfiedFrom]),
      [['contacts', 1], ['agencies', 1], ['one-stop', 1], ['attitude', 1], ['online', 1], ['overall', 1]]);
    assert.equal(report.criteria[5].label.vi, 'Mức độ hài lòng chung của Ông/Bà');
    assert.deepEqual(report.criteria[5].scale.map((s: { value: number; label: { vi: string } }) => [s.value, s.label.vi]),
      [[2, 'Rất hài lòng'], [1, 'Hài lòng'], [0, 'Không hài lòng']]);

    /** One criterion's figures: [id, answered, counts of 2 / 1 / 0, average, satisfied, per cent]. */
    const row = (id: string, answered: number, [two, one, zero]: number[], average: number | null, satisfied: number, satisfiedPercent: number | null) => ({
      id, answered, distribution: [{ value: 2, count: two }, { value: 1, count: one }, { value: 0, count: zero }], average, satisfied, satisfiedPercent,
    });
    assert.deepEqual(report.groups, [
      {
        code: BIRTH, name: BIRTH_NAME, evaluations: 3, criteria: [
          row('contacts', 3, [2, 1, 0], 1.67, 3, 100),
          row('agencies', 3, [3, 0, 0], 2, 3, 100),
          row('one-stop', 3, [2, 0, 1], 1.33, 2, 66.67),
          row('attitude', 3, [1, 2, 0], 1.33, 3, 100),
          row('online', 2, [1, 1, 0], 1.5, 2, 100),
          row('overall', 3, [2, 1, 0], 1.67, 3, 100),
        ],
      },
      {
        code: CRIMINAL_RECORD, name: CRIMINAL_RECORD_NAME, evaluations: 1, criteria: [
          row('contacts', 1, [0, 0, 1], 0, 0, 0),
          row('agencies', 1, [0, 1, 0], 1, 1, 100),
          row('one-stop', 1, [1, 0, 0], 2, 1, 100),
          row('attitude', 1, [1, 0, 0], 2, 1, 100),
          row('online', 1, [0, 0, 1], 0, 0, 0),
          row('overall', 1, [0, 0, 1], 0, 0, 0),
        ],
      },
    ]);
    assert.deepEqual(report.total, {
      evaluations: 4, criteria: [
        row('contacts', 4, [2, 1, 1], 1.25, 3, 75),
        row('agencies', 4, [3, 1, 0], 1.75, 4, 100),
        row('one-stop', 4, [3, 0, 1], 1.5, 3, 75),
        row('attitude', 4, [2, 2, 0], 1.5, 4, 100),
        row('online', 3, [1, 1, 1], 1, 2, 66.67),
        row('overall', 4, [2, 1, 1], 1.25, 3, 75),
      ],
    });
  });

  test('survey results by receiving unit: the unit that begins the dossier code, named by the agencies that processed its dossiers', async () => {
    const report = (await get(`surveys?${PERIOD}&groupBy=unit`)).json();
    assert.equal(report.groupBy, 'unit');
    // One evaluation each: the latest first. Not the latest alone, which would name all three by one dossier.
    assert.deepEqual(report.groups.map((g: { code: string; name: string; evaluations: number }) => [g.code, g.name, g.evaluations]),
      [[AGENCY, `${QUOTED_AGENCY}; Bộ phận Một cửa (mới); Bộ phận Một cửa`, 3], [SUB_UNIT, 'Tổ một cửa 05', 1]]);
    const overall = (group: { criteria: { id: string }[] }) => group.criteria.find((c) => c.id === 'overall');
    assert.deepEqual(overall(report.groups[0]), {
      id: 'overall', answered: 3, distribution: [{ value: 2, count: 2 }, { value: 1, count: 0 }, { value: 0, count: 1 }],
      average: 1.33, satisfied: 2, satisfiedPercent: 66.67,
    });
    assert.deepEqual(report.groups[1].criteria.find((c: { id: string }) => c.id === 'online'), {
      id: 'online', answered: 0, distribution: [{ value: 2, count: 0 }, { value: 1, count: 0 }, { value: 0, count: 0 }],
      average: null, satisfied: 0, satisfiedPercent: null,
    });
    assert.equal(report.total.evaluations, 4);
  });

  test('a receiving unit is named by its agencies, the most evaluated first: one dossier processed elsewhere does not rename it', async () => {
    for (const [agency, at] of [['UBND phường Ba Đình', '2025-02-05T02:00:00.000Z'], ['UBND phường Ba Đình', '2025-02-06T02:00:00.000Z'], ['Phòng Tư pháp', '2025-02-07T02:00:00.000Z']] as const) {
      await evaluation((await dossier(AGENCY, BIRTH, agency)).code, all(2), at);
    }
    const report = (await get('surveys?from=2025-02-01&to=2025-02-27&groupBy=unit')).json();
    assert.deepEqual(report.groups.map((g: { code: string; name: string; evaluations: number }) => [g.code, g.name, g.evaluations]),
      [[AGENCY, 'UBND phường Ba Đình; Phòng Tư pháp', 3]]);
    const byProcedure = (await get('surveys?from=2025-02-01&to=2025-02-27')).json();
    assert.equal(byProcedure.groups.length, 1);
    assert.equal(byProcedure.groups[0].code, BIRTH);
    // Many agencies: the first three, then how many more.
    for (const [agency, at] of [['Phòng Văn hóa', '2025-02-08T02:00:00.000Z'], ['Phòng Nội vụ', '2025-02-09T02:00:00.000Z'], ['Phòng Y tế', '2025-02-10T02:00:00.000Z']] as const) {
      await evaluation((await dossier(AGENCY, BIRTH, agency)).code, all(2), at);
    }
    const many = (await get('surveys?from=2025-02-01&to=2025-02-27&groupBy=unit')).json();
    assert.equal(many.groups[0].name, 'UBND phường Ba Đình; Phòng Y tế; Phòng Nội vụ và 2 đơn vị khác');
  });

  test('payments by state and fee kind: paid and refunded on the day paid, the others on the day started', async () => {
    const res = await get(`payments?${PERIOD}`);
    assert.equal(res.statusCode, 200, res.body);
    const state = (name: string, count: number, charge: number, fee: number) => ({
      state: name, count, amount: charge + fee, byKind: [{ kind: 'charge', amount: charge }, { kind: 'fee', amount: fee }],
    });
    assert.deepEqual(res.json(), {
      agency: AGENCY,
      period: { from: '2025-03-01', to: '2025-03-31' },
      states: [
        state('paid', 3, 50_000, 120_000),
        state('pending', 2, 220_000, 1_000),
        state('failed', 1, 30_000, 5_000),
        state('cancelled', 2, 15_000, 8_000),
        state('refunded', 1, 40_000, 0),
      ],
      // Split by kind as the states are: phí and lệ phí are refunded from different accounts.
      refundsDue: { count: 1, amount: 15_000, byKind: [{ kind: 'charge', amount: 15_000 }, { kind: 'fee', amount: 0 }] },
      // One dossier: lowered in the period and still owed back (not the one owing it again, the one
      // lowered before the period, nor the other agency's).
      overpaid: { count: 1, amount: 15_000, byKind: [{ kind: 'charge', amount: 15_000 }, { kind: 'fee', amount: 0 }] },
    });
  });

  test('a key sees only its agency\'s dossiers, on whole segments of the code', async () => {
    const surveys = (await get(`surveys?${PERIOD}&groupBy=unit`, keys.other)).json();
    assert.equal(surveys.agency, OTHER);
    assert.deepEqual(surveys.groups.map((g: { code: string; evaluations: number }) => [g.code, g.evaluations]), [[OTHER, 1]]);
    const payments = (await get(`payments?${PERIOD}`, keys.other)).json();
    assert.deepEqual(payments.states.filter((s: { count: number }) => s.count > 0).map((s: { state: string; count: number; amount: number }) => [s.state, s.count, s.amount]),
      [['paid', 1, 70_000]]);
    // A period with nothing in it: every state and score still listed, at zero.
    const empty = (await get('surveys?from=2025-01-01&to=2025-01-31')).json();
    assert.deepEqual([empty.groups, empty.total.evaluations, empty.total.criteria[0].distribution.map((d: { count: number }) => d.count)], [[], 0, [0, 0, 0]]);
  });

  test('CSV for Excel: BOM, CRLF, Vietnamese headers, quoting, the period in its last row; it reads back as the JSON\'s figures', async () => {
    for (const groupBy of ['procedure', 'unit']) {
      const json = (await get(`surveys?${PERIOD}&groupBy=${groupBy}`)).json();
      const res = await get(`surveys?${PERIOD}&groupBy=${groupBy}`, keys.agency, 'text/csv, application/json;q=0.5');
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8');
      assert.equal(res.headers['content-disposition'], 'attachment; filename="bao-cao-khao-sat-2025-03-01-2025-03-31.csv"');
      const bytes = res.rawPayload;
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark');
      const text = bytes.toString('utf8').slice(1);
      assert.ok(text.endsWith('\r\n') && !/[^\r]\n/.test(text), 'every line ends with CRLF');
      if (groupBy === 'unit') assert.ok(text.includes('"UBND phường ""Ba Đình"", Hà Nội; Bộ phận Một cửa (mới); Bộ phận Một cửa"'), 'quotes doubled, the field quoted');
      else assert.ok(text.includes(`"${CRIMINAL_RECORD_NAME}"`), 'a name with commas quoted');

      const [header, ...rows] = parseCsv(text);
      assert.deepEqual(header, [
        ...(groupBy === 'unit' ? ['Mã đơn vị tiếp nhận', 'Đơn vị xử lý'] : ['Mã thủ tục', 'Tên thủ tục']),
        'Số lượt đánh giá', 'Mã tiêu chí', 'Tiêu chí', 'Số lượt trả lời', 'Số lượt điểm 2', 'Số lượt điểm 1', 'Số lượt điểm 0',
        'Điểm trung bình', 'Số lượt hài lòng trở lên', 'Tỷ lệ hài lòng trở lên (%)',
      ]);
      const labels = new Map(json.criteria.map((c: { id: string; label: { vi: string } }) => [c.id, c.label.vi]));
      const expected = [...json.groups, { code: '', name: 'Tổng cộng', ...json.total }].flatMap((group) =>
        group.criteria.map((c: { id: string; answered: number; distribution: { count: number }[]; average: number | null; satisfied: number; satisfiedPercent: number | null }) => [
          group.code, group.name, String(group.evaluations), c.id, labels.get(c.id), String(c.answered),
          ...c.distribution.map((d) => String(d.count)),
          c.average === null ? '' : String(c.average), String(c.satisfied), c.satisfiedPercent === null ? '' : String(c.satisfiedPercent),
        ]));
      // After the total, what the file covers, in a row of the header's width: a CSV saved to disk keeps its period.
      const grouping = groupBy === 'unit' ? 'theo đơn vị tiếp nhận' : 'theo thủ tục';
      assert.deepEqual(rows.at(-1), ['Ghi chú', `Kết quả đánh giá mức độ hài lòng ${grouping}, đơn vị ${AGENCY}, từ ngày 01/03/2025 đến ngày 31/03/2025.`,
        ...Array<string>(header!.length - 2).fill('')]);
      assert.deepEqual(rows.slice(0, -1), expected);
      assert.equal(rows.length, (json.groups.length + 1) * 6 + 1);
    }

    const json = (await get(`payments?${PERIOD}`)).json();
    const res = await get(`payments?${PERIOD}`, keys.agency, 'text/csv');
    assert.equal(res.headers['content-disposition'], 'attachment; filename="bao-cao-thanh-toan-2025-03-01-2025-03-31.csv"');
    const [header, ...rows] = parseCsv(res.rawPayload.toString('utf8').replace(/^\uFEFF/, ''));
    assert.deepEqual(header, ['Trạng thái', 'Mã trạng thái', 'Số giao dịch', 'Phí (VND)', 'Lệ phí (VND)', 'Tổng tiền (VND)']);
    assert.deepEqual(rows, [
      ['Đã thanh toán', 'paid', '3', '50000', '120000', '170000'],
      ['Đang chờ thanh toán', 'pending', '2', '220000', '1000', '221000'],
      ['Không thành công', 'failed', '1', '30000', '5000', '35000'],
      ['Đã hủy', 'cancelled', '2', '15000', '8000', '23000'],
      ['Đã hoàn tiền', 'refunded', '1', '40000', '0', '40000'],
      ['Cần hoàn tiền (đã thu cho giao dịch đã đóng)', 'refund-due', '1', '15000', '0', '15000'],
      ['Nộp thừa do giảm phí, lệ phí sau khi đã nộp (số hồ sơ; hoàn hoặc bù trừ)', 'overpaid', '1', '15000', '0', '15000'],
      ['Ghi chú', `Thanh toán trực tuyến phí, lệ phí, đơn vị ${AGENCY}, từ ngày 01/03/2025 đến ngày 31/03/2025.`, '', '', '', ''],
    ]);
    assert.deepEqual(rows.slice(0, -3).map((r) => [r[1], Number(r[2]), Number(r[3]), Number(r[4]), Number(r[5])]),
      json.states.map((s: { state: string; count: number; amount: number; byKind: { amount: number }[] }) => [s.state, s.count, s.byKind[0]!.amount, s.byKind[1]!.amount, s.amount]));
    // The same rows in an Excel workbook: under a title, codes as text, figures as numbers.
    for (const [path, title] of [
      [`surveys?${PERIOD}`, `Kết quả đánh giá mức độ hài lòng theo thủ tục, đơn vị ${AGENCY}, từ ngày 01/03/2025 đến ngày 31/03/2025`],
      [`payments?${PERIOD}`, `Thanh toán trực tuyến phí, lệ phí, đơn vị ${AGENCY}, từ ngày 01/03/2025 đến ngày 31/03/2025`],
    ] as const) {
      const asCsv = parseCsv((await get(path, keys.agency, 'text/csv')).rawPayload.toString('utf8').replace(/^\uFEFF/, ''));
      const workbook = await get(path, keys.agency, `${XLSX_TYPE}, application/json;q=0.5`);
      assert.equal(workbook.headers['content-type'], XLSX_TYPE);
      assert.equal(workbook.headers['content-disposition'], `attachment; filename="bao-cao-${path.startsWith('surveys') ? 'khao-sat' : 'thanh-toan'}-2025-03-01-2025-03-31.xlsx"`);
      const [first, ...table] = sheetRows(unzip(workbook.rawPayload).get('xl/worksheets/sheet1.xml')!);
      assert.deepEqual(first, [{ text: title, type: 'string' }]);
      // The period the CSV says in its last row, the workbook says in its title.
      assert.deepEqual(asCsv.at(-1)!.slice(0, 2), ['Ghi chú', `${title}.`]);
      // The CSV's empty cells at the end of a row are no cells at all in the sheet.
      const trimmed = (row: string[]) => row.slice(0, row.findLastIndex((cell) => cell !== '') + 1);
      assert.deepEqual(table.map((row) => row.map((cell) => cell?.text ?? '')), asCsv.slice(0, -1).map(trimmed), path);
      for (const row of table.slice(1)) {
        assert.equal(row[0]?.type ?? 'string', 'string', `${path}: a code is text (${row[0]?.text})`);
        assert.equal(row[2]?.type, 'number', `${path}: a count is a number`);
      }
    }
    // JSON unless CSV comes first.
    assert.match(String((await get(`payments?${PERIOD}`, keys.agency, 'application/json, text/csv')).headers['content-type']), /^application\/json/);
    assert.match(String((await get(`payments?${PERIOD}`, keys.agency, 'text/*')).headers['content-type']), /^text\/csv/);
  });

  test('an Accept header that wants none of JSON, CSV or the workbook is 406, a problem naming the three', async () => {
    for (const path of [`surveys?${PERIOD}`, `payments?${PERIOD}`]) {
      for (const accept of ['application/pdf', 'text/html', 'text/html, application/xhtml+xml', 'text/csv;q=0', `image/*, ${XLSX_TYPE};q=0`]) {
        const res = await get(path, keys.agency, accept);
        assert.equal(res.statusCode, 406, `${path} ${accept}: ${res.body}`);
        assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
        const problem = res.json();
        assert.deepEqual([problem.status, problem.code, problem.instance], [406, 'not_acceptable', `/api/v1/reports/${path.split('?')[0]}`]);
        assert.equal(problem.detail, `This report is sent as JSON (application/json), CSV (text/csv) or an Excel workbook (${XLSX_TYPE}): the Accept header asks for none of them.`);
        assert.deepEqual(problem.errors, [{ path: '/headers/accept', message: `must accept application/json, text/csv or ${XLSX_TYPE}` }]);
      }
      // Anything, nothing said, or a type it has among others: answered.
      for (const [accept, type] of [[undefined, 'application/json'], ['*/*', 'application/json'], ['text/html, */*;q=0.1', 'application/json'],
        ['text/html, application/json;q=0.9', 'application/json'], ['application/pdf, text/*;q=0.5', 'text/csv'], [`application/json;q=0, */*`, 'text/csv']] as const) {
        const res = await get(path, keys.agency, accept);
        assert.equal(res.statusCode, 200, `${path} ${accept}: ${res.body}`);
        assert.equal(String(res.headers['content-type']).split(';')[0], type, `${path} ${accept}`);
      }
    }
    // The key first: a caller without one learns nothing of what the report can be sent as.
    assert.equal((await get(`payments?${PERIOD}`, null, 'application/pdf')).statusCode, 401);
  });

  // Last: it stores an evaluation on another version of the form.
  test('a new version of the form: only its own evaluations are scored, on its own scales; the others are counted apart and said in the file', async () => {
    const fiveLevels = [5, 4, 3, 2, 1].map((value) => ({ value, label: { vi: `Mức ${value}`, en: `Level ${value}` } }));
    const version2 = { ...DOSSIER_FORM, version: 2, questions: DOSSIER_FORM.questions.map((q) => (q.id === 'overall' ? { ...q, scale: fiveLevels } : q)) };
    const { code } = await dossier(AGENCY, BIRTH);
    serial += 1;
    await server.context.storage.run(`INSERT INTO survey_responses (id, form_id, form_version, kind, dossier_code, answers, submitted_at)
      VALUES (?, 'one-stop-evaluation', 2, 'dossier', ?, ?, '2025-03-20T02:00:00.000Z')`, [`srv_seed${serial}`, code, JSON.stringify({ ...all(2), overall: 4 })]);
    const query = { agency: AGENCY, from: '2025-03-01', to: '2025-03-31', groupBy: 'procedure' as const };

    const current = await surveyReport(server.context.storage, query, [version2, PAGE_FORM]);
    assert.deepEqual(current.form, { id: 'one-stop-evaluation', version: 2, otherVersions: 4 });
    assert.equal(current.total.evaluations, 1);
    const overall = current.total.criteria.find((c) => c.id === 'overall')!;
    assert.deepEqual(overall.distribution, [5, 4, 3, 2, 1].map((value) => ({ value, count: value === 4 ? 1 : 0 })));
    assert.deepEqual([overall.average, overall.satisfiedPercent], [4, 100]);

    // The version before, as a server that has not upgraded reports it: its four, the new one apart.
    const before = await surveyReport(server.context.storage, query);
    assert.deepEqual([before.form, before.total.evaluations], [{ id: 'one-stop-evaluation', version: 1, otherVersions: 1 }, 4]);
    assert.equal(before.total.criteria.find((c) => c.id === 'overall')!.satisfiedPercent, 75);
    const note = 'Không tính 4 lượt đánh giá theo phiên bản khác của mẫu phiếu (báo cáo tính theo phiên bản 2).';
    const sheet = surveyReportSheet(current);
    assert.deepEqual(sheet.notes, [note]);
    assert.deepEqual(surveyReportSheet({ ...current, form: { ...current.form, otherVersions: 0 } }).notes, []);
    // The CSV: the notes last, the period's then this one, in rows of the header's width that no
    // reader takes for a group or the total.
    const csv = parseCsv(String(reportFile('csv', sheet)).slice(1));
    assert.deepEqual(csv.at(-1), ['Ghi chú', note, ...Array<string>(csv[0]!.length - 2).fill('')]);
    assert.deepEqual(csv.at(-2)!.slice(0, 2), ['Ghi chú', `${sheet.title}.`]);
    assert.equal(csv.at(-3)![1], 'Tổng cộng');
    // The workbook: the note under the table, a row apart, outside its filter.
    const sheetXml = unzip(reportFile('xlsx', sheet) as Buffer).get('xl/worksheets/sheet1.xml')!;
    const tableEnds = 1 + sheet.rows.length;
    assert.match(sheetXml, new RegExp(`<autoFilter ref="A2:[A-Z]+${tableEnds}"/>`));
    assert.match(sheetXml, new RegExp(`<row r="${tableEnds + 1}"></row><row r="${tableEnds + 2}"><c r="A${tableEnds + 2}" t="inlineStr"><is><t xml:space="preserve">${note.replace(/[()]/g, '\\$&')}</t>`));
  });
});

/** Rules that touch no database: defined on the SQLite pass only (the same on every engine). */
const describeOnce = TEST_ENGINE === 'sqlite' ? describe : () => undefined;

describeOnce('report rules', () => {
  test('satisfied or better: the two best levels of three or more, the best of two', () => {
    assert.equal(satisfiedFrom([{ value: 2 }, { value: 1 }, { value: 0 }]), 1);
    assert.equal(satisfiedFrom([{ value: 1 }, { value: 5 }, { value: 3 }, { value: 2 }, { value: 4 }]), 4);
    assert.equal(satisfiedFrom([{ value: 1 }, { value: 0 }]), 1);
  });

  test('Accept: CSV or the workbook when wanted more (q, then order; text/* is CSV), JSON otherwise, none when it wants none of them', () => {
    const csv = ['text/csv', 'text/*', 'text/csv, application/json', 'application/json;q=0.5, text/csv',
      'TEXT/CSV; charset=utf-8', 'text/*, */*;q=0.1', 'application/json;q=0.9, text/*;q=1.0', `text/csv, ${XLSX_TYPE}`];
    const json = [undefined, '', '*/*', 'application/json', 'application/json, text/csv', 'text/csv;q=0.5, application/json',
      'application/*, text/csv;q=0.8', 'text/csv;q=abc, application/json', 'application/*',
      `${XLSX_TYPE};q=0.5, application/json`, 'text/html, */*;q=0.1', 'application/json; charset=utf-8'];
    const xlsx = [XLSX_TYPE, `${XLSX_TYPE}, text/csv`, `${XLSX_TYPE}, application/json;q=0.9`, `application/json;q=0.1, ${XLSX_TYPE}`];
    // Nothing the report has: refused (406), not answered in a type the client said it cannot take.
    const none = ['text/html', 'application/pdf', 'text/csv;q=0', 'application/problem+json', '*/*;q=0', 'text/csv;q=abc', 'image/*, application/json;q=0'];
    for (const [format, accepts] of [['csv', csv], ['json', json], ['xlsx', xlsx], [undefined, none]] as const) {
      for (const accept of accepts) assert.equal(reportFormat(accept), format, String(accept));
    }
  });

  test('the workbook: a valid archive of well-formed parts; text stays text (no formula, no control character), numbers are numbers', () => {
    const files = unzip(toXlsx('Tiêu đề <A & B>', [['Mã', 'Số'], ['2.001610', 8000], ['=SUM(A1:A2)', 1.25], ['a\u0001b', null], ['-1', -3], ['hai\ndòng', 0]]));
    assert.deepEqual([...files.keys()], ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/worksheets/sheet1.xml']);
    // Every part well-formed XML (parseXml throws otherwise).
    for (const [name, text] of files) assert.ok(parseXml(text).name, name);
    const s = (text: string) => ({ text, type: 'string' });
    const n = (text: string) => ({ text, type: 'number' });
    assert.deepEqual(sheetRows(files.get('xl/worksheets/sheet1.xml')!), [
      [s('Tiêu đề <A & B>')], [s('Mã'), s('Số')], [s('2.001610'), n('8000')], [s('=SUM(A1:A2)'), n('1.25')], [s('ab')], [s('-1'), n('-3')],
      [s('hai\ndòng'), n('0')],
    ]);
    assert.match(files.get('xl/worksheets/sheet1.xml')!, /<autoFilter ref="A2:B7"\/>/);
    // Numbers shown with a thousands separator (the reader's own): whole, or to two places in a column
    // that holds a fraction anywhere (8000 reads "8,000.00" beside 1.25).
    assert.match(files.get('xl/worksheets/sheet1.xml')!, /<c r="B3" s="3"><v>8000<\/v><\/c>.*<c r="B4" s="3"><v>1.25<\/v><\/c>/);
    const whole = unzip(toXlsx('', [['Số tiền'], [258000], [3]])).get('xl/worksheets/sheet1.xml')!;
    assert.match(whole, /<c r="A3" s="2"><v>258000<\/v><\/c>.*<c r="A4" s="2"><v>3<\/v><\/c>/);
    const styles = parseXml(files.get('xl/styles.xml')!).children.find((node) => node.name === 'cellXfs')!.children;
    assert.deepEqual([styles[2]!.attributes['numFmtId'], styles[3]!.attributes['numFmtId']], ['3', '4']);
    assert.match(files.get('xl/workbook.xml')!, /<sheet name="Báo cáo" sheetId="1" r:id="rId1"\/>/);
    assert.throws(() => toXlsx('', [[Number.POSITIVE_INFINITY]]), RangeError);
  });

  test('CSV cells: quoted when needed, formulas kept as text, numbers plain', () => {
    const csv = toCsv([['a,b', 'say "hi"', 'line\nbreak', '=SUM(A1:A2)', '-1', '@x', 'Hà Nội', null], [1.25, 170000, 0, -3]]);
    assert.equal(csv, '\uFEFF"a,b","say ""hi""","line\nbreak",\'=SUM(A1:A2),\'-1,\'@x,Hà Nội,\r\n1.25,170000,0,-3\r\n');
    assert.deepEqual(parseCsv(csv.slice(1)), [['a,b', 'say "hi"', 'line\nbreak', "'=SUM(A1:A2)", "'-1", "'@x", 'Hà Nội', ''], ['1.25', '170000', '0', '-3']]);
    assert.throws(() => toCsv([[Number.NaN]]), RangeError);
  });
});

/** An RFC 4180 reader, written apart from the writer so the round trip proves something. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        cell += char;
      }
    } else if (char === '"' && cell === '') {
      quoted = true;
    } else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else {
      assert.ok(char !== '"' && char !== '\n' && char !== '\r', `a bare ${JSON.stringify(char)} outside quotes at ${i}`);
      cell += char;
    }
  }
  assert.equal(cell + row.join(''), '', 'the document ends with CRLF');
  return rows;
}
