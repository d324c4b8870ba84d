/**
 * WCAG 3.1.2 Language of Parts for <dvc-procedure-search>, in every browser. The catalogue is
 * Vietnamese only: on an English page each element holding its text says lang="vi", the widget's
 * own words are in the page's language, and read aloud speaks each in its own voice. On a page in a
 * language the kit does not have (French), the widget's Vietnamese says so itself.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { afterEach, describe, it } from '../test-support/mocha.ts';
import {
  maybe, mountSearch, openFirstResult, part, searchSettled, slow, text, type DvcProcedureSearch,
} from '../test-support/screen-reader-drivers.ts';
import { amendJson, expectVietnameseMarked, hasVietnameseLetters, outerElements } from '../test-support/language-of-parts.ts';
import { setLang } from '../test-support/page-lang.ts';

/** A procedure whose detail has every kind of catalogue text, a processing time in the agency's words included. */
const RICH = '2.000815';

const langs = (el: Element) => outerElements(el).map((node) => node.getAttribute('lang'));

async function detailOpen(el: DvcProcedureSearch): Promise<void> {
  await waitUntil(() => maybe(el, '[part="detail-title"]') !== null, 'the detail did not open', { timeout: 8000 });
  await el.updateComplete;
}

describe('<dvc-procedure-search> language of parts (WCAG 3.1.2)', () => {
  afterEach(() => setLang('vi'));

  it('marks the catalogue\'s text lang="vi" on an English page: results, filters and a detail', async function () {
    slow(this, 20_000);
    await setLang('en');
    const el = await mountSearch({ query: 'khai sinh' });
    await searchSettled(el);
    await waitUntil(() => maybe(el, 'select[name="agency"]') !== null, 'no agency filter', { timeout: 8000 });
    expect(langs(el), 'the form, the summary, the results').to.deep.equal(['en', 'en', 'en']);
    const name = part(el, '[part="name"]');
    expect(hasVietnameseLetters(name.getAttribute('aria-label') ?? ''), 'a Vietnamese result name').to.equal(true);
    expect(name.getAttribute('lang')).to.equal('vi');
    expectVietnameseMarked(el);

    await openFirstResult(el);
    expect(langs(el), 'the form (hidden), the summary, the detail').to.deep.equal(['en', 'en', 'en']);
    expect(part(el, '[part="detail-title"]').getAttribute('lang')).to.equal('vi');
    expectVietnameseMarked(el);
  });

  it('marks every kind of detail text, and only the form\'s name in "Download the form: …", on an English page', async function () {
    slow(this, 20_000);
    await setLang('en');
    // The seed has no downloadable form: give the first document one.
    const restore = amendJson(`/procedures/${RICH}`, (body) => {
      const cases = body['documentCases'] as Array<{ documents: Array<Record<string, unknown>> }>;
      cases[0]!.documents[0]!['form'] = { name: 'Mẫu tờ khai yêu cầu chứng thực', url: 'https://dichvucong.example.gov.vn/mau-don/to-khai.docx' };
    });
    // Nor a result whose shortest time is only the agency's words: give the procedure's result one.
    const restoreSearch = amendJson('/procedures?', (body) => {
      for (const item of body['items'] as Array<Record<string, unknown>>) {
        if (item['code'] === RICH) item['shortestProcessingTime'] = { channel: 'in-person', processingTime: { value: null, unit: 'text', text: 'Trong ngày làm việc' } };
      }
    });
    try {
      const el = await mountSearch({ query: 'chung thuc ban sao' });
      await searchSettled(el);
      // Its result's processing time is the agency's wording: "<time> (<channel>)" marks the time only.
      const item = [...el.shadowRoot!.querySelectorAll('[part="item"]')].find((li) => li.querySelector(`[data-code="${RICH}"]`))!;
      expect(item, RICH).to.not.equal(undefined);
      const time = item.querySelector('[part="meta"] span[lang="vi"]');
      expect(text(time), 'the time in the agency\'s words').to.equal('Trong ngày làm việc');
      expect(text(time?.parentElement), 'in the widget\'s sentence').to.equal('Trong ngày làm việc (in person)');
      expectVietnameseMarked(el);

      el.showProcedure(RICH);
      await detailOpen(el);
      for (const selector of ['[part="channels"] .fee-note', '[part="document"]', '#detail-steps', '#detail-eligibility',
        '#detail-requirements', '#detail-results', '#detail-legal']) {
        expect(maybe(el, selector), selector).to.not.equal(null);
      }
      const link = part(el, '[part="form-link"]');
      expect(text(link)).to.equal('Download the form: Mẫu tờ khai yêu cầu chứng thực');
      expect(link.getAttribute('lang'), 'the link is in the widget\'s language').to.equal(null);
      expect(text(link.querySelector('span[lang="vi"]'))).to.equal('Mẫu tờ khai yêu cầu chứng thực');
      // The agency's own wording of the time ("Trong ngày…") is marked; the channel beside it is not.
      expect(text(part(el, '[part="channels"] tbody td span[lang="vi"]')).startsWith('Trong ngày')).to.equal(true);
      expectVietnameseMarked(el);
    } finally {
      restoreSearch();
      restore();
    }
  });

  it('reads the catalogue\'s text with a Vietnamese voice and its own words with an English one, on an English page', async function () {
    slow(this, 20_000);
    await setLang('en');
    const el = await mountSearch();
    el.showProcedure(RICH);
    await detailOpen(el);
    const spoken: SpeechSynthesisUtterance[] = [];
    const original = window.speechSynthesis.speak.bind(window.speechSynthesis);
    window.speechSynthesis.speak = (u) => { spoken.push(u); };
    try {
      part<HTMLButtonElement>(el, '[part="read-aloud-button"]').click();
      await el.updateComplete;
      expect(spoken[0]!.lang).to.equal('vi-VN');
      expect(spoken[0]!.text).to.equal(text(part(el, '[part="detail-title"]')));
      expect(spoken.some((u) => u.lang === 'en-GB' && u.text.includes('Fees:')), 'the widget\'s words in English').to.equal(true);
      const misread = spoken.filter((u) => u.lang !== 'vi-VN' && hasVietnameseLetters(u.text)).map((u) => u.text);
      expect(misread, 'Vietnamese read with another voice').to.deep.equal([]);
      expect(spoken.some((u) => u.lang === 'vi-VN' && u.text.startsWith('Trong ngày')), 'the agency\'s time wording').to.equal(true);
    } finally {
      window.speechSynthesis.speak = original;
      window.speechSynthesis.cancel();
    }
  });

  it('says lang="vi" on its outer elements on a French page, where it shows Vietnamese', async function () {
    slow(this, 20_000);
    await setLang('fr');
    const el = await mountSearch({ query: 'khai sinh' });
    await searchSettled(el);
    expect(langs(el), 'the form, the summary, the results').to.deep.equal(['vi', 'vi', 'vi']);
    expect(text(part(el, '[part="label"]'))).to.equal('Tìm thủ tục hành chính');
    expectVietnameseMarked(el);
    await openFirstResult(el);
    expect(langs(el), 'the form (hidden), the summary, the detail').to.deep.equal(['vi', 'vi', 'vi']);
    expect(hasVietnameseLetters(text(part(el, '[part="back-button"]'))), 'a Vietnamese back button').to.equal(true);
    expectVietnameseMarked(el);
  });
});
