/**
 * What the agency revising a dossier's fees does to its open payments: any for other lines than
 * what is now left to pay is closed (superseded), as a new payment request would close it, so the
 * gateway's "paid" for the old lines is never confirmed as what the dossier owed. Should the payer
 * complete it at the gateway all the same, its notification is refused and the money marked for
 * refund (notifications.ts); should the notification be lost, reconciliation finds it
 * (closed-payments.ts). Run in the transaction that changes the fees, which holds the dossier's
 * row (settlement.ts takes the same row before confirming a payment), so the two follow one another.
 */
import type { components } from '@dvc-kit/sdk';
import type { Queryable } from '../storage/storage.ts';
import { outstandingFor, sameLines } from './outstanding.ts';

/**
 * Closes the dossier's open payments for other lines than what is left to pay under `fees` (the
 * new fee list, JSON, less what was paid here), or all of them when the rest cannot be paid
 * online; returns how many.
 */
export async function closePaymentsNoLongerDue(tx: Queryable, dossierCode: string, fees: string): Promise<number> {
  const rest = await outstandingFor(tx, dossierCode, fees);
  const open = await tx.all<{ id: string; lines: string }>("SELECT id, lines FROM payments WHERE dossier_code = ? AND state = 'pending'", [dossierCode]);
  return closeAsSuperseded(tx, open
    .filter((row) => !rest.payableOnline || !sameLines(JSON.parse(row.lines) as components['schemas']['PaymentLine'][], rest.lines))
    .map((row) => row.id));
}

/** Closes these open payments as superseded; returns how many were still open. */
export function closeAsSuperseded(tx: Queryable, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return Promise.resolve(0);
  return tx.run(`UPDATE payments SET state = 'cancelled', failure_code = 'superseded' WHERE state = 'pending' AND id IN (${ids.map(() => '?').join(', ')})`, [...ids]);
}
