import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { afterEach, beforeEach, describe, it } from '../test-support/mocha.ts';
import { expectNoAxeViolations } from '../test-support/axe.ts';
import { DvcPayment } from './payment.ts';
import {
  $, $$, APPLICANT, EventLog, FetchSpy, ONE_CHARGE, TWO_KINDS, announcement, api, armFault, completeAtGateway, createDossier,
  focusedInside, getPayment, lookup, paidThenAskedMore, pay, reviseFees, sandbox, sdk, setLang, slow, stateOf, text, waitForState, widget,
} from '../test-support/payment-drivers.ts';
import type { FeeLine } from '../test-support/payment-drivers.ts';
import { withoutPaymentGateways } from '../test-support/no-gateways.ts';

// Port 9 (discard) is closed on loopback: the connection is refused at once.
const UNREACHABLE_API = 'http://127.0.0.1:9/api/v1';
const DEMO_ONE_CHARGE = { code: '000.00.15.H26-261102-0006', applicantId: '001099000006' };
const DEMO_TWO_KINDS = { code: '000.00.15.H26-261102-0014', applicantId: '001099000014' };
const DEMO_PROCESSING = { code: '000.00.15.H26-261102-0004', applicantId: '001099000004' };

/** Navigation made visible: the widget's seam for hosts that navigate their own way. */
class RecordingPayment extends DvcPayment {
  readonly navigations: string[] = [];
  protected override navigate(url: string): void {
    this.navigations.push(url);
  }
}
customElements.define('test-dvc-payment', RecordingPayment);

const payButton = (el: DvcPayment) => $<HTMLButtonElement>(el, '[part="pay-button"]')!;
const input = (el: DvcPayment) => $<HTMLInputElement>(el, '#applicant-id')!;

async function submitApplicantId(el: DvcPayment, value: string): Promise<void> {
  input(el).value = value;
  $<HTMLButtonElement>(el, '[part="continue-button"]')!.click();
  await el.updateComplete;
}

