/**
 * Localised words for what the API returns as codes: the ten statuses, timeliness, payment states,
 * and the form's field errors. Kept as functions so every render reads the current locale.
 */
import { msg, str } from '@lit/localize';
import type { components } from '@dvc-kit/sdk';
import { formatNumber, intlLocale } from '../shared/locale.ts';
import { applicantIdMessage } from '../shared/applicant-id.ts';
import type { FieldProblem, LookupField } from './validation.ts';
import './translations.ts';

type Schemas = components['schemas'];
export type DossierStatus = Schemas['DossierStatus'];
export type Timeliness = Schemas['Timeliness'];
export type PaymentState = Schemas['PaymentState'];

/** The status in words, as the national portal names it. */
export function statusLabel(status: DossierStatus): string {
  switch (status) {
    case 'submitted':
      return msg('Submitted online');
    case 'received':
      return msg('Received');
    case 'rejected':
      return msg('Not accepted');
    case 'processing':
      return msg('Being processed');
    case 'supplement-requested':
      return msg('More documents needed');
    case 'payment-due':
      return msg('Payment due');
    case 'withdrawn':
      return msg('Withdrawn by the applicant');
    case 'stopped':
      return msg('Processing stopped');
    case 'decided':
      return msg('Decided');
    case 'result-delivered':
      return msg('Result delivered');
  }
}

/** The shape a status badge shows, so the badge never depends on its colour alone. */
export type StatusKind = 'in-progress' | 'action-needed' | 'done' | 'closed';

export function statusKind(status: DossierStatus): StatusKind {
  switch (status) {
    case 'supplement-requested':
    case 'payment-due':
      return 'action-needed';
    case 'decided':
    case 'result-delivered':
      return 'done';
    case 'rejected':
    case 'withdrawn':
    case 'stopped':
      return 'closed';
    case 'submitted':
    case 'received':
    case 'processing':
      return 'in-progress';
  }
}

/** True when English needs the singular for `count` (Vietnamese has no plural forms). */
function isOne(count: number): boolean {
  return new Intl.PluralRules(intlLocale()).select(count) === 'one';
}

/**
 * "Quá hạn 3 ngày làm việc" / "3 working days overdue"; early, on time or late for finished
 * dossiers. `undefined` when timeliness does not apply (rejected, withdrawn, stopped).
 *
 * The API counts against the original due date. When the agency has apologised and set a new date
 * (`rescheduled`), a late count is said to be against the original date, so it does not stand as
 * the dossier's state beside the new date.
 */
export function timelinessText(timeliness: Timeliness, { rescheduled = false }: { rescheduled?: boolean } = {}): string | undefined {
  const days = timeliness.workingDays;
  const count = formatNumber(days);
  switch (timeliness.state) {
    case 'on-track':
      return msg('On schedule');
    case 'overdue':
      if (rescheduled) {
        if (days === 0) return msg('Past the original due date');
        return isOne(days)
          ? msg(str`${count} working day past the original due date`)
          : msg(str`${count} working days past the original due date`);
      }
      if (days === 0) return msg('Overdue');
      return isOne(days) ? msg(str`${count} working day overdue`) : msg(str`${count} working days overdue`);
    case 'early':
      // Finished on an earlier day but with no working time in between (a weekend): no count.
      if (days === 0) return msg('Finished early');
      return isOne(days) ? msg(str`Finished ${count} working day early`) : msg(str`Finished ${count} working days early`);
    case 'on-time':
      return msg('Finished on time');
    case 'late':
      if (rescheduled) {
        if (days === 0) return msg('Finished after the original due date');
        return isOne(days)
          ? msg(str`Finished ${count} working day after the original due date`)
          : msg(str`Finished ${count} working days after the original due date`);
      }
      if (days === 0) return msg('Finished late');
      return isOne(days) ? msg(str`Finished ${count} working day late`) : msg(str`Finished ${count} working days late`);
    case 'not-applicable':
      return undefined;
  }
}

/** The payment's state in words; `canContinue` when the payment can be continued or made again from here (a Pay button is shown). */
export function paymentStateLabel(state: PaymentState, { canContinue = false, paidBefore = false } = {}): string {
  switch (state) {
    case 'unpaid':
      // Paid before, and more asked since: it is the rest that is not paid.
      return paidBefore ? msg('The rest is not paid yet') : msg('Not paid yet');
    case 'pending':
      return canContinue
        ? `${msg('A payment was started and is not confirmed yet. If you have paid, the result will show here once the payment service confirms it.')} ${msg('If you have not, you can continue the payment.')}`
        : msg('A payment was started and is not confirmed yet. If you have paid, the result will show here once the payment service confirms it.');
    case 'paid':
      return msg('Paid');
    case 'refunded':
      return msg('Refunded');
    case 'cancelled':
      return canContinue ? `${msg('The last payment was cancelled.')} ${msg('You can pay again.')}` : msg('The last payment was cancelled.');
    case 'failed':
      return canContinue ? `${msg('The last payment did not go through.')} ${msg('You can pay again.')}` : msg('The last payment did not go through.');
  }
}

/** The message shown next to a field and in the error summary. */
export function fieldErrorMessage(field: LookupField, problem: FieldProblem): string {
  if (field === 'code') {
    return problem === 'missing'
      ? msg('Enter your dossier code')
      : msg('Enter the dossier code in the right format, like 000.00.15.H26-250714-0042');
  }
  return applicantIdMessage(problem);
}
