/** MoMo v3 as a {@link PaymentGateway}: the protocol modules in `providers/` with a merchant's settings. */
import { randomUUID } from 'node:crypto';
import type { FinalVerdict, GatewayOrder, GatewayVerdict, PayerContext, PaymentGateway } from './gateway.ts';
import { GATEWAY_TIMEOUT_MS } from './gateway.ts';
import type { MomoSettings } from './settings.ts';
import type { MomoIpnOutcome } from '../providers/momo.ts';
import { momoCreateRequest, WALLET_MAX_VND, WALLET_MIN_VND } from '../providers/momo.ts';
import { momoQueryRequest, momoQueryResult } from '../providers/momo-query.ts';
import { plainValue } from '../providers/fields.ts';

/**
 * MoMo's failure codes in the VNPay vocabulary the widgets explain (see GatewayVerdict). 1006, the
 * payer declined, is a cancellation.
 */
const FAILURE_CODES: Readonly<Record<string, string>> = {
  1001: '51', // not enough money
  1004: '65', // over the limit
  1005: '11', // the payment page expired
  1006: '24', // the payer declined
  1007: '12', // the account is locked or inactive
};

/** MoMo's requestId: unique per request, at most 50 characters. */
function newRequestId(): string {
  return randomUUID().replaceAll('-', '');
}

export class MomoGateway implements PaymentGateway {
  readonly name = 'momo' as const;
  readonly amounts = { min: WALLET_MIN_VND, max: WALLET_MAX_VND };
  /**
   * MoMo, not this request, decides when its payment page expires (1005), so a MoMo payment is kept
   * open longer than the server's own window before it is closed as expired.
   */
  readonly payWindowMs = 100 * 60_000;
  readonly settings: MomoSettings;
  readonly #fetch: typeof fetch;
  /** Where MoMo sends the IPN: this server's route for it. */
  readonly #ipnUrl: string;

  constructor(settings: MomoSettings, ipnUrl: string, fetchImpl: typeof fetch = fetch) {
    this.settings = settings;
    this.#ipnUrl = ipnUrl;
    this.#fetch = fetchImpl;
  }

  async start(order: GatewayOrder, payer: PayerContext): Promise<string> {
    const request = momoCreateRequest({
      partnerCode: this.settings.partnerCode,
      accessKey: this.settings.accessKey,
      secretKey: this.settings.secretKey,
      requestId: newRequestId(),
      amountVnd: order.amountVnd,
      orderId: order.id,
      orderInfo: `Thanh toán hồ sơ ${order.dossierCode}`,
      redirectUrl: order.returnUrl,
      ipnUrl: this.#ipnUrl,
      lang: payer.locale,
    });
    const answer = await this.#post('/v2/gateway/api/create', request);
    const payUrl = plainValue(answer['payUrl']);
    if (plainValue(answer['resultCode']) !== '0' || plainValue(answer['orderId']) !== order.id || !/^https?:\/\//.test(payUrl)) {
      throw new Error(`MoMo refused order ${order.id}: resultCode ${plainValue(answer['resultCode']) || 'missing'}.`);
    }
    return payUrl;
  }

  async query(order: GatewayOrder): Promise<GatewayVerdict> {
    const request = momoQueryRequest({
      partnerCode: this.settings.partnerCode,
      accessKey: this.settings.accessKey,
      secretKey: this.settings.secretKey,
      requestId: newRequestId(),
      orderId: order.id,
      lang: 'vi',
    });
    const result = momoQueryResult(await this.#post('/v2/gateway/api/query', request),
      { partnerCode: this.settings.partnerCode, orderId: order.id, amountVnd: order.amountVnd });
    const detail = `momo query ${result.resultCode}`;
    if (!result.valid) throw new Error(`MoMo's status answer does not name this merchant and order ${order.id}.`);
    // 42: MoMo has no such order (the create never reached it).
    if (result.resultCode === '42') return { state: 'pending', known: false, detail };
    if (result.pending) return { state: 'pending', known: true, detail };
    if (result.paid) return { state: 'paid', transactionNo: result.transId, detail };
    if (result.resultCode === '0') throw new Error(`MoMo reports ${order.id} paid with another amount than ${order.amountVnd} VND.`);
    // A request error (maintenance, authentication, a repeated request id…) says nothing of the payment.
    if (!result.final) throw new Error(`MoMo's status query for ${order.id} answered ${result.resultCode}: ${result.message}`);
    return momoFailure(result.resultCode, result.transId, detail);
  }

  /** MoMo's API answers JSON, with a resultCode, on 200 and on 4xx alike. */
  async #post(path: string, body: object): Promise<Record<string, unknown>> {
    const response = await this.#fetch(`${this.settings.endpoint}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', accept: 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(GATEWAY_TIMEOUT_MS),
    });
    if (response.status >= 500) throw new Error(`MoMo answered HTTP ${response.status} on ${path}.`);
    const answer: unknown = await response.json();
    if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) throw new Error(`MoMo answered ${path} with something other than a JSON object.`);
    return answer as Record<string, unknown>;
  }
}

function momoFailure(resultCode: string, transId: string, detail: string): FinalVerdict {
  const code = FAILURE_CODES[resultCode] ?? '99';
  return { state: code === '24' ? 'cancelled' : 'failed', code, transactionNo: transId, detail };
}

/** The verdict of an IPN MoMo signed; undefined while MoMo still calls the payment pending. */
export function momoIpnVerdict(outcome: MomoIpnOutcome): FinalVerdict | undefined {
  const detail = `momo ipn ${outcome.resultCode}`;
  if (!outcome.final) return undefined;
  if (outcome.paid) return { state: 'paid', transactionNo: outcome.transId, detail };
  return momoFailure(outcome.resultCode, outcome.transId, detail);
}
