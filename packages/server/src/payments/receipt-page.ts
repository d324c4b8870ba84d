import type { components } from '@dvc-kit/sdk';
import { localPlainDate, localTimeOfDayMs } from '../calendar/vn-time.ts';
import { text } from '../http/html-text.ts';

type ReceiptBundle = components['schemas']['ReceiptBundle'];

/** The languages of the receipt page: the widgets' two. */
export type ReceiptLanguage = 'vi' | 'en';

/** What the page's language is chosen from: the link's `?lang=` first, then Accept-Language. */
export interface ReceiptRequest {
  /** The request URL (path and query), e.g. `/api/v1/payments/pay_…/receipt?lang=en`. */
  url?: string | undefined;
  acceptLanguage?: string | string[] | undefined;
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** The words of the page. Agency and procedure names are data and stay as the agency wrote them. */
const TEXT = {
  vi: {
    title: (code: string) => `Biên lai điện tử – hồ sơ ${code}`,
    heading: 'Biên lai thu phí, lệ phí',
    dossierCode: 'Mã hồ sơ',
    procedure: 'Thủ tục',
    total: 'Tổng cộng',
    paidAt: 'Thời gian thanh toán',
    receipt: (number: string) => `Biên lai điện tử số ${number}`,
    kind: 'Loại',
    kinds: { charge: 'Phí', fee: 'Lệ phí' },
    amount: 'Số tiền',
    issuedAt: 'Thời gian lập',
    /** As official documents write amounts: "210.000 đồng". */
    money: (amount: number) => `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }).format(amount)} đồng`,
    /** Official Vietnamese writing: the time, then the date. "06:07 ngày 18/11/2026". */
    dateTime: (iso: string) => {
      const at = new Date(iso);
      const { day, month, year } = localPlainDate(at);
      return `${clock(at)} ngày ${pad(day)}/${pad(month)}/${year}`;
    },
  },
  en: {
    title: (code: string) => `E-receipts – dossier ${code}`,
    heading: 'Receipts for charges and fees',
    dossierCode: 'Dossier code',
    procedure: 'Procedure',
    total: 'Total',
    paidAt: 'Paid',
    receipt: (number: string) => `E-receipt ${number}`,
    kind: 'Kind',
    kinds: { charge: 'Charge', fee: 'Fee' },
    amount: 'Amount',
    issuedAt: 'Issued',
    money: (amount: number) => `VND ${new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }).format(amount)}`,
    /** "18 Nov 2026, 06:07", Vietnam time. */
    dateTime: (iso: string) => {
      const at = new Date(iso);
      const { day, month, year } = localPlainDate(at);
      return `${day} ${MONTHS_EN[month - 1]} ${year}, ${clock(at)}`;
    },
  },
} as const;

/** "06:07": the clock time in Vietnam. */
function clock(at: Date): string {
  const minutes = Math.floor(localTimeOfDayMs(at) / 60_000);
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/**
 * The page's language: `?lang=en` or `?lang=vi` on the link (the widget adds its own language;
 * a language code holds nothing personal), else the browser's Accept-Language (the first of vi or
 * en it names, by preference), else Vietnamese.
 */
export function receiptLanguage(request: ReceiptRequest = {}): ReceiptLanguage {
  const query = request.url?.includes('?') ? new URLSearchParams(request.url.slice(request.url.indexOf('?') + 1)) : null;
  const asked = query?.get('lang')?.trim().toLowerCase().split(/[-_]/)[0];
  if (asked === 'vi' || asked === 'en') return asked;
  const header = Array.isArray(request.acceptLanguage) ? request.acceptLanguage.join(',') : request.acceptLanguage ?? '';
  const ranked = header.split(',')
    .map((part, order) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { language: tag.split('-')[0], q: q ? Number(q.slice(2)) : 1, order };
    })
    .filter((entry) => (entry.language === 'vi' || entry.language === 'en') && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  return (ranked[0]?.language as ReceiptLanguage | undefined) ?? 'vi';
}

/**
 * A printable e-receipt page (biên lai điện tử), one section per fee kind, in the language the
 * request asks for (see {@link receiptLanguage}). On the English page the agency's and the
 * procedure's Vietnamese names are marked `lang="vi"`, so a screen reader reads them as Vietnamese.
 */
export function renderReceiptPage(bundle: ReceiptBundle, request: ReceiptRequest = {}): string {
  const language = receiptLanguage(request);
  const t = TEXT[language];
  const vi = language === 'vi' ? '' : ' lang="vi"';
  const rows = bundle.receipts.map((r) => `
      <section class="receipt">
        <h2>${text(t.receipt(r.number))}</h2>
        <dl>
          <dt>${t.kind}</dt><dd>${text(t.kinds[r.kind])}</dd>
          <dt>${t.amount}</dt><dd>${text(t.money(r.amount))}</dd>
          <dt>${t.issuedAt}</dt><dd>${text(t.dateTime(r.issuedAt))}</dd>
        </dl>
      </section>`).join('');
  return `<!doctype html>
<html lang="${language}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${text(t.title(bundle.dossierCode))}</title>
  <style>
    body { font: 100%/1.5 system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; overflow-wrap: anywhere; }
    .receipt { border: 1px solid #555; padding: 1rem; margin-block: 1rem; break-inside: avoid; }
    /* Label beside value where there is room; on a phone (or with large text) the value goes under it. */
    dl { display: grid; grid-template-columns: minmax(0, max-content) minmax(0, 1fr); gap: .25rem 1rem; }
    dd { margin: 0; }
    dt { font-weight: 600; }
    @media (max-width: 30em) { dl { grid-template-columns: minmax(0, 1fr); } dt:not(:first-child) { margin-top: .5rem; } }
  </style>
</head>
<body>
  <main>
    <h1>${t.heading}</h1>
    <p${vi}>${text(bundle.agency)}</p>
    <dl>
      <dt>${t.dossierCode}</dt><dd>${text(bundle.dossierCode)}</dd>
      <dt>${t.procedure}</dt><dd${vi}>${text(bundle.procedureName)}</dd>
      <dt>${t.total}</dt><dd>${text(t.money(bundle.total))}</dd>
      <dt>${t.paidAt}</dt><dd>${text(t.dateTime(bundle.paidAt))}</dd>
    </dl>
    ${rows}
  </main>
</body>
</html>`;
}
