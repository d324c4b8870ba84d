/**
 * MoMo v3 payment gateway (developers.momo.vn/v3): the signed create request (POST JSON to
 * `{host}/v2/gateway/api/create`) and the server notification (IPN, POST JSON to ipnUrl).
 * Signatures are HMAC-SHA256 with the merchant's secretKey, lowercase hex, over raw (not
 * URL-encoded) `key=value` pairs in a fixed order (developers.momo.vn/v3/docs/payment/api/other/signature).
 * Pure functions: no network, no storage, no clock.
 */
import { checkHttpUrl, checkLength, plainValue } from './fields.ts';
import { hexDigestsEqual, hmacHex } from './hmac.ts';
import type { components } from '@dvc-kit/sdk';

/** MoMo v3 payment methods for the create request. */
export type MomoRequestType = 'captureWallet' | 'payWithATM' | 'payWithCC' | 'payWithMethod';
const REQUEST_TYPES: ReadonlySet<string> = new Set<MomoRequestType>(['captureWallet', 'payWithATM', 'payWithCC', 'payWithMethod']);

/** The signed fields of a create request; `amount` as sent (whole VND). */
export interface MomoCreateSignatureFields {
  accessKey: string;
  amount: number | string;
  extraData: string;
  ipnUrl: string;
  orderId: string;
  orderInfo: string;
  partnerCode: string;
  redirectUrl: string;
  requestId: string;
  requestType: string;
}

/**
 * The text a MoMo v3 create request signs, raw values in this fixed order, an empty value kept as
 * `key=`:
 * `accessKey=$accessKey&amount=$amount&extraData=$extraData&ipnUrl=$ipnUrl&orderId=$orderId&orderInfo=$orderInfo&partnerCode=$partnerCode&redirectUrl=$redirectUrl&requestId=$requestId&requestType=$requestType`
 */
export function momoCreateSigningString(fields: MomoCreateSignatureFields): string {
  return [
    `accessKey=${fields.accessKey}`,
    `amount=${fields.amount}`,
    `extraData=${fields.extraData}`,
    `ipnUrl=${fields.ipnUrl}`,
    `orderId=${fields.orderId}`,
    `orderInfo=${fields.orderInfo}`,
    `partnerCode=${fields.partnerCode}`,
    `redirectUrl=${fields.redirectUrl}`,
    `requestId=${fields.requestId}`,
    `requestType=${fields.requestType}`,
  ].join('&');
}

/** MoMo v3 create `signature`: HMAC-SHA256 of {@link momoCreateSigningString} keyed with secretKey, lowercase hex. */
export function momoCreateSignature(fields: MomoCreateSignatureFields, secretKey: string): string {
  return hmacHex('sha256', secretKey, momoCreateSigningString(fields));
}

/** What a MoMo v3 create request is made of. */
export interface MomoCreateInput {
  partnerCode: string;
  accessKey: string;
  /** Signs; never sent. */
  secretKey: string;
  /** Unique per request: MoMo's idempotency key (String(50)). */
  requestId: string;
  /** Whole VND. Wallet: 1,000–50,000,000; ATM: at least 10,000. */
  amountVnd: number;
  /** The merchant's order reference, String(200) matching `^[0-9a-zA-Z]([-_.]*[0-9a-zA-Z]+)*$`. */
  orderId: string;
  /** Shown to the payer, String(255); Vietnamese is fine here. */
  orderInfo: string;
  /** Where the payer's browser comes back (GET). */
  redirectUrl: string;
  /** Where MoMo POSTs the result. */
  ipnUrl: string;
  /** Default `captureWallet`. */
  requestType?: MomoRequestType;
  /** Default `''`; otherwise base64 of JSON, echoed back in the IPN. */
  extraData?: string;
  /** The page language. */
  lang: 'vi' | 'en';
}

/** The JSON body of a MoMo v3 create request. */
export interface MomoCreateRequest {
  partnerCode: string;
  accessKey: string;
  requestId: string;
  amount: number;
  orderId: string;
  orderInfo: string;
  redirectUrl: string;
  ipnUrl: string;
  requestType: MomoRequestType;
  extraData: string;
  lang: 'vi' | 'en';
  signature: string;
}

/** What MoMo's wallet takes in one payment (captureWallet, the kit's method). */
export const WALLET_MIN_VND = 1_000;
export const WALLET_MAX_VND = 50_000_000;
const ATM_MIN_VND = 10_000;

/**
 * The JSON body to POST to MoMo v3's `/v2/gateway/api/create`: partnerCode, accessKey, requestId,
 * amount (whole VND, a JSON number: MoMo's type is Long), orderId, orderInfo, redirectUrl, ipnUrl,
 * requestType (default `captureWallet`), extraData (default `''`), lang and signature
 * ({@link momoCreateSignature}). accessKey is signed; it is also sent, as MoMo's Node sample does
 * (its other samples leave it out). Use a client timeout of at least 30 seconds when sending it.
 *
 * Throws a RangeError for a value MoMo refuses: an amount that is not a whole number of VND or is
 * out of the method's range, an orderId not matching MoMo's pattern, a field over its length,
 * an unknown requestType, a non-http(s) URL.
 */
