import type { components } from '@dvc-kit/sdk';
import type { ServerContext } from '../context.ts';
import { isOverdue, timeliness, workingDaysEarly, workingDaysLate } from '../calendar/working-time.ts';
import { paymentsOfDossier, receiptNumbersOf } from '../payments/repository.ts';
import { isPaidInFull, outstandingOf } from '../payments/outstanding.ts';
import { historyOf, vnTime } from './repository.ts';
import type { DossierRow } from './repository.ts';
import { CLOSED_WITHOUT_RESULT, FINISHED, STATUS_NUMBERS } from './statuses.ts';

type Schemas = components['schemas'];

/**
 * Overdue is derived, never stored: open dossiers are compared with now, finished ones with their
 * completion. It is measured against the due date, not an apology's new date (the apology admits
 * the lateness; it does not erase it).
 */
export function deriveTimeliness(row: DossierRow, now: Date): Schemas['Timeliness'] {
  if (CLOSED_WITHOUT_RESULT.has(row.status) || row.due_at === null) return { state: 'not-applicable', workingDays: 0 };
  // Finished, its end not known (the one-stop system has not said when): neither early nor late.
  if (FINISHED.has(row.status) && !row.completed_at) return { state: 'not-applicable', workingDays: 0 };
  const due = new Date(row.due_at);
  if (FINISHED.has(row.status) && row.completed_at) {
    const completed = new Date(row.completed_at);
    const state = timeliness(due, completed);
    const workingDays = state === 'late' ? workingDaysLate(due, completed) : state === 'early' ? workingDaysEarly(due, completed) : 0;
    return { state, workingDays };
  }
  // While the agency waits for the citizen's supplement the clock is stopped.
  if (row.status === 'supplement-requested') return { state: 'on-track', workingDays: 0 };
  // Overdue once the due time has passed, as a dossier finished then is late, though no working
  // time may have passed since (a night, a weekend): the count of working days is then 0.
  return isOverdue(due, { now }) ? { state: 'overdue', workingDays: workingDaysLate(due, now) } : { state: 'on-track', workingDays: 0 };
}

async function paymentView(ctx: ServerContext, row: DossierRow): Promise<Schemas['DossierPayment'] | null> {
  const owed = JSON.parse(row.fees) as Schemas['PaymentLine'][];
  const payments = await paymentsOfDossier(ctx, row.code);
  const paid = payments.filter((p) => p.state === 'paid');
  const paidLines = paid.map((p) => JSON.parse(p.lines) as Schemas['PaymentLine'][]);
  const paidPayments = await Promise.all(paid.map(async (p) => ({ paymentId: p.id, receiptNumbers: await receiptNumbersOf(ctx, p.id) })));
  const receiptNumbers = paidPayments.flatMap((p) => p.receiptNumbers);
  const paidOnline = paidPayments.length > 0 ? { paidPayments } : {};
  // A record that later leaves its fee list out does not take the citizen's receipts away: what was
  // paid is shown.
  const lines = owed.length > 0 ? owed : paidLines.flat();
  if (lines.length === 0) return null;
  const rest = outstandingOf(lines, paidLines);
  // Paid beyond what is now owed (a line lowered after it was paid): said, for the desk to settle.
  const overpaid = rest.overpaid > 0 ? { overpaid: rest.overpaid } : {};
  if (isPaidInFull(rest)) {
    const total = lines.reduce((sum, line) => sum + line.amount, 0);
    return { state: 'paid', lines, total, methods: ctx.gateways.methodsFor(total), paymentId: paid.at(-1)!.id, receiptNumbers, ...paidOnline, ...overpaid };
  }
  // What is left to pay; the latest payment's state unless that one was paid (the agency asked for
  // more since): then nothing of the rest has been tried yet.
  const latest = payments.at(-1)?.state === 'paid' ? undefined : payments.at(-1);
  return {
    state: latest?.state ?? 'unpaid',
    lines: rest.lines,
    total: rest.total,
    // Only those that take the amount: none, and the widgets say to pay at the one-stop desk.
    methods: rest.payableOnline ? ctx.gateways.methodsFor(rest.total) : [],
    paymentId: latest?.id ?? null,
    receiptNumbers: [],
    ...(rest.paid > 0 ? { alreadyPaid: { amount: rest.paid, receiptNumbers } } : {}),
    ...paidOnline,
    ...overpaid,
  };
}

/** Whether the applicant can evaluate the dossier now: only a finished one, and only once. */
export async function evaluationOf(ctx: ServerContext, row: DossierRow): Promise<Schemas['Dossier']['evaluation']> {
  if (CLOSED_WITHOUT_RESULT.has(row.status)) return 'closed';
  if (!FINISHED.has(row.status)) return 'not-available';
  const evaluated = (await ctx.storage.one('SELECT 1 AS found FROM survey_responses WHERE dossier_code = ?', [row.code])) !== undefined;
  return evaluated ? 'submitted' : 'open';
}

/** Where the dossier stands for evaluation, for a survey widget holding its token. */
export async function surveyStatusView(ctx: ServerContext, row: DossierRow): Promise<Schemas['DossierSurveyStatus']> {
  const evaluation = await evaluationOf(ctx, row);
  return {
    status: evaluation === 'submitted' ? 'already-evaluated' : evaluation,
    dossierCode: row.code,
    procedureCode: row.procedure_code,
    procedureName: row.procedure_name,
  };
}

/** The dossier as the API shows it to its applicant. */
export async function dossierView(ctx: ServerContext, row: DossierRow): Promise<Schemas['Dossier']> {
  const [history, payment, evaluation] = await Promise.all([historyOf(ctx, row.code), paymentView(ctx, row), evaluationOf(ctx, row)]);
  const apology = row.apology ? JSON.parse(row.apology) as Schemas['Apology'] : null;
  const supplement = row.supplement ? JSON.parse(row.supplement) as Schemas['SupplementRequest'] : null;
  return {
    code: row.code,
    procedure: { code: row.procedure_code, name: row.procedure_name },
    agency: row.agency,
    status: row.status,
    statusNumber: STATUS_NUMBERS[row.status],
    receivedAt: vnTime(row.received_at),
    dueAt: row.due_at ? vnTime(row.due_at) : null,
    completedAt: row.completed_at ? vnTime(row.completed_at) : null,
    timeliness: deriveTimeliness(row, ctx.now()),
    apology: apology ? { reason: apology.reason, newDueAt: vnTime(apology.newDueAt), issuedAt: vnTime(apology.issuedAt) } : null,
    supplementRequest: supplement
      ? { ...supplement, requestedAt: vnTime(supplement.requestedAt), resolvedAt: supplement.resolvedAt ? vnTime(supplement.resolvedAt) : null }
      : null,
    history: history.map((h) => ({
      at: vnTime(h.at),
      unit: h.unit,
      ...(h.officer_title ? { officerTitle: h.officer_title } : {}),
      action: h.action,
      status: h.status,
      ...(h.note ? { note: h.note } : {}),
    })),
    payment,
    evaluation,
  };
}
