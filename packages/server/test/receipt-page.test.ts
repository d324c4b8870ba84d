import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestSandbox } from './support/test-database.ts';
import { receiptLanguage, renderReceiptPage } from '../src/payments/receipt-page.ts';
import { DEMO } from './support/sandbox.ts';

const BUNDLE = {
  paymentId: 'pay_receiptpagetest0001',
  dossierCode: DEMO.paymentDueTwoKinds.code,
  procedureName: 'Cấp Phiếu lý lịch tư pháp',
  agency: 'Trung tâm Phục vụ hành chính công thành phố Hà Nội',
  receipts: [
    { number: 'BL-2026-000001', kind: 'charge' as const, amount: 200_000, issuedAt: '2026-11-18T06:07:30+07:00' },
    { number: 'BL-2026-000002', kind: 'fee' as const, amount: 10_000, issuedAt: '2026-11-18T06:07:30+07:00' },
  ],
  total: 210_000,
  paidAt: '2026-11-17T23:07:00Z', // 06:07 on 18 Nov in Vietnam
};

/** The page's visible words, without markup. */
const words = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
/** Each label with the value after it, e.g. "Thời gian thanh toán" → "06:07 ngày 18/11/2026". */
const pairs = (html: string): Record<string, string> =>
  Object.fromEntries([...html.matchAll(/<dt>([^<]*)<\/dt><dd[^>]*>([^<]*)<\/dd>/g)].map((m) => [m[1] ?? '', m[2] ?? '']));
/** Words a label and its value share: "Ngày lập: ngày 18/11" and "Thanh toán lúc lúc 06:07" repeat one. */
const repeated = (label: string, value: string) => {
  const inLabel = new Set(label.toLowerCase().split(/\s+/));
  return value.toLowerCase().split(/[\s,]+/).filter((w) => /\p{L}/u.test(w) && inLabel.has(w));
};

describe('printable receipt page', () => {
  test('Vietnamese by default: official dates, time first, no repeated words', () => {
    const html = renderReceiptPage(BUNDLE);
    assert.match(html, /<html lang="vi">/);
    const fields = pairs(html);
    assert.equal(fields['Thời gian thanh toán'], '06:07 ngày 18/11/2026');
    assert.equal(fields['Thời gian lập'], '06:07 ngày 18/11/2026');
    assert.equal(fields['Tổng cộng'], '210.000 đồng');
    assert.ok(html.includes('<dt>Loại</dt><dd>Phí</dd>') && html.includes('<dt>Loại</dt><dd>Lệ phí</dd>'));
    assert.equal((words(html).match(/\blúc\b/g) ?? []).length, 0);
    for (const [label, value] of Object.entries(fields)) assert.deepEqual(repeated(label, value), [], `${label}: ${value}`);
    assert.doesNotMatch(words(html), /\b(Nov|receipt|Paid|Total)\b/);
  });

  test('English: natural dates, English labels, the agency\'s Vietnamese names marked as Vietnamese', () => {
    const html = renderReceiptPage(BUNDLE, { url: `/api/v1/payments/${BUNDLE.paymentId}/receipt?lang=en` });
    assert.match(html, /<html lang="en">/);
    const fields = pairs(html);
    assert.equal(fields['Paid'], '18 Nov 2026, 06:07');
    assert.equal(fields['Issued'], '18 Nov 2026, 06:07');
    assert.equal(fields['Total'], 'VND 210,000');
    assert.ok(html.includes('<dt>Kind</dt><dd>Charge</dd>') && html.includes('<dt>Kind</dt><dd>Fee</dd>'));
    assert.match(html, /<dd lang="vi">Cấp Phiếu lý lịch tư pháp<\/dd>/);
    assert.match(html, /<p lang="vi">Trung tâm Phục vụ/);
    assert.match(html, /<h2>E-receipt BL-2026-000001<\/h2>/);
    // No Vietnamese words outside the marked names.
    const outside = words(html.replace(/<(p|dd) lang="vi">[^<]*<\/\1>/g, ''));
    assert.doesNotMatch(outside, /Biên|Phí|Thời|ngày|lúc|Mã hồ sơ|Tổng/);
    for (const [label, value] of Object.entries(fields)) assert.deepEqual(repeated(label, value), [], `${label}: ${value}`);
  });

  test('the language: ?lang= first, then Accept-Language by preference, else Vietnamese', () => {
    assert.equal(receiptLanguage(), 'vi');
    assert.equal(receiptLanguage({ url: '/r?lang=en' }), 'en');
    assert.equal(receiptLanguage({ url: '/r?lang=en-GB', acceptLanguage: 'vi' }), 'en');
    assert.equal(receiptLanguage({ url: '/r?lang=vi', acceptLanguage: 'en' }), 'vi');
    assert.equal(receiptLanguage({ url: '/r?lang=fr', acceptLanguage: 'en-US,en;q=0.9' }), 'en');
    assert.equal(receiptLanguage({ acceptLanguage: 'fr-FR, en;q=0.5, vi;q=0.8' }), 'vi');
    assert.equal(receiptLanguage({ acceptLanguage: 'fr-FR, de' }), 'vi');
    assert.equal(receiptLanguage({ acceptLanguage: 'en;q=0, vi;q=0.1' }), 'vi');
  });
});

describe('receipt route', () => {
  let sandbox: Awaited<ReturnType<typeof createTestSandbox>>;
  const id = 'pay_receiptroutetest0001';
  before(async () => {
    sandbox = await createTestSandbox({ rateLimits: {} });
    // A paid payment with its receipts, stored as the gateway notification leaves them.
    const { storage } = sandbox.context;
    await storage.run(`INSERT INTO payments (id, dossier_code, state, lines, total, method, return_url, created_at, paid_at)
      VALUES (?, ?, 'paid', '[]', 210000, 'vnpay', 'http://localhost:8080/r', ?, ?)`,
    [id, DEMO.paymentDueTwoKinds.code, '2026-11-17T23:00:00Z', '2026-11-17T23:07:00Z']);
    await storage.run("INSERT INTO receipts (number, payment_id, kind, amount, issued_at) VALUES ('BL-2026-900001', ?, 'charge', 200000, ?)",
      [id, '2026-11-17T23:07:00Z']);
  });
  after(() => sandbox.app.close());
  const page = (query: string, headers: Record<string, string> = {}) =>
    sandbox.app.inject({ method: 'GET', url: `/api/v1/payments/${id}/receipt${query}`, headers: { accept: 'text/html', ...headers } });

  test('follows ?lang= and Accept-Language; Vietnamese by default; JSON unchanged', async () => {
    const vi = await page('');
    assert.equal(vi.statusCode, 200);
    assert.equal(vi.headers['content-security-policy'], "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      'its own styles only: no script, no framing');
    assert.doesNotMatch(vi.body, /<script|\son[a-z]+=/i);
    assert.match(vi.body, /<html lang="vi">[\s\S]*06:07 ngày 18\/11\/2026/);
    const en = await page('?lang=en');
    assert.equal(en.statusCode, 200);
    assert.match(en.body, /<html lang="en">[\s\S]*18 Nov 2026, 06:07/);
    assert.match((await page('', { 'accept-language': 'en-GB,en;q=0.9' })).body, /<html lang="en">/);
    assert.match((await page('?lang=vi', { 'accept-language': 'en' })).body, /<html lang="vi">/);
    const bundle = await sandbox.app.inject({ method: 'GET', url: `/api/v1/payments/${id}/receipt?lang=en` });
    assert.equal(JSON.parse(bundle.body).receipts[0].number, 'BL-2026-900001');
  });
});