export function momoCreateRequest(input: MomoCreateInput): MomoCreateRequest {
  const requestType = input.requestType ?? 'captureWallet';
  if (!REQUEST_TYPES.has(requestType)) throw new RangeError(`Unknown MoMo requestType: ${requestType}`);
  checkAmount(input.amountVnd, requestType);
  checkLength(input.partnerCode, 1, 50, 'partnerCode');
  checkLength(input.accessKey, 1, 100, 'accessKey');
  checkLength(input.requestId, 1, 50, 'requestId');
  checkOrderId(input.orderId);
  checkLength(input.orderInfo, 1, 255, 'orderInfo');
  checkHttpUrl(input.redirectUrl, 'redirectUrl');
  checkHttpUrl(input.ipnUrl, 'ipnUrl');
  const extraData = input.extraData ?? '';
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(extraData)) {
    throw new RangeError('extraData must be empty or base64.');
  }
  const fields = {
    partnerCode: input.partnerCode,
    accessKey: input.accessKey,
    requestId: input.requestId,
    amount: input.amountVnd,
    orderId: input.orderId,
    orderInfo: input.orderInfo,
    redirectUrl: input.redirectUrl,
    ipnUrl: input.ipnUrl,
    requestType,
    extraData,
    lang: input.lang,
  };
  return { ...fields, signature: momoCreateSignature(fields, input.secretKey) };
}

/**
 * A MoMo v3 IPN body as parsed from JSON: the contract's `MomoNotification`. MoMo sends amount,
 * resultCode, transId and responseTime as numbers; strings are accepted too (the browser redirect
 * carries the same values in the query). A field may be missing from a forged or broken body.
 */
export type MomoIpn = components['schemas']['MomoNotification'];

/**
 * The text a MoMo v3 IPN signs, with the merchant's own accessKey (MoMo does not send it) and the
 * received raw values in this fixed order, a missing value written as nothing:
 * `accessKey=$accessKey&amount=$amount&extraData=$extraData&message=$message&orderId=$orderId&orderInfo=$orderInfo&orderType=$orderType&partnerCode=$partnerCode&payType=$payType&requestId=$requestId&responseTime=$responseTime&resultCode=$resultCode&transId=$transId`
 */
export function momoIpnSigningString(ipn: MomoIpn, accessKey: string): string {
  return [
    `accessKey=${accessKey}`,
    `amount=${plainValue(ipn.amount)}`,
    `extraData=${plainValue(ipn.extraData)}`,
    `message=${plainValue(ipn.message)}`,
    `orderId=${plainValue(ipn.orderId)}`,
    `orderInfo=${plainValue(ipn.orderInfo)}`,
    `orderType=${plainValue(ipn.orderType)}`,
    `partnerCode=${plainValue(ipn.partnerCode)}`,
    `payType=${plainValue(ipn.payType)}`,
    `requestId=${plainValue(ipn.requestId)}`,
    `responseTime=${plainValue(ipn.responseTime)}`,
    `resultCode=${plainValue(ipn.resultCode)}`,
    `transId=${plainValue(ipn.transId)}`,
  ].join('&');
}

/** MoMo v3 IPN `signature`: HMAC-SHA256 of {@link momoIpnSigningString} keyed with secretKey, lowercase hex. */
export function momoIpnSignature(ipn: MomoIpn, accessKey: string, secretKey: string): string {
  return hmacHex('sha256', secretKey, momoIpnSigningString(ipn, accessKey));
}

/** The merchant's order as the IPN checks it. Only a `pending` order takes an outcome. */
export interface MomoOrder {
  amountVnd: number;
  state: string;
}

/** resultCode values MoMo calls pending: 9000 authorized, 1000 waiting for the user, 7000/7002 processing. */
export const MOMO_PENDING_RESULT_CODES: ReadonlySet<string> = new Set(['9000', '1000', '7000', '7002']);

/** MoMo's payment failures (1001–1026, 4001–4100): the payment ended without the money. */
const PAYMENT_FAILURE_CODES: ReadonlySet<string> = new Set(['1001', '1002', '1003', '1004', '1005', '1006', '1007', '1017', '1026', '4001', '4002', '4100']);

/**
 * Whether a resultCode is MoMo's last word on a payment: 0 (paid) or a payment failure. Its pending
 * codes are not, nor are its request errors (10 maintenance, 11, 13 authentication, 20, 40 duplicate
 * request, 43, 98, 99 …), which say nothing about the payment: closing it on one could close a
 * payment the payer made.
 */
