/**
 * The templates of <dvc-payment>'s states. Every value from the API is rendered as text; every state
 * is a section labelled by its heading (`#state-heading`), which takes focus when the state changes
 * after the payer acted. The section says the widget's language (a French page gets Vietnamese); the
 * procedure name and the fee descriptions are Vietnamese whatever the page's: they say lang="vi".
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Dossier, Payment } from '@dvc-kit/sdk';
import { CONTENT_LANG, formatVnd, getLocale, withDateTime } from '../shared/locale.ts';
import { heading } from '../shared/heading.ts';
import { errorSummary } from '../shared/error-summary.ts';
import { problemMessage } from '../shared/problem-messages.ts';
import { failureView, loadingView, needsScriptView } from '../shared/status-views.ts';
import { payInPersonView } from '../shared/pay-in-person.ts';
import { overpaidView, paidBeforeView, sumLabel } from '../shared/paid-before.ts';
import { receiptLink, receiptLinks } from '../shared/receipt-link.ts';
import { applicantIdField, applicantIdMessage, reverifyNotice } from '../shared/applicant-id.ts';
import { DOSSIER_CLOSED, failureReason, kindLabel, methodName, methodNameLang, SUPERSEDED } from './labels.ts';
import type { DossierPayment, DueNotice, PaymentState } from './state.ts';
import './translations.ts';

export const STATE_HEADING_ID = 'state-heading';
export const APPLICANT_ID_FIELD = 'applicant-id';

/** What every view needs from the element. */
export interface ViewContext {
  headingLevel: number;
  dossierCode: string;
  /** The printable receipt's address (`{api}/payments/{id}/receipt`). */
  receiptUrl(paymentId: string): string;
}

function stateHeading(context: ViewContext, text: string): TemplateResult {
  return heading(context.headingLevel, text, { id: STATE_HEADING_ID, part: 'heading', focusable: true });
}

function subHeading(context: ViewContext, text: string, part?: string): TemplateResult {
  return heading(context.headingLevel + 1, text, part ? { part } : {});
}

function section(kind: PaymentState['kind'], content: TemplateResult, busy = false): TemplateResult {
  return html`<section class="state" part="state" data-state=${kind} aria-labelledby=${STATE_HEADING_ID}
    aria-busy=${busy ? 'true' : 'false'} lang=${getLocale()}>${content}</section>`;
}

function dossierLine(code: string, procedureName?: string): TemplateResult {
  return html`<p class="dossier" part="dossier">
    <span class="dossier-code">${msg(str`Dossier ${code}`)}</span>
    ${procedureName ? html`<span class="procedure-name" lang=${CONTENT_LANG}>${procedureName}</span>` : nothing}
  </p>`;
}

// ---------- asking for the identity number ----------

export interface AskCallbacks {
  onSubmit(event: SubmitEvent): void;
  onRetry(): void;
}

export function askView(
  context: ViewContext, state: Extract<PaymentState, { kind: 'ask' }>, on: AskCallbacks,
): TemplateResult {
  const { problem, error, busy } = state;
  return section('ask', html`
    ${stateHeading(context, msg('Pay charges and fees'))}
    ${dossierLine(context.dossierCode)}
    ${state.reverify
      ? reverifyNotice()
      : html`<p>${msg('Enter your personal identification number to see what you need to pay for this dossier.')}</p>`}
    ${problem ? errorSummary([{ field: APPLICANT_ID_FIELD, message: applicantIdMessage(problem) }], context.headingLevel + 1) : nothing}
    <form part="form" novalidate aria-label=${msg('Identify yourself to pay')} @submit=${on.onSubmit}>
      ${applicantIdField(APPLICANT_ID_FIELD, problem)}
      <button type="submit" part="continue-button" aria-disabled=${busy ? 'true' : 'false'}>${msg('Continue')}</button>
    </form>
    <div class="outcome" part="outcome">
      ${busy ? loadingView() : error ? failureView(error, { onRetry: on.onRetry }) : nothing}
    </div>
  `, busy);
}

// ---------- loading, errors, nothing to pay ----------

export function loadingStateView(context: ViewContext): TemplateResult {
  return section('loading', html`${stateHeading(context, msg('Charges and fees to pay'))}${loadingView()}`, true);
}

