/**
 * What citizens do at once, spread over several server processes: search, look up a dossier, start
 * a payment (a double click, a second tab: the same dossier from several requests), and VNPay
 * confirming some payments (the sandbox's simulated merchant). Each simulated citizen has its own
 * loopback address (127.x.y.z) for a few requests, so the per-client rate limits count them as
 * the separate people they stand for, as they would in production.
 *
 * Shared by the multi-process test and `npm run bench`.
 */
import { Agent, request } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { randomBytes } from 'node:crypto';
import { SANDBOX_MERCHANT } from '../packages/server/src/payments/gateways/settings.ts';
import { vnpaySign } from '../packages/server/src/payments/providers/vnpay.ts';

export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  /** Parsed JSON when the answer is JSON, else the text. */
  body: unknown;
}

export interface RequestInit {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * An HTTP client with one source address and its own keep-alive connections: one citizen's
 * browser. Loopback only; `from` must be in 127.0.0.0/8 (Linux answers the whole range).
 */
export class Client {
  readonly from: string;
  readonly #agent: Agent;

  constructor(from = '127.0.0.1') {
    this.from = from;
    this.#agent = new Agent({ keepAlive: true, localAddress: from });
  }

  request(url: string, init: RequestInit = {}): Promise<Answer> {
    const target = new URL(url);
    if (!['127.0.0.1', 'localhost'].includes(target.hostname)) return Promise.reject(new Error('Loopback only.'));
    const payload = init.body === undefined ? undefined : JSON.stringify(init.body);
    return new Promise((resolve, reject) => {
      const req = request(target, {
        method: init.method ?? 'GET',
        agent: this.#agent,
        headers: {
          accept: 'application/json',
          ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) }),
          ...init.headers,
        },
        timeout: 15_000,
      }, (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          let body: unknown = text;
          if (/json/.test(String(res.headers['content-type'] ?? '')) && text !== '') {
            try {
              body = JSON.parse(text);
            } catch {
              // kept as text: the caller sees what came
            }
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        });
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(new Error(`${init.method ?? 'GET'} ${target.pathname}: no answer within 15 s`)));
      req.on('error', reject);
      req.end(payload);
    });
  }

  close(): void {
    this.#agent.destroy();
  }
}

/** Addresses 127.<a>.<b>.<c> from a counter, never 127.0.0.1 (kept for tests that want one client). */
export function loopbackAddress(n: number): string {
  const m = n + 2;
  return `127.${1 + ((m >> 16) & 0x7f)}.${(m >> 8) & 0xff}.${m & 0xff}`;
}

export const randomKey = () => randomBytes(16).toString('hex');

export interface PayableDossier {
  code: string;
  applicantId: string;
}

export const GATEWAY_RETURN_URL = 'http://localhost:8080/thanh-toan/ket-qua';

/** The gateway's signed notification (IPN) that a payment of `total` VND succeeded. */
/**
 * VNPay's notification that a payment was paid: the path and query of its GET, signed for the
 * sandbox's simulated merchant.
 */
export function paidNotification(paymentId: string, total: number): string {
  const params: Record<string, string> = {
    vnp_TmnCode: SANDBOX_MERCHANT.vnpay.tmnCode,
    vnp_TxnRef: paymentId,
    vnp_Amount: String(total * 100),
    vnp_ResponseCode: '00',
    vnp_TransactionStatus: '00',
    vnp_TransactionNo: String(Date.now() % 100_000_000),
    vnp_PayDate: '20260101120000',
  };
  return `/payments/gateways/vnpay/ipn?${new URLSearchParams({ ...params, vnp_SecureHash: vnpaySign(params, SANDBOX_MERCHANT.vnpay.hashSecret) })}`;
}

export type Operation = 'search' | 'lookup' | 'createPayment' | 'notify';

export interface MixedLoadOptions {
  /** API roots of the server processes; each request goes to one at random. */
  servers: string[];
  durationMs: number;
  /** Requests in flight at once. */
  concurrency: number;
  /** Dossiers in state payment-due, paid for during the load. */
  dossiers: PayableDossier[];
  queries: string[];
  /** Some payments are confirmed by VNPay's notification, at a random process (servers in sandbox mode). */
  notify?: boolean;
}

