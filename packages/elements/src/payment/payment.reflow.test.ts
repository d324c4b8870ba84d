/**
 * WCAG 1.4.10 Reflow and 2.5.8 Target Size for <dvc-payment> after the gateway, in every browser:
 * at 320 × 640 CSS px, in Vietnamese and English, paid (receipt numbers, receipt link), failed
 * (with "Pay again"), cancelled, not known yet (with "Check again") and "already paid" fit without
 * sideways scrolling or clipped content, and every target is at least 24 × 24 px or spaced
 * (test-support/reflow.ts). Through the sandbox's simulated gateway (what is due at 320 px:
 * payment.test.ts).
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { afterEach, beforeEach, describe, it } from '../test-support/mocha.ts';
import { RUNNER_VIEWPORT, expectReflow, narrowViewportSuite, reflowProblems } from '../test-support/reflow.ts';
import {
  arriveWith, LANGS, maybe, mountAfterGateway, mountBeforeGatewayAnswers, mountPayment, paymentSuite, setLang,
  slow, startPayment, textsOf, waitForPaymentState,
} from '../test-support/screen-reader-drivers.ts';
import { completeAtGateway, gatewayParams } from '../test-support/payment-drivers.ts';

describe('<dvc-payment> at 320 px after the gateway (WCAG 1.4.10, 2.5.8)', () => {
  const log = paymentSuite();
  narrowViewportSuite();

  for (const lang of LANGS) {
    it(`paid: receipt numbers and the receipt link (${lang}): fits 320 px, targets of 24 px`, async function () {
      slow(this, 30_000);
      await setLang(lang);
      const el = await mountAfterGateway(log(), 'success');
      expect(textsOf(el, '[part="receipt"]')).to.have.length(2);
      expect(maybe(el, '[part="receipt-link"]')).to.not.equal(null);
      await expectReflow(el, `paid (${lang})`);
    });

    it(`failed, with the reason and "Pay again" (${lang}): fits 320 px, targets of 24 px`, async function () {
      slow(this, 30_000);
      await setLang(lang);
      const el = await mountAfterGateway(log(), 'failure');
      expect(maybe(el, '[part="pay-again-button"]')).to.not.equal(null);
      await expectReflow(el, `failed (${lang})`);
    });

    it(`cancelled, with "Pay again" (${lang}): fits 320 px, targets of 24 px`, async function () {
      slow(this, 30_000);
      await setLang(lang);
      const paymentId = await startPayment(log());
      const back = await completeAtGateway(paymentId, 'cancel');
      arriveWith(gatewayParams(back!));
      const el = await mountPayment();
      await waitForPaymentState(el, 'cancelled');
      expect(maybe(el, '[part="pay-again-button"]')).to.not.equal(null);
      await expectReflow(el, `cancelled (${lang})`);
    });

    it(`not known yet, the gateway not having answered, with "Check again" (${lang}): fits 320 px, targets of 24 px`, async function () {
      slow(this, 30_000);
      await setLang(lang);
      // Back from the gateway before it answered: the widget asks for 3 s, then says it does not know.
      const { el } = await mountBeforeGatewayAnswers(log(), 3);
      await waitForPaymentState(el, 'unknown', 12_000);
      expect(maybe(el, '[part="check-button"]')).to.not.equal(null);
      await expectReflow(el, `not known (${lang})`);
    });

    it(`already paid, found by the lookup: receipts instead of a pay button (${lang}): fits 320 px, targets of 24 px`, async function () {
      slow(this, 30_000);
      await setLang(lang);
      const paymentId = await startPayment(log());
      // Paid at the gateway, and the payer comes back another day: no return parameters, no memory
      // of the payment in this tab.
      await completeAtGateway(paymentId, 'success');
      sessionStorage.clear();
      const el = await mountPayment();
      await waitForPaymentState(el, 'already-paid');
      expect(textsOf(el, '[part="receipt"]')).to.have.length(2);
      expect(maybe(el, '[part="receipt-link"]')).to.not.equal(null);
      await expectReflow(el, `already paid (${lang})`);
    });
  }
});

describe('<dvc-payment> at 360 × 800 with text at 200% (WCAG 1.4.4)', () => {
  const log = paymentSuite();
  beforeEach(async () => {
    await setViewport({ width: 360, height: 800 });
    document.documentElement.style.fontSize = '200%';
  });
  afterEach(async () => {
    document.documentElement.style.fontSize = '';
    await setViewport(RUNNER_VIEWPORT);
  });

  /** Every reflow problem once Lit and layout have settled. */
  async function problems(el: HTMLElement & { updateComplete: Promise<unknown> }): Promise<string[]> {
    await el.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    return reflowProblems(el);
  }

  for (const lang of LANGS) {
    it(`what is due: the table of charges and fees stacks its lines, nothing scrolls sideways, words wrap whole (${lang})`, async function () {
      slow(this, 20_000);
      await setLang(lang);
      const el = await mountPayment();
      await waitForPaymentState(el, 'due');
      expect(await problems(el), 'what is due').to.deep.equal([]);
      const rows = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="line"]')];
      expect(rows).to.have.length(2);
      for (const row of rows) {
        // A line is a block whose parts wrap in the order they are read: kind, description, amount at the end.
        expect(getComputedStyle(row).display).to.equal('flex');
        const kind = row.querySelector('.kind')!.getBoundingClientRect();
        const amount = row.querySelector('.amount')!.getBoundingClientRect();
        const description = row.querySelector('.description')!;
        const said = description.getBoundingClientRect();
        expect(said.top >= kind.bottom - 1 || (Math.abs(said.top - kind.top) < 2 && said.left >= kind.right), 'the description after the kind').to.equal(true);
        expect(amount.top >= said.bottom - 1 || (Math.abs(amount.top - said.top) < 2 && amount.left >= said.right), 'the amount after the description').to.equal(true);
        expect(Math.abs(amount.right - row.getBoundingClientRect().right), 'the amount at the end of the line').to.be.below(2);
        expect(getComputedStyle(description).overflowWrap).to.not.equal('anywhere');
        expect(getComputedStyle(description).wordBreak).to.not.equal('break-all');
      }
      // The total's label wraps between words only, never inside one ("Tổn/g cộn/g"), also in a
      // portal's narrower column: the amount goes under it when both do not fit on one line, and
      // breaks before its unit when it does not fit on one line itself (a 320 px phone, Firefox's wider type).
      for (const width of ['100%', '280px', '250px']) {
        el.style.inlineSize = width;
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        const label = el.shadowRoot!.querySelector<HTMLElement>('[part="total"] th')!;
        const range = document.createRange();
        range.selectNodeContents(label);
        const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
        const words = label.textContent!.trim().split(/\s+/).length;
        expect(lines, `"${label.textContent!.trim()}" on ${lines} lines at ${width}`).to.be.at.most(words);
        expect(await problems(el), `what is due at ${width}`).to.deep.equal([]);
      }
      el.style.inlineSize = '';
      // The column headers stay for screen readers.
      expect(el.shadowRoot!.querySelectorAll('[part="lines"] thead th')).to.have.length(3);
    });

    it(`paid, with the payment's and the receipts' dates: nothing scrolls sideways (${lang})`, async function () {
      slow(this, 30_000);
      await setLang(lang);
      const el = await mountAfterGateway(log(), 'success');
      expect(textsOf(el, '.paid-at')).to.have.length(1);
      expect(await problems(el), 'paid').to.deep.equal([]);
    });
  }
});
