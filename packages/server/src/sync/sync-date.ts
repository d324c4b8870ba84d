/**
 * The national portal's date-times: `yyyyMMddHHmmss`, Vietnam civil time (GMT+7, no DST).
 */
import { localEpochDay, localTimeOfDayMs, vnInstant } from '../calendar/vn-time.ts';
import { fromEpochDay, toEpochDay } from '../calendar/plain-date.ts';

const SYNC_DATE = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

/**
 * The instant `text` names, or undefined when it is not 14 digits or names no real time (month 13,
 * 30 February, hour 24, second 60): `Date` would roll those over into another day silently.
 */
export function parseSyncDate(text: string): Date | undefined {
  const match = SYNC_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  const date = { year, month, day };
  const epochDay = toEpochDay(date);
  const roundTrip = fromEpochDay(epochDay);
  if (roundTrip.month !== month || roundTrip.day !== day) return undefined;
  return vnInstant(epochDay, hour, minute, second);
}

/** `yyyyMMddHHmmss` in Vietnam time: what `parseSyncDate` reads (seconds truncated). */
export function formatSyncDate(instant: Date): string {
  const date = fromEpochDay(localEpochDay(instant));
  const seconds = Math.floor(localTimeOfDayMs(instant) / 1000);
  const parts = [
    String(date.year).padStart(4, '0'), date.month, date.day,
    Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60,
  ];
  return parts.map((part) => String(part).padStart(2, '0')).join('');
}
