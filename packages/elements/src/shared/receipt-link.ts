/**
 * The link to a payment's printable e-receipt page (the API's `/payments/{id}/receipt`), shown by
 * the payment once paid and by the tracker for a paid dossier, so a citizen can print it again on
 * any later visit.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';

/**
 * `numbers` names its receipts when the dossier was paid in more than one payment, each with its
 * own page, so the links tell one from another.
 */
export function receiptLink(href: string | undefined, numbers?: string[]): TemplateResult | typeof nothing {
  if (!href) return nothing;
  const label = numbers ? msg(str`View and print receipt ${numbers.join(', ')}`) : msg('View and print the receipt');
  // A new tab keeps the citizen's place here; the link says so (WCAG 3.2.5, no surprise).
  return html`<p class="receipt-link-line">
    <a part="receipt-link" href=${href} target="_blank" rel="noopener"
      >${label} <span class="new-tab">${msg('(opens in a new tab)')}</span></a
    >
  </p>`;
}

/**
 * The links of a paid dossier's payments: one per payment when it was paid in more than one (each
 * page shows its own receipts), else one. `href` makes a payment's address.
 */
export function receiptLinks(
  payment: { paymentId?: string | null; paidPayments?: { paymentId: string; receiptNumbers: string[] }[] },
  href: (paymentId: string) => string,
): TemplateResult | typeof nothing | (TemplateResult | typeof nothing)[] {
  if (payment.paidPayments && payment.paidPayments.length > 1) {
    return payment.paidPayments.map((paid) => receiptLink(href(paid.paymentId), paid.receiptNumbers));
  }
  return receiptLink(payment.paymentId ? href(payment.paymentId) : undefined);
}
