/**
 * Asks the API about a pending payment again and again, waiting longer each time (1, 2, 4, 8, 16 s…)
 * and giving up after a bounded time (45 s by default), so a payer coming back from the gateway sees
 * the result as soon as the API knows it, and a plain "not known yet" — never a guess — when it does
 * not. While a payment is pending the API queries the gateway itself, so a lost return is recovered.
 */
import { DvcError, type Payment } from '@dvc-kit/sdk';

export interface PollSchedule {
  /** The first wait, doubled after each check. */
  firstDelayMs: number;
  /** The longest single wait. */
  maxDelayMs: number;
  /** The whole time to keep asking, from the first check. */
  budgetMs: number;
}

export const DEFAULT_SCHEDULE: PollSchedule = { firstDelayMs: 1000, maxDelayMs: 16_000, budgetMs: 45_000 };

/** How a round of polling ended. */
export type PollResult =
  | { settled: true; payment: Payment }
  /** Still pending when the time ran out, or the last check failed (`error`). */
  | { settled: false; payment: Payment | undefined; error: unknown };

/** States the payment cannot leave by itself: the gateway has answered. */
export function isSettled(payment: Payment): boolean {
  return payment.state !== 'pending' && payment.state !== 'unpaid';
}

/**
 * The wait before the next check: 1, 2, 4, 8… s (capped at `maxDelayMs`), cut to what is left of
 * the budget; undefined once the budget is spent. `elapsed` counts the checks' own time too.
 */
export function nextDelay(attempt: number, elapsedMs: number, schedule: PollSchedule): number | undefined {
  const remaining = schedule.budgetMs - elapsedMs;
  if (remaining <= 0) return undefined;
  return Math.min(schedule.firstDelayMs * 2 ** attempt, schedule.maxDelayMs, remaining);
}

function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** A request the API refused (4xx) will not succeed by asking again. */
function isPermanent(error: unknown): boolean {
  return error instanceof DvcError && !error.retryable;
}

/**
 * Checks with `check` until the payment is settled or the budget is spent. `initial` is a payment
 * already fetched (the first check), so it is not asked for twice. Resolves with undefined once
 * `signal` aborts (a newer flow, or the widget left the page).
 */
export async function pollPayment(
  check: (signal: AbortSignal) => Promise<Payment>,
  signal: AbortSignal,
  schedule: PollSchedule = DEFAULT_SCHEDULE,
  initial?: Payment,
): Promise<PollResult | undefined> {
  const started = Date.now();
  let last = initial;
  let lastError: unknown;
  for (let attempt = 0; ; attempt++) {
    if (attempt > 0 || !initial) {
      try {
        last = await check(signal);
        lastError = undefined;
      } catch (error) {
        if (signal.aborted) return undefined;
        lastError = error;
        if (isPermanent(error)) return { settled: false, payment: last, error };
      }
    }
    if (signal.aborted) return undefined;
    if (last && isSettled(last) && lastError === undefined) return { settled: true, payment: last };
    const delay = nextDelay(attempt, Date.now() - started, schedule);
    if (delay === undefined) return { settled: false, payment: last, error: lastError };
    if (!(await sleep(delay, signal))) return undefined;
  }
}
