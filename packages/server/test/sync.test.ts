import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createTestSandbox } from './support/test-database.ts';
import type { Server } from '../src/index.ts';
import { createApiKey, revokeApiKey } from '../src/auth/api-keys.ts';
import { formatVnTimestamp } from '../src/calendar/vn-timestamp.ts';
import { findPayment } from '../src/payments/payment-row.ts';
import { settle } from '../src/payments/settlement.ts';

const APPLICANT = '001089012345';
const CODE = '000.00.15.H26-250714-0042';

/** A DongBoHoSoMC record as a provincial one-stop system sends it: every value a string. */
function dossierRecord(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    MaHoSo: CODE,
    MaTTHC: '1.001193',
    TenTTHC: 'Đăng ký khai sinh',
    SoGiayToChuHoSo: APPLICANT,
    DinhDanhCHS: [{ LoaiDinhDanh: '1', SoDinhDanh: APPLICANT }],
    TrichYeuHoSo: 'Đăng ký khai sinh cho con',
    NgayTiepNhan: '20250714091500',
    NgayHenTra: '20250716170000',
    TrangThaiHoSo: '4',
    DonViXuLy: 'UBND phường Ba Đình',
    DanhSachLePhi: [{ TenPhiLePhi: 'Lệ phí đăng ký khai sinh', Gia: '8000', LoaiPhiLePhi: '1' }],
    ...overrides,
  };
}

function progressRecord(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    MaHoSo: CODE,
    NguoiXuLy: 'Trần Thị Bình',
    ChucDanh: 'Công chức Tư pháp - Hộ tịch',
    ThoiDiemXuLy: '20250715103000',
    PhongBanXuLy: 'Bộ phận Tư pháp - Hộ tịch',
    NoiDungXuLy: 'Thẩm định hồ sơ',
    TrangThai: '4',
    ...overrides,
  };
}

