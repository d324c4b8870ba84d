/**
 * The sandbox's MoMo v3: the create API (`/v2/gateway/api/create`, answering a payUrl), its payment
 * page, the IPN it POSTs as JSON to the order's ipnUrl, the browser return (a GET to redirectUrl
 * with the same fields), and the status query (`/v2/gateway/api/query`), to MoMo's protocol, so
 * the server's MoMo code is what the tests exercise. It knows one merchant: the sandbox's.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ServerContext } from '../../context.ts';
import type { MomoSettings } from '../gateways/settings.ts';
import { hexDigestsEqual, hmacHex } from '../providers/hmac.ts';
import type { MomoIpn } from '../providers/momo.ts';
import { momoCreateSignature, momoIpnSignature } from '../providers/momo.ts';
import { momoQuerySigningString } from '../providers/momo-query.ts';
import { plainValue } from '../providers/fields.ts';
import { formatVnTimestamp } from '../../calendar/vn-timestamp.ts';
import type { PaymentResult } from './scenarios.ts';
import { notifyAsPlanned, scenarioButtons, scenarioNamed, TAMPER_VND } from './scenarios.ts';
import { SANDBOX_BANNER, formatVnd, sendAlreadyProcessed, sendPage, sendReturnLost } from './simulator-page.ts';
import { text } from '../../http/html-text.ts';
import type { SimulatedTransaction } from './simulated-transactions.ts';
import {
  completeTransaction, findByPageToken, findTransaction, firstRequestToday, newTransactionNo, openTransaction, recordNotificationAnswer,
} from './simulated-transactions.ts';

/** resultCode and message for each outcome. */
const RESULTS: Record<PaymentResult, { code: number; message: string }> = {
  paid: { code: 0, message: 'Thành công.' },
  'insufficient-funds': { code: 1001, message: 'Giao dịch thanh toán thất bại do tài khoản người dùng không đủ tiền.' },
  cancelled: { code: 1006, message: 'Giao dịch thất bại do người dùng đã từ chối xác nhận thanh toán.' },
};
/** Still waiting for the payer. */
const WAITING = { code: 1000, message: 'Giao dịch đã được khởi tạo, chờ người dùng xác nhận thanh toán.' };

interface MomoDetails {
  requestId: string;
  orderInfo: string;
  redirectUrl: string;
  ipnUrl: string;
  extraData: string;
}

const AMOUNT_MIN = 1_000;
const AMOUNT_MAX = 50_000_000;

