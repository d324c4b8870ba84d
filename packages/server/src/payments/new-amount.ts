/**
 * What the agency revising a dossier's fees does to its open payments. One for lines still owed
 * (the agency added a line while the payer was at the gateway) stays open: paid, it settles those
 * lines and the new one is what is left. Any other is closed (superseded), as a new payment
 * request would close it, so the gateway's "paid" for lines no longer owed is never confirmed.
 * Should the payer complete it at the gateway all the same, its notification is refused and the
 * money marked for refund (notifications.ts); should the notification be lost, reconciliation
 * finds it (closed-payments.ts). Money paid beyond fees lowered after is recorded on the dossier
 * for the payment report. Run in the transaction that changes the fees, which holds the
 * dossier's row (settlement.ts takes the same row before confirming a payment), so the two follow
 * one another.
 */
import type { components } from '@dvc-kit/sdk';
import type { ServerContext } from '../context.ts';
import type { DossierRow } from '../dossiers/repository.ts';
import type { Queryable } from '../storage/storage.ts';
import { linesWithin, outstandingFor } from './outstanding.ts';

type PaymentLine = components['schemas']['PaymentLine'];

/** What a revision of the fees did: open payments closed, and what was paid beyond what is now owed. */
export interface Revision {
  closed: number;
  overpaid: number;
}

/**
 * Money paid online beyond the dossier's fees (the agency lowered them after), as the dossier row
 * keeps it (`overpaid`, JSON): by fee kind, and since when it is that amount.
 */
export interface Overpayment {
  byKind: { kind: PaymentLine['kind']; amount: number }[];
  at: string;
}

/**
 * Applies a revision of the dossier's fees to its payments: closes the open payments for lines no
 * longer owed under `fees` (the new fee list, JSON, less what was paid here), or all of them when
 * the rest cannot be paid online, and records what was paid beyond the new fees (cleared when it
 * is owed again). `dossier` is the row as locked before the fees were written.
 */
export async function applyFeeRevision(tx: Queryable, dossier: Pick<DossierRow, 'code' | 'overpaid'>, fees: string, at: Date): Promise<Revision> {
  const rest = await outstandingFor(tx, dossier.code, fees);
  const open = await tx.all<{ id: string; lines: string }>("SELECT id, lines FROM payments WHERE dossier_code = ? AND state = 'pending'", [dossier.code]);
  const closed = await closeAsSuperseded(tx, open
    .filter((row) => !rest.payableOnline || !linesWithin(JSON.parse(row.lines) as PaymentLine[], rest.lines))
    .map((row) => row.id));
  await recordOverpayment(tx, dossier, rest.overpaid > 0 ? rest.overpaidByKind : null, at);
  return { closed, overpaid: rest.overpaid };
}

/** Keeps the day an overpayment began while its amounts stay the same: a revision of other lines does not move it. */
async function recordOverpayment(tx: Queryable, dossier: Pick<DossierRow, 'code' | 'overpaid'>, byKind: Overpayment['byKind'] | null, at: Date): Promise<void> {
  const before = dossier.overpaid ? JSON.parse(dossier.overpaid) as Overpayment : null;
  if (byKind === null) {
    if (before) await tx.run('UPDATE dossiers SET overpaid = NULL WHERE code = ?', [dossier.code]);
    return;
  }
  if (before && JSON.stringify(before.byKind) === JSON.stringify(byKind)) return;
  const overpayment: Overpayment = { byKind, at: at.toISOString() };
  await tx.run('UPDATE dossiers SET overpaid = ? WHERE code = ?', [JSON.stringify(overpayment), dossier.code]);
}

/** The failure code of a payment closed because a new amount or method took its place (the contract's `Payment.failureCode`). */
export const SUPERSEDED = 'superseded';

/** Closes these open payments as superseded; returns how many were still open. */
export function closeAsSuperseded(tx: Queryable, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return Promise.resolve(0);
  return tx.run(`UPDATE payments SET state = 'cancelled', failure_code = ? WHERE state = 'pending' AND id IN (${ids.map(() => '?').join(', ')})`, [SUPERSEDED, ...ids]);
}

/**
 * Logs what a revision of the fees did: payments closed, and money paid beyond what is now owed,
 * which the one-stop desk refunds or sets off (the citizen is told to ask there; the payment
 * report counts it).
 */
export function reportRevision(ctx: Pick<ServerContext, 'log'>, dossierCode: string, revision: Revision): void {
  if (revision.closed > 0) ctx.log.info({ dossierCode, closed: revision.closed }, 'open payments closed: the agency changed the fees');
  if (revision.overpaid > 0) ctx.log.warn({ dossierCode, overpaid: revision.overpaid }, 'fees lowered below what was paid online: refund or set off the difference');
}
