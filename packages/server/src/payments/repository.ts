import { randomBytes } from 'node:crypto';
import type { components } from '@dvc-kit/sdk';
import { paymentLineKinds, signGatewayParams, verifyGatewaySignature } from '@dvc-kit/sdk';
import type { ServerContext } from '../context.ts';
import type { Queryable } from '../storage/storage.ts';
import { ApiProblem } from '../http/problem.ts';
import { findDossier, findDossierFor, vnTime } from '../dossiers/repository.ts';
import { digestsEqual, keyedDigest } from '../dossiers/applicant-digest.ts';
import { checkApplicantProof } from '../dossiers/access-token.ts';
import { PAYMENT_METHODS } from './methods.ts';
import { formatVnTimestamp } from '../calendar/vn-timestamp.ts';

type Schemas = components['schemas'];
type Payment = Schemas['Payment'];
type PaymentLine = Schemas['PaymentLine'];
type PaymentState = Schemas['PaymentState'];
type Acknowledgement = Schemas['GatewayAcknowledgement'];

interface PaymentRow {
  id: string;
  dossier_code: string;
  state: PaymentState;
  lines: string;
  total: number;
  method: string;
  return_url: string;
  created_at: string;
  paid_at: string | null;
  failure_code: string | null;
  gateway_outcome: string | null;
}

/** What the simulated gateway recorded for a transaction, kept for the status query. */
export interface GatewayOutcome {
  responseCode: string;
  transactionNo: string;
  payDate: string;
  amount: string;
}

const SETTLED: ReadonlySet<PaymentState> = new Set(['paid', 'refunded', 'cancelled', 'failed']);
/** Gateway response codes: 00 success, 24 the payer cancelled; anything else failed. */
const SUCCESS = '00';
const CANCELLED = '24';

export function paymentsOfDossier(ctx: ServerContext, dossierCode: string): Promise<PaymentRow[]> {
  return ctx.storage.all<PaymentRow>(`SELECT * FROM payments WHERE dossier_code = ? ORDER BY created_at, ${ctx.storage.insertionOrder}`, [dossierCode]);
}

export async function receiptNumbersOf(ctx: ServerContext, paymentId: string): Promise<string[]> {
  return (await ctx.storage.all<{ number: string }>('SELECT number FROM receipts WHERE payment_id = ? ORDER BY number', [paymentId]))
    .map((r) => r.number);
}

/**
 * Locks a dossier's row until the transaction ends and reads it. Every transaction that opens or
 * settles a payment of the dossier takes this lock first, so they follow one another (SQLite's
 * write lock already orders them; PostgreSQL waits here). An update that changes nothing takes
 * the row lock in both engines with one statement.
 */
async function lockDossier(tx: Queryable, code: string): Promise<{ status: string; fees: string }> {
  await tx.run('UPDATE dossiers SET code = code WHERE code = ?', [code]);
  return (await tx.one<{ status: string; fees: string }>('SELECT status, fees FROM dossiers WHERE code = ?', [code]))!;
}

