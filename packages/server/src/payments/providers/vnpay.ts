/**
 * VNPay 2.1 payment gateway: the signed payment URL, the browser return and the server
 * notification (IPN), as VNPay publishes them (sandbox.vnpayment.vn/apis/docs/thanh-toan-pay/pay.html
 * and the HMAC-SHA512 change note for 2.1.0). Pure functions: no network, no storage, no clock.
 * The status query (querydr) is in `vnpay-querydr.ts`.
 */
import { isIP } from 'node:net';
import { foldVietnamese } from '@dvc-kit/sdk';
import { hexDigestsEqual, hmacHex } from './hmac.ts';
import { checkHttpUrl, checkLength } from './fields.ts';
import { formatVnTimestamp } from '../../calendar/vn-timestamp.ts';

/** `vnp_Version` of this protocol. */
export const VNPAY_VERSION = '2.1.0';
/** The parameter that carries the signature. */
export const VNPAY_SECURE_HASH = 'vnp_SecureHash';
/** Neither the signature nor its (pre-2.1) algorithm name is ever signed. */
const UNSIGNED_PARAMS: ReadonlySet<string> = new Set([VNPAY_SECURE_HASH, 'vnp_SecureHashType']);

/**
 * Query parameters as a server framework hands them over (a missing one is undefined). A parameter
 * repeated in the query is not a string: the caller refuses such a request before calling here.
 */
export type VnpayParams = Readonly<Record<string, string | undefined>>;

/**
 * The exact text VNPay 2.1 signs, for the payment URL, the return URL and the IPN alike:
 * every `vnp_` parameter except `vnp_SecureHash` and `vnp_SecureHashType`, empty values dropped,
 * keys in ascending ASCII order, each key and value form-urlencoded (UTF-8, space → `+`,
 * uppercase `%XX`, so `:` → `%3A` and `/` → `%2F`), joined as `key=value` with `&`.
 *
 * It is also the query string that is sent, minus `vnp_SecureHash`.
 */
export function vnpaySigningString(params: VnpayParams): string {
  const keys = Object.keys(params).filter((key) => {
    const value = params[key];
    return key.startsWith('vnp_') && !UNSIGNED_PARAMS.has(key) && value !== undefined && value !== '';
  });
  // The keys are ASCII, where the default UTF-16 code-unit order is the ASCII order VNPay sorts by.
  keys.sort();
  return keys.map((key) => `${formUrlEncode(key)}=${formUrlEncode(params[key] ?? '')}`).join('&');
}

/** VNPay 2.1's `vnp_SecureHash`: HMAC-SHA512 of {@link vnpaySigningString} keyed with vnp_HashSecret, lowercase hex. */
export function vnpaySign(params: VnpayParams, hashSecret: string): string {
  return hmacHex('sha512', hashSecret, vnpaySigningString(params));
}

/**
 * True when `params.vnp_SecureHash` is the VNPay 2.1 signature of the other parameters. Compared
 * in constant time; a missing hash, non-hex text or a wrong length is simply false. Letter case of
 * the received hex does not matter (VNPay's C# sample compares ignoring case).
 */
export function vnpayVerify(params: VnpayParams, hashSecret: string): boolean {
  return hexDigestsEqual(vnpaySign(params, hashSecret), params[VNPAY_SECURE_HASH]);
}

/**
 * Form-urlencoding as VNPay's Java sample (`URLEncoder`) and WHATWG `URLSearchParams` write it:
 * letters, digits and `*-._` stay, a space becomes `+`, every other UTF-8 byte `%XX` in upper case.
 */