describe('the one-stop system pushes dossiers and progress', () => {
  let server: Server;
  let syncKey: string;
  let reportsKey: string;
  let revokedKey: string;
  const logLines: string[] = [];

  before(async () => {
    server = await createTestSandbox({
      rateLimits: {},
      logger: { level: 'info', stream: new Writable({ write(chunk, _encoding, done) { logLines.push(String(chunk)); done(); } }) },
    });
    const { storage } = server.context;
    syncKey = (await createApiKey(storage, { scope: 'sync', agency: '000.00.15.H26', label: 'Một cửa Ba Đình' })).key;
    reportsKey = (await createApiKey(storage, { scope: 'reports', agency: '000.00.15.H26' })).key;
    const revoked = await createApiKey(storage, { scope: 'sync', agency: '000.00.15.H26' });
    revokedKey = revoked.key;
    assert.equal(await revokeApiKey(storage, revoked.id), true);
  });
  after(() => server.app.close());

  const push = (path: 'dossiers' | 'progress', body: unknown, key: string | null = syncKey) => server.app.inject({
    method: 'POST', url: `/api/v1/sync/${path}`, payload: body as object,
    headers: key === null ? {} : { authorization: `Bearer ${key}` },
  });
  const lookup = (code = CODE, applicantId = APPLICANT) =>
    server.app.inject({ method: 'POST', url: '/api/v1/dossiers/lookup', payload: { code, applicantId } });
  /** Asks for a payment of the dossier as a citizen's widget does (the identity number in the body). */
  const requestPayment = (code: string, key: string, extra: Record<string, unknown> = {}) => server.app.inject({
    method: 'POST', url: '/api/v1/payments', headers: { 'idempotency-key': key },
    payload: { dossierCode: code, applicantId: APPLICANT, returnUrl: 'http://localhost:8080/nop-phi', ...extra },
  });
  /** The gateway's word that the payment was paid, applied as the server applies a notification. */
  const confirmPaid = async (paymentId: string, transactionNo: string) =>
    settle(server.context, (await findPayment(server.context.storage, paymentId))!, { state: 'paid', transactionNo, detail: 'test' }, 'ipn');
  const dossierCount = async () => (await server.context.storage.one<{ n: number }>('SELECT count(*) AS n FROM dossiers'))!.n;

  test('a missing, unknown or revoked key is 401 (Bearer); a reports key is 403; nothing is written', async () => {
    const before = await dossierCount();
    for (const key of [null, 'dvc_sync_not-a-real-key', revokedKey]) {
      const res = await push('dossiers', { data: [dossierRecord()] }, key);
      assert.equal(res.statusCode, 401, res.body);
      assert.equal(res.headers['www-authenticate'], 'Bearer');
      assert.equal(res.json().code, 'api_key_invalid');
    }
    const wrongScope = await push('progress', { data: [progressRecord()] }, reportsKey);
    assert.equal(wrongScope.statusCode, 403, wrongScope.body);
    assert.equal(wrongScope.json().code, 'api_key_out_of_scope');
    assert.equal(await dossierCount(), before);
  });

  test('the key is judged before the body is parsed: without one, a batch too large, malformed or invalid is 401 all the same', async () => {
    const bodies: [string, string][] = [
      ['too large', JSON.stringify({ data: [dossierRecord({ ThongTinKhac: 'x'.repeat(1024 * 1024) })] })],
      ['malformed', '{"data": ['],
      ['invalid', JSON.stringify({ isUpdating: 'yes', data: 'none' })],
    ];
    for (const [what, payload] of bodies) {
      for (const [key, status, code] of [['dvc_sync_not-a-real-key', 401, 'api_key_invalid'], [reportsKey, 403, 'api_key_out_of_scope']] as const) {
        const res = await server.app.inject({
          method: 'POST', url: '/api/v1/sync/dossiers', payload,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        });
        assert.equal(res.statusCode, status, `${what}: ${res.body}`);
        assert.equal(res.json().code, code, what);
      }
    }
  });

  test('a new dossier is created, found by its applicant, and the same record again changes nothing', async () => {
    const first = await push('dossiers', { isUpdating: 'False', data: [dossierRecord()] });
    assert.equal(first.statusCode, 200, first.body);
    assert.deepEqual(first.json(), { results: [{ index: 0, dossierCode: CODE, outcome: 'created', errors: [] }], accepted: 1, rejected: 0 });
    const found = await lookup();
    assert.equal(found.statusCode, 200, found.body);
    const dossier = found.json();
    assert.equal(dossier.status, 'processing');
    assert.equal(dossier.procedure.name, 'Đăng ký khai sinh');
    assert.equal(dossier.receivedAt, '2025-07-14T09:15:00+07:00');
    assert.equal(dossier.dueAt, '2025-07-16T17:00:00+07:00');
    assert.equal(dossier.payment.total, 8000);
    assert.equal((await lookup(CODE, '001089099999')).statusCode, 404, 'another identity number finds nothing');

    const again = await push('dossiers', { isUpdating: 'True', data: [dossierRecord()] });
    assert.equal(again.json().results[0].outcome, 'unchanged');
    const moved = await push('dossiers', { isUpdating: true, data: [dossierRecord({ TrangThaiHoSo: '9', NgayKetThucXuLy: '20250715090000' })] });
    assert.equal(moved.json().results[0].outcome, 'updated');
    const decided = (await lookup()).json();
    assert.equal(decided.status, 'decided');
    assert.equal(decided.completedAt, '2025-07-15T09:00:00+07:00');
    assert.equal(decided.timeliness.state, 'early');
  });

  test('the identity number is kept only as a keyed digest, and never logged', async () => {
    const tables = ['dossiers', 'dossier_history'];
    for (const table of tables) {
      const rows = await server.context.storage.all<Record<string, unknown>>(`SELECT * FROM ${table}`);
      assert.ok(!JSON.stringify(rows).includes(APPLICANT), `${table} holds the identity number`);
    }
    assert.ok(logLines.length > 0);
    assert.ok(!logLines.join('').includes(APPLICANT), 'a log line holds the identity number');
    assert.ok(!logLines.join('').includes(syncKey), 'a log line holds the key');
  });

  test('each record answers on its own: bad fields named, another agency refused, the good one stored', async () => {
    const res = await push('dossiers', {
      data: [
        dossierRecord({ MaHoSo: '000.00.15.H26-250714-0043', NgayTiepNhan: '20251332000000', TrangThaiHoSo: '42' }),
        dossierRecord({ MaHoSo: '000.00.16.H26-250714-0001' }),
        dossierRecord({ MaHoSo: '000.00.15.H26-250714-0044' }),
      ],
    });
    assert.equal(res.statusCode, 200, res.body);
    const { results, accepted, rejected } = res.json();
    assert.deepEqual([accepted, rejected], [1, 2]);
    assert.equal(results[0].outcome, 'rejected');
    assert.deepEqual(results[0].errors.map((e: { field: string }) => e.field).sort(), ['NgayTiepNhan', 'TrangThaiHoSo']);
    assert.deepEqual(results[1].errors.map((e: { code: string }) => e.code), ['agency_out_of_scope']);
    assert.equal(results[2].outcome, 'created');
    assert.equal((await lookup('000.00.15.H26-250714-0043')).statusCode, 404);
    assert.equal((await lookup('000.00.16.H26-250714-0001')).statusCode, 404);
    assert.equal((await lookup('000.00.15.H26-250714-0044')).statusCode, 200);
  });

  test('a record not marked as an update cannot take over another applicant\'s dossier', async () => {
    const other = dossierRecord({ SoGiayToChuHoSo: '001089054321', DinhDanhCHS: [{ LoaiDinhDanh: '1', SoDinhDanh: '001089054321' }] });
    const res = await push('dossiers', { isUpdating: 'False', data: [other] });
    assert.deepEqual(res.json().results[0].errors.map((e: { code: string }) => e.code), ['dossier_exists']);
    assert.equal((await lookup()).statusCode, 200, 'the applicant still finds the dossier');
    assert.equal((await lookup(CODE, '001089054321')).statusCode, 404);
  });

  test('progress steps land in the history once; the newest moves the status; unknown dossiers are named', async () => {
    const steps = [
      progressRecord(),
      progressRecord({ ThoiDiemXuLy: '20250716160000', NoiDungXuLy: 'Trả kết quả', TrangThai: '10', PhongBanXuLy: '' }),
      progressRecord({ MaHoSo: '000.00.15.H26-250714-0999' }),
    ];
    const first = await push('progress', { data: steps });
    assert.equal(first.statusCode, 200, first.body);
    assert.deepEqual(first.json().results.map((r: { outcome: string }) => r.outcome), ['created', 'created', 'rejected']);
    assert.deepEqual(first.json().results[2].errors.map((e: { code: string }) => e.code), ['dossier_not_found']);
    const again = await push('progress', { data: steps.slice(0, 2) });
    assert.deepEqual(again.json().results.map((r: { outcome: string }) => r.outcome), ['unchanged', 'unchanged']);
    const retitled = await push('progress', { data: [progressRecord({ ChucDanh: 'Phó Chủ tịch UBND phường' })] });
    assert.equal(retitled.json().results[0].outcome, 'updated');

    const dossier = (await lookup()).json();
    assert.equal(dossier.status, 'result-delivered');
    const synced = dossier.history.filter((h: { action: string }) => ['Thẩm định hồ sơ', 'Trả kết quả'].includes(h.action));
    assert.deepEqual(synced.map((h: { action: string; unit: string; officerTitle?: string }) => [h.action, h.unit, h.officerTitle]), [
      ['Thẩm định hồ sơ', 'Bộ phận Tư pháp - Hộ tịch', 'Phó Chủ tịch UBND phường'],
      ['Trả kết quả', 'UBND phường Ba Đình', 'Công chức Tư pháp - Hộ tịch'],
    ]);
  });

  test('a fee changed while a payment is open closes that payment: the old amount is never confirmed, the new one is due', async () => {
    const code = '000.00.15.H26-250714-0043';
    const owed = (amount: string) => dossierRecord({ MaHoSo: code, TrangThaiHoSo: '6', DanhSachLePhi: [{ TenPhiLePhi: 'Lệ phí', Gia: amount, LoaiPhiLePhi: '1' }] });
    assert.equal((await push('dossiers', { data: [owed('40000')] })).json().results[0].outcome, 'created');
    const pay = (key: string, expectedAmount: number) => requestPayment(code, key, { expectedAmount });
    const opened = await pay('fee-change-0000000001', 40_000);
    assert.equal(opened.statusCode, 201, opened.body);
    assert.equal(opened.json().state, 'pending');

    assert.equal((await push('dossiers', { data: [owed('60000')] })).json().results[0].outcome, 'updated');
    const old = (await server.app.inject({ method: 'GET', url: `/api/v1/payments/${opened.json().id}` })).json();
    assert.deepEqual([old.state, old.failureCode], ['cancelled', 'superseded'], 'closed here: its gateway\'s "paid" is refused and marked for refund');
    const dossier = (await lookup(code)).json();
    assert.deepEqual([dossier.payment.state, dossier.payment.total], ['cancelled', 60_000]);
    assert.equal((await pay('fee-change-0000000002', 60_000)).statusCode, 201, 'the new amount can be paid');
    assert.ok(logLines.some((line) => line.includes('open payments closed: the agency changed the fees')));
    // The same fees again close nothing.
    assert.equal((await push('dossiers', { data: [owed('60000')] })).json().results[0].outcome, 'unchanged');
  });

  test('progress steps of one dossier sent at once: the status follows the newest, and sending it again puts a stale one right', async () => {
    const codes = Array.from({ length: 12 }, (_, i) => `000.00.15.H26-250801-${String(i + 1).padStart(4, '0')}`);
    await push('dossiers', { data: codes.map((code) => dossierRecord({ MaHoSo: code })) });
    const earlier = (code: string) => progressRecord({ MaHoSo: code, ThoiDiemXuLy: '20250802090000', TrangThai: '4' });
    const later = (code: string) => progressRecord({ MaHoSo: code, ThoiDiemXuLy: '20250803090000', NoiDungXuLy: 'Ký duyệt kết quả', TrangThai: '9' });
    await Promise.all(codes.flatMap((code) => [push('progress', { data: [earlier(code)] }), push('progress', { data: [later(code)] })]));
    for (const code of codes) assert.equal((await lookup(code)).json().status, 'decided', code);

    // A status left behind (as an earlier race could leave it): the newest step sent again mends it.
    await server.context.storage.run("UPDATE dossiers SET status = 'processing' WHERE code = ?", [codes[0]!]);
    const mended = await push('progress', { data: [later(codes[0]!)] });
    assert.equal(mended.json().results[0].outcome, 'updated');
    assert.equal((await lookup(codes[0])).json().status, 'decided');
    assert.equal((await push('progress', { data: [later(codes[0]!)] })).json().results[0].outcome, 'unchanged');
  });

  test('a step dated more than a day ahead (a mistyped year) is refused, naming the field', async () => {
    const res = await push('progress', { data: [progressRecord({ ThoiDiemXuLy: '20621202100000' })] });
    assert.equal(res.json().results[0].outcome, 'rejected');
    assert.deepEqual(res.json().results[0].errors.map((e: { field: string; code: string }) => [e.field, e.code]), [['ThoiDiemXuLy', 'invalid']]);
    const history = (await lookup()).json().history.map((h: { at: string }) => h.at);
    assert.ok(history.every((at: string) => !at.startsWith('2062')), 'not in the history');
  });

  test('a record with a year the format cannot hold ("0226") is refused on its own; the records after it are stored', async () => {
    const codes = ['000.00.15.H26-250714-0051', '000.00.15.H26-250714-0052'];
    const res = await push('dossiers', { data: [
      dossierRecord({ MaHoSo: codes[0], NgayTiepNhan: '02250714091500' }),
      dossierRecord({ MaHoSo: codes[1] }),
      dossierRecord({ MaHoSo: '000.00.15.H26-250714-0053', NgayTiepNhan: '20620714091500', NgayHenTra: '20620716170000' }),
    ] });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json().results.map((r: { outcome: string; errors: { field: string }[] }) => [r.outcome, r.errors.map((e) => e.field)]), [
      ['rejected', ['NgayTiepNhan']], ['created', []], ['rejected', ['NgayTiepNhan']],
    ]);
    assert.equal((await lookup(codes[1])).statusCode, 200);
  });

  test('a list sent as null (.NET\'s empty list) is taken as absent; the batch is not refused for it', async () => {
    const code = '000.00.15.H26-250714-0055';
    const res = await push('dossiers', { data: [dossierRecord({
      MaHoSo: code, DinhDanhCHS: null, DanhSachLePhi: null, TaiLieuNop: null, DanhSachHoSoBoSung: null,
      DanhSachTepDinhKemKhac: null, DanhSachGiayToKetQua: null,
    })] });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().results[0].outcome, 'created');
    assert.equal((await lookup(code)).json().payment, null, 'no fees');
  });

  test('a finished dossier is timed by when it finished, never by its due date: unknown until a step or record says', async () => {
    const code = '000.00.15.H26-250714-0061';
    // Decided and delivered, with no end date in the record (NgayTra and NgayKetThucXuLy are optional).
    await push('dossiers', { data: [dossierRecord({ MaHoSo: code, TrangThaiHoSo: '10', NgayHenTra: '20250716170000' })] });
    let dossier = (await lookup(code)).json();
    assert.deepEqual([dossier.completedAt, dossier.timeliness.state], [null, 'not-applicable'], 'not "on time" by default');
    // The step that delivered it, two working days late.
    await push('progress', { data: [progressRecord({ MaHoSo: code, ThoiDiemXuLy: '20250718160000', NoiDungXuLy: 'Trả kết quả', TrangThai: '10' })] });
    dossier = (await lookup(code)).json();
    assert.deepEqual([dossier.completedAt, dossier.timeliness.state], ['2025-07-18T16:00:00+07:00', 'late']);
    // The record again, still without an end date: what the step said stays.
    await push('dossiers', { isUpdating: 'True', data: [dossierRecord({ MaHoSo: code, TrangThaiHoSo: '10', NgayHenTra: '20250716170000', TrichYeuHoSo: 'Sửa trích yếu' })] });
    dossier = (await lookup(code)).json();
    assert.deepEqual([dossier.completedAt, dossier.timeliness.state], ['2025-07-18T16:00:00+07:00', 'late']);
  });

  test('a record written before the dossier ended (a batch sent again, a queue sent late) does not reopen it; a later step can', async () => {
    const code = '000.00.15.H26-250714-0065';
    const stale = dossierRecord({ MaHoSo: code, TrangThaiHoSo: '4' });
    assert.equal((await push('dossiers', { data: [stale] })).json().results[0].outcome, 'created');
    // Delivered, by a record with its end date.
    await push('dossiers', { isUpdating: 'True', data: [dossierRecord({ MaHoSo: code, TrangThaiHoSo: '10', NgayKetThucXuLy: '20250716100000' })] });
    const ended = (await lookup(code)).json();
    assert.deepEqual([ended.status, ended.completedAt, ended.timeliness.state], ['result-delivered', '2025-07-16T10:00:00+07:00', 'on-time']);
    // The first batch again (its answer was lost), and an older record with an earlier due date and
    // other fees: nothing of it is taken (the dossier would turn late, its fees revised).
    for (const record of [stale, { ...stale, NgayHenTra: '20250715170000', DanhSachLePhi: [{ TenPhiLePhi: 'Lệ phí cũ', Gia: '5000', LoaiPhiLePhi: '1' }] }]) {
      assert.equal((await push('dossiers', { isUpdating: 'True', data: [record] })).json().results[0].outcome, 'unchanged');
      const dossier = (await lookup(code)).json();
      assert.deepEqual([dossier.status, dossier.completedAt, dossier.dueAt, dossier.timeliness.state, dossier.evaluation],
        ['result-delivered', '2025-07-16T10:00:00+07:00', ended.dueAt, 'on-time', ended.evaluation]);
    }
    const said = logLines.find((line) => line.includes(code) && line.includes('older than the dossier'));
    assert.ok(said, 'said in the log');
    assert.match(said, /"requestId":"[0-9a-f-]{36}"/, 'with the id of the request that sent it');
    // Decided by a step; a record still "processing" leaves it decided, as the history says.
    const other = '000.00.15.H26-250714-0066';
    await push('dossiers', { data: [dossierRecord({ MaHoSo: other, TrangThaiHoSo: '4' })] });
    await push('progress', { data: [progressRecord({ MaHoSo: other, ThoiDiemXuLy: '20250716100000', NoiDungXuLy: 'Phê duyệt kết quả', TrangThai: '9' })] });
    await push('dossiers', { isUpdating: 'True', data: [dossierRecord({ MaHoSo: other, TrangThaiHoSo: '4', NgayHenTra: '20250718170000' })] });
    assert.equal((await lookup(other)).json().status, 'decided');
    // The agency reopens it with a dated step: that applies.
    await push('progress', { data: [progressRecord({ MaHoSo: other, ThoiDiemXuLy: '20250717090000', NoiDungXuLy: 'Thu hồi kết quả, xử lý lại', TrangThai: '4' })] });
    const reopened = (await lookup(other)).json();
    // In hand again: no end, and timed against now (long past its due date), not its first end.
    assert.deepEqual([reopened.status, reopened.completedAt, reopened.timeliness.state], ['processing', null, 'overdue']);
    // Decided again after its due date: late, by the new decision's time.
    await push('progress', { data: [progressRecord({ MaHoSo: other, ThoiDiemXuLy: '20250721160000', NoiDungXuLy: 'Phê duyệt kết quả', TrangThai: '9' })] });
    const decidedAgain = (await lookup(other)).json();
    assert.deepEqual([decidedAgain.status, decidedAgain.completedAt, decidedAgain.timeliness.state], ['decided', '2025-07-21T16:00:00+07:00', 'late']);
    // Its result delivered a day later: it finished when it was decided.
    await push('progress', { data: [progressRecord({ MaHoSo: other, ThoiDiemXuLy: '20250722090000', NoiDungXuLy: 'Trả kết quả', TrangThai: '10' })] });
    const delivered = (await lookup(other)).json();
    assert.deepEqual([delivered.status, delivered.completedAt], ['result-delivered', '2025-07-21T16:00:00+07:00']);
  });

  test('a NUL character in a record refuses that record alone, naming its field; the others are stored', async () => {
    const codes = ['000.00.15.H26-250714-0067', '000.00.15.H26-250714-0068', '000.00.15.H26-250714-0069'];
    const answer = await push('dossiers', { data: [
      dossierRecord({ MaHoSo: codes[0] }),
      dossierRecord({ MaHoSo: codes[1], DonViXuLy: 'UBND phường\u0000 Ba Đình' }),
      dossierRecord({ MaHoSo: codes[2], DanhSachLePhi: [{ TenPhiLePhi: 'Lệ phí\u0000', Gia: '8000', LoaiPhiLePhi: '1' }] }),
      dossierRecord({ MaHoSo: '000.00.15.H26-250714-0071', TrangThaiHoSo: '5', DanhSachHoSoBoSung: [
        { NgayBoSung: '20250715090000', NoiDungBoSung: 'Bổ sung giấy tờ', DanhSachGiayToBoSung: [{ TenGiayTo: 'Bản sao\u0000 giấy khai sinh' }] },
      ] }),
    ] });
    assert.equal(answer.statusCode, 200);
    assert.deepEqual(answer.json().results.map((r: { outcome: string; errors: { field: string }[] }) => [r.outcome, r.errors.map((e) => e.field)]),
      [['created', []], ['rejected', ['DonViXuLy']], ['rejected', ['DanhSachLePhi[0].TenPhiLePhi']], ['rejected', ['DanhSachHoSoBoSung[0].DanhSachGiayToBoSung[0].TenGiayTo']]]);
    const steps = await push('progress', { data: [progressRecord({ MaHoSo: codes[0], NoiDungXuLy: 'Thẩm định\u0000' }), progressRecord({ MaHoSo: codes[0] })] });
    assert.deepEqual(steps.json().results.map((r: { outcome: string }) => r.outcome), ['rejected', 'created']);
    // Outside the records, a NUL still refuses the request.
    assert.equal((await push('dossiers', { service: 'DongBoHoSoMC\u0000', data: [dossierRecord({ MaHoSo: codes[0] })] })).statusCode, 400);
  });

  test('a supplement request\'s documents as objects or as plain names: both are taken, and shown by name', async () => {
    const code = '000.00.15.H26-250714-0072';
    const answer = await push('dossiers', { data: [dossierRecord({ MaHoSo: code, TrangThaiHoSo: '5', DanhSachHoSoBoSung: [{
      NgayBoSung: '20250715090000', NoiDungBoSung: 'Bổ sung giấy tờ',
      DanhSachGiayToBoSung: [{ TenGiayTo: 'Giấy chứng sinh' }, 'Giấy tờ tùy thân của người đi đăng ký'],
    }] })] });
    assert.equal(answer.statusCode, 200, answer.body);
    assert.equal(answer.json().results[0].outcome, 'created');
    const dossier = (await lookup(code)).json();
    assert.deepEqual(dossier.supplementRequest.documents, ['Giấy chứng sinh', 'Giấy tờ tùy thân của người đi đăng ký']);
  });

  test('the agency\'s apology with a new date reaches the tracker; the dossier is still late against its due date; a record without it withdraws it', async () => {
    const code = '000.00.15.H26-250714-0073';
    const apology = { LyDoTreHan: 'Cần xác minh thông tin tại nơi cư trú trước đây', NgayXinLoi: '20250716160000', NgayHenTraMoi: '20250721170000' };
    const answer = await push('dossiers', { data: [dossierRecord({ MaHoSo: code, DanhSachPhieuXinLoi: [apology] })] });
    assert.equal(answer.statusCode, 200, answer.body);
    assert.equal(answer.json().results[0].outcome, 'created');
    const dossier = (await lookup(code)).json();
    assert.deepEqual(dossier.apology, { reason: apology.LyDoTreHan, newDueAt: '2025-07-21T17:00:00+07:00', issuedAt: '2025-07-16T16:00:00+07:00' });
    assert.equal(dossier.dueAt, '2025-07-16T17:00:00+07:00');
    assert.equal(dossier.timeliness.state, 'overdue');

    const again = await push('dossiers', { data: [dossierRecord({ MaHoSo: code, DanhSachPhieuXinLoi: [apology] })] });
    assert.equal(again.json().results[0].outcome, 'unchanged');
    const bad = await push('dossiers', { data: [dossierRecord({ MaHoSo: code, DanhSachPhieuXinLoi: [{ ...apology, NgayHenTraMoi: '20250715170000' }] })] });
    assert.deepEqual(bad.json().results[0].errors.map((e: { field: string }) => e.field), ['DanhSachPhieuXinLoi[0].NgayHenTraMoi']);
    assert.deepEqual((await lookup(code)).json().apology?.reason, apology.LyDoTreHan, 'a refused record changes nothing');

    assert.equal((await push('dossiers', { data: [dossierRecord({ MaHoSo: code })] })).json().results[0].outcome, 'updated');
    assert.equal((await lookup(code)).json().apology, null);
  });

  test('paid here, then the one-stop system\'s steps arrive late: one asking for payment does not undo it; a later decision applies', async () => {
    const code = '000.00.15.H26-250714-0071';
    await push('dossiers', { data: [dossierRecord({ MaHoSo: code, TrangThaiHoSo: '6', DanhSachLePhi: [{ TenPhiLePhi: 'Lệ phí', Gia: '40000', LoaiPhiLePhi: '1' }] })] });
    const opened = await requestPayment(code, 'late-steps-0000000001');
    assert.equal(opened.statusCode, 201, opened.body);
    assert.equal(await confirmPaid(opened.json().id, 'LATE-1'), true);
    const stamp = (minutesAgo: number) => formatVnTimestamp(new Date(Date.now() - minutesAgo * 60_000));
    assert.equal((await lookup(code)).json().status, 'processing');

    // "Payment requested", dated before the payment arrived here: the dossier stays paid and processing.
    await push('progress', { data: [progressRecord({ MaHoSo: code, ThoiDiemXuLy: stamp(10), NoiDungXuLy: 'Yêu cầu nộp phí', TrangThai: '6' })] });
    assert.equal((await lookup(code)).json().status, 'processing');
    // "Decided", dated a few minutes before this server's own "paid online" step: it applies.
    await push('progress', { data: [progressRecord({ MaHoSo: code, ThoiDiemXuLy: stamp(3), NoiDungXuLy: 'Ký duyệt kết quả', TrangThai: '9' })] });
    const dossier = (await lookup(code)).json();
    assert.equal(dossier.status, 'decided');
    assert.equal(dossier.payment.state, 'paid');

    // A later record leaves its fee list out (it is optional): the receipts stay, with what was paid.
    await push('dossiers', { data: [dossierRecord({ MaHoSo: code, TrangThaiHoSo: '9', DanhSachLePhi: undefined })] });
    const after = (await lookup(code)).json().payment;
    assert.deepEqual([after.state, after.total, after.receiptNumbers.length], ['paid', 40_000, 1]);
    // A record still asking for payment, sent before the payment: the dossier stays paid and decided.
    await push('dossiers', { data: [dossierRecord({ MaHoSo: code, TrangThaiHoSo: '6', DanhSachLePhi: [{ TenPhiLePhi: 'Lệ phí', Gia: '40000', LoaiPhiLePhi: '1' }] })] });
    assert.equal((await lookup(code)).json().status, 'decided');
  });

  test('paid here, then the agency asks for more (a further obligation): the rest is due, paid on its own, and the dossier is then paid in full', async () => {
    const code = '000.00.15.H26-250714-0074';
    const first = { TenPhiLePhi: 'Lệ phí', Gia: '40000', LoaiPhiLePhi: '1' };
    const second = { TenPhiLePhi: 'Phí thẩm định hồ sơ', Gia: '100000', LoaiPhiLePhi: '1' };
    await push('dossiers', { data: [dossierRecord({ MaHoSo: code, TrangThaiHoSo: '6', DanhSachLePhi: [first] })] });
    const pay = async (key: string, expectedAmount: number) => {
      const opened = await requestPayment(code, key, { expectedAmount });
      assert.equal(opened.statusCode, 201, opened.body);
      assert.equal(await confirmPaid(opened.json().id, key), true);
      return opened.json() as { total: number; lines: { description: string }[] };
    };
    await pay('more-asked-0000000001', 40_000);
    assert.equal((await lookup(code)).json().status, 'processing');

    // The agency asks for a further charge: the dossier owes that, not the whole again.
    await push('dossiers', { data: [dossierRecord({ MaHoSo: code, TrangThaiHoSo: '6', DanhSachLePhi: [first, second] })] });
    let dossier = (await lookup(code)).json();
    assert.equal(dossier.status, 'payment-due');
    assert.deepEqual(
      [dossier.payment.state, dossier.payment.total, dossier.payment.lines.map((l: { description: string }) => l.description), dossier.payment.alreadyPaid.amount],
      ['unpaid', 100_000, ['Phí thẩm định hồ sơ'], 40_000]);
    assert.equal(dossier.payment.alreadyPaid.receiptNumbers.length, 1);
    assert.ok(dossier.payment.methods.length > 0);
    // The whole amount is not what is due.
    const whole = await requestPayment(code, 'more-asked-0000000002', { expectedAmount: 140_000 });
    assert.equal(whole.json().code, 'payment_amount_changed', whole.body);
    const rest = await pay('more-asked-0000000003', 100_000);
    assert.deepEqual([rest.total, rest.lines.map((l) => l.description)], [100_000, ['Phí thẩm định hồ sơ']]);

    dossier = (await lookup(code)).json();
    assert.equal(dossier.status, 'processing');
    assert.deepEqual([dossier.payment.state, dossier.payment.total, dossier.payment.lines.length, dossier.payment.receiptNumbers.length, dossier.payment.alreadyPaid],
      ['paid', 140_000, 2, 2, undefined]);
    // Each payment with its own receipts (each has its printable page).
    assert.deepEqual(dossier.payment.paidPayments.map((p: { receiptNumbers: string[] }) => p.receiptNumbers.length), [1, 1]);
    assert.deepEqual(dossier.payment.paidPayments.flatMap((p: { receiptNumbers: string[] }) => p.receiptNumbers), dossier.payment.receiptNumbers);
    // The request for the two, sent again late: nothing more is due.
    await push('dossiers', { data: [dossierRecord({ MaHoSo: code, TrangThaiHoSo: '6', DanhSachLePhi: [first, second], TrichYeuHoSo: 'Gửi lại' })] });
    assert.equal((await lookup(code)).json().status, 'processing');
    const again = await requestPayment(code, 'more-asked-0000000004');
    assert.equal(again.json().code, 'payment_already_paid', again.body);
  });

  test('paid, more asked by a step: the step applies; the rest revised to other lines of the same total closes the payment open for it; a revision the desk must settle offers no method', async () => {
    const code = '000.00.15.H26-250714-0075';
    const first = { TenPhiLePhi: 'Lệ phí', Gia: '40000', LoaiPhiLePhi: '1' };
    const asFee = { TenPhiLePhi: 'Lệ phí cấp bản sao', Gia: '100000', LoaiPhiLePhi: '1' };
    const asCharge = { TenPhiLePhi: 'Phí thẩm định hồ sơ', Gia: '100000', LoaiPhiLePhi: '1' };
    const stamp = (minutesAgo: number) => formatVnTimestamp(new Date(Date.now() - minutesAgo * 60_000));
    const open = (key: string) => requestPayment(code, key);
    await push('dossiers', { data: [dossierRecord({ MaHoSo: code, TrangThaiHoSo: '6', DanhSachLePhi: [first] })] });
    const paid = await open('more-by-step-00000001');
    assert.equal(await confirmPaid(paid.json().id, 'S-1'), true);
    // The record lists a further fee while processing; then a step asks for payment: it applies.
    await push('dossiers', { data: [dossierRecord({ MaHoSo: code, TrangThaiHoSo: '4', DanhSachLePhi: [first, asFee] })] });
    assert.equal((await lookup(code)).json().status, 'processing');
    await push('progress', { data: [progressRecord({ MaHoSo: code, ThoiDiemXuLy: stamp(1), NoiDungXuLy: 'Yêu cầu nộp thêm lệ phí', TrangThai: '6' })] });
    assert.equal((await lookup(code)).json().status, 'payment-due');

    // A payment opened for the rest; the agency corrects the rest's kind, same amount: that payment would issue the wrong receipt.
    const rest = await open('more-by-step-00000002');
    assert.equal(rest.statusCode, 201, rest.body);
    await push('dossiers', { data: [dossierRecord({ MaHoSo: code, TrangThaiHoSo: '6', DanhSachLePhi: [first, asCharge] })] });
    const closed = (await server.app.inject({ method: 'GET', url: `/api/v1/payments/${rest.json().id}` })).json();
    assert.deepEqual([closed.state, closed.failureCode], ['cancelled', 'superseded']);
    const again = await open('more-by-step-00000003');
    assert.equal(again.statusCode, 201, again.body);
    assert.deepEqual(again.json().lines.map((l: { kind: string }) => l.kind), ['charge']);

    // The paid fee lowered and a charge raised: settled at the desk; the open payment is closed too.
    await push('dossiers', { data: [dossierRecord({ MaHoSo: code, TrangThaiHoSo: '6', DanhSachLePhi: [{ ...first, Gia: '20000' }, asCharge] })] });
    const desk = (await lookup(code)).json().payment;
    assert.deepEqual([desk.methods, desk.total, desk.alreadyPaid.amount, desk.overpaid], [[], 100_000, 40_000, 20_000]);
    assert.equal((await server.app.inject({ method: 'GET', url: `/api/v1/payments/${again.json().id}` })).json().state, 'cancelled');
    const refused = await open('more-by-step-00000004');
    assert.equal(refused.json().code, 'payments_not_offered', refused.body);
  });

  test('a line added while the payer is at the gateway keeps that payment open: paid, the new line is what is left; corrected back, nothing is due; lowered, the difference is logged', async () => {
    const code = '000.00.15.H26-250714-0076';
    const first = { TenPhiLePhi: 'Phí cung cấp thông tin', Gia: '200000', LoaiPhiLePhi: '1' };
    const added = { TenPhiLePhi: 'Lệ phí cấp bản sao', Gia: '10000', LoaiPhiLePhi: '1' };
    await push('dossiers', { data: [dossierRecord({ MaHoSo: code, TrangThaiHoSo: '6', DanhSachLePhi: [first] })] });
    const opened = await requestPayment(code, 'line-added-0000000001');
    assert.equal(opened.statusCode, 201, opened.body);
    await push('dossiers', { data: [dossierRecord({ MaHoSo: code, TrangThaiHoSo: '6', DanhSachLePhi: [first, added] })] });
    const row = (await findPayment(server.context.storage, opened.json().id))!;
    assert.equal(row.state, 'pending', 'its lines are still owed');
    assert.equal(await confirmPaid(row.id, 'LA-1'), true);
    let dossier = (await lookup(code)).json();
    assert.deepEqual([dossier.status, dossier.payment.total, dossier.payment.alreadyPaid.amount], ['payment-due', 10_000, 200_000]);

    // The agency takes the added line back: nothing is due, the dossier goes on being processed.
    await push('dossiers', { data: [dossierRecord({ MaHoSo: code, TrangThaiHoSo: '6', DanhSachLePhi: [first] })] });
    dossier = (await lookup(code)).json();
    assert.deepEqual([dossier.status, dossier.payment.state], ['processing', 'paid']);
    // Lowered below what was paid: the citizen is told, and the desk's log says what to refund.
    await push('dossiers', { data: [dossierRecord({ MaHoSo: code, TrangThaiHoSo: '4', DanhSachLePhi: [{ ...first, Gia: '150000' }] })] });
    assert.equal((await lookup(code)).json().payment.overpaid, 50_000);
    const said = logLines.filter((line) => line.includes('fees lowered below what was paid online') && line.includes(code));
    assert.equal(said.length, 1);
    assert.match(said[0]!, /"overpaid":50000/);
  });

  test('a record that leaves its fee list out keeps the fees, and an open payment for them stays open', async () => {
    const code = '000.00.15.H26-250714-0072';
    await push('dossiers', { data: [dossierRecord({ MaHoSo: code, TrangThaiHoSo: '6', DanhSachLePhi: [{ TenPhiLePhi: 'Lệ phí', Gia: '40000', LoaiPhiLePhi: '1' }] })] });
    const opened = await requestPayment(code, 'fees-left-out-0000001');
    assert.equal(opened.statusCode, 201, opened.body);
    for (const left of [undefined, null]) {
      await push('dossiers', { data: [dossierRecord({ MaHoSo: code, TrangThaiHoSo: '6', DanhSachLePhi: left, TrichYeuHoSo: `Sửa ${String(left)}` })] });
      const dossier = (await lookup(code)).json();
      assert.deepEqual([dossier.payment.total, dossier.payment.state], [40_000, 'pending'], String(left));
    }
  });

  test('a record dated in the future with other problems names them all, the date among them', async () => {
    const answer = await push('dossiers', { data: [dossierRecord({ MaHoSo: '000.00.15.H26-250714-0070', NgayTiepNhan: '20991201090000', NgayHenTra: '20250716170000' })] });
    const errors = answer.json().results[0].errors as { field: string; message: string }[];
    assert.deepEqual(errors.map((e) => e.field).sort(), ['NgayHenTra', 'NgayTiepNhan']);
    assert.match(errors.find((e) => e.field === 'NgayTiepNhan')!.message, /later than a day after now/);
  });

  test('an end date more than a day ahead (a mistyped year) is refused, naming its field', async () => {
    const res = await push('dossiers', { data: [dossierRecord({ MaHoSo: '000.00.15.H26-250714-0073', TrangThaiHoSo: '10', NgayTra: '20620716170000' })] });
    assert.deepEqual(res.json().results[0].errors.map((e: { field: string }) => e.field), ['NgayTra']);
  });

  test('large fees: each gateway is offered only up to what it takes; past them all, the desk (409 payments_not_offered), never a 500 or a 503', async () => {
    const owing = async (code: string, amount: string) => {
      await push('dossiers', { data: [dossierRecord({ MaHoSo: code, TrangThaiHoSo: '6', DanhSachLePhi: [{ TenPhiLePhi: 'Lệ phí', Gia: amount, LoaiPhiLePhi: '1' }] })] });
      return (await lookup(code)).json().payment as { total: number; methods: { id: string }[] };
    };
    const pay = (code: string, key: string, method?: string) => requestPayment(code, key, { ...(method ? { method } : {}) });
    // Over MoMo's 50 million: the bank (VNPay) only; MoMo asked for anyway is refused, naming what is offered.
    const sixty = await owing('000.00.15.H26-250714-0081', '60000000');
    assert.deepEqual(sixty.methods.map((m) => m.id), ['bank-qr']);
    const wallet = await pay('000.00.15.H26-250714-0081', 'large-fees-0000000001', 'e-wallet');
    assert.equal(wallet.statusCode, 400, wallet.body);
    assert.deepEqual(wallet.json().errors, [{ path: '/body/method', message: 'one of: bank-qr' }]);
    // Past two billion: paid online, on PostgreSQL too (the amount's column holds it).
    const large = await owing('000.00.15.H26-250714-0082', '2500000000');
    assert.equal(large.total, 2_500_000_000);
    const opened = await pay('000.00.15.H26-250714-0082', 'large-fees-0000000002');
    assert.equal(opened.statusCode, 201, opened.body);
    assert.equal(opened.json().total, 2_500_000_000);
    // Past what VNPay takes in one payment: no method, the widgets say where to pay.
    const huge = await owing('000.00.15.H26-250714-0083', '20000000000');
    assert.deepEqual(huge.methods, []);
    const refused = await pay('000.00.15.H26-250714-0083', 'large-fees-0000000003');
    assert.equal(refused.statusCode, 409, refused.body);
    assert.equal(refused.json().code, 'payments_not_offered');
  });

  test('a key is taken with the scheme in any case ("bearer"), as HTTP allows', async () => {
    const res = await server.app.inject({
      method: 'POST', url: '/api/v1/sync/progress', payload: { data: [progressRecord({ MaHoSo: '000.00.15.H26-250714-0999' })] },
      headers: { authorization: `bearer ${syncKey}` },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json().results[0].errors.map((e: { code: string }) => e.code), ['dossier_not_found'], 'read, past the key');
  });

  test('a batch may be up to 1 MB; the other operations keep their 64 KB limit', async () => {
    const long = 'Đăng ký khai sinh '.repeat(50);
    const batch = Array.from({ length: 100 }, (_, i) =>
      dossierRecord({ MaHoSo: `000.00.15.H26-250715-${String(i + 1).padStart(4, '0')}`, ThongTinKhac: long.repeat(3) }));
    const body = JSON.stringify({ data: batch });
    assert.ok(body.length > 256 * 1024 && body.length < 1024 * 1024, `${body.length} bytes`);
    const res = await push('dossiers', JSON.parse(body));
    assert.equal(res.statusCode, 200, res.body.slice(0, 300));
    assert.equal(res.json().accepted, 100);
    const big = await server.app.inject({
      method: 'POST', url: '/api/v1/dossiers/lookup', headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ code: CODE, applicantId: APPLICANT, padding: 'x'.repeat(70 * 1024) }),
    });
    assert.equal(big.statusCode, 413, big.body);
    assert.equal(big.json().detail, 'The request body must be at most 64 KB for this operation.');
    const tooBig = await push('dossiers', { data: [dossierRecord({ ThongTinKhac: 'x'.repeat(1024 * 1024) })] });
    assert.equal(tooBig.statusCode, 413);
    assert.equal(tooBig.json().detail, 'The request body must be at most 1 MB for this operation.');
  });

  test('a value outside a list names the values allowed; an identity number put in a path by mistake is masked in the log', async () => {
    const wrong = await push('dossiers', { isUpdating: 'yes', data: [dossierRecord()] });
    assert.equal(wrong.statusCode, 400);
    assert.deepEqual(wrong.json().errors, [{ path: '/body/isUpdating', message: 'must be one of: true, false, "True", "False", "true", "false"' }]);
    logLines.length = 0;
    await server.app.inject({ method: 'GET', url: `/api/v1/dossiers/${APPLICANT}` });
    assert.ok(logLines.some((line) => line.includes('"url":"/api/v1/dossiers/[masked]"')), logLines.join(''));
    assert.ok(!logLines.join('').includes(APPLICANT));
  });
});