/** The first view, prerendered: loading; where scripts do not run, that they are needed (and the desk). */
export function prerenderedStateView(context: ViewContext): TemplateResult {
  return html`${needsScriptView(msg('To pay online, turn on JavaScript in your browser. You can also pay at the one-stop desk.'))}${loadingStateView(context)}`;
}

export function lookupErrorView(context: ViewContext, error: unknown, onRetry: () => void): TemplateResult {
  return section('lookup-error', html`
    ${stateHeading(context, msg('Charges and fees to pay'))}
    ${failureView(error, { onRetry })}
  `);
}

export function nothingDueView(context: ViewContext, refunded: boolean): TemplateResult {
  return section('nothing-due', html`
    ${stateHeading(context, msg('Nothing to pay'))}
    ${dossierLine(context.dossierCode)}
    <p part="message">${refunded
      ? msg('The payment for this dossier was refunded. There is nothing to pay now.')
      : msg('This dossier has no charges or fees to pay at the moment.')}</p>
  `);
}

/**
 * No dossier to pay for. Under the first view's heading (the loader paints it before the script):
 * the widget keeps the first view's height, and the page below does not move when it finds none.
 */
export function idleView(context: ViewContext): TemplateResult {
  return section('idle', html`
    ${stateHeading(context, msg('Charges and fees to pay'))}
    <p part="message">${msg('No dossier was given to pay for.')}</p>
  `);
}

// ---------- what is due ----------

export interface DueCallbacks {
  selectedMethod: string;
  onMethod(id: string): void;
  onPay(event: Event): void;
}

function noticeView(notice: DueNotice, total: number): TemplateResult {
  let title: string | undefined;
  let text: string;
  switch (notice.kind) {
    case 'amount-changed':
      title = msg('The amount to pay has changed');
      text = msg(str`It was ${formatVnd(notice.previousTotal)} and is now ${formatVnd(total)}. Check the charges and fees below, then pay if they are right.`);
      break;
    case 'pending':
      // The reassurance holds for the same method only: another method opens a new payment, and the
      // one left open may still take money at its gateway (then refunded).
      text = msg('You have started a payment for this dossier that is not finished. Paying the same way continues it: you will not be charged twice. If you choose another way to pay, do not finish the first one.');
      break;
    case 'failed-before':
      text = msg('The last payment did not go through. You can pay again.');
      break;
    case 'cancelled-before':
      text = msg('The last payment was cancelled. You can pay again.');
      break;
  }
  return html`<div class="notice ${notice.kind === 'amount-changed' ? 'warning' : ''}" part="notice">
    ${title ? html`<p class="notice-title">${title}</p>` : nothing}
    <p>${text}</p>
  </div>`;
}

/** Named by the view's heading ("Charges and fees to pay"), not a caption that would say it twice. */
function linesTable(payment: DossierPayment): TemplateResult {
  return html`<table part="lines" aria-labelledby=${STATE_HEADING_ID}>
    <thead>
      <tr>
        <th scope="col">${msg('Kind')}</th>
        <th scope="col">${msg('Description')}</th>
        <th scope="col" class="amount">${msg('Amount')}</th>
      </tr>
    </thead>
    <tbody>
      ${payment.lines.map((line) => html`<tr part="line">
        <td class="kind">${kindLabel(line.kind)}</td>
        <td class="description" lang=${CONTENT_LANG}>${line.description}</td>
        <td class="amount">${formatVnd(line.amount)}</td>
      </tr>`)}
    </tbody>
    <tfoot>
      <tr part="total">
        <th scope="row" colspan="2">${sumLabel(payment)}</th>
        <td class="amount">${formatVnd(payment.total)}</td>
      </tr>
    </tfoot>
  </table>`;
}

export function dueView(
  context: ViewContext, state: Extract<PaymentState, { kind: 'due' }>, on: DueCallbacks & { onRetry(): void },
): TemplateResult {
  const { dossier, payment, busy, notice } = state;
  return section('due', html`
    ${stateHeading(context, msg('Charges and fees to pay'))}
    ${dossierLine(dossier.code, dossier.procedure.name)}
    ${notice ? noticeView(notice, payment.total) : nothing}
    ${paidBeforeView(payment)}
    ${linesTable(payment)}
    ${overpaidView(payment)}
    ${payment.methods.length === 0 ? payInPersonView() : payForm(state, on)}
  `, busy);
}