function formUrlEncode(text: string): string {
  // encodeURIComponent also leaves !'()~ alone and writes a space as %20.
  return encodeURIComponent(text)
    .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

/** The signs kept in an order description besides ASCII letters, digits and spaces. */
const ORDER_INFO_UNSAFE = /[^A-Za-z0-9 .,:_-]+/g;
const ORDER_INFO_MAX = 255;

/**
 * `vnp_OrderInfo` as VNPay 2.1 requires it: "Alphanumeric[1,255], Vietnamese without diacritics,
 * no special characters". Vietnamese letters are folded to ASCII keeping their case
 * ("Thanh toán hồ sơ Đăng ký khai sinh" → "Thanh toan ho so Dang ky khai sinh"); what is left
 * besides letters, digits, spaces and `. , : _ -` becomes a space; runs of spaces collapse;
 * at most 255 characters. Keeping the text plain also keeps it out of the characters
 * (`*~!'()`) that URL encoders disagree on. Throws a RangeError when nothing is left.
 */
export function vnpayOrderInfo(text: string): string {
  let folded = '';
  for (const char of text.normalize('NFC')) {
    // foldVietnamese lower-cases; the order description keeps the original case.
    const plain = foldVietnamese(char);
    folded += char === char.toLowerCase() ? plain : plain.toUpperCase();
  }
  const kept = folded.replace(ORDER_INFO_UNSAFE, ' ').replace(/ {2,}/g, ' ').trim().slice(0, ORDER_INFO_MAX).trimEnd();
  if (kept === '') throw new RangeError('vnp_OrderInfo has no letters or digits left once made plain.');
  return kept;
}

/** What a VNPay 2.1 payment URL is made of. */
export interface VnpayPaymentRequest {
  /** The payment page, e.g. `https://sandbox.vnpayment.vn/paymentv2/vpcpay.html` (no query). */
  endpoint: string;
  /** `vnp_TmnCode`: the merchant's terminal code, Alphanumeric[8]. */
  tmnCode: string;
  /** `vnp_HashSecret`: the signing key; never sent. */
  hashSecret: string;
  /** `vnp_TxnRef`: the merchant's order reference, unique within the day, 1–100 characters. */
  txnRef: string;
  /** The amount in whole VND; sent ×100 as `vnp_Amount`. */
  amountVnd: number;
  /** A description; made plain by {@link vnpayOrderInfo}. */
  orderInfo: string;
  /** `vnp_ReturnUrl`: where the payer's browser comes back, 10–255 characters. */
  returnUrl: string;
  /** `vnp_IpAddr`: the payer's IP address (IPv4 or IPv6). */
  ipAddr: string;
  /** The page language: `vi` is sent as `vnp_Locale=vn`, `en` as `en`. */
  locale: 'vi' | 'en';
  /** `vnp_CreateDate`: when the payment was created. */
  createdAt: Date;
  /** `vnp_ExpireDate`: after this VNPay refuses the payment (required in 2.1). */
  expiresAt: Date;
  /** `vnp_BankCode`, optional: `VNPAYQR`, `VNBANK`, `INTCARD` or a bank code; omitted, the payer chooses. */
  bankCode?: string;
  /** `vnp_OrderType`, default `other`. */
  orderType?: string;
}

/** `vnp_Amount` is Numeric[1,12] and carries VND × 100. */
export const MAX_AMOUNT_VND = 9_999_999_999;

/**
 * The full VNPay 2.1 payment URL (`vnp_Command=pay`) to send the payer's browser to, with every
 * parameter VNPay's table requires: vnp_Version 2.1.0, vnp_Command, vnp_TmnCode, vnp_Amount
 * (VND × 100), vnp_CurrCode VND, vnp_TxnRef, vnp_OrderInfo (plain), vnp_OrderType, vnp_Locale,
 * vnp_ReturnUrl, vnp_IpAddr, vnp_CreateDate and vnp_ExpireDate (`yyyyMMddHHmmss`, GMT+7), the
 * optional vnp_BankCode, and vnp_SecureHash last. No parameter is ever sent empty: VNPay's PHP
 * sample signs whatever it receives while its Java sample drops empty values, so an empty one
 * would make the two disagree.
 *
 * Throws a RangeError for a value VNPay would refuse (an amount that is not a positive whole
 * number of VND, a malformed terminal code, IP address or URL, an expiry not after creation).
 */
export function vnpayPaymentUrl(request: VnpayPaymentRequest): string {
  const endpoint = checkHttpUrl(request.endpoint, 'endpoint');
  if (endpoint.search !== '' || endpoint.hash !== '') throw new RangeError('The VNPay endpoint must have no query or fragment.');
  checkTmnCode(request.tmnCode);
  if (!/^[A-Za-z0-9_.-]{1,100}$/.test(request.txnRef)) {
    throw new RangeError('vnp_TxnRef must be 1–100 letters, digits or _ . -');
  }
  const amount = vnpayAmount(request.amountVnd);
  checkLength(request.returnUrl, 10, 255, 'vnp_ReturnUrl');
  checkHttpUrl(request.returnUrl, 'vnp_ReturnUrl');
  checkIpAddr(request.ipAddr, 'vnp_IpAddr');
  const createDate = formatVnTimestamp(request.createdAt);
  const expireDate = formatVnTimestamp(request.expiresAt);
  if (request.expiresAt.getTime() <= request.createdAt.getTime()) throw new RangeError('vnp_ExpireDate must be after vnp_CreateDate.');
  const orderType = request.orderType ?? 'other';
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(orderType)) throw new RangeError('vnp_OrderType must be 1–100 letters or digits.');
  const bankCode = request.bankCode ?? '';
  if (bankCode !== '' && !/^[A-Za-z0-9]{3,20}$/.test(bankCode)) throw new RangeError('vnp_BankCode must be 3–20 letters or digits.');

  const params: Record<string, string> = {
    vnp_Version: VNPAY_VERSION,
    vnp_Command: 'pay',
    vnp_TmnCode: request.tmnCode,
    vnp_Amount: amount,
    vnp_CurrCode: 'VND',
    vnp_TxnRef: request.txnRef,
    vnp_OrderInfo: vnpayOrderInfo(request.orderInfo),
    vnp_OrderType: orderType,
    vnp_Locale: request.locale === 'vi' ? 'vn' : 'en',
    vnp_ReturnUrl: request.returnUrl,
    vnp_IpAddr: request.ipAddr,
    vnp_CreateDate: createDate,
    vnp_ExpireDate: expireDate,
  };
  if (bankCode !== '') params['vnp_BankCode'] = bankCode;
  // The query is the signed text itself, so what VNPay decodes and re-signs is exactly what was signed.
  const query = vnpaySigningString(params);
  return `${endpoint.href}?${query}&${VNPAY_SECURE_HASH}=${hmacHex('sha512', request.hashSecret, query)}`;
}

