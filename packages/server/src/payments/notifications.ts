/**
 * The gateways' server notifications (IPN), each as its gateway sends it: VNPay a GET answered
 * `{"RspCode","Message"}`, MoMo a JSON POST answered 204. The protocol checks are the providers'
 * (signature first, compared in constant time; then order, amount, state); what a confirmed
 * notification says is applied by `settle`, once, whichever process receives it. Every refusal is
 * logged with the payment reference and the reason only: a notification carries no identity number.
 */
import type { ServerContext } from '../context.ts';
import { vnpayIpnVerdict } from './gateways/vnpay-gateway.ts';
import { momoIpnVerdict } from './gateways/momo-gateway.ts';
import type { VnpayIpnDecision, VnpayIpnOutcome } from './providers/vnpay.ts';
import { VNPAY_IPN_UNKNOWN_ERROR, vnpayIpnDecision } from './providers/vnpay.ts';
import type { MomoIpn } from './providers/momo.ts';
import { momoIpnDecision } from './providers/momo.ts';
import type { PaymentRow } from './payment-row.ts';
import { findPayment } from './payment-row.ts';
import { checkAtGateway, settle } from './settlement.ts';
import { markRefundDue } from './refunds.ts';

/** VNPay's answer for a notification of an order already confirmed here. */
const VNPAY_ALREADY_CONFIRMED = '02';

export interface VnpayAcknowledgement {
  RspCode: string;
  Message: string;
}

/**
 * The payment a notification names, if it is this gateway's: looked up once for the protocol's
 * checks, and kept for settling it.
 */
function orderLookup(ctx: ServerContext, gateway: string) {
  let found: PaymentRow | undefined;
  return {
    find: async (id: string) => {
      const row = await findPayment(ctx.storage, id);
      found = row?.gateway === gateway ? row : undefined;
      return found && { amountVnd: found.total, state: found.state };
    },
    get row(): PaymentRow {
      if (!found) throw new Error('settling a notification whose payment was not found');
      return found;
    },
  };
}

/** VNPay's IPN: the query parameters as received. Never throws; an exception is `99` (VNPay retries). */
export async function receiveVnpayNotification(ctx: ServerContext, query: Record<string, unknown>): Promise<VnpayAcknowledgement> {
  const vnpay = ctx.gateways.vnpay;
  const ref = typeof query['vnp_TxnRef'] === 'string' ? query['vnp_TxnRef'] : '';
  try {
    // A parameter sent twice arrives as a list: it cannot be what VNPay signed.
    const params = Object.values(query).every((value) => typeof value === 'string') ? query as Record<string, string> : undefined;
    const order = orderLookup(ctx, 'vnpay');
    const decision: VnpayIpnDecision = vnpay && params
      ? await vnpayIpnDecision(params, { hashSecret: vnpay.settings.hashSecret, tmnCode: vnpay.settings.tmnCode, findOrder: order.find })
      : { rspCode: '97', message: 'Invalid signature' };
    if (decision.rspCode !== '00' || !decision.outcome) {
      // "Already confirmed" (02) is VNPay sending again what was recorded: routine, not a warning.
      const level = decision.rspCode === VNPAY_ALREADY_CONFIRMED ? 'info' : 'warn';
      ctx.log[level]({ gateway: 'vnpay', paymentId: ref, rspCode: decision.rspCode }, `payment notification refused: ${decision.message}`);
      if (decision.outcome) await markRefundDue(ctx, 'vnpay', ref, vnpayIpnVerdict(decision.outcome));
      return { RspCode: decision.rspCode, Message: decision.message };
    }
    const verdict = vnpayIpnVerdict(decision.outcome);
    if (verdict === undefined) return await askVnpayInstead(ctx, order.row, decision.outcome);
    if (await settle(ctx, order.row, verdict, 'ipn')) return { RspCode: '00', Message: 'Confirm Success' };
    // Settled a moment ago by another path (closed as expired, say): money taken then is to refund.
    await markRefundDue(ctx, 'vnpay', ref, verdict);
    return { RspCode: '02', Message: 'Order already confirmed' };
  } catch (error) {
    ctx.log.error({ gateway: 'vnpay', paymentId: ref, err: (error as Error).message }, 'payment notification failed');
    return { ...VNPAY_IPN_UNKNOWN_ERROR };
  }
}

/**
 * A genuine IPN that does not settle the payment (no transaction status, "not completed", or codes
 * that contradict each other) is neither paid nor failed on its word: VNPay's status query is asked
 * at once and its answer applied. Until one settles it the payment stays pending and VNPay is
 * answered `99`, so it sends the notification again (and reconciliation goes on asking).
 */
async function askVnpayInstead(ctx: ServerContext, row: PaymentRow, outcome: VnpayIpnOutcome): Promise<VnpayAcknowledgement> {
  // At once, whenever the payment was last asked about (VNPay sends a notification at most every
  // few minutes); two processes receiving one each may both ask: settling is once all the same.
  const asked = await checkAtGateway(ctx, row, 0);
  ctx.log.warn({ gateway: 'vnpay', paymentId: row.id, detail: `vnpay ipn ${outcome.responseCode}/${outcome.transactionStatus}`, asked },
    'payment notification not final: asked the gateway');
  if (asked === 'settled') return { RspCode: '00', Message: 'Confirm Success' };
  return { RspCode: VNPAY_IPN_UNKNOWN_ERROR.RspCode, Message: 'Payment not final yet' };
}

/**
 * MoMo's IPN: the JSON body as received. The answer is 204 whatever happened (MoMo asks for it
 * within 15 seconds and does nothing with a refusal), so this returns nothing; an exception is
 * logged, and the payment is found by the status query.
 */
export async function receiveMomoNotification(ctx: ServerContext, body: MomoIpn): Promise<void> {
  const momo = ctx.gateways.momo;
  const ref = typeof body.orderId === 'string' ? body.orderId : '';
  try {
    if (!momo) {
      ctx.log.warn({ gateway: 'momo', paymentId: ref }, 'payment notification refused: MoMo is not configured');
      return;
    }
    const { partnerCode, accessKey, secretKey } = momo.settings;
    const order = orderLookup(ctx, 'momo');
    const decision = await momoIpnDecision(body, { partnerCode, accessKey, secretKey, findOrder: order.find });
    if (decision.status !== 'recorded' || !decision.outcome) {
      // MoMo sending again what was recorded is routine, not a warning.
      const level = decision.status === 'already_confirmed' ? 'info' : 'warn';
      ctx.log[level]({ gateway: 'momo', paymentId: ref, status: decision.status }, 'payment notification refused');
      if (decision.outcome) await markRefundDue(ctx, 'momo', ref, momoIpnVerdict(decision.outcome));
      return;
    }
    const verdict = momoIpnVerdict(decision.outcome);
    // Not final yet (MoMo's pending codes): the payment stays pending until the final word.
    if (verdict === undefined) return;
    if (!(await settle(ctx, order.row, verdict, 'ipn'))) {
      ctx.log.warn({ gateway: 'momo', paymentId: ref, status: 'already_confirmed' }, 'payment notification refused');
      await markRefundDue(ctx, 'momo', ref, verdict);
    }
  } catch (error) {
    ctx.log.error({ gateway: 'momo', paymentId: ref, err: (error as Error).message }, 'payment notification failed');
  }
}
