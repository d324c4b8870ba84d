import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { lunarNewYear, lunarToSolar, solarToLunar } from '../src/calendar/lunar.ts';
import {
  holidaysOf,
  isOfficialYear,
  isWorkingDay,
  makeUpWorkdaysOf,
  ruleBasedHolidaysOf,
} from '../src/calendar/holidays.ts';
import { formatPlainDate, fromEpochDay, toEpochDay } from '../src/calendar/plain-date.ts';
import { formatLocalDateTime } from '../src/calendar/vn-time.ts';
import {
  computeDueDate,
  formatLocalDate,
  isOverdue,
  isWorkingInstant,
  startOfCounting,
  timeliness,
  workingDaysEarly,
  workingDaysLate,
  workingMillisBetween,
} from '../src/calendar/working-time.ts';

/** An instant given as Vietnam wall-clock time: `vn('2025-03-03T10:00')`. */
function vn(local: string): Date {
  const withSeconds = local.length === 16 ? `${local}:00` : local;
  const d = new Date(`${withSeconds}+07:00`);
  assert.ok(!Number.isNaN(d.getTime()), `bad test date ${local}`);
  return d;
}

/** Compares instants, printing them in UTC+7 on failure. */
function assertInstant(actual: Date, expectedLocal: string, message?: string): void {
  assert.equal(formatLocalDateTime(actual), formatLocalDateTime(vn(expectedLocal)), message);
}

const HOUR = 3_600_000;

describe('lunar calendar (UTC+7)', () => {
  test('Tết dates', () => {
    const known: Record<number, string> = {
      2020: '2020-01-25',
      2021: '2021-02-12',
      2022: '2022-02-01',
      2023: '2023-01-22',
      2024: '2024-02-10',
      2025: '2025-01-29',
      2026: '2026-02-17',
      2027: '2027-02-06',
      // The new moon is 2030-02-02 23:09 in UTC+7 but 00:09 on 3 Feb in UTC+8:
      // Vietnam's Tết is 2 Feb, China's (often quoted) 3 Feb.
      2030: '2030-02-02',
    };
    for (const [year, date] of Object.entries(known)) {
      assert.equal(formatPlainDate(lunarToSolar(1, 1, Number(year))), date, `Tết ${year}`);
    }
  });

  test('years where UTC+7 and UTC+8 disagree', () => {
    assert.equal(formatPlainDate(lunarNewYear(1985)), '1985-01-21'); // China: 1985-02-20
    assert.equal(formatPlainDate(lunarNewYear(2007)), '2007-02-17'); // China: 2007-02-18
  });

  test("Hùng Kings' day (10th of the 3rd lunar month)", () => {
    assert.equal(formatPlainDate(lunarToSolar(10, 3, 2024)), '2024-04-18');
    assert.equal(formatPlainDate(lunarToSolar(10, 3, 2025)), '2025-04-07');
    assert.equal(formatPlainDate(lunarToSolar(10, 3, 2026)), '2026-04-26');
  });

  test('solar to lunar around Tết', () => {
    assert.deepEqual(solarToLunar(28, 1, 2025), { year: 2024, month: 12, day: 29, leap: false });
    assert.deepEqual(solarToLunar(29, 1, 2025), { year: 2025, month: 1, day: 1, leap: false });
    assert.deepEqual(solarToLunar(16, 2, 2026), { year: 2025, month: 12, day: 29, leap: false });
  });

  test('leap months', () => {
    // 2025 has a leap 6th month, 2023 a leap 2nd month.
    assert.deepEqual(solarToLunar(25, 7, 2025), { year: 2025, month: 6, day: 1, leap: true });
    assert.equal(formatPlainDate(lunarToSolar(1, 6, 2025, true)), '2025-07-25');
    assert.equal(formatPlainDate(lunarToSolar(1, 6, 2025)), '2025-06-25');
    assert.deepEqual(solarToLunar(22, 3, 2023), { year: 2023, month: 2, day: 1, leap: true });
    assert.throws(() => lunarToSolar(1, 5, 2025, true), RangeError);
    assert.throws(() => lunarToSolar(1, 1, 2024, true), RangeError);
  });

  test('round-trips every day 2000–2060 with days in 1..30', () => {
    const failures: string[] = [];
    const end = toEpochDay({ year: 2060, month: 12, day: 31 });
    for (let d = toEpochDay({ year: 2000, month: 1, day: 1 }); d <= end; d++) {
      const s = fromEpochDay(d);
      const l = solarToLunar(s.day, s.month, s.year);
      const back = lunarToSolar(l.day, l.month, l.year, l.leap);
      if (l.day < 1 || l.day > 30 || toEpochDay(back) !== d) failures.push(formatPlainDate(s));
    }
    assert.deepEqual(failures, []);
  });
});

