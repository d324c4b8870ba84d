import { expect } from '@open-wc/testing';
import type { Payment } from '@dvc-kit/sdk';
import { describe, it } from '../test-support/mocha.ts';
import { DEFAULT_SCHEDULE, nextDelay, pollPayment } from './payment-poller.ts';
import { PaymentSession } from './payment-session.ts';
import { readReturnReference, safeHttpUrl, withoutGatewayParams } from './return-params.ts';

class MapStorage {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  // The tab-storage interface the session uses.
  get(key: string) {
    return this.getItem(key);
  }
  set(key: string, value: string) {
    this.setItem(key, value);
  }
  remove(key: string) {
    this.removeItem(key);
  }
  keys() {
    return [...this.items.keys()];
  }
}

const payment = (state: Payment['state']): Payment => ({
  id: 'pay_abcdefghijklmnop12', dossierCode: '000.00.15.H26-261102-0006', state, lines: [], total: 1, method: 'bank-qr',
  createdAt: '2026-01-01T00:00:00+07:00', redirectUrl: null, receipts: [],
});

describe('<dvc-payment> controllers', () => {
  it('payment-session: one key per dossier and amount, saved before use; a new amount or method is a new attempt', () => {
    const storage = new MapStorage();
    const session = new PaymentSession(storage);
    const code = '000.00.15.H26-261102-0006';
    const first = session.attemptFor(code, 200_000, 'bank-qr');
    expect(first.idempotencyKey).to.match(/^[A-Za-z0-9_-]{16,128}$/);
    expect(JSON.parse(storage.getItem(`dvc-payment:${code}`)!)).to.deep.equal(first);
    expect(session.attemptFor(code, 200_000, 'bank-qr').idempotencyKey).to.equal(first.idempotencyKey);
    session.rememberPayment(code, 'pay_abcdefghijklmnop12');
    expect(session.read(code)!.paymentId).to.equal('pay_abcdefghijklmnop12');
    // Back from the gateway on a page that does not name the dossier: the payment says which.
    expect(session.dossierOfPayment('pay_abcdefghijklmnop12')).to.equal(code);
    expect(session.dossierOfPayment('pay_zzzzzzzzzzzzzzzz99')).to.equal(undefined);
    expect(session.attemptFor(code, 250_000, 'bank-qr').idempotencyKey).to.not.equal(first.idempotencyKey);
    const other = session.attemptFor(code, 250_000, 'e-wallet');
    expect(other.paymentId).to.equal(null);
    session.forget(code);
    expect(session.read(code)).to.equal(null);
    // Tampered storage is ignored, not trusted.
    storage.setItem(`dvc-payment:${code}`, JSON.stringify({ idempotencyKey: 'short', amount: 1, method: null, paymentId: null }));
    expect(session.read(code)).to.equal(null);
    storage.setItem(`dvc-payment:${code}`, '{not json');
    expect(session.read(code)).to.equal(null);
  });

  it('payment-poller: 1, 2, 4, 8, 16 s waits, bounded by the budget (45 s by default)', () => {
    const waits: number[] = [];
    let elapsed = 0;
    for (let attempt = 0; ; attempt++) {
      const delay = nextDelay(attempt, elapsed, DEFAULT_SCHEDULE);
      if (delay === undefined) break;
      waits.push(delay);
      elapsed += delay;
    }
    expect(waits).to.deep.equal([1000, 2000, 4000, 8000, 16_000, 14_000]);
    expect(elapsed).to.equal(45_000);
  });

  it('payment-poller: stops as soon as the payment is settled, and reports "not settled" when the time runs out', async () => {
    const signal = new AbortController().signal;
    const answers: Payment['state'][] = ['pending', 'pending', 'paid'];
    let calls = 0;
    const settled = await pollPayment(async () => payment(answers[calls++]!), signal, { firstDelayMs: 10, maxDelayMs: 40, budgetMs: 5000 });
    expect(settled).to.deep.include({ settled: true });
    expect(calls).to.equal(3);

    const pending = await pollPayment(async () => payment('pending'), signal, { firstDelayMs: 20, maxDelayMs: 40, budgetMs: 100 });
    expect(pending!.settled).to.equal(false);
    expect(pending!.payment!.state).to.equal('pending');

    const abort = new AbortController();
    const cancelled = pollPayment(async () => payment('pending'), abort.signal, { firstDelayMs: 1000, maxDelayMs: 1000, budgetMs: 10_000 });
    abort.abort();
    expect(await cancelled).to.equal(undefined);
  });

  it('return-params: the reference is a hint read from vnp_TxnRef; every vnp_* is removed, the page\'s own parameters stay', () => {
    const href = 'https://portal.example/ho-so?tab=pay&vnp_TxnRef=pay_abcdefghijklmnop12&vnp_ResponseCode=00&vnp_SecureHash=ab#top';
    expect(readReturnReference(href)).to.equal('pay_abcdefghijklmnop12');
    expect(readReturnReference('https://portal.example/?vnp_TxnRef=../../etc')).to.equal(undefined);
    expect(withoutGatewayParams(href)).to.equal('https://portal.example/ho-so?tab=pay#top');
    expect(safeHttpUrl('javascript:alert(1)')).to.equal(undefined);
    expect(safeHttpUrl('https://gateway.example/pay?x=1')).to.equal('https://gateway.example/pay?x=1');
  });

  it('return-params: from MoMo the reference is orderId; its fields are removed only when MoMo signed them', () => {
    const href = 'https://portal.example/ho-so?tab=pay&message=hello&partnerCode=MOMO&orderId=pay_abcdefghijklmnop12&requestId=r1'
      + '&amount=200000&orderInfo=Thanh+to%C3%A1n&orderType=momo_wallet&transId=1&resultCode=0&payType=qr&responseTime=1&extraData=&signature=ab';
    expect(readReturnReference(href)).to.equal('pay_abcdefghijklmnop12');
    expect(withoutGatewayParams(href)).to.equal('https://portal.example/ho-so?tab=pay');
    // A portal page of its own with ?orderId=… or ?message=… is not a gateway's answer.
    const own = 'https://portal.example/don-hang?orderId=pay_abcdefghijklmnop12&message=hi';
    expect(readReturnReference(own)).to.equal(undefined);
    expect(withoutGatewayParams(own)).to.equal(own);
  });
});
