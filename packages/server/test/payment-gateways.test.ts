/**
 * Payments end to end through each gateway as it is published: the server opens a payment, the
 * payer acts on the sandbox's VNPay or MoMo simulator (which speaks the gateway's protocol over
 * HTTP), the gateway notifies this server (VNPay a GET, MoMo a JSON POST) or is asked (status
 * query), and only then is the payment paid, with its receipts, once. Every scenario runs for both.
 */
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { startSandbox, DEMO } from './support/sandbox.ts';
import { createTestSandbox } from './support/test-database.ts';
import { payAtGateway } from './support/gateway-driver.ts';
import { SANDBOX_MERCHANT } from '../src/payments/gateways/settings.ts';
import { keyedDigest } from '../src/dossiers/applicant-digest.ts';
import { vnpayVerify } from '../src/payments/providers/vnpay.ts';
import { momoIpnSignature } from '../src/payments/providers/momo.ts';
import { reconcilePayments } from '../src/payments/reconcile.ts';
import { paymentReport } from '../src/reports/payment-report.ts';
import { LATE_NOTIFICATION_MS, TAMPER_VND } from '../src/payments/simulators/scenarios.ts';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;
interface Payment { id: string; state: string; total: number; redirectUrl: string | null; failureCode: string | null; receipts: { number: string }[] }

const PORTAL_RETURN = 'http://localhost:8080/ho-so?tab=pay';

const GATEWAYS = [
  { name: 'vnpay', method: 'bank-qr', acknowledged: '200 {"RspCode":"00","Message":"Confirm Success"}', repeated: '200 {"RspCode":"02","Message":"Order already confirmed"}', forged: '200 {"RspCode":"97","Message":"Invalid signature"}', tampered: '200 {"RspCode":"04","Message":"Invalid amount"}' },
  { name: 'momo', method: 'e-wallet', acknowledged: '204', repeated: '204', forged: '204', tampered: '204' },
] as const;

