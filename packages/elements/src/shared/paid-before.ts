/**
 * What the tracker and the payment say when the agency changed the fees after a payment: what was
 * paid before, with its receipts, above what is left to pay, so the citizen sees why they are asked
 * to pay again and that it is not the whole again; and what was paid beyond what is now owed, which
 * the desk refunds or settles.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { components } from '@dvc-kit/sdk';
import { formatVnd } from './locale.ts';

type DossierPayment = components['schemas']['DossierPayment'];

export function paidBeforeMessage(payment: DossierPayment): string | undefined {
  const before = payment.alreadyPaid;
  if (!before) return undefined;
  const amount = formatVnd(before.amount);
  const receipts = before.receiptNumbers.join(', ');
  if (before.receiptNumbers.length > 1) {
    return msg(str`You have already paid ${amount} for this dossier (receipts ${receipts}). The agency has since asked for the amount below.`);
  }
  return receipts
    ? msg(str`You have already paid ${amount} for this dossier (receipt ${receipts}). The agency has since asked for the amount below.`)
    : msg(str`You have already paid ${amount} for this dossier. The agency has since asked for the amount below.`);
}

export function paidBeforeView(payment: DossierPayment): TemplateResult | typeof nothing {
  const message = paidBeforeMessage(payment);
  return message ? html`<p part="paid-before">${message}</p>` : nothing;
}

/** The label of the sum: what is left when something was paid before, else the total. */
export function sumLabel(payment: DossierPayment): string {
  return payment.alreadyPaid ? msg('Left to pay') : msg('Total');
}

export function overpaidMessage(payment: DossierPayment): string | undefined {
  if (!payment.overpaid) return undefined;
  const amount = formatVnd(payment.overpaid);
  return msg(str`You have paid ${amount} more than is now owed. Please contact the one-stop desk to have it refunded or set against what is owed.`);
}

export function overpaidView(payment: DossierPayment): TemplateResult | typeof nothing {
  const message = overpaidMessage(payment);
  return message ? html`<p part="overpaid">${message}</p>` : nothing;
}
