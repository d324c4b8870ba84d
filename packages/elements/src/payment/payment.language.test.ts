/**
 * WCAG 3.1.2 Language of Parts for <dvc-payment>, in every browser. The procedure name and the fee
 * descriptions come from the API in Vietnamese only: on an English page they say lang="vi", as
 * does a payment method's name when the API has no English one. On a page in a language the kit
 * does not have (French), the widget's Vietnamese says so itself.
 */
import { expect } from '@open-wc/testing';
import { describe, it } from '../test-support/mocha.ts';
import { maybe, mountPayment, part, paymentSuite, slow, text, waitForPaymentState } from '../test-support/screen-reader-drivers.ts';
import { amendJson, expectVietnameseMarked, hasVietnameseLetters, outerElements } from '../test-support/language-of-parts.ts';
import { setLang } from '../test-support/page-lang.ts';

const langs = (el: Element) => outerElements(el).map((node) => node.getAttribute('lang'));

describe('<dvc-payment> language of parts (WCAG 3.1.2)', () => {
  // Each test: a reset sandbox with a payment-due dossier owing a charge and a fee; back to vi after.
  paymentSuite();

  it('marks the procedure name, the fee descriptions and a Vietnamese-only method name lang="vi" on an English page', async function () {
    slow(this, 20_000);
    await setLang('en');
    // The sandbox names every method in English too: take the second one's English name away.
    const restore = amendJson('/dossiers/lookup', (body) => {
      const methods = (body['payment'] as { methods: Array<{ name: { en: string } }> }).methods;
      methods[1]!.name.en = '';
    });
    try {
      const el = await mountPayment();
      await waitForPaymentState(el, 'due');
      expect(langs(el), 'the announcer, the state').to.deep.equal(['en', 'en']);
      expect(part(el, '.procedure-name').getAttribute('lang')).to.equal('vi');
      const descriptions = [...el.shadowRoot!.querySelectorAll('[part="line"] .description')];
      expect(descriptions, 'a charge and a fee').to.have.length(2);
      for (const cell of descriptions) expect(hasVietnameseLetters(text(cell))).to.equal(true);
      const methods = [...el.shadowRoot!.querySelectorAll('[part="method"] span')];
      expect(methods.map((m) => [text(m), m.getAttribute('lang')])).to.deep.equal([
        ['Bank card / bank QR code', 'en'], ['Ví điện tử MoMo', 'vi'],
      ]);
      expect(maybe(el, '[part="pay-button"]')).to.not.equal(null);
      expectVietnameseMarked(el);
    } finally {
      restore();
    }
  });

  it('says lang="vi" on its outer elements on a French page, where it shows Vietnamese', async function () {
    slow(this, 20_000);
    await setLang('fr');
    const el = await mountPayment();
    await waitForPaymentState(el, 'due');
    expect(langs(el), 'the announcer, the state').to.deep.equal(['vi', 'vi']);
    expect(text(part(el, '[part="heading"]'))).to.equal('Phí, lệ phí cần thanh toán');
    expectVietnameseMarked(el);
  });
});