for (const gateway of GATEWAYS) {
  describe(`${gateway.name}: payer → simulated gateway → notification or status query → paid → receipts`, () => {
    let sandbox: Sandbox;
    let keys = 0;
    before(async () => { sandbox = await startSandbox({ reconcileEveryMs: 0 }); });
    after(() => sandbox.close());
    beforeEach(async () => { await fetch(`${sandbox.baseUrl}/_sandbox/reset`, { method: 'POST' }); });

    const api = (path: string, init?: RequestInit) => fetch(`${sandbox.baseUrl}${path}`, init);
    async function open(dossier: { code: string; applicantId: string } = DEMO.paymentDue): Promise<Payment> {
      const res = await api('/payments', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': `gateway-test-${gateway.name}-${++keys}-0000000` },
        body: JSON.stringify({ dossierCode: dossier.code, applicantId: dossier.applicantId, returnUrl: PORTAL_RETURN, method: gateway.method, language: 'vi' }),
      });
      assert.equal(res.status, 201, await res.clone().text());
      const payment = await res.json() as Payment;
      assert.equal(payment.state, 'pending');
      assert.ok(payment.redirectUrl);
      return payment;
    }
    /** The payment as stored, without asking the gateway (GET /payments/{id} would). */
    const stored = async (id: string) => (await sandbox.context.storage.one<{ state: string; failure_code: string | null; gateway_outcome: string | null }>(
      'SELECT state, failure_code, gateway_outcome FROM payments WHERE id = ?', [id]))!;
    const receipts = async (id: string) => (await sandbox.context.storage.all('SELECT number FROM receipts WHERE payment_id = ?', [id])).length;
    const answers = async (id: string) => {
      const row = await sandbox.context.storage.one<{ details: string }>('SELECT details FROM sandbox_gateway_transactions WHERE gateway = ? AND ref = ?', [gateway.name, id]);
      return (JSON.parse(row!.details) as { notificationAnswers?: string[] }).notificationAnswers ?? [];
    };

    test('success: the notification pays it before the payer is back; the return is signed, display-only, without the identity number', async () => {
      const payment = await open(DEMO.paymentDueTwoKinds);
      if (gateway.name === 'vnpay') {
        const url = new URL(payment.redirectUrl!);
        assert.equal(url.searchParams.get('vnp_Amount'), String(210_000 * 100));
        assert.equal(url.searchParams.get('vnp_Locale'), 'vn');
        assert.equal(url.searchParams.get('vnp_OrderInfo'), `Thanh toan ho so ${DEMO.paymentDueTwoKinds.code}`);
        assert.match(url.searchParams.get('vnp_ExpireDate')!, /^\d{14}$/);
      }
      const res = await payAtGateway(payment.redirectUrl!, 'success');
      assert.equal(res.status, 303);
      assert.equal((await stored(payment.id)).state, 'paid', 'paid by the notification, before the payer is back');
      assert.equal(await receipts(payment.id), 2, 'one receipt per fee kind');
      assert.deepEqual(await answers(payment.id), [gateway.acknowledged]);

      const back = new URL(res.headers.get('location')!);
      assert.equal(back.origin + back.pathname, 'http://localhost:8080/ho-so');
      assert.equal(back.searchParams.get('tab'), 'pay');
      assert.equal(back.search.includes(DEMO.paymentDueTwoKinds.applicantId), false);
      const params = Object.fromEntries(back.searchParams);
      if (gateway.name === 'vnpay') {
        assert.equal(vnpayVerify(params, SANDBOX_MERCHANT.vnpay.hashSecret), true);
        assert.equal(params['vnp_TxnRef'], payment.id);
      } else {
        assert.equal(params['signature'], momoIpnSignature(params, SANDBOX_MERCHANT.momo.accessKey, SANDBOX_MERCHANT.momo.secretKey));
        assert.equal(params['orderId'], payment.id);
      }
      const api = await (await fetch(`${sandbox.baseUrl}/payments/${payment.id}`)).json() as Payment;
      assert.equal(api.state, 'paid');
      assert.equal(api.receipts.length, 2);
    });

    test('return first, notification after: pending when the payer is back, paid by the late notification', async () => {
      const payment = await open();
      const res = await payAtGateway(payment.redirectUrl!, 'return-first');
      assert.equal(res.status, 303);
      assert.equal((await stored(payment.id)).state, 'pending', 'the return alone marks nothing paid');
      await sleep(LATE_NOTIFICATION_MS + 1_000);
      const settled = await stored(payment.id);
      assert.equal(settled.state, 'paid');
      assert.equal(JSON.parse(settled.gateway_outcome!).via, 'ipn');
      assert.equal(await receipts(payment.id), 1);
    });

    test('failure and cancel: nothing is paid; the reason is kept in the code the widgets explain', async () => {
      const failed = await open();
      await payAtGateway(failed.redirectUrl!, 'failure');
      assert.deepEqual({ ...(await stored(failed.id)), gateway_outcome: undefined }, { state: 'failed', failure_code: '51', gateway_outcome: undefined });
      assert.equal(await receipts(failed.id), 0);
      const cancelled = await open();
      await payAtGateway(cancelled.redirectUrl!, 'cancel');
      assert.deepEqual({ ...(await stored(cancelled.id)), gateway_outcome: undefined }, { state: 'cancelled', failure_code: '24', gateway_outcome: undefined });
    });

    test('notification lost: pending when the payer is back; the status query pays it, receipts once', async () => {
      const payment = await open();
      assert.equal((await payAtGateway(payment.redirectUrl!, 'ipn-lost')).status, 303);
      assert.deepEqual(await answers(payment.id), []);
      assert.equal((await stored(payment.id)).state, 'pending');
      const polled = await (await fetch(`${sandbox.baseUrl}/payments/${payment.id}`)).json() as Payment;
      assert.equal(polled.state, 'paid');
      assert.equal(JSON.parse((await stored(payment.id)).gateway_outcome!).via, 'query');
      assert.equal(polled.receipts.length, 1);
      const again = await (await fetch(`${sandbox.baseUrl}/payments/${payment.id}`)).json() as Payment;
      assert.deepEqual(again.receipts, polled.receipts);
    });

    test('return lost: the notification paid it; the gateway tells the payer to go back and check', async () => {
      const payment = await open();
      const res = await payAtGateway(payment.redirectUrl!, 'return-lost');
      assert.equal(res.status, 200);
      assert.match(await res.text(), /Đã thanh toán/);
      assert.equal((await stored(payment.id)).state, 'paid');
    });

    test('notification repeated: confirmed once, receipts once', async () => {
      const payment = await open();
      await payAtGateway(payment.redirectUrl!, 'ipn-repeated');
      assert.deepEqual(await answers(payment.id), [gateway.acknowledged, gateway.repeated]);
      assert.equal((await stored(payment.id)).state, 'paid');
      assert.equal(await receipts(payment.id), 1);
    });

    test('notification forged: refused (VNPay 97; MoMo 204 and nothing done); the genuine one (cancelled) is what counts', async () => {
      const payment = await open();
      await payAtGateway(payment.redirectUrl!, 'ipn-forged');
      assert.deepEqual(await answers(payment.id), [gateway.forged, gateway.acknowledged]);
      assert.equal((await stored(payment.id)).state, 'cancelled');
      assert.equal(await receipts(payment.id), 0);
    });

    test('amount tampered: a notification for another amount pays nothing, nor does the status query', async () => {
      const payment = await open();
      await payAtGateway(payment.redirectUrl!, 'amount-tampered');
      assert.deepEqual(await answers(payment.id), [gateway.tampered]);
      assert.equal((await stored(payment.id)).state, 'pending');
      const polled = await (await fetch(`${sandbox.baseUrl}/payments/${payment.id}`)).json() as Payment;
      assert.equal(polled.state, 'pending', `paid ${payment.total - TAMPER_VND} VND at the gateway is not ${payment.total}`);
      assert.equal(await receipts(payment.id), 0);

      // Never stuck: once its window has passed, the payer can open a new payment…
      await sandbox.context.storage.run("UPDATE payments SET expires_at = ?, checked_at = NULL WHERE id = ?", [new Date(Date.now() - 60_000).toISOString(), payment.id]);
      const next = await open();
      assert.notEqual(next.id, payment.id);
      assert.deepEqual({ ...(await stored(payment.id)), gateway_outcome: undefined }, { state: 'cancelled', failure_code: 'superseded', gateway_outcome: undefined });
      // …and a payment the gateway never answers for in a trusted way is closed for staff after a day.
      await payAtGateway(next.redirectUrl!, 'amount-tampered');
      assert.equal((await reconcilePayments(sandbox.context, { olderThanMs: 0 })).unanswered, 1);
      await sandbox.context.storage.run("UPDATE payments SET expires_at = '2000-01-01T00:00:00.000Z', checked_at = NULL WHERE id = ?", [next.id]);
      assert.equal((await reconcilePayments(sandbox.context, { olderThanMs: 0 })).settled, 1);
      assert.deepEqual({ ...(await stored(next.id)), gateway_outcome: undefined }, { state: 'failed', failure_code: 'unverified', gateway_outcome: undefined });
      assert.equal(await receipts(next.id), 0);
    });

    test('reconciliation settles a payment whose notification was lost and whose payer never came back', async () => {
      const payment = await open();
      await payAtGateway(payment.redirectUrl!, 'ipn-lost');
      const young = await reconcilePayments(sandbox.context, { olderThanMs: 60_000 });
      assert.equal(young.checked, 0, 'not yet old enough');
      const run = await reconcilePayments(sandbox.context, { olderThanMs: 0 });
      assert.deepEqual(run, { checked: 1, settled: 1, stillPending: 0, unanswered: 0, noGateway: 0, closedChecked: 0, refundsDue: 0, closedUnanswered: 0 });
      assert.equal((await stored(payment.id)).state, 'paid');
      assert.equal(await receipts(payment.id), 1);
      assert.equal((await reconcilePayments(sandbox.context, { olderThanMs: 0 })).checked, 0);
    });

    test('paid, notification lost, then another method or the same after its window: the gateway is asked first, the paid one is seen, no second charge', async () => {
      const other = GATEWAYS.find((candidate) => candidate !== gateway)!;
      const request = (method: string, key: string) => api('/payments', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': `gateway-test-${gateway.name}-${key}-0000000` },
        body: JSON.stringify({ dossierCode: DEMO.paymentDue.code, applicantId: DEMO.paymentDue.applicantId, returnUrl: PORTAL_RETURN, method, language: 'vi' }),
      });
      // Another method, in a second tab.
      const paid = await open();
      assert.equal((await payAtGateway(paid.redirectUrl!, 'ipn-lost')).status, 303);
      const switched = await request(other.method, 'switch');
      assert.equal(switched.status, 409, await switched.clone().text());
      assert.equal((await switched.json() as { code: string }).code, 'payment_already_paid');
      assert.equal((await stored(paid.id)).state, 'paid');
      assert.equal(await receipts(paid.id), 1);

      // The same method once the pay window has passed (the notification still on its way).
      await fetch(`${sandbox.baseUrl}/_sandbox/reset`, { method: 'POST' });
      const late = await open();
      assert.equal((await payAtGateway(late.redirectUrl!, 'ipn-lost')).status, 303);
      await sandbox.context.storage.run('UPDATE payments SET expires_at = ? WHERE id = ?', [new Date(Date.now() - 60_000).toISOString(), late.id]);
      const again = await request(gateway.method, 'after-window');
      assert.equal(again.status, 409, await again.clone().text());
      assert.equal((await stored(late.id)).state, 'paid');
      assert.equal((await sandbox.context.storage.all("SELECT id FROM payments WHERE dossier_code = ? AND state = 'pending'", [DEMO.paymentDue.code])).length, 0);
    });

    /** The one-stop system revises the fees: the open payment is closed here, its gateway not told. */
    async function reviseFees(): Promise<void> {
      const res = await api(`/_sandbox/dossiers/${DEMO.paymentDue.code}/status`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ status: 'payment-due', fees: [{ kind: 'charge', description: 'Phí (điều chỉnh)', amount: 250_000 }] }),
      });
      assert.equal(res.status, 200, await res.clone().text());
    }
    const closeWindow = (id: string, at: string) => sandbox.context.storage.run('UPDATE payments SET expires_at = ?, checked_at = NULL WHERE id = ?', [at, id]);
    const refundDue = async (id: string) => (await sandbox.context.storage.one<{ refund_due: string | null }>('SELECT refund_due FROM payments WHERE id = ?', [id]))!.refund_due;

    test('closed when the fees changed, paid at the gateway all the same, notification lost: reconciliation asks once the window has closed and marks it to refund', async () => {
      const payment = await open();
      await reviseFees();
      assert.deepEqual({ ...(await stored(payment.id)), gateway_outcome: undefined }, { state: 'cancelled', failure_code: 'superseded', gateway_outcome: undefined });
      // The payer still had the gateway's page open, and pays there.
      assert.equal((await payAtGateway(payment.redirectUrl!, 'ipn-lost')).status, 303);
      assert.equal(await refundDue(payment.id), null);
      // While the gateway's window is open it may still take money: not asked yet.
      const early = await reconcilePayments(sandbox.context, { olderThanMs: 0 });
      assert.deepEqual([early.closedChecked, early.closedUnanswered], [0, 0]);
      assert.equal((await sandbox.context.storage.one<{ checked_at: string | null }>('SELECT checked_at FROM payments WHERE id = ?', [payment.id]))!.checked_at, null);
      await closeWindow(payment.id, '2000-01-01T00:00:00.000Z');
      assert.deepEqual(await reconcilePayments(sandbox.context, { olderThanMs: 0 }),
        { checked: 0, settled: 0, stillPending: 0, unanswered: 0, noGateway: 0, closedChecked: 1, refundsDue: 1, closedUnanswered: 0 });
      assert.equal(JSON.parse((await refundDue(payment.id))!).gateway, gateway.name);
      // Still not confirmed as paid: no receipt, and the dossier still owes the new amount.
      assert.deepEqual([(await stored(payment.id)).state, await receipts(payment.id)], ['cancelled', 0]);
      const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
      const report = await paymentReport(sandbox.context.storage, { agency: '', from: day(-2), to: day(2) });
      assert.equal(report.refundsDue.count, 1);
      // Asked once: the next run leaves it.
      await sandbox.context.storage.run('UPDATE payments SET checked_at = NULL WHERE id = ?', [payment.id]);
      assert.equal((await reconcilePayments(sandbox.context, { olderThanMs: 0 })).closedChecked, 0);
    });

    test('closed when the fees changed and not paid at the gateway: asked once, the answer kept, nothing to refund', async () => {
      const payment = await open();
      assert.equal((await fetch(payment.redirectUrl!)).status, 200);
      await reviseFees();
      await closeWindow(payment.id, '2000-01-01T00:00:00.000Z');
      const run = await reconcilePayments(sandbox.context, { olderThanMs: 0 });
      assert.deepEqual([run.closedChecked, run.refundsDue], [1, 0]);
      assert.equal(await refundDue(payment.id), null);
      assert.match(JSON.parse((await stored(payment.id)).gateway_outcome!).detail, /^closed here; at the gateway: /);
      await sandbox.context.storage.run('UPDATE payments SET checked_at = NULL WHERE id = ?', [payment.id]);
      assert.equal((await reconcilePayments(sandbox.context, { olderThanMs: 0 })).closedChecked, 0);
    });

    test('closed when the fees changed, the gateway answering nothing to trust: asked again each run, and after a day recorded as unverified', async () => {
      const payment = await open();
      await reviseFees();
      assert.equal((await payAtGateway(payment.redirectUrl!, 'amount-tampered')).status, 303);
      // The window closed minutes ago: the gateway's answer (another amount) is not trusted, asked again next run.
      await closeWindow(payment.id, new Date(Date.now() - 10 * 60_000).toISOString());
      assert.deepEqual([(await reconcilePayments(sandbox.context, { olderThanMs: 0 })).closedUnanswered, (await stored(payment.id)).gateway_outcome], [1, null]);
      // A day after the window closed, it is recorded for staff to check with the gateway, and logged.
      await closeWindow(payment.id, '2000-01-01T00:00:00.000Z');
      const recorded = await reconcilePayments(sandbox.context, { olderThanMs: 0 });
      assert.deepEqual([recorded.closedChecked, recorded.closedUnanswered, recorded.refundsDue], [1, 0, 0]);
      assert.match(JSON.parse((await stored(payment.id)).gateway_outcome!).detail, /^closed here; unverified: /);
      await sandbox.context.storage.run('UPDATE payments SET checked_at = NULL WHERE id = ?', [payment.id]);
      const after = await reconcilePayments(sandbox.context, { olderThanMs: 0 });
      assert.deepEqual([after.closedChecked, after.closedUnanswered], [0, 0]);
    });

    test('reconciliation: payments of a gateway no longer configured are counted, and never take the place of those it can ask about', async () => {
      const payment = await open();
      // An older payment, still open, of a gateway this server no longer has.
      await sandbox.context.storage.run(`INSERT INTO payments (id, dossier_code, state, lines, total, method, return_url, created_at, gateway, expires_at)
        SELECT 'pay_RetiredGateway01', dossier_code, 'pending', lines, total + 1, method, return_url, '2000-01-01T00:00:00.000Z', 'retired', expires_at
        FROM payments WHERE id = ?`, [payment.id]);
      const run = await reconcilePayments(sandbox.context, { olderThanMs: 0, limit: 1 });
      assert.deepEqual([run.checked, run.noGateway, run.stillPending + run.settled], [2, 1, 1]);
    });

    test('reconciliation leaves a payment the payer is still on alone, and closes it once its window has passed', async () => {
      const payment = await open();
      // The payer opened the gateway's page and has not chosen yet.
      assert.equal((await fetch(payment.redirectUrl!)).status, 200);
      assert.deepEqual(await reconcilePayments(sandbox.context, { olderThanMs: 0 }), { checked: 1, settled: 0, stillPending: 1, unanswered: 0, noGateway: 0, closedChecked: 0, refundsDue: 0, closedUnanswered: 0 });
      await sandbox.context.storage.run("UPDATE payments SET expires_at = '2000-01-01T00:00:00.000Z', checked_at = NULL WHERE id = ?", [payment.id]);
      assert.equal((await reconcilePayments(sandbox.context, { olderThanMs: 0 })).settled, 1);
      assert.deepEqual({ ...(await stored(payment.id)), gateway_outcome: undefined }, { state: 'cancelled', failure_code: '11', gateway_outcome: undefined });
    });
  });
}

