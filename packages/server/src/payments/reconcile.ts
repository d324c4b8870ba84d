/**
 * Reconciliation: payments still pending some time after they were opened are asked about at their
 * gateway and settled, so a payment whose notification was lost (and whose payer never came back
 * to the page) is paid, with its receipts, all the same. Payments closed here while their gateway
 * could still take money are asked about once its window has closed, so money taken for one is
 * marked to refund even when its notification was lost (closed-payments.ts). The server runs it on
 * a timer; `dvc-server payments reconcile` runs it once.
 */
import type { ServerContext } from '../context.ts';
import { ofConfiguredGateway, type PaymentRow } from './payment-row.ts';
import type { CheckResult } from './settlement.ts';
import { checkAtGateway } from './settlement.ts';
import type { ClosedCheckResult } from './closed-payments.ts';
import { checkClosedAtGateway, closedUnchecked } from './closed-payments.ts';
import { reasonOf } from '../error-reason.ts';

export interface ReconcileOptions {
  /** Only payments opened at least this long ago (their IPN had its chance). */
  olderThanMs: number;
  /** At most this many payments per run, oldest first. */
  limit?: number;
}

export interface ReconcileSummary {
  /** Pending payments old enough to be asked about: those asked (at most the limit), and those of no gateway configured. */
  checked: number;
  /** Settled by this run: paid, failed, cancelled or expired. */
  settled: number;
  /** Still pending at their gateway (or asked about a moment ago by someone else). */
  stillPending: number;
  /** The gateway could not be asked or its answer could not be trusted; asked again next run. */
  unanswered: number;
  /** Their gateway is no longer configured here: nobody can ask about them. All are counted; none takes an asked one's place. */
  noGateway: number;
  /** Payments closed here (superseded, or with their dossier) whose gateway window has closed, asked about and answered. */
  closedChecked: number;
  /** Of those, paid at their gateway all the same: marked to refund. */
  refundsDue: number;
  /** Closed here, and their gateway could not be asked or gave no answer to trust: asked again next run. */
  closedUnanswered: number;
}

/** Less than this apart, a payment is not asked about twice (a payer's polling may just have asked). */
const MIN_QUERY_INTERVAL_MS = 60_000;

/**
 * One run. Several processes may run it at once: they take turns (an advisory lock), and each
 * settlement is a conditional update anyway, so receipts are issued once.
 */
export function reconcilePayments(ctx: ServerContext, options: ReconcileOptions): Promise<ReconcileSummary> {
  return ctx.storage.exclusive('payments-reconcile', async () => {
    const before = new Date(ctx.now().getTime() - options.olderThanMs).toISOString();
    const limit = Math.trunc(options.limit ?? 500);
    // Those of a gateway no longer configured cannot be asked about: counted, and never in the way
    // of those that can, however many and old they are.
    const configured = ofConfiguredGateway(ctx.gateways.names);
    const rows = await ctx.storage.all<PaymentRow>(
      `SELECT * FROM payments WHERE state = 'pending' AND ${configured.sql} AND created_at <= ? ORDER BY created_at LIMIT ${limit}`,
      [...configured.params, before]);
    const unconfigured = await ctx.storage.one<{ n: number | string }>(
      `SELECT count(*) AS n FROM payments WHERE state = 'pending' AND gateway IS NOT NULL AND NOT (${configured.sql}) AND created_at <= ?`,
      [...configured.params, before]);
    const noGateway = Number(unconfigured?.n ?? 0);
    const summary: ReconcileSummary = { checked: rows.length + noGateway, settled: 0, stillPending: 0, unanswered: 0, noGateway, closedChecked: 0, refundsDue: 0, closedUnanswered: 0 };
    for (const row of rows) {
      const result: CheckResult = await checkAtGateway(ctx, row, MIN_QUERY_INTERVAL_MS);
      if (result === 'settled') summary.settled += 1;
      else if (result === 'unanswered') summary.unanswered += 1;
      else summary.stillPending += 1;
    }
    for (const row of await closedUnchecked(ctx, limit)) {
      const result: ClosedCheckResult = await checkClosedAtGateway(ctx, row, MIN_QUERY_INTERVAL_MS);
      if (result === 'not-asked') continue;
      if (result === 'unanswered') summary.closedUnanswered += 1;
      else summary.closedChecked += 1;
      if (result === 'refund-due') summary.refundsDue += 1;
    }
    if (summary.checked + summary.closedChecked + summary.closedUnanswered > 0) ctx.log.info({ ...summary }, 'payments reconciled');
    return summary;
  });
}

/** Runs reconciliation every `everyMs` until stopped; a failed run is logged and the next one tries again. */
export function startReconciliation(ctx: ServerContext, options: ReconcileOptions & { everyMs: number }): () => Promise<void> {
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    // Not on a database the server does not serve yet (not migrated, unreachable, refused).
    if (ctx.database.state !== 'open') return;
    // A slow gateway may make a run outlast the interval: the next run waits for its turn.
    running ??= reconcilePayments(ctx, options)
      .then(() => undefined, (error: unknown) => {
        ctx.log.error({ err: reasonOf(error) }, 'payment reconciliation failed');
      })
      .finally(() => { running = undefined; });
  }, options.everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
