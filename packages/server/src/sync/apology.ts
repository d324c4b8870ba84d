/**
 * The agency's apology with a new appointment (phiếu xin lỗi và hẹn lại ngày trả kết quả), from
 * `DanhSachPhieuXinLoi`: this API's own list, since the national portal's record has no place for
 * it. The latest one is what the tracker shows; the due date it is late against stays `NgayHenTra`.
 */
import type { RecordReader } from './record-reader.ts';
import { notInFuture } from './future-dates.ts';

export interface SyncedApology {
  /** `LyDoTreHan`: why the result is late, as the apology states it. */
  reason: string;
  /** `NgayHenTraMoi`: the new appointment. */
  newDueAt: Date;
  /** `NgayXinLoi`: when the apology was issued. */
  issuedAt: Date;
}

/** The reason's limit: the apology's paragraph, not a document. */
const REASON_MAX_LENGTH = 1000;

/**
 * The latest apology (by `NgayXinLoi`; the later item on a tie), or null; problems go to `reader`.
 * An apology is dated between the dossier's receipt (`receivedAt`) and a day after `now`, and its
 * new date is not before it.
 */
export function readApology(reader: RecordReader, { receivedAt, now }: { receivedAt: Date | undefined; now: Date | undefined }): SyncedApology | null {
  let latest: SyncedApology | null = null;
  for (const apology of reader.list('DanhSachPhieuXinLoi')) {
    const reason = apology.text('LyDoTreHan', { required: true, maxLength: REASON_MAX_LENGTH });
    const issuedAt = apology.date('NgayXinLoi', { required: true });
    const newDueAt = apology.date('NgayHenTraMoi', { required: true });
    notInFuture(apology, 'NgayXinLoi', issuedAt, now);
    if (issuedAt && receivedAt && issuedAt < receivedAt) apology.fail('NgayXinLoi', 'invalid', 'must not be before NgayTiepNhan');
    if (issuedAt && newDueAt && newDueAt < issuedAt) apology.fail('NgayHenTraMoi', 'invalid', 'must not be before NgayXinLoi');
    if (reason === undefined || !issuedAt || !newDueAt) continue;
    if (!latest || issuedAt >= latest.issuedAt) latest = { reason, newDueAt, issuedAt };
  }
  return latest;
}