describe('the notification routes refuse what the gateways never send', () => {
  let sandbox: Sandbox;
  before(async () => { sandbox = await startSandbox({ reconcileEveryMs: 0 }); });
  after(() => sandbox.close());

  test('VNPay: an unsigned or unknown notification is answered as VNPay documents, and changes nothing', async () => {
    const ipn = async (query: string) => (await fetch(`${sandbox.baseUrl}/payments/gateways/vnpay/ipn?${query}`)).json();
    assert.deepEqual(await ipn('vnp_TxnRef=pay_x&vnp_Amount=100&vnp_ResponseCode=00'), { RspCode: '97', Message: 'Invalid signature' });
    const { vnpaySign } = await import('../src/payments/providers/vnpay.ts');
    const params = { vnp_TxnRef: 'pay_unknown', vnp_Amount: '10000', vnp_ResponseCode: '00', vnp_TransactionStatus: '00', vnp_TmnCode: SANDBOX_MERCHANT.vnpay.tmnCode };
    const query = new URLSearchParams({ ...params, vnp_SecureHash: vnpaySign(params, SANDBOX_MERCHANT.vnpay.hashSecret) });
    assert.deepEqual(await ipn(query.toString()), { RspCode: '01', Message: 'Order not found' });
    // Signed with this merchant's secret, for another terminal: not this server's order either.
    const other = { ...params, vnp_TxnRef: 'pay_x', vnp_TmnCode: 'OTHER001' };
    const foreign = new URLSearchParams({ ...other, vnp_SecureHash: vnpaySign(other, SANDBOX_MERCHANT.vnpay.hashSecret) });
    assert.equal((await ipn(foreign.toString()) as { RspCode: string }).RspCode, '01');
  });

  test('MoMo: a body that is not JSON is a 400; a forged one is answered 204 and changes nothing', async () => {
    const post = (body: string, type = 'application/json') => fetch(`${sandbox.baseUrl}/payments/gateways/momo/ipn`, { method: 'POST', headers: { 'content-type': type }, body });
    assert.equal((await post('{not json')).status, 400);
    assert.equal((await post(JSON.stringify({ orderId: 'pay_x', amount: 1, resultCode: 0, signature: 'ab' }))).status, 204);
  });
});

