/**
 * What a screen reader gets from <dvc-payment>: Chromium's accessibility tree (roles, names, states)
 * in each key state, in Vietnamese and English, compared with the snapshots in __snapshots__/ (see
 * test-support/a11y-tree.ts). Through the sandbox's simulated gateway. Chromium only
 * (web-test-runner.config.mjs).
 */
import { describe, it } from '../test-support/mocha.ts';
import { RECEIPT_NUMBER, expectAccessibilityTree, timesIn } from '../test-support/a11y-tree.ts';
import {
  LANGS, mountAfterGateway, mountBeforeGatewayAnswers, mountPayment, paymentSuite, setLang, slow,
  waitForPaymentState,
} from '../test-support/screen-reader-drivers.ts';

describe('dvc-payment accessibility tree', () => {
  const log = paymentSuite();

  for (const lang of LANGS) {
    it(`methods listed (${lang}): accessibility tree`, async () => {
      await setLang(lang);
      const el = await mountPayment();
      await waitForPaymentState(el, 'due');
      await expectAccessibilityTree(el, `methods listed (${lang})`);
    });

    it(`pending, the page handling the gateway (${lang}): accessibility tree`, async function () {
      slow(this, 30_000);
      await setLang(lang);
      const el = await mountPayment();
      await waitForPaymentState(el, 'due');
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part="pay-button"]')!.click();
      await waitForPaymentState(el, 'started');
      await expectAccessibilityTree(el, `pending, the page handling the gateway (${lang})`);
    });

    it(`confirming the result (${lang}): accessibility tree`, async function () {
      slow(this, 30_000);
      await setLang(lang);
      // Back from the gateway before it answered: the widget asks and keeps asking (for 20 s here).
      const { el } = await mountBeforeGatewayAnswers(log(), 20);
      await waitForPaymentState(el, 'checking');
      await expectAccessibilityTree(el, `confirming the result (${lang})`);
    });

    it(`paid (${lang}): accessibility tree`, async function () {
      slow(this, 30_000);
      await setLang(lang);
      const el = await mountAfterGateway(log(), 'success');
      await expectAccessibilityTree(el, `paid (${lang})`, [RECEIPT_NUMBER, ...timesIn(el)]);
    });

    it(`payment failed (${lang}): accessibility tree`, async function () {
      slow(this, 30_000);
      await setLang(lang);
      const el = await mountAfterGateway(log(), 'failure');
      await expectAccessibilityTree(el, `payment failed (${lang})`);
    });
  }
});
