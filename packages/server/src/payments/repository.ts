import { randomBytes } from 'node:crypto';
import type { components } from '@dvc-kit/sdk';
import { paymentLineKinds, signGatewayParams, verifyGatewaySignature } from '@dvc-kit/sdk';
import type { SandboxContext } from '../context.ts';
import { transaction } from '../db/database.ts';
import { ApiProblem } from '../http/problem.ts';
import { findDossier, findDossierFor, vnTime } from '../dossiers/repository.ts';
import { digestsEqual, keyedDigest } from '../dossiers/applicant-digest.ts';
import { checkApplicantProof } from '../dossiers/access-token.ts';
import { PAYMENT_METHODS } from './methods.ts';

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

export function paymentsOfDossier(ctx: SandboxContext, dossierCode: string): PaymentRow[] {
  return ctx.db.prepare('SELECT * FROM payments WHERE dossier_code = ? ORDER BY created_at, rowid').all(dossierCode) as unknown as PaymentRow[];
}

export function receiptNumbersOf(ctx: SandboxContext, paymentId: string): string[] {
  return (ctx.db.prepare('SELECT number FROM receipts WHERE payment_id = ? ORDER BY number').all(paymentId) as { number: string }[])
    .map((r) => r.number);
}

/**
 * What an Idempotency-Key was first used for. Keyed like the identity-number digests: the request
 * holds the identity number, and a plain hash of twelve digits and a known dossier code is found
 * by trying every number.
 */
function requestDigest(ctx: SandboxContext, request: Schemas['PaymentCreateRequest']): string {
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
  ctx: SandboxContext, request: Schemas['PaymentCreateRequest'], idempotencyKey: string, dossierToken?: string,
): Promise<{ payment: Payment; replayed: boolean }> {
  checkApplicantProof(ctx, request.dossierCode, request.applicantId, dossierToken);
  if (dossierToken === undefined && request.applicantId === undefined) {
    throw new ApiProblem(400, 'validation_failed', 'A payment needs applicantId or a Dvc-Dossier-Token header.', {
      errors: [{ path: '/body/applicantId', message: 'required without a Dvc-Dossier-Token header' }],
    });
  }
  const digest = requestDigest(ctx, request);
  const known = ctx.db.prepare('SELECT request_digest, payment_id FROM idempotency_keys WHERE key = ?').get(idempotencyKey) as
    | { request_digest: string; payment_id: string }
    | undefined;
  if (known) {
    if (!digestsEqual(known.request_digest, digest)) throw new ApiProblem(422, 'idempotency_key_reused');
    return { payment: await getPayment(ctx, known.payment_id), replayed: true };
  }

  // The gateway sends the payer back here: only to the portals this API serves (no open redirect).
  if (!ctx.allowsOrigin(new URL(request.returnUrl).origin)) {
    throw new ApiProblem(400, 'validation_failed', 'returnUrl must be on an allowed origin.', {
      errors: [{ path: '/body/returnUrl', message: 'origin not allowed' }],
    });
  }
  // The token was checked above, for this very dossier code.
  const dossier = request.applicantId === undefined
    ? findDossier(ctx, request.dossierCode)
    : findDossierFor(ctx, request.dossierCode, request.applicantId);
  if (!dossier) throw new ApiProblem(404, 'dossier_not_found');
  const lines = JSON.parse(dossier.fees) as PaymentLine[];
  const total = lines.reduce((sum, line) => sum + line.amount, 0);
  const existing = paymentsOfDossier(ctx, dossier.code);
  if (existing.some((p) => p.state === 'paid')) throw new ApiProblem(409, 'payment_already_paid');
  if (dossier.status !== 'payment-due' || total === 0) throw new ApiProblem(409, 'payment_not_due');
  if (request.expectedAmount !== undefined && request.expectedAmount !== total) {
    throw new ApiProblem(409, 'payment_amount_changed', `The amount due is now ${total} VND.`);
  }
  const method = request.method ?? PAYMENT_METHODS[0]!.id;
  if (!PAYMENT_METHODS.some((m) => m.id === method)) {
    throw new ApiProblem(400, 'validation_failed', 'Unknown payment method.', { errors: [{ path: '/body/method', message: 'unknown payment method' }] });
  }

  const open = existing.find((p) => p.state === 'pending' && p.total === total);
  const paymentId = transaction(ctx.db, () => {
    // A pending payment for an amount no longer due is superseded: cancelled, so its gateway page
    // can no longer be completed and the payer cannot pay both the old and the new amount.
    ctx.db.prepare("UPDATE payments SET state = 'cancelled', failure_code = 'superseded' WHERE dossier_code = ? AND state = 'pending' AND total != ?")
      .run(dossier.code, total);
    const id = open?.id ?? newPaymentId();
    if (!open) {
      ctx.db.prepare(`
        INSERT INTO payments (id, dossier_code, state, lines, total, method, return_url, created_at)
        VALUES (?, ?, 'pending', ?, ?, ?, ?, ?)`,
      ).run(id, dossier.code, JSON.stringify(lines), total, method, request.returnUrl, ctx.now().toISOString());
    }
    ctx.db.prepare('INSERT INTO idempotency_keys (key, request_digest, payment_id, created_at) VALUES (?, ?, ?, ?)')
      .run(idempotencyKey, digest, id, ctx.now().toISOString());
    return id;
  });
  return { payment: await getPayment(ctx, paymentId), replayed: open !== undefined };
}

