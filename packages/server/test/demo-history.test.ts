import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestSandbox } from './support/test-database.ts';
import { resetDatabase } from '../src/seed/load.ts';
import { findDossier, historyOf } from '../src/dossiers/repository.ts';
import { deriveTimeliness } from '../src/dossiers/view.ts';
import { pathTo } from '../src/dossiers/statuses.ts';
import { historyTimes } from '../src/dossiers/history-times.ts';
import { addWorkingTime, isWorkingInstant, subtractWorkingTime, workingMillisBetween } from '../src/calendar/working-time.ts';
import { formatLocalDateTime } from '../src/calendar/vn-time.ts';

const HOUR = 3_600_000;
const vn = (local: string) => new Date(`${local}:00+07:00`);
const show = (d: Date | string) => formatLocalDateTime(new Date(d));

describe('subtractWorkingTime', () => {
  test('counts back in working time, the inverse of addWorkingTime', () => {
    // Monday 08:00 less 2 working hours: Friday 16:00.
    assert.equal(show(subtractWorkingTime(vn('2026-11-16T08:00'), 2 * HOUR)), '2026-11-13T16:00:00+07:00');
    // Sunday night counts back from Friday 17:00; lunch is skipped.
    assert.equal(show(subtractWorkingTime(vn('2026-11-22T22:07'), 4 * HOUR)), '2026-11-20T11:00:00+07:00');
    // An exact fit is the session's start, a working instant.
    assert.equal(show(subtractWorkingTime(vn('2026-11-18T11:30'), 4.5 * HOUR)), '2026-11-18T07:00:00+07:00');
    // Tết 2026 (14–22 Feb) is skipped.
    assert.equal(show(subtractWorkingTime(vn('2026-02-23T08:00'), 2 * HOUR)), '2026-02-13T16:00:00+07:00');
    for (const end of [vn('2026-11-18T09:41'), vn('2026-11-22T02:07'), vn('2026-02-19T12:00')]) {
      for (const amount of [0.5 * HOUR, 7 * HOUR, 8 * HOUR, 100 * HOUR]) {
        const start = subtractWorkingTime(end, amount);
        assert.ok(isWorkingInstant(start), show(start));
        assert.equal(workingMillisBetween(start, end), amount);
        assert.ok(addWorkingTime(start, amount) <= end);
      }
    }
  });
});

/** Seeding clocks: every weekday at night, in the morning, at lunch and late; the weekend; Tết; a make-up Saturday. */
const CLOCKS = [
  ...['16', '17', '18', '19', '20'].flatMap((day) => ['02:07', '07:05', '09:41', '12:30', '16:59', '22:07'].map((t) => `2026-11-${day}T${t}`)),
  '2026-11-21T10:00', '2026-11-22T02:07', '2026-11-22T22:07',
  '2026-02-19T10:00', '2026-02-23T07:01', '2026-01-10T10:00',
];

describe('historyTimes', () => {
  test('a dossier received out of hours just now (a sandbox dossier on a Sunday) has no step after now', () => {
    const sunday = vn('2026-12-06 10:15');
    const times = historyTimes(pathTo('payment-due'), { received: sunday, completed: null, now: sunday });
    assert.equal(times.length, pathTo('payment-due').length);
    for (const at of times) assert.ok(at <= sunday, `${show(at.toISOString())} is after now`);
    for (let i = 1; i < times.length; i++) assert.ok(times[i - 1]! <= times[i]!);
  });
});

describe('seeded demo dossiers: every event in working time, in order, at the dossier\'s own dates', () => {
  let clock = new Date();
  let sandbox: Awaited<ReturnType<typeof createTestSandbox>>;
  before(async () => { sandbox = await createTestSandbox({ rateLimits: {}, now: () => clock }); });
  after(() => sandbox.app.close());

  test('for seeding on any weekday, at any hour, on a weekend and on holidays', async () => {
    for (const local of CLOCKS) {
      clock = vn(local);
      await resetDatabase(sandbox.context);
      const codes = (await sandbox.context.storage.all<{ code: string }>('SELECT code FROM dossiers ORDER BY code')).map((r) => r.code);
      assert.equal(codes.length, 14);
      for (const code of codes) {
        const row = (await findDossier(sandbox.context, code))!;
        const where = `${code} seeded ${local}`;
        const history = await historyOf(sandbox.context, code);
        const supplement = row.supplement ? JSON.parse(row.supplement) as { requestedAt: string } : null;
        const apology = row.apology ? JSON.parse(row.apology) as { issuedAt: string } : null;
        const events = [row.received_at, row.completed_at, supplement?.requestedAt, apology?.issuedAt, ...history.map((h) => h.at)]
          .filter((at): at is string => typeof at === 'string');
        for (const at of events) {
          // A session's close counts: a result handed over at 17:00 on its due day.
          const inOfficeHours = isWorkingInstant(new Date(at)) || isWorkingInstant(new Date(Date.parse(at) - 1));
          assert.ok(inOfficeHours, `${where}: ${show(at)} is outside working time`);
          assert.ok(new Date(at) <= clock, `${where}: ${show(at)} is after seeding`);
        }
        // A due date or a completion where one working day meets the next reads as that day's
        // close: "07:00 on 1 Dec" would read as an appointment at opening time.
        for (const at of [row.due_at, row.completed_at]) {
          if (at) assert.doesNotMatch(show(at), /T(07:00|13:30):00/, `${where}: ${show(at)} is a session's start`);
        }
        // The usual path, in order.
        assert.deepEqual(history.map((h) => h.status), pathTo(row.status), where);
        for (let i = 1; i < history.length; i++) {
          assert.ok(history[i - 1]!.at <= history[i]!.at, `${where}: ${history[i - 1]!.status} ${show(history[i - 1]!.at)} after ${history[i]!.status} ${show(history[i]!.at)}`);
        }
        // The steps sit at the dossier's own dates.
        const reception = history.find((h) => h.status === 'received') ?? history[0]!;
        assert.equal(reception.at, row.received_at, `${where}: ${reception.status} step vs received date`);
        if (row.completed_at) assert.equal(history.at(-1)!.at, row.completed_at, `${where}: last step vs completion`);
        if (row.status === 'supplement-requested') assert.equal(history.at(-1)!.at, supplement!.requestedAt, where);
      }

      // The README's demo-dossier table, as seeded.
      const timeliness = async (n: string) => deriveTimeliness((await findDossier(sandbox.context, `000.00.15.H26-261102-00${n}`))!, clock);
      assert.deepEqual(await timeliness('04'), { state: 'on-track', workingDays: 0 }, local);
      assert.equal((await timeliness('09')).state, 'early', local);
      assert.deepEqual(await timeliness('10'), { state: 'on-time', workingDays: 0 }, local);
      assert.deepEqual(await timeliness('11'), { state: 'overdue', workingDays: 3 }, local);
      assert.equal((await timeliness('12')).state, 'overdue', local);
      assert.deepEqual(await timeliness('13'), { state: 'late', workingDays: 2 }, local);
    }
  });
});
