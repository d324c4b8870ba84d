/**
 * Working-time arithmetic for dossier due dates.
 *
 * Instants are JS `Date`s; every calendar decision (which day, which session)
 * is made in Vietnam time (UTC+7). Offices work two sessions a day,
 * 07:00–11:30 and 13:30–17:00 (8 h), on working days as defined by
 * ./holidays.ts (weekdays minus days off, plus make-up weekend days).
 * Sessions are half-open: 11:30 and 17:00 themselves are not working instants.
 */
import { isWorkingDay } from './holidays.ts';
import { fromEpochDay } from './plain-date.ts';
import { DAY_MS, localEpochDay, localMidnightMs, localTimeOfDayMs } from './vn-time.ts';

export { formatLocalDate } from './vn-time.ts';

/** Unit of a processing time: working days (8 working hours), calendar days, working hours. */
export type DurationUnit = 'working-days' | 'days' | 'hours';

/** A period during which the clock is stopped (waiting for a supplement). No `to` = still paused. */
export interface PauseInterval {
  readonly from: Date;
  readonly to?: Date | undefined;
}

/** Options of {@link computeDueDate}. */
export interface DueDateOptions {
  /** Clock-stopping periods; may overlap, may be unordered, may precede receipt. */
  readonly pauses?: readonly PauseInterval[] | undefined;
  /** Where an open pause (no `to`) ends for the computation. Defaults to the current time. */
  readonly now?: Date | undefined;
}

/** Timeliness of a completed dossier, as reported in statistics. */
export type Timeliness = 'early' | 'on-time' | 'late';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
/** A working day is 8 working hours. */
export const WORKING_DAY_MS = 8 * HOUR_MS;
/** The two daily sessions as [start, end) offsets from local midnight. */
const SESSIONS: ReadonlyArray<readonly [number, number]> = [
  [7 * HOUR_MS, 11 * HOUR_MS + 30 * MINUTE_MS],
  [13 * HOUR_MS + 30 * MINUTE_MS, 17 * HOUR_MS],
];
const DAY_START_MS = 7 * HOUR_MS;
const DAY_END_MS = 17 * HOUR_MS;
/** Dossiers received after 15:00 count from the next working day. */
const SAME_DAY_CUTOFF_MS = 15 * HOUR_MS;
/** Give up scanning after this many consecutive days; no real calendar has such a gap. */
const MAX_SCAN_DAYS = 3_660_000;

type Interval = readonly [start: number, end: number];

function isWorkingEpochDay(epochDay: number): boolean {
  return isWorkingDay(fromEpochDay(epochDay));
}

/** Absolute working intervals (epoch ms) of one local day; empty on days off. */
function sessionsOfDay(epochDay: number): Interval[] {
  if (!isWorkingEpochDay(epochDay)) return [];
  const midnight = localMidnightMs(epochDay);
  return SESSIONS.map(([s, e]) => [midnight + s, midnight + e] as const);
}

/** Working intervals from `fromMs` onwards, in order, clipped to start at `fromMs`. Endless. */
function* workingIntervalsFrom(fromMs: number): Generator<Interval> {
  const firstDay = localEpochDay(new Date(fromMs));
  for (let day = firstDay; day - firstDay < MAX_SCAN_DAYS; day++) {
    for (const [s, e] of sessionsOfDay(day)) {
      if (e <= fromMs) continue;
      yield [Math.max(s, fromMs), e];
    }
  }
  throw new RangeError('Working-time scan ran past any plausible date');
}

/** Working intervals before `toMs`, latest first, clipped to end at `toMs`. Endless. */
function* workingIntervalsBefore(toMs: number): Generator<Interval> {
  const lastDay = localEpochDay(new Date(toMs));
  for (let day = lastDay; lastDay - day < MAX_SCAN_DAYS; day--) {
    for (const [s, e] of sessionsOfDay(day).reverse()) {
      if (s >= toMs) continue;
      yield [s, Math.min(e, toMs)];
    }
  }
  throw new RangeError('Working-time scan ran past any plausible date');
}

/** Counted time from `fromMs` onwards: calendar time, endlessly. */
function* calendarIntervalsFrom(fromMs: number): Generator<Interval> {
  yield [fromMs, Number.POSITIVE_INFINITY];
}

/** Sorted, merged, non-empty pause intervals in epoch ms; open pauses end at `nowMs`. */
function normalizePauses(pauses: readonly PauseInterval[], nowMs: number): Interval[] {
  const list: Array<[number, number]> = [];
  for (const p of pauses) {
    const from = p.from.getTime();
    const to = p.to ? p.to.getTime() : nowMs;
    if (Number.isNaN(from) || Number.isNaN(to)) throw new RangeError('Invalid pause date');
    if (to > from) list.push([from, to]);
  }
  list.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const p of list) {
    const last = merged.at(-1);
    if (last && p[0] <= last[1]) last[1] = Math.max(last[1], p[1]);
    else merged.push([p[0], p[1]]);
  }
  return merged;
}

