/**
 * A dossier closed without a result (not accepted, withdrawn, stopped) has nothing left to pay:
 * its open payments are closed, as a new amount closes them (new-amount.ts), so a payer who still
 * has the gateway's page open is never confirmed as having paid for it. Should they pay there all
 * the same, the notification is refused and the money marked for refund (notifications.ts); should
 * the notification be lost, reconciliation finds it (closed-payments.ts). Run in the transaction
 * that writes the status, which holds the dossier's row (settlement.ts takes it before confirming
 * a payment), so the two follow one another.
 */
import type { ServerContext } from '../context.ts';
import type { Queryable } from '../storage/storage.ts';
import { CLOSED_WITHOUT_RESULT } from '../dossiers/statuses.ts';
import type { DossierStatus } from '../dossiers/statuses.ts';

/** The failure code of a payment closed because its dossier was (the contract's `Payment.failureCode`). */
export const DOSSIER_CLOSED = 'dossier-closed';

/** Closes the dossier's open payments when `status` closes it without a result; returns how many were open. */
export async function closePaymentsOfClosedDossier(ctx: Pick<ServerContext, 'log'>, tx: Queryable, dossierCode: string, status: DossierStatus): Promise<number> {
  if (!CLOSED_WITHOUT_RESULT.has(status)) return 0;
  const closed = await tx.run("UPDATE payments SET state = 'cancelled', failure_code = ? WHERE dossier_code = ? AND state = 'pending'", [DOSSIER_CLOSED, dossierCode]);
  if (closed > 0) ctx.log.info({ dossierCode, status, closed }, 'open payments closed: the dossier was closed without a result');
  return closed;
}
