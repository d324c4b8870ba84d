/**
 * The found dossier, as templates. API data (names, reasons, documents, history) goes in as text
 * parts only, so whatever an agency typed is shown, never run. It is Vietnamese whatever the page's
 * language: each element holding it carries lang="vi" (CONTENT_LANG), the result the widget's own.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { components, Dossier } from '@dvc-kit/sdk';
import { heading } from '../shared/heading.ts';
import { payInPersonView } from '../shared/pay-in-person.ts';
import { overpaidView, paidBeforeView, sumLabel } from '../shared/paid-before.ts';
import { receiptLinks } from '../shared/receipt-link.ts';
import { CONTENT_LANG, formatDateTime, formatVnd, getLocale, startsWithLabel } from '../shared/locale.ts';
import { icon, type IconName } from './icons.ts';
import { paymentStateLabel, statusKind, statusLabel, timelinessText, type DossierStatus, type StatusKind } from './labels.ts';
import './translations.ts';

type Schemas = components['schemas'];

export interface ResultActions {
  /** Pay the fees; absent when the page has nowhere to pay (the button is not shown). */
  onPay: (() => void) | undefined;
  /** Evaluate the service; absent when the page has nowhere to evaluate (no invitation shown). */
  onEvaluate: (() => void) | undefined;
  onAnother(): void;
  /** A payment's printable e-receipt page. */
  receiptUrl(paymentId: string): string;
}

/** The id of the result's heading, which receives focus after a lookup. */
export const RESULT_HEADING_ID = 'result-heading';

const KIND_ICONS: Record<StatusKind, IconName> = {
  'in-progress': 'clock',
  'action-needed': 'alert',
  done: 'check',
  closed: 'cross',
};

/**
 * The result, its heading at `headingLevel` (the element's `heading-level`, already kept to 2–5) and
 * its sections' headings (apology, documents, fees, evaluation, history) one level lower.
 */
export function resultView(dossier: Dossier, actions: ResultActions, headingLevel: number): TemplateResult {
  const sub = headingLevel + 1;
  return html`<section class="result" part="result" aria-labelledby=${RESULT_HEADING_ID} lang=${getLocale()}>
    ${heading(headingLevel, dossier.procedure.name, {
      id: RESULT_HEADING_ID, className: 'result-heading', part: 'result-heading', focusable: true, lang: CONTENT_LANG,
    })}
    <p class="status-line">
      <span class="status-label">${msg('Status')}</span>
      ${statusBadge(dossier.status)}
    </p>
    ${timelinessView(dossier)}
    ${closedView(dossier.status)}
    ${dossier.apology ? apologyView(dossier.apology, sub) : nothing}
    ${dossier.status === 'supplement-requested' && dossier.supplementRequest ? supplementView(dossier.supplementRequest, sub) : nothing}
    ${dossier.payment ? paymentView(dossier, actions, sub) : nothing}
    ${evaluationView(dossier, actions.onEvaluate, sub)}
    <dl class="details" part="details">
      <div><dt>${msg('Dossier code')}</dt><dd class="code">${dossier.code}</dd></div>
      <div><dt>${msg('Receiving unit')}</dt><dd lang=${CONTENT_LANG}>${dossier.agency}</dd></div>
      <div><dt>${dossier.status === 'rejected' ? msg('Submitted on') : msg('Received on')}</dt><dd>${dateTime(dossier.receivedAt)}</dd></div>
      ${dueDates(dossier)}
      ${dossier.completedAt ? html`<div><dt>${msg('Completed on')}</dt><dd>${dateTime(dossier.completedAt)}</dd></div>` : nothing}
    </dl>
    ${historyView(dossier.history, sub)}
    <div class="actions" part="actions">
      <button type="button" class="secondary" part="another-button" @click=${actions.onAnother}>
        ${msg('Look up another dossier')}
      </button>
    </div>
  </section>`;
}

/** Words plus a shape: the badge reads the same in greyscale, in print and in forced colours. */
export function statusBadge(status: DossierStatus): TemplateResult {
  const kind = statusKind(status);
  return html`<span class="badge" part="status-badge" data-status=${status} data-kind=${kind}
    >${icon(KIND_ICONS[kind])}<span class="badge-text">${statusLabel(status)}</span></span
  >`;
}

