import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { deriveTimeliness } from '../src/dossiers/view.ts';
import type { DossierRow } from '../src/dossiers/repository.ts';

const vn = (local: string) => new Date(`${local}:00+07:00`);
/** An open or finished dossier due `due` (Vietnam time). */
const dossier = (due: string, status: DossierRow['status'] = 'processing', completed: string | null = null) =>
  ({ status, due_at: vn(due).toISOString(), completed_at: completed && vn(completed).toISOString() }) as DossierRow;

describe('a dossier\'s timeliness', () => {
  test('an open dossier is overdue from the moment its due time has passed, nights and weekends included, with the working days it is late', () => {
    // Due Friday 20 November 2026 at 17:00.
    const due = '2026-11-20T17:00';
    assert.deepEqual(deriveTimeliness(dossier(due), vn('2026-11-20T16:59')), { state: 'on-track', workingDays: 0 });
    assert.deepEqual(deriveTimeliness(dossier(due), vn('2026-11-20T17:00')), { state: 'on-track', workingDays: 0 }, 'due at 17:00 is still on time at 17:00');
    // No working time has passed since: late all the same, by no whole working day yet.
    for (const now of ['2026-11-20T17:01', '2026-11-21T09:00', '2026-11-22T22:00', '2026-11-23T06:59']) {
      assert.deepEqual(deriveTimeliness(dossier(due), vn(now)), { state: 'overdue', workingDays: 0 }, now);
    }
    assert.deepEqual(deriveTimeliness(dossier(due), vn('2026-11-23T09:00')), { state: 'overdue', workingDays: 1 });
    // Finished at those moments, it is late: the same rule.
    assert.equal(deriveTimeliness(dossier(due, 'decided', '2026-11-21T09:00'), vn('2026-11-30T09:00')).state, 'late');
  });

  test('the clock is stopped while the agency waits for the citizen\'s supplement', () => {
    assert.deepEqual(deriveTimeliness(dossier('2026-11-20T17:00', 'supplement-requested'), vn('2026-11-25T09:00')), { state: 'on-track', workingDays: 0 });
  });
});
