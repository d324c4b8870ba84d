import type { components } from '@dvc-kit/sdk';
import type { components as sandboxComponents } from '../generated/sandbox-openapi.ts';
import type { ServerContext } from '../context.ts';
import type { Queryable } from '../storage/storage.ts';
import { getProcedure } from '../procedures/repository.ts';
import { computeDueDate } from '../calendar/working-time.ts';
import type { DurationUnit, PauseInterval } from '../calendar/working-time.ts';
import { formatLocalDateTime, localPlainDate } from '../calendar/vn-time.ts';
import { applicantDigest, digestsEqual } from './applicant-digest.ts';
import { historyTimes } from './history-times.ts';
import { completionAfter, FINISHED, HISTORY_ACTIONS, pathTo } from './statuses.ts';
import { ApiProblem } from '../http/problem.ts';
import { applyFeeRevision, reportRevision } from '../payments/new-amount.ts';
import { closePaymentsOfClosedDossier } from '../payments/dossier-closed.ts';
import { isPaidInFull, outstandingFor } from '../payments/outstanding.ts';
import type { RateLimit } from '../http/rate-limit.ts';
import type { DossierStatus } from './statuses.ts';

type Schemas = components['schemas'];
export type DossierInput = sandboxComponents['schemas']['SandboxDossierInput'];
type PaymentLine = Schemas['PaymentLine'];

export interface DossierRow {
  code: string;
  procedure_code: string;
  procedure_name: string;
  agency: string;
  applicant_digest: string;
  status: DossierStatus;
  received_at: string;
  due_at: string | null;
  completed_at: string | null;
  apology: string | null;
  supplement: string | null;
  fees: string;
  /** Paid online beyond fees lowered after (payments/new-amount.ts's Overpayment, JSON), or null. */
  overpaid: string | null;
}

export interface HistoryRow {
  at: string;
  unit: string;
  officer_title: string | null;
  action: string;
  status: DossierStatus;
  note: string | null;
}

const DEFAULT_AGENCY_CODE = '000.00.15.H26';
const DEFAULT_AGENCY = 'Bộ phận Một cửa UBND phường Ba Đình';
const ONE_HOUR = 3_600_000;

/** The processing time that sets a dossier's due date: online first (the channel used), then in person. */
function dueRule(procedure: Schemas['Procedure']): { amount: number; unit: DurationUnit } {
  const order = ['online', 'in-person', 'postal'];
  const details = [...procedure.channelDetails].sort((a, b) => order.indexOf(a.channel) - order.indexOf(b.channel));
  for (const detail of details) {
    const { value, unit } = detail.processingTime;
    if (value === null || value <= 0) continue;
    if (unit === 'working-days' || unit === 'days' || unit === 'hours') return { amount: value, unit };
    if (unit === 'months') return { amount: value * 30, unit: 'days' };
  }
  // Published only as free text: the common one-stop default for a simple procedure.
  return { amount: 15, unit: 'working-days' };
}

/** Fee lines owed for a dossier: the online channel's charges and fees, when amounts are known. */
function defaultFees(procedure: Schemas['Procedure']): PaymentLine[] {
  const online = procedure.channelDetails.find((d) => d.channel === 'online') ?? procedure.channelDetails[0];
  return (online?.fees ?? [])
    .filter((fee) => fee.amount !== null && fee.amount > 0)
    .map((fee) => ({
      kind: fee.kind === 'fee' ? 'fee' : 'charge',
      description: fee.description || (fee.kind === 'fee' ? 'Lệ phí' : 'Phí'),
      amount: fee.amount ?? 0,
    }));
}

