/**
 * How far past the server's clock a record may be dated: clocks drift by minutes, not days. A date
 * later than that is a mistyped year ("2062"): a dossier received in the future, or a step that,
 * being the newest, would pin the dossier's status for years.
 */
import type { RecordReader } from './record-reader.ts';

const FUTURE_TOLERANCE_MS = 24 * 3600_000;

/** Refuses a date more than a day after `now`, naming its field among the record's other problems. */
export function notInFuture(reader: RecordReader, key: string, value: Date | null | undefined, now: Date | undefined): void {
  if (value && now && value.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) reader.fail(key, 'invalid', 'must not be later than a day after now');
}
