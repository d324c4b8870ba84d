/**
 * The one-stop system's records (the national portal's DongBoHoSoMC and CapNhatTienDoHoSoMC) read
 * into what the store needs. Pure: no storage, no clock. A record is accepted whole or answered with
 * every problem it has, each named by the record's field.
 */
import type { DossierStatus } from '../dossiers/statuses.ts';
import { FINISHED } from '../dossiers/statuses.ts';
import { readApplicantId } from './applicant-identity.ts';
import { readFeeLines } from './fee-lines.ts';
import type { PaymentLine } from './fee-lines.ts';
import { RecordReader } from './record-reader.ts';
import type { SyncFieldError } from './record-reader.ts';
import type { SecretText } from './secret-text.ts';
import type { StatusTable } from './status-table.ts';
import { statusFor } from './status-table.ts';
import { readSupplement } from './supplement-request.ts';
import type { SyncedSupplement } from './supplement-request.ts';
import { readApology } from './apology.ts';
import type { SyncedApology } from './apology.ts';
import { notInFuture } from './future-dates.ts';

/** The contract's `DossierCode`. */
export const DOSSIER_CODE = /^[0-9A-Z.]{3,40}-[0-9]{6}-[0-9]{4}$/;
/** The contract's `ProcedureCode`. */
export const PROCEDURE_CODE = /^[0-9]\.[0-9]{6}(\.[0-9]{2})?$/;

const DOSSIER_CODE_EXPECTED = 'a dossier code <agency id>-<YYMMDD>-<NNNN>, e.g. 000.00.15.H26-250714-0042';
const PROCEDURE_CODE_EXPECTED = 'a national procedure code, e.g. 1.001193';
/** The national portal's summary limit (longer summaries are cut by the systems that send them). */
const SUMMARY_MAX_LENGTH = 1000;
/** The national portal's limit for the officer's name. */
const HANDLER_MAX_LENGTH = 50;

export type ReadResult<T> = { ok: true; value: T } | { ok: false; errors: SyncFieldError[] };

/** A DongBoHoSoMC record, as the store keeps a dossier. */
export interface SyncedDossier {
  /** `MaHoSo`. */
  code: string;
  /** `MaTTHC`. */
  procedureCode: string;
  /** `TenTTHC`. */
  procedureName: string;
  /** `DonViXuLy`: the processing agency's name. */
  agency: string;
  /**
   * Secret: the applicant's 12-digit identity number. Store only its keyed digest
   * (`applicantDigest(applicantId.reveal(), key)`); never log it, never answer it.
   */
  applicantId: SecretText;
  /** `TrangThaiHoSo`, through the status table. */
  status: DossierStatus;
  /** `NgayTiepNhan` (for a dossier not received yet, `NgayNopHoSo`). */
  receivedAt: Date;
  /** `NgayHenTra`. */
  dueAt: Date | null;
  /** Once decided: `NgayKetThucXuLy`, else `NgayTra`; null while open or when neither was sent. */
  completedAt: Date | null;
  /** `DanhSachLePhi`, free lines left out. */
  fees: PaymentLine[];
  /** Whether the record sent `DanhSachLePhi` at all: left out (or null), the fees stored stand. */
  feesSent: boolean;
  /** The latest of `DanhSachHoSoBoSung`. */
  supplement: SyncedSupplement | null;
  /** The latest of `DanhSachPhieuXinLoi`. */
  apology: SyncedApology | null;
}

/** A CapNhatTienDoHoSoMC record: one step of a dossier's history. */
export interface SyncedProgress {
  /** `MaHoSo`. */
  code: string;
  /** `ThoiDiemXuLy`. */
  at: Date;
  /** `NguoiXuLy`: the officer's name, for the agency only; the public history shows titles. */
  handler: string | null;
  /** `ChucDanh`. */
  officerTitle: string | null;
  /** `PhongBanXuLy`, else the caller's default, else null (the store then uses the dossier's agency). */
  unit: string | null;
  /** `NoiDungXuLy`. */
  action: string;
  /** `TrangThai`, through the status table. */
  status: DossierStatus;
  /** `NgayBatDau`: when the step started. */
  stepStartedAt: Date | null;
  /** `NgayKetThucTheoQuyDinh`: the step's deadline. */
  stepDueAt: Date | null;
}

export interface ReadOptions {
  /** The server's clock: a date more than a day after it is refused. None: dates are not checked against it. */
  now?: Date;
}

export interface ProgressOptions extends ReadOptions {
  /** The unit for a step whose `PhongBanXuLy` is empty. */
  defaultUnit?: string;
}

function readStatus(reader: RecordReader, key: string, table: StatusTable): DossierStatus | undefined {
  const number = reader.text(key, { required: true, maxLength: 10 });
  if (number === undefined) return undefined;
  return statusFor(table, number)
    ?? reader.fail(key, 'invalid', `must be a status number the status table maps (${Object.keys(table).join(', ')})`);
}

function readDossierCode(reader: RecordReader): string | undefined {
  return reader.matching('MaHoSo', DOSSIER_CODE, DOSSIER_CODE_EXPECTED, { required: true, maxLength: 60 });
}

