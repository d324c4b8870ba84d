import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { startPostgres } from './support/postgres-cluster.ts';
import type { PostgresCluster } from './support/postgres-cluster.ts';
import { startServerProcess } from './support/server-process.ts';
import type { ServerProcess } from './support/server-process.ts';
import { DEMO } from './support/sandbox.ts';
import { DEFAULT_RATE_LIMITS } from '../src/config.ts';
import { SANDBOX_MERCHANT } from '../src/payments/gateways/settings.ts';
import { momoIpnSignature } from '../src/payments/providers/momo.ts';
import { demoDossiers } from '../src/seed/demo-dossiers.ts';
import { typingSequences } from '../../../bench/queries.ts';
import { Client, doublePayments, GATEWAY_RETURN_URL, paidNotification, randomKey, runMixedLoad } from '../../../bench/mixed-load.ts';
import type { Answer, PayableDossier } from '../../../bench/mixed-load.ts';

/**
 * Two server processes, started by the CLI at the same moment on one empty PostgreSQL database, as
 * behind a load balancer: whatever one process does, the other must agree with, and every race
 * between them (the same click at both, the same gateway notification at both) is settled once.
 *
 * Always on PostgreSQL (its own throwaway cluster), whichever engine the other tests run on: the
 * several-processes case exists only there.
 */

const ROUNDS = 20;
/** The criminal-record procedure of the seed, with a charge and a fee: two receipts when paid. */
const PROCEDURE = '3.000333';
const FEES = [
  { kind: 'charge', description: 'Phí cung cấp thông tin lý lịch tư pháp', amount: 200_000 },
  { kind: 'fee', description: 'Lệ phí cấp bản sao Phiếu lý lịch tư pháp', amount: 10_000 },
] as const;
const TOTAL = 210_000;

type Payment = { id: string; state: string; total: number; receipts: { number: string; kind: string }[] };

const body = <T>(answer: Answer) => answer.body as T;
const describeAnswer = (answer: Answer) => `${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`;

