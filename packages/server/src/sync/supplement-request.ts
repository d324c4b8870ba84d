/**
 * The dossier's supplement request (`DanhSachHoSoBoSung`): the latest one is what the tracker shows,
 * and its dates pause the due-date clock.
 */
import type { RecordReader } from './record-reader.ts';

export interface SyncedSupplement {
  /** `NoiDungBoSung`: what is asked for (empty when the system sent nothing). */
  reason: string;
  /** The names of the documents asked for (`DanhSachGiayToBoSung[].TenGiayTo`). */
  documents: string[];
  /** `NgayBoSung`. */
  requestedAt: Date;
  /** `NgayTiepNhanBoSung`: when the supplement was received; null while awaited. */
  resolvedAt: Date | null;
}

/** Document names: items are objects with `TenGiayTo` or, in some systems, plain names. */
function documentNames(request: RecordReader): string[] {
  const names: string[] = [];
  request.items('DanhSachGiayToBoSung').forEach((item, index) => {
    const key = `DanhSachGiayToBoSung[${index}]`;
    if (typeof item === 'string') {
      const name = request.checked(key, item);
      if (name) names.push(name);
    } else if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
      const value = (item as Record<string, unknown>)['TenGiayTo'];
      const name = typeof value === 'string' ? request.checked(`${key}.TenGiayTo`, value) : undefined;
      if (name) names.push(name);
    } else {
      request.fail(`DanhSachGiayToBoSung[${index}]`, 'invalid', 'must be an object or a document name');
    }
  });
  return names;
}

/** The latest request (by `NgayBoSung`; the later item on a tie), or null; problems go to `reader`. */
export function readSupplement(reader: RecordReader): SyncedSupplement | null {
  let latest: SyncedSupplement | null = null;
  for (const request of reader.list('DanhSachHoSoBoSung')) {
    const reason = request.text('NoiDungBoSung') ?? '';
    const requestedAt = request.date('NgayBoSung', { required: true });
    const resolvedAt = request.date('NgayTiepNhanBoSung') ?? null;
    const documents = documentNames(request);
    if (!requestedAt) continue;
    if (resolvedAt && resolvedAt < requestedAt) {
      request.fail('NgayTiepNhanBoSung', 'invalid', 'must not be before NgayBoSung');
      continue;
    }
    if (!latest || requestedAt >= latest.requestedAt) latest = { reason, documents, requestedAt, resolvedAt };
  }
  return latest;
}
