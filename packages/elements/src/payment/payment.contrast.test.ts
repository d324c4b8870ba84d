/**
 * Non-text contrast (WCAG 1.4.11) of <dvc-payment> as painted, default theme: the identity number
 * form, empty and with its error; what is due with the payment methods (radios), unchosen and chosen;
 * a failed payment with its retry. See test-support/non-text-contrast.ts for what is measured.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { describe, it } from '../test-support/mocha.ts';
import { expectNonTextContrast } from '../test-support/non-text-contrast.ts';
import {
  mountAfterGateway, mountPayment, part, paymentSuite, slow, waitForPaymentState,
} from '../test-support/screen-reader-drivers.ts';

describe('<dvc-payment> non-text contrast (WCAG 1.4.11)', () => {
  const log = paymentSuite();

  it('the identity number form, empty and with its error: at least 3:1', async () => {
    const el = await mountPayment({ applicantId: '' });
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="continue-button"]') !== null, 'no form', { timeout: 8000 });
    let measured = await expectNonTextContrast(el);
    expect(measured.some((m) => m.kind === 'field'), 'the field measured').to.equal(true);
    part<HTMLButtonElement>(el, '[part~="continue-button"]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="error-summary"]') !== null, 'no error summary', { timeout: 8000 });
    measured = await expectNonTextContrast(el);
    expect(measured.some((m) => m.kind === 'field'), 'the invalid field measured').to.equal(true);
  });

  it('what is due with its payment methods, before and after one is chosen: radios at least 3:1', async () => {
    const el = await mountPayment();
    await waitForPaymentState(el, 'due');
    let measured = await expectNonTextContrast(el);
    const radios = measured.filter((m) => m.kind === 'choice');
    expect(radios.length, 'payment method radios measured').to.be.at.least(2);
    const second = el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]')[1]!;
    second.click();
    await el.updateComplete;
    expect(second.checked).to.equal(true);
    measured = await expectNonTextContrast(el);
    expect(measured.filter((m) => m.kind === 'choice').length).to.equal(radios.length);
  });

  it('a failed payment with "try again": at least 3:1', async function () {
    slow(this, 30_000);
    const el = await mountAfterGateway(log(), 'failure');
    const measured = await expectNonTextContrast(el);
    expect(measured.some((m) => m.kind === 'button'), 'the retry button measured').to.equal(true);
  });
});
