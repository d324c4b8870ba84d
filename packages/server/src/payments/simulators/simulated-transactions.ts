/** What a simulated gateway remembers of its transactions, in the sandbox's database. */
import { randomBytes } from 'node:crypto';
import type { Storage } from '../../storage/storage.ts';
import type { GatewayName } from '../gateways/gateway.ts';

export interface SimulatedTransaction {
  gateway: GatewayName;
  ref: string;
  /** Whole VND, as the order asked. */
  amount: number;
  page_token: string;
  /** The gateway's result code once the payer chose an outcome; null while open. */
  result_code: string | null;
  transaction_no: string | null;
  pay_date: string | null;
  /** JSON: what the gateway was told (return address, order text, IPN address…) and the IPN answers it got. */
  details: string;
  created_at: string;
}

export function findTransaction(storage: Storage, gateway: GatewayName, ref: string): Promise<SimulatedTransaction | undefined> {
  return storage.one<SimulatedTransaction>('SELECT * FROM sandbox_gateway_transactions WHERE gateway = ? AND ref = ?', [gateway, ref]);
}

export function findByPageToken(storage: Storage, token: unknown): Promise<SimulatedTransaction | undefined> {
  if (typeof token !== 'string' || token === '') return Promise.resolve(undefined);
  return storage.one<SimulatedTransaction>('SELECT * FROM sandbox_gateway_transactions WHERE page_token = ?', [token]);
}

/** Opens a transaction; false when the gateway already has one with this reference. */
export async function openTransaction(
  storage: Storage, gateway: GatewayName, ref: string, amount: number, details: object, now: Date,
): Promise<boolean> {
  return (await storage.run(`INSERT INTO sandbox_gateway_transactions (gateway, ref, amount, page_token, details, created_at)
    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  [gateway, ref, amount, randomBytes(18).toString('base64url'), JSON.stringify(details), now.toISOString()])) === 1;
}

/** Records the payer's outcome once; false when the transaction was already completed. */
export async function completeTransaction(
  storage: Storage, transaction: SimulatedTransaction, outcome: { resultCode: string; transactionNo: string; payDate: string; amount: number },
): Promise<boolean> {
  return (await storage.run(`UPDATE sandbox_gateway_transactions SET result_code = ?, transaction_no = ?, pay_date = ?, amount = ?
    WHERE gateway = ? AND ref = ? AND result_code IS NULL`,
  [outcome.resultCode, outcome.transactionNo, outcome.payDate, outcome.amount, transaction.gateway, transaction.ref])) === 1;
}

/** Keeps what the merchant's server answered to a notification, for a tester to read. */
export async function recordNotificationAnswer(storage: Storage, gateway: GatewayName, ref: string, answer: string): Promise<void> {
  await storage.transaction(async (tx) => {
    const row = await tx.one<{ details: string }>('SELECT details FROM sandbox_gateway_transactions WHERE gateway = ? AND ref = ?', [gateway, ref]);
    if (!row) return;
    const details = JSON.parse(row.details) as { notificationAnswers?: string[] };
    details.notificationAnswers = [...details.notificationAnswers ?? [], answer];
    await tx.run('UPDATE sandbox_gateway_transactions SET details = ? WHERE gateway = ? AND ref = ?', [JSON.stringify(details), gateway, ref]);
  });
}

/** False when the gateway saw this request id today already (VNPay answers 94, MoMo 40). */
export async function firstRequestToday(storage: Storage, gateway: GatewayName, requestId: string, day: string): Promise<boolean> {
  return (await storage.run('INSERT INTO sandbox_gateway_requests (gateway, request_id, day) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    [gateway, requestId, day])) === 1;
}

/** A gateway's transaction number: digits, as both gateways write them. */
export function newTransactionNo(): string {
  return String(10_000_000 + (randomBytes(4).readUInt32BE() % 90_000_000));
}
