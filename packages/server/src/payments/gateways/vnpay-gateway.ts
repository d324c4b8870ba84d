/** VNPay 2.1 as a {@link PaymentGateway}: the protocol modules in `providers/` with a merchant's settings. */
import type { FinalVerdict, GatewayOrder, GatewayVerdict, PayerContext, PaymentGateway } from './gateway.ts';
import { GATEWAY_TIMEOUT_MS } from './gateway.ts';
import type { VnpaySettings } from './settings.ts';
import type { VnpayIpnOutcome } from '../providers/vnpay.ts';
import { MAX_AMOUNT_VND, vnpayPaymentUrl } from '../providers/vnpay.ts';
import { newVnpayRequestId, vnpayQuery, vnpayQueryRequest } from '../providers/vnpay-querydr.ts';
import { formatVnTimestamp } from '../../calendar/vn-timestamp.ts';
import { serverAddress } from './server-address.ts';

/** VNPay's response codes for "the payer cancelled" and for any other failure. */
const CANCELLED = '24';
const GENERAL_FAILURE = '99';
/** VNPay's transaction status for "not completed yet". */
const NOT_COMPLETED = '01';
/**
 * VNPay's "debited, suspected fraud", as a response code and as a transaction status: the payer's
 * money was taken and VNPay holds it while it looks into the payment. Neither paid nor failed (a
 * payer told it failed would pay again): left open, asked about again, and after a day closed as
 * unverified for staff to settle with VNPay.
 */
const SUSPECTED_FRAUD = '07';

export class VnpayGateway implements PaymentGateway {
  readonly name = 'vnpay' as const;
  readonly amounts = { min: 1, max: MAX_AMOUNT_VND };
  readonly settings: VnpaySettings;
  readonly #fetch: typeof fetch;

  constructor(settings: VnpaySettings, fetchImpl: typeof fetch = fetch) {
    this.settings = settings;
    this.#fetch = fetchImpl;
  }

  start(order: GatewayOrder, payer: PayerContext): Promise<string> {
    return Promise.resolve(vnpayPaymentUrl({
      endpoint: this.settings.paymentUrl,
      tmnCode: this.settings.tmnCode,
      hashSecret: this.settings.hashSecret,
      txnRef: order.id,
      amountVnd: order.amountVnd,
      orderInfo: `Thanh toan ho so ${order.dossierCode}`,
      returnUrl: order.returnUrl,
      ipAddr: payer.ipAddress,
      locale: payer.locale,
      createdAt: order.createdAt,
      expiresAt: order.expiresAt,
    }));
  }

  async query(order: GatewayOrder, now: Date): Promise<GatewayVerdict> {
    const request = vnpayQueryRequest({
      tmnCode: this.settings.tmnCode,
      hashSecret: this.settings.hashSecret,
      txnRef: order.id,
      transactionDate: formatVnTimestamp(order.createdAt),
      orderInfo: `Truy van giao dich ${order.id}`,
      ipAddr: serverAddress(),
      now,
      requestId: newVnpayRequestId(),
    });
    const result = await vnpayQuery({
      fetch: this.#fetch, endpoint: this.settings.queryUrl, request, hashSecret: this.settings.hashSecret,
      amountVnd: order.amountVnd, signal: AbortSignal.timeout(GATEWAY_TIMEOUT_MS),
    });
    if (!result.valid) throw new Error(`VNPay's status answer for ${order.id} is not signed for this merchant and order.`);
    const detail = `vnpay querydr ${result.responseCode}/${result.transactionStatus}`;
    // 91: VNPay has no such transaction: the payer never reached its page.
    if (result.responseCode === '91') return { state: 'pending', known: false, detail };
    if (result.responseCode !== '00') throw new Error(`VNPay's status query for ${order.id} answered ${result.responseCode}.`);
    if (result.paid) return { state: 'paid', transactionNo: result.transactionNo, detail };
    if (result.transactionStatus === '00') {
      // Paid at VNPay for an amount that is not the order's: never marked paid here.
      throw new Error(`VNPay reports ${order.id} paid with ${result.amountVnd ?? '?'} VND, not ${order.amountVnd}.`);
    }
    // 01: not completed yet. Anything else is VNPay's final word that the payment did not go through;
    // the transaction status is not a response code (its 09 is "refund rejected", not the response
    // code's "not enrolled"), so the payer is told the general reason.
    if (result.transactionStatus === NOT_COMPLETED) return { state: 'pending', known: true, detail };
    if (result.transactionStatus === SUSPECTED_FRAUD) {
      throw new Error(`VNPay holds ${order.id} as suspected fraud (07): the payer's money was taken; settle the payment with VNPay.`);
    }
    return { state: 'failed', code: GENERAL_FAILURE, transactionNo: result.transactionNo, detail };
  }
}

/**
 * The verdict of an IPN VNPay confirmed: paid only when both codes are 00. Undefined when the IPN
 * does not settle the payment: no transaction status (the payment's outcome) or `01` (not completed
 * yet), codes that contradict each other (a status of 00 with a failed response code), or a
 * payment VNPay holds as suspected fraud. Those are asked about at VNPay's status query instead,
 * whose answer names the outcome.
 */
export function vnpayIpnVerdict(outcome: VnpayIpnOutcome): FinalVerdict | undefined {
  const detail = `vnpay ipn ${outcome.responseCode}/${outcome.transactionStatus}`;
  if (outcome.paid) return { state: 'paid', transactionNo: outcome.transactionNo, detail };
  if (outcome.transactionStatus === '' || outcome.transactionStatus === NOT_COMPLETED || outcome.transactionStatus === '00') return undefined;
  if (outcome.transactionStatus === SUSPECTED_FRAUD || outcome.responseCode === SUSPECTED_FRAUD) return undefined;
  // A response code of 00 with a failed transaction status did not go through either.
  const code = outcome.responseCode === '' || outcome.responseCode === '00' ? GENERAL_FAILURE : outcome.responseCode;
  return { state: code === CANCELLED ? 'cancelled' : 'failed', code, transactionNo: outcome.transactionNo, detail };
}
