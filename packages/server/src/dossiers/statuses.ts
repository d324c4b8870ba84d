import { dossierStatuses, type components } from '@dvc-kit/sdk';

export type DossierStatus = components['schemas']['DossierStatus'];

/** The national portal's status numbers (1–10): the contract lists the statuses in that order. */
export const STATUS_NUMBERS = Object.fromEntries(dossierStatuses.map((status, i) => [status, i + 1])) as Record<DossierStatus, number>;

/** The agency has decided: the dossier can be evaluated, and is early, on time or late. */
export const FINISHED: ReadonlySet<DossierStatus> = new Set(['decided', 'result-delivered']);
/** Closed without a decision: timeliness does not apply. */
export const CLOSED_WITHOUT_RESULT: ReadonlySet<DossierStatus> = new Set(['rejected', 'withdrawn', 'stopped']);
/** Decided or closed: the end of a dossier's processing. */
export const ENDED: ReadonlySet<DossierStatus> = new Set([...FINISHED, ...CLOSED_WITHOUT_RESULT]);

/**
 * When a dossier that moves to `status` at `at` ended. One finishing ends then; one already
 * finished keeps its end (the result delivered after the decision), unless that end was not known.
 * One put back in hand (the agency reopens it) has no end, so decided again it ends then; one
 * closed without a result keeps the end its record gave, if any.
 */
export function completionAfter(status: DossierStatus, known: { status: DossierStatus; completed_at: string | null }, at: string): string | null {
  if (!ENDED.has(status)) return null;
  if (!FINISHED.has(status)) return known.completed_at;
  return FINISHED.has(known.status) && known.completed_at !== null ? known.completed_at : at;
}

/** What the one-stop desk writes in the history when a dossier reaches a status (agency data, in Vietnamese). */
export const HISTORY_ACTIONS: Record<DossierStatus, { action: string; officerTitle: string }> = {
  submitted: { action: 'Công dân nộp hồ sơ trực tuyến', officerTitle: 'Hệ thống' },
  received: { action: 'Tiếp nhận hồ sơ', officerTitle: 'Cán bộ Bộ phận Một cửa' },
  rejected: { action: 'Từ chối tiếp nhận hồ sơ', officerTitle: 'Cán bộ Bộ phận Một cửa' },
  processing: { action: 'Chuyển hồ sơ đến phòng chuyên môn xử lý', officerTitle: 'Chuyên viên' },
  'supplement-requested': { action: 'Yêu cầu bổ sung hồ sơ', officerTitle: 'Chuyên viên' },
  'payment-due': { action: 'Yêu cầu thực hiện nghĩa vụ tài chính', officerTitle: 'Chuyên viên' },
  withdrawn: { action: 'Công dân rút hồ sơ', officerTitle: 'Cán bộ Bộ phận Một cửa' },
  stopped: { action: 'Dừng xử lý hồ sơ', officerTitle: 'Lãnh đạo phòng' },
  decided: { action: 'Phê duyệt kết quả giải quyết', officerTitle: 'Lãnh đạo cơ quan' },
  'result-delivered': { action: 'Trả kết quả cho công dân', officerTitle: 'Cán bộ Bộ phận Một cửa' },
};

/** The usual path to a status, for the history of a dossier made in one step. */
export function pathTo(status: DossierStatus): DossierStatus[] {
  switch (status) {
    case 'submitted': return ['submitted'];
    case 'received': return ['submitted', 'received'];
    case 'rejected': return ['submitted', 'rejected'];
    case 'withdrawn': return ['submitted', 'received', 'withdrawn'];
    case 'processing': return ['submitted', 'received', 'processing'];
    case 'supplement-requested': return ['submitted', 'received', 'processing', 'supplement-requested'];
    case 'payment-due': return ['submitted', 'received', 'processing', 'payment-due'];
    case 'stopped': return ['submitted', 'received', 'processing', 'stopped'];
    case 'decided': return ['submitted', 'received', 'processing', 'decided'];
    case 'result-delivered': return ['submitted', 'received', 'processing', 'decided', 'result-delivered'];
  }
}
