/**
 * What <dvc-procedure-search> announces, in Vietnamese and English, in every browser: the words put
 * in its polite live region (the result count and page, nothing while loading) and in its alert (a
 * failed search), and where focus goes when a procedure's detail opens.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { describe, it } from '../test-support/mocha.ts';
import {
  searchSuite, LANGS, alertText, expectAnnounced, focusedIn, maybe, mountSearch, openFirstResult, part, politeRegion, sandbox, searchSettled,
  searchStatus, setLang, slow, text, type DvcProcedureSearch, type Lang,
} from '../test-support/screen-reader-drivers.ts';

/** The search a citizen makes here: birth registration, at commune level (four procedures, two pages). */
function searchBirthRegistration(el: DvcProcedureSearch): void {
  el.level = 'commune';
  el.query = 'dang ky khai sinh';
}

const WORDS: Record<Lang, {
  page1: string; page2: string; none: string; next: string; unavailable: string; retry: string; detailTitle: string; blank: string;
  loading: string; tooLong: string; tooLongSummary: string;
}> = {
  vi: {
    page1: 'Tìm thấy 4 thủ tục. Trang 1/2.',
    page2: 'Tìm thấy 4 thủ tục. Trang 2/2.',
    none: 'Không tìm thấy thủ tục nào',
    next: 'Trang sau',
    unavailable: 'Hệ thống tạm thời gián đoạn. Vui lòng thử lại sau ít phút.',
    retry: 'Thử lại',
    detailTitle: 'Thủ tục đăng ký khai sinh',
    loading: 'Đang tải…',
    blank: 'Có lỗi cần khắc phục Nhập một vài từ trong tên thủ tục cần tìm, ví dụ “khai sinh”.',
    tooLong: 'Nội dung tìm kiếm tối đa 200 ký tự.',
    tooLongSummary: 'Có lỗi cần khắc phục Nội dung tìm kiếm tối đa 200 ký tự. Hiện có 1.000 ký tự.',
  },
  en: {
    page1: '4 procedures found. Page 1 of 2.',
    page2: '4 procedures found. Page 2 of 2.',
    none: 'No procedures found',
    next: 'Next',
    unavailable: 'The service is temporarily unavailable. Please try again in a few minutes.',
    retry: 'Try again',
    detailTitle: 'Thủ tục đăng ký khai sinh',
    loading: 'Loading…',
    blank: 'There is a problem Enter a few words of the procedure\'s name, for example "khai sinh".',
    tooLong: 'Your search must be 200 characters or fewer.',
    tooLongSummary: 'There is a problem Your search must be 200 characters or fewer. It is 1,000 characters long.',
  },
};

