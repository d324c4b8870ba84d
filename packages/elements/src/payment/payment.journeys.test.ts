import { expect, fixture, html } from '@open-wc/testing';
import { afterEach, beforeEach, describe, it } from '../test-support/mocha.ts';
import { expectNoAxeViolations } from '../test-support/axe.ts';
import { formatDateTime } from '../shared/locale.ts';
import {
  $, $$, APPLICANT, EventLog, FetchSpy, ONE_CHARGE, TWO_KINDS, announcement, api, armFault, arriveWith, completeAtGateway, createDossier,
  focusedInside, gatewayParams, getPayment, lookup, pay, sandbox, sdk, setLang, slow, text, waitForState, widget,
} from '../test-support/payment-drivers.ts';

const hasGatewayParams = () => [...new URL(location.href).searchParams.keys()].some((name) => name.startsWith('vnp_'));

/**
 * Through the sandbox's simulated gateway, as a payer goes: pay, choose an outcome on the gateway's
 * page, come back to the page (a new widget, as after a real redirect).
 */
describe('<dvc-payment> through the gateway', () => {
  let log: EventLog;
  let spy: FetchSpy;
  const home = location.href;

  beforeEach(async () => {
    await setLang('vi');
    await sandbox('/_sandbox/reset');
    sessionStorage.clear();
    log = new EventLog();
    spy = new FetchSpy();
  });

  afterEach(async () => {
    log.dispose();
    spy.dispose();
    sessionStorage.clear();
    history.replaceState(null, '', home);
    await setLang('vi');
  });

  /** Pays from a first widget, then leaves the page for the gateway (the widget goes away). */
  async function startPayment(code: string, applicantId: string | undefined = APPLICANT): Promise<string> {
    const el = await widget({ code, applicantId });
    await waitForState(el, 'due');
    const paymentId = await pay(el, log);
    el.remove();
    return paymentId;
  }

  it('success: receipts per fee kind, a receipt link, dvc-payment-succeeded, and the address bar cleaned of vnp_*', async function () {
    slow(this);
    const code = await createDossier(TWO_KINDS);
    const paymentId = await startPayment(code);
    const back = await completeAtGateway(paymentId, 'success');
    expect(back!.origin + back!.pathname).to.equal(`${api()}/health`);
    expect(back!.searchParams.get('vnp_TxnRef')).to.equal(paymentId);
    expect(back!.href).to.not.include(APPLICANT);
    arriveWith(gatewayParams(back!));
    const pageParams = new URL(home).searchParams.toString();

    // Back on the page, which does not know the identity number: the payment id is enough.
    const el = await widget({ code });
    await waitForState(el, 'paid');
    expect(hasGatewayParams()).to.equal(false);
    expect(new URL(location.href).searchParams.toString()).to.equal(pageParams);
    expect(text($(el, '[part="heading"]'))).to.equal('Thanh toán thành công');
    expect(focusedInside(el)?.id).to.equal('state-heading');
    expect(announcement(el)).to.equal('Thanh toán thành công. Biên lai của Ông/Bà đã sẵn sàng.');
    expect(text($(el, '[part="message"]'))).to.equal(`Ông/Bà đã thanh toán 210.000 đồng cho hồ sơ ${code}.`);

    const payment = await getPayment(paymentId);
    const numbers = payment.receipts.map((r) => r.number);
    expect(numbers).to.have.length(2);
    // Dates as Vietnamese official text writes them: "Lập lúc 06:07 ngày 18/11/2026".
    const issued = payment.receipts.map((r) => `Lập lúc ${formatDateTime(r.issuedAt)}`);
    for (const line of issued) expect(line).to.match(/^Lập lúc \d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}$/);
    expect($$(el, '[part="receipt"]').map((li) => text(li))).to.deep.equal([
      `Biên lai số ${numbers[0]} Phí: 200.000 đồng ${issued[0]}`,
      `Biên lai số ${numbers[1]} Lệ phí: 10.000 đồng ${issued[1]}`,
    ]);
    const paidAt = $(el, '.paid-at')!;
    expect(paidAt.querySelector('time')!.getAttribute('datetime')).to.equal(payment.paidAt);
    expect(text(paidAt)).to.equal(`Thanh toán lúc ${formatDateTime(payment.paidAt!)}`);
    expect(text(paidAt)).to.match(/^Thanh toán lúc \d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}$/);
    const link = $<HTMLAnchorElement>(el, '[part="receipt-link"]')!;
    // The printable page in the widget's language.
    expect(link.href).to.equal(`${api()}/payments/${paymentId}/receipt?lang=vi`);
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.include('noopener');
    expect(text(link)).to.include('mở trong thẻ mới');
    const printable = await fetch(link.href, { headers: { accept: 'text/html' } });
    expect(printable.headers.get('content-type')).to.match(/^text\/html/);
    const page = await printable.text();
    expect(page).to.include(numbers[0]!);
    expect(page).to.match(/<html lang="vi"/);

    const succeeded = log.of<{ paymentId: string; receiptNumbers: string[] }>('dvc-payment-succeeded');
    expect(succeeded).to.have.length(1);
    expect(succeeded[0]!.detail).to.deep.equal({ paymentId, receiptNumbers: numbers });
    expect(succeeded[0]!.bubbles && succeeded[0]!.composed).to.equal(true);
    expect(sessionStorage.getItem(`dvc-payment:${code}`)).to.equal(null);
    await expectNoAxeViolations(el);
  });

  it('MoMo (e-wallet): the payer chooses the wallet, pays on MoMo and comes back to the receipt; MoMo\'s fields leave the address bar', async function () {
    slow(this);
    const code = await createDossier(ONE_CHARGE);
    const first = await widget({ code, applicantId: APPLICANT });
    await waitForState(first, 'due');
    ($$(first, '[part="method"] input')[1] as HTMLInputElement).click();
    const paymentId = await pay(first, log);
    first.remove();
    const started = await getPayment(paymentId);
    expect(started.method).to.equal('e-wallet');
    expect(started.redirectUrl).to.include('/_sandbox/momo/pay?');

    const back = await completeAtGateway(paymentId, 'success');
    expect(back!.searchParams.get('orderId')).to.equal(paymentId);
    expect(back!.searchParams.has('signature')).to.equal(true);
    expect(back!.href).to.not.include(APPLICANT);
    arriveWith(back!.searchParams);

    const el = await widget({ code });
    await waitForState(el, 'paid');
    const left = [...new URL(location.href).searchParams.keys()];
    for (const name of ['partnerCode', 'orderId', 'resultCode', 'signature']) expect(left).to.not.include(name);
    expect($$(el, '[part="receipt"]')).to.have.length(1);
    expect(log.of<{ paymentId: string }>('dvc-payment-succeeded').map((e) => e.detail.paymentId)).to.deep.equal([paymentId]);
  });

  it('failure: the reason in the payer\'s language, dvc-payment-failed, and "Pay again" makes a new payment', async function () {
    slow(this);
    const code = await createDossier(ONE_CHARGE);
    const paymentId = await startPayment(code);
    const back = await completeAtGateway(paymentId, 'failure');
    arriveWith(gatewayParams(back!));

    const el = await widget({ code, applicantId: APPLICANT });
    await waitForState(el, 'failed');
    expect(hasGatewayParams()).to.equal(false);
    expect(text($(el, '[part="heading"]'))).to.equal('Thanh toán không thành công');
    expect(text($(el, '[part="error-message"]'))).to.equal('Tài khoản của Ông/Bà không đủ số dư để thanh toán.');
    expect(announcement(el)).to.include('Tài khoản của Ông/Bà không đủ số dư');
    expect(focusedInside(el)?.id).to.equal('state-heading');
    const failed = log.of<{ paymentId: string; code: string }>('dvc-payment-failed');
    expect(failed.map((e) => e.detail)).to.deep.equal([{ paymentId, code: '51' }]);
    expect(log.of('dvc-payment-succeeded')).to.have.length(0);
    await expectNoAxeViolations(el);

    $<HTMLButtonElement>(el, '[part="pay-again-button"]')!.click();
    await waitForState(el, 'due');
    expect(text($(el, '[part="notice"]'))).to.include('không thành công');
    const secondId = await pay(el, log);
    expect(secondId).to.not.equal(paymentId);
    const keys = spy.paymentPosts.map((r) => r.idempotencyKey);
    expect(keys).to.have.length(2);
    expect(keys[0]).to.not.equal(keys[1]);
    expect((await getPayment(secondId)).state).to.equal('pending');
  });

  it('cancel: says it was cancelled, nothing paid, and offers "Pay again"', async function () {
    slow(this);
    const code = await createDossier(ONE_CHARGE);
    const paymentId = await startPayment(code);
    const back = await completeAtGateway(paymentId, 'cancel');
    arriveWith(gatewayParams(back!));

    const el = await widget({ code, applicantId: APPLICANT });
    await waitForState(el, 'cancelled');
    expect(hasGatewayParams()).to.equal(false);
    expect(text($(el, '[part="heading"]'))).to.equal('Đã hủy thanh toán');
    expect(announcement(el)).to.equal('Đã hủy thanh toán.');
    expect(log.of('dvc-payment-failed')).to.have.length(0);
    expect(log.of('dvc-payment-succeeded')).to.have.length(0);
    await expectNoAxeViolations(el);

    $<HTMLButtonElement>(el, '[part="pay-again-button"]')!.click();
    await waitForState(el, 'due');
    expect(text($(el, '[part="notice"]'))).to.include('đã bị hủy');
    expect((await getPayment(paymentId)).state).to.equal('cancelled');
  });

  it('return lost: with only ?vnp_TxnRef the status query recovers the payment as paid', async function () {
    slow(this);
    const code = await createDossier(TWO_KINDS);
    const paymentId = await startPayment(code);
    expect(await completeAtGateway(paymentId, 'return-lost')).to.equal(null);
    arriveWith(new URLSearchParams({ vnp_TxnRef: paymentId }));

    const el = await widget({ code });
    await waitForState(el, 'paid');
    expect(hasGatewayParams()).to.equal(false);
    expect($$(el, '[part="receipt"]')).to.have.length(2);
    expect(log.of<{ paymentId: string }>('dvc-payment-succeeded').map((e) => e.detail.paymentId)).to.deep.equal([paymentId]);
  });

  it('return lost and the payer reloads the page without parameters: the payment this tab started is found paid', async function () {
    slow(this);
    const code = await createDossier(ONE_CHARGE);
    const paymentId = await startPayment(code);
    await completeAtGateway(paymentId, 'return-lost');

    const el = await widget({ code });
    await waitForState(el, 'paid');
    expect(log.of<{ paymentId: string }>('dvc-payment-succeeded').map((e) => e.detail.paymentId)).to.deep.equal([paymentId]);
  });

  it('pending on return: polls with backoff, then says plainly the result is not known yet; "Check again" finds it paid', async function () {
    slow(this);
    const code = await createDossier(ONE_CHARGE);
    const paymentId = await startPayment(code);
    arriveWith(new URLSearchParams({ vnp_TxnRef: paymentId, vnp_ResponseCode: '00' }));

    const started = Date.now();
    const el = await widget({ code, statusTimeout: 3 });
    await waitForState(el, 'checking');
    expect(announcement(el)).to.equal('Đang kiểm tra kết quả thanh toán…');
    await expectNoAxeViolations(el);
    // A "00" in the URL is only a hint: nothing says paid until the API does.
    await waitForState(el, 'unknown', 10_000);
    expect(Date.now() - started).to.be.at.least(2500);
    const gets = spy.requests.filter((r) => r.method === 'GET' && r.url.includes(`/payments/${paymentId}`));
    // 0 s, 1 s, 3 s: backoff, not a tight loop.
    expect(gets.length).to.be.within(2, 4);
    expect(text($(el, '[part="heading"]'))).to.equal('Chưa có kết quả thanh toán');
    // The API answered: it is the gateway that has not confirmed yet.
    expect(text(el.shadowRoot!)).to.include('Cổng thanh toán chưa xác nhận khoản thanh toán của Ông/Bà.');
    expect(text(el.shadowRoot!)).to.not.include('thành công');
    expect(announcement(el)).to.equal('Chưa có kết quả thanh toán.');
    expect(log.of('dvc-payment-succeeded')).to.have.length(0);
    expect(focusedInside(el)?.id).to.equal('state-heading');
    await expectNoAxeViolations(el);

    await completeAtGateway(paymentId, 'success');
    $<HTMLButtonElement>(el, '[part="check-button"]')!.click();
    await waitForState(el, 'paid');
    expect(log.of('dvc-payment-succeeded')).to.have.length(1);
  });

  it('back from the gateway while the API cannot be reached: the section the page keeps hidden is shown, with the failure, focused, and "Check again" then finds the payment', async function () {
    slow(this);
    const code = await createDossier(ONE_CHARGE);
    const paymentId = await startPayment(code);
    const back = await completeAtGateway(paymentId, 'success');
    arriveWith(gatewayParams(back!));
    // The SDK asks three times (two retries): all three fail.
    await armFault({ operationId: 'getPayment', kind: 'status', status: 503, times: 3 });

    const section = await fixture<HTMLElement>(html`<section hidden><h2>Nộp phí</h2>
      <dvc-payment api-base=${api()} dossier-code=${code} return-url=${`${api()}/health`} status-timeout="2"></dvc-payment></section>`);
    const el = section.querySelector('dvc-payment')!;
    await waitForState(el, 'unknown', 10_000);
    expect(section.hidden, 'the page\'s hidden section is shown').to.equal(false);
    expect(focusedInside(el)?.id).to.equal('state-heading');
    expect(announcement(el)).to.equal('Chưa có kết quả thanh toán.');
    expect(text(el.shadowRoot!)).to.include('Hệ thống tạm thời gián đoạn');
    // This service could not be asked: the gateway is not said to be the one that has not answered.
    expect(text(el.shadowRoot!)).to.include('Hiện chưa kiểm tra được khoản thanh toán của Ông/Bà.');
    expect(text(el.shadowRoot!)).to.not.include('Cổng thanh toán chưa xác nhận');
    await expectNoAxeViolations(el);

    $<HTMLButtonElement>(el, '[part="check-button"]')!.click();
    await waitForState(el, 'paid', 10_000);
  });

  it('back in a tab that did not start the payment (a banking app opened the return address anew): the payment names its dossier, and its result is shown', async function () {
    slow(this);
    const code = await createDossier(TWO_KINDS);
    const paymentId = await startPayment(code);
    const back = await completeAtGateway(paymentId, 'success');
    arriveWith(gatewayParams(back!));
    sessionStorage.clear();

    const section = await fixture<HTMLElement>(html`<section hidden><h2>Nộp phí</h2>
      <dvc-payment api-base=${api()} return-url=${`${api()}/health`}></dvc-payment></section>`);
    const el = section.querySelector('dvc-payment')!;
    await waitForState(el, 'paid', 10_000);
    expect(el.dossierCode).to.equal(code);
    expect(section.hidden).to.equal(false);
    expect($$(el, '[part="receipt"]')).to.have.length(2);
    expect(hasGatewayParams()).to.equal(false);
    expect(focusedInside(el)?.id).to.equal('state-heading');
    expect(announcement(el)).to.equal('Thanh toán thành công. Biên lai của Ông/Bà đã sẵn sàng.');
  });

  it('a payment replaced by a newer one, then paid on its gateway page left open: said to be replaced and refunded, never "nothing was paid"', async function () {
    slow(this);
    const code = await createDossier(ONE_CHARGE);
    const first = await startPayment(code);
    const firstGateway = (await getPayment(first)).redirectUrl!;
    // Another method: a second payment takes the first's place (the first is closed as superseded).
    const second = await sdk().payments.create({ dossierCode: code, applicantId: APPLICANT, returnUrl: `${api()}/health`, method: 'e-wallet' },
      { idempotencyKey: crypto.randomUUID() });
    expect(second.id).to.not.equal(first);
    // The first gateway's page, still open in another tab, takes the money all the same.
    const back = await completeAtGateway(first, 'success', firstGateway);
    arriveWith(gatewayParams(back!));

    const el = await widget({ code, applicantId: APPLICANT });
    await waitForState(el, 'cancelled');
    expect(text($(el, '[part="heading"]'))).to.equal('Giao dịch đã được thay thế');
    expect(text($(el, '[part="message"]'))).to.equal(`Giao dịch thanh toán này cho hồ sơ ${code} đã được thay thế bằng một giao dịch mới hơn và đã đóng. Nếu cổng thanh toán đã thu tiền cho giao dịch này, cơ quan sẽ hoàn lại cho Ông/Bà.`);
    expect(announcement(el)).to.equal('Giao dịch đã được thay thế.');
    expect(text($(el, '[part="pay-again-button"]'))).to.equal('Xem phí, lệ phí cần nộp');
  });

  it('a dossier withdrawn while its payer was at the gateway, paid there all the same: said to be closed with its dossier and refunded, with nothing to pay again', async function () {
    slow(this);
    const code = await createDossier(ONE_CHARGE);
    const paymentId = await startPayment(code);
    const gatewayPage = (await getPayment(paymentId)).redirectUrl!;
    await sandbox(`/_sandbox/dossiers/${encodeURIComponent(code)}/status`, { status: 'withdrawn' });
    // The gateway's page, open before the dossier was withdrawn, takes the money all the same.
    const back = await completeAtGateway(paymentId, 'success', gatewayPage);
    arriveWith(gatewayParams(back!));

    const el = await widget({ code, applicantId: APPLICANT });
    await waitForState(el, 'cancelled');
    expect(focusedInside(el)?.id).to.equal('state-heading');
    expect(text($(el, '[part="heading"]'))).to.equal('Giao dịch đã được đóng');
    expect(text($(el, '[part="message"]'))).to.equal(`Hồ sơ ${code} đã kết thúc mà không có kết quả (không được tiếp nhận, đã rút hoặc dừng xử lý), nên giao dịch thanh toán này đã được đóng: Ông/Bà không phải nộp khoản nào. Nếu cổng thanh toán đã thu tiền cho giao dịch này, cơ quan sẽ hoàn lại cho Ông/Bà.`);
    expect(announcement(el)).to.equal('Giao dịch đã được đóng.');
    expect($(el, '[part="pay-again-button"]')).to.equal(null);
    expect(log.of('dvc-payment-succeeded')).to.have.length(0);
    await expectNoAxeViolations(el);
    const payment = await getPayment(paymentId);
    expect([payment.state, payment.failureCode, payment.receipts.length]).to.deep.equal(['cancelled', 'dossier-closed', 0]);

    await setLang('en');
    await el.updateComplete;
    expect(text($(el, '[part="heading"]'))).to.equal('Payment closed');
    expect(text($(el, '[part="message"]'))).to.equal(`Dossier ${code} was closed without a result (not accepted, withdrawn or stopped), so this payment was closed: there is nothing to pay. If the payment gateway took money for it, the agency will refund it to you.`);
  });

  it('return parameters of another dossier\'s payment are left alone', async function () {
    slow(this);
    const mine = await createDossier(ONE_CHARGE);
    const other = await createDossier(ONE_CHARGE, 'payment-due', '001200000456');
    const el0 = await widget({ code: other, applicantId: '001200000456' });
    await waitForState(el0, 'due');
    const paymentId = await pay(el0, log);
    el0.remove();
    arriveWith(new URLSearchParams({ vnp_TxnRef: paymentId }));

    const el = await widget({ code: mine, applicantId: APPLICANT });
    await waitForState(el, 'due');
    expect(hasGatewayParams()).to.equal(true);
    expect(log.of('dvc-payment-succeeded')).to.have.length(0);
  });

  it('in English: amounts and words per locale through the whole journey', async function () {
    slow(this);
    await setLang('en');
    const code = await createDossier(TWO_KINDS);
    const paymentId = await startPayment(code);
    const back = await completeAtGateway(paymentId, 'failure');
    arriveWith(gatewayParams(back!));
    const el = await widget({ code, applicantId: APPLICANT });
    await waitForState(el, 'failed');
    expect(text($(el, '[part="heading"]'))).to.equal('Payment failed');
    expect(text($(el, '[part="error-message"]'))).to.equal('Your account does not have enough money for this payment.');
    $<HTMLButtonElement>(el, '[part="pay-again-button"]')!.click();
    await waitForState(el, 'due');
    expect(text($(el, '[part="pay-button"]'))).to.equal('Pay VND 210,000');
    const secondId = await pay(el, log);
    el.remove();
    const success = await completeAtGateway(secondId, 'success');
    arriveWith(gatewayParams(success!));
    const done = await widget({ code });
    await waitForState(done, 'paid');
    expect(text($(done, '[part="heading"]'))).to.equal('Payment successful');
    expect(text($(done, '[part="message"]'))).to.equal(`You have paid VND 210,000 for dossier ${code}.`);
    expect(text($(done, '[part="receipt-link"]'))).to.equal('View and print the receipt (opens in a new tab)');
    await expectNoAxeViolations(done);
    expect((await lookup(code)).payment!.state).to.equal('paid');
  });
});