function timelinessView(dossier: Dossier): TemplateResult | typeof nothing {
  const { timeliness, status } = dossier;
  // While the agency waits for documents its clock is stopped: say so rather than "on schedule".
  if (status === 'supplement-requested' && timeliness.state === 'on-track') {
    return html`<p class="timeliness" part="timeliness" data-state="paused">
      ${icon('pause')}<span>${msg('Processing time is paused until you send the documents asked for.')}</span>
    </p>`;
  }
  const text = timelinessText(timeliness, { rescheduled: dossier.apology !== null && dossier.apology !== undefined });
  if (!text) return nothing;
  const late = timeliness.state === 'overdue' || timeliness.state === 'late';
  const name: IconName = late ? 'alert' : timeliness.state === 'on-track' ? 'clock' : 'check';
  return html`<p class="timeliness" part="timeliness" data-state=${timeliness.state}>${icon(name)}<span>${text}</span></p>`;
}

/**
 * A dossier closed without a result says what that means and where to ask: the API has no reason to
 * give (the one-stop system does not send one), the desk that received it has.
 */
function closedView(status: DossierStatus): TemplateResult | typeof nothing {
  if (statusKind(status) !== 'closed') return nothing;
  const text = status === 'rejected'
    ? msg('The agency did not accept this dossier. To learn why and what to do next, contact the receiving unit\'s one-stop desk.')
    : status === 'stopped'
      ? msg('The agency has stopped processing this dossier, and no result will be issued. To learn why, contact the receiving unit\'s one-stop desk.')
      : msg('This dossier was withdrawn at the applicant\'s request. No result will be issued.');
  return html`<p class="notice" part="closed">${text}</p>`;
}

function apologyView(apology: Schemas['Apology'], level: number): TemplateResult {
  return html`<div class="notice" part="apology">
    ${heading(level, msg('Apology and new date for your result'))}
    <dl class="notice-details">
      <div><dt>${msg('Reason')}</dt><dd lang=${CONTENT_LANG}>${apology.reason}</dd></div>
      <div><dt>${msg('New date for the result')}</dt><dd class="emphasis">${dateTime(apology.newDueAt)}</dd></div>
      <div><dt>${msg('Issued on')}</dt><dd>${dateTime(apology.issuedAt)}</dd></div>
    </dl>
  </div>`;
}

function supplementView(request: Schemas['SupplementRequest'], level: number): TemplateResult {
  return html`<div class="notice notice-action" part="supplement">
    ${heading(level, msg('Documents needed'))}
    <p lang=${CONTENT_LANG}>${request.reason}</p>
    ${request.documents.length
      ? html`<p class="list-intro">${msg('Please provide:')}</p>
          <ul class="documents" part="documents">
            ${request.documents.map((document) => html`<li lang=${CONTENT_LANG}>${document}</li>`)}
          </ul>`
      : nothing}
    <p class="muted">${msg(str`Requested on ${formatDateTime(request.requestedAt)}`)}</p>
  </div>`;
}

function paymentView(dossier: Dossier, { onPay, receiptUrl }: ResultActions, level: number): TemplateResult {
  const payment = dossier.payment!;
  // A payment started and not finished (the citizen came back from the gateway without paying, or
  // another tab has it open) is continued, not waited for: the payment reuses its transaction.
  const due = dossier.status === 'payment-due' && ['unpaid', 'failed', 'cancelled', 'pending'].includes(payment.state);
  // A server with no payment gateway: the fees are paid at the desk, and nothing here says "Pay".
  const canPay = due && payment.methods.length > 0;
  // Closed without a result: nothing is asked any more (a payment left open was closed with it).
  // What was paid stays, with its receipts.
  const closed = statusKind(dossier.status) === 'closed' && payment.state !== 'paid' && payment.state !== 'refunded';
  return html`<div class="notice ${canPay ? 'notice-action' : ''}" part="payment">
    ${heading(level, msg('Charges and fees'))}
    ${paidBeforeView(payment)}
    <ul class="fee-lines" part="fee-lines">
      ${payment.lines.map(
        (line) => html`<li>
          <span class="fee-description">${feeDescription(line)}</span>
          <span class="amount">${formatVnd(line.amount)}</span>
        </li>`,
      )}
      <li class="fee-total">
        <span>${sumLabel(payment)}</span>
        <span class="amount">${formatVnd(payment.total)}</span>
      </li>
    </ul>
    <p class="payment-state" part="payment-state">${closed
      ? msg('Nothing is to be paid: the dossier was closed without a result.')
      : paymentStateLabel(payment.state, { canContinue: canPay && onPay !== undefined, paidBefore: payment.alreadyPaid !== undefined })}</p>
    ${overpaidView(payment)}
    ${payment.state === 'paid' && payment.receiptNumbers?.length
      ? html`<p>${msg('Receipt numbers')}: ${payment.receiptNumbers.join(', ')}</p>${receiptLinks(payment, receiptUrl)}`
      : nothing}
    ${canPay && onPay
      ? html`<button type="button" part="pay-button" @click=${onPay}>${payment.state === 'pending' ? msg('Continue the payment') : msg('Pay')}</button>`
      : nothing}
    ${due && !canPay ? payInPersonView() : nothing}
  </div>`;
}