describe('dvc-procedure-search live-region announcements', () => {
  searchSuite();

  for (const lang of LANGS) {
    const words = WORDS[lang];

    it(`announces the result count and page after a search (${lang})`, async () => {
      await setLang(lang);
      const el = await mountSearch();
      const region = politeRegion(searchStatus(el));
      expect(text(region), 'silent before a search').to.equal('');
      searchBirthRegistration(el);
      await searchSettled(el);
      expectAnnounced(region, searchStatus(el), words.page1);
    });

    it(`says that the results are the closest matches when none matches every word (${lang})`, async () => {
      await setLang(lang);
      const el = await mountSearch({ query: 'dang ky khai sinzzzz', level: 'commune' });
      await searchSettled(el);
      const said = text(politeRegion(searchStatus(el)));
      expect(said).to.match(lang === 'vi'
        ? /^Không có thủ tục nào khớp với mọi từ đã gõ\. Tìm thấy \d+ thủ tục gần đúng/
        : /^No procedure matches every word you typed\. \d+ close match(es)?/);
    });

    it(`announces the new page after paging (${lang})`, async () => {
      await setLang(lang);
      const el = await mountSearch({ query: 'dang ky khai sinh', level: 'commune' });
      await searchSettled(el);
      const region = politeRegion(searchStatus(el));
      const next = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="page-button"]')].find((b) => text(b) === words.next);
      expect(next, `a "${words.next}" button`).to.not.equal(undefined);
      next!.click();
      await waitUntil(() => text(searchStatus(el)) === words.page2, `the page was not announced: "${text(searchStatus(el))}"`, { timeout: 8000 });
      expectAnnounced(region, searchStatus(el), words.page2);
      expect(focusedIn(el)?.id, 'focus on the results heading').to.equal('results-heading');
    });

    it(`announces that nothing was found (${lang})`, async () => {
      await setLang(lang);
      const el = await mountSearch();
      const region = politeRegion(searchStatus(el));
      el.query = 'xqzwvkj';
      await searchSettled(el);
      expectAnnounced(region, searchStatus(el), words.none);
    });

    it(`announces nothing while loading, then the count (${lang})`, async function () {
      slow(this, 20_000);
      await setLang(lang);
      await sandbox('/faults', { operationId: 'searchProcedures', kind: 'delay', delayMs: 3000 });
      const el = await mountSearch();
      const region = politeRegion(searchStatus(el));
      searchBirthRegistration(el);
      await waitUntil(() => maybe(el, '[part="loading"]') !== null, 'not loading');
      expect(part(el, '[part="results"]').getAttribute('aria-busy')).to.equal('true');
      expectAnnounced(region, searchStatus(el), '');
      await searchSettled(el);
      expectAnnounced(region, searchStatus(el), words.page1);
    });

    it(`announces a failed search in an alert, with its retry button (${lang})`, async () => {
      await setLang(lang);
      // The SDK tries a search three times on a 5xx: every attempt meets the fault.
      await sandbox('/faults', { operationId: 'searchProcedures', kind: 'status', status: 503, times: 3 });
      const el = await mountSearch();
      const region = politeRegion(searchStatus(el));
      el.query = 'ly lich tu phap';
      await searchSettled(el);
      expect(alertText(el, '[part="results"]')).to.equal(`${words.unavailable} ${words.retry}`);
      expectAnnounced(region, searchStatus(el), '');
    });

    it(`"Try again" pressed after a failed search: focus waits on the results' heading, goes to "Try again" if it fails again, and the count is announced (${lang})`, async function () {
      slow(this, 20_000);
      await setLang(lang);
      // The search and the first "Try again" fail (the SDK tries each three times); the second is answered.
      await sandbox('/faults', { operationId: 'searchProcedures', kind: 'status', status: 503, times: 6 });
      const el = await mountSearch();
      searchBirthRegistration(el);
      await searchSettled(el);
      const region = politeRegion(searchStatus(el));
      part<HTMLButtonElement>(el, '[part="retry-button"]').focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(focusedIn(el)?.id, 'focus while the search runs again').to.equal('results-heading');
      await waitUntil(() => focusedIn(el)?.getAttribute('part') === 'retry-button', 'failed again: focus did not go to the new "Try again"', { timeout: 12_000 });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(focusedIn(el)?.id, 'focus while the search runs again').to.equal('results-heading');
      await searchSettled(el);
      expect(focusedIn(el)?.id, 'focus once the results are in').to.equal('results-heading');
      expectAnnounced(region, searchStatus(el), words.page1);
    });

    it(`a detail that fails to open: focus on its "Try again"; pressed, focus waits in the detail, then goes to its title (${lang})`, async function () {
      slow(this, 30_000);
      await setLang(lang);
      const el = await mountSearch({ query: 'dang ky khai sinh', level: 'commune' });
      await searchSettled(el);
      await sandbox('/faults', { operationId: 'getProcedure', kind: 'status', status: 503, times: 3 });
      part<HTMLButtonElement>(el, '[part="name"]').focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => maybe(el, '[part="detail"] [role="alert"]') !== null, 'the failure was not shown', { timeout: 12_000 });
      await el.updateComplete;
      expect(alertText(el, '[part="detail"]')).to.equal(`${words.unavailable} ${words.retry}`);
      expect(focusedIn(el)?.getAttribute('part'), 'focus on the failure\'s "Try again"').to.equal('retry-button');

      await sandbox('/faults', { operationId: 'getProcedure', kind: 'delay', delayMs: 1500 });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(focusedIn(el)?.getAttribute('part'), 'focus on "Loading…" while the detail loads').to.equal('loading');
      expect(text(focusedIn(el))).to.equal(words.loading);
      await waitUntil(() => focusedIn(el)?.id === 'detail-title', 'focus did not reach the detail\'s title', { timeout: 12_000 });
      expect(text(focusedIn(el))).to.equal(words.detailTitle);
    });

    it(`a citizen who moved on while a detail loads is not pulled back when it comes (${lang})`, async function () {
      slow(this, 20_000);
      await setLang(lang);
      const el = await mountSearch({ query: 'dang ky khai sinh', level: 'commune' });
      await searchSettled(el);
      await sandbox('/faults', { operationId: 'getProcedure', kind: 'delay', delayMs: 1500 });
      const elsewhere = document.createElement('button');
      elsewhere.textContent = 'Elsewhere on the page';
      document.body.append(elsewhere);
      try {
        part<HTMLButtonElement>(el, '[part="name"]').focus();
        await sendKeys({ press: 'Enter' });
        await el.updateComplete;
        expect(focusedIn(el)?.getAttribute('part')).to.equal('loading');
        elsewhere.focus();
        await waitUntil(() => maybe(el, '#detail-title') !== null, 'the detail did not come', { timeout: 12_000 });
        await el.updateComplete;
        // Compared as a boolean: chai would describe the two elements whole when they differ.
        expect(document.activeElement === elsewhere, `focus left where the citizen put it, not on <${document.activeElement?.localName}>`).to.equal(true);
      } finally {
        elsewhere.remove();
      }
    });

    it(`announces in an alert what to type when Search is pressed with nothing to search for (${lang})`, async () => {
      await setLang(lang);
      const el = await mountSearch();
      const region = politeRegion(searchStatus(el));
      part<HTMLButtonElement>(el, '[part="submit-button"]').click();
      await waitUntil(() => maybe(el, '[part="error-summary"]') !== null, 'no error summary');
      expect(alertText(el, '[part="error-summary"]')).to.equal(words.blank);
      expect(focusedIn(el)).to.equal(part(el, '[part="error-summary"]'));
      expectAnnounced(region, searchStatus(el), '');
    });

    it(`announces politely that a paste is longer than the search takes, then in an alert when Search is pressed (${lang})`, async () => {
      await setLang(lang);
      const el = await mountSearch();
      const region = politeRegion(searchStatus(el));
      const box = part<HTMLInputElement>(el, 'input#q');
      box.focus();
      box.value = 'khai sinh,'.repeat(100);
      box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await el.updateComplete;
      expectAnnounced(region, searchStatus(el), words.tooLong);
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => maybe(el, '[part="error-summary"]') !== null, 'no error summary');
      expect(alertText(el, '[part="error-summary"]')).to.equal(words.tooLongSummary);
      expect(focusedIn(el)).to.equal(part(el, '[part="error-summary"]'));
    });

    it(`moves focus to the procedure's heading when its detail opens, and clears the count (${lang})`, async () => {
      await setLang(lang);
      const el = await mountSearch({ query: 'dang ky khai sinh', level: 'commune' });
      await searchSettled(el);
      const region = politeRegion(searchStatus(el));
      await openFirstResult(el);
      await waitUntil(() => focusedIn(el)?.id === 'detail-title', 'focus did not move to the detail heading');
      expect(text(focusedIn(el))).to.equal(words.detailTitle);
      expectAnnounced(region, searchStatus(el), '');
    });
  }
});