/**
 * A payment's state. While pending, the gateway is asked (the status query), so a payment whose
 * return redirect and notification were both lost is still recovered.
 */
export async function getPayment(ctx: SandboxContext, id: string): Promise<Payment> {
  let row = ctx.db.prepare('SELECT * FROM payments WHERE id = ?').get(id) as PaymentRow | undefined;
  if (!row) throw new ApiProblem(404, 'payment_not_found');
  if (row.state === 'pending' && row.gateway_outcome) {
    const outcome = JSON.parse(row.gateway_outcome) as GatewayOutcome;
    await settle(ctx, row, outcome);
    row = ctx.db.prepare('SELECT * FROM payments WHERE id = ?').get(id) as unknown as PaymentRow;
  }
  return toApi(ctx, row);
}

async function toApi(ctx: SandboxContext, row: PaymentRow): Promise<Payment> {
  const receipts = (ctx.db.prepare('SELECT number, kind, amount, issued_at FROM receipts WHERE payment_id = ? ORDER BY number').all(row.id) as
    { number: string; kind: Schemas['PaymentLineKind']; amount: number; issued_at: string }[])
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
async function gatewayUrl(ctx: SandboxContext, row: PaymentRow): Promise<string> {
  const params: Record<string, string> = {
    vnp_Version: '2.1.0',
    vnp_Command: 'pay',
    vnp_TxnRef: row.id,
    vnp_Amount: String(row.total * 100),
    vnp_CurrCode: 'VND',
    vnp_OrderInfo: `Thanh toan ho so ${row.dossier_code}`,
    vnp_ReturnUrl: row.return_url,
    vnp_CreateDate: gatewayDate(new Date(row.created_at)),
  };
  params['vnp_SecureHash'] = await signGatewayParams(params, ctx.gatewaySecret);
  return `${ctx.publicApiUrl}/_sandbox/gateway?${new URLSearchParams(params)}`;
}

/** `yyyyMMddHHmmss` in GMT+7, the gateway's date format. */
export function gatewayDate(instant: Date): string {
  return vnTime(instant.toISOString()).slice(0, 19).replace(/[-T:]/g, '');
}

/**
 * Applies a gateway outcome once. Paid only when the code is success and the amount matches; the
 * receipts are issued in the same transaction, so a repeat can never issue them twice.
 */
async function settle(ctx: SandboxContext, row: PaymentRow, outcome: GatewayOutcome): Promise<Acknowledgement> {
  if (SETTLED.has(row.state)) return { RspCode: '02', Message: 'Order already confirmed' };
  if (outcome.amount !== String(row.total * 100)) return { RspCode: '04', Message: 'Invalid amount' };
  const now = ctx.now().toISOString();
  transaction(ctx.db, () => {
    // Re-read inside the transaction: two notifications racing must not both settle.
    const current = ctx.db.prepare('SELECT state FROM payments WHERE id = ?').get(row.id) as { state: PaymentState };
    if (current.state !== 'pending') return;
    if (outcome.responseCode === SUCCESS) {
      ctx.db.prepare("UPDATE payments SET state = 'paid', paid_at = ?, gateway_outcome = ? WHERE id = ?")
        .run(now, JSON.stringify(outcome), row.id);
      issueReceipts(ctx, row, now);
    } else {
      const state: PaymentState = outcome.responseCode === CANCELLED ? 'cancelled' : 'failed';
      ctx.db.prepare('UPDATE payments SET state = ?, failure_code = ?, gateway_outcome = ? WHERE id = ?')
        .run(state, outcome.responseCode, JSON.stringify(outcome), row.id);
    }
  });
  return { RspCode: '00', Message: 'Confirm Success' };
}

/** One e-receipt per kind of line (charge / fee), numbered per year. */
function issueReceipts(ctx: SandboxContext, row: PaymentRow, issuedAt: string): void {
  const lines = JSON.parse(row.lines) as PaymentLine[];
  const year = vnTime(issuedAt).slice(0, 4);
  for (const kind of paymentLineKinds) {
    const amount = lines.filter((l) => l.kind === kind).reduce((sum, l) => sum + l.amount, 0);
    if (amount === 0) continue;
    const counterKey = `receipt-seq-${year}`;
    const last = ctx.db.prepare('SELECT value FROM meta WHERE key = ?').get(counterKey) as { value: string } | undefined;
    const next = Number(last?.value ?? 0) + 1;
    ctx.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(counterKey, String(next));
    ctx.db.prepare('INSERT INTO receipts (number, payment_id, kind, amount, issued_at) VALUES (?, ?, ?, ?, ?)')
      .run(`BL-${year}-${String(next).padStart(6, '0')}`, row.id, kind, amount, issuedAt);
  }
  // Paid: the dossier goes on being processed.
  ctx.db.prepare("UPDATE dossiers SET status = 'processing' WHERE code = ? AND status = 'payment-due'").run(row.dossier_code);
  ctx.db.prepare(`INSERT INTO dossier_history (dossier_code, at, unit, officer_title, action, status)
    VALUES (?, ?, 'Cổng thanh toán', 'Hệ thống', 'Đã thanh toán trực tuyến phí, lệ phí', 'processing')`).run(row.dossier_code, issuedAt);
}

/**
 * The gateway's server notification (IPN). Always answers with an acknowledgement code; never
 * confirms twice. Order of checks as the gateway documents: signature, order, amount, state.
 */
export async function handleNotification(ctx: SandboxContext, params: Record<string, string>): Promise<Acknowledgement> {
  if (!(await verifyGatewaySignature(params, ctx.gatewaySecret))) return { RspCode: '97', Message: 'Invalid signature' };
  const row = ctx.db.prepare('SELECT * FROM payments WHERE id = ?').get(params['vnp_TxnRef'] ?? '') as PaymentRow | undefined;
  if (!row) return { RspCode: '01', Message: 'Order not found' };
  return settle(ctx, row, {
    responseCode: params['vnp_ResponseCode'] ?? '99',
    transactionNo: params['vnp_TransactionNo'] ?? '',
    payDate: params['vnp_PayDate'] ?? '',
    amount: params['vnp_Amount'] ?? '',
  });
}

/** The simulated gateway records what the payer chose, so the status query can find it later. */
export function recordGatewayOutcome(ctx: SandboxContext, paymentId: string, outcome: GatewayOutcome): void {
  ctx.db.prepare("UPDATE payments SET gateway_outcome = ? WHERE id = ? AND state = 'pending'").run(JSON.stringify(outcome), paymentId);
}

export async function getReceiptBundle(ctx: SandboxContext, id: string): Promise<Schemas['ReceiptBundle']> {
  const payment = await getPayment(ctx, id);
  if (payment.state !== 'paid' || !payment.paidAt) throw new ApiProblem(409, 'payment_not_paid');
  const dossier = findDossier(ctx, payment.dossierCode);
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
