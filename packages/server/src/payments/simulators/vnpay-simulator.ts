/**
 * The sandbox's VNPay 2.1: its payment page (`…/paymentv2/vpcpay.html`), the IPN it sends as a GET
 * to the merchant's IPN address, the browser return, and the status query API
 * (`…/merchant_webapi/api/transaction`), to VNPay's protocol, so the server's VNPay code is what
 * the tests exercise. It knows one merchant: the sandbox's.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../../context.ts';
import type { VnpaySettings } from '../gateways/settings.ts';
import { NOTIFICATION_PATHS } from '../gateways/gateways.ts';
import { hexDigestsEqual, hmacHex } from '../providers/hmac.ts';
import { amountFromVnpay, vnpaySign, vnpaySigningString, vnpayVerify } from '../providers/vnpay.ts';
import { vnpayQueryRequestSigningString, vnpayQueryResponseSigningString } from '../providers/vnpay-querydr.ts';
import type { VnpayQueryRequest } from '../providers/vnpay-querydr.ts';
import { plainValue } from '../providers/fields.ts';
import { formatVnTimestamp, parseVnTimestamp } from '../../calendar/vn-timestamp.ts';
import type { PaymentResult } from './scenarios.ts';
import { notifyAsPlanned, scenarioButtons, scenarioNamed, TAMPER_VND } from './scenarios.ts';
import { SANDBOX_BANNER, formatVnd, sendAlreadyProcessed, sendPage, sendReturnLost } from './simulator-page.ts';
import { text } from '../../http/html-text.ts';
import type { SimulatedTransaction } from './simulated-transactions.ts';
import {
  completeTransaction, findByPageToken, findTransaction, firstRequestToday, newTransactionNo, openTransaction, recordNotificationAnswer,
} from './simulated-transactions.ts';

/** vnp_ResponseCode / vnp_TransactionStatus for each outcome. */
const CODES: Record<PaymentResult, { response: string; status: string }> = {
  paid: { response: '00', status: '00' },
  'insufficient-funds': { response: '51', status: '02' },
  cancelled: { response: '24', status: '02' },
};

interface VnpayDetails {
  returnUrl: string;
  orderInfo: string;
  createDate: string;
  bankCode: string;
  /** vnp_ExpireDate: after it VNPay takes no money, whatever the payer does on its page. */
  expireDate?: string;
}

/** VNPay's answer to a payment made after its window: "11", the payment window has expired. */
const EXPIRED_CODES = { response: '11', status: '02' } as const;

const REQUIRED = ['vnp_Version', 'vnp_Command', 'vnp_TmnCode', 'vnp_Amount', 'vnp_CurrCode', 'vnp_TxnRef', 'vnp_OrderInfo',
  'vnp_OrderType', 'vnp_Locale', 'vnp_ReturnUrl', 'vnp_IpAddr', 'vnp_CreateDate', 'vnp_ExpireDate'] as const;