function findPayment(db: Queryable, id: string): Promise<PaymentRow | undefined> {
  return db.one<PaymentRow>('SELECT * FROM payments WHERE id = ?', [id]);
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
  ctx: ServerContext, request: Schemas['PaymentCreateRequest'], idempotencyKey: string, dossierToken?: string,
): Promise<{ payment: Payment; replayed: boolean }> {
  checkApplicantProof(ctx, request.dossierCode, request.applicantId, dossierToken);
  // Production without a gateway configured takes no payment rather than sending the payer nowhere.
  if (!ctx.simulatedGateway) throw new ApiProblem(503, 'service_unavailable', 'No payment gateway is configured on this server.');
  if (dossierToken === undefined && request.applicantId === undefined) {
    throw new ApiProblem(400, 'validation_failed', 'A payment needs applicantId or a Dvc-Dossier-Token header.', {
      errors: [{ path: '/body/applicantId', message: 'required without a Dvc-Dossier-Token header' }],
    });
  }
  const digest = requestDigest(ctx, request);
  const replay = async (known: { request_digest: string; payment_id: string }) => {
    if (!digestsEqual(known.request_digest, digest)) throw new ApiProblem(422, 'idempotency_key_reused');
    return { payment: await getPayment(ctx, known.payment_id), replayed: true };
  };
  const known = await findIdempotencyKey(ctx.storage, idempotencyKey);
  if (known) return replay(known);

  // The gateway sends the payer back here: only to the portals this API serves (no open redirect).
  if (!ctx.allowsOrigin(new URL(request.returnUrl).origin)) {
    throw new ApiProblem(400, 'validation_failed', 'returnUrl must be on an allowed origin.', {
      errors: [{ path: '/body/returnUrl', message: 'origin not allowed' }],
    });
  }
  // The token was checked above, for this very dossier code.
  const dossier = request.applicantId === undefined
    ? await findDossier(ctx, request.dossierCode)
    : await findDossierFor(ctx, request.dossierCode, request.applicantId);
  if (!dossier) throw new ApiProblem(404, 'dossier_not_found');
  const method = request.method ?? PAYMENT_METHODS[0]!.id;
  if (!PAYMENT_METHODS.some((m) => m.id === method)) {
    throw new ApiProblem(400, 'validation_failed', 'Unknown payment method.', { errors: [{ path: '/body/method', message: 'unknown payment method' }] });
  }

  // Every step below is safe against another request about this dossier in another process at the
  // same moment. The dossier's row is locked first, as the gateway's notification locks it before
  // it marks a payment paid, so what is due and what is paid are read after the other has landed:
  // a payment paid a moment ago is seen, and no second one is opened beside it. The pending payment
  // of a dossier and amount is unique, and so is the Idempotency-Key: the loser of either race
  // finds the winner's row.
  const outcome = await ctx.storage.transaction(async (tx) => {
    const current = await lockDossier(tx, dossier.code);
    const lines = JSON.parse(current.fees) as PaymentLine[];
    const total = lines.reduce((sum, line) => sum + line.amount, 0);
    if (await tx.one("SELECT 1 AS paid FROM payments WHERE dossier_code = ? AND state = 'paid'", [dossier.code])) {
      throw new ApiProblem(409, 'payment_already_paid');
    }
    if (current.status !== 'payment-due' || total === 0) throw new ApiProblem(409, 'payment_not_due');
    if (request.expectedAmount !== undefined && request.expectedAmount !== total) {
      throw new ApiProblem(409, 'payment_amount_changed', `The amount due is now ${total} VND.`);
    }
    // A pending payment for an amount no longer due is superseded: cancelled, so its gateway page
    // can no longer be completed and the payer cannot pay both the old and the new amount.
    await tx.run("UPDATE payments SET state = 'cancelled', failure_code = 'superseded' WHERE dossier_code = ? AND state = 'pending' AND total != ?",
      [dossier.code, total]);
    const created = await tx.run(`
      INSERT INTO payments (id, dossier_code, state, lines, total, method, return_url, created_at)
      VALUES (?, ?, 'pending', ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    [newPaymentId(), dossier.code, JSON.stringify(lines), total, method, request.returnUrl, ctx.now().toISOString()]);
    const open = await tx.one<{ id: string }>("SELECT id FROM payments WHERE dossier_code = ? AND total = ? AND state = 'pending'", [dossier.code, total]);
    if (!open) throw new ApiProblem(409, 'payment_not_due');
    const keyed = await tx.run('INSERT INTO idempotency_keys (key, request_digest, payment_id, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO NOTHING',
      [idempotencyKey, digest, open.id, ctx.now().toISOString()]);
    return { paymentId: open.id, created: created === 1, keyed: keyed === 1 };
  });
  if (!outcome.keyed) return replay((await findIdempotencyKey(ctx.storage, idempotencyKey))!);
  return { payment: await getPayment(ctx, outcome.paymentId), replayed: !outcome.created };
}

/**
 * A payment's state. While pending, the gateway is asked (the status query), so a payment whose
 * return redirect and notification were both lost is still recovered.
 */
export async function getPayment(ctx: ServerContext, id: string): Promise<Payment> {
  let row = await findPayment(ctx.storage, id);
  if (!row) throw new ApiProblem(404, 'payment_not_found');
  if (row.state === 'pending' && row.gateway_outcome) {
    const outcome = JSON.parse(row.gateway_outcome) as GatewayOutcome;
    await settle(ctx, row, outcome);
    row = (await findPayment(ctx.storage, id))!;
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
    redirectUrl: row.state === 'pending' ? await gatewayUrl(ctx, row) : null,
    failureCode: row.failure_code,
    receipts,
  };
}

/** The simulated gateway's payment page, with the signed order parameters (VNPay 2.1 style). */
async function gatewayUrl(ctx: ServerContext, row: PaymentRow): Promise<string> {
  const params: Record<string, string> = {
    vnp_Version: '2.1.0',
    vnp_Command: 'pay',
    vnp_TxnRef: row.id,
    vnp_Amount: String(row.total * 100),
    vnp_CurrCode: 'VND',
    vnp_OrderInfo: `Thanh toan ho so ${row.dossier_code}`,
    vnp_ReturnUrl: row.return_url,
    vnp_CreateDate: formatVnTimestamp(new Date(row.created_at)),
  };
  params['vnp_SecureHash'] = await signGatewayParams(params, ctx.gatewaySecret);
  return `${ctx.publicApiUrl}/_sandbox/gateway?${new URLSearchParams(params)}`;
}

/**
 * Applies a gateway outcome once. Paid only when the code is success and the amount matches; the
 * receipts are issued in the same transaction, so a repeat can never issue them twice.
 */
async function settle(ctx: ServerContext, row: PaymentRow, outcome: GatewayOutcome): Promise<Acknowledgement> {
  if (SETTLED.has(row.state)) return { RspCode: '02', Message: 'Order already confirmed' };
  if (outcome.amount !== String(row.total * 100)) return { RspCode: '04', Message: 'Invalid amount' };
  const now = ctx.now().toISOString();
  const moved = await ctx.storage.transaction(async (tx) => {
    // After any payment being opened for this dossier (see createPayment).
    await lockDossier(tx, row.dossier_code);
    // A conditional update: of two notifications racing (in one process or two), one moves the
    // payment and issues the receipts; the other changes nothing and is told so.
    if (outcome.responseCode === SUCCESS) {
      const paid = await tx.run("UPDATE payments SET state = 'paid', paid_at = ?, gateway_outcome = ? WHERE id = ? AND state = 'pending'",
        [now, JSON.stringify(outcome), row.id]);
      if (paid === 1) await issueReceipts(tx, row, now);
      return paid;
    }
    const state: PaymentState = outcome.responseCode === CANCELLED ? 'cancelled' : 'failed';
    return tx.run("UPDATE payments SET state = ?, failure_code = ?, gateway_outcome = ? WHERE id = ? AND state = 'pending'",
      [state, outcome.responseCode, JSON.stringify(outcome), row.id]);
  });
  return moved === 1 ? { RspCode: '00', Message: 'Confirm Success' } : { RspCode: '02', Message: 'Order already confirmed' };
}

/** One e-receipt per kind of line (charge / fee), numbered per year without gaps or repeats. */
async function issueReceipts(tx: Queryable, row: PaymentRow, issuedAt: string): Promise<void> {
  const lines = JSON.parse(row.lines) as PaymentLine[];
  const year = vnTime(issuedAt).slice(0, 4);
  for (const kind of paymentLineKinds) {
    const amount = lines.filter((l) => l.kind === kind).reduce((sum, l) => sum + l.amount, 0);
    if (amount === 0) continue;
    const next = (await tx.one<{ value: number }>(`INSERT INTO counters (name, value) VALUES (?, 1)
      ON CONFLICT (name) DO UPDATE SET value = counters.value + 1 RETURNING value`, [`receipt-${year}`]))!.value;
    await tx.run('INSERT INTO receipts (number, payment_id, kind, amount, issued_at) VALUES (?, ?, ?, ?, ?)',
      [`BL-${year}-${String(next).padStart(6, '0')}`, row.id, kind, amount, issuedAt]);
  }
  // Paid: the dossier goes on being processed.
  await tx.run("UPDATE dossiers SET status = 'processing' WHERE code = ? AND status = 'payment-due'", [row.dossier_code]);
  await tx.run(`INSERT INTO dossier_history (dossier_code, at, unit, officer_title, action, status)
    VALUES (?, ?, 'Cổng thanh toán', 'Hệ thống', 'Đã thanh toán trực tuyến phí, lệ phí', 'processing')`, [row.dossier_code, issuedAt]);
}

/**
 * The gateway's server notification (IPN). Always answers with an acknowledgement code; never
 * confirms twice. Order of checks as the gateway documents: signature, order, amount, state.
 */
export async function handleNotification(ctx: ServerContext, params: Record<string, string>): Promise<Acknowledgement> {
  if (!(await verifyGatewaySignature(params, ctx.gatewaySecret))) return { RspCode: '97', Message: 'Invalid signature' };
  const row = await findPayment(ctx.storage, params['vnp_TxnRef'] ?? '');
  if (!row) return { RspCode: '01', Message: 'Order not found' };
  return settle(ctx, row, {
    responseCode: params['vnp_ResponseCode'] ?? '99',
    transactionNo: params['vnp_TransactionNo'] ?? '',
    payDate: params['vnp_PayDate'] ?? '',
    amount: params['vnp_Amount'] ?? '',
  });
}

/** The simulated gateway records what the payer chose, so the status query can find it later. */
export async function recordGatewayOutcome(ctx: ServerContext, paymentId: string, outcome: GatewayOutcome): Promise<void> {
  await ctx.storage.run("UPDATE payments SET gateway_outcome = ? WHERE id = ? AND state = 'pending'", [JSON.stringify(outcome), paymentId]);
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
