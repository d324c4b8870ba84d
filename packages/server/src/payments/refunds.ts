/**
 * Money a gateway took for a payment already closed here (superseded by a new amount or method,
 * or expired): the payer was charged for nothing. The payment is marked (the payment report counts
 * it under "to refund") and logged, for the agency's staff to refund at the gateway. Found by the
 * gateway's notification or, when that was lost, by reconciliation asking the gateway.
 */
import type { ServerContext } from '../context.ts';
import type { GatewayVerdict } from './gateways/gateway.ts';
import { findPayment } from './payment-row.ts';

/** Marks the payment as to refund when `verdict` says it was paid and it is not paid here. True when marked now. */
export async function markRefundDue(ctx: ServerContext, gateway: string, paymentId: string, verdict: GatewayVerdict | undefined): Promise<boolean> {
  if (verdict?.state !== 'paid') return false;
  const row = await findPayment(ctx.storage, paymentId);
  if (!row || row.state === 'paid') return false;
  const due = JSON.stringify({ gateway, transactionNo: verdict.transactionNo, at: ctx.now().toISOString() });
  const marked = await ctx.storage.run("UPDATE payments SET refund_due = ? WHERE id = ? AND state <> 'paid' AND refund_due IS NULL", [due, paymentId]);
  // Once: the gateway's repeated notifications, or reconciliation after one, find it marked.
  if (marked === 1) ctx.log.error({ paymentId, gateway, state: row.state, transactionNo: verdict.transactionNo }, 'payment taken for a closed payment: refund it');
  return marked === 1;
}
