/**
 * Days off for Vietnamese public servants (the calendar dossiers are counted in).
 *
 * Two sources, per year:
 * 1. OFFICIAL: the schedule the government actually announced. Tết and the
 *    30/4–1/5 and 2/9 breaks are reshuffled every year (days moved, Saturdays
 *    worked in exchange), so no rule reproduces them; this table wins whenever
 *    a year is present.
 * 2. Rules of the Labour Code 2019, art. 112 (in force since 2021), for every
 *    other year: fixed solar holidays, lunar ones via ./lunar.ts, and a
 *    compensatory day off on the next working day for each holiday falling on a
 *    Saturday or Sunday (art. 112(3); public servants rest both days).
 *
 * Both are cached per year; the maps are built once and copied out.
 */
import type { PlainDate } from './plain-date.ts';
import { addDays, formatPlainDate, isWeekend, parsePlainDate, toPlainDate } from './plain-date.ts';
import { lunarNewYear, lunarToSolar } from './lunar.ts';

const NEW_YEAR = "New Year's Day";
const TET = 'Tết (Lunar New Year)';
const HUNG_KINGS = "Hùng Kings' Commemoration Day";
const REUNIFICATION = 'Reunification Day';
const LABOUR_DAY = 'International Labour Day';
const NATIONAL_DAY = 'National Day';

interface OfficialYear {
  /** Where the dates come from, so the next person can re-check them. */
  readonly source: string;
  /** Inclusive ranges of days off, weekends inside a break included (as announced). */
  readonly daysOff: ReadonlyArray<readonly [from: string, to: string, name: string]>;
  /** Saturdays/Sundays worked in exchange for a weekday moved into a break. */
  readonly makeUpWorkdays: ReadonlyArray<readonly [date: string, reason: string]>;
}

/**
 * Officially announced schedules for public servants (công chức, viên chức).
 * Dates cross-checked against press reports of the announcements.
 */
const OFFICIAL: Readonly<Record<number, OfficialYear>> = {
  2024: {
    // Tết and 2/9: PM's approval announced by MOLISA in Nov 2023 (notice number
    // not verified). 30/4 swap: PM's approval of Mar 2024 (document number not verified).
    source: 'MOLISA announcements, Nov 2023 (Tết, 2/9) and Mar 2024 (30/4–1/5 swap)',
    daysOff: [
      ['2024-01-01', '2024-01-01', NEW_YEAR],
      ['2024-02-08', '2024-02-14', TET], // Thu 29 Chạp – Wed mùng 5
      ['2024-04-18', '2024-04-18', HUNG_KINGS],
      ['2024-04-27', '2024-04-29', `${REUNIFICATION} break (Mon 29 Apr swapped)`],
      ['2024-04-30', '2024-04-30', REUNIFICATION],
      ['2024-05-01', '2024-05-01', LABOUR_DAY],
      ['2024-08-31', '2024-09-03', NATIONAL_DAY], // 2/9 (Mon) + 3/9 as the adjacent day
    ],
    makeUpWorkdays: [['2024-05-04', 'Worked in exchange for Mon 29 Apr 2024']],
  },
  2025: {
    // Thông báo 6150/TB-LĐTBXH (Nov 2024), implementing Công văn 8726/VPCP-KGVX.
    source: 'MOLISA Thông báo 6150/TB-LĐTBXH (2024), per Công văn 8726/VPCP-KGVX',
    daysOff: [
      ['2025-01-01', '2025-01-01', NEW_YEAR],
      ['2025-01-25', '2025-02-02', TET], // Sat 26 Chạp – Sun mùng 5; official days Mon 27 – Fri 31 Jan
      ['2025-04-05', '2025-04-07', HUNG_KINGS], // Mon 7 Apr + weekend
      ['2025-04-30', '2025-04-30', REUNIFICATION],
      ['2025-05-01', '2025-05-01', LABOUR_DAY],
      ['2025-05-02', '2025-05-04', `${LABOUR_DAY} break (Fri 2 May swapped)`],
      ['2025-08-30', '2025-09-02', NATIONAL_DAY], // 1/9 (Mon) as the adjacent day
    ],
    makeUpWorkdays: [['2025-04-26', 'Worked in exchange for Fri 2 May 2025']],
  },
  2026: {
    // Tết + 2/9: Ministry of Home Affairs Thông báo 9441/TB-BNV (16 Oct 2025).
    // 1/1: Công văn 12729/VPCP-KGVX (25 Dec 2025). Hùng Kings and 30/4–1/5 follow
    // the Labour Code; no swap for them had been announced when this was written.
    source: 'MOHA Thông báo 9441/TB-BNV (2025); VPCP Công văn 12729/VPCP-KGVX (2025)',
    daysOff: [
      ['2026-01-01', '2026-01-01', NEW_YEAR],
      ['2026-01-02', '2026-01-04', `${NEW_YEAR} break (Fri 2 Jan swapped)`],
      ['2026-02-14', '2026-02-22', TET], // Sat 27 Chạp – Sun mùng 6; official days Mon 16 – Fri 20 Feb
      ['2026-04-25', '2026-04-26', HUNG_KINGS], // 10/3 lunar is Sun 26 Apr
      ['2026-04-27', '2026-04-27', `${HUNG_KINGS} (compensatory day off)`],
      ['2026-04-30', '2026-04-30', REUNIFICATION],
      ['2026-05-01', '2026-05-03', LABOUR_DAY],
      ['2026-08-29', '2026-08-31', `${NATIONAL_DAY} break (Mon 31 Aug swapped)`],
      ['2026-09-01', '2026-09-02', NATIONAL_DAY], // 1/9 as the adjacent day
    ],
    makeUpWorkdays: [
      ['2026-01-10', 'Worked in exchange for Fri 2 Jan 2026'],
      ['2026-08-22', 'Worked in exchange for Mon 31 Aug 2026'],
    ],
  },
};

