/**
 * MoMo v3 status query (POST JSON to `{host}/v2/gateway/api/query`), for a payment whose IPN never
 * arrived. The request is signed like every MoMo v3 request: HMAC-SHA256 with secretKey, lowercase
 * hex, over raw values in a fixed order. Pure functions: no network, no storage, no clock.
 */
import { checkLength, plainValue } from './fields.ts';
import { hmacHex } from './hmac.ts';
import { MOMO_PENDING_RESULT_CODES, momoResultIsFinal } from './momo.ts';

/** What a status query is made of. */
export interface MomoQueryInput {
  partnerCode: string;
  accessKey: string;
  /** Signs; never sent. */
  secretKey: string;
  /** Unique per request (String(50)). */
  requestId: string;
  /** The payment's orderId. */
  orderId: string;
  lang: 'vi' | 'en';
}

/** The JSON body of a query request. */
export interface MomoQueryRequest {
  partnerCode: string;
  requestId: string;
  orderId: string;
  lang: 'vi' | 'en';
  signature: string;
}

/**
 * The text a query request signs: `accessKey=$accessKey&orderId=$orderId&partnerCode=$partnerCode&requestId=$requestId`.
 */
export function momoQuerySigningString(fields: { accessKey: string; orderId: string; partnerCode: string; requestId: string }): string {
  return `accessKey=${fields.accessKey}&orderId=${fields.orderId}&partnerCode=${fields.partnerCode}&requestId=${fields.requestId}`;
}

/** The JSON body to POST to `/v2/gateway/api/query`. Throws a RangeError for a field over its length. */
export function momoQueryRequest(input: MomoQueryInput): MomoQueryRequest {
  checkLength(input.partnerCode, 1, 50, 'partnerCode');
  checkLength(input.requestId, 1, 50, 'requestId');
  checkLength(input.orderId, 1, 200, 'orderId');
  return {
    partnerCode: input.partnerCode,
    requestId: input.requestId,
    orderId: input.orderId,
    lang: input.lang,
    signature: hmacHex('sha256', input.secretKey, momoQuerySigningString(input)),
  };
}

/** What a query response says about the payment. */
export interface MomoQueryResult {
  /** The answer names this merchant and this order. When false, nothing else here may change the order. */
  valid: boolean;
  resultCode: string;
  message: string;
  transId: string;
  /** Valid, resultCode 0 and the order's amount. */
  paid: boolean;
  /** Valid, and MoMo's last word on the payment: paid or a payment failure (see momoResultIsFinal). */
  final: boolean;
  /** Valid, and one of MoMo's pending codes: ask again later. */
  pending: boolean;
}

/**
 * Reads a query response against the merchant and the order. MoMo's query answer is read over
 * TLS straight from MoMo's host (not relayed by the payer's browser), so it is trusted once it names
 * this partner and order; the amount must be the order's for `paid`.
 */
export function momoQueryResult(
  response: Readonly<Record<string, unknown>>,
  expected: { partnerCode: string; orderId: string; amountVnd: number },
): MomoQueryResult {
  const valid = plainValue(response['partnerCode']) === expected.partnerCode && plainValue(response['orderId']) === expected.orderId;
  const resultCode = plainValue(response['resultCode']);
  const amount = plainValue(response['amount']);
  return {
    valid,
    resultCode,
    message: plainValue(response['message']),
    transId: plainValue(response['transId']),
    paid: valid && resultCode === '0' && /^\d{1,15}$/.test(amount) && Number(amount) === expected.amountVnd,
    final: valid && momoResultIsFinal(resultCode),
    pending: valid && MOMO_PENDING_RESULT_CODES.has(resultCode),
  };
}
