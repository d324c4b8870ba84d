/**
 * A page that switches its language while a widget shows a message: the words change, and nothing
 * is read out again. A live region or an alert whose text changes is announced anew, and a switch of
 * language is no news ("Dossier found…" heard twice, the second time in English): the region is
 * quiet (aria-live="off") or the alert no longer one, until something new happens.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { afterEach, beforeEach, describe, it } from '../test-support/mocha.ts';
import {
  FINISHED_DOSSIER, alertText, createFinishedDossier, lookupSettled, maybe, mountSearch, mountSurvey, mountTracker,
  sandbox, searchSettled, searchStatus, setLang, slow, submitLookup, submitSurvey, surveySuite, text, trackerStatus,
} from '../test-support/screen-reader-drivers.ts';

/** Each test on a Vietnamese page and a reset sandbox; the page back in Vietnamese after. */
function vietnamesePageOnAFreshSandbox(): void {
  beforeEach(async () => {
    await sandbox('/reset');
    await setLang('vi');
  });
  afterEach(() => setLang('vi'));
}

describe('switching the page\'s language says nothing again', () => {
  describe('the tracker', () => {
    vietnamesePageOnAFreshSandbox();

    it('"Dossier found" is not said again: the live region turns quiet as its words turn English; the next lookup is said in English', async function () {
      slow(this, 20_000);
      await createFinishedDossier();
      const el = await mountTracker();
      await submitLookup(el, FINISHED_DOSSIER.code, FINISHED_DOSSIER.applicantId);
      await lookupSettled(el);
      const region = trackerStatus(el);
      expect(text(region)).to.equal('Đã tìm thấy hồ sơ. Trạng thái: Đã trả kết quả');
      expect(region.getAttribute('aria-live')).to.equal('polite');
      await setLang('en');
      await el.updateComplete;
      expect(region.getAttribute('aria-live'), 'quiet on the switch').to.equal('off');
      expect(text(region)).to.equal('Dossier found. Status: Result delivered');
      expect(text(maybe(el, '[part="status-badge"]')!)).to.equal('Result delivered');
      // What the citizen does next is news again, in the new language.
      maybe<HTMLButtonElement>(el, '[part="another-button"]')!.click();
      await el.updateComplete;
      await submitLookup(el, FINISHED_DOSSIER.code, FINISHED_DOSSIER.applicantId);
      await lookupSettled(el);
      await waitUntil(() => trackerStatus(el).getAttribute('aria-live') === 'polite', 'the next lookup was not said');
      expect(text(trackerStatus(el))).to.equal('Dossier found. Status: Result delivered');
    });

    it('a failure shown as an alert stays on screen in English, no longer an alert to be read out again', async function () {
      slow(this, 20_000);
      const el = await mountTracker();
      await submitLookup(el, '000.00.15.H26-250714-0999', '079203009999');
      await lookupSettled(el);
      expect(alertText(el, '[part="outcome"]')).to.match(/^Không tìm thấy hồ sơ/);
      await setLang('en');
      await el.updateComplete;
      const failure = maybe(el, '[part="outcome"] [part="error"]')!;
      expect(failure.getAttribute('role')).to.equal(null);
      expect(text(failure)).to.match(/^No dossier matches this code/);
    });
  });

  describe('the survey', () => {
    surveySuite();

    it('its error summary shows the problems in English, no longer an alert to be read out again', async function () {
      slow(this, 20_000);
      const el = await mountSurvey();
      await submitSurvey(el);
      await waitUntil(() => maybe(el, '[part="error-summary"]') !== null, 'no error summary');
      expect(alertText(el, '[part="error-summary"]')).to.match(/^Có lỗi cần khắc phục/);
      await setLang('en');
      await el.updateComplete;
      const summary = maybe(el, '[part="error-summary"]')!;
      expect(summary.querySelector('[role="alert"]') === null, 'no longer an alert').to.equal(true);
      expect(text(summary)).to.match(/^There is a problem/);
      // Sent again with the same problems: still on screen, focused (GOV.UK's pattern), said by focus.
      await submitSurvey(el);
      await waitUntil(() => el.shadowRoot!.activeElement === maybe(el, '[part="error-summary"]'), 'the summary did not take focus');
    });
  });

  describe('the search', () => {
    vietnamesePageOnAFreshSandbox();

    it('the number of results is not said again: shown in English, its live region quiet; the next search is said in English', async function () {
      slow(this, 20_000);
      const el = await mountSearch({ query: 'khai sinh' });
      await searchSettled(el);
      expect(text(searchStatus(el))).to.match(/^Tìm thấy \d+ thủ tục/);
      await setLang('en');
      await el.updateComplete;
      expect(searchStatus(el).getAttribute('aria-live'), 'quiet on the switch').to.equal('off');
      expect(text(searchStatus(el))).to.match(/^\d+ procedures? found/);
      el.query = 'kết hôn';
      await el.search();
      await searchSettled(el);
      await waitUntil(() => searchStatus(el).getAttribute('aria-live') === 'polite', 'the next search was not said');
      expect(text(searchStatus(el))).to.match(/^\d+ procedures? found/);
    });
  });
});
