/**
 * Calendar dates without a time or a zone (proleptic Gregorian), plus the
 * day arithmetic the holiday and lunar code needs. Day numbers count days
 * since 1970-01-01, so they line up with `Date` epoch milliseconds / 86 400 000.
 */

/** A calendar date: `month` is 1–12, `day` is 1–31. */
export interface PlainDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for a calendar date. */
export function toEpochDay(date: PlainDate): number {
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0–99 to 1900–1999.
  const d = new Date(0);
  d.setUTCFullYear(date.year, date.month - 1, date.day);
  return Math.floor(d.getTime() / DAY_MS);
}

/** The calendar date of a day number (days since 1970-01-01). */
export function fromEpochDay(epochDay: number): PlainDate {
  const d = new Date(epochDay * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** `date` shifted by `days` (may be negative). */
export function addDays(date: PlainDate, days: number): PlainDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: PlainDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((toEpochDay(date) + 4) % 7) + 7) % 7;
}

/** True on Saturday and Sunday. */
export function isWeekend(date: PlainDate): boolean {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
}

/** `YYYY-MM-DD`. */
export function formatPlainDate(date: PlainDate): string {
  const y = String(date.year).padStart(4, '0');
  const m = String(date.month).padStart(2, '0');
  const d = String(date.day).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Parses `YYYY-MM-DD`; throws a RangeError for malformed or impossible dates. */
export function parsePlainDate(text: string): PlainDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(text)}`);
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  // Round-tripping rejects 2025-02-30 and the like, which Date would roll over.
  if (formatPlainDate(fromEpochDay(toEpochDay(date))) !== text) {
    throw new RangeError(`No such date: ${text}`);
  }
  return date;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Why `text`, written `YYYY-MM-DD`, names no day: "2026-02-30 does not exist (February 2026 has
 * days 01 to 28)". Undefined when it names one, or is not written so (a wrong format, said apart).
 */
export function noSuchDate(text: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12) return `${text} does not exist (a year has months 01 to 12)`;
  const days = toEpochDay({ year, month: month + 1, day: 1 }) - toEpochDay({ year, month, day: 1 });
  if (day < 1 || day > days) return `${text} does not exist (${MONTH_NAMES[month - 1]} ${match[1]} has days 01 to ${days})`;
  return undefined;
}

/** Accepts either form used across the calendar API. */
export function toPlainDate(date: PlainDate | string): PlainDate {
  return typeof date === 'string' ? parsePlainDate(date) : date;
}
