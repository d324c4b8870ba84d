/**
 * What the tracker and the payment say when a dossier's charges are due but no method here takes
 * them online (no gateway configured, or an amount past what each takes): where to pay instead, in
 * place of a "Pay" that could only fail.
 */
import { html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';

export function payInPersonView(): TemplateResult {
  return html`<p part="pay-in-person">${payInPersonMessage()}</p>`;
}

export function payInPersonMessage(): string {
  return msg('Online payment is not available for this dossier. Please pay at the one-stop desk where you submitted it.');
}