describe('holidays', () => {
  test('official 2025 schedule: Tết 25 Jan – 2 Feb, 30/4 swap, 2/9', () => {
    const h = holidaysOf(2025);
    assert.ok(isOfficialYear(2025));
    assert.match(h.get('2025-01-29') ?? '', /Tết/);
    const tet = [...h].filter(([, name]) => name.includes('Tết')).map(([d]) => d);
    assert.equal(tet.length, 9);
    assert.equal(tet[0], '2025-01-25');
    assert.equal(tet.at(-1), '2025-02-02');
    assert.equal(isWorkingDay('2025-02-03'), true);
    assert.equal(isWorkingDay('2025-04-07'), false); // Hùng Kings
    assert.equal(isWorkingDay('2025-05-02'), false); // swapped Friday
    assert.equal(isWorkingDay('2025-04-26'), true); // make-up Saturday
    assert.deepEqual([...makeUpWorkdaysOf(2025).keys()], ['2025-04-26']);
    assert.equal(isWorkingDay('2025-09-01'), false);
    assert.equal(isWorkingDay('2025-09-03'), true);
  });

  test('official 2024 schedule', () => {
    assert.equal(isWorkingDay('2024-02-08'), false);
    assert.equal(isWorkingDay('2024-02-14'), false);
    assert.equal(isWorkingDay('2024-02-15'), true);
    assert.equal(isWorkingDay('2024-04-29'), false); // swapped Monday
    assert.equal(isWorkingDay('2024-05-04'), true); // make-up Saturday
    assert.equal(isWorkingDay('2024-09-03'), false);
  });

  test('official 2026 schedule: 1/1 swap, Tết 14–22 Feb, Hùng Kings on Sunday, 2/9 swap', () => {
    assert.equal(isWorkingDay('2026-01-02'), false);
    assert.equal(isWorkingDay('2026-01-10'), true);
    for (const d of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']) {
      assert.equal(isWorkingDay(d), false, d);
    }
    assert.equal(isWorkingDay('2026-02-13'), true);
    assert.equal(isWorkingDay('2026-02-23'), true);
    assert.equal(isWorkingDay('2026-04-27'), false); // compensation for Sun 26 Apr
    assert.equal(isWorkingDay('2026-04-28'), true);
    assert.equal(isWorkingDay('2026-08-22'), true); // make-up Saturday
    assert.equal(isWorkingDay('2026-08-31'), false);
    assert.equal(isWorkingDay('2026-09-03'), true);
  });

  test('2026 rules are a subset of the 2026 announcement (which only adds swaps)', () => {
    for (const d of ruleBasedHolidaysOf(2026).keys()) {
      assert.equal(isWorkingDay(d), false, d);
    }
  });

  test('computed year 2027: Tết on a Saturday gets two compensatory days', () => {
    assert.equal(isOfficialYear(2027), false);
    assert.deepEqual(
      [...holidaysOf(2027).keys()],
      [
        '2027-01-01',
        '2027-02-05', // last day of the lunar year
        '2027-02-06',
        '2027-02-07',
        '2027-02-08',
        '2027-02-09',
        '2027-02-10', // compensation for Sat 6 Feb
        '2027-02-11', // compensation for Sun 7 Feb
        '2027-04-16', // Hùng Kings
        '2027-04-30',
        '2027-05-01',
        '2027-05-03', // compensation for Sat 1 May
        '2027-09-01',
        '2027-09-02',
      ],
    );
    assert.match(holidaysOf(2027).get('2027-02-10') ?? '', /compensatory/);
    assert.equal(isWorkingDay('2027-02-12'), true);
  });

  test('computed year 2028: 1 January on a Saturday moves to Monday', () => {
    assert.equal(isWorkingDay('2028-01-03'), false);
    assert.equal(isWorkingDay('2028-01-04'), true);
  });

  test('weekends and input forms', () => {
    assert.equal(isWorkingDay('2025-03-08'), false); // Saturday
    assert.equal(isWorkingDay('2025-03-09'), false); // Sunday
    assert.equal(isWorkingDay({ year: 2025, month: 3, day: 10 }), true);
    assert.throws(() => isWorkingDay('2025-02-30'), RangeError);
  });

  test('holidaysOf returns a copy', () => {
    holidaysOf(2025).clear();
    assert.ok(holidaysOf(2025).size > 0);
  });
});

