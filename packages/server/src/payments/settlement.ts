/**
 * How a payment leaves `pending`: a gateway's verdict applied once, whichever path brought it (the
 * IPN, the status query when the payer comes back, the reconciliation job), with the e-receipts
 * issued in the same transaction, so no path and no race can issue them twice.
 */
import { paymentLineKinds } from '@dvc-kit/sdk';
import type { components } from '@dvc-kit/sdk';
import type { ServerContext } from '../context.ts';
import type { Queryable } from '../storage/storage.ts';
import type { FinalVerdict, GatewayVerdict, PaymentGateway } from './gateways/gateway.ts';
import type { PaymentRow } from './payment-row.ts';
import { orderOf } from './payment-row.ts';
import { lockDossier, vnTime } from '../dossiers/repository.ts';
import { isPaidInFull, outstandingFor } from './outstanding.ts';
import { reasonOf } from '../error-reason.ts';

/** After its expiry a gateway takes no more money; this long after it, a payment still open is closed. */
export const EXPIRY_GRACE_MS = 5 * 60_000;
/**
 * A payment whose gateway has given no answer to trust (unreachable, answering errors, or reporting
 * another amount) for this long after its window is closed as failed, for staff to look at, so it
 * does not stay pending for ever.
 */
export const UNVERIFIED_AFTER_MS = 24 * 3600_000;
/** VNPay's response code for "the payment window expired", which the widgets explain. */
const EXPIRED = '11';

/**
 * Applies a final verdict to a pending payment. True when this call moved it; false when it was
 * no longer pending (another notification, query or process got there first).
 */
export async function settle(ctx: ServerContext, row: PaymentRow, verdict: FinalVerdict, via: 'ipn' | 'query'): Promise<boolean> {
  const now = ctx.now().toISOString();
  const outcome = JSON.stringify({ via, detail: verdict.detail, at: now });
  const moved = await ctx.storage.transaction(async (tx) => {
    // After any payment being opened for this dossier (see createPayment).
    const dossier = (await lockDossier(tx, row.dossier_code))!;
    // A conditional update: of two settlements racing (in one process or two), one moves the
    // payment and issues the receipts; the other changes nothing and is told so.
    if (verdict.state === 'paid') {
      const paid = await tx.run("UPDATE payments SET state = 'paid', paid_at = ?, gateway_transaction = ?, gateway_outcome = ? WHERE id = ? AND state = 'pending'",
        [now, verdict.transactionNo, outcome, row.id]);
      if (paid === 1) await issueReceipts(tx, row, now, dossier.fees);
      return paid === 1;
    }
    return (await tx.run("UPDATE payments SET state = ?, failure_code = ?, gateway_transaction = ?, gateway_outcome = ? WHERE id = ? AND state = 'pending'",
      [verdict.state, verdict.code, verdict.transactionNo, outcome, row.id])) === 1;
  });
  if (moved) ctx.log.info({ paymentId: row.id, state: verdict.state, via, detail: verdict.detail }, 'payment settled');
  return moved;
}

/** One e-receipt per kind of line (charge / fee), numbered per year without gaps or repeats. */
async function issueReceipts(tx: Queryable, row: PaymentRow, issuedAt: string, fees: string): Promise<void> {
  const lines = JSON.parse(row.lines) as components['schemas']['PaymentLine'][];
  const year = vnTime(issuedAt).slice(0, 4);
  for (const kind of paymentLineKinds) {
    const amount = lines.filter((l) => l.kind === kind).reduce((sum, l) => sum + l.amount, 0);
    if (amount === 0) continue;
    const next = (await tx.one<{ value: number }>(`INSERT INTO counters (name, value) VALUES (?, 1)
      ON CONFLICT (name) DO UPDATE SET value = counters.value + 1 RETURNING value`, [`receipt-${year}`]))!.value;
    await tx.run('INSERT INTO receipts (number, payment_id, kind, amount, issued_at) VALUES (?, ?, ?, ?, ?)',
      [`BL-${year}-${String(next).padStart(6, '0')}`, row.id, kind, amount, issuedAt]);
  }
  // Paid in full: a dossier waiting for the payment goes on being processed (a payment for part of
  // it, opened before the agency added a line, leaves the rest due). One the agency has moved on
  // meanwhile (decided, say) keeps its status, and the step says that status, not "processing".
  if (isPaidInFull(await outstandingFor(tx, row.dossier_code, fees))) {
    await tx.run("UPDATE dossiers SET status = 'processing' WHERE code = ? AND status = 'payment-due'", [row.dossier_code]);
  }
  const { status } = (await tx.one<{ status: string }>('SELECT status FROM dossiers WHERE code = ?', [row.dossier_code]))!;
  await tx.run(`INSERT INTO dossier_history (dossier_code, at, unit, officer_title, action, status)
    VALUES (?, ?, 'Cổng thanh toán', 'Hệ thống', 'Đã thanh toán trực tuyến phí, lệ phí', ?)`, [row.dossier_code, issuedAt, status]);
}

