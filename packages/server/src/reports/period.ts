/**
 * What both reports share: the period they cover, read as Vietnam calendar days, and the agency
 * whose dossiers they count.
 */
import { noSuchDate, parsePlainDate, toEpochDay } from '../calendar/plain-date.ts';
import { localEpochDay, localMidnightMs } from '../calendar/vn-time.ts';
import { isWithinAgency } from '../sync/agency-scope.ts';
import type { Storage } from '../storage/storage.ts';

/** The longest period a report covers, in days: a year, a leap one included. */
export const MAX_PERIOD_DAYS = 366;

/** The days reported, `YYYY-MM-DD` in Vietnam time, both included. */
export interface ReportPeriod {
  from: string;
  to: string;
}

/** A period the reports refuse, and which of its two ends is at fault. */
export class ReportPeriodError extends Error {
  readonly field: 'from' | 'to';

  constructor(field: 'from' | 'to', message: string) {
    super(message);
    this.field = field;
  }
}

/**
 * The period as stored timestamps (ISO 8601 in UTC, which sort as they compare): from `from`'s
 * midnight in Vietnam (17:00 UTC the day before) up to, not including, the midnight after `to`.
 */
export function periodBounds(period: ReportPeriod): { start: string; end: string } {
  const day = (field: 'from' | 'to') => {
    try {
      return toEpochDay(parsePlainDate(period[field]));
    } catch {
      throw new ReportPeriodError(field, noSuchDate(period[field]) ?? 'must be a date, YYYY-MM-DD');
    }
  };
  const from = day('from');
  const to = day('to');
  if (to < from) throw new ReportPeriodError('to', 'must not be before from');
  if (to - from + 1 > MAX_PERIOD_DAYS) throw new ReportPeriodError('to', `the period must be at most ${MAX_PERIOD_DAYS} days`);
  return { start: new Date(localMidnightMs(from)).toISOString(), end: new Date(localMidnightMs(to + 1)).toISOString() };
}

/** The first day a report may cover: a year typed wrongly ("0226", "0000") is said, not counted as empty. */
const EARLIEST_DAY = toEpochDay(parsePlainDate('2000-01-01'));

/**
 * Refuses a period that cannot be meant, as a staff member types one: a year before 2000, or a
 * period that has not begun yet (Vietnam time, by the server's clock). Either would answer with
 * zeros, which read as "nothing happened".
 */
export function checkPeriod(period: ReportPeriod, now: Date): void {
  periodBounds(period);
  const from = toEpochDay(parsePlainDate(period.from));
  if (from < EARLIEST_DAY) throw new ReportPeriodError('from', 'must be 2000-01-01 or later');
  if (from > localEpochDay(now)) throw new ReportPeriodError('from', 'must not be after today (Vietnam time): the period has not begun');
}

/**
 * Narrows a query to one agency's dossiers, or to every dossier for an empty code (the command
 * line's report for the whole server; a key always has a code). The LIKE finds the candidates
 * (agency codes hold only letters, digits and dots, none of them a LIKE wildcard); `isWithinAgency`
 * then keeps the codes that continue with a whole segment, the rule sync keys follow, and settles
 * the engines' difference (SQLite's LIKE ignores case, PostgreSQL's does not).
 */
export function agencyFilter(agency: string): { like: string; keep: (row: { dossier_code: string }) => boolean } {
  if (agency === '') return { like: '%', keep: () => true };
  return { like: `${agency}%`, keep: (row) => isWithinAgency(row.dossier_code, agency) };
}

/**
 * Whether any dossier, of any time, is the agency's, by the same rule as {@link agencyFilter}: its
 * code continues the agency's with a whole segment (`.` or `-` next). Asked in the database, without
 * reading the agency's dossiers.
 */
export async function agencyHasDossiers(storage: Storage, agency: string): Promise<boolean> {
  return (await storage.one('SELECT 1 AS found FROM dossiers WHERE code LIKE ? OR code LIKE ? LIMIT 1', [`${agency}.%`, `${agency}-%`])) !== undefined;
}

/**
 * Whose dossiers and which days a report covers, as its title says them in a spreadsheet:
 * "đơn vị 000.00.15.H26, từ ngày 01/03/2025 đến ngày 31/03/2025".
 */
export function coverageText(agency: string, period: ReportPeriod): string {
  const day = (date: string) => date.split('-').reverse().join('/');
  return `${agency ? `đơn vị ${agency}` : 'tất cả đơn vị'}, từ ngày ${day(period.from)} đến ngày ${day(period.to)}`;
}