describe('VNPay: a notification without a final transaction status is not taken at its word', () => {
  let sandbox: Sandbox;
  let keys = 0;
  before(async () => { sandbox = await startSandbox({ reconcileEveryMs: 0 }); });
  after(() => sandbox.close());
  beforeEach(async () => { await fetch(`${sandbox.baseUrl}/_sandbox/reset`, { method: 'POST' }); });

  async function open(): Promise<Payment> {
    const res = await fetch(`${sandbox.baseUrl}/payments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `vnpay-status-test-${++keys}-000000000` },
      body: JSON.stringify({ dossierCode: DEMO.paymentDue.code, applicantId: DEMO.paymentDue.applicantId, returnUrl: PORTAL_RETURN, method: 'bank-qr', language: 'vi' }),
    });
    assert.equal(res.status, 201, await res.clone().text());
    return await res.json() as Payment;
  }
  /** Sends VNPay's IPN, signed with the sandbox merchant's secret, with `change` applied (a key set to undefined is left out). */
  async function notify(params: Record<string, string>, change: Record<string, string | undefined>): Promise<unknown> {
    const { vnpaySign } = await import('../src/payments/providers/vnpay.ts');
    const sent = Object.fromEntries(Object.entries({ ...params, ...change }).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[0] !== 'vnp_SecureHash'));
    const query = new URLSearchParams({ ...sent, vnp_SecureHash: vnpaySign(sent, SANDBOX_MERCHANT.vnpay.hashSecret) });
    return (await fetch(`${sandbox.baseUrl}/payments/gateways/vnpay/ipn?${query}`)).json();
  }
  const stored = async (id: string) => (await sandbox.context.storage.one<{ state: string; failure_code: string | null; gateway_outcome: string | null }>(
    'SELECT state, failure_code, gateway_outcome FROM payments WHERE id = ?', [id]))!;

  test('"00" without a transaction status, for a payment VNPay took: the status query is asked at once, and the payment is paid', async () => {
    const payment = await open();
    // Paid at the simulated VNPay, its own notification lost; the return carries the signed result.
    const back = await payAtGateway(payment.redirectUrl!, 'ipn-lost');
    const params = Object.fromEntries(new URL(back.headers.get('location')!).searchParams);
    assert.equal(params['vnp_TransactionStatus'], '00');
    assert.deepEqual(await notify(params, { vnp_TransactionStatus: undefined }), { RspCode: '00', Message: 'Confirm Success' });
    const row = await stored(payment.id);
    assert.equal(row.state, 'paid');
    assert.deepEqual(JSON.parse(row.gateway_outcome!).via, 'query', 'settled by the status query, not by the notification');
  });

  test('"00" without a transaction status, or "not completed", for a payment VNPay never took: it stays pending, and VNPay is asked to send it again', async () => {
    const payment = await open();
    const params = {
      vnp_TxnRef: payment.id, vnp_Amount: String(payment.total * 100), vnp_TmnCode: SANDBOX_MERCHANT.vnpay.tmnCode,
      vnp_ResponseCode: '00', vnp_TransactionNo: '14422574', vnp_BankCode: 'NCB', vnp_PayDate: '20261207091806',
    };
    for (const change of [{}, { vnp_TransactionStatus: '01' }, { vnp_ResponseCode: '99', vnp_TransactionStatus: '00' }]) {
      assert.deepEqual(await notify(params, change), { RspCode: '99', Message: 'Payment not final yet' }, JSON.stringify(change));
      assert.deepEqual({ ...(await stored(payment.id)), gateway_outcome: undefined }, { state: 'pending', failure_code: null, gateway_outcome: undefined });
    }
    // The genuine final word still settles it.
    assert.deepEqual(await notify(params, { vnp_ResponseCode: '51', vnp_TransactionStatus: '02' }), { RspCode: '00', Message: 'Confirm Success' });
    assert.equal((await stored(payment.id)).failure_code, '51');
  });
});

describe('what a payer cannot do', () => {
  let sandbox: Sandbox;
  const lines: string[] = [];
  before(async () => {
    sandbox = await startSandbox({
      reconcileEveryMs: 0,
      logger: { level: 'info', stream: { write: (line: string) => lines.push(line) } as unknown as NodeJS.WritableStream },
    });
  });
  after(() => sandbox.close());
  beforeEach(async () => { await fetch(`${sandbox.baseUrl}/_sandbox/reset`, { method: 'POST' }); });

  const create = (key: string, body: Record<string, unknown> = {}) => fetch(`${sandbox.baseUrl}/payments`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify({ dossierCode: DEMO.paymentDue.code, applicantId: DEMO.paymentDue.applicantId, returnUrl: PORTAL_RETURN, ...body }),
  });

  test('pay a dossier twice: once paid, another payment is refused; the receipt prints', async () => {
    const payment = await (await create('payer-cannot-key-000001')).json() as Payment;
    await payAtGateway(payment.redirectUrl!, 'success');
    const again = await create('payer-cannot-key-000002');
    assert.equal(again.status, 409);
    assert.equal((await again.json() as { code: string }).code, 'payment_already_paid');
    const html = await fetch(`${sandbox.baseUrl}/payments/${payment.id}/receipt`, { headers: { accept: 'text/html' } });
    assert.match(html.headers.get('content-type')!, /^text\/html/);
    assert.match(await html.text(), /Biên lai điện tử số BL-/);
  });

  test('pay on a VNPay page left open past the payment window: refused as VNPay refuses it (11), nothing charged', async () => {
    const payment = await (await create('payer-cannot-key-000010')).json() as Payment;
    const page = await (await fetch(payment.redirectUrl!)).text();
    const action = /<form method="post" action="([^"]+)"/.exec(page)![1]!.replaceAll('&amp;', '&');
    const token = /name="token" value="([^"]+)"/.exec(page)![1]!;
    // The payer comes back to the page after its window (vnp_ExpireDate, kept from the page's request) has passed.
    const stored = await sandbox.context.storage.one<{ details: string }>("SELECT details FROM sandbox_gateway_transactions WHERE gateway = 'vnpay' AND ref = ?", [payment.id]);
    const details = JSON.parse(stored!.details) as { expireDate: string };
    assert.match(details.expireDate, /^\d{14}$/);
    await sandbox.context.storage.run("UPDATE sandbox_gateway_transactions SET details = ? WHERE gateway = 'vnpay' AND ref = ?",
      [JSON.stringify({ ...details, expireDate: '20200101000000' }), payment.id]);
    const back = await fetch(new URL(action, payment.redirectUrl!), { method: 'POST', redirect: 'manual', body: new URLSearchParams({ token, scenario: 'success' }) });
    assert.equal(back.status, 303);
    const returned = new URL(back.headers.get('location')!);
    assert.equal(returned.searchParams.get('vnp_ResponseCode'), '11');
    const after = await (await fetch(`${sandbox.baseUrl}/payments/${payment.id}`)).json() as Payment;
    assert.deepEqual([after.state, after.failureCode, after.receipts.length], ['failed', '11', 0]);
  });

  test('change the amount in the gateway address: VNPay refuses the signature; a return address elsewhere is refused', async () => {
    const payment = await (await create('payer-cannot-key-000003')).json() as Payment;
    const url = new URL(payment.redirectUrl!);
    url.searchParams.set('vnp_Amount', '100');
    assert.equal((await fetch(url)).status, 400);
    const foreign = await create('payer-cannot-key-000004', { returnUrl: 'https://evil.example/steal' });
    assert.equal(foreign.status, 400);
    const long = await create('payer-cannot-key-000005', { returnUrl: `http://localhost:8080/${'a'.repeat(250)}` });
    assert.equal(long.status, 400, 'VNPay takes a return address of at most 255 characters');
    assert.match(await long.text(), /255/);
  });

  test('pay a superseded payment in an old tab: confirmed nowhere, no receipts, and logged for a refund', async () => {
    const old = await (await create('payer-cannot-key-000006')).json() as Payment;
    await fetch(`${sandbox.baseUrl}/_sandbox/dossiers/${DEMO.paymentDue.code}/status`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'payment-due', fees: [{ kind: 'charge', description: 'Phí (điều chỉnh)', amount: 250_000 }] }),
    });
    const fresh = await (await create('payer-cannot-key-000007')).json() as Payment;
    assert.notEqual(fresh.id, old.id);
    assert.equal(fresh.total, 250_000);
    // The gateway still has the old order open: the payer pays it there.
    assert.equal((await payAtGateway(old.redirectUrl!, 'success')).status, 303);
    const after = await (await fetch(`${sandbox.baseUrl}/payments/${old.id}`)).json() as Payment;
    assert.deepEqual([after.state, after.failureCode, after.receipts.length], ['cancelled', 'superseded', 0]);
    const refund = lines.map((line) => JSON.parse(line) as { msg: string; paymentId?: string }).find((entry) => entry.msg.includes('refund'));
    assert.equal(refund?.paymentId, old.id);
    // Recorded, not only logged: the payment report counts the money to refund.
    const due = await sandbox.context.storage.one<{ refund_due: string | null }>('SELECT refund_due FROM payments WHERE id = ?', [old.id]);
    assert.equal(JSON.parse(due!.refund_due!).gateway, 'vnpay');
    // The period around today, in Vietnam's days (the payment was started moments ago).
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const report = await paymentReport(sandbox.context.storage, { agency: '', from: day(-2), to: day(2) });
    // Demo dossier 0006 owes one charge (phí) and no fee (lệ phí).
    assert.deepEqual(report.refundsDue, { count: 1, amount: old.total, byKind: [{ kind: 'charge', amount: old.total }, { kind: 'fee', amount: 0 }] });
    assert.equal(lines.some((line) => line.includes(DEMO.paymentDue.applicantId)), false, 'no identity number in the log');
  });

  test('pay in an old tab for a dossier withdrawn meanwhile: the open payment was closed with it, is confirmed nowhere, and is marked for a refund', async () => {
    const open = await (await create('payer-cannot-key-000008')).json() as Payment;
    // The citizen withdraws the dossier at the desk; the one-stop system says so.
    const withdrawn = await fetch(`${sandbox.baseUrl}/_sandbox/dossiers/${DEMO.paymentDue.code}/status`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status: 'withdrawn' }),
    });
    assert.equal(withdrawn.status, 200, await withdrawn.clone().text());
    const closed = await (await fetch(`${sandbox.baseUrl}/payments/${open.id}`)).json() as Payment;
    assert.deepEqual([closed.state, closed.failureCode], ['cancelled', 'dossier-closed']);
    assert.ok(lines.some((line) => line.includes('the dossier was closed without a result') && line.includes(DEMO.paymentDue.code)));
    // The gateway still has the order open: the payer pays it there.
    assert.equal((await payAtGateway(open.redirectUrl!, 'success')).status, 303);
    const after = await (await fetch(`${sandbox.baseUrl}/payments/${open.id}`)).json() as Payment;
    assert.deepEqual([after.state, after.failureCode, after.receipts.length], ['cancelled', 'dossier-closed', 0]);
    const due = await sandbox.context.storage.one<{ refund_due: string | null }>('SELECT refund_due FROM payments WHERE id = ?', [open.id]);
    assert.equal(JSON.parse(due!.refund_due!).gateway, 'vnpay');
    // Nothing is due on a closed dossier: a new payment is refused.
    const again = await create('payer-cannot-key-000009');
    assert.equal(again.status, 409);
    assert.equal((await again.json() as { code: string }).code, 'payment_not_due');
  });

  test('one Idempotency-Key sent at once with two bodies: one payment, started at its gateway; the other refused (422) having changed nothing', async () => {
    const [vnpay, momo] = await Promise.all([
      create('payer-cannot-key-000010', { method: 'bank-qr' }), create('payer-cannot-key-000010', { method: 'e-wallet' }),
    ]);
    assert.deepEqual([vnpay.status, momo.status].sort(), [201, 422]);
    const made = await (vnpay.status === 201 ? vnpay : momo).json() as Payment;
    assert.ok(made.redirectUrl, 'started at its gateway');
    const rows = await sandbox.context.storage.all<{ id: string; state: string }>('SELECT id, state FROM payments WHERE dossier_code = ?', [DEMO.paymentDue.code]);
    assert.deepEqual(rows.map((row) => ({ ...row })), [{ id: made.id, state: 'pending' }], 'the refused request neither closed it nor opened another');
  });

  test('a payment whose process stopped before starting it at its gateway does not hold the dossier: the next request closes it and opens one', async () => {
    const stale = new Date(Date.now() - 2 * 60_000).toISOString();
    await sandbox.context.storage.run(`INSERT INTO payments (id, dossier_code, state, lines, total, method, return_url, created_at, gateway, expires_at)
      VALUES ('pay_neverstartedatgateway0', ?, 'pending', '[{"kind":"charge","description":"Phí","amount":200000}]', 200000, 'bank-qr', ?, ?, 'vnpay', ?)`,
    [DEMO.paymentDue.code, PORTAL_RETURN, stale, new Date(Date.now() + 10 * 60_000).toISOString()]);
    const started = Date.now();
    const res = await create('payer-cannot-key-000011', { method: 'bank-qr' });
    assert.equal(res.status, 201, await res.clone().text());
    const payment = await res.json() as Payment;
    assert.notEqual(payment.id, 'pay_neverstartedatgateway0');
    assert.ok(payment.redirectUrl);
    assert.ok(Date.now() - started < 5_000, 'without waiting for the stale one\'s address');
    assert.equal((await sandbox.context.storage.one<{ state: string }>("SELECT state FROM payments WHERE id = 'pay_neverstartedatgateway0'"))!.state, 'cancelled');
  });

  test('switch method: the open payment of the other gateway is superseded, not reused', async () => {
    const vnpay = await (await create('payer-cannot-key-000008', { method: 'bank-qr' })).json() as Payment;
    const momo = await (await create('payer-cannot-key-000009', { method: 'e-wallet' })).json() as Payment;
    assert.notEqual(momo.id, vnpay.id);
    assert.match(momo.redirectUrl!, /\/_sandbox\/momo\/pay\?t=/);
    const closed = await (await fetch(`${sandbox.baseUrl}/payments/${vnpay.id}`)).json() as Payment;
    assert.deepEqual([closed.state, closed.failureCode], ['cancelled', 'superseded']);
  });
});