export function registerMomoSimulator(app: FastifyInstance, ctx: ServerContext, prefix: string, merchant: MomoSettings): void {
  const base = `${prefix}/_sandbox/momo`;
  const refuse = (reply: FastifyReply, status: number, body: Record<string, unknown>, resultCode: number, message: string) =>
    reply.code(status).send({
      partnerCode: plainValue(body['partnerCode']), requestId: plainValue(body['requestId']), orderId: plainValue(body['orderId']),
      resultCode, message, responseTime: ctx.now().getTime(),
    });

  app.post(`${base}/v2/gateway/api/create`, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const fields = {
      accessKey: merchant.accessKey,
      amount: plainValue(body['amount']),
      extraData: plainValue(body['extraData']),
      ipnUrl: plainValue(body['ipnUrl']),
      orderId: plainValue(body['orderId']),
      orderInfo: plainValue(body['orderInfo']),
      partnerCode: plainValue(body['partnerCode']),
      redirectUrl: plainValue(body['redirectUrl']),
      requestId: plainValue(body['requestId']),
      requestType: plainValue(body['requestType']),
    };
    if (fields.partnerCode !== merchant.partnerCode) return refuse(reply, 400, body, 11, 'Truy cập bị từ chối.');
    if (!hexDigestsEqual(momoCreateSignature(fields, merchant.secretKey), body['signature'])) {
      return refuse(reply, 400, body, 13, 'Xác thực doanh nghiệp thất bại (signature).');
    }
    const amount = Number(fields.amount);
    if (!Number.isSafeInteger(amount) || amount < AMOUNT_MIN || amount > AMOUNT_MAX) return refuse(reply, 400, body, 22, 'Số tiền giao dịch không hợp lệ.');
    if (!fields.orderId || !fields.requestId || !/^https?:\/\//.test(fields.redirectUrl) || !/^https?:\/\//.test(fields.ipnUrl)) {
      return refuse(reply, 400, body, 20, 'Yêu cầu sai định dạng.');
    }
    if (!(await firstRequestToday(ctx.storage, 'momo', fields.requestId, formatVnTimestamp(ctx.now()).slice(0, 8)))) {
      return refuse(reply, 400, body, 40, 'RequestId bị trùng.');
    }
    const details: MomoDetails = {
      requestId: fields.requestId, orderInfo: fields.orderInfo, redirectUrl: fields.redirectUrl, ipnUrl: fields.ipnUrl, extraData: fields.extraData,
    };
    if (!(await openTransaction(ctx.storage, 'momo', fields.orderId, amount, details, ctx.now()))) {
      return refuse(reply, 400, body, 41, 'OrderId bị trùng.');
    }
    const transaction = (await findTransaction(ctx.storage, 'momo', fields.orderId))!;
    return reply.send({
      partnerCode: merchant.partnerCode, orderId: fields.orderId, requestId: fields.requestId, amount,
      responseTime: ctx.now().getTime(), message: 'Thành công.', resultCode: 0,
      payUrl: `${ctx.publicApiUrl}/_sandbox/momo/pay?t=${encodeURIComponent(transaction.page_token)}`,
    });
  });

  app.get(`${base}/pay`, async (request, reply) => {
    const transaction = await findByPageToken(ctx.storage, (request.query as Record<string, unknown>)['t']);
    if (transaction?.gateway !== 'momo') return sendPage(reply, 404, 'Không tìm thấy', '<h1>Không tìm thấy giao dịch</h1><p>Transaction not found.</p>');
    if (transaction.result_code !== null) {
      return sendAlreadyProcessed(reply);
    }
    const details = JSON.parse(transaction.details) as MomoDetails;
    return sendPage(reply, 200, 'MoMo (sandbox)', `${SANDBOX_BANNER}
      <h1>Thanh toán bằng ví MoMo</h1>
      <dl>
        <dt>Nội dung</dt><dd>${text(details.orderInfo)}</dd>
        <dt>Số tiền</dt><dd>${text(formatVnd(transaction.amount))}</dd>
        <dt>Mã đơn hàng</dt><dd>${text(transaction.ref)}</dd>
      </dl>
      <form method="post" action="${text(`${base}/pay/complete`)}">
        <input type="hidden" name="token" value="${text(transaction.page_token)}">
        <fieldset><legend>Kết quả muốn thử (outcome)</legend>${scenarioButtons(text)}</fieldset>
      </form>`);
  });

  app.post(`${base}/pay/complete`, async (request, reply) => {
    const form = request.body as Record<string, unknown>;
    const scenario = scenarioNamed(form['scenario']);
    const transaction = await findByPageToken(ctx.storage, form['token']);
    if (!scenario || transaction?.gateway !== 'momo') return sendPage(reply, 400, 'Lỗi', '<h1>Giao dịch không hợp lệ</h1>');
    const result = RESULTS[scenario.result];
    const charged = scenario.notification === 'wrong-amount' ? transaction.amount - TAMPER_VND : transaction.amount;
    const outcome = { resultCode: String(result.code), transactionNo: newTransactionNo(), payDate: String(ctx.now().getTime()), amount: charged };
    if (!(await completeTransaction(ctx.storage, transaction, outcome))) {
      return sendAlreadyProcessed(reply);
    }
    const details = JSON.parse(transaction.details) as MomoDetails;
    const ipn: MomoIpn = {
      partnerCode: merchant.partnerCode,
      orderId: transaction.ref,
      requestId: details.requestId,
      amount: charged,
      orderInfo: details.orderInfo,
      orderType: 'momo_wallet',
      transId: Number(outcome.transactionNo),
      resultCode: result.code,
      message: result.message,
      payType: 'qr',
      responseTime: Number(outcome.payDate),
      extraData: details.extraData,
    };
    const signed = { ...ipn, signature: momoIpnSignature(ipn, merchant.accessKey, merchant.secretKey) };
    const claim = { ...ipn, resultCode: RESULTS.paid.code, message: RESULTS.paid.message };
    const forged = { ...claim, signature: momoIpnSignature(claim, merchant.accessKey, 'not-the-merchant-secret') };
    await notifyAsPlanned(scenario, signed, forged, (body) => sendIpn(ctx, details.ipnUrl, transaction, body));
    if (!scenario.returns) {
      return sendReturnLost(reply);
    }
    const back = new URL(details.redirectUrl);
    for (const [name, value] of Object.entries(signed)) back.searchParams.set(name, String(value));
    return reply.code(303).header('location', back.toString()).send();
  });

  app.post(`${base}/v2/gateway/api/query`, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const fields = {
      accessKey: merchant.accessKey, orderId: plainValue(body['orderId']), partnerCode: plainValue(body['partnerCode']), requestId: plainValue(body['requestId']),
    };
    if (fields.partnerCode !== merchant.partnerCode) return refuse(reply, 400, body, 11, 'Truy cập bị từ chối.');
    if (!hexDigestsEqual(hmacHex('sha256', merchant.secretKey, momoQuerySigningString(fields)), body['signature'])) {
      return refuse(reply, 400, body, 13, 'Xác thực doanh nghiệp thất bại (signature).');
    }
    if (!fields.requestId || !(await firstRequestToday(ctx.storage, 'momo', fields.requestId, formatVnTimestamp(ctx.now()).slice(0, 8)))) {
      return refuse(reply, 400, body, 40, 'RequestId bị trùng.');
    }
    const transaction = await findTransaction(ctx.storage, 'momo', fields.orderId);
    if (!transaction) return refuse(reply, 200, body, 42, 'OrderId không tồn tại.');
    const details = JSON.parse(transaction.details) as MomoDetails;
    const done = transaction.result_code !== null;
    const result = done ? Object.values(RESULTS).find((r) => String(r.code) === transaction.result_code)! : WAITING;
    return reply.send({
      partnerCode: merchant.partnerCode, orderId: transaction.ref, requestId: fields.requestId, extraData: details.extraData,
      amount: transaction.amount, transId: done ? Number(transaction.transaction_no) : 0, payType: done ? 'qr' : '',
      resultCode: result.code, message: result.message, refundTrans: [],
      responseTime: ctx.now().getTime(), lastUpdated: done ? Number(transaction.pay_date) : ctx.now().getTime(),
    });
  });
}

/** MoMo's IPN: a JSON POST, to be answered 204; the answer is kept for a tester to read. */
async function sendIpn(ctx: ServerContext, ipnUrl: string, transaction: SimulatedTransaction, body: object): Promise<void> {
  let answer: string;
  try {
    const response = await fetch(ipnUrl, {
      method: 'POST', headers: { 'content-type': 'application/json; charset=UTF-8' }, body: JSON.stringify(body), signal: AbortSignal.timeout(10_000),
    });
    answer = `${response.status} ${await response.text()}`.trim();
  } catch (error) {
    answer = `unreachable: ${(error as Error).message}`;
  }
  await recordNotificationAnswer(ctx.storage, 'momo', transaction.ref, answer);
}
