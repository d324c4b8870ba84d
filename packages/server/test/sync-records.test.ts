import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { inspect } from 'node:util';
import { parse } from 'yaml';

import { dossierStatuses } from '@dvc-kit/sdk';
import { DOSSIER_CODE, PROCEDURE_CODE, dossierCodeOf, readDossierRecord, readProgressRecord } from '../src/sync/records.ts';
import type { SyncedDossier, SyncedProgress } from '../src/sync/records.ts';
import { DEFAULT_STATUS_TABLE, loadStatusTable, statusFor } from '../src/sync/status-table.ts';
import { formatVnTimestamp as formatSyncDate, parseVnTimestamp as parseSyncDate } from '../src/calendar/vn-timestamp.ts';
import { feeKindOf } from '../src/sync/fee-lines.ts';
import { AGENCY_OUT_OF_SCOPE, isWithinAgency } from '../src/sync/agency-scope.ts';
import { readIsUpdating } from '../src/sync/is-updating.ts';
import type { SyncFieldError } from '../src/sync/record-reader.ts';

const APPLICANT = '001089012345';
const CONTRACT = new URL('../../../openapi/dvc.yaml', import.meta.url);

/** A DongBoHoSoMC record as a provincial one-stop system sends it: every value a string. */
function dossierRecord(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    MaHoSo: '000.00.15.H26-250714-0042',
    MaTTHC: '1.001193',
    TenTTHC: 'Đăng ký khai sinh',
    MaLinhVuc: 'G15-TP07',
    TenLinhVuc: 'Hộ tịch',
    SoBienNhan: 'BN-0042',
    ChuHoSo: 'Nguyễn Văn An',
    LoaiDoiTuong: '1',
    SoGiayToChuHoSo: APPLICANT,
    DinhDanhCHS: [{ LoaiDinhDanh: '1', SoDinhDanh: APPLICANT }],
    Email: 'an.nguyen@example.vn',
    SoDienThoai: '0912345678',
    TrichYeuHoSo: 'Đăng ký khai sinh cho con Nguyễn Minh Khang',
    NgayNopHoSo: '20250714080512',
    NgayTiepNhan: '20250714091500',
    NgayHenTra: '20250716170000',
    TrangThaiHoSo: '4',
    KenhThucHien: '2',
    HinhThuc: '0',
    DonViXuLy: 'UBND phường Ba Đình',
    NoiNopHoSo: '2',
    DSKetNoiCSDL: [{ MaCSDL: '7' }],
    TaiLieuNop: [{ TepDinhKemId: 'a1', TenTepDinhKem: 'to-khai.pdf', IsDeleted: 'False' }],
    DanhSachLePhi: [
      { TenPhiLePhi: 'Lệ phí đăng ký khai sinh', MaPhiLePhi: 'LP01', HinhThucThu: '1', Gia: '8000', LoaiPhiLePhi: '1' },
      { TenPhiLePhi: 'Phí cấp bản sao trích lục', MaPhiLePhi: 'P02', HinhThucThu: '1', Gia: '3000.00', LoaiPhiLePhi: '1' },
    ],
    ...overrides,
  };
}

function progressRecord(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    MaHoSo: '000.00.15.H26-250714-0042',
    NguoiXuLy: 'Trần Thị Bình',
    ChucDanh: 'Công chức Tư pháp - Hộ tịch',
    ThoiDiemXuLy: '20250715103000',
    PhongBanXuLy: 'Bộ phận Tư pháp - Hộ tịch',
    NoiDungXuLy: 'Thẩm định hồ sơ',
    TrangThai: '4',
    NgayBatDau: '20250715080000',
    NgayKetThucTheoQuyDinh: '20250716170000',
    ...overrides,
  };
}

function dossier(overrides: Record<string, unknown> = {}): SyncedDossier {
  const result = readDossierRecord(dossierRecord(overrides), DEFAULT_STATUS_TABLE);
  assert.ok(result.ok, `accepted: ${JSON.stringify(result.ok ? [] : result.errors)}`);
  return result.value;
}

