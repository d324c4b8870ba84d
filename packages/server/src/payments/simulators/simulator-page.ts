/** The simulated gateways' HTML pages: one plain, accessible page shell, data written as text. */
import type { FastifyReply } from 'fastify';
import { text } from '../../http/html-text.ts';

const vnd = new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND' });

export function formatVnd(amount: number): string {
  return vnd.format(amount);
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
    dl { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .25rem 1rem; }
    dt { font-weight: 600; }
    /* A phone at 360 px: a long transaction reference breaks rather than widen the page. */
    dd { margin: 0; overflow-wrap: anywhere; }
    fieldset { min-inline-size: 0; }
  </style>
</head>
<body><main>${body}</main></body>
</html>`;
}

/**
 * Sends a page: no script, no frame, nothing from elsewhere. No form-action: the form's answer
 * redirects the payer to the portal, and browsers hold a redirect to form-action too.
 */
export function sendPage(reply: FastifyReply, status: number, title: string, body: string): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8')
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
    .header('cache-control', 'no-store')
    .send(page(title, body));
}

/** The banner every simulated page carries. */
export const SANDBOX_BANNER = '<p class="sandbox"><strong>Sandbox.</strong> Không có tiền thật. No real money moves.</p>';

/** What both gateways show for a transaction the payer already completed (a second tab, Back). */
export function sendAlreadyProcessed(reply: FastifyReply): FastifyReply {
  return sendPage(reply, 409, 'Giao dịch đã xử lý', '<h1>Giao dịch này đã được xử lý</h1><p>This transaction was already processed.</p>');
}

/** What both gateways show when the payer paid but is not sent back (the "return lost" scenario). */
export function sendReturnLost(reply: FastifyReply): FastifyReply {
  return sendPage(reply, 200, 'Mất kết nối', '<h1>Đã thanh toán</h1><p>Kết nối trở lại trang dịch vụ công bị gián đoạn. Hãy quay lại trang và kiểm tra trạng thái thanh toán. (Paid; the return to the portal was lost.)</p>');
}
