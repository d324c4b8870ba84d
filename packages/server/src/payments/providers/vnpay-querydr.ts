/**
 * VNPay 2.1 status query (`vnp_Command=querydr`, POST JSON to `…/merchant_webapi/api/transaction`),
 * for a payment whose IPN never arrived (sandbox.vnpayment.vn/apis/docs/truy-van-hoan-tien/querydr&refund.html).
 * Building and checking are pure; {@link vnpayQuery} does the one POST through an injected `fetch`.
 */
import { randomBytes } from 'node:crypto';
import { plainValue } from './fields.ts';
import { hexDigestsEqual, hmacHex } from './hmac.ts';
import { formatVnTimestamp } from '../../calendar/vn-timestamp.ts';
import { amountFromVnpay, checkIpAddr, checkTmnCode, VNPAY_VERSION, vnpayOrderInfo } from './vnpay.ts';

/** What a status query is made of. */
export interface VnpayQueryInput {
  tmnCode: string;
  hashSecret: string;
  /** The payment's `vnp_TxnRef`. */
  txnRef: string;
  /** The payment's `vnp_CreateDate`: the Date it was made from, or the 14 digits as sent. */
  transactionDate: Date | string;
  /** A description of the query; made plain like a payment's (`|` would break the hashed text). */
  orderInfo: string;
  /** `vnp_IpAddr`: the address of the server that sends the query. */
  ipAddr: string;
  /** When the query is made; sent as `vnp_CreateDate`. */
  now: Date;
  /** `vnp_RequestId`, unique within the day: see {@link newVnpayRequestId}. */
  requestId: string;
  /** `vnp_TransactionNo` when known (from the IPN). Not hashed; the npm `vnpay` library sends it. */
  transactionNo?: string;
}

/** The JSON body of a querydr request. */
export interface VnpayQueryRequest {
  vnp_RequestId: string;
  vnp_Version: string;
  vnp_Command: 'querydr';
  vnp_TmnCode: string;
  vnp_TxnRef: string;
  vnp_OrderInfo: string;
  vnp_TransactionNo?: string;
  vnp_TransactionDate: string;
  vnp_CreateDate: string;
  vnp_IpAddr: string;
  vnp_SecureHash: string;
}

/** The hashed fields of a querydr request, in VNPay's order. */
const REQUEST_HASH_FIELDS = [
  'vnp_RequestId', 'vnp_Version', 'vnp_Command', 'vnp_TmnCode', 'vnp_TxnRef',
  'vnp_TransactionDate', 'vnp_CreateDate', 'vnp_IpAddr', 'vnp_OrderInfo',
] as const;

/**
 * A fresh `vnp_RequestId`: 32 hexadecimal characters from 128 random bits (Alphanumeric[1,32]), so
 * two requests on one day never share one.
 */
export function newVnpayRequestId(): string {
  return randomBytes(16).toString('hex');
}

/**
 * The text a querydr request hashes: the raw (not encoded) values joined with `|` in the order
 * `vnp_RequestId|vnp_Version|vnp_Command|vnp_TmnCode|vnp_TxnRef|vnp_TransactionDate|vnp_CreateDate|vnp_IpAddr|vnp_OrderInfo`,
 * a missing value written as nothing.
 */
export function vnpayQueryRequestSigningString(request: Omit<VnpayQueryRequest, 'vnp_SecureHash'>): string {
  return REQUEST_HASH_FIELDS.map((field) => request[field] ?? '').join('|');
}

/**
 * The JSON body of a VNPay 2.1 querydr request: vnp_RequestId, vnp_Version 2.1.0, vnp_Command
 * querydr, vnp_TmnCode, vnp_TxnRef, vnp_OrderInfo, vnp_TransactionDate (the payment's
 * vnp_CreateDate), vnp_CreateDate (now, GMT+7), vnp_IpAddr, the optional vnp_TransactionNo, and
 * vnp_SecureHash = HMAC-SHA512 hex of {@link vnpayQueryRequestSigningString} keyed with vnp_HashSecret.
 * Throws a RangeError for a malformed terminal code, request id, date or IP address.
 */