describe('a deployment picks its gateways', () => {
  const VNPAY = {
    tmnCode: 'TESTTMN1', hashSecret: 'a-merchant-hash-secret-from-vnpay',
    paymentUrl: 'https://sandbox.vnpayment.vn/paymentv2/vpcpay.html', queryUrl: 'https://sandbox.vnpayment.vn/merchant_webapi/api/transaction',
  };

  test('VNPay only: the payer is offered its method and sent to its payment page, signed with the merchant\'s secret', async () => {
    const sandbox = await startSandbox({ gateways: { vnpay: VNPAY }, reconcileEveryMs: 0 });
    try {
      const dossier = await (await fetch(`${sandbox.baseUrl}/dossiers/lookup`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: DEMO.paymentDue.code, applicantId: DEMO.paymentDue.applicantId }),
      })).json() as { payment: { methods: { id: string }[] } };
      assert.deepEqual(dossier.payment.methods.map((m) => m.id), ['bank-qr']);
      const created = await fetch(`${sandbox.baseUrl}/payments`, {
        method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': 'deployment-key-00000001' },
        body: JSON.stringify({ dossierCode: DEMO.paymentDue.code, applicantId: DEMO.paymentDue.applicantId, returnUrl: PORTAL_RETURN, language: 'en' }),
      });
      const payment = await created.json() as Payment;
      const url = new URL(payment.redirectUrl!);
      assert.equal(url.origin + url.pathname, VNPAY.paymentUrl);
      assert.equal(url.searchParams.get('vnp_TmnCode'), 'TESTTMN1');
      assert.equal(url.searchParams.get('vnp_Locale'), 'en');
      assert.equal(vnpayVerify(Object.fromEntries(url.searchParams), VNPAY.hashSecret), true);
      const momo = await fetch(`${sandbox.baseUrl}/payments`, {
        method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': 'deployment-key-00000002' },
        body: JSON.stringify({ dossierCode: DEMO.paymentDueTwoKinds.code, applicantId: DEMO.paymentDueTwoKinds.applicantId, returnUrl: PORTAL_RETURN, method: 'e-wallet' }),
      });
      assert.equal(momo.status, 400, 'a method whose gateway is not configured is refused');
    } finally {
      await sandbox.close();
    }
  });

  test('VNPay\'s status query hanging: a read of the payment answers within seconds, as stored, and asks once', async () => {
    const queries: string[] = [];
    // Takes the question and never answers it.
    const hanging = createServer((request) => void queries.push(request.url ?? ''));
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const port = (hanging.address() as AddressInfo).port;
    const sandbox = await startSandbox({ gateways: { vnpay: { ...VNPAY, queryUrl: `http://127.0.0.1:${port}/merchant_webapi/api/transaction` } }, reconcileEveryMs: 0 });
    try {
      const created = await fetch(`${sandbox.baseUrl}/payments`, {
        method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': 'deployment-key-00000004' },
        body: JSON.stringify({ dossierCode: DEMO.paymentDue.code, applicantId: DEMO.paymentDue.applicantId, returnUrl: PORTAL_RETURN }),
      });
      const { id } = await created.json() as Payment;
      for (const read of ['first', 'second']) {
        const started = Date.now();
        const answer = await fetch(`${sandbox.baseUrl}/payments/${id}`, { signal: AbortSignal.timeout(10_000) });
        assert.equal(answer.status, 200);
        assert.equal((await answer.json() as Payment).state, 'pending');
        assert.ok(Date.now() - started < 4_500, `the ${read} read answered after ${Date.now() - started} ms`);
      }
      assert.equal(queries.length, 1, 'asked once: the second read came within the interval');
    } finally {
      hanging.closeAllConnections();
      hanging.close();
      await sandbox.close();
    }
  });

  test('MoMo unreachable: the payment is closed as failed and the payer told to try again; nothing is charged; the log says why', async () => {
    const lines: string[] = [];
    const sandbox = await startSandbox({
      gateways: { momo: { partnerCode: 'MOMOTEST2026', accessKey: 'access', secretKey: 'a-merchant-secret-key-from-momo', endpoint: 'http://127.0.0.1:9' } },
      reconcileEveryMs: 0,
      logger: { level: 'info', stream: { write: (line: string) => lines.push(line) } as unknown as NodeJS.WritableStream },
    });
    try {
      const created = await fetch(`${sandbox.baseUrl}/payments`, {
        method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': 'deployment-key-00000003' },
        body: JSON.stringify({ dossierCode: DEMO.paymentDue.code, applicantId: DEMO.paymentDue.applicantId, returnUrl: PORTAL_RETURN }),
      });
      assert.equal(created.status, 503);
      const row = await sandbox.context.storage.one<{ state: string; failure_code: string }>('SELECT state, failure_code FROM payments WHERE dossier_code = ?', [DEMO.paymentDue.code]);
      assert.deepEqual({ ...row }, { state: 'failed', failure_code: 'gateway_unavailable' });
      // Not only fetch's "fetch failed": what failed, for the operator.
      const said = lines.find((line) => line.includes('payment gateway refused or unreachable'));
      assert.match(said ?? lines.join('\n'), /"err":"fetch failed: bad port"/, 'port 9 is one fetch will not call');
      assert.match(said!, /"requestId":"[0-9a-f-]{36}"/, 'with the id of the payer\'s request');
    } finally {
      await sandbox.close();
    }
  });

  /** Stands for MoMo's host: drops every connection while `down`, holds each while `held`, else passes it to the simulator. */
  async function momoHost() {
    const host = { down: false, held: undefined as Promise<void> | undefined, simulator: '', url: '', close: () => {} };
    const server = createServer((request, response) => {
      if (host.down) {
        request.socket.destroy();
        return;
      }
      const body: Buffer[] = [];
      request.on('data', (chunk: Buffer) => body.push(chunk));
      request.on('end', () => void (host.held ?? Promise.resolve())
        .then(() => fetch(`${host.simulator}${request.url}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.concat(body) }))
        .then(async (answer) => response.writeHead(answer.status, { 'content-type': 'application/json' }).end(Buffer.from(await answer.arrayBuffer()))));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    host.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    host.close = () => {
      server.closeAllConnections();
      server.close();
    };
    return host;
  }

  /** The sandbox paying through `host` as its MoMo, and one payer's payment request under one key. */
  async function payingThrough(host: Awaited<ReturnType<typeof momoHost>>, key: string) {
    const sandbox = await startSandbox({ gateways: { momo: { ...SANDBOX_MERCHANT.momo, endpoint: host.url } }, reconcileEveryMs: 0 });
    host.simulator = `${sandbox.baseUrl}/_sandbox/momo`;
    const request = { dossierCode: DEMO.paymentDue.code, applicantId: DEMO.paymentDue.applicantId, returnUrl: PORTAL_RETURN };
    const create = () => fetch(`${sandbox.baseUrl}/payments`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key }, body: JSON.stringify(request),
    });
    return { sandbox, request, create };
  }

  test('MoMo unreachable, then back: the SDK\'s retry under the same Idempotency-Key is answered 503 while it is down, and opens a new payment once it is back', async () => {
    const host = await momoHost();
    host.down = true;
    const key = 'deployment-key-00000005';
    const { sandbox, request, create } = await payingThrough(host, key);
    const stored = () => sandbox.context.storage.all<{ id: string; state: string; failure_code: string | null }>(
      'SELECT id, state, failure_code FROM payments WHERE dossier_code = ? ORDER BY created_at', [DEMO.paymentDue.code]);
    try {
      assert.equal((await create()).status, 503);
      const again = await create();
      assert.equal(again.status, 503, 'not the failed payment, replayed as if it were the answer');
      assert.equal(again.headers.get('idempotent-replayed'), null);
      const failed = await stored();
      assert.deepEqual(failed.map((row) => [row.state, row.failure_code]), [['failed', 'gateway_unavailable'], ['failed', 'gateway_unavailable']]);
      // The key kept all the same for a failed attempt (a request that joined it kept it, or a
      // release before keys were let go of): let go of when it comes again.
      const digest = keyedDigest(JSON.stringify([request.dossierCode, request.applicantId, request.returnUrl, null, null]), sandbox.context.applicantKey);
      await sandbox.context.storage.run('INSERT INTO idempotency_keys (key, request_digest, payment_id, created_at) VALUES (?, ?, ?, ?)',
        [key, digest, failed[1]!.id, new Date().toISOString()]);

      host.down = false;
      const back = await create();
      assert.equal(back.status, 201, await back.clone().text());
      const payment = await back.json() as Payment;
      assert.equal(payment.state, 'pending');
      assert.ok(!failed.some((row) => row.id === payment.id), 'a new payment');
      assert.ok(payment.redirectUrl, 'the payer is sent to MoMo');
      // The same key once more: now it is the payment it opened.
      const replayed = await create();
      assert.equal(replayed.headers.get('idempotent-replayed'), 'true');
      assert.equal((await replayed.json() as Payment).id, payment.id);
    } finally {
      host.close();
      await sandbox.close();
    }
  });

  test('MoMo slow to answer: the same key sent again meanwhile is told to come back in a moment (503, Retry-After), within the SDK\'s 10 s; then it is that payment', async () => {
    const host = await momoHost();
    let answer = () => {};
    host.held = new Promise<void>((resolve) => { answer = resolve; });
    const { sandbox, create } = await payingThrough(host, 'deployment-key-00000006');
    try {
      const first = create();
      await sleep(300);
      const started = Date.now();
      const meanwhile = await create();
      assert.equal(meanwhile.status, 503, await meanwhile.clone().text());
      assert.equal(meanwhile.headers.get('retry-after'), '5');
      assert.ok(Date.now() - started < 9_500, `answered after ${Date.now() - started} ms`);
      answer();
      const opened = await (await first).json() as Payment;
      assert.ok(opened.redirectUrl);
      const later = await create();
      assert.equal(later.status, 201);
      assert.equal((await later.json() as Payment).id, opened.id);
    } finally {
      answer();
      host.close();
      await sandbox.close();
    }
  });

  test('production refuses the simulators\' credentials, plain-http gateway addresses and short secrets', async () => {
    const { gatewayProductionProblems } = await import('../src/payments/gateways/settings.ts');
    assert.deepEqual(gatewayProductionProblems({ vnpay: VNPAY }), []);
    const problems = gatewayProductionProblems({
      vnpay: { ...VNPAY, ...SANDBOX_MERCHANT.vnpay, queryUrl: 'http://sandbox.vnpayment.vn/merchant_webapi/api/transaction' },
      momo: { partnerCode: 'MOMOTEST2026', accessKey: 'access', secretKey: 'short', endpoint: 'https://payment.momo.vn' },
    }).join('\n');
    for (const text of ['VNPay: the sandbox simulator', 'DVC_VNPAY_QUERY_URL must be an https address', 'DVC_MOMO_SECRET_KEY looks too short']) {
      assert.ok(problems.includes(text), `${text}: ${problems}`);
    }
  });
});

test('a server with no payment gateway offers no method and refuses to start a payment, not for a while but until one is configured', async () => {
  const { app } = await createTestSandbox({ gateways: {} });
  try {
    const lookup = await app.inject({ method: 'POST', url: '/api/v1/dossiers/lookup', payload: DEMO.paymentDue });
    assert.equal(lookup.statusCode, 200, lookup.body);
    const { payment } = lookup.json() as { payment: { state: string; total: number; methods: unknown[] } };
    assert.equal(payment.state, 'unpaid');
    assert.ok(payment.total > 0);
    assert.deepEqual(payment.methods, [], 'the widgets then say where to pay instead');
    const created = await app.inject({
      method: 'POST', url: '/api/v1/payments', headers: { 'idempotency-key': 'no-gateway-0000001' },
      payload: { ...DEMO.paymentDue, dossierCode: DEMO.paymentDue.code, code: undefined, returnUrl: 'http://localhost:8080/r' },
    });
    // Its own code, not a 503 that clients (the SDK among them) retry: no wait helps.
    assert.equal(created.statusCode, 409, created.body);
    assert.equal((created.json() as { code: string }).code, 'payments_not_offered');
    assert.equal(created.headers['retry-after'], undefined, 'no wait would help');
  } finally {
    await app.close();
  }
});