/**
 * `vnp_Amount` for an amount in VND: × 100, digits only (10,000 VND → `1000000`). Throws a
 * RangeError unless the amount is a whole number from 1 to 9,999,999,999 (Numeric[1,12] once × 100).
 */
export function vnpayAmount(amountVnd: number): string {
  if (!Number.isSafeInteger(amountVnd) || amountVnd < 1 || amountVnd > MAX_AMOUNT_VND) {
    throw new RangeError(`The amount must be a whole number of VND from 1 to ${MAX_AMOUNT_VND}: ${amountVnd}`);
  }
  return String(amountVnd * 100);
}

/** The merchant's order as the IPN checks it. Only a `pending` order can be confirmed. */
export interface VnpayOrder {
  amountVnd: number;
  state: string;
}

/** What the IPN reported, once every check passed. */
export interface VnpayIpnOutcome {
  /** True only when both vnp_ResponseCode and vnp_TransactionStatus are `00` (VNPay's C# sample). */
  paid: boolean;
  responseCode: string;
  transactionStatus: string;
  transactionNo: string;
  bankCode: string;
  /** `yyyyMMddHHmmss` in GMT+7, as sent (empty when VNPay sent none). */
  payDate: string;
}

/** The IPN answer codes this module gives; `99` (an exception) is the caller's. */
export type VnpayIpnRspCode = '00' | '01' | '02' | '04' | '97';

/** The answer to send VNPay (as JSON `{"RspCode": rspCode, "Message": message}`) and what to record. */
export interface VnpayIpnDecision {
  rspCode: VnpayIpnRspCode;
  message: string;
  /**
   * With `00`: record it on the order (paid or not) before answering. With `02`: what the genuine
   * notification says, for the record only (paid, for an order closed here, is money to refund).
   */
  outcome?: VnpayIpnOutcome;
}

/** The answer for an exception while handling the IPN: VNPay retries it. */
export const VNPAY_IPN_UNKNOWN_ERROR = { RspCode: '99', Message: 'Unknown error' } as const;

/**
 * Decides the answer to a VNPay 2.1 IPN (the server-to-server GET with the payment's result), with
 * the checks in the order of VNPay's sample:
 * 1. the signature (`97` Invalid signature), before anything is looked up;
 * 2. the order `vnp_TxnRef` exists (`01` Order not found), for this merchant's terminal `tmnCode`
 *    (a notification for another terminal sharing the secret is not this server's: `01`, said so);
 * 3. its amount equals `vnp_Amount / 100` (`04` Invalid amount);
 * 4. it is still pending (`02` Order already confirmed, with the outcome for the record only);
 * 5. `00` Confirm Success, with the outcome to record. `00` means "recorded", also for a failed
 *    payment; the outcome is `paid` only when vnp_ResponseCode and vnp_TransactionStatus are both
 *    `00` (VNPay's C# sample; its PHP sample accepts either, which is weaker).
 *
 * The caller records the outcome (once: a conditional update from pending) and answers with HTTP
 * 200 and JSON `{"RspCode","Message"}`. An outcome without a final transaction status (none, `01`
 * not completed, or `00` beside a failed response code) records nothing: the caller asks the status
 * query, and answers `99` until the payment is settled (so step 5's `00` is not always given). An exception on the way (the database down) is answered
 * with {@link VNPAY_IPN_UNKNOWN_ERROR} (`99`), so VNPay retries: `00` and `02` end the flow, while
 * `01`, `04`, `97`, `99` or a timeout are retried, at most 10 calls 5 minutes apart. Answering `04`
 * does not reverse the payment.
 *
 * `findOrder` may be synchronous or return a promise.
 */