export function vnpayQueryRequest(input: VnpayQueryInput): VnpayQueryRequest {
  checkTmnCode(input.tmnCode);
  if (!/^[A-Za-z0-9]{1,32}$/.test(input.requestId)) throw new RangeError('vnp_RequestId must be 1–32 letters or digits.');
  if (!/^[A-Za-z0-9_.-]{1,100}$/.test(input.txnRef)) throw new RangeError('vnp_TxnRef must be 1–100 letters, digits or _ . -');
  const transactionDate = typeof input.transactionDate === 'string' ? input.transactionDate : formatVnTimestamp(input.transactionDate);
  if (!/^\d{14}$/.test(transactionDate)) throw new RangeError('vnp_TransactionDate must be yyyyMMddHHmmss.');
  checkIpAddr(input.ipAddr, 'vnp_IpAddr');
  const transactionNo = input.transactionNo ?? '';
  if (transactionNo !== '' && !/^\d{1,15}$/.test(transactionNo)) throw new RangeError('vnp_TransactionNo must be digits.');

  const unsigned: Omit<VnpayQueryRequest, 'vnp_SecureHash'> = {
    vnp_RequestId: input.requestId,
    vnp_Version: VNPAY_VERSION,
    vnp_Command: 'querydr',
    vnp_TmnCode: input.tmnCode,
    vnp_TxnRef: input.txnRef,
    vnp_OrderInfo: vnpayOrderInfo(input.orderInfo),
    // Sent only when known: an empty value is never sent.
    ...(transactionNo === '' ? {} : { vnp_TransactionNo: transactionNo }),
    vnp_TransactionDate: transactionDate,
    vnp_CreateDate: formatVnTimestamp(input.now),
    vnp_IpAddr: input.ipAddr,
  };
  return { ...unsigned, vnp_SecureHash: hmacHex('sha512', input.hashSecret, vnpayQueryRequestSigningString(unsigned)) };
}

/** A querydr response as parsed from JSON: values may come as strings or numbers. */
export type VnpayQueryResponse = Readonly<Record<string, unknown>>;

/** The hashed fields of a querydr response, in the order of the npm `vnpay` library (2.5.0). */
const RESPONSE_HASH_FIELDS = [
  'vnp_ResponseId', 'vnp_Command', 'vnp_ResponseCode', 'vnp_Message', 'vnp_TmnCode', 'vnp_TxnRef',
  'vnp_Amount', 'vnp_BankCode', 'vnp_PayDate', 'vnp_TransactionNo', 'vnp_TransactionType',
  'vnp_TransactionStatus', 'vnp_OrderInfo', 'vnp_PromotionCode', 'vnp_PromotionAmount',
] as const;

/**
 * The text a querydr response's `vnp_SecureHash` covers: raw values joined with `|` in the order
 * `vnp_ResponseId|vnp_Command|vnp_ResponseCode|vnp_Message|vnp_TmnCode|vnp_TxnRef|vnp_Amount|vnp_BankCode|vnp_PayDate|vnp_TransactionNo|vnp_TransactionType|vnp_TransactionStatus|vnp_OrderInfo|vnp_PromotionCode|vnp_PromotionAmount`,
 * a missing value written as nothing. This order is the npm `vnpay` library's (VNPay's own page
 * for the response could not be read). Like that library, the merchant's own `tmnCode` takes the
 * vnp_TmnCode place.
 */
export function vnpayQueryResponseSigningString(response: VnpayQueryResponse, tmnCode: string): string {
  return RESPONSE_HASH_FIELDS.map((field) => (field === 'vnp_TmnCode' ? tmnCode : plainValue(response[field]))).join('|');
}