function dossierErrors(record: unknown): SyncFieldError[] {
  const result = readDossierRecord(record, DEFAULT_STATUS_TABLE);
  assert.equal(result.ok, false, 'rejected');
  return result.ok ? [] : result.errors;
}

function progress(overrides: Record<string, unknown> = {}, defaultUnit?: string): SyncedProgress {
  const result = readProgressRecord(progressRecord(overrides), DEFAULT_STATUS_TABLE, { defaultUnit });
  assert.ok(result.ok, `accepted: ${JSON.stringify(result.ok ? [] : result.errors)}`);
  return result.value;
}

function progressErrors(record: unknown): SyncFieldError[] {
  const result = readProgressRecord(record, DEFAULT_STATUS_TABLE);
  assert.equal(result.ok, false, 'rejected');
  return result.ok ? [] : result.errors;
}

/** field → code, for comparing a record's problems at a glance. */
const byField = (errors: SyncFieldError[]) => Object.fromEntries(errors.map((e) => [e.field, e.code]));

describe('sync dates (yyyyMMddHHmmss, Asia/Ho_Chi_Minh)', () => {
  test('read as Vietnam time: midnight on 18 July is 17:00 UTC the day before', () => {
    assert.equal(parseSyncDate('20260718000000')?.toISOString(), '2026-07-17T17:00:00.000Z');
    assert.equal(parseSyncDate('20260718143000')?.toISOString(), '2026-07-18T07:30:00.000Z');
    assert.equal(parseSyncDate('20261231235959')?.toISOString(), '2026-12-31T16:59:59.000Z');
  });

  test('29 February only in a leap year', () => {
    assert.equal(parseSyncDate('20280229120000')?.toISOString(), '2028-02-29T05:00:00.000Z');
    assert.equal(parseSyncDate('20270229120000'), undefined);
  });

  test('impossible or malformed dates are refused, not rolled over', () => {
    for (const text of [
      '20261318000000', '20260018000000', '20260230000000', '20260431000000', '20260700000000',
      '20260718240000', '20260718126000', '20260718120060',
      '2026071800000', '202607180000000', '2026-07-18 00:00', ' 20260718000000', '2026071800000a', '',
      // A year before 1000 (typed "0226" for 2026): refused, not an exception that failed the batch.
      '02261201090000', '00010101000000', '09991201090000',
    ]) {
      assert.equal(parseSyncDate(text), undefined, text);
    }
  });

  test('formatSyncDate is the inverse, in Vietnam time', () => {
    assert.equal(formatSyncDate(new Date('2026-07-17T17:00:00Z')), '20260718000000');
    assert.equal(formatSyncDate(new Date('2028-02-29T05:00:00.900Z')), '20280229120000');
    for (const text of ['20250714091500', '20280229235959', '19991231235959', '20260101000000']) {
      assert.equal(formatSyncDate(parseSyncDate(text)!), text);
    }
  });
});