export async function vnpayIpnDecision(
  params: VnpayParams,
  options: { hashSecret: string; tmnCode: string; findOrder: (txnRef: string) => VnpayOrder | undefined | Promise<VnpayOrder | undefined> },
): Promise<VnpayIpnDecision> {
  if (!vnpayVerify(params, options.hashSecret)) return { rspCode: '97', message: 'Invalid signature' };
  if (params['vnp_TmnCode'] !== options.tmnCode) return { rspCode: '01', message: 'Order not found (another terminal code)' };
  const txnRef = params['vnp_TxnRef'] ?? '';
  const order = txnRef === '' ? undefined : await options.findOrder(txnRef);
  if (!order) return { rspCode: '01', message: 'Order not found' };
  if (!amountMatches(params['vnp_Amount'], order.amountVnd)) return { rspCode: '04', message: 'Invalid amount' };
  const responseCode = params['vnp_ResponseCode'] ?? '';
  const transactionStatus = params['vnp_TransactionStatus'] ?? '';
  const outcome: VnpayIpnOutcome = {
    paid: responseCode === '00' && transactionStatus === '00',
    responseCode,
    transactionStatus,
    transactionNo: params['vnp_TransactionNo'] ?? '',
    bankCode: params['vnp_BankCode'] ?? '',
    payDate: params['vnp_PayDate'] ?? '',
  };
  if (order.state !== 'pending') return { rspCode: '02', message: 'Order already confirmed', outcome };
  return { rspCode: '00', message: 'Confirm Success', outcome };
}

/** What the payer's browser brought back, for the page that tells them the result. */
export interface VnpayReturnResult {
  /** The signature is right. When false, nothing else here should be shown as fact. */
  valid: boolean;
  /** Valid, and both codes `00`: show "payment received, being confirmed". */
  displayAsSuccess: boolean;
  responseCode: string;
  transactionStatus: string;
  txnRef: string;
  /** `vnp_Amount / 100`, or undefined when that is not a whole number of VND. */
  amountVnd: number | undefined;
  transactionNo: string;
  bankCode: string;
  payDate: string;
}

/**
 * Reads VNPay 2.1's return URL (the browser redirect to vnp_ReturnUrl) for display only. It never
 * marks an order paid: VNPay says to verify the checksum and show the result there, and to update
 * the order only from the IPN (or the status query), which the payer cannot forge or skip.
 */
export function vnpayReturnResult(params: VnpayParams, hashSecret: string): VnpayReturnResult {
  const valid = vnpayVerify(params, hashSecret);
  const responseCode = params['vnp_ResponseCode'] ?? '';
  const transactionStatus = params['vnp_TransactionStatus'] ?? '';
  return {
    valid,
    displayAsSuccess: valid && responseCode === '00' && transactionStatus === '00',
    responseCode,
    transactionStatus,
    txnRef: params['vnp_TxnRef'] ?? '',
    amountVnd: amountFromVnpay(params['vnp_Amount']),
    transactionNo: params['vnp_TransactionNo'] ?? '',
    bankCode: params['vnp_BankCode'] ?? '',
    payDate: params['vnp_PayDate'] ?? '',
  };
}

/** `vnp_Amount / 100` when it is digits naming a whole number of VND, else undefined. */
export function amountFromVnpay(vnpAmount: string | undefined): number | undefined {
  if (vnpAmount === undefined || !/^\d{1,15}$/.test(vnpAmount)) return undefined;
  const hundredths = Number(vnpAmount);
  return hundredths % 100 === 0 ? hundredths / 100 : undefined;
}

function amountMatches(vnpAmount: string | undefined, amountVnd: number): boolean {
  const received = amountFromVnpay(vnpAmount);
  return received !== undefined && received === amountVnd;
}

/** `vnp_TmnCode` is Alphanumeric[8] in VNPay's table. */
export function checkTmnCode(tmnCode: string): void {
  if (!/^[A-Za-z0-9]{8}$/.test(tmnCode)) throw new RangeError('vnp_TmnCode must be 8 letters or digits.');
}

/** `vnp_IpAddr` is Alphanumeric[7,45]: an IPv4 or IPv6 address. */
export function checkIpAddr(ipAddr: string, name: string): void {
  if (isIP(ipAddr) === 0) throw new RangeError(`${name} must be an IPv4 or IPv6 address.`);
}
