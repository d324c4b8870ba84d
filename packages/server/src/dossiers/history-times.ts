import { addWorkingTime, isWorkingInstant, subtractWorkingTime, workingMillisBetween } from '../calendar/working-time.ts';
import type { DossierStatus } from './statuses.ts';

const HOUR_MS = 3_600_000;

export interface HistoryDates {
  /** The dossier's received date. */
  received: Date;
  /** Its completion, for a decided or delivered dossier. */
  completed: Date | null;
  /** When the supplement was asked for, for a dossier waiting for one. */
  supplementRequestedAt?: Date | undefined;
  now: Date;
}

/**
 * When each step of a dossier made in one go happened (`steps` as `pathTo` gives them), in order,
 * inside working time, and where the dossier's own dates put them:
 * - the reception (the `received` step, or the first step of a dossier never received: still
 *   submitted, or refused at the desk) is at the received date; a `submitted` step before it is
 *   one working hour earlier (sent online, then taken in by the desk);
 * - the last step is at the completion of a decided or delivered dossier, and at the request of a
 *   dossier waiting for a supplement;
 * - the steps between are spread evenly over the working time from the reception to that last
 *   step, or to now for a dossier still open (its latest step a share of that time before now);
 *   received out of hours just now, they are at now (outside working time, never in the future).
 */
export function historyTimes(steps: readonly DossierStatus[], dates: HistoryDates): Date[] {
  const { received, completed, supplementRequestedAt, now } = dates;
  const anchor = Math.max(0, steps.indexOf('received'));
  const times: Date[] = steps.map(() => received);
  for (let i = 0; i < anchor; i++) times[i] = subtractWorkingTime(received, (anchor - i) * HOUR_MS);

  const after = steps.length - 1 - anchor;
  if (after === 0) return times;
  const last = steps.at(-1);
  const fixedEnd = (last === 'decided' || last === 'result-delivered') && completed ? completed
    : last === 'supplement-requested' && supplementRequestedAt ? supplementRequestedAt
    : null;
  const slots = fixedEnd ? after : after + 1;
  let span = workingMillisBetween(received, fixedEnd ?? now);
  // Dated after now (or completed before it was received): an hour apart.
  if (span <= 0) span = slots * HOUR_MS;
  for (let k = 1; k <= after; k++) {
    const at = addWorkingTime(received, (span * k) / slots);
    // A share that fills a session exactly ends at 11:30 or 17:00, just outside it.
    times[anchor + k] = isWorkingInstant(at) ? at : new Date(at.getTime() - 60_000);
  }
  if (fixedEnd) times[steps.length - 1] = fixedEnd;
  // A dossier still open, received out of hours just now (a sandbox dossier on a Sunday): its steps
  // would fall in the next working session, after now. They are put at now, in order, instead.
  else for (let k = 1; k <= after; k++) if (times[anchor + k]! > now) times[anchor + k] = new Date(Math.max(now.getTime(), received.getTime()));
  return times;
}
