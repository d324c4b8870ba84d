import type { FastifyInstance, FastifyReply } from 'fastify';
import { signGatewayParams, verifyGatewaySignature } from '@dvc-kit/sdk';
import type { ServerContext } from '../context.ts';
import { handleNotification, recordGatewayOutcome } from './repository.ts';
import { formatVnTimestamp } from '../calendar/vn-timestamp.ts';

/** What a tester can make the simulated gateway do. */
const OUTCOMES = {
  success: { responseCode: '00', label: 'Thanh toán thành công (success)', notify: true, redirect: true },
  failure: { responseCode: '51', label: 'Thất bại: tài khoản không đủ số dư (failure)', notify: true, redirect: true },
  cancel: { responseCode: '24', label: 'Người thanh toán hủy (cancel)', notify: true, redirect: true },
  'return-lost': { responseCode: '00', label: 'Đã trả tiền nhưng mất kết nối khi quay lại (paid, return lost)', notify: false, redirect: false },
} as const;
type Outcome = keyof typeof OUTCOMES;

const vnd = new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND' });

function text(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${text(title)}</title>
  <style>
    body { font: 16px/1.5 system-ui, sans-serif; max-width: 36rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; }
    .sandbox { background: #fff4ce; border: 2px solid #8a6d00; padding: .5rem 1rem; }
    button { display: block; width: 100%; min-height: 44px; margin-block: .5rem; font: inherit; padding: .5rem 1rem;
      border: 2px solid #0b4f8a; background: #fff; color: #0b4f8a; border-radius: 4px; cursor: pointer; text-align: left; }
    button:focus-visible { outline: 3px solid #1b1b1b; outline-offset: 2px; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
    dt { font-weight: 600; }
  </style>
</head>
<body><main>${body}</main></body>
</html>`;
}

/**
 * The simulated payment gateway (`/_sandbox/gateway`): shows the signed order and lets a tester
 * pick what happens. Like a real intermediary it sends the signed server notification, then sends
 * the payer back to the return URL with signed parameters; "return lost" only records the payment,
 * so the portal must recover it with a status query.
 */
export function registerGatewayPage(app: FastifyInstance, ctx: ServerContext, prefix: string): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });

  const html = (reply: FastifyReply, status: number, content: string) =>
    reply.code(status).type('text/html; charset=utf-8')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
      .send(content);

  app.get(`${prefix}/_sandbox/gateway`, async (request, reply) => {
    const params = request.query as Record<string, string>;
    if (!(await verifyGatewaySignature(params, ctx.gatewaySecret))) {
      return html(reply, 400, page('Lỗi chữ ký', '<h1>Yêu cầu thanh toán không hợp lệ</h1><p>Chữ ký không đúng (invalid signature).</p>'));
    }
    const amount = Number(params['vnp_Amount']) / 100;
    const buttons = (Object.keys(OUTCOMES) as Outcome[]).map((outcome) =>
      `<button type="submit" name="outcome" value="${outcome}">${text(OUTCOMES[outcome].label)}</button>`).join('');
    return html(reply, 200, page('Cổng thanh toán (sandbox)', `
      <p class="sandbox"><strong>Sandbox.</strong> Không có tiền thật. No real money moves.</p>
      <h1>Thanh toán phí, lệ phí</h1>
      <dl>
        <dt>Nội dung</dt><dd>${text(params['vnp_OrderInfo'] ?? '')}</dd>
        <dt>Số tiền</dt><dd>${text(vnd.format(amount))}</dd>
        <dt>Mã giao dịch</dt><dd>${text(params['vnp_TxnRef'] ?? '')}</dd>
      </dl>
      <form method="post" action="${text(`${prefix}/_sandbox/gateway/complete`)}">
        <input type="hidden" name="ref" value="${text(params['vnp_TxnRef'] ?? '')}">
        <input type="hidden" name="amount" value="${text(params['vnp_Amount'] ?? '')}">
        <input type="hidden" name="returnUrl" value="${text(params['vnp_ReturnUrl'] ?? '')}">
        <input type="hidden" name="signature" value="${text(params['vnp_SecureHash'] ?? '')}">
        <fieldset><legend>Kết quả muốn thử (outcome)</legend>${buttons}</fieldset>
      </form>`));
  });

  app.post(`${prefix}/_sandbox/gateway/complete`, async (request, reply) => {
    const form = request.body as Record<string, string | undefined>;
    const outcome = OUTCOMES[form['outcome'] as Outcome];
    const ref = form['ref'] ?? '';
    const payment = await ctx.storage.one<{ return_url: string; total: number; state: string }>(
      'SELECT return_url, total, state FROM payments WHERE id = ?', [ref]);
    if (!outcome || !payment || form['amount'] !== String(payment.total * 100)) {
      return html(reply, 400, page('Lỗi', '<h1>Giao dịch không hợp lệ</h1>'));
    }
    // Like a real gateway's expired order: a settled or superseded payment takes no money.
    if (payment.state !== 'pending') {
      return html(reply, 409, page('Giao dịch đã đóng', '<h1>Yêu cầu thanh toán này không còn hiệu lực</h1><p>Hãy quay lại trang dịch vụ công để xem số tiền cần nộp hiện tại. (This payment request is no longer valid.)</p>'));
    }
    const result: Record<string, string> = {
      vnp_TxnRef: ref,
      vnp_Amount: String(payment.total * 100),
      vnp_ResponseCode: outcome.responseCode,
      vnp_TransactionStatus: outcome.responseCode,
      vnp_TransactionNo: String(Date.now() % 100_000_000),
      vnp_PayDate: formatVnTimestamp(ctx.now()),
      vnp_BankCode: 'NCB',
    };
    await recordGatewayOutcome(ctx, ref, {
      responseCode: result['vnp_ResponseCode']!, transactionNo: result['vnp_TransactionNo']!,
      payDate: result['vnp_PayDate']!, amount: result['vnp_Amount']!,
    });
    result['vnp_SecureHash'] = await signGatewayParams(result, ctx.gatewaySecret);
    if (outcome.notify) await handleNotification(ctx, result);
    if (!outcome.redirect) {
      return html(reply, 200, page('Mất kết nối', '<h1>Đã thanh toán</h1><p>Kết nối trở lại trang dịch vụ công bị gián đoạn. Hãy quay lại trang và kiểm tra trạng thái thanh toán. (Paid; the return to the portal was lost.)</p>'));
    }
    const back = new URL(payment.return_url);
    for (const [name, value] of Object.entries(result)) back.searchParams.set(name, value);
    return reply.code(303).header('location', back.toString()).send();
  });
}