/** What a querydr response says about the payment. */
export interface VnpayQueryResult {
  /**
   * The response is signed by VNPay with this merchant's secret, and names this merchant and this
   * order. When false, nothing else here may change the order.
   */
  valid: boolean;
  /** The API's own code: 00 answered, 02 bad TmnCode, 03 bad format, 91 not found, 94 duplicate request, 97 bad checksum, 99 other. */
  responseCode: string;
  message: string;
  /** The payment's state at VNPay: 00 success, 01 not completed, 02 error, 04 reversed, 05/06 refund, 07 suspected fraud, 09 refund rejected. */
  transactionStatus: string;
  /** 01 payment, 02 full refund, 03 partial refund. */
  transactionType: string;
  transactionNo: string;
  bankCode: string;
  payDate: string;
  /** `vnp_Amount / 100`, when a whole number of VND. */
  amountVnd: number | undefined;
  /** Valid, the query answered (`00`), the payment succeeded (`00`) and the amount is the order's. */
  paid: boolean;
}

/**
 * Checks a querydr response against the request's merchant and order. Unlike the npm `vnpay`
 * library (2.5.0), which skips the check when vnp_SecureHash is absent and reads only
 * vnp_ResponseCode, an unsigned response is never valid, and `paid` needs vnp_TransactionStatus
 * `00` (the payment's outcome) besides vnp_ResponseCode `00` (the query's) and the order's amount.
 */
export function vnpayQueryResult(
  response: VnpayQueryResponse,
  expected: { hashSecret: string; tmnCode: string; txnRef: string; amountVnd: number },
): VnpayQueryResult {
  const signed = hexDigestsEqual(hmacHex('sha512', expected.hashSecret, vnpayQueryResponseSigningString(response, expected.tmnCode)),
    response['vnp_SecureHash']);
  const tmnCode = plainValue(response['vnp_TmnCode']);
  const valid = signed && (tmnCode === '' || tmnCode === expected.tmnCode) && plainValue(response['vnp_TxnRef']) === expected.txnRef;
  const responseCode = plainValue(response['vnp_ResponseCode']);
  const transactionStatus = plainValue(response['vnp_TransactionStatus']);
  const amountVnd = amountFromVnpay(plainValue(response['vnp_Amount']));
  return {
    valid,
    responseCode,
    message: plainValue(response['vnp_Message']),
    transactionStatus,
    transactionType: plainValue(response['vnp_TransactionType']),
    transactionNo: plainValue(response['vnp_TransactionNo']),
    bankCode: plainValue(response['vnp_BankCode']),
    payDate: plainValue(response['vnp_PayDate']),
    amountVnd,
    paid: valid && responseCode === '00' && transactionStatus === '00' && amountVnd === expected.amountVnd,
  };
}

/**
 * Sends a querydr request and checks the answer. The only I/O in the providers: `fetch` is
 * injected (tests and timeouts are the caller's: pass an AbortSignal). A non-2xx answer or a body
 * that is not a JSON object throws; the caller keeps the payment pending and asks again later.
 */
export async function vnpayQuery(options: {
  fetch: typeof fetch;
  /** e.g. `https://sandbox.vnpayment.vn/merchant_webapi/api/transaction`. */
  endpoint: string;
  request: VnpayQueryRequest;
  hashSecret: string;
  amountVnd: number;
  signal?: AbortSignal;
}): Promise<VnpayQueryResult> {
  const response = await options.fetch(options.endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(options.request),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (!response.ok) throw new Error(`VNPay querydr answered HTTP ${response.status}.`);
  const body: unknown = await response.json();
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('VNPay querydr answered something other than a JSON object.');
  return vnpayQueryResult(body as VnpayQueryResponse, {
    hashSecret: options.hashSecret,
    tmnCode: options.request.vnp_TmnCode,
    txnRef: options.request.vnp_TxnRef,
    amountVnd: options.amountVnd,
  });
}