function evaluationView(dossier: Dossier, onEvaluate: (() => void) | undefined, level: number): TemplateResult | typeof nothing {
  if (dossier.evaluation === 'submitted') {
    return html`<p class="evaluation-done" part="evaluation">${msg('Thank you: you have evaluated how this dossier was handled.')}</p>`;
  }
  if (dossier.evaluation !== 'open' || !onEvaluate) return nothing;
  return html`<div class="notice" part="evaluation">
    ${heading(level, msg('Rate the service'))}
    <p>${msg('Tell the agency how satisfied you are with how your dossier was handled.')}</p>
    <button type="button" part="evaluate-button" @click=${onEvaluate}>${msg('Evaluate')}</button>
  </div>`;
}

function historyView(history: Schemas['HistoryEntry'][], level: number): TemplateResult | typeof nothing {
  if (history.length === 0) return nothing;
  return html`${heading(level, msg('Processing history'))}
    <ol class="history" part="history">
      ${history.map(
        (entry) => html`<li part="history-item">
          <span class="history-time">${dateTime(entry.at)}</span>
          <span class="history-action" lang=${CONTENT_LANG}>${entry.action}</span>
          <span class="history-unit" lang=${CONTENT_LANG}>${entry.officerTitle ? `${entry.unit} · ${entry.officerTitle}` : entry.unit}</span>
          <span class="history-status">${statusLabel(entry.status)}</span>
          ${entry.note ? html`<span class="history-note" lang=${CONTENT_LANG}>${entry.note}</span>` : nothing}
        </li>`,
      )}
    </ol>`;
}

/**
 * The due date. After an apology the new date is the due date, and the one it replaces is labelled
 * as the original, so the old date never stands beside the new one as if both held.
 */
function dueDates(dossier: Dossier): TemplateResult | typeof nothing {
  // Closed without a result: no result is due, so no date for one.
  if (statusKind(dossier.status) === 'closed') return nothing;
  const newDueAt = dossier.apology?.newDueAt;
  if (newDueAt) {
    return html`<div><dt>${msg('Due on')}</dt><dd class="emphasis">${dateTime(newDueAt)}</dd></div>
      ${dossier.dueAt
        ? html`<div class="original-due"><dt>${msg('Original due date')}</dt><dd class="muted">${dateTime(dossier.dueAt)}</dd></div>`
        : nothing}`;
  }
  return dossier.dueAt ? html`<div><dt>${msg('Due on')}</dt><dd>${dateTime(dossier.dueAt)}</dd></div>` : nothing;
}

/** "Phí: …" for a fee line, unless its description already starts with its kind ("Phí cung cấp…"). */
function feeDescription(line: { kind: string; description: string }): TemplateResult {
  const kind = line.kind === 'fee' ? msg('Fee') : msg('Charge');
  return startsWithLabel(line.description, kind)
    ? html`<span lang=${CONTENT_LANG}>${line.description}</span>`
    : html`<span class="fee-kind">${kind}:</span><span lang=${CONTENT_LANG}> ${line.description}</span>`;
}

/** A date and time in Vietnam time, in the page's language, with the machine-readable instant. */
function dateTime(iso: string): TemplateResult {
  return html`<time datetime=${iso}>${formatDateTime(iso)}</time>`;
}