/** What asking the gateway about a payment came to. */
export type CheckResult = 'settled' | 'still-pending' | 'not-asked' | 'unanswered' | 'no-gateway';

/** When a payment's gateway stops taking money for it, with the grace period after. */
export const windowClosesAt = (row: PaymentRow): number => new Date(row.expires_at ?? row.created_at).getTime() + EXPIRY_GRACE_MS;

/** What one question to a payment's gateway came to. */
export type GatewayAnswer =
  | { kind: 'not-asked' }
  | { kind: 'answered'; verdict: GatewayVerdict }
  /** No answer to trust; `givenUp` once a day has passed since the payment's window closed (logged as an error then, else as a warning). */
  | { kind: 'failed'; reason: string; givenUp: boolean };

/**
 * Asks `row`'s gateway where it stands, at most once per `minIntervalMs` per payment across
 * processes: the right to ask is claimed with a conditional update, `askable` being the SQL that
 * says the row still needs asking, so a payer's polling and the reconciliation job never flood the
 * gateway.
 */
export async function askGateway(
  ctx: ServerContext, row: PaymentRow, gateway: PaymentGateway, askable: string, minIntervalMs: number,
): Promise<GatewayAnswer> {
  const now = ctx.now();
  const claimed = await ctx.storage.run(`UPDATE payments SET checked_at = ? WHERE id = ? AND ${askable} AND (checked_at IS NULL OR checked_at <= ?)`,
    [now.toISOString(), row.id, new Date(now.getTime() - minIntervalMs).toISOString()]);
  if (claimed !== 1) return { kind: 'not-asked' };
  try {
    return { kind: 'answered', verdict: await gateway.query(orderOf(row), now) };
  } catch (error) {
    const reason = reasonOf(error);
    const givenUp = now.getTime() >= windowClosesAt(row) + UNVERIFIED_AFTER_MS;
    // A payment closed here that the gateway cannot vouch for may have taken money to refund.
    const line = { paymentId: row.id, gateway: gateway.name, err: reason, ...(row.state === 'pending' ? {} : { closedHere: true }) };
    if (givenUp) ctx.log.error(line, 'payment unverified: check it with the gateway');
    // Asked again on the next poll or reconciliation run.
    else ctx.log.warn(line, 'payment status query failed');
    return { kind: 'failed', reason, givenUp };
  }
}

/**
 * Asks the payment's gateway where a pending payment stands (the status query) and applies the
 * answer. A payment the gateway still calls open (or never saw) is closed as expired once its pay
 * window and a grace period have passed; one with no answer to trust a day after that, as failed.
 */
export async function checkAtGateway(ctx: ServerContext, row: PaymentRow, minIntervalMs: number): Promise<CheckResult> {
  const gateway = ctx.gateways.get(row.gateway);
  if (row.state !== 'pending') return 'not-asked';
  if (!gateway) return 'no-gateway';
  const answer = await askGateway(ctx, row, gateway, "state = 'pending'", minIntervalMs);
  if (answer.kind === 'not-asked') return 'not-asked';
  if (answer.kind === 'failed') {
    if (!answer.givenUp) return 'unanswered';
    const unverified = { state: 'failed', code: 'unverified', transactionNo: '', detail: `unverified: ${answer.reason}` } as const;
    return (await settle(ctx, row, unverified, 'query')) ? 'settled' : 'still-pending';
  }
  const { verdict } = answer;
  if (verdict.state !== 'pending') return (await settle(ctx, row, verdict, 'query')) ? 'settled' : 'still-pending';
  if (ctx.now().getTime() < windowClosesAt(row)) return 'still-pending';
  const expired = { state: 'cancelled', code: EXPIRED, transactionNo: '', detail: `${verdict.detail}, expired` } as const;
  return (await settle(ctx, row, expired, 'query')) ? 'settled' : 'still-pending';
}
