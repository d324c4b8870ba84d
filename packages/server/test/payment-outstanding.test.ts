import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isPaidInFull, outstandingOf } from '../src/payments/outstanding.ts';

const fee = (description: string, amount: number) => ({ kind: 'fee' as const, description, amount });
const charge = (description: string, amount: number) => ({ kind: 'charge' as const, description, amount });
const overpaidByKind = (charge: number, fee: number) => [{ kind: 'charge', amount: charge }, { kind: 'fee', amount: fee }];

describe('what a dossier still owes', () => {
  test('nothing paid: the whole fee list', () => {
    const owed = [charge('Phí', 200_000), fee('Lệ phí', 10_000)];
    assert.deepEqual(outstandingOf(owed, []), { lines: owed, total: 210_000, paid: 0, overpaid: 0, overpaidByKind: overpaidByKind(0, 0), payableOnline: true });
    assert.equal(isPaidInFull(outstandingOf(owed, [])), false);
  });

  test('paid, then a line added: the new line, and the paid ones are not owed again (twice the same line counts twice)', () => {
    const paid = [[fee('Lệ phí', 10_000)], [fee('Lệ phí', 10_000)]];
    const owed = [fee('Lệ phí', 10_000), charge('Phí thẩm định', 100_000), fee('Lệ phí', 10_000), fee('Lệ phí', 10_000)];
    assert.deepEqual(outstandingOf(owed, paid), { lines: [charge('Phí thẩm định', 100_000), fee('Lệ phí', 10_000)], total: 110_000, paid: 20_000, overpaid: 0, overpaidByKind: overpaidByKind(0, 0), payableOnline: true });
  });

  test('paid in full: nothing left, whether the list is the same or was lowered after', () => {
    const owed = [charge('Phí', 200_000)];
    assert.equal(isPaidInFull(outstandingOf(owed, [owed])), true);
    assert.equal(isPaidInFull(outstandingOf([charge('Phí', 150_000)], [owed])), true);
    assert.deepEqual(outstandingOf([charge('Phí', 150_000)], [owed]).lines, []);
    // Lowered after it was paid: the difference is said, for the desk to refund.
    const lowered = outstandingOf([charge('Phí', 150_000)], [owed]);
    assert.deepEqual([lowered.overpaid, lowered.overpaidByKind], [50_000, overpaidByKind(50_000, 0)]);
  });

  test('a paid line raised: what each kind still owes, payable online', () => {
    const rest = outstandingOf([charge('Phí (điều chỉnh)', 250_000), fee('Lệ phí', 10_000)], [[charge('Phí', 200_000), fee('Lệ phí', 10_000)]]);
    assert.deepEqual(rest, { lines: [charge('Phí còn phải nộp', 50_000)], total: 50_000, paid: 210_000, overpaid: 0, overpaidByKind: overpaidByKind(0, 0), payableOnline: true });
  });

  test('one kind lowered below what was paid and another raised: the rest is for the desk, not online', () => {
    const rest = outstandingOf([charge('Phí', 100_000), fee('Lệ phí', 50_000)], [[charge('Phí', 200_000)]]);
    assert.deepEqual(rest, { lines: [fee('Lệ phí còn phải nộp', 50_000)], total: 50_000, paid: 200_000, overpaid: 100_000, overpaidByKind: overpaidByKind(100_000, 0), payableOnline: false });
    assert.equal(isPaidInFull(rest), false);
  });
});