describe('status table', () => {
  test('the default numbers the contract\'s statuses 1–10 in its order', () => {
    assert.deepEqual(Object.keys(DEFAULT_STATUS_TABLE), ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    assert.deepEqual(Object.values(DEFAULT_STATUS_TABLE), [...dossierStatuses]);
    assert.equal(loadStatusTable(), DEFAULT_STATUS_TABLE);
    assert.equal(loadStatusTable('  '), DEFAULT_STATUS_TABLE);
  });

  test('a deployment\'s override merges into the default', () => {
    const table = loadStatusTable('{"9": "result-delivered", "11": "processing"}');
    assert.equal(table['9'], 'result-delivered');
    assert.equal(table['11'], 'processing');
    assert.equal(table['5'], 'supplement-requested');
    assert.equal(DEFAULT_STATUS_TABLE['9'], 'decided', 'the default is untouched');
    for (const [number, status] of [['11', 'processing'], ['9', 'result-delivered']]) {
      const result = readProgressRecord(progressRecord({ TrangThai: number }), table);
      assert.ok(result.ok && result.value.status === status, number);
    }
    assert.equal(readProgressRecord(progressRecord({ TrangThai: '11' }), DEFAULT_STATUS_TABLE).ok, false, 'unknown to the default');
  });

  test('a bad override fails with a message naming the entry', () => {
    assert.throws(() => loadStatusTable('{"5": "supplement"}'), /entry "5": "supplement" is not a dossier status \(one of submitted, received/);
    assert.throws(() => loadStatusTable('{"6": 6}'), /entry "6": 6 is not a dossier status/);
    assert.throws(() => loadStatusTable('{"05": "processing"}'), /key "05" is not a status number/);
    assert.throws(() => loadStatusTable('{"x": "processing"}'), /key "x" is not a status number/);
    assert.throws(() => loadStatusTable('["processing"]'), /must be a JSON object/);
    assert.throws(() => loadStatusTable('{9: "decided"}'), /not valid JSON/);
  });

  test('numbers are read without spaces or leading zeros; unknown numbers map to nothing', () => {
    assert.equal(statusFor(DEFAULT_STATUS_TABLE, ' 09 '), 'decided');
    assert.equal(statusFor(DEFAULT_STATUS_TABLE, '10'), 'result-delivered');
    for (const text of ['0', '11', '-1', '1.0', 'bốn', '', 'toString', 'constructor']) {
      assert.equal(statusFor(DEFAULT_STATUS_TABLE, text), undefined, text);
    }
  });
});

describe('DongBoHoSoMC records', () => {
  test('a good record: what the store needs', () => {
    const value = dossier();
    assert.equal(value.code, '000.00.15.H26-250714-0042');
    assert.equal(value.procedureCode, '1.001193');
    assert.equal(value.procedureName, 'Đăng ký khai sinh');
    assert.equal(value.agency, 'UBND phường Ba Đình');
    assert.equal(value.applicantId.reveal(), APPLICANT);
    assert.equal(value.status, 'processing');
    assert.equal(value.receivedAt.toISOString(), '2025-07-14T02:15:00.000Z');
    assert.equal(value.dueAt?.toISOString(), '2025-07-16T10:00:00.000Z');
    assert.equal(value.completedAt, null);
    assert.deepEqual(value.fees, [
      { kind: 'fee', description: 'Lệ phí đăng ký khai sinh', amount: 8000 },
      { kind: 'charge', description: 'Phí cấp bản sao trích lục', amount: 3000 },
    ]);
    assert.equal(value.supplement, null);
    // The summary is checked, not kept: it may hold personal details.
    assert.ok(!JSON.stringify(value).includes('Nguyễn Minh Khang'));
  });

  test('the same record read twice gives the same dossier', () => {
    const first = dossier({ TrangThaiHoSo: '9', NgayKetThucXuLy: '20250716100000' });
    const second = dossier({ TrangThaiHoSo: '9', NgayKetThucXuLy: '20250716100000' });
    assert.deepEqual({ ...first, applicantId: first.applicantId.reveal() }, { ...second, applicantId: second.applicantId.reveal() });
  });

  test('the identity number is kept out of logs and JSON', () => {
    const value = dossier();
    assert.ok(!JSON.stringify(value).includes(APPLICANT));
    assert.ok(!inspect(value, { depth: 5 }).includes(APPLICANT));
    assert.ok(!String(value.applicantId).includes(APPLICANT));
  });

  test('only the fields the store needs are required', () => {
    const value = dossier({
      SoBienNhan: undefined, ChuHoSo: undefined, Email: '', SoDienThoai: null, TrichYeuHoSo: '',
      NgayHenTra: '', DanhSachLePhi: [], DinhDanhCHS: undefined, TaiLieuNop: undefined,
    });
    assert.equal(value.dueAt, null);
    assert.deepEqual(value.fees, []);
  });

  test('values are trimmed; unquoted numbers are read as their text', () => {
    const value = dossier({ MaHoSo: ' 000.00.15.H26-250714-0042 ', DanhSachLePhi: [{ TenPhiLePhi: 'Lệ phí', Gia: 8000 }] });
    assert.equal(value.code, '000.00.15.H26-250714-0042');
    assert.deepEqual(value.fees, [{ kind: 'fee', description: 'Lệ phí', amount: 8000 }]);
  });

  test('the identity number comes from SoGiayToChuHoSo or a DinhDanhCHS item of type "1"', () => {
    assert.equal(dossier({ DinhDanhCHS: undefined }).applicantId.reveal(), APPLICANT);
    assert.equal(dossier({ SoGiayToChuHoSo: undefined }).applicantId.reveal(), APPLICANT);
    // An old 9-digit card number in SoGiayToChuHoSo does not hide the personal number beside it.
    const both = dossier({ SoGiayToChuHoSo: '012345678', DinhDanhCHS: [{ LoaiDinhDanh: '2', SoDinhDanh: '012345678' }, { LoaiDinhDanh: '1', SoDinhDanh: APPLICANT }] });
    assert.equal(both.applicantId.reveal(), APPLICANT);
  });

  test('no usable identity number: refused, and the number is never in a message', () => {
    const missing = dossierErrors(dossierRecord({ SoGiayToChuHoSo: undefined, DinhDanhCHS: [] }));
    assert.deepEqual(byField(missing), { SoGiayToChuHoSo: 'required' });

    // The placeholder some systems send for a missing number, plain or padded to 12 digits.
    for (const placeholder of ['000000001', '000000000001']) {
      const errors = dossierErrors(dossierRecord({ SoGiayToChuHoSo: placeholder, DinhDanhCHS: [{ LoaiDinhDanh: '2', SoDinhDanh: placeholder }] }));
      assert.deepEqual(byField(errors), { SoGiayToChuHoSo: 'invalid' }, placeholder);
    }

    const typeOne = dossierErrors(dossierRecord({ SoGiayToChuHoSo: undefined, DinhDanhCHS: [{ LoaiDinhDanh: '1', SoDinhDanh: '0010890123' }] }));
    assert.deepEqual(byField(typeOne), { 'DinhDanhCHS[0].SoDinhDanh': 'invalid' });

    const conflict = dossierErrors(dossierRecord({ DinhDanhCHS: [{ LoaiDinhDanh: '1', SoDinhDanh: '079201009999' }] }));
    assert.deepEqual(byField(conflict), { DinhDanhCHS: 'invalid' });

    for (const errors of [missing, typeOne, conflict]) {
      const text = JSON.stringify(errors);
      for (const number of [APPLICANT, '0010890123', '079201009999']) assert.ok(!text.includes(number));
    }
  });

  test('each kind of bad field is named with the record\'s field', () => {
    const cases: [Record<string, unknown>, string, string, RegExp][] = [
      [{ MaHoSo: undefined }, 'MaHoSo', 'required', /is required/],
      [{ MaHoSo: '000.00.15.h26-250714-0042' }, 'MaHoSo', 'invalid', /dossier code/],
      [{ MaTTHC: '1001193' }, 'MaTTHC', 'invalid', /procedure code/],
      [{ TenTTHC: '  ' }, 'TenTTHC', 'required', /is required/],
      [{ DonViXuLy: { ten: 'UBND' } }, 'DonViXuLy', 'invalid', /must be a string/],
      [{ TrangThaiHoSo: '11' }, 'TrangThaiHoSo', 'invalid', /status number .*1, 2, 3/],
      [{ TrangThaiHoSo: undefined }, 'TrangThaiHoSo', 'required', /is required/],
      [{ NgayTiepNhan: '14/07/2025 09:15' }, 'NgayTiepNhan', 'invalid', /^must be a date yyyyMMddHHmmss \(Asia\/Ho_Chi_Minh\)$/],
      [{ NgayTiepNhan: undefined }, 'NgayTiepNhan', 'required', /is required/],
      [{ NgayHenTra: '20250230170000' }, 'NgayHenTra', 'invalid', /yyyyMMddHHmmss/],
      [{ NgayHenTra: '20250713170000' }, 'NgayHenTra', 'invalid', /not be before NgayTiepNhan/],
      [{ TrichYeuHoSo: 'x'.repeat(1001) }, 'TrichYeuHoSo', 'invalid', /at most 1000 characters/],
      [{ DanhSachLePhi: [{ TenPhiLePhi: 'Lệ phí', Gia: '8.000' }] }, 'DanhSachLePhi[0].Gia', 'invalid', /whole number of VND/],
      [{ DanhSachLePhi: [{ TenPhiLePhi: 'Lệ phí', Gia: 'tám nghìn' }] }, 'DanhSachLePhi[0].Gia', 'invalid', /whole number of VND/],
      [{ DanhSachLePhi: [{ TenPhiLePhi: 'Lệ phí', Gia: '-8000' }] }, 'DanhSachLePhi[0].Gia', 'invalid', /whole number of VND/],
      [{ DanhSachLePhi: [{ TenPhiLePhi: 'Lệ phí', Gia: '8000.5' }] }, 'DanhSachLePhi[0].Gia', 'invalid', /whole number of VND/],
      [{ DanhSachLePhi: [{ TenPhiLePhi: 'Lệ phí' }] }, 'DanhSachLePhi[0].Gia', 'required', /is required/],
      [{ DanhSachLePhi: { Gia: '8000' } }, 'DanhSachLePhi', 'invalid', /must be an array/],
      [{ DanhSachLePhi: ['8000'] }, 'DanhSachLePhi[0]', 'invalid', /must be an object/],
      [{ DanhSachHoSoBoSung: [{ NoiDungBoSung: 'Bổ sung giấy chứng sinh' }] }, 'DanhSachHoSoBoSung[0].NgayBoSung', 'required', /is required/],
      [{ DanhSachHoSoBoSung: [{ NgayBoSung: '20250715100000', NgayTiepNhanBoSung: '20250715090000' }] }, 'DanhSachHoSoBoSung[0].NgayTiepNhanBoSung', 'invalid', /not be before NgayBoSung/],
      [{ DanhSachPhieuXinLoi: [{ NgayXinLoi: '20250716100000', NgayHenTraMoi: '20250718170000' }] }, 'DanhSachPhieuXinLoi[0].LyDoTreHan', 'required', /is required/],
      [{ DanhSachPhieuXinLoi: [{ LyDoTreHan: 'Cần xác minh', NgayHenTraMoi: '20250718170000' }] }, 'DanhSachPhieuXinLoi[0].NgayXinLoi', 'required', /is required/],
      [{ DanhSachPhieuXinLoi: [{ LyDoTreHan: 'Cần xác minh', NgayXinLoi: '20250716100000' }] }, 'DanhSachPhieuXinLoi[0].NgayHenTraMoi', 'required', /is required/],
      [{ DanhSachPhieuXinLoi: [{ LyDoTreHan: 'Cần xác minh', NgayXinLoi: '20250713100000', NgayHenTraMoi: '20250718170000' }] }, 'DanhSachPhieuXinLoi[0].NgayXinLoi', 'invalid', /not be before NgayTiepNhan/],
      [{ DanhSachPhieuXinLoi: [{ LyDoTreHan: 'Cần xác minh', NgayXinLoi: '20250716100000', NgayHenTraMoi: '20250716090000' }] }, 'DanhSachPhieuXinLoi[0].NgayHenTraMoi', 'invalid', /not be before NgayXinLoi/],
      [{ DanhSachPhieuXinLoi: [{ LyDoTreHan: 'x'.repeat(1001), NgayXinLoi: '20250716100000', NgayHenTraMoi: '20250718170000' }] }, 'DanhSachPhieuXinLoi[0].LyDoTreHan', 'invalid', /at most 1000 characters/],
      [{ DanhSachPhieuXinLoi: { LyDoTreHan: 'Cần xác minh' } }, 'DanhSachPhieuXinLoi', 'invalid', /must be an array/],
    ];
    for (const [overrides, field, code, message] of cases) {
      const result = readDossierRecord(dossierRecord(overrides), DEFAULT_STATUS_TABLE);
      assert.equal(result.ok, false, `${field} is refused`);
      const errors = result.ok ? [] : result.errors;
      assert.equal(errors.length, 1, `${field}: ${JSON.stringify(errors)}`);
      assert.equal(errors[0]!.field, field);
      assert.equal(errors[0]!.code, code, field);
      assert.match(errors[0]!.message, message, field);
    }
  });

  test('every problem of a record at once', () => {
    const errors = dossierErrors(dossierRecord({
      MaHoSo: '42', MaTTHC: undefined, TrangThaiHoSo: 'đang xử lý', NgayTiepNhan: '20250732000000',
      SoGiayToChuHoSo: undefined, DinhDanhCHS: undefined,
      DanhSachLePhi: [{ TenPhiLePhi: 'Lệ phí', Gia: '8000' }, { TenPhiLePhi: 'Phí', Gia: 'free' }],
    }));
    assert.deepEqual(byField(errors), {
      MaHoSo: 'invalid',
      MaTTHC: 'required',
      SoGiayToChuHoSo: 'required',
      TrangThaiHoSo: 'invalid',
      NgayTiepNhan: 'invalid',
      'DanhSachLePhi[1].Gia': 'invalid',
    });
  });

  test('a record that is not an object', () => {
    for (const raw of [null, undefined, 'MaHoSo', 42, [dossierRecord()]]) {
      assert.deepEqual(dossierErrors(raw), [{ field: '.', code: 'invalid', message: 'must be an object (a DongBoHoSoMC record)' }]);
    }
  });

  test('completion: NgayKetThucXuLy, else NgayTra, once decided; ignored while open', () => {
    assert.equal(dossier({ TrangThaiHoSo: '9', NgayKetThucXuLy: '20250716100000', NgayTra: '20250717080000' }).completedAt?.toISOString(), '2025-07-16T03:00:00.000Z');
    assert.equal(dossier({ TrangThaiHoSo: '10', NgayTra: '20250717080000' }).completedAt?.toISOString(), '2025-07-17T01:00:00.000Z');
    assert.equal(dossier({ TrangThaiHoSo: '9' }).completedAt, null);
    assert.equal(dossier({ TrangThaiHoSo: '4', NgayKetThucXuLy: 'not a date' }).completedAt, null);
    assert.deepEqual(byField(dossierErrors(dossierRecord({ TrangThaiHoSo: '10', NgayTra: '20250701000000' }))), { NgayTra: 'invalid' });
  });

  test('a dossier submitted online, not received yet, is dated by its submission', () => {
    const value = dossier({ TrangThaiHoSo: '1', NgayTiepNhan: '', NgayHenTra: '' });
    assert.equal(value.status, 'submitted');
    assert.equal(value.receivedAt.toISOString(), '2025-07-14T01:05:12.000Z');
    assert.deepEqual(byField(dossierErrors(dossierRecord({ TrangThaiHoSo: '2', NgayTiepNhan: '' }))), { NgayTiepNhan: 'required' });
  });

  test('fees: phí or lệ phí from the name; free lines left out; an unnamed line is a fee', () => {
    const value = dossier({
      DanhSachLePhi: [
        { TenPhiLePhi: 'Le phi tham dinh ho so', Gia: '135000', LoaiPhiLePhi: '2' },
        { TenPhiLePhi: 'PHÍ THẨM ĐỊNH', Gia: '50000' },
        { TenPhiLePhi: 'Miễn lệ phí', Gia: '0' },
        { Gia: '20000' },
      ],
    });
    assert.deepEqual(value.fees, [
      { kind: 'fee', description: 'Le phi tham dinh ho so', amount: 135000 },
      { kind: 'charge', description: 'PHÍ THẨM ĐỊNH', amount: 50000 },
      { kind: 'fee', description: 'Lệ phí', amount: 20000 },
    ]);
    assert.equal(feeKindOf('Thanh toán hồ sơ'), 'fee');
    assert.equal(feeKindOf('Phí khai thác, sử dụng thông tin'), 'charge');
    assert.equal(feeKindOf('Lệ phí cấp Phiếu lý lịch tư pháp'), 'fee');
  });

  test('the supplement request: the latest one, with its documents', () => {
    const value = dossier({
      TrangThaiHoSo: '5',
      DanhSachHoSoBoSung: [
        { HoSoBoSungId: 'b1', NoiDungBoSung: 'Bổ sung tờ khai', NgayBoSung: '20250714150000', NgayTiepNhanBoSung: '20250715080000' },
        {
          HoSoBoSungId: 'b2', NoiDungBoSung: 'Bổ sung giấy chứng sinh bản chính', NgayBoSung: '20250715140000',
          DanhSachGiayToBoSung: [{ TenGiayTo: 'Giấy chứng sinh' }, 'Giấy tờ tùy thân của người đi đăng ký'],
        },
      ],
    });
    assert.equal(value.status, 'supplement-requested');
    assert.deepEqual(value.supplement, {
      reason: 'Bổ sung giấy chứng sinh bản chính',
      documents: ['Giấy chứng sinh', 'Giấy tờ tùy thân của người đi đăng ký'],
      requestedAt: new Date('2025-07-15T07:00:00Z'),
      resolvedAt: null,
    });
    const answered = dossier({ DanhSachHoSoBoSung: [{ NgayBoSung: '20250714150000', NgayTiepNhanBoSung: '20250715080000' }] });
    assert.deepEqual(answered.supplement, { reason: '', documents: [], requestedAt: new Date('2025-07-14T08:00:00Z'), resolvedAt: new Date('2025-07-15T01:00:00Z') });
  });

  test('the apology: the latest one, with its reason and new date; none without the list', () => {
    const value = dossier({
      DanhSachPhieuXinLoi: [
        { LyDoTreHan: 'Cần xác minh thông tin nơi cư trú', NgayXinLoi: '20250717090000', NgayHenTraMoi: '20250721170000' },
        { LyDoTreHan: 'Chờ ý kiến của Sở Tư pháp', NgayXinLoi: '20250722080000', NgayHenTraMoi: '20250725170000' },
      ],
    });
    assert.deepEqual(value.apology, {
      reason: 'Chờ ý kiến của Sở Tư pháp',
      newDueAt: new Date('2025-07-25T10:00:00Z'),
      issuedAt: new Date('2025-07-22T01:00:00Z'),
    });
    assert.equal(dossier().apology, null);
    assert.equal(dossier({ DanhSachPhieuXinLoi: null }).apology, null, '.NET\'s empty list');
    const future = readDossierRecord(dossierRecord({ DanhSachPhieuXinLoi: [{ LyDoTreHan: 'x', NgayXinLoi: '20620716100000', NgayHenTraMoi: '20620718170000' }] }),
      DEFAULT_STATUS_TABLE, { now: new Date('2025-07-20T00:00:00Z') });
    assert.deepEqual(future.ok ? [] : future.errors.map((e) => e.field), ['DanhSachPhieuXinLoi[0].NgayXinLoi'], 'a mistyped year');
  });

  test('MaHoSo for the answer: only a dossier code, else null', () => {
    assert.equal(dossierCodeOf(dossierRecord()), '000.00.15.H26-250714-0042');
    assert.equal(dossierCodeOf({ MaHoSo: 'abc' }), null);
    assert.equal(dossierCodeOf({}), null);
    assert.equal(dossierCodeOf('000.00.15.H26-250714-0042'), null);
  });
});

describe('CapNhatTienDoHoSoMC records', () => {
  test('a good record: one step of the history', () => {
    assert.deepEqual(progress(), {
      code: '000.00.15.H26-250714-0042',
      at: new Date('2025-07-15T03:30:00Z'),
      handler: 'Trần Thị Bình',
      officerTitle: 'Công chức Tư pháp - Hộ tịch',
      unit: 'Bộ phận Tư pháp - Hộ tịch',
      action: 'Thẩm định hồ sơ',
      status: 'processing',
      stepStartedAt: new Date('2025-07-15T01:00:00Z'),
      stepDueAt: new Date('2025-07-16T10:00:00Z'),
    });
  });

  test('an empty unit takes the caller\'s default; optional fields may be absent', () => {
    const value = progress({ PhongBanXuLy: '', NguoiXuLy: undefined, ChucDanh: undefined, NgayBatDau: '', NgayKetThucTheoQuyDinh: undefined }, 'UBND phường Ba Đình');
    assert.equal(value.unit, 'UBND phường Ba Đình');
    assert.equal(value.handler, null);
    assert.equal(value.officerTitle, null);
    assert.equal(value.stepStartedAt, null);
    assert.equal(value.stepDueAt, null);
    assert.equal(progress({ PhongBanXuLy: '' }).unit, null);
  });

  test('each kind of bad field, and all of them at once', () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ MaHoSo: '' }, 'MaHoSo', 'required'],
      [{ MaHoSo: 'HS-0042' }, 'MaHoSo', 'invalid'],
      [{ ThoiDiemXuLy: undefined }, 'ThoiDiemXuLy', 'required'],
      [{ ThoiDiemXuLy: '20250715250000' }, 'ThoiDiemXuLy', 'invalid'],
      [{ NoiDungXuLy: ' ' }, 'NoiDungXuLy', 'required'],
      [{ TrangThai: '0' }, 'TrangThai', 'invalid'],
      [{ NguoiXuLy: 'Trần Thị Bình'.repeat(5) }, 'NguoiXuLy', 'invalid'],
      [{ NgayKetThucTheoQuyDinh: '20250714170000' }, 'NgayKetThucTheoQuyDinh', 'invalid'],
      [{ ChucDanh: ['Chuyên viên'] }, 'ChucDanh', 'invalid'],
    ];
    for (const [overrides, field, code] of cases) {
      assert.deepEqual(byField(progressErrors(progressRecord(overrides))), { [field]: code }, field);
    }
    const all = progressErrors({ MaHoSo: 'x', ThoiDiemXuLy: '2025', TrangThai: '99' });
    assert.deepEqual(byField(all), { MaHoSo: 'invalid', ThoiDiemXuLy: 'invalid', NoiDungXuLy: 'required', TrangThai: 'invalid' });
    assert.deepEqual(progressErrors(7), [{ field: '.', code: 'invalid', message: 'must be an object (a CapNhatTienDoHoSoMC record)' }]);
  });
});

