/**
 * What <dvc-payment> announces, in Vietnamese and English, in every browser: the words put in its
 * polite live region as the payment goes (looking up, what is due, starting, started, checking,
 * paid, failed) and in its alert (a payment that could not be started). Through the sandbox's
 * simulated gateway.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { describe, it } from '../test-support/mocha.ts';
import {
  alertText, expectAnnounced, type Lang, LANGS, mountBeforeGatewayAnswers, mountPayment, part, paymentStatus,
  paymentSuite, politeRegion, returnFromGateway, sandbox, setLang, slow, startPayment, text,
  waitForPaymentState,
} from '../test-support/screen-reader-drivers.ts';

const WORDS: Record<Lang, {
  lookingUp: string; due: string; starting: string; started: string; checking: string; paid: string; failed: string;
  unavailable: string; retry: string;
}> = {
  vi: {
    lookingUp: 'Đang tra cứu số tiền cần thanh toán…',
    due: 'Cần thanh toán: 210.000 đồng.',
    starting: 'Đang tạo giao dịch thanh toán…',
    started: 'Đã tạo giao dịch thanh toán. Ông/Bà vui lòng hoàn tất trên cổng thanh toán.',
    checking: 'Đang kiểm tra kết quả thanh toán…',
    paid: 'Thanh toán thành công. Biên lai của Ông/Bà đã sẵn sàng.',
    failed: 'Thanh toán không thành công. Tài khoản của Ông/Bà không đủ số dư để thanh toán.',
    unavailable: 'Hệ thống tạm thời gián đoạn. Vui lòng thử lại sau ít phút.',
    retry: 'Thử lại',
  },
  en: {
    lookingUp: 'Looking up what you need to pay…',
    due: 'To pay: VND 210,000.',
    starting: 'Starting the payment…',
    started: 'Payment started. Complete it on the payment gateway.',
    checking: 'Checking your payment…',
    paid: 'Payment successful. Your receipts are ready.',
    failed: 'Payment failed. Your account does not have enough money for this payment.',
    unavailable: 'The service is temporarily unavailable. Please try again in a few minutes.',
    retry: 'Try again',
  },
};

describe('dvc-payment live-region announcements', () => {
  const log = paymentSuite();

  for (const lang of LANGS) {
    const words = WORDS[lang];

    it(`announces the lookup, then what is due (${lang})`, async function () {
      slow(this, 20_000);
      await setLang(lang);
      await sandbox('/faults', { operationId: 'lookupDossier', kind: 'delay', delayMs: 2000 });
      const el = await mountPayment();
      const region = politeRegion(paymentStatus(el));
      await waitForPaymentState(el, 'loading');
      expectAnnounced(region, paymentStatus(el), words.lookingUp);
      await waitForPaymentState(el, 'due');
      expectAnnounced(region, paymentStatus(el), words.due);
    });

    it(`announces the payment starting, then started (${lang})`, async function () {
      slow(this, 20_000);
      await setLang(lang);
      const el = await mountPayment();
      await waitForPaymentState(el, 'due');
      const region = politeRegion(paymentStatus(el));
      await sandbox('/faults', { operationId: 'createPayment', kind: 'delay', delayMs: 1500 });
      part<HTMLButtonElement>(el, '[part="pay-button"]').click();
      await waitUntil(() => part(el, '[part="state"]').getAttribute('aria-busy') === 'true', 'not busy');
      expectAnnounced(region, paymentStatus(el), words.starting);
      await waitForPaymentState(el, 'started');
      expectAnnounced(region, paymentStatus(el), words.started);
    });

    it(`announces checking the result, then the payment successful (${lang})`, async function () {
      slow(this, 30_000);
      await setLang(lang);
      // Back from the gateway before it answered: the widget asks, and keeps asking.
      const { el, paymentId } = await mountBeforeGatewayAnswers(log(), 20);
      await waitForPaymentState(el, 'checking');
      const region = politeRegion(paymentStatus(el));
      expect(text(region)).to.equal(words.checking);
      await returnFromGateway(paymentId, 'success');
      await waitForPaymentState(el, 'paid', 15_000);
      expectAnnounced(region, paymentStatus(el), words.paid);
    });

    it(`announces a failed payment with the reason (${lang})`, async function () {
      slow(this, 30_000);
      await setLang(lang);
      const paymentId = await startPayment(log());
      await returnFromGateway(paymentId, 'failure');
      const el = await mountPayment();
      const region = politeRegion(paymentStatus(el));
      await waitForPaymentState(el, 'failed');
      expectAnnounced(region, paymentStatus(el), words.failed);
    });

    it(`announces a payment that could not be started in an alert, with its retry button (${lang})`, async function () {
      slow(this, 30_000);
      await setLang(lang);
      const el = await mountPayment();
      await waitForPaymentState(el, 'due');
      const region = politeRegion(paymentStatus(el));
      // The first request and the SDK's own two retries all meet the fault.
      await sandbox('/faults', { operationId: 'createPayment', kind: 'status', status: 503, times: 3 });
      part<HTMLButtonElement>(el, '[part="pay-button"]').click();
      await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"]') !== null, 'no error shown', { timeout: 15_000 });
      expect(alertText(el, '[part="pay-form"]')).to.equal(`${words.unavailable} ${words.retry}`);
      expectAnnounced(region, paymentStatus(el), '');
    });
  }
});
