import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { components } from '@dvc-kit/sdk';
import type { ServerContext } from '../context.ts';
import type { Queryable } from '../storage/storage.ts';
import { ApiProblem } from '../http/problem.ts';
import { findDossier, findDossierFor, lockDossier, vnTime } from '../dossiers/repository.ts';
import { digestsEqual, keyedDigest } from '../dossiers/applicant-digest.ts';
import { checkApplicantProof } from '../dossiers/access-token.ts';
import type { PayerContext } from './gateways/gateway.ts';
import { METHOD_GATEWAYS } from './gateways/gateway.ts';
import type { PaymentRow } from './payment-row.ts';
import { findPayment, orderOf } from './payment-row.ts';
import { isPaidInFull, outstandingFor, sameLines } from './outstanding.ts';
import { closeAsSuperseded } from './new-amount.ts';
import { checkAtGateway } from './settlement.ts';
import { reasonOf } from '../error-reason.ts';

type Schemas = components['schemas'];
type Payment = Schemas['Payment'];
type PaymentLine = Schemas['PaymentLine'];

/** VNPay takes a return address of at most 255 characters (vnp_ReturnUrl). */
const MAX_RETURN_URL = 255;
/**
 * How long a second request for a payment being started waits for the gateway's address: under the
 * SDK's 10 s, so the payer's page hears "not yet, come back in a moment" (503, Retry-After) rather
 * than a timeout while the gateway takes its time (up to GATEWAY_TIMEOUT_MS).
 */
const START_WAIT_MS = 8_000;
/** What that 503 asks the client to wait (the SDK waits up to 5 s and asks again by itself). */
const START_RETRY_AFTER_S = 5;
/** How long a new payment waits for the gateways of the payments it would close to say where those stand. */
const ASK_BEFORE_CLOSING_MS = 3_000;
/** A payment without its gateway's address after this long was never started there (its process stopped). */
const NEVER_STARTED_MS = 60_000;

export function paymentsOfDossier(ctx: ServerContext, dossierCode: string): Promise<PaymentRow[]> {
  return ctx.storage.all<PaymentRow>(`SELECT * FROM payments WHERE dossier_code = ? ORDER BY created_at, ${ctx.storage.insertionOrder}`, [dossierCode]);
}

export async function receiptNumbersOf(ctx: ServerContext, paymentId: string): Promise<string[]> {
  return (await ctx.storage.all<{ number: string }>('SELECT number FROM receipts WHERE payment_id = ? ORDER BY number', [paymentId]))
    .map((r) => r.number);
}

/** What an Idempotency-Key found, if it was used before. */
function findIdempotencyKey(db: Queryable, key: string) {
  return db.one<{ request_digest: string; payment_id: string }>('SELECT request_digest, payment_id FROM idempotency_keys WHERE key = ?', [key]);
}

/**
 * What an Idempotency-Key was first used for. Keyed like the identity-number digests: the request
 * holds the identity number, and a plain hash of twelve digits and a known dossier code is found
 * by trying every number.
 */
function requestDigest(ctx: ServerContext, request: Schemas['PaymentCreateRequest']): string {
  // Proved by a token, applicantId is null: a key first used with a token and sent again with the
  // identity number is another request (422), and the other way round.
  const canonical = JSON.stringify([request.dossierCode, request.applicantId ?? null, request.returnUrl, request.expectedAmount ?? null, request.method ?? null]);
  return keyedDigest(canonical, ctx.applicantKey);
}

/** The Idempotency-Key was used by another request while this one ran: its transaction is undone. */
class KeyTaken extends Error {}

function newPaymentId(): string {
  return `pay_${randomBytes(15).toString('base64url').replace(/[-_]/g, 'x')}`;
}

/**
 * Creates a payment, or finds the one this Idempotency-Key (or an open payment of the same dossier)
 * already made: a double click, a reload or a second tab never makes a second charge.
 *
 * The applicant is proved by the identity number in the request or by a dossier token (header),
 * exactly one of them; a token is checked before anything else, a replayed key included.
 */
