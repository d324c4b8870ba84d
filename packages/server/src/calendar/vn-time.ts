/**
 * Conversions between instants (`Date`) and Vietnam civil time.
 * Asia/Ho_Chi_Minh has been a fixed UTC+7 since 1975 with no DST, so a fixed
 * offset is exact for every date this project handles and needs no tz data.
 */
import type { PlainDate } from './plain-date.ts';
import { formatPlainDate, fromEpochDay, toEpochDay } from './plain-date.ts';

/** UTC+7 in milliseconds. */
export const VN_OFFSET_MS = 7 * 3_600_000;
/** One calendar day in milliseconds. */
export const DAY_MS = 86_400_000;

/** Day number (days since 1970-01-01) of the instant's date in UTC+7. */
export function localEpochDay(instant: Date): number {
  return Math.floor((instant.getTime() + VN_OFFSET_MS) / DAY_MS);
}

/** Milliseconds elapsed since local (UTC+7) midnight. */
export function localTimeOfDayMs(instant: Date): number {
  const shifted = instant.getTime() + VN_OFFSET_MS;
  return shifted - Math.floor(shifted / DAY_MS) * DAY_MS;
}

/** The instant's calendar date in UTC+7. */
export function localPlainDate(instant: Date): PlainDate {
  return fromEpochDay(localEpochDay(instant));
}

/** The instant's calendar date in UTC+7, as `YYYY-MM-DD`. */
export function formatLocalDate(instant: Date): string {
  return formatPlainDate(localPlainDate(instant));
}

/** Epoch milliseconds of local midnight (UTC+7) that starts the given day number. */
export function localMidnightMs(epochDay: number): number {
  return epochDay * DAY_MS - VN_OFFSET_MS;
}

/** The instant at the given UTC+7 wall-clock time on a date (or day number). */
export function vnInstant(date: PlainDate | number, hour = 0, minute = 0, second = 0): Date {
  const epochDay = typeof date === 'number' ? date : toEpochDay(date);
  return new Date(localMidnightMs(epochDay) + ((hour * 60 + minute) * 60 + second) * 1000);
}

/** `YYYY-MM-DDTHH:mm:ss+07:00`: readable in logs and test failures. */
export function formatLocalDateTime(instant: Date): string {
  const tod = localTimeOfDayMs(instant);
  const hh = String(Math.floor(tod / 3_600_000)).padStart(2, '0');
  const mm = String(Math.floor(tod / 60_000) % 60).padStart(2, '0');
  const ss = String(Math.floor(tod / 1000) % 60).padStart(2, '0');
  return `${formatLocalDate(instant)}T${hh}:${mm}:${ss}+07:00`;
}