describe('two server processes on one PostgreSQL', { timeout: 120_000 }, () => {
  let cluster: PostgresCluster;
  let db: pg.Pool;
  let a: ServerProcess;
  let b: ServerProcess;
  // Every request group below comes from its own loopback address (a citizen of its own), so the
  // per-client rate limits only bite where a test means them to; 127.0.0.1 is the rate-limit test's.
  let nextHost = 2;
  const citizen = () => new Client(`127.0.0.${nextHost++}`);
  // Dossier codes made here, apart from the demo ones: <agency>-300101-NNNN.
  let nextDossier = 1;

  const sql = async <T>(text: string, values: unknown[] = []) => (await db.query(text, values)).rows as T[];
  const count = async (text: string, values: unknown[] = []) => Number((await sql<{ n: string }>(text, values))[0]!.n);

  /** A new dossier in state payment-due, owing a charge and a fee, made through A's test controls. */
  async function payableDossier(client: Client): Promise<PayableDossier> {
    const n = nextDossier++;
    const dossier = { code: `000.00.15.H26-300101-${String(n).padStart(4, '0')}`, applicantId: String(880000000000 + n) };
    const made = await client.request(`${a.baseUrl}/_sandbox/dossiers`, {
      method: 'POST',
      body: { ...dossier, procedureCode: PROCEDURE, status: 'payment-due', fees: FEES },
    });
    assert.equal(made.status, 201, describeAnswer(made));
    return dossier;
  }

  const createPayment = (client: Client, server: ServerProcess, dossier: PayableDossier, key: string) =>
    client.request(`${server.baseUrl}/payments`, {
      method: 'POST',
      headers: { 'idempotency-key': key },
      body: { dossierCode: dossier.code, applicantId: dossier.applicantId, returnUrl: GATEWAY_RETURN_URL },
    });

  before(async () => {
    cluster = await startPostgres();
    const url = await cluster.createDatabase('multi_process');
    db = new pg.Pool({ connectionString: url, max: 2 });
    // At the same moment, on the empty database: both migrate and seed, under the storage's locks.
    [a, b] = await Promise.all([startServerProcess({ databaseUrl: url }), startServerProcess({ databaseUrl: url })]);
  });

  after(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.end();
    await cluster?.stop();
  });

  test('both come up on the empty database, which is migrated and seeded once', async () => {
    const client = citizen();
    try {
      const [healthA, healthB] = await Promise.all([client.request(`${a.baseUrl}/health`), client.request(`${b.baseUrl}/health`)]);
      assert.equal(healthA.status, 200);
      assert.equal(healthB.status, 200);
      const procedures = body<{ procedures: number }>(healthA).procedures;
      assert.ok(procedures > 0);
      assert.equal(body<{ procedures: number }>(healthB).procedures, procedures);
      assert.equal(await count('SELECT count(*) AS n FROM procedures'), procedures);
      assert.equal(await count('SELECT count(*) AS n FROM dossiers'), demoDossiers(new Date()).length, 'the demo dossiers, once');
      assert.equal(await count('SELECT count(*) - count(DISTINCT version) AS n FROM schema_migrations'), 0);

      for (const server of [a, b]) {
        const found = await client.request(`${server.baseUrl}/dossiers/lookup`, { method: 'POST', body: DEMO.paymentDue });
        assert.equal(found.status, 200, describeAnswer(found));
        assert.equal(body<{ code: string }>(found).code, DEMO.paymentDue.code);
      }
    } finally {
      client.close();
    }
  });

  test('the same payment with the same Idempotency-Key at both at once is made once', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const client = citizen();
      try {
        const dossier = await payableDossier(client);
        const key = randomKey();
        const answers = await Promise.all([createPayment(client, a, dossier, key), createPayment(client, b, dossier, key)]);
        for (const answer of answers) assert.equal(answer.status, 201, describeAnswer(answer));
        const [first, second] = answers.map((answer) => body<Payment>(answer));
        assert.equal(first!.id, second!.id, 'both answers carry the one payment');
        assert.deepEqual(answers.map((answer) => answer.headers['idempotent-replayed']).sort(), ['false', 'true'], 'one made it, the other found it');
        assert.equal(await count('SELECT count(*) AS n FROM payments WHERE dossier_code = $1', [dossier.code]), 1);
      } finally {
        client.close();
      }
    }
  });

  test('two different Idempotency-Keys for one dossier at both at once still make one pending payment', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const client = citizen();
      try {
        const dossier = await payableDossier(client);
        const answers = await Promise.all([createPayment(client, a, dossier, randomKey()), createPayment(client, b, dossier, randomKey())]);
        for (const answer of answers) assert.equal(answer.status, 201, describeAnswer(answer));
        assert.equal(body<Payment>(answers[0]!).id, body<Payment>(answers[1]!).id, 'the second tab is sent to the same payment');
        assert.equal(await count("SELECT count(*) AS n FROM payments WHERE dossier_code = $1 AND state = 'pending'", [dossier.code]), 1);
        assert.equal(await count('SELECT count(*) AS n FROM payments WHERE dossier_code = $1', [dossier.code]), 1);
      } finally {
        client.close();
      }
    }
  });

  test('the same gateway notification at both at once pays once, with one set of receipts', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const client = citizen();
      try {
        const dossier = await payableDossier(client);
        const created = await createPayment(client, a, dossier, randomKey());
        assert.equal(created.status, 201, describeAnswer(created));
        const payment = body<Payment>(created);
        assert.equal(payment.total, TOTAL);
        const notification = paidNotification(payment.id, payment.total);

        const answers = await Promise.all([a, b].map((server) => client.request(`${server.baseUrl}${notification}`)));
        for (const answer of answers) assert.equal(answer.status, 200, describeAnswer(answer));
        assert.deepEqual(answers.map((answer) => body<{ RspCode: string }>(answer).RspCode).sort(), ['00', '02'], 'confirmed once, acknowledged once');

        const paid = await client.request(`${b.baseUrl}/payments/${payment.id}`);
        assert.equal(body<Payment>(paid).state, 'paid');
        assert.deepEqual(body<Payment>(paid).receipts.map((r) => r.kind).sort(), ['charge', 'fee'], 'one receipt per fee kind');
        assert.equal(await count('SELECT count(*) AS n FROM receipts WHERE payment_id = $1', [payment.id]), 2);
        assert.equal(await count("SELECT count(*) AS n FROM dossier_history WHERE dossier_code = $1 AND unit = 'Cổng thanh toán'", [dossier.code]), 1,
          'one "paid" step in the dossier history');
      } finally {
        client.close();
      }
    }
    // Receipt numbers come from one counter: no number was issued twice, none skipped.
    const numbers = (await sql<{ number: string }>('SELECT number FROM receipts ORDER BY number')).map((r) => Number(r.number.slice(-6)));
    assert.equal(numbers.length, 2 * ROUNDS);
    assert.deepEqual(numbers, numbers.map((_, i) => i + 1));
  });

  test('the same MoMo notification at both at once pays once, with one set of receipts', async () => {
    for (let round = 0; round < ROUNDS / 4; round++) {
      const client = citizen();
      try {
        const dossier = await payableDossier(client);
        const created = await client.request(`${a.baseUrl}/payments`, {
          method: 'POST',
          headers: { 'idempotency-key': randomKey() },
          body: { dossierCode: dossier.code, applicantId: dossier.applicantId, returnUrl: GATEWAY_RETURN_URL, method: 'e-wallet' },
        });
        assert.equal(created.status, 201, describeAnswer(created));
        const payment = body<Payment>(created);
        const ipn = {
          partnerCode: SANDBOX_MERCHANT.momo.partnerCode, orderId: payment.id, requestId: randomKey(), amount: payment.total,
          orderInfo: 'Thanh toán', orderType: 'momo_wallet', transId: 4_000_000 + round, resultCode: 0, message: 'Thành công.',
          payType: 'qr', responseTime: Date.now(), extraData: '',
        };
        const signed = { ...ipn, signature: momoIpnSignature(ipn, SANDBOX_MERCHANT.momo.accessKey, SANDBOX_MERCHANT.momo.secretKey) };
        const answers = await Promise.all([a, b].map((server) =>
          client.request(`${server.baseUrl}/payments/gateways/momo/ipn`, { method: 'POST', body: signed })));
        assert.deepEqual(answers.map((answer) => answer.status), [204, 204]);
        assert.equal(body<Payment>(await client.request(`${b.baseUrl}/payments/${payment.id}`)).state, 'paid');
        assert.equal(await count('SELECT count(*) AS n FROM receipts WHERE payment_id = $1', [payment.id]), 2);
      } finally {
        client.close();
      }
    }
  });

  test('a notification at one process while the other opens a payment: never a second payment beside the paid one', async () => {
    for (let round = 0; round < 2 * ROUNDS; round++) {
      const client = citizen();
      try {
        const dossier = await payableDossier(client);
        const created = await createPayment(client, a, dossier, randomKey());
        const payment = body<Payment>(created);
        const notification = paidNotification(payment.id, payment.total);
        // The citizen, in a second tab, pays again (a new key) as the gateway's notification lands.
        const [notified, again] = await Promise.all([
          client.request(`${a.baseUrl}${notification}`),
          createPayment(client, b, dossier, randomKey()),
        ]);
        assert.equal(body<{ RspCode: string }>(notified).RspCode, '00');
        if (again.status === 201) assert.equal(body<Payment>(again).id, payment.id, 'before the payment: the same one');
        else assert.equal(body<{ code: string }>(again).code, 'payment_already_paid', describeAnswer(again));
        assert.equal(await count('SELECT count(*) AS n FROM payments WHERE dossier_code = $1', [dossier.code]), 1, `round ${round}`);
      } finally {
        client.close();
      }
    }
  });

  test('the same evaluation with the same Idempotency-Key at both at once: one receipt for both, stored once', async () => {
    const answers = { contacts: 2, agencies: 2, 'one-stop': 2, attitude: 2, overall: 1 };
    for (let round = 0; round < ROUNDS; round++) {
      const client = citizen();
      try {
        const n = nextDossier++;
        const dossier = { code: `000.00.15.H26-300101-${String(n).padStart(4, '0')}`, applicantId: String(880000000000 + n) };
        const made = await client.request(`${a.baseUrl}/_sandbox/dossiers`, {
          method: 'POST', body: { ...dossier, procedureCode: PROCEDURE, status: 'decided' },
        });
        assert.equal(made.status, 201, describeAnswer(made));
        const key = randomKey();
        const send = (server: ServerProcess) => client.request(`${server.baseUrl}/surveys/responses`, {
          method: 'POST', headers: { 'idempotency-key': key },
          body: { formId: 'one-stop-evaluation', formVersion: 1, dossierCode: dossier.code, applicantId: dossier.applicantId, answers },
        });
        const [first, second] = await Promise.all([send(a), send(b)]);
        for (const answer of [first!, second!]) assert.equal(answer.status, 201, describeAnswer(answer));
        assert.deepEqual(body(first!), body(second!), 'one receipt');
        assert.equal(await count('SELECT count(*) AS n FROM survey_responses WHERE dossier_code = $1', [dossier.code]), 1);
      } finally {
        client.close();
      }
    }
  });

  test('the lookup rate limit of a client counts its requests at both processes', async () => {
    const limit = DEFAULT_RATE_LIMITS['lookupDossier']!;
    assert.equal(limit.max, 10, 'the CLI serves the default limits');
    // Windows are aligned on the clock: the 11 lookups must fall in one of them.
    const left = limit.windowMs - (Date.now() % limit.windowMs);
    if (left < 5_000) await new Promise((resolve) => setTimeout(resolve, left + 100));

    const client = new Client('127.0.0.1');
    try {
      const lookup = (server: ServerProcess) => client.request(`${server.baseUrl}/dossiers/lookup`, { method: 'POST', body: DEMO.processing });
      for (let i = 0; i < 6; i++) assert.equal((await lookup(a)).status, 200, `lookup ${i + 1} at A`);
      for (let i = 0; i < 4; i++) assert.equal((await lookup(b)).status, 200, `lookup ${i + 7} at B`);
      const eleventh = await lookup(b);
      assert.equal(eleventh.status, 429, describeAnswer(eleventh));
      assert.equal(body<{ code: string }>(eleventh).code, 'rate_limited');
      const wait = Number(eleventh.headers['retry-after']);
      assert.ok(Number.isInteger(wait) && wait >= 1 && wait <= 60, `retry-after: ${eleventh.headers['retry-after']}`);
      assert.equal((await lookup(a)).status, 429, 'A counts what B counted');
    } finally {
      client.close();
    }
  });

  test('a procedure added through one process is found by a search at the other within 1.5 s', async (t) => {
    const client = citizen();
    try {
      const search = async (server: ServerProcess) =>
        body<{ total: number; items: { code: string }[] }>(await client.request(`${server.baseUrl}/procedures?q=quokkavn`));
      // B has its index built, and nothing matches yet.
      assert.equal((await search(b)).total, 0);

      const added = await client.request(`${a.baseUrl}/_sandbox/procedures`, {
        method: 'POST',
        body: { code: '9.900001', name: 'Thủ tục thử nghiệm Quokkavn đa tiến trình', field: { code: 'G99-TEST', name: 'Thử nghiệm' } },
      });
      assert.equal(added.status, 201, describeAnswer(added));
      const changed = Date.now();
      assert.equal((await search(a)).items[0]?.code, '9.900001', 'the process that changed it sees it at once');

      let elapsed = Number.POSITIVE_INFINITY;
      while (Date.now() - changed < 5_000) {
        if ((await search(b)).items[0]?.code === '9.900001') {
          elapsed = Date.now() - changed;
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      t.diagnostic(`found at B after ${elapsed} ms`);
      assert.ok(elapsed <= 1_500, `found at B after ${elapsed} ms`);
    } finally {
      client.close();
    }
  });

  test('mixed load on both processes: no server error, no double payment', async (t) => {
    const client = citizen();
    const dossiers: PayableDossier[] = [];
    try {
      for (let i = 0; i < 30; i++) dossiers.push(await payableDossier(client));
    } finally {
      client.close();
    }
    const names = (await sql<{ name: string }>('SELECT name FROM procedures ORDER BY code')).map((r) => r.name);
    const queries = typingSequences(names).flat();

    // Some payments are confirmed by the gateway's notification, at either process, while others
    // are being opened: the race a paid dossier must survive.
    const result = await runMixedLoad({
      servers: [a.baseUrl, b.baseUrl], durationMs: 4_000, concurrency: 8, dossiers, queries, notify: true,
    });
    t.diagnostic(`${result.requests} requests (${result.requestsPerSecond}/s): ${JSON.stringify(result.answers)}`);
    assert.equal(result.serverErrors, 0, result.unexpected.join('\n'));
    assert.equal(result.failures, 0, result.unexpected.join('\n'));
    assert.equal(result.unexpectedCount, 0, result.unexpected.join('\n'));
    assert.ok(result.requests >= 100, `only ${result.requests} requests in 4 s`);
    assert.ok((result.answers.createPayment['201'] ?? 0) > 0, 'payments were made');

    assert.deepEqual(await doublePayments((text) => sql(text)), []);
    // Nothing is superseded, and nothing is opened once paid: one payment row per dossier at most.
    assert.deepEqual(await sql('SELECT dossier_code FROM payments GROUP BY dossier_code HAVING count(*) > 1'), []);
  });

  test('both stop gracefully, having logged no server error', async () => {
    const [codeA, codeB] = await Promise.all([a.stop(), b.stop()]);
    assert.equal(codeA, 0, a.logs().slice(-2_000));
    assert.equal(codeB, 0, b.logs().slice(-2_000));
    for (const [name, server] of [['A', a], ['B', b]] as const) {
      const lines = server.logs().split('\n').filter((line) => line.startsWith('{'));
      assert.ok(lines.length > 100, `${name} logged its requests`);
      const failed = lines.filter((line) => {
        const entry = JSON.parse(line) as { level?: number; res?: { statusCode?: number } };
        return (entry.level ?? 0) >= 50 || (entry.res?.statusCode ?? 0) >= 500;
      });
      assert.deepEqual(failed, [], `${name} logged errors`);
    }
  });
});
