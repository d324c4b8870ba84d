/**
 * What the agency revising a dossier's fees does to its open payments: any for another amount is
 * closed (superseded), as a new payment request would close it, so the gateway's "paid" for the
 * old amount is never confirmed as the dossier paid in full. Should the payer complete it at the
 * gateway all the same, its notification is refused and the money marked for refund
 * (notifications.ts); should the notification be lost, reconciliation finds it (closed-payments.ts). Run in the transaction that changes the fees, which holds the dossier's row
 * (settlement.ts takes the same row before confirming a payment), so the two follow one another.
 */
import type { Queryable } from '../storage/storage.ts';
import { outstandingFor } from './outstanding.ts';

/**
 * Closes the dossier's open payments for another amount than what is left to pay under `fees` (the
 * new fee list, JSON, less what was paid here); returns how many.
 */
export async function closePaymentsForOtherAmount(tx: Queryable, dossierCode: string, fees: string): Promise<number> {
  const { total } = await outstandingFor(tx, dossierCode, fees);
  return tx.run("UPDATE payments SET state = 'cancelled', failure_code = 'superseded' WHERE dossier_code = ? AND state = 'pending' AND total != ?",
    [dossierCode, total]);
}
