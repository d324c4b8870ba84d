/**
 * `yyyyMMddHHmmss` timestamps in Vietnam wall-clock time (Asia/Ho_Chi_Minh, GMT+7, no daylight
 * saving): the national portal's sync records, and VNPay 2.1's vnp_CreateDate, vnp_ExpireDate,
 * vnp_PayDate and vnp_TransactionDate.
 */
import { formatLocalDateTime, vnInstant } from './vn-time.ts';

/**
 * `yyyyMMddHHmmss` of an instant in GMT+7, e.g. 2026-07-17T17:00:00Z → `20260718000000`
 * (VNPay 2.1: "Numeric[14], yyyyMMddHHmmss, GMT+7").
 * Throws a RangeError for an invalid Date or a year outside 1000–9999 (no longer 14 digits).
 */
export function formatVnTimestamp(instant: Date): string {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid Date.');
  // formatLocalDateTime gives `YYYY-MM-DDTHH:mm:ss+07:00`; the gateway wants the digits only.
  const digits = formatLocalDateTime(instant).slice(0, 19).replace(/[-T:]/g, '');
  if (!/^[1-9]\d{13}$/.test(digits)) throw new RangeError(`Not representable as yyyyMMddHHmmss: ${instant.toISOString()}`);
  return digits;
}

/**
 * The instant a GMT+7 `yyyyMMddHHmmss` timestamp names, or undefined when the text is not such a
 * timestamp or names an impossible time (2024-02-30, 25:00 and the like).
 */
export function parseVnTimestamp(text: string): Date | undefined {
  // Years 1000–9999: the ones yyyyMMddHHmmss can write back (a year typed "0226" is not one).
  const match = /^([1-9]\d{3})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined;
  const instant = vnInstant({ year, month, day }, hour, minute, second);
  // Round-tripping rejects days a month does not have, which the arithmetic would roll over.
  return formatVnTimestamp(instant) === text ? instant : undefined;
}