/** The method choice (when there is one to make) and the pay button. */
function payForm({ payment, busy, error }: Extract<PaymentState, { kind: 'due' }>, on: DueCallbacks & { onRetry(): void }): TemplateResult {
  return html`<form part="pay-form" novalidate aria-label=${msg('Pay')} @submit=${on.onPay}>
    ${payment.methods.length > 1
      ? html`<fieldset part="methods">
          <legend>${msg('Payment method')}</legend>
          ${payment.methods.map((method) => html`<label class="method" part="method">
            <input type="radio" name="method" .value=${method.id} .checked=${method.id === on.selectedMethod}
              @change=${() => on.onMethod(method.id)} />
            <span lang=${methodNameLang(method)}>${methodName(method)}</span>
          </label>`)}
        </fieldset>`
      : nothing}
    ${error ? failureView(error, { onRetry: on.onRetry }) : nothing}
    <button type="submit" part="pay-button" aria-disabled=${busy ? 'true' : 'false'}>
      ${busy ? html`<span class="dvc-spinner" aria-hidden="true"></span>${msg('Starting the payment…')}` : msg(str`Pay ${formatVnd(payment.total)}`)}
    </button>
    <p class="hint">${msg('You will pay on the payment gateway\'s page, then come back here for your receipt.')}</p>
  </form>`;
}

// ---------- on the way to the gateway ----------

export function redirectingView(context: ViewContext, url: string): TemplateResult {
  return section('redirecting', html`
    ${stateHeading(context, msg('Taking you to the payment gateway'))}
    ${loadingView()}
    <p><a part="gateway-link" href=${url}>${msg('Go to the payment gateway if nothing happens')}</a></p>
  `, true);
}

export function startedView(context: ViewContext, on: { onCheck(): void; onOpen(): void }): TemplateResult {
  return section('started', html`
    ${stateHeading(context, msg('Complete your payment'))}
    <p>${msg('The payment gateway has been opened. When you have finished there, check the result here.')}</p>
    <div class="actions">
      <button type="button" part="check-button" @click=${on.onCheck}>${msg('Check the result')}</button>
      <button type="button" class="secondary" part="open-gateway-button" @click=${on.onOpen}>${msg('Open the payment gateway again')}</button>
    </div>
  `);
}

// ---------- results ----------

export function checkingView(context: ViewContext): TemplateResult {
  return section('checking', html`
    ${stateHeading(context, msg('Checking your payment'))}
    <p class="dvc-loading" part="loading">
      <span class="dvc-spinner" part="spinner" aria-hidden="true"></span>${msg('Asking for the result of your payment…')}
    </p>
  `, true);
}

export function unknownView(context: ViewContext, error: unknown, onCheck: () => void): TemplateResult {
  return section('unknown', html`
    ${stateHeading(context, msg('The result of your payment is not known yet'))}
    <p>${error
      // This service could not be asked (the error says why): the gateway is not to blame.
      ? msg('Your payment could not be checked just now. If you have paid, do not pay again: check again in a few minutes.')
      : msg('The payment gateway has not confirmed your payment yet. If you have paid, do not pay again: check again in a few minutes.')}</p>
    ${error ? html`<p class="muted">${problemMessage(error)}</p>` : nothing}
    <div class="actions">
      <button type="button" part="check-button" @click=${onCheck}>${msg('Check again')}</button>
    </div>
  `);
}

/** "Thanh toán lúc 06:07 ngày 18/11/2026" / "Paid on 18 Nov 2026, 06:07". */
const paidAt = (iso: string) => withDateTime((when) => msg(str`Paid on ${when}`), iso);

/** "Lập lúc 06:07 ngày 18/11/2026" / "Issued on 18 Nov 2026, 06:07". */
const issuedAt = (iso: string) => withDateTime((when) => msg(str`Issued on ${when}`), iso);

