/**
 * What a dossier still owes: its fee list less what was paid online here. The agency may ask for
 * more after a payment (a further financial obligation, a fee revised upwards): the citizen then
 * pays the rest, not the whole again, and what was paid keeps its receipts.
 */
import { paymentLineKinds } from '@dvc-kit/sdk';
import type { components } from '@dvc-kit/sdk';
import type { Queryable } from '../storage/storage.ts';

type PaymentLine = components['schemas']['PaymentLine'];

export interface Outstanding {
  /** What is left to pay: the lines not paid yet (or, when a paid line was changed, what each kind still owes). */
  lines: PaymentLine[];
  /** Their sum: 0 when nothing is left. */
  total: number;
  /** Paid online here already (every paid payment of the dossier). */
  paid: number;
  /**
   * Paid beyond what is now owed, summed over the kinds lowered below what was paid (the agency
   * lowered a line after it was paid): the desk refunds it or sets it against what is owed.
   */
  overpaid: number;
  /** `overpaid` by kind, each kind listed (0 for one not lowered): phí and lệ phí are refunded from different accounts. */
  overpaidByKind: { kind: PaymentLine['kind']; amount: number }[];
  /**
   * Whether the rest can be paid online: not when the agency lowered one kind (phí, lệ phí) below
   * what was paid and raised another (each receipt is for one kind, and the one lowered is owed
   * back): the desk settles both.
   */
  payableOnline: boolean;
}

/** A kind's rest, when a paid line was changed rather than a line added. */
const REST_OF: Record<PaymentLine['kind'], string> = {
  charge: 'Phí còn phải nộp',
  fee: 'Lệ phí còn phải nộp',
};

const sum = (lines: readonly PaymentLine[]) => lines.reduce((total, line) => total + line.amount, 0);
const same = (a: PaymentLine, b: PaymentLine) => a.kind === b.kind && a.description === b.description && a.amount === b.amount;

/** `from` less each of `taken` (each line of `from` taken once), or undefined when one of `taken` is not there. */
function without(from: readonly PaymentLine[], taken: readonly PaymentLine[]): PaymentLine[] | undefined {
  const rest = [...from];
  for (const line of taken) {
    const index = rest.findIndex((candidate) => same(candidate, line));
    if (index < 0) return undefined;
    rest.splice(index, 1);
  }
  return rest;
}

/** `owed` (the dossier's fee list) less the lines of its paid payments. */
export function outstandingOf(owed: readonly PaymentLine[], paidPayments: readonly (readonly PaymentLine[])[]): Outstanding {
  const paidLines = paidPayments.flat();
  const paid = sum(paidLines);
  // Usually the agency adds a line: each paid line is still in the list, and the rest is the new ones.
  const rest = without(owed, paidLines);
  if (rest) return { lines: rest, total: sum(rest), paid, overpaid: 0, overpaidByKind: paymentLineKinds.map((kind) => ({ kind, amount: 0 })), payableOnline: true };
  // A paid line was changed: what each kind still owes.
  const byKind = paymentLineKinds.map((kind) => ({
    kind,
    amount: sum(owed.filter((line) => line.kind === kind)) - sum(paidLines.filter((line) => line.kind === kind)),
  }));
  const lines = byKind.filter((k) => k.amount > 0).map(({ kind, amount }) => ({ kind, description: REST_OF[kind], amount }));
  const overpaidByKind = byKind.map(({ kind, amount }) => ({ kind, amount: Math.max(0, -amount) }));
  const overpaid = overpaidByKind.reduce((total, k) => total + k.amount, 0);
  return { lines, total: sum(lines), paid, overpaid, overpaidByKind, payableOnline: overpaid === 0 };
}

/** What the dossier owing `fees` (its stored fee list, JSON) still owes, as its paid payments stand. */
export async function outstandingFor(db: Queryable, dossierCode: string, fees: string): Promise<Outstanding> {
  const paid = await db.all<{ lines: string }>("SELECT lines FROM payments WHERE dossier_code = ? AND state = 'paid'", [dossierCode]);
  return outstandingOf(JSON.parse(fees) as PaymentLine[], paid.map((row) => JSON.parse(row.lines) as PaymentLine[]));
}

/** Whether every line of `a` is among `b`'s (in any order, each line of `b` counted once). */
export function linesWithin(a: readonly PaymentLine[], b: readonly PaymentLine[]): boolean {
  return without(b, a) !== undefined;
}

/** Whether two payments ask for the same lines (in any order): a payment open for other lines is not what is due. */
export function sameLines(a: readonly PaymentLine[], b: readonly PaymentLine[]): boolean {
  return a.length === b.length && linesWithin(a, b);
}

/** Paid here, and nothing left to pay: a request for payment sent before the payment changes nothing. */
export const isPaidInFull = (outstanding: Outstanding): boolean => outstanding.paid > 0 && outstanding.total === 0;
