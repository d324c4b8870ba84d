/**
 * Payments closed here without their gateway's word, while the payer may still have had the
 * gateway's page open: superseded when the amount changed (the one-stop system revised the fees,
 * or the payer asked for a new amount or method), or closed with their dossier (dossier-closed.ts).
 * Their gateway takes money until the pay window closes; should it take some and its notification
 * be lost, nobody would know. So once the window has closed, each is asked about once: paid
 * there, it is marked to refund (refunds.ts); not paid, the answer is recorded and it is not asked
 * again.
 */
import type { ServerContext } from '../context.ts';
import { ofConfiguredGateway, type PaymentRow } from './payment-row.ts';
import { markRefundDue } from './refunds.ts';
import { DOSSIER_CLOSED } from './dossier-closed.ts';
import { SUPERSEDED } from './new-amount.ts';
import { askGateway, EXPIRY_GRACE_MS } from './settlement.ts';

/** What asking about a closed payment came to. */
export type ClosedCheckResult = 'refund-due' | 'not-paid' | 'not-asked' | 'unanswered' | 'unverified';

/**
 * Closed here, never asked about since its window closed: the gateway reached (it has an address)
 * and configured here (one removed since cannot be asked, and must not crowd out the others), no
 * refund marked yet, no answer recorded. Oldest first.
 */
export function closedUnchecked(ctx: ServerContext, limit: number): Promise<PaymentRow[]> {
  const configured = ofConfiguredGateway(ctx.gateways.names);
  const windowClosedBy = new Date(ctx.now().getTime() - EXPIRY_GRACE_MS).toISOString();
  return ctx.storage.all<PaymentRow>(`SELECT * FROM payments
    WHERE state = 'cancelled' AND failure_code IN (?, ?) AND ${configured.sql} AND gateway_url IS NOT NULL
      AND gateway_outcome IS NULL AND refund_due IS NULL AND COALESCE(expires_at, created_at) <= ?
    ORDER BY created_at LIMIT ${Math.trunc(limit)}`, [SUPERSEDED, DOSSIER_CLOSED, ...configured.params, windowClosedBy]);
}

/** Records the gateway's last word on a closed payment, so it is not asked again. */
function recordAnswer(ctx: ServerContext, row: PaymentRow, detail: string): Promise<number> {
  const outcome = JSON.stringify({ via: 'query', detail, at: ctx.now().toISOString() });
  return ctx.storage.run('UPDATE payments SET gateway_outcome = ? WHERE id = ? AND gateway_outcome IS NULL', [outcome, row.id]);
}

/**
 * Asks the gateway about one closed payment, at most once per `minIntervalMs` across processes
 * (settlement.ts's `askGateway`, as for pending payments).
 */
export async function checkClosedAtGateway(ctx: ServerContext, row: PaymentRow, minIntervalMs: number): Promise<ClosedCheckResult> {
  const gateway = ctx.gateways.get(row.gateway);
  if (!gateway) return 'not-asked';
  const answer = await askGateway(ctx, row, gateway, 'gateway_outcome IS NULL AND refund_due IS NULL', minIntervalMs);
  if (answer.kind === 'not-asked') return 'not-asked';
  if (answer.kind === 'failed') {
    if (!answer.givenUp) return 'unanswered';
    await recordAnswer(ctx, row, `closed here; unverified: ${answer.reason}`);
    return 'unverified';
  }
  const { verdict } = answer;
  // The refund first: a crash between the two leaves it marked (and so never asked about again),
  // not answered without the mark.
  if (verdict.state === 'paid') await markRefundDue(ctx, gateway.name, row.id, verdict);
  await recordAnswer(ctx, row, `closed here; at the gateway: ${verdict.detail}`);
  return verdict.state === 'paid' ? 'refund-due' : 'not-paid';
}