export interface MixedLoadResult {
  durationMs: number;
  requests: number;
  requestsPerSecond: number;
  /** Answers per operation and status. */
  answers: Record<Operation, Record<string, number>>;
  /** 5xx answers. */
  serverErrors: number;
  /** Requests that got no answer (refused, reset, timed out). */
  failures: number;
  /** Answers outside what the contract allows for the situation (429 included), the first 20. */
  unexpected: string[];
  unexpectedCount: number;
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

/**
 * Runs the mix for `durationMs` with `concurrency` requests in flight: about half searches, a
 * quarter lookups, a quarter payment creations (a new Idempotency-Key, or one this dossier's
 * citizen used before), and with a gateway secret one notification for about a tenth of the
 * payments created. Never throws for an answer: it counts.
 */
export async function runMixedLoad(options: MixedLoadOptions): Promise<MixedLoadResult> {
  const answers: MixedLoadResult['answers'] = { search: {}, lookup: {}, createPayment: {}, notify: {} };
  const unexpected: string[] = [];
  let unexpectedCount = 0;
  let requests = 0;
  let serverErrors = 0;
  let failures = 0;
  let citizens = 0;
  // Keys already used per dossier, so some payment requests are retries of an earlier one.
  const keysOf = new Map<string, string[]>();

  const record = (operation: Operation, answer: Answer | Error, expected: (a: Answer) => boolean) => {
    requests++;
    const status = answer instanceof Error ? 'no answer' : String(answer.status);
    answers[operation][status] = (answers[operation][status] ?? 0) + 1;
    if (answer instanceof Error) failures++;
    else if (answer.status >= 500) serverErrors++;
    if (answer instanceof Error || !expected(answer)) {
      unexpectedCount++;
      if (unexpected.length < 20) {
        unexpected.push(`${operation}: ${answer instanceof Error ? answer.message : `${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`}`);
      }
    }
  };
  const send = (client: Client, url: string, init?: RequestInit) => client.request(url, init).catch((error: Error) => error);

  const end = Date.now() + options.durationMs;
  const started = Date.now();
  const worker = async () => {
    while (Date.now() < end) {
      // One citizen: a fresh address, a few requests, well inside every per-client limit.
      const client = new Client(loopbackAddress(citizens++));
      try {
        for (let step = 0; step < 4 && Date.now() < end; step++) {
          const server = pick(options.servers);
          const roll = Math.random();
          if (roll < 0.5) {
            const answer = await send(client, `${server}/procedures?q=${encodeURIComponent(pick(options.queries))}`);
            record('search', answer, (a) => a.status === 200);
          } else if (roll < 0.75) {
            const dossier = pick(options.dossiers);
            const answer = await send(client, `${server}/dossiers/lookup`, { method: 'POST', body: { code: dossier.code, applicantId: dossier.applicantId } });
            record('lookup', answer, (a) => a.status === 200);
          } else {
            const dossier = pick(options.dossiers);
            const keys = keysOf.get(dossier.code) ?? [];
            keysOf.set(dossier.code, keys);
            const key = keys.length > 0 && Math.random() < 0.3 ? pick(keys) : randomKey();
            if (!keys.includes(key)) keys.push(key);
            const answer = await send(client, `${server}/payments`, {
              method: 'POST',
              headers: { 'idempotency-key': key },
              body: { dossierCode: dossier.code, applicantId: dossier.applicantId, returnUrl: GATEWAY_RETURN_URL },
            });
            // 409 once the dossier is paid (payment_already_paid) or no longer due.
            record('createPayment', answer, (a) => a.status === 201 || (a.status === 409 && ['payment_already_paid', 'payment_not_due'].includes((a.body as { code?: string }).code ?? '')));
            const payment = answer instanceof Error ? undefined : (answer.body as { id?: string; total?: number; state?: string });
            if (options.notify && payment?.id && payment.state === 'pending' && Math.random() < 0.1) {
              const notified = await send(client, `${pick(options.servers)}${paidNotification(payment.id, payment.total!)}`);
              // 00 confirmed; 02 already confirmed (or superseded meanwhile).
              record('notify', notified, (a) => a.status === 200 && ['00', '02'].includes((a.body as { RspCode?: string }).RspCode ?? ''));
            }
          }
        }
      } finally {
        client.close();
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const durationMs = Date.now() - started;
  return {
    durationMs,
    requests,
    requestsPerSecond: Math.round((requests / durationMs) * 1000),
    answers,
    serverErrors,
    failures,
    unexpected,
    unexpectedCount,
  };
}

/**
 * Dossiers paid more than once, holding more than one payment pending, or holding a payment still
 * pending beside a paid one (a second charge waiting to happen), read straight from the database
 * (`query` runs SQL on it): what the load must never leave behind.
 */
export async function doublePayments(query: (sql: string) => Promise<{ dossier_code: string; kind: string; n: number }[]>) {
  const rows = await query(`
    SELECT dossier_code, state AS kind, count(*) AS n FROM payments
      WHERE state IN ('pending', 'paid') GROUP BY dossier_code, state HAVING count(*) > 1
    UNION ALL
    SELECT dossier_code, 'pending beside paid' AS kind, count(*) AS n FROM payments p
      WHERE state = 'pending' AND EXISTS (SELECT 1 FROM payments q WHERE q.dossier_code = p.dossier_code AND q.state = 'paid')
      GROUP BY dossier_code
    ORDER BY dossier_code`);
  return rows.map((r) => ({ dossierCode: r.dossier_code, kind: r.kind, payments: Number(r.n) }));
}
