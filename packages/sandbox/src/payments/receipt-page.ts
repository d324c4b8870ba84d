import type { components } from '@dvc-kit/sdk';

type ReceiptBundle = components['schemas']['ReceiptBundle'];

const vnd = new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND' });
const when = new Intl.DateTimeFormat('vi-VN', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' });
const KIND = { charge: 'Phí', fee: 'Lệ phí' } as const;

/** Escapes text for HTML: every value on the receipt page is data, never markup. */
function text(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A printable e-receipt page (biên lai điện tử), one section per fee kind. */
export function renderReceiptPage(bundle: ReceiptBundle): string {
  const rows = bundle.receipts.map((r) => `
      <section class="receipt">
        <h2>Biên lai điện tử số ${text(r.number)}</h2>
        <dl>
          <dt>Loại</dt><dd>${text(KIND[r.kind])}</dd>
          <dt>Số tiền</dt><dd>${text(vnd.format(r.amount))}</dd>
          <dt>Ngày lập</dt><dd>${text(when.format(new Date(r.issuedAt)))}</dd>
        </dl>
      </section>`).join('');
  return `<!doctype html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Biên lai điện tử – hồ sơ ${text(bundle.dossierCode)}</title>
  <style>
    body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; }
    .receipt { border: 1px solid #555; padding: 1rem; margin-block: 1rem; break-inside: avoid; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
    dt { font-weight: 600; }
  </style>
</head>
<body>
  <main>
    <h1>Biên lai thu phí, lệ phí</h1>
    <p>${text(bundle.agency)}</p>
    <dl>
      <dt>Mã hồ sơ</dt><dd>${text(bundle.dossierCode)}</dd>
      <dt>Thủ tục</dt><dd>${text(bundle.procedureName)}</dd>
      <dt>Tổng cộng</dt><dd>${text(vnd.format(bundle.total))}</dd>
      <dt>Thanh toán lúc</dt><dd>${text(when.format(new Date(bundle.paidAt)))}</dd>
    </dl>
    ${rows}
  </main>
</body>
</html>`;
}