describe('a deployment maps its own status numbers', () => {
  test('with DVC_SYNC_STATUS_TABLE {"11": "processing"}, a record at 11 is processing; 12 is still refused', async () => {
    const server = await createTestSandbox({ rateLimits: {}, syncStatusTable: '{"11": "processing"}' });
    try {
      const { key } = await createApiKey(server.context.storage, { scope: 'sync', agency: '000.00.15.H26' });
      const push = (record: Record<string, unknown>) => server.app.inject({
        method: 'POST', url: '/api/v1/sync/dossiers', payload: { data: [record] }, headers: { authorization: `Bearer ${key}` },
      });
      assert.equal((await push(dossierRecord({ TrangThaiHoSo: '11' }))).json().results[0].outcome, 'created');
      const found = await server.app.inject({ method: 'POST', url: '/api/v1/dossiers/lookup', payload: { code: CODE, applicantId: APPLICANT } });
      assert.equal(found.json().status, 'processing');
      const refused = (await push(dossierRecord({ MaHoSo: '000.00.15.H26-250714-0050', TrangThaiHoSo: '12' }))).json().results[0];
      assert.deepEqual(refused.errors.map((e: { field: string }) => e.field), ['TrangThaiHoSo']);
    } finally {
      await server.app.close();
    }
  });
});