async function nextCode(ctx: ServerContext, agencyCode: string, received: Date): Promise<string> {
  const day = localPlainDate(received);
  const yymmdd = `${String(day.year % 100).padStart(2, '0')}${String(day.month).padStart(2, '0')}${String(day.day).padStart(2, '0')}`;
  const prefix = `${agencyCode}-${yymmdd}-`;
  const row = await ctx.storage.one<{ last: string | null }>('SELECT max(code) AS last FROM dossiers WHERE code LIKE ?', [`${prefix}%`]);
  const sequence = row?.last ? Number(row.last!.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(sequence).padStart(4, '0')}`;
}

/**
 * Creates a dossier as if it had gone through the usual steps to `status`, with a plausible
 * history, its due date in working time (supplement time pushes it back) and its fees.
 */
export async function createDossier(ctx: ServerContext, input: DossierInput): Promise<string> {
  const procedure = await getProcedure(ctx, input.procedureCode);
  if (!procedure) throw new ApiProblem(404, 'procedure_not_found');
  const now = ctx.now();
  const received = input.receivedAt ? new Date(input.receivedAt) : new Date(now.getTime() - 2 * 24 * ONE_HOUR);
  const code = input.code ?? await nextCode(ctx, input.agencyCode ?? DEFAULT_AGENCY_CODE, received);
  const agency = input.agency ?? DEFAULT_AGENCY;
  const supplement = input.supplement ?? (input.status === 'supplement-requested'
    ? { reason: 'Hồ sơ còn thiếu giấy tờ theo quy định.', documents: ['Bản sao giấy tờ tùy thân'] }
    : undefined);

  const pauses: PauseInterval[] = [];
  if (supplement?.requestedAt) {
    pauses.push({ from: new Date(supplement.requestedAt), to: supplement.resolvedAt ? new Date(supplement.resolvedAt) : undefined });
  }
  const rule = dueRule(procedure);
  const due = input.dueAt ? new Date(input.dueAt) : computeDueDate(received, rule.amount, rule.unit, { pauses, now });
  const finished = FINISHED.has(input.status);
  const completed = input.completedAt ? new Date(input.completedAt) : finished ? due : null;
  const fees = input.fees ?? (input.status === 'payment-due' ? defaultFees(procedure) : []);

  // History steps in working time, in order, at the dossier's own dates.
  const steps = pathTo(input.status);
  const times = historyTimes(steps, { received, completed, supplementRequestedAt: supplement?.requestedAt ? new Date(supplement.requestedAt) : undefined, now });

  await ctx.storage.transaction(async (tx) => {
    const inserted = await tx.run(`
      INSERT INTO dossiers (code, procedure_code, procedure_name, agency, applicant_digest, status,
        received_at, due_at, completed_at, apology, supplement, fees)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO NOTHING`, [
      code, procedure.code, procedure.name, agency, applicantDigest(input.applicantId, ctx.applicantKey),
      input.status, received.toISOString(), due.toISOString(), completed?.toISOString() ?? null,
      input.apology ? JSON.stringify({ ...input.apology, issuedAt: new Date(Math.min(due.getTime(), now.getTime())).toISOString() }) : null,
      supplement ? JSON.stringify({ requestedAt: received.toISOString(), resolvedAt: null, ...supplement }) : null,
      JSON.stringify(fees),
    ]);
    if (inserted === 0) throw new ApiProblem(409, 'validation_failed', 'A dossier with this code already exists.');
    for (const [index, status] of steps.entries()) {
      await addHistory(tx, code, { status, at: times[index] ?? received, unit: agency });
    }
  });
  return code;
}

/**
 * Locks a dossier's row until the transaction ends and reads it (undefined: no such dossier). Every
 * transaction that opens or settles a payment, or moves the dossier's status or fees, takes this
 * lock first, so they follow one another (SQLite's write lock already orders them; PostgreSQL
 * waits here). An update that changes nothing takes the row lock in both engines with one statement.
 */
export async function lockDossier(tx: Queryable, code: string): Promise<DossierRow | undefined> {
  if ((await tx.run('UPDATE dossiers SET code = code WHERE code = ?', [code])) !== 1) return undefined;
  return tx.one<DossierRow>('SELECT * FROM dossiers WHERE code = ?', [code]);
}

async function addHistory(
  tx: Queryable, code: string, entry: { status: DossierStatus; at: Date; unit: string; action?: string },
): Promise<void> {
  const template = HISTORY_ACTIONS[entry.status];
  await tx.run(`
    INSERT INTO dossier_history (dossier_code, at, unit, officer_title, action, status) VALUES (?, ?, ?, ?, ?, ?)`,
  [code, entry.at.toISOString(), entry.unit, template.officerTitle, entry.action ?? template.action, entry.status]);
}

/**
 * Moves a dossier on: new status, a history entry, the completion time when decided, and the
 * supplement clock (requested → paused; answered → the due date moves back by the pause) and, when
 * given, revised fees.
 */
export async function changeStatus(
  ctx: ServerContext, code: string,
  change: { status: DossierStatus; at?: string; action?: string; unit?: string; fees?: PaymentLine[] },
): Promise<void> {
  const procedure = await findDossier(ctx, code).then((row) => row && getProcedure(ctx, row.procedure_code));
  await ctx.storage.transaction(async (tx) => {
    const row = await lockDossier(tx, code);
    if (!row) throw new ApiProblem(404, 'dossier_not_found');
    const fees = change.fees ? JSON.stringify(change.fees) : row.fees;
    // As the sync does: asking for what was paid here already leaves the dossier being processed.
    const paidAlready = change.status === 'payment-due' && isPaidInFull(await outstandingFor(tx, code, fees));
    const status = paidAlready ? (row.status === 'payment-due' ? 'processing' : row.status) : change.status;
    const at = change.at ? new Date(change.at) : ctx.now();
    let dueAt = row.due_at;
    let supplement = row.supplement ? JSON.parse(row.supplement) as Schemas['SupplementRequest'] : null;
    if (status === 'supplement-requested' && row.status !== 'supplement-requested') {
      supplement = { requestedAt: at.toISOString(), reason: supplement?.reason ?? 'Hồ sơ còn thiếu giấy tờ theo quy định.', documents: supplement?.documents ?? [], resolvedAt: null };
    } else if (row.status === 'supplement-requested' && supplement && !supplement.resolvedAt) {
      supplement.resolvedAt = at.toISOString();
      if (dueAt) {
        if (procedure) {
          const rule = dueRule(procedure);
          dueAt = computeDueDate(new Date(row.received_at), rule.amount, rule.unit, {
            pauses: [{ from: new Date(supplement.requestedAt), to: at }],
          }).toISOString();
        }
      }
    }
    const completedAt = completionAfter(status, row, at.toISOString());
    await tx.run('UPDATE dossiers SET status = ?, due_at = ?, completed_at = ?, supplement = ?, fees = ? WHERE code = ?',
      [status, dueAt, completedAt, supplement ? JSON.stringify(supplement) : null, fees, code]);
    await closePaymentsOfClosedDossier(ctx, tx, code, status);
    // The agency revised what is owed (sandbox-only): a payment open for lines no longer owed is closed.
    if (change.fees) reportRevision(ctx, code, await applyFeeRevision(tx, row, fees, at));
    if (status !== row.status || !paidAlready) {
      await addHistory(tx, code, { status, at, unit: change.unit ?? row.agency, action: paidAlready ? undefined : change.action });
    }
  });
}

/**
 * Wrong identity numbers one dossier code takes, from anyone, in a quarter of an hour: a citizen
 * mistypes a few times, while someone trying numbers (from many addresses, each under its own rate
 * limit) would need hundreds of thousands. Past it, the code takes no number until the quarter is
 * over, not even the right one; a dossier token already given still works. The price: someone who
 * knows a code can keep its citizen out for as long as they go on guessing, which the log shows.
 */
export const IDENTITY_NUMBER_GUESSES: RateLimit = { max: 20, windowMs: 15 * 60_000 };
const GUESSES_BUCKET = 'identity-number-guesses';

/**
 * The dossier with this code *and* this applicant, or undefined. An unknown code and a wrong
 * identity number are indistinguishable: both compute and compare a digest, and both count
 * against the code's guesses (429 once they are spent, for either).
 */
export async function findDossierFor(ctx: ServerContext, code: string, applicantId: string): Promise<DossierRow | undefined> {
  // Counted before the comparison, in one atomic step: guesses sent all at once are counted all
  // the same, and one past the limit learns nothing. A right number is then taken back off.
  const spent = await ctx.rateLimiter.hit(GUESSES_BUCKET, code, IDENTITY_NUMBER_GUESSES);
  if (spent > 0) {
    ctx.log.warn({ dossierCode: code, retryAfter: spent }, 'identity numbers refused for a dossier code: too many wrong ones');
    throw new ApiProblem(429, 'rate_limited', undefined, { retryAfter: spent });
  }
  const row = await findDossier(ctx, code);
  const digest = applicantDigest(applicantId, ctx.applicantKey);
  const stored = row?.applicant_digest ?? applicantDigest('000000000000-absent', ctx.applicantKey);
  if (!digestsEqual(digest, stored) || !row) return undefined;
  await ctx.rateLimiter.forgive(GUESSES_BUCKET, code, IDENTITY_NUMBER_GUESSES);
  return row;
}

export function findDossier(ctx: ServerContext, code: string): Promise<DossierRow | undefined> {
  return ctx.storage.one<DossierRow>('SELECT * FROM dossiers WHERE code = ?', [code]);
}

export function historyOf(ctx: ServerContext, code: string): Promise<HistoryRow[]> {
  return ctx.storage.all<HistoryRow>('SELECT at, unit, officer_title, action, status, note FROM dossier_history WHERE dossier_code = ? ORDER BY at, id', [code]);
}

/** ISO with the Vietnam offset, as the contract promises. */
export function vnTime(iso: string): string {
  return formatLocalDateTime(new Date(iso));
}