export function registerVnpaySimulator(app: FastifyInstance, ctx: ServerContext, prefix: string, merchant: VnpaySettings): void {
  const base = `${prefix}/_sandbox/vnpay`;
  const ipnUrl = `${ctx.publicApiUrl}${NOTIFICATION_PATHS.vnpay}`;

  app.get(`${base}/paymentv2/vpcpay.html`, async (request, reply) => {
    const params = request.query as Record<string, unknown>;
    const strings = Object.values(params).every((value) => typeof value === 'string') ? params as Record<string, string> : {};
    // What VNPay's page says to a request it cannot take: bad signature, unknown merchant, expired.
    if (!vnpayVerify(strings, merchant.hashSecret)) {
      return sendPage(reply, 400, 'Sai chữ ký', '<h1>Yêu cầu thanh toán không hợp lệ</h1><p>Sai chữ ký (invalid signature).</p>');
    }
    const missing = REQUIRED.filter((name) => !strings[name]);
    const amount = amountFromVnpay(strings['vnp_Amount']);
    if (missing.length > 0 || strings['vnp_Version'] !== '2.1.0' || strings['vnp_Command'] !== 'pay' || strings['vnp_TmnCode'] !== merchant.tmnCode || amount === undefined) {
      return sendPage(reply, 400, 'Dữ liệu không hợp lệ', `<h1>Dữ liệu gửi sang không đúng định dạng</h1><p>${text(missing.length > 0 ? `Thiếu: ${missing.join(', ')}` : 'Invalid parameters.')}</p>`);
    }
    if (parseVnTimestamp(strings['vnp_ExpireDate']!)! < ctx.now()) {
      return sendPage(reply, 400, 'Hết hạn', '<h1>Giao dịch đã quá thời gian chờ thanh toán</h1><p>The payment window has expired (11).</p>');
    }
    const ref = strings['vnp_TxnRef']!;
    const details: VnpayDetails = {
      returnUrl: strings['vnp_ReturnUrl']!, orderInfo: strings['vnp_OrderInfo']!, createDate: strings['vnp_CreateDate']!, bankCode: strings['vnp_BankCode'] ?? 'NCB',
      expireDate: strings['vnp_ExpireDate']!,
    };
    await openTransaction(ctx.storage, 'vnpay', ref, amount, details, ctx.now());
    const transaction = (await findTransaction(ctx.storage, 'vnpay', ref))!;
    if (transaction.result_code !== null || transaction.amount !== amount) {
      return sendAlreadyProcessed(reply);
    }
    return sendPage(reply, 200, 'VNPay (sandbox)', `${SANDBOX_BANNER}
      <h1>Thanh toán qua VNPay</h1>
      <dl>
        <dt>Nội dung</dt><dd>${text(details.orderInfo)}</dd>
        <dt>Số tiền</dt><dd>${text(formatVnd(amount))}</dd>
        <dt>Mã giao dịch</dt><dd>${text(ref)}</dd>
      </dl>
      <form method="post" action="${text(`${base}/paymentv2/complete`)}">
        <input type="hidden" name="token" value="${text(transaction.page_token)}">
        <fieldset><legend>Kết quả muốn thử (outcome)</legend>${scenarioButtons(text)}</fieldset>
      </form>`);
  });

  app.post(`${base}/paymentv2/complete`, async (request, reply) => {
    const form = request.body as Record<string, unknown>;
    const scenario = scenarioNamed(form['scenario']);
    const transaction = await findByPageToken(ctx.storage, form['token']);
    if (!scenario || transaction?.gateway !== 'vnpay') return sendPage(reply, 400, 'Lỗi', '<h1>Giao dịch không hợp lệ</h1>');
    const details = JSON.parse(transaction.details) as VnpayDetails;
    // The page stayed open past the window: VNPay refuses the payment then, as its page says.
    const expired = details.expireDate !== undefined && parseVnTimestamp(details.expireDate)! < ctx.now();
    const codes = expired ? EXPIRED_CODES : CODES[scenario.result];
    const charged = scenario.notification === 'wrong-amount' ? transaction.amount - TAMPER_VND : transaction.amount;
    const outcome = { resultCode: codes.response, transactionNo: newTransactionNo(), payDate: formatVnTimestamp(ctx.now()), amount: charged };
    if (!(await completeTransaction(ctx.storage, transaction, outcome))) {
      return sendAlreadyProcessed(reply);
    }
    const result: Record<string, string> = {
      vnp_TmnCode: merchant.tmnCode,
      vnp_Amount: String(charged * 100),
      vnp_BankCode: details.bankCode,
      vnp_BankTranNo: `VNP${outcome.transactionNo}`,
      vnp_CardType: 'ATM',
      vnp_PayDate: outcome.payDate,
      vnp_OrderInfo: details.orderInfo,
      vnp_TransactionNo: outcome.transactionNo,
      vnp_ResponseCode: codes.response,
      vnp_TransactionStatus: codes.status,
      vnp_TxnRef: transaction.ref,
    };
    const signed = { ...result, vnp_SecureHash: vnpaySign(result, merchant.hashSecret) };
    const claim = { ...result, vnp_ResponseCode: '00', vnp_TransactionStatus: '00' };
    const forged = { ...claim, vnp_SecureHash: vnpaySign(claim, 'not-the-merchant-secret') };
    await notifyAsPlanned(scenario, signed, forged, (params) => sendIpn(ctx, ipnUrl, transaction, params));
    if (!scenario.returns) {
      return sendReturnLost(reply);
    }
    // The return carries the same signed parameters; the query string is the signed text itself.
    const back = new URL(details.returnUrl);
    const separator = back.search === '' ? '?' : '&';
    return reply.code(303).header('location', `${back.origin}${back.pathname}${back.search}${separator}${vnpaySigningString(signed)}&vnp_SecureHash=${signed.vnp_SecureHash}${back.hash}`).send();
  });

  app.post(`${base}/merchant_webapi/api/transaction`, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const answer = (fields: Record<string, string>) => {
      const response = { vnp_ResponseId: randomBytes(16).toString('hex'), vnp_Command: 'querydr', vnp_TmnCode: merchant.tmnCode, ...fields };
      return reply.send({ ...response, vnp_SecureHash: hmacHex('sha512', merchant.hashSecret, vnpayQueryResponseSigningString(response, merchant.tmnCode)) });
    };
    const fields = Object.fromEntries(Object.entries(body).map(([key, value]) => [key, plainValue(value)])) as unknown as VnpayQueryRequest;
    const expected = hmacHex('sha512', merchant.hashSecret, vnpayQueryRequestSigningString(fields));
    if (!hexDigestsEqual(expected, body['vnp_SecureHash'])) return answer({ vnp_ResponseCode: '97', vnp_Message: 'Invalid Checksum' });
    if (fields.vnp_TmnCode !== merchant.tmnCode) return answer({ vnp_ResponseCode: '02', vnp_Message: 'Merchant is not valid' });
    if (fields.vnp_Command !== 'querydr' || !/^\d{14}$/.test(fields.vnp_CreateDate) || !fields.vnp_RequestId) {
      return answer({ vnp_ResponseCode: '03', vnp_Message: 'Invalid data format' });
    }
    if (!(await firstRequestToday(ctx.storage, 'vnpay', fields.vnp_RequestId, fields.vnp_CreateDate.slice(0, 8)))) {
      return answer({ vnp_ResponseCode: '94', vnp_Message: 'Duplicate request' });
    }
    const transaction = await findTransaction(ctx.storage, 'vnpay', fields.vnp_TxnRef);
    if (!transaction || JSON.parse(transaction.details).createDate !== fields.vnp_TransactionDate) {
      return answer({ vnp_TxnRef: fields.vnp_TxnRef, vnp_ResponseCode: '91', vnp_Message: 'Transaction not found' });
    }
    const details = JSON.parse(transaction.details) as VnpayDetails;
    const status = transaction.result_code === null ? '01' : transaction.result_code === '00' ? '00' : '02';
    return answer({
      vnp_ResponseCode: '00',
      vnp_Message: 'QueryDR Success',
      vnp_TxnRef: transaction.ref,
      vnp_Amount: String(transaction.amount * 100),
      vnp_BankCode: details.bankCode,
      vnp_PayDate: transaction.pay_date ?? '',
      vnp_TransactionNo: transaction.transaction_no ?? '0',
      vnp_TransactionType: '01',
      vnp_TransactionStatus: status,
      vnp_OrderInfo: details.orderInfo,
      vnp_PromotionCode: '',
      vnp_PromotionAmount: '',
    });
  });
}

/** VNPay's IPN: a GET with the signed parameters; the answer is kept for a tester to read. */
async function sendIpn(ctx: ServerContext, ipnUrl: string, transaction: SimulatedTransaction, params: Record<string, string>): Promise<void> {
  let answer: string;
  try {
    const response = await fetch(`${ipnUrl}?${new URLSearchParams(params)}`, { signal: AbortSignal.timeout(10_000) });
    answer = `${response.status} ${await response.text()}`;
  } catch (error) {
    answer = `unreachable: ${(error as Error).message}`;
  }
  await recordNotificationAnswer(ctx.storage, 'vnpay', transaction.ref, answer);
}