describe('startOfCounting', () => {
  test('during a session the clock starts at once', () => {
    assertInstant(startOfCounting(vn('2025-03-03T10:00')), '2025-03-03T10:00');
    assertInstant(startOfCounting(vn('2025-03-07T14:00')), '2025-03-07T14:00'); // Friday afternoon
  });

  test('after-15:00 rule', () => {
    assertInstant(startOfCounting(vn('2025-03-03T15:00')), '2025-03-03T15:00');
    assertInstant(startOfCounting(vn('2025-03-03T15:00:01')), '2025-03-04T07:00');
    assertInstant(startOfCounting(vn('2025-03-03T15:30')), '2025-03-04T07:00');
    assertInstant(startOfCounting(vn('2025-03-07T16:00')), '2025-03-10T07:00'); // Friday → Monday
  });

  test('outside working hours', () => {
    assertInstant(startOfCounting(vn('2025-03-03T06:15')), '2025-03-03T07:00');
    assertInstant(startOfCounting(vn('2025-03-03T12:00')), '2025-03-03T13:30'); // lunch
    assertInstant(startOfCounting(vn('2025-03-03T11:30')), '2025-03-03T13:30');
    assertInstant(startOfCounting(vn('2025-03-03T20:00')), '2025-03-04T07:00');
    assertInstant(startOfCounting(vn('2025-03-08T10:00')), '2025-03-10T07:00'); // Saturday
    assertInstant(startOfCounting(vn('2025-04-30T09:00')), '2025-05-05T07:00'); // holiday
    assertInstant(startOfCounting(vn('2025-04-25T15:30')), '2025-04-26T07:00'); // make-up Saturday
  });

  test('isWorkingInstant treats session ends as outside', () => {
    assert.equal(isWorkingInstant(vn('2025-03-03T07:00')), true);
    assert.equal(isWorkingInstant(vn('2025-03-03T11:30')), false);
    assert.equal(isWorkingInstant(vn('2025-03-03T17:00')), false);
    assert.equal(isWorkingInstant(vn('2025-03-08T10:00')), false);
  });
});