/** `intervals` with the (sorted, merged) `pauses` cut out. */
function* withoutPauses(intervals: Iterable<Interval>, pauses: readonly Interval[]): Generator<Interval> {
  let i = 0; // pauses ending before the current interval are never needed again
  for (const [start, end] of intervals) {
    while (i < pauses.length && (pauses[i] as Interval)[1] <= start) i++;
    let cursor = start;
    for (let j = i; j < pauses.length && cursor < end; j++) {
      const [ps, pe] = pauses[j] as Interval;
      if (ps >= end) break;
      if (ps > cursor) yield [cursor, ps];
      cursor = Math.max(cursor, pe);
    }
    if (cursor < end) yield [cursor, end];
  }
}

/** The instant after consuming `amountMs` of counted time; exact fits end at an interval's end. */
function consume(intervals: Iterable<Interval>, startMs: number, amountMs: number): number {
  if (amountMs <= 0) return startMs;
  let remaining = amountMs;
  for (const [s, e] of intervals) {
    const length = e - s;
    if (remaining <= length) return s + remaining;
    remaining -= length;
  }
  throw new RangeError('Ran out of counted time');
}

function assertValidDate(d: Date, name: string): void {
  if (Number.isNaN(d.getTime())) throw new RangeError(`Invalid date: ${name}`);
}

/** The first instant of the next working day strictly after local day `epochDay`. */
function startOfNextWorkingDay(epochDay: number): Date {
  let day = epochDay + 1;
  while (!isWorkingEpochDay(day)) {
    if (day - epochDay > MAX_SCAN_DAYS) throw new RangeError('No working day found');
    day++;
  }
  return new Date(localMidnightMs(day) + DAY_START_MS);
}

/** Whether `instant` lies inside a working session (start inclusive, end exclusive). */
export function isWorkingInstant(instant: Date): boolean {
  const day = localEpochDay(instant);
  if (!isWorkingEpochDay(day)) return false;
  const tod = localTimeOfDayMs(instant);
  return SESSIONS.some(([s, e]) => tod >= s && tod < e);
}

/** The earliest working instant at or after `instant`. */
export function nextWorkingInstant(instant: Date): Date {
  assertValidDate(instant, 'instant');
  const first = workingIntervalsFrom(instant.getTime()).next();
  if (first.done) throw new RangeError('No working time found');
  return new Date(first.value[0]);
}

/**
 * The instant the processing clock starts for a dossier received at `received`.
 * - Received on a working day up to 15:00 inclusive: the clock starts at once
 *   if inside a session, else at the next session start that day (07:00 for an
 *   early-morning receipt, 13:30 for a receipt during the lunch break).
 * - Received after 15:00, or on a day off: 07:00 of the next working day.
 */
export function startOfCounting(received: Date): Date {
  assertValidDate(received, 'received');
  const day = localEpochDay(received);
  if (isWorkingEpochDay(day) && localTimeOfDayMs(received) <= SAME_DAY_CUTOFF_MS) {
    return nextWorkingInstant(received);
  }
  return startOfNextWorkingDay(day);
}

/**
 * Adds `amountMs` of working time to `start`, skipping non-working time and
 * the given pauses. A count that ends exactly at a session end returns that
 * session end (17:00, not next morning's 07:00).
 */
export function addWorkingTime(start: Date, amountMs: number, options: DueDateOptions = {}): Date {
  assertValidDate(start, 'start');
  if (!Number.isFinite(amountMs) || amountMs < 0) throw new RangeError(`Bad amount: ${amountMs}`);
  const pauses = normalizePauses(options.pauses ?? [], (options.now ?? new Date()).getTime());
  const from = start.getTime();
  return new Date(consume(withoutPauses(workingIntervalsFrom(from), pauses), from, amountMs));
}

/**
 * The latest instant that lies `amountMs` of working time before `end`: the inverse of
 * {@link addWorkingTime}. For a positive amount it is always a working instant (an exact fit
 * returns a session start, 07:00 or 13:30); `end` itself may be any time (a Sunday night counts
 * back from Friday 17:00).
 */
export function subtractWorkingTime(end: Date, amountMs: number): Date {
  assertValidDate(end, 'end');
  if (!Number.isFinite(amountMs) || amountMs < 0) throw new RangeError(`Bad amount: ${amountMs}`);
  if (amountMs === 0) return new Date(end);
  let remaining = amountMs;
  for (const [s, e] of workingIntervalsBefore(end.getTime())) {
    if (remaining <= e - s) return new Date(e - remaining);
    remaining -= e - s;
  }
  throw new RangeError('Ran out of working time');
}