/** Years whose schedule comes from the official table rather than the rules. */
export function isOfficialYear(year: number): boolean {
  return Object.hasOwn(OFFICIAL, year);
}

/**
 * Days off for `year` computed from the Labour Code 2019 rules alone, ignoring
 * the official table. Exposed so the rules can be compared with announcements.
 * National Day's adjacent day is taken as 1 September (the government picks
 * 1 or 3 Sept each year).
 */
export function ruleBasedHolidaysOf(year: number): Map<string, string> {
  const base: Array<[PlainDate, string]> = [[{ year, month: 1, day: 1 }, NEW_YEAR]];
  // Tết: last day of the old lunar year plus the first four of the new one.
  const tet = lunarNewYear(year);
  for (let i = -1; i <= 3; i++) base.push([addDays(tet, i), TET]);
  base.push([lunarToSolar(10, 3, year), HUNG_KINGS]);
  base.push([{ year, month: 4, day: 30 }, REUNIFICATION]);
  base.push([{ year, month: 5, day: 1 }, LABOUR_DAY]);
  base.push([{ year, month: 9, day: 1 }, `${NATIONAL_DAY} (adjacent day)`]);
  base.push([{ year, month: 9, day: 2 }, NATIONAL_DAY]);

  const days = new Map<string, string>(base.map(([date, name]) => [formatPlainDate(date), name]));
  // Chronological order so a chain of weekend holidays (e.g. Sat 30/4, Sun 1/5)
  // gets consecutive compensation days without collisions.
  base.sort(([a], [b]) => formatPlainDate(a).localeCompare(formatPlainDate(b)));
  for (const [date, name] of base) {
    if (!isWeekend(date)) continue;
    let comp = addDays(date, 1);
    while (isWeekend(comp) || days.has(formatPlainDate(comp))) comp = addDays(comp, 1);
    const label = name.endsWith(' (adjacent day)') ? name.slice(0, -' (adjacent day)'.length) : name;
    days.set(formatPlainDate(comp), `${label} (compensatory day off)`);
  }
  return sortedMap(days);
}

function officialHolidaysOf(entry: OfficialYear): Map<string, string> {
  const days = new Map<string, string>();
  for (const [from, to, name] of entry.daysOff) {
    for (let d = parsePlainDate(from); formatPlainDate(d) <= to; d = addDays(d, 1)) {
      days.set(formatPlainDate(d), name);
    }
  }
  return sortedMap(days);
}

function sortedMap(days: Map<string, string>): Map<string, string> {
  return new Map([...days].sort(([a], [b]) => a.localeCompare(b)));
}

const holidayCache = new Map<number, Map<string, string>>();
const makeUpCache = new Map<number, Map<string, string>>();

function cachedHolidays(year: number): Map<string, string> {
  let days = holidayCache.get(year);
  if (!days) {
    const entry = OFFICIAL[year];
    days = entry ? officialHolidaysOf(entry) : ruleBasedHolidaysOf(year);
    holidayCache.set(year, days);
  }
  return days;
}

function cachedMakeUpDays(year: number): Map<string, string> {
  let days = makeUpCache.get(year);
  if (!days) {
    days = new Map(OFFICIAL[year]?.makeUpWorkdays ?? []);
    makeUpCache.set(year, days);
  }
  return days;
}

/**
 * Public-servant days off in `year`, keyed `YYYY-MM-DD`, valued with an English
 * name, in date order. Uses the official schedule when known (see
 * {@link isOfficialYear}), otherwise the Labour Code rules. May include
 * weekend days that belong to an announced break. Returns a fresh copy.
 */
export function holidaysOf(year: number): Map<string, string> {
  return new Map(cachedHolidays(year));
}

/**
 * Weekend days that are worked in `year` (make-up days for a swapped weekday),
 * keyed `YYYY-MM-DD`, valued with the reason. Empty for rule-based years.
 */
export function makeUpWorkdaysOf(year: number): Map<string, string> {
  return new Map(cachedMakeUpDays(year));
}

/**
 * Whether public offices work on this calendar date: Monday–Friday unless a
 * holiday, plus any announced make-up Saturday/Sunday.
 * @param date a plain date or `YYYY-MM-DD`
 */
export function isWorkingDay(date: PlainDate | string): boolean {
  const plain = toPlainDate(date);
  const key = formatPlainDate(plain);
  if (cachedMakeUpDays(plain.year).has(key)) return true;
  if (isWeekend(plain)) return false;
  return !cachedHolidays(plain.year).has(key);
}