export function momoResultIsFinal(resultCode: string): boolean {
  return resultCode === '0' || PAYMENT_FAILURE_CODES.has(resultCode);
}

/** What a MoMo IPN reported, once every check passed. */
export interface MomoIpnOutcome {
  /** resultCode 0 only. */
  paid: boolean;
  /**
   * True for success and MoMo's payment failures (the order can be closed); false for its pending
   * codes (9000, 1000, 7000, 7002) and anything else: leave the order pending and ask again later.
   */
  final: boolean;
  resultCode: string;
  message: string;
  transId: string;
  payType: string;
  /** Epoch milliseconds, as sent. */
  responseTime: string;
}

/** Why an IPN was refused, or `recorded` with the outcome to apply. */
export type MomoIpnStatus = 'recorded' | 'invalid_signature' | 'wrong_partner' | 'order_not_found' | 'invalid_amount' | 'already_confirmed';

/** The decision on a MoMo IPN. The HTTP answer is 204 whatever it says. */
export interface MomoIpnDecision {
  status: MomoIpnStatus;
  /**
   * With `recorded`: apply it to the order (once: a conditional update from pending). With
   * `already_confirmed`: what the genuine notification says, for the record only.
   */
  outcome?: MomoIpnOutcome;
}

/**
 * Decides what a MoMo v3 IPN means for the order, as MoMo tells merchants to: first the signature
 * (compared in constant time), then partnerCode, orderId and amount against the merchant's records;
 * then the order must still be pending (a repeated notification changes nothing).
 *
 * `paid` is true for resultCode 0 only. MoMo calls 9000 "authorized": for a two-step payment the
 * merchant must capture or cancel; for one-step (captureWallet, which this module requests without
 * autoCapture=false) MoMo says to treat it as paid, but a one-step payment then reports 0 anyway.
 * This module does not mark 9000 paid: it is reported as not final, so the order stays pending until
 * the final code arrives or a status query finds it — slower at worst, never paid without the money.
 *
 * The caller answers HTTP 204 within 15 seconds, whatever the decision: the answer never triggers a
 * refund, and MoMo publishes no retry policy. `findOrder` may be synchronous or return a promise.
 */
export async function momoIpnDecision(
  ipn: MomoIpn,
  options: {
    accessKey: string;
    secretKey: string;
    partnerCode: string;
    findOrder: (orderId: string) => MomoOrder | undefined | Promise<MomoOrder | undefined>;
  },
): Promise<MomoIpnDecision> {
  if (!hexDigestsEqual(momoIpnSignature(ipn, options.accessKey, options.secretKey), ipn.signature)) {
    return { status: 'invalid_signature' };
  }
  if (plainValue(ipn.partnerCode) !== options.partnerCode) return { status: 'wrong_partner' };
  const orderId = plainValue(ipn.orderId);
  const order = orderId === '' ? undefined : await options.findOrder(orderId);
  if (!order) return { status: 'order_not_found' };
  const amount = plainValue(ipn.amount);
  if (!/^\d{1,15}$/.test(amount) || Number(amount) !== order.amountVnd) return { status: 'invalid_amount' };
  const resultCode = plainValue(ipn.resultCode);
  const outcome: MomoIpnOutcome = {
    paid: resultCode === '0',
    final: momoResultIsFinal(resultCode),
    resultCode,
    message: plainValue(ipn.message),
    transId: plainValue(ipn.transId),
    payType: plainValue(ipn.payType),
    responseTime: plainValue(ipn.responseTime),
  };
  return { status: order.state === 'pending' ? 'recorded' : 'already_confirmed', outcome };
}

function checkAmount(amountVnd: number, requestType: MomoRequestType): void {
  if (!Number.isSafeInteger(amountVnd) || amountVnd < 1) throw new RangeError(`The amount must be a whole number of VND: ${amountVnd}`);
  if (requestType === 'captureWallet' && (amountVnd < WALLET_MIN_VND || amountVnd > WALLET_MAX_VND)) {
    throw new RangeError(`A MoMo wallet payment is ${WALLET_MIN_VND}–${WALLET_MAX_VND} VND: ${amountVnd}`);
  }
  if (requestType === 'payWithATM' && amountVnd < ATM_MIN_VND) throw new RangeError(`A MoMo ATM payment is at least ${ATM_MIN_VND} VND: ${amountVnd}`);
}

function checkOrderId(orderId: string): void {
  checkLength(orderId, 1, 200, 'orderId');
  // MoMo's pattern ^[0-9a-zA-Z]([-_.]*[0-9a-zA-Z]+)*$ written without nested ambiguous repeats
  // (same strings: starts and ends with a letter or digit, separators only between them), so a
  // long hostile id cannot make the match take exponential time.
  if (!/^[0-9a-zA-Z]+(?:[-_.]+[0-9a-zA-Z]+)*$/.test(orderId)) throw new RangeError('orderId must match MoMo\'s pattern.');
}