describe('computeDueDate', () => {
  test('working days', () => {
    assertInstant(computeDueDate(vn('2025-03-03T15:30'), 1, 'working-days'), '2025-03-04T17:00');
    assertInstant(computeDueDate(vn('2025-03-03T07:00'), 1, 'working-days'), '2025-03-03T17:00');
    assertInstant(computeDueDate(vn('2025-03-03T09:00'), 1, 'working-days'), '2025-03-04T09:00');
    // Lunch receipt: 13:30–17:00 + 07:00–11:30 is exactly 8 h, ends at the session end.
    assertInstant(computeDueDate(vn('2025-03-03T12:00'), 1, 'working-days'), '2025-03-04T11:30');
    assertInstant(computeDueDate(vn('2025-03-07T14:00'), 1, 'working-days'), '2025-03-10T14:00');
    assertInstant(computeDueDate(vn('2025-03-07T16:00'), 2, 'working-days'), '2025-03-11T17:00');
    assertInstant(computeDueDate(vn('2025-03-03T07:00'), 0.5, 'working-days'), '2025-03-03T11:00');
    assertInstant(computeDueDate(vn('2025-03-03T15:30'), 0, 'working-days'), '2025-03-04T07:00');
  });

  test('spanning Tết 2025', () => {
    // Fri 24 Jan: 5 h, then nothing until Mon 3 Feb: 8 h + 8 h + 3 h.
    assertInstant(computeDueDate(vn('2025-01-24T10:00'), 3, 'working-days'), '2025-02-05T10:00');
    assertInstant(computeDueDate(vn('2025-01-29T09:00'), 1, 'working-days'), '2025-02-03T17:00');
  });

  test('spanning Tết 2026', () => {
    assertInstant(computeDueDate(vn('2026-02-12T16:00'), 2, 'working-days'), '2026-02-23T17:00');
    assertInstant(computeDueDate(vn('2026-02-13T09:00'), 1, 'working-days'), '2026-02-23T09:00');
  });

  test('swapped working Saturday and swapped day off', () => {
    assertInstant(computeDueDate(vn('2025-04-25T15:30'), 1, 'working-days'), '2025-04-26T17:00');
    assertInstant(computeDueDate(vn('2025-04-29T09:00'), 2, 'working-days'), '2025-05-06T09:00');
    assertInstant(computeDueDate(vn('2026-01-09T15:30'), 1, 'working-days'), '2026-01-10T17:00');
  });

  test('working hours', () => {
    assertInstant(computeDueDate(vn('2025-03-03T10:00'), 4, 'hours'), '2025-03-03T16:00');
    assertInstant(computeDueDate(vn('2025-03-03T16:00'), 4, 'hours'), '2025-03-04T11:00');
  });

  test('calendar days: due at the close of office on the last day, never after it', () => {
    assertInstant(computeDueDate(vn('2025-03-03T10:00'), 3, 'days'), '2025-03-06T17:00');
    // Received on a Sunday evening (online): not due at 19:27, after the office has closed.
    assertInstant(computeDueDate(vn('2025-03-02T19:27'), 8, 'days'), '2025-03-10T17:00');
    assertInstant(computeDueDate(vn('2025-03-03T05:00'), 1, 'days'), '2025-03-04T17:00');
    assertInstant(computeDueDate(vn('2025-03-03T10:00'), 5, 'days'), '2025-03-10T17:00'); // Sat → Mon
    assertInstant(computeDueDate(vn('2025-01-01T10:00'), 30, 'days'), '2025-02-03T17:00'); // lands in Tết
  });

  test('closed pauses push the due date back by the paused working time', () => {
    const received = vn('2025-03-03T09:00');
    assertInstant(computeDueDate(received, 2, 'working-days'), '2025-03-05T09:00');
    // Mon 14:00 → Tue 14:00 is 8 working hours.
    const pauses = [{ from: vn('2025-03-03T14:00'), to: vn('2025-03-04T14:00') }];
    assertInstant(computeDueDate(received, 2, 'working-days', { pauses }), '2025-03-06T09:00');
    // Overlapping pauses count once.
    const overlapping = [
      { from: vn('2025-03-04T09:00'), to: vn('2025-03-04T14:00') },
      { from: vn('2025-03-03T14:00'), to: vn('2025-03-04T10:00') },
    ];
    assertInstant(computeDueDate(received, 2, 'working-days', { pauses: overlapping }), '2025-03-06T09:00');
    // Pauses outside working time or before receipt change nothing.
    const idle = [
      { from: vn('2025-02-20T08:00'), to: vn('2025-03-03T08:00') },
      { from: vn('2025-03-03T17:00'), to: vn('2025-03-04T07:00') },
    ];
    assertInstant(computeDueDate(received, 2, 'working-days', { pauses: idle }), '2025-03-05T09:00');
  });

  test('an open pause runs until `now`', () => {
    const received = vn('2025-03-03T09:00');
    const pauses = [{ from: vn('2025-03-03T10:00') }];
    assertInstant(
      computeDueDate(received, 1, 'working-days', { pauses, now: vn('2025-03-05T10:00') }),
      '2025-03-06T09:00',
    );
    // A pause that has not started yet at `now` is empty.
    assertInstant(
      computeDueDate(received, 1, 'working-days', { pauses, now: vn('2025-03-03T08:00') }),
      '2025-03-04T09:00',
    );
  });

  test('pauses with calendar days', () => {
    const pauses = [{ from: vn('2025-03-04T10:00'), to: vn('2025-03-06T10:00') }];
    assertInstant(computeDueDate(vn('2025-03-03T10:00'), 3, 'days', { pauses }), '2025-03-10T17:00');
  });

  test('rejects bad input', () => {
    assert.throws(() => computeDueDate(vn('2025-03-03T10:00'), -1, 'working-days'), RangeError);
    assert.throws(() => computeDueDate(new Date(Number.NaN), 1, 'working-days'), RangeError);
    assert.throws(() => computeDueDate(vn('2025-03-03T10:00'), Number.POSITIVE_INFINITY, 'hours'), RangeError);
  });
});

