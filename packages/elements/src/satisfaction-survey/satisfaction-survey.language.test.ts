/**
 * WCAG 3.1.2 Language of Parts for <dvc-satisfaction-survey>, in every browser. The form's texts
 * come from the API in Vietnamese and English and follow the widget's language, so an English
 * page has no Vietnamese in the widget at all. On a page in a language the kit does not have
 * (French), the widget's Vietnamese says so itself.
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import { describe, it } from '../test-support/mocha.ts';
import { mountInLandmark } from '../test-support/a11y-tree.ts';
import { sandboxUrl } from '../test-support/axe.ts';
import {
  surveySuite, maybe, mountSurvey, part, slow, submitSurvey, text, type DvcSatisfactionSurvey,
} from '../test-support/screen-reader-drivers.ts';
import { expectVietnameseMarked, outerElements } from '../test-support/language-of-parts.ts';
import { setLang } from '../test-support/page-lang.ts';

const langs = (el: Element) => outerElements(el).map((node) => node.getAttribute('lang'));

describe('<dvc-satisfaction-survey> language of parts (WCAG 3.1.2)', () => {
  surveySuite();

  it('shows the form in English on an English page, with its errors, in both modes: nothing Vietnamese unmarked', async function () {
    slow(this, 20_000);
    await setLang('en');
    const el = await mountSurvey();
    expect(langs(el)).to.deep.equal(['en']);
    expect(text(part(el, '[part="title"]'))).to.equal('Rate this service');
    expectVietnameseMarked(el);
    await submitSurvey(el);
    await waitUntil(() => maybe(el, '[part="error-summary"]') !== null, 'no error summary', { timeout: 8000 });
    expectVietnameseMarked(el);

    const page = await mountInLandmark<DvcSatisfactionSurvey>(html`<dvc-satisfaction-survey api-base=${sandboxUrl()}
      mode="page"></dvc-satisfaction-survey>`);
    await waitUntil(() => maybe(page, 'form') !== null, 'the page form did not load', { timeout: 8000 });
    expect(part(page, 'form').getAttribute('aria-label')).to.equal('Was this information useful?');
    expectVietnameseMarked(page);
  });

  it('says lang="vi" on its outer element on a French page, where it shows Vietnamese', async function () {
    slow(this, 20_000);
    await setLang('fr');
    const el = await mountSurvey();
    expect(langs(el)).to.deep.equal(['vi']);
    expect(text(part(el, '[part="title"]'))).to.equal('Đánh giá mức độ hài lòng');
    expectVietnameseMarked(el);
  });
});