function receiptList(context: ViewContext, payment: Payment): TemplateResult {
  return html`${subHeading(context, msg('Electronic receipts'))}
    <ul class="receipts" part="receipts">
      ${payment.receipts.map((receipt) => html`<li part="receipt">
        <span class="receipt-number">${msg(str`Receipt no. ${receipt.number}`)}</span>
        <span class="receipt-detail">${kindLabel(receipt.kind)}: ${formatVnd(receipt.amount)}</span>
        <span class="receipt-date">${issuedAt(receipt.issuedAt)}</span>
      </li>`)}
    </ul>`;
}

export function paidView(context: ViewContext, payment: Payment): TemplateResult {
  return section('paid', html`
    ${stateHeading(context, msg('Payment successful'))}
    <p class="success" part="message">${msg(str`You have paid ${formatVnd(payment.total)} for dossier ${payment.dossierCode}.`)}</p>
    ${payment.paidAt ? html`<p class="paid-at">${paidAt(payment.paidAt)}</p>` : nothing}
    ${receiptList(context, payment)}
    ${receiptLink(context.receiptUrl(payment.id))}
  `);
}

export function alreadyPaidView(context: ViewContext, dossier: Dossier, payment: DossierPayment): TemplateResult {
  return section('already-paid', html`
    ${stateHeading(context, msg('Already paid'))}
    ${dossierLine(dossier.code, dossier.procedure.name)}
    <p class="success" part="message">${msg(str`The charges and fees for this dossier (${formatVnd(payment.total)}) have been paid.`)}</p>
    ${overpaidView(payment)}
    ${payment.receiptNumbers && payment.receiptNumbers.length > 0
      ? html`${subHeading(context, msg('Electronic receipts'))}
          <ul class="receipts" part="receipts">
            ${payment.receiptNumbers.map((number) => html`<li part="receipt"><span class="receipt-number">${msg(str`Receipt no. ${number}`)}</span></li>`)}
          </ul>`
      : nothing}
    ${receiptLinks(payment, context.receiptUrl)}
  `);
}

export function failedView(context: ViewContext, payment: Payment, onPayAgain: () => void): TemplateResult {
  return section('failed', html`
    ${stateHeading(context, msg('Payment failed'))}
    <div class="dvc-error" part="error">
      <p class="dvc-error-message" part="error-message">${failureReason(payment.failureCode)}</p>
    </div>
    <p>${msg(str`Nothing was paid for dossier ${payment.dossierCode}. You can try again, with another card or method if you like.`)}</p>
    <div class="actions">
      <button type="button" part="pay-again-button" @click=${onPayAgain}>${msg('Pay again')}</button>
    </div>
  `);
}

export function cancelledView(context: ViewContext, payment: Payment, onPayAgain: () => void): TemplateResult {
  // Closed here because a newer payment took its place (another method, say): the payer may still
  // have paid it on a gateway page left open, money the agency refunds. Never "nothing was paid".
  if (payment.failureCode === SUPERSEDED) {
    return section('cancelled', html`
      ${stateHeading(context, msg('Payment replaced'))}
      <p part="message">${msg(str`This payment for dossier ${payment.dossierCode} was replaced by a newer one and closed. If the payment gateway took money for it, the agency will refund it to you.`)}</p>
      <div class="actions">
        <button type="button" part="pay-again-button" @click=${onPayAgain}>${msg('See what is due')}</button>
      </div>
    `);
  }
  // Closed here with its dossier (not accepted, withdrawn or stopped): nothing is left to pay, so
  // nothing to pay again. The payer may still have paid at the gateway: money the agency refunds.
  if (payment.failureCode === DOSSIER_CLOSED) {
    return section('cancelled', html`
      ${stateHeading(context, msg('Payment closed'))}
      <p part="message">${msg(str`Dossier ${payment.dossierCode} was closed without a result (not accepted, withdrawn or stopped), so this payment was closed: there is nothing to pay. If the payment gateway took money for it, the agency will refund it to you.`)}</p>
    `);
  }
  return section('cancelled', html`
    ${stateHeading(context, msg('Payment cancelled'))}
    <p part="message">${msg(str`You cancelled the payment on the payment gateway. Nothing was paid for dossier ${payment.dossierCode}.`)}</p>
    <div class="actions">
      <button type="button" part="pay-again-button" @click=${onPayAgain}>${msg('Pay again')}</button>
    </div>
  `);
}