describe('<dvc-payment>', () => {
  let log: EventLog;
  let spy: FetchSpy;
  const home = location.href;

  /** A new dossier paid for by a widget that records where it would navigate: it is on its way to the gateway. */
  async function payAndLeaveForGateway(): Promise<{ code: string; el: RecordingPayment }> {
    log.cancelStarts = false;
    const code = await createDossier(ONE_CHARGE);
    const el = await widget({ code, applicantId: APPLICANT, tag: 'test-dvc-payment' }) as RecordingPayment;
    await waitForState(el, 'due');
    payButton(el).click();
    await waitForState(el, 'redirecting');
    return { code, el };
  }

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
    await setViewport({ width: 800, height: 600 });
    await setLang('vi');
  });

  it('asks for the 12-digit identity number (numeric keypad), with errors in the GOV.UK pattern, and passes axe', async () => {
    const el = await widget({ code: DEMO_ONE_CHARGE.code });
    await waitForState(el, 'ask');
    await expectNoAxeViolations(el);
    const box = input(el);
    expect(box.inputMode).to.equal('numeric');
    expect(box.hasAttribute('name')).to.equal(false);
    expect(text($(el, `label[for="${box.id}"]`))).to.equal('Số định danh cá nhân');
    expect(text($(el, '[part="heading"]'))).to.equal('Thanh toán phí, lệ phí');

    await submitApplicantId(el, '');
    const summary = $(el, '[part="error-summary"]')!;
    expect(focusedInside(el)).to.equal(summary);
    expect(text(summary)).to.include('Nhập số định danh cá nhân');
    expect(box.getAttribute('aria-invalid')).to.equal('true');
    expect(box.getAttribute('aria-describedby')).to.include('applicant-id-error');
    expect(text($(el, '#applicant-id-error'))).to.include('Nhập số định danh cá nhân');
    await expectNoAxeViolations(el);

    await submitApplicantId(el, '12345');
    expect(text($(el, '#applicant-id-error'))).to.include('12 chữ số');
    // The summary's link takes the payer to the field.
    $<HTMLAnchorElement>(el, '[part="error-summary"] a')!.click();
    expect(focusedInside(el)).to.equal(box);
    expect(location.hash).to.equal('');

    // A wrong number answers like an unknown dossier, next to the field; what was typed stays.
    await submitApplicantId(el, '001 099 000 999');
    await waitUntil(() => $(el, '#applicant-id-error') !== null && stateOf(el) === 'ask' && !$(el, '[part="loading"]'), 'not refused', { timeout: 8000 });
    await el.updateComplete;
    expect(text($(el, '#applicant-id-error'))).to.include('Không tìm thấy hồ sơ');
    expect(input(el).value).to.equal('001 099 000 999');
    await expectNoAxeViolations(el);

    await submitApplicantId(el, DEMO_ONE_CHARGE.applicantId);
    await waitForState(el, 'due');
    expect(focusedInside(el)?.id).to.equal('state-heading');
    expect(text(payButton(el))).to.equal('Thanh toán 200.000 đồng');
  });

  it('shows one charge line by line, the total and the method choice, with the amount on the pay button (vi), and passes axe', async () => {
    const el = await widget({ ...DEMO_ONE_CHARGE });
    await waitForState(el, 'due');
    const rows = $$<HTMLTableRowElement>(el, 'tbody tr');
    expect(rows).to.have.length(1);
    expect(rows.map((row) => [...row.cells].map((cell) => text(cell)))).to.deep.equal([
      ['Phí', 'Phí cung cấp thông tin lý lịch tư pháp', '200.000 đồng'],
    ]);
    expect(text($(el, 'tfoot tr'))).to.equal('Tổng cộng 200.000 đồng');
    const legend = $(el, 'fieldset legend');
    expect(text(legend)).to.equal('Hình thức thanh toán');
    const radios = $$<HTMLInputElement>(el, 'input[type="radio"]');
    expect(radios.map((r) => r.checked)).to.deep.equal([true, false]);
    expect($$(el, '[part="method"]').map((m) => text(m))).to.deep.equal(['Thẻ ATM / Mã QR ngân hàng', 'Ví điện tử MoMo']);
    expect(text(payButton(el))).to.equal('Thanh toán 200.000 đồng');
    // Reached on page load without an action: focus stays where the page had it.
    expect(focusedInside(el)).to.equal(null);
    expect(announcement(el)).to.equal('Cần thanh toán: 200.000 đồng.');
    await expectNoAxeViolations(el);
  });

  it('says where to pay, with no pay form, when the server takes no payment online; passes axe', async () => {
    const restore = withoutPaymentGateways();
    try {
      const el = await widget({ ...DEMO_ONE_CHARGE });
      await waitForState(el, 'due');
      expect(text($(el, 'tfoot tr'))).to.equal('Tổng cộng 200.000 đồng');
      expect($(el, '[part="pay-form"]')).to.equal(null);
      expect($(el, '[part="pay-button"]')).to.equal(null);
      const where = 'Hệ thống chưa hỗ trợ thanh toán trực tuyến cho hồ sơ này. Ông/Bà vui lòng nộp phí, lệ phí tại Bộ phận Một cửa nơi đã nộp hồ sơ.';
      expect(text($(el, '[part="pay-in-person"]'))).to.equal(where);
      // A screen reader hears where to pay with the amount: there is no pay button to find.
      expect(announcement(el)).to.equal(`Cần thanh toán: 200.000 đồng. ${where}`);
      await expectNoAxeViolations(el);
    } finally {
      restore();
    }
  });

  it('says where to pay when the server stopped taking payments online after the amount was shown (409 payments_not_offered)', async () => {
    const el = await widget({ ...DEMO_ONE_CHARGE });
    await waitForState(el, 'due');
    const restore = withoutPaymentGateways();
    try {
      payButton(el).click();
      await waitUntil(() => $(el, '[part="pay-in-person"]') !== null, 'no pay-in-person view', { timeout: 8000 });
      expect($(el, '[part="pay-button"]')).to.equal(null);
      expect($(el, '[part~="error"]')).to.equal(null);
      expect(announcement(el)).to.match(/^Cần thanh toán: 200\.000 đồng\. Hệ thống chưa hỗ trợ thanh toán trực tuyến/);
      await expectNoAxeViolations(el);
    } finally {
      restore();
    }
  });

  it('shows a charge and a fee with their kinds, in English with English amounts, and fits 320 px', async () => {
    await setLang('en');
    const el = await widget({ ...DEMO_TWO_KINDS });
    await waitForState(el, 'due');
    expect($$<HTMLTableRowElement>(el, 'tbody tr').map((row) => text(row.cells[0]!))).to.deep.equal(['Charge', 'Fee']);
    expect($$<HTMLTableRowElement>(el, 'tbody tr').map((row) => text(row.cells[2]!))).to.deep.equal(['VND 200,000', 'VND 10,000']);
    expect(text($(el, 'tfoot tr'))).to.equal('Total VND 210,000');
    expect(text(payButton(el))).to.equal('Pay VND 210,000');
    expect($$(el, '[part="method"]').map((m) => text(m))).to.deep.equal(['Bank card / bank QR code', 'MoMo e-wallet']);
    await expectNoAxeViolations(el);

    expect(announcement(el)).to.equal('To pay: VND 210,000.');
    await setLang('vi');
    await el.updateComplete;
    expect(text(payButton(el))).to.equal('Thanh toán 210.000 đồng');
    // The live region's words follow the page's language, quietly: a switch is no news.
    expect(announcement(el)).to.equal('Cần thanh toán: 210.000 đồng.');
    expect($(el, '[part="announcer"]')!.getAttribute('aria-live')).to.equal('off');
    expect($$<HTMLTableRowElement>(el, 'tbody tr').map((row) => text(row.cells[0]!))).to.deep.equal(['Phí', 'Lệ phí']);

    await setViewport({ width: 320, height: 700 });
    await el.updateComplete;
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    expect(el.scrollWidth).to.be.at.most(el.clientWidth);
    const button = payButton(el).getBoundingClientRect();
    expect(button.height).to.be.at.least(24);
    for (const method of $$(el, '[part="method"]')) expect(method.getBoundingClientRect().height).to.be.at.least(24);
    await expectNoAxeViolations(el);
  });

  it('passes axe while loading', async () => {
    await armFault({ operationId: 'lookupDossier', kind: 'delay', delayMs: 3000 });
    const el = await widget({ ...DEMO_ONE_CHARGE });
    await waitForState(el, 'loading');
    expect($(el, '[part="state"]')!.getAttribute('aria-busy')).to.equal('true');
    expect(text($(el, '[part="loading"]'))).to.include('Đang tải…');
    expect(announcement(el)).to.equal('Đang tra cứu số tiền cần thanh toán…');
    await expectNoAxeViolations(el);
  });

  it('says when a dossier has nothing to pay, and passes axe', async () => {
    const el = await widget({ ...DEMO_PROCESSING });
    await waitForState(el, 'nothing-due');
    expect(text($(el, '[part="heading"]'))).to.equal('Không có khoản nào cần thanh toán');
    expect(payButton(el)).to.equal(null);
    await expectNoAxeViolations(el);
  });

  it('shows a paid dossier\'s receipt numbers and receipt link instead of a pay button, and passes axe', async function () {
    slow(this);
    const code = await createDossier(TWO_KINDS);
    const first = await widget({ code, applicantId: APPLICANT });
    await waitForState(first, 'due');
    const paymentId = await pay(first, log);
    await completeAtGateway(paymentId, 'success');
    first.remove();
    sessionStorage.clear();

    const el = await widget({ code, applicantId: APPLICANT });
    await waitForState(el, 'already-paid');
    expect(payButton(el)).to.equal(null);
    const receipts = (await lookup(code)).payment!.receiptNumbers!;
    expect(receipts).to.have.length(2);
    expect($$(el, '[part="receipt"]').map((li) => text(li))).to.deep.equal(receipts.map((n) => `Biên lai số ${n}`));
    const link = $<HTMLAnchorElement>(el, '[part="receipt-link"]')!;
    expect(link.href).to.equal(`${api()}/payments/${paymentId}/receipt?lang=vi`);
    expect(link.target).to.equal('_blank');
    expect(text(link)).to.equal('Xem và in biên lai (mở trong thẻ mới)');
    expect(log.of('dvc-payment-succeeded')).to.have.length(0);
    await expectNoAxeViolations(el);
  });

  it('paid meanwhile elsewhere (409 payment_already_paid): shows the receipts, never a second payment', async function () {
    slow(this);
    const code = await createDossier(ONE_CHARGE);
    const el = await widget({ code, applicantId: APPLICANT });
    await waitForState(el, 'due');
    // Another tab pays the same dossier to the end.
    const other = await sdk().payments.create({ dossierCode: code, applicantId: APPLICANT, returnUrl: `${api()}/health`, expectedAmount: 200_000 });
    await completeAtGateway(other.id, 'success');

    payButton(el).click();
    await waitForState(el, 'already-paid');
    expect(focusedInside(el)?.id).to.equal('state-heading');
    expect(payButton(el)).to.equal(null);
    expect($<HTMLAnchorElement>(el, '[part="receipt-link"]')!.href).to.equal(`${api()}/payments/${other.id}/receipt?lang=vi`);
    expect(log.of('dvc-payment-started')).to.have.length(0);
    expect(sessionStorage.getItem(`dvc-payment:${code}`)).to.equal(null);
  });

  it('without a dossier code it says there is nothing to pay for, under the first view\'s heading, and passes axe', async () => {
    const el = await widget({ code: '' });
    expect(stateOf(el)).to.equal('idle');
    expect(text($(el, '[part="heading"]'))).to.equal('Phí, lệ phí cần thanh toán');
    expect(text($(el, '[part="message"]'))).to.equal('Chưa có hồ sơ nào được chỉ định để thanh toán.');
    expect(spy.requests).to.have.length(0);
    await expectNoAxeViolations(el);
  });

  it('shows the localised network error with a working "Thử lại", and passes axe', async () => {
    const el = await widget({ ...DEMO_ONE_CHARGE, apiBase: UNREACHABLE_API });
    await waitForState(el, 'lookup-error');
    const alert = $(el, '[role="alert"]')!;
    expect(text(alert)).to.include('Không thể kết nối tới hệ thống');
    await expectNoAxeViolations(el);
    el.apiBase = api();
    $<HTMLButtonElement>(el, '[part="retry-button"]')!.click();
    await waitForState(el, 'due');
    expect(focusedInside(el)?.id).to.equal('state-heading');
  });

  /** A dossier owing one charge, shown due; pay pressed while the API answers 503 to `times` payment requests: the failure shown. */
  async function payingMeets503(times: number): Promise<{ code: string; el: DvcPayment }> {
    const code = await createDossier(ONE_CHARGE);
    const el = await widget({ code, applicantId: APPLICANT });
    await waitForState(el, 'due');
    await armFault({ operationId: 'createPayment', kind: 'status', status: 503, times });
    payButton(el).click();
    await waitUntil(() => $(el, '[role="alert"]') !== null, 'no error shown', { timeout: 15_000 });
    return { code, el };
  }

  it('a 503 while paying: a localised message; "Thử lại" pays once, with the same Idempotency-Key', async function () {
    slow(this);
    // The first request and the SDK's own two retries all meet the fault.
    const { code, el } = await payingMeets503(3);
    expect(stateOf(el)).to.equal('due');
    expect(text($(el, '[role="alert"]'))).to.include('Hệ thống tạm thời gián đoạn');
    expect(text(payButton(el))).to.equal('Thanh toán 200.000 đồng');
    await expectNoAxeViolations(el);

    $<HTMLButtonElement>(el, '[part="retry-button"]')!.click();
    await waitForState(el, 'started', 15_000);
    const started = log.of<{ paymentId: string }>('dvc-payment-started');
    expect(started).to.have.length(1);
    const keys = new Set(spy.paymentPosts.map((r) => r.idempotencyKey));
    expect(spy.paymentPosts.length).to.equal(4);
    expect(keys.size).to.equal(1);
    expect((await lookup(code)).payment!.paymentId).to.equal(started[0]!.detail.paymentId);
  });

  it('"Thử lại" after a payment that did not start: focus waits on the pay button, which stays and says so, and is still there after a second failure', async function () {
    slow(this);
    // Two attempts, each with the SDK's own two retries, meet the fault.
    const { el } = await payingMeets503(6);
    $<HTMLButtonElement>(el, '[part="retry-button"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(focusedInside(el)).to.equal(payButton(el));
    expect(text(payButton(el))).to.equal('Đang tạo giao dịch thanh toán…');
    await waitUntil(() => $(el, '[role="alert"]') !== null, 'the second failure was not shown', { timeout: 15_000 });
    await el.updateComplete;
    expect(focusedInside(el)).to.equal(payButton(el));
  });

  it('"Thử lại" after the identity number could not be checked: focus waits on "Tiếp tục", which stays, then goes to what is due', async function () {
    slow(this);
    const el = await widget({ code: DEMO_ONE_CHARGE.code });
    await waitForState(el, 'ask');
    await armFault({ operationId: 'lookupDossier', kind: 'status', status: 503 });
    await submitApplicantId(el, DEMO_ONE_CHARGE.applicantId);
    await waitUntil(() => $(el, '[part="retry-button"]') !== null, 'no failure shown', { timeout: 8000 });
    await armFault({ operationId: 'lookupDossier', kind: 'delay', delayMs: 1000 });
    $<HTMLButtonElement>(el, '[part="retry-button"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(focusedInside(el)?.getAttribute('part')).to.equal('continue-button');
    await waitForState(el, 'due');
    expect(focusedInside(el)?.id).to.equal('state-heading');
  });

  it('a failure said above the pay button, which keeps focus, leaves the button on a phone\'s screen', async function () {
    slow(this);
    const code = await createDossier(ONE_CHARGE);
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await widget({ code, applicantId: APPLICANT });
      await waitForState(el, 'due');
      // The button at the bottom edge of the screen, as a citizen scrolls down to it.
      payButton(el).scrollIntoView({ block: 'end', behavior: 'instant' });
      payButton(el).focus();
      await armFault({ operationId: 'createPayment', kind: 'status', status: 503, times: 3 });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => $(el, '[role="alert"]') !== null, 'no error shown', { timeout: 15_000 });
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      expect(focusedInside(el)).to.equal(payButton(el));
      const button = payButton(el).getBoundingClientRect();
      expect(button.top, 'the button\'s top on screen').to.be.at.least(0);
      expect(button.bottom, 'the button\'s bottom on screen').to.be.at.most(window.innerHeight + 1);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('amount changed: explains it, shows the new amount, drops the old key, and the payer confirms again', async function () {
    slow(this);
    const code = await createDossier(ONE_CHARGE);
    const el = await widget({ code, applicantId: APPLICANT });
    await waitForState(el, 'due');
    expect(text(payButton(el))).to.equal('Thanh toán 200.000 đồng');
    await reviseFees(code, [{ kind: 'charge', description: 'Phí cung cấp thông tin lý lịch tư pháp', amount: 250_000 }]);

    payButton(el).click();
    await waitUntil(() => $(el, '[part="notice"]') !== null, 'no notice', { timeout: 8000 });
    await el.updateComplete;
    expect(stateOf(el)).to.equal('due');
    const notice = text($(el, '[part="notice"]'));
    expect(notice).to.include('Số tiền cần thanh toán đã thay đổi');
    expect(notice).to.include('200.000 đồng');
    expect(notice).to.include('250.000 đồng');
    expect(text(payButton(el))).to.equal('Thanh toán 250.000 đồng');
    expect(announcement(el)).to.include('250.000 đồng');
    expect(focusedInside(el)?.id).to.equal('state-heading');
    expect(log.of('dvc-payment-started')).to.have.length(0);
    await expectNoAxeViolations(el);

    const paymentId = await pay(el, log);
    expect((await getPayment(paymentId)).total).to.equal(250_000);
    const [refused, accepted] = spy.paymentPosts;
    expect(refused!.idempotencyKey).to.not.equal(accepted!.idempotencyKey);
  });

  it('paid before, then the agency asked for more: says what was paid with its receipt, lists only what is left, and pays the rest', async function () {
    slow(this);
    const more: FeeLine = { kind: 'fee', description: 'Lệ phí cấp bản sao Phiếu lý lịch tư pháp (2 bản)', amount: 10_000 };
    const { code } = await paidThenAskedMore(more);
    const receipt = (await lookup(code)).payment!.alreadyPaid!.receiptNumbers[0]!;
    const el = await widget({ code, applicantId: APPLICANT });
    await waitForState(el, 'due');
    expect(text($(el, '[part="paid-before"]'))).to.equal(
      `Ông/Bà đã nộp 200.000 đồng cho hồ sơ này (biên lai số ${receipt}). Sau đó, cơ quan giải quyết yêu cầu nộp thêm khoản dưới đây.`);
    expect($$(el, '[part="line"]').map((row) => text(row.querySelector('.description')))).to.deep.equal([more.description]);
    expect(text($(el, '[part="total"]'))).to.equal('Còn phải nộp 10.000 đồng');
    expect(text(payButton(el))).to.equal('Thanh toán 10.000 đồng');
    // Heard before the amount: why the citizen is asked to pay again.
    expect(announcement(el)).to.equal(`Ông/Bà đã nộp 200.000 đồng cho hồ sơ này (biên lai số ${receipt}). Sau đó, cơ quan giải quyết yêu cầu nộp thêm khoản dưới đây. Còn phải nộp: 10.000 đồng.`);
    await expectNoAxeViolations(el);

    const paymentId = await pay(el, log);
    expect((await getPayment(paymentId)).total).to.equal(10_000);
  });

  it('the fees revised while the rest is shown, to a rest the desk must settle: Pay says the amount changed, where to pay, and what was paid beyond', async function () {
    slow(this);
    const { code } = await paidThenAskedMore({ kind: 'fee', description: 'Lệ phí cấp bản sao', amount: 10_000 });
    const el = await widget({ code, applicantId: APPLICANT });
    await waitForState(el, 'due');
    // The paid charge lowered, the fee raised: 50,000 paid beyond the charge, 20,000 of fee owed.
    await reviseFees(code, [{ ...ONE_CHARGE[0]!, amount: 150_000 }, { kind: 'fee', description: 'Lệ phí cấp bản sao', amount: 20_000 }]);
    payButton(el).click();
    await waitUntil(() => $(el, '[part="notice"]') !== null, 'no notice', { timeout: 8000 });
    await el.updateComplete;
    expect(text($(el, '[part="notice"]'))).to.include('20.000 đồng');
    expect(payButton(el)).to.equal(null);
    expect($(el, '[part="pay-in-person"]')).to.not.equal(null);
    const overpaid = 'Ông/Bà đã nộp thừa 50.000 đồng so với số tiền hiện phải nộp. Ông/Bà vui lòng liên hệ Bộ phận Một cửa để được hoàn trả hoặc khấu trừ vào số tiền phải nộp.';
    expect(text($(el, '[part="overpaid"]'))).to.equal(overpaid);
    expect(announcement(el)).to.include(overpaid);
    expect(log.of('dvc-payment-started')).to.have.length(0);
    await expectNoAxeViolations(el);
  });

  it('paid, then a fee lowered: "already paid" says what was paid beyond what is owed', async function () {
    slow(this);
    const code = await createDossier(ONE_CHARGE);
    const paid = await sdk().payments.create({ dossierCode: code, applicantId: APPLICANT, returnUrl: `${api()}/health`, expectedAmount: 200_000 });
    await completeAtGateway(paid.id, 'success');
    await reviseFees(code, [{ ...ONE_CHARGE[0]!, amount: 150_000 }]);
    const el = await widget({ code, applicantId: APPLICANT });
    await waitForState(el, 'already-paid');
    expect(text($(el, '[part="overpaid"]'))).to.include('Ông/Bà đã nộp thừa 50.000 đồng');
    await expectNoAxeViolations(el);
  });

  it('paid in two payments: "already paid" lists every receipt and links each payment\'s printable page, told apart by its numbers', async function () {
    slow(this);
    const { code, paymentId: first } = await paidThenAskedMore({ kind: 'fee', description: 'Lệ phí cấp bản sao', amount: 10_000 });
    const rest = await sdk().payments.create({ dossierCode: code, applicantId: APPLICANT, returnUrl: `${api()}/health`, expectedAmount: 10_000 });
    await completeAtGateway(rest.id, 'success');
    const paid = (await lookup(code)).payment!;
    expect(paid.paidPayments!.map((p) => p.paymentId)).to.deep.equal([first, rest.id]);
    const el = await widget({ code, applicantId: APPLICANT });
    await waitForState(el, 'already-paid');
    expect($$(el, '[part="receipt"]').map(text)).to.deep.equal(paid.receiptNumbers!.map((number) => `Biên lai số ${number}`));
    const links = $$<HTMLAnchorElement>(el, '[part="receipt-link"]');
    expect(links.map((link) => link.href)).to.deep.equal([first, rest.id].map((id) => `${api()}/payments/${id}/receipt?lang=vi`));
    expect(links.map(text)).to.deep.equal(paid.paidPayments!.map((p) => `Xem và in biên lai số ${p.receiptNumbers.join(', ')} (mở trong thẻ mới)`));
    await expectNoAxeViolations(el);
  });

  it('while the page handles the gateway itself (cancelled dvc-payment-started): a "complete your payment" view, and axe', async function () {
    slow(this);
    const code = await createDossier(ONE_CHARGE);
    const el = await widget({ code, applicantId: APPLICANT });
    await waitForState(el, 'due');
    const paymentId = await pay(el, log);
    const event = log.of('dvc-payment-started')[0]!;
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(true);
    expect(event.cancelable).to.equal(true);
    expect(event.defaultPrevented).to.equal(true);
    expect(text($(el, '[part="heading"]'))).to.equal('Hoàn tất thanh toán');
    expect(focusedInside(el)?.id).to.equal('state-heading');
    const stored = JSON.parse(sessionStorage.getItem(`dvc-payment:${code}`)!) as { paymentId: string; amount: number };
    expect(stored.paymentId).to.equal(paymentId);
    expect(stored.amount).to.equal(200_000);
    await expectNoAxeViolations(el);

    // "Open the payment gateway again" starts the same payment, it never makes another.
    $<HTMLButtonElement>(el, '[part="open-gateway-button"]')!.click();
    await el.updateComplete;
    expect(log.of<{ paymentId: string }>('dvc-payment-started').map((e) => e.detail.paymentId)).to.deep.equal([paymentId, paymentId]);
    expect(spy.paymentPosts).to.have.length(1);
  });

  it('without preventDefault it navigates to the payment\'s gateway address (redirecting view passes axe)', async function () {
    slow(this);
    const { code, el } = await payAndLeaveForGateway();
    const paymentId = log.of<{ paymentId: string }>('dvc-payment-started')[0]!.detail.paymentId;
    const payment = await getPayment(paymentId);
    expect(el.navigations).to.deep.equal([payment.redirectUrl]);
    expect($<HTMLAnchorElement>(el, '[part="gateway-link"]')!.href).to.equal(payment.redirectUrl);
    expect(announcement(el)).to.equal('Đang chuyển đến cổng thanh toán…');
    expect(JSON.parse(sessionStorage.getItem(`dvc-payment:${code}`)!).paymentId).to.equal(paymentId);
    await expectNoAxeViolations(el);
  });

  it('back from the gateway with the browser\'s Back button (the page restored as it was left) shows what is due again, not "Taking you to the gateway" for good', async function () {
    slow(this);
    const { el } = await payAndLeaveForGateway();
    // A page shown afresh (not from the cache: the first load) changes nothing.
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: false }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await el.updateComplete;
    expect(stateOf(el)).to.equal('redirecting');
    // What a browser fires when it shows a page from its back-forward cache.
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    await waitForState(el, 'due');
    expect(text($(el, '[part="notice"]'))).to.equal('Ông/Bà đã bắt đầu một giao dịch thanh toán cho hồ sơ này nhưng chưa hoàn tất. Thanh toán bằng cùng hình thức sẽ tiếp tục giao dịch đó: Ông/Bà không bị trừ tiền hai lần. Nếu chọn hình thức thanh toán khác, Ông/Bà vui lòng không hoàn tất giao dịch đã bắt đầu trước đó.');
    expect(payButton(el)).to.not.equal(null);
    expect(focusedInside(el)?.id).to.equal('state-heading');
  });

  it('a double click makes exactly one payment', async function () {
    slow(this);
    const code = await createDossier(ONE_CHARGE);
    const el = await widget({ code, applicantId: APPLICANT });
    await waitForState(el, 'due');
    // Two clicks in the same moment, then a third while the (slowed) request is on its way.
    await armFault({ operationId: 'createPayment', kind: 'delay', delayMs: 800 });
    payButton(el).click();
    payButton(el).click();
    await el.updateComplete;
    expect(payButton(el).getAttribute('aria-disabled')).to.equal('true');
    await new Promise((resolve) => setTimeout(resolve, 200));
    payButton(el).click();
    await waitForState(el, 'started');
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(spy.paymentPosts).to.have.length(1);
    const started = log.of<{ paymentId: string }>('dvc-payment-started');
    expect(started).to.have.length(1);
    const paymentId = started[0]!.detail.paymentId;
    const dossier = await lookup(code);
    expect(dossier.payment!.paymentId).to.equal(paymentId);
    expect(dossier.payment!.state).to.equal('pending');
  });

  it('a reload before the gateway finds the same payment (sessionStorage key)', async function () {
    slow(this);
    const code = await createDossier(TWO_KINDS);
    const first = await widget({ code, applicantId: APPLICANT });
    await waitForState(first, 'due');
    const paymentId = await pay(first, log);
    first.remove();

    const again = await widget({ code, applicantId: APPLICANT });
    await waitForState(again, 'due');
    expect(text($(again, '[part="notice"]'))).to.include('không bị trừ tiền hai lần');
    const secondId = await pay(again, log);
    expect(secondId).to.equal(paymentId);
    const [one, two] = spy.paymentPosts;
    expect(one!.idempotencyKey).to.equal(two!.idempotencyKey);
    expect((await lookup(code)).payment!.paymentId).to.equal(paymentId);
  });

  it('a reload keeps the method the payer chose, also over an unfinished attempt\'s, and pays with it', async function () {
    slow(this);
    const code = await createDossier(TWO_KINDS);
    const radios = (el: DvcPayment) => $$<HTMLInputElement>(el, '[part="method"] input');
    const first = await widget({ code, applicantId: APPLICANT });
    await waitForState(first, 'due');
    const unfinished = await pay(first, log); // with the first method, and never finished
    expect((await getPayment(unfinished)).method).to.equal('bank-qr');
    first.remove();

    const second = await widget({ code, applicantId: APPLICANT });
    await waitForState(second, 'due');
    expect(radios(second).map((r) => r.checked)).to.deep.equal([true, false]);
    radios(second)[1]!.click();
    await second.updateComplete;
    second.remove();

    const third = await widget({ code, applicantId: APPLICANT });
    await waitForState(third, 'due');
    expect(radios(third).map((r) => r.checked), 'the choice made before the reload').to.deep.equal([false, true]);
    const paymentId = await pay(third, log);
    expect((await getPayment(paymentId)).method).to.equal('e-wallet');
  });

  it('each dossier keeps its own chosen method when the widget is given another and then the first again', async function () {
    slow(this);
    const first = await createDossier(TWO_KINDS);
    const second = await createDossier(TWO_KINDS);
    const radios = (el: DvcPayment) => $$<HTMLInputElement>(el, '[part="method"] input');
    const el = await widget({ code: first, applicantId: APPLICANT });
    await waitForState(el, 'due');
    radios(el)[1]!.click();
    await el.updateComplete;
    el.dossierCode = second;
    await waitUntil(() => text($(el, '[part="dossier"]')).includes(second), 'the second dossier was not shown', { timeout: 8000 });
    await waitForState(el, 'due');
    expect(radios(el).map((r) => r.checked), 'the second dossier: nothing chosen for it yet').to.deep.equal([true, false]);
    el.dossierCode = first;
    await waitUntil(() => text($(el, '[part="dossier"]')).includes(first), 'the first dossier was not shown again', { timeout: 8000 });
    await waitForState(el, 'due');
    expect(radios(el).map((r) => r.checked), 'the first dossier: its own choice').to.deep.equal([false, true]);
  });

  it('works from the keyboard alone: number, method, pay, check the result, receipt', async function () {
    slow(this, 40_000);
    const code = await createDossier(TWO_KINDS);
    const el = await widget({ code });
    await waitForState(el, 'ask');
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: 'Tab' });
    expect(focusedInside(el)).to.equal(input(el));
    await sendKeys({ type: APPLICANT });
    await sendKeys({ press: 'Enter' });
    await waitForState(el, 'due');
    expect(focusedInside(el)?.id).to.equal('state-heading');

    await sendKeys({ press: 'Tab' });
    expect((focusedInside(el) as HTMLInputElement).type).to.equal('radio');
    await sendKeys({ press: 'ArrowDown' });
    expect($$<HTMLInputElement>(el, 'input[type="radio"]').map((r) => r.checked)).to.deep.equal([false, true]);
    await sendKeys({ press: 'Tab' });
    expect(focusedInside(el)).to.equal(payButton(el));
    await sendKeys({ press: 'Enter' });
    await waitForState(el, 'started');
    expect(focusedInside(el)?.id).to.equal('state-heading');
    const paymentId = log.of<{ paymentId: string }>('dvc-payment-started')[0]!.detail.paymentId;
    expect((await getPayment(paymentId)).method).to.equal('e-wallet');

    // The payer pays in the window the page opened, then comes back to this one.
    await completeAtGateway(paymentId, 'success');
    await sendKeys({ press: 'Tab' });
    expect(focusedInside(el)?.getAttribute('part')).to.equal('check-button');
    await sendKeys({ press: 'Enter' });
    await waitForState(el, 'paid');
    expect(focusedInside(el)?.id).to.equal('state-heading');
    await sendKeys({ press: 'Tab' });
    expect(focusedInside(el)?.getAttribute('part')).to.equal('receipt-link');
  });

  it('keeps the identity number out of the URL, attributes, storage, events and the console', async function () {
    slow(this);
    const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
    const originals = methods.map((name) => console[name]);
    const printed: unknown[] = [];
    methods.forEach((name) => {
      console[name] = (...args: unknown[]) => {
        printed.push(...args);
      };
    });
    try {
      const code = await createDossier(ONE_CHARGE);
      const el = await widget({ code });
      await waitForState(el, 'ask');
      await submitApplicantId(el, APPLICANT);
      await waitForState(el, 'due');
      const paymentId = await pay(el, log);
      const back = await completeAtGateway(paymentId, 'success');
      expect(back!.href).to.not.include(APPLICANT);

      expect(location.href).to.not.include(APPLICANT);
      const attributes: string[] = [];
      const walk = (root: Document | ShadowRoot) => {
        for (const node of root.querySelectorAll('*')) {
          for (const attribute of node.attributes) attributes.push(`${attribute.name}=${attribute.value}`);
          if (node.shadowRoot) walk(node.shadowRoot);
        }
      };
      walk(document);
      expect(attributes.filter((a) => a.includes(APPLICANT))).to.deep.equal([]);
      for (const storage of [sessionStorage, localStorage]) {
        for (let i = 0; i < storage.length; i++) {
          const key = storage.key(i)!;
          expect(`${key}=${storage.getItem(key)}`).to.not.include(APPLICANT);
        }
      }
      expect(JSON.stringify(log.events.map((e) => e.detail))).to.not.include(APPLICANT);
      expect(printed.map((p) => String(p)).join('\n')).to.not.include(APPLICANT);
      expect(el.applicantId).to.equal(undefined);
    } finally {
      methods.forEach((name, i) => {
        console[name] = originals[i]!;
      });
    }
  });
});