/**
 * Due date of a dossier received at `received` with a processing time of
 * `amount` `unit`s.
 *
 * - `'working-days'`: `amount` × 8 working hours counted from
 *   {@link startOfCounting}. Received Mon 15:30 → starts Tue 07:00 → 1 working
 *   day is due Tue 17:00. Fractions are allowed (0.5 = 4 working hours).
 * - `'hours'`: `amount` working hours counted from {@link startOfCounting}.
 * - `'days'`: `amount` × 24 h of calendar time from `received` itself, due at
 *   the close of office (17:00) on the day that lands on, or of the next working
 *   day when it is a day off: a period in days ends with its last day (never at
 *   19:27, after the office has closed).
 *
 * `options.pauses` stop the clock: working time (calendar time for `'days'`)
 * inside a pause does not count, so each pause pushes the due date back. The
 * clock resumes immediately when a pause ends (no after-15:00 rule on resume).
 * A pause without `to` is still running: it is treated as ending at
 * `options.now` (default: the current time), i.e. the result is the due date
 * if the citizen supplied the documents right now.
 *
 * @throws RangeError on an invalid date or a negative / non-finite amount.
 */
export function computeDueDate(
  received: Date,
  amount: number,
  unit: DurationUnit,
  options: DueDateOptions = {},
): Date {
  assertValidDate(received, 'received');
  if (!Number.isFinite(amount) || amount < 0) throw new RangeError(`Bad amount: ${amount}`);
  switch (unit) {
    case 'working-days':
      return addWorkingTime(startOfCounting(received), Math.round(amount * WORKING_DAY_MS), options);
    case 'hours':
      return addWorkingTime(startOfCounting(received), Math.round(amount * HOUR_MS), options);
    case 'days': {
      const pauses = normalizePauses(options.pauses ?? [], (options.now ?? new Date()).getTime());
      const from = received.getTime();
      const end = consume(withoutPauses(calendarIntervalsFrom(from), pauses), from, Math.round(amount * DAY_MS));
      const day = localEpochDay(new Date(end));
      if (isWorkingEpochDay(day)) return new Date(localMidnightMs(day) + DAY_END_MS);
      return new Date(startOfNextWorkingDay(day).getTime() - DAY_START_MS + DAY_END_MS);
    }
    default: {
      const never: never = unit;
      throw new RangeError(`Unknown duration unit: ${String(never)}`);
    }
  }
}

/**
 * Working time between two instants, in milliseconds; negative when `b` is
 * before `a`. Pauses are not considered.
 */
export function workingMillisBetween(a: Date, b: Date): number {
  assertValidDate(a, 'a');
  assertValidDate(b, 'b');
  const from = a.getTime();
  const to = b.getTime();
  if (to < from) return -workingMillisBetween(b, a);
  let total = 0;
  for (const [s, e] of workingIntervalsFrom(from)) {
    if (s >= to) break;
    total += Math.min(e, to) - s;
  }
  return total;
}

/**
 * Working days of lateness: 0 when `reference` (now, or the completion time)
 * is at or before `due`, and 0 when no working time elapsed in between (due
 * Fri 17:00, reference Mon 07:00); otherwise the working time past `due`
 * divided by 8 h, rounded up (one working minute late = 1 day).
 */
export function workingDaysLate(due: Date, reference: Date): number {
  if (reference.getTime() <= due.getTime()) return 0;
  return Math.ceil(workingMillisBetween(due, reference) / WORKING_DAY_MS);
}

/**
 * Working days of earliness: 0 when `completed` is at or after `due`;
 * otherwise the working time between `completed` and `due` divided by 8 h,
 * rounded up.
 */
export function workingDaysEarly(due: Date, completed: Date): number {
  if (completed.getTime() >= due.getTime()) return 0;
  return Math.ceil(workingMillisBetween(completed, due) / WORKING_DAY_MS);
}

/**
 * Statistics bucket of a completed dossier: `'late'` if completed after `due`;
 * `'early'` if completed on an earlier calendar date (UTC+7) than `due`;
 * otherwise `'on-time'` (same day, at or before the due instant).
 */
export function timeliness(due: Date, completed: Date): Timeliness {
  assertValidDate(due, 'due');
  assertValidDate(completed, 'completed');
  if (completed.getTime() > due.getTime()) return 'late';
  return localEpochDay(completed) < localEpochDay(due) ? 'early' : 'on-time';
}

/**
 * Whether a dossier is overdue: its completion time (or, while still open,
 * `now`, default the current time) is after `due`.
 */
export function isOverdue(due: Date, at: { completed?: Date | undefined; now?: Date | undefined } = {}): boolean {
  const reference = at.completed ?? at.now ?? new Date();
  return reference.getTime() > due.getTime();
}