describe('lateness and timeliness', () => {
  test('workingMillisBetween', () => {
    assert.equal(workingMillisBetween(vn('2025-03-03T07:00'), vn('2025-03-03T17:00')), 8 * HOUR);
    assert.equal(workingMillisBetween(vn('2025-03-03T11:00'), vn('2025-03-03T14:00')), 1 * HOUR);
    assert.equal(workingMillisBetween(vn('2025-03-03T14:00'), vn('2025-03-03T11:00')), -1 * HOUR);
    assert.equal(workingMillisBetween(vn('2025-03-07T17:00'), vn('2025-03-10T07:00')), 0);
    assert.equal(workingMillisBetween(vn('2025-03-03T07:00'), vn('2025-03-10T07:00')), 40 * HOUR);
    assert.equal(workingMillisBetween(vn('2025-01-24T07:00'), vn('2025-02-03T07:00')), 8 * HOUR); // Tết
  });

  test('workingDaysLate at boundaries', () => {
    const due = vn('2025-03-07T17:00'); // Friday
    assert.equal(workingDaysLate(due, vn('2025-03-07T16:00')), 0);
    assert.equal(workingDaysLate(due, due), 0);
    assert.equal(workingDaysLate(due, vn('2025-03-08T10:00')), 0); // Saturday: no working time
    assert.equal(workingDaysLate(due, vn('2025-03-10T07:00')), 0);
    assert.equal(workingDaysLate(due, vn('2025-03-10T07:01')), 1);
    assert.equal(workingDaysLate(due, vn('2025-03-11T17:00')), 2);
    assert.equal(workingDaysLate(due, vn('2025-03-11T20:00')), 2);
    assert.equal(workingDaysLate(due, vn('2025-03-12T07:01')), 3);
  });

  test('workingDaysEarly', () => {
    const due = vn('2025-03-07T17:00');
    assert.equal(workingDaysEarly(due, due), 0);
    assert.equal(workingDaysEarly(due, vn('2025-03-10T09:00')), 0);
    assert.equal(workingDaysEarly(due, vn('2025-03-07T16:00')), 1);
    assert.equal(workingDaysEarly(due, vn('2025-03-06T17:00')), 1);
    assert.equal(workingDaysEarly(due, vn('2025-03-03T07:00')), 5);
  });

  test('timeliness compares UTC+7 calendar dates', () => {
    const due = vn('2025-03-07T17:00');
    assert.equal(timeliness(due, vn('2025-03-07T10:00')), 'on-time');
    assert.equal(timeliness(due, due), 'on-time');
    assert.equal(timeliness(due, vn('2025-03-07T17:00:01')), 'late');
    assert.equal(timeliness(due, vn('2025-03-06T16:00')), 'early');
    // 00:30 on the 7th in Vietnam is still the 6th in UTC: same local day → on time.
    assert.equal(timeliness(due, vn('2025-03-07T00:30')), 'on-time');
    assert.equal(timeliness(due, vn('2025-03-06T23:30')), 'early');
  });

  test('isOverdue', () => {
    const due = vn('2025-03-07T17:00');
    assert.equal(isOverdue(due, { now: vn('2025-03-07T16:59') }), false);
    assert.equal(isOverdue(due, { now: vn('2025-03-08T09:00') }), true);
    assert.equal(isOverdue(due, { completed: vn('2025-03-07T12:00'), now: vn('2025-03-20T09:00') }), false);
  });

  test('formatLocalDate uses UTC+7', () => {
    assert.equal(formatLocalDate(new Date('2025-03-06T17:30:00Z')), '2025-03-07');
    assert.equal(formatLocalDate(new Date('2025-03-06T16:59:59Z')), '2025-03-06');
  });
});