export async function createPayment(
  ctx: ServerContext, request: Schemas['PaymentCreateRequest'], idempotencyKey: string, dossierToken: string | undefined,
  payerIp: string,
): Promise<{ payment: Payment; replayed: boolean }> {
  checkApplicantProof(ctx, request.dossierCode, request.applicantId, dossierToken);
  // Without a gateway configured no payment is taken, rather than sending the payer nowhere; not a
  // 503, which clients retry: no wait helps until one is configured.
  if (ctx.gateways.methods.length === 0) throw new ApiProblem(409, 'payments_not_offered', 'No payment gateway is configured on this server: pay at the one-stop desk.');
  if (dossierToken === undefined && request.applicantId === undefined) {
    throw new ApiProblem(400, 'validation_failed', 'A payment needs applicantId or a Dvc-Dossier-Token header.', {
      errors: [{ path: '/body/applicantId', message: 'required without a Dvc-Dossier-Token header' }],
    });
  }
  const digest = requestDigest(ctx, request);
  const replay = async (known: { request_digest: string; payment_id: string }) => {
    if (!digestsEqual(known.request_digest, digest)) throw new ApiProblem(422, 'idempotency_key_reused');
    return { payment: await currentPayment(ctx, known.payment_id), replayed: true };
  };
  const known = await findIdempotencyKey(ctx.storage, idempotencyKey);
  if (known) {
    if (!digestsEqual(known.request_digest, digest)) throw new ApiProblem(422, 'idempotency_key_reused');
    // Its payment never reached its gateway: the key is let go of, and this request starts afresh.
    if (!(await letGoOfUnstarted(ctx, idempotencyKey, known.payment_id))) return replay(known);
  }

  // The gateway sends the payer back here: only to the portals this API serves (no open redirect).
  // The contract's `format: uri` takes some addresses a browser cannot go to ("http://a:99999/").
  const returnTo = URL.parse(request.returnUrl);
  if (!returnTo) {
    throw new ApiProblem(400, 'validation_failed', 'returnUrl is not an address a browser can go to.', {
      errors: [{ path: '/body/returnUrl', message: 'not a web address' }],
    });
  }
  if (!ctx.allowsOrigin(returnTo.origin)) {
    throw new ApiProblem(400, 'validation_failed', 'returnUrl must be on an allowed origin.', {
      errors: [{ path: '/body/returnUrl', message: 'origin not allowed' }],
    });
  }
  // The token was checked above, for this very dossier code.
  const dossier = request.applicantId === undefined
    ? await findDossier(ctx, request.dossierCode)
    : await findDossierFor(ctx, request.dossierCode, request.applicantId);
  if (!dossier) throw new ApiProblem(404, 'dossier_not_found');
  // The methods that can take what is left to pay (the lookup offered no other): none, and it is
  // paid at the desk. Nothing due is said below, as payment_not_due.
  const rest = await outstandingFor(ctx.storage, dossier.code, dossier.fees);
  const offered = rest.total > 0 ? (rest.payableOnline ? ctx.gateways.methodsFor(rest.total) : []) : ctx.gateways.methods;
  if (offered.length === 0) throw new ApiProblem(409, 'payments_not_offered', 'No payment gateway here takes this amount: pay at the one-stop desk.');
  const method = request.method ?? offered[0]!.id;
  const gateway = offered.some((m) => m.id === method) ? ctx.gateways.get(METHOD_GATEWAYS[method] ?? null) : undefined;
  if (!gateway) {
    throw new ApiProblem(400, 'validation_failed', 'This payment method is not offered here for this amount.', {
      errors: [{ path: '/body/method', message: `one of: ${offered.map((m) => m.id).join(', ')}` }],
    });
  }
  if (gateway.name === 'vnpay' && request.returnUrl.length > MAX_RETURN_URL) {
    throw new ApiProblem(400, 'validation_failed', `The gateway takes a return address of at most ${MAX_RETURN_URL} characters.`, {
      errors: [{ path: '/body/returnUrl', message: `at most ${MAX_RETURN_URL} characters for this payment method` }],
    });
  }

  await askBeforeClosing(ctx, dossier.code, rest.lines, method);

  // Every step below is safe against another request about this dossier in another process at the
  // same moment. The dossier's row is locked first, as the gateway's notification locks it before
  // it marks a payment paid, so what is due and what is paid are read after the other has landed:
  // a payment paid a moment ago is seen, and no second one is opened beside it. The pending payment
  // of a dossier and amount is unique, and so is the Idempotency-Key: the loser of either race
  // finds the winner's row.
  const outcome = await ctx.storage.transaction(async (tx) => {
    // Found above: a dossier is not deleted while served.
    const current = (await lockDossier(tx, dossier.code))!;
    // The same key, sent again while this request waited for the dossier (a double click, or another
    // request under the same key): that one's answer is this one's, and nothing here is done twice.
    if (await findIdempotencyKey(tx, idempotencyKey)) throw new KeyTaken();
    // What is left to pay (all of it, unless the agency asked for more after a payment).
    const left = await outstandingFor(tx, dossier.code, current.fees);
    const { lines, total } = left;
    if (isPaidInFull(left)) throw new ApiProblem(409, 'payment_already_paid');
    if (current.status !== 'payment-due' || total === 0) throw new ApiProblem(409, 'payment_not_due');
    if (!left.payableOnline) throw new ApiProblem(409, 'payments_not_offered', 'What is left to pay cannot be paid online: pay at the one-stop desk.');
    if (request.expectedAmount !== undefined && request.expectedAmount !== total) {
      throw new ApiProblem(409, 'payment_amount_changed', `The amount due is now ${total} VND.`);
    }
    // A pending payment for an amount no longer due, or by another method, is superseded: closed
    // here, so it is never confirmed. Its gateway was asked first (askBeforeClosing); should the
    // payer still complete it there, its notification is refused and logged for a refund (see
    // notifications.ts).
    // So is one whose pay window has passed: its gateway takes no more money for it, and the payer
    // would be sent to a page that refuses them.
    // So is one never started at its gateway (its process stopped in between): no payer can pay it,
    // and it would hold the dossier until its window passed.
    const now = ctx.now();
    const neverStartedBefore = new Date(now.getTime() - NEVER_STARTED_MS).toISOString();
    const open = await tx.all<PaymentRow>("SELECT * FROM payments WHERE dossier_code = ? AND state = 'pending'", [dossier.code]);
    await closeAsSuperseded(tx, open.filter((row) => closes(row, lines, method, now.toISOString())
      || (row.gateway_url === null && row.created_at < neverStartedBefore)).map((row) => row.id));
    const created = await tx.run(`
      INSERT INTO payments (id, dossier_code, state, lines, total, method, return_url, created_at, gateway, expires_at)
      VALUES (?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    [newPaymentId(), dossier.code, JSON.stringify(lines), total, method, request.returnUrl, now.toISOString(), gateway.name,
      new Date(now.getTime() + (gateway.payWindowMs ?? ctx.paymentExpiryMs)).toISOString()]);
    const opened = await tx.one<{ id: string }>("SELECT id FROM payments WHERE dossier_code = ? AND total = ? AND state = 'pending'", [dossier.code, total]);
    if (!opened) throw new ApiProblem(409, 'payment_not_due');
    const keyed = await tx.run('INSERT INTO idempotency_keys (key, request_digest, payment_id, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO NOTHING',
      [idempotencyKey, digest, opened.id, now.toISOString()]);
    // Taken meanwhile for another dossier: undo everything above (a payment superseded, one opened).
    if (keyed !== 1) throw new KeyTaken();
    return { paymentId: opened.id, created: created === 1 };
  }).catch((error: unknown) => {
    if (error instanceof KeyTaken) return undefined;
    throw error;
  });
  if (!outcome) return replay((await findIdempotencyKey(ctx.storage, idempotencyKey))!);
  if (outcome.created) await startAtGateway(ctx, outcome.paymentId, { locale: request.language ?? 'vi', ipAddress: payerIp });
  return { payment: await currentPayment(ctx, outcome.paymentId), replayed: !outcome.created };
}

/**
 * The open payments of a dossier that a new request would close (for another amount or method, or
 * past their pay window) may have been paid at their gateway a moment ago, its notification not here
 * yet: each that reached its gateway is asked first. One paid is settled, and the request is then
 * refused as already paid, rather than closing it (money taken for nothing, to refund) and sending
 * the payer to pay again. A gateway that does not answer leaves the payment to be closed as before.
 */
async function askBeforeClosing(ctx: ServerContext, dossierCode: string, lines: PaymentLine[], method: string): Promise<void> {
  const now = ctx.now().toISOString();
  const open = await ctx.storage.all<PaymentRow>("SELECT * FROM payments WHERE dossier_code = ? AND state = 'pending' AND gateway_url IS NOT NULL", [dossierCode]);
  const closing = open.filter((row) => closes(row, lines, method, now));
  if (closing.length === 0) return;
  // Asked together, and waited for briefly: the payer may be leaving a gateway that hangs for
  // another. A payment asked about moments ago (a retry) is not asked again.
  const asked = Promise.allSettled(closing.map((row) => checkAtGateway(ctx, row, POLL_QUERY_INTERVAL_MS)));
  await within(asked, ASK_BEFORE_CLOSING_MS);
}

/** `work`'s outcome, or 'waited' once `ms` have passed without it: the work goes on all the same. */
function within<T>(work: Promise<T>, ms: number): Promise<T | 'waited'> {
  return Promise.race([work, sleep(ms, 'waited' as const, { ref: false })]);
}

/**
 * Whether a new payment of `lines` by `method` closes this open one: it asks for other lines (the
 * fees changed), goes by another method, or its pay window has passed.
 */
function closes(row: PaymentRow, lines: PaymentLine[], method: string, now: string): boolean {
  return !sameLines(JSON.parse(row.lines) as PaymentLine[], lines) || row.method !== method || (row.expires_at !== null && row.expires_at < now);
}

/**
 * A payment just opened or found open: as stored, once its gateway address is there (no status
 * query yet). One its gateway could not start (this request's attempt, or the one it joined) is
 * answered as that attempt was, 503: nothing was charged, and trying again starts afresh. One whose
 * gateway has not answered yet is a 503 too, with a wait: asked again, it is the same payment.
 */
async function currentPayment(ctx: ServerContext, id: string): Promise<Payment> {
  const row = await awaitGatewayUrl(ctx, (await findPayment(ctx.storage, id))!);
  if (row.state === 'failed' && row.failure_code === 'gateway_unavailable') throw gatewayUnavailable();
  if (row.state === 'pending' && row.gateway_url === null) {
    throw new ApiProblem(503, 'service_unavailable', 'The payment gateway has not answered yet: ask again in a moment.', { retryAfter: START_RETRY_AFTER_S });
  }
  return toApi(ctx, row);
}

const gatewayUnavailable = () =>
  new ApiProblem(503, 'service_unavailable', 'The payment gateway cannot be reached. Nothing was charged; try again in a moment.');

/**
 * Lets go of an Idempotency-Key whose payment never reached its gateway: it could not be reached
 * (a request that joined the attempt may have kept the key after the attempt let go of it), or its
 * process stopped before asking. True when the key was let go of; nothing was charged under it.
 */
async function letGoOfUnstarted(ctx: ServerContext, key: string, paymentId: string): Promise<boolean> {
  const neverStartedBefore = new Date(ctx.now().getTime() - NEVER_STARTED_MS).toISOString();
  const released = await ctx.storage.run(`
    DELETE FROM idempotency_keys WHERE key = ? AND payment_id IN (
      SELECT id FROM payments WHERE id = ? AND gateway_url IS NULL
        AND ((state = 'failed' AND failure_code = 'gateway_unavailable') OR (state = 'pending' AND created_at < ?)))`,
  [key, paymentId, neverStartedBefore]);
  return released === 1;
}

/**
 * Gets the address to send the payer to from the payment's gateway and keeps it. A gateway that
 * cannot be reached or refuses closes the payment as failed, and lets go of its Idempotency-Key:
 * 503 to the payer, who may try again (nothing was charged), and the next attempt, under the same
 * key (the SDK's retry) or a new one, opens a new payment.
 */
async function startAtGateway(ctx: ServerContext, paymentId: string, payer: PayerContext): Promise<void> {
  const row = (await findPayment(ctx.storage, paymentId))!;
  const gateway = ctx.gateways.get(row.gateway)!;
  try {
    const url = await gateway.start(orderOf(row), payer);
    await ctx.storage.run('UPDATE payments SET gateway_url = ? WHERE id = ?', [url, paymentId]);
  } catch (error) {
    ctx.log.error({ paymentId, gateway: gateway.name, err: reasonOf(error) }, 'payment gateway refused or unreachable');
    await ctx.storage.transaction(async (tx) => {
      await tx.run("UPDATE payments SET state = 'failed', failure_code = 'gateway_unavailable' WHERE id = ? AND state = 'pending'", [paymentId]);
      await tx.run('DELETE FROM idempotency_keys WHERE payment_id = ?', [paymentId]);
    });
    throw gatewayUnavailable();
  }
}

/**
 * A payment another request is starting at its gateway right now (a double click, a second tab):
 * its address arrives within the gateway's answer time.
 */
async function awaitGatewayUrl(ctx: ServerContext, row: PaymentRow): Promise<PaymentRow> {
  const giveUpAt = Date.now() + START_WAIT_MS;
  let current = row;
  while (current.state === 'pending' && current.gateway_url === null && Date.now() < giveUpAt) {
    await sleep(100);
    current = (await findPayment(ctx.storage, row.id))!;
  }
  return current;
}

/** How often a payer's polling may make the server ask the gateway about one payment. */
const POLL_QUERY_INTERVAL_MS = 5_000;
/**
 * How long a read of a payment waits for its gateway's answer before answering with the payment as
 * stored: a slow gateway (its answer may take 30 s) must not make the payer's page time out. The
 * question goes on, and the next read sees what it settled.
 */
const READ_WAITS_FOR_GATEWAY_MS = 3_000;

/**
 * A payment's state. While pending, the gateway is asked (the status query, at most every few
 * seconds), so a payment whose return redirect and notification were both lost is still recovered.
 */
export async function getPayment(ctx: ServerContext, id: string): Promise<Payment> {
  let row = await findPayment(ctx.storage, id);
  if (!row) throw new ApiProblem(404, 'payment_not_found');
  if (row.state === 'pending' && row.gateway_url === null) row = await awaitGatewayUrl(ctx, row);
  if (row.state === 'pending') {
    const checked = checkAtGateway(ctx, row, POLL_QUERY_INTERVAL_MS);
    const outcome = await within(checked, READ_WAITS_FOR_GATEWAY_MS);
    if (outcome === 'waited') {
      checked.catch((error: unknown) => ctx.log.error({ paymentId: id, err: reasonOf(error) }, 'payment status check failed'));
    } else if (outcome === 'settled') {
      row = (await findPayment(ctx.storage, id))!;
    }
  }
  return toApi(ctx, row);
}

async function toApi(ctx: ServerContext, row: PaymentRow): Promise<Payment> {
  const receipts = (await ctx.storage.all<{ number: string; kind: Schemas['PaymentLineKind']; amount: number; issued_at: string }>(
    'SELECT number, kind, amount, issued_at FROM receipts WHERE payment_id = ? ORDER BY number', [row.id]))
    .map((r) => ({ number: r.number, kind: r.kind, amount: r.amount, issuedAt: vnTime(r.issued_at) }));
  return {
    id: row.id,
    dossierCode: row.dossier_code,
    state: row.state,
    lines: JSON.parse(row.lines) as PaymentLine[],
    total: row.total,
    method: row.method,
    createdAt: vnTime(row.created_at),
    paidAt: row.paid_at ? vnTime(row.paid_at) : null,
    redirectUrl: row.state === 'pending' ? row.gateway_url : null,
    failureCode: row.failure_code,
    receipts,
  };
}

export async function getReceiptBundle(ctx: ServerContext, id: string): Promise<Schemas['ReceiptBundle']> {
  const payment = await getPayment(ctx, id);
  if (payment.state !== 'paid' || !payment.paidAt) throw new ApiProblem(409, 'payment_not_paid');
  const dossier = await findDossier(ctx, payment.dossierCode);
  return {
    paymentId: payment.id,
    dossierCode: payment.dossierCode,
    procedureName: dossier?.procedure_name ?? '',
    agency: dossier?.agency ?? '',
    receipts: payment.receipts,
    total: payment.total,
    paidAt: payment.paidAt,
  };
}