describe('the batch around the records', () => {
  test('isUpdating: a boolean or the adapters\' "True"/"False"; absent is false', () => {
    assert.equal(readIsUpdating(true), true);
    assert.equal(readIsUpdating('True'), true);
    assert.equal(readIsUpdating('true'), true);
    assert.equal(readIsUpdating(false), false);
    assert.equal(readIsUpdating('False'), false);
    assert.equal(readIsUpdating(undefined), false);
    for (const value of ['yes', '1', 1, 'TRUE', {}]) assert.equal(readIsUpdating(value), undefined, String(value));
  });

  test('a key writes only its agency\'s dossiers, whole segments only', () => {
    assert.ok(isWithinAgency('000.00.15.H26-250714-0042', '000.00.15.H26'));
    assert.ok(isWithinAgency('000.00.15.H26-250714-0042', '000.00.15'));
    assert.ok(isWithinAgency('000.00.15.H26-250714-0042', '000.00.15.'));
    assert.ok(!isWithinAgency('000.00.15.H26-250714-0042', '000.00.15.H2'));
    assert.ok(!isWithinAgency('000.00.16.H26-250714-0042', '000.00.15.H26'));
    assert.ok(!isWithinAgency('000.00.15.H26-250714-0042', ''));
    assert.equal(AGENCY_OUT_OF_SCOPE.field, 'MaHoSo');
    assert.equal(AGENCY_OUT_OF_SCOPE.code, 'agency_out_of_scope');
  });
});

test('the code patterns are the contract\'s', async () => {
  const contract = parse(await readFile(CONTRACT, 'utf8')) as { components: { schemas: Record<string, { pattern?: string; enum?: string[] }> } };
  assert.equal(DOSSIER_CODE.source, contract.components.schemas['DossierCode']!.pattern);
  assert.equal(PROCEDURE_CODE.source, contract.components.schemas['ProcedureCode']!.pattern);
});