/** A date that must not come before `start` (named `startField` in the message). */
function notBefore(reader: RecordReader, key: string, value: Date | undefined, start: Date | undefined, startField: string): Date | null {
  if (!value) return null;
  if (!start || value >= start) return value;
  reader.fail(key, 'invalid', `must not be before ${startField}`);
  return null;
}

/**
 * A DongBoHoSoMC record → a dossier, or every problem it has. `table` maps `TrangThaiHoSo`.
 * Identity numbers never appear in a problem.
 */
export function readDossierRecord(raw: unknown, table: StatusTable, { now }: ReadOptions = {}): ReadResult<SyncedDossier> {
  const reader = RecordReader.of(raw, 'DongBoHoSoMC');
  if (!(reader instanceof RecordReader)) return { ok: false, errors: [reader] };

  const code = readDossierCode(reader);
  const procedureCode = reader.matching('MaTTHC', PROCEDURE_CODE, PROCEDURE_CODE_EXPECTED, { required: true, maxLength: 20 });
  const procedureName = reader.text('TenTTHC', { required: true });
  const agency = reader.text('DonViXuLy', { required: true, maxLength: 500 });
  const applicantId = readApplicantId(reader);
  const status = readStatus(reader, 'TrangThaiHoSo', table);

  // A dossier submitted online and not received yet has no NgayTiepNhan: its submission time stands in.
  const notReceivedYet = status === 'submitted' && !reader.has('NgayTiepNhan');
  const receivedKey = notReceivedYet && reader.has('NgayNopHoSo') ? 'NgayNopHoSo' : 'NgayTiepNhan';
  const receivedAt = reader.date(receivedKey, { required: true });
  notInFuture(reader, receivedKey, receivedAt, now);
  const dueAt = notBefore(reader, 'NgayHenTra', reader.date('NgayHenTra'), receivedAt, 'NgayTiepNhan');
  // Fields the store does not use are not checked: NgayTra and NgayKetThucXuLy only once decided.
  let completedAt: Date | null = null;
  const completedKey = reader.has('NgayKetThucXuLy') ? 'NgayKetThucXuLy' : 'NgayTra';
  if (status && FINISHED.has(status)) {
    completedAt = notBefore(reader, completedKey, reader.date(completedKey), receivedAt, 'NgayTiepNhan');
    notInFuture(reader, completedKey, completedAt, now);
  }

  const fees = readFeeLines(reader);
  const supplement = readSupplement(reader);
  const apology = readApology(reader, { receivedAt, now });
  // Checked, not kept: a summary may hold personal details, and no answer shows it.
  reader.text('TrichYeuHoSo', { maxLength: SUMMARY_MAX_LENGTH });

  if (reader.errors.length > 0) return { ok: false, errors: reader.errors };
  return {
    ok: true,
    value: {
      code: code!, procedureCode: procedureCode!, procedureName: procedureName!, agency: agency!,
      applicantId: applicantId!, status: status!, receivedAt: receivedAt!, dueAt, completedAt,
      fees, feesSent: reader.has('DanhSachLePhi'), supplement, apology,
    },
  };
}

/** A CapNhatTienDoHoSoMC record → a history step, or every problem it has. */
export function readProgressRecord(raw: unknown, table: StatusTable, options: ProgressOptions = {}): ReadResult<SyncedProgress> {
  const reader = RecordReader.of(raw, 'CapNhatTienDoHoSoMC');
  if (!(reader instanceof RecordReader)) return { ok: false, errors: [reader] };

  const code = readDossierCode(reader);
  const at = reader.date('ThoiDiemXuLy', { required: true });
  notInFuture(reader, 'ThoiDiemXuLy', at, options.now);
  const handler = reader.text('NguoiXuLy', { maxLength: HANDLER_MAX_LENGTH }) ?? null;
  const officerTitle = reader.text('ChucDanh', { maxLength: 200 }) ?? null;
  const unit = reader.text('PhongBanXuLy', { maxLength: 500 }) ?? options.defaultUnit ?? null;
  const action = reader.text('NoiDungXuLy', { required: true });
  const status = readStatus(reader, 'TrangThai', table);
  const stepStartedAt = reader.date('NgayBatDau') ?? null;
  const stepDueAt = notBefore(reader, 'NgayKetThucTheoQuyDinh', reader.date('NgayKetThucTheoQuyDinh'), stepStartedAt ?? undefined, 'NgayBatDau');

  if (reader.errors.length > 0) return { ok: false, errors: reader.errors };
  return {
    ok: true,
    value: { code: code!, at: at!, handler, officerTitle, unit, action: action!, status: status!, stepStartedAt, stepDueAt },
  };
}

/** The record's `MaHoSo` for its answer (`dossierCode`): null when missing or not a dossier code. */
export function dossierCodeOf(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const code = (raw as Record<string, unknown>)['MaHoSo'];
  return typeof code === 'string' && DOSSIER_CODE.test(code.trim()) ? code.trim() : null;
}
