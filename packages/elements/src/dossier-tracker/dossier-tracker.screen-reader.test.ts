/**
 * What <dvc-dossier-tracker> announces, in Vietnamese and English, in every browser: the words put
 * in its polite live region (progress, the dossier found) and in its alerts (form errors, not
 * found, a failed lookup), read from the elements a screen reader listens to.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { afterEach, beforeEach, describe, it } from '../test-support/mocha.ts';
import {
  FINISHED_DOSSIER, LANGS, alertText, createFinishedDossier, expectAnnounced, focusedIn, lookupSettled, maybe, mountTracker, part,
  politeRegion, sandbox, setLang, slow, submitLookup, text, trackerStatus, type Lang,
} from '../test-support/screen-reader-drivers.ts';
import { namePortalPages } from '../test-support/portal-pages.ts';

// The portal names its payment and evaluation pages: the tracker offers "Pay" and "Evaluate".
namePortalPages();

const WORDS: Record<Lang, {
  looking: string; found: string; problem: string; enterCode: string; enterId: string; notFound: string; unavailable: string; retry: string;
}> = {
  vi: {
    looking: 'Đang tra cứu hồ sơ…',
    found: 'Đã tìm thấy hồ sơ. Trạng thái: Đã trả kết quả',
    problem: 'Có lỗi cần khắc phục',
    enterCode: 'Nhập mã hồ sơ',
    enterId: 'Nhập số định danh cá nhân',
    notFound: 'Không tìm thấy hồ sơ khớp với mã hồ sơ và số định danh cá nhân đã nhập. Vui lòng kiểm tra lại và thử lại.',
    unavailable: 'Hệ thống tạm thời gián đoạn. Vui lòng thử lại sau ít phút.',
    retry: 'Thử lại',
  },
  en: {
    looking: 'Looking up your dossier…',
    found: 'Dossier found. Status: Result delivered',
    problem: 'There is a problem',
    enterCode: 'Enter your dossier code',
    enterId: 'Enter your personal identification number',
    notFound: 'No dossier matches this code and identification number. Please check them and try again.',
    unavailable: 'The service is temporarily unavailable. Please try again in a few minutes.',
    retry: 'Try again',
  },
};

describe('dvc-dossier-tracker live-region announcements', () => {
  beforeEach(async () => {
    await sandbox('/reset');
  });
  afterEach(() => setLang('vi'));

  for (const lang of LANGS) {
    const words = WORDS[lang];

    it(`announces the lookup in progress (${lang})`, async function () {
      slow(this, 20_000);
      await setLang(lang);
      await createFinishedDossier();
      await sandbox('/faults', { operationId: 'lookupDossier', kind: 'delay', delayMs: 3000 });
      const el = await mountTracker();
      const region = politeRegion(trackerStatus(el));
      expect(text(region), 'silent before the lookup').to.equal('');
      await submitLookup(el, FINISHED_DOSSIER.code, FINISHED_DOSSIER.applicantId);
      await waitUntil(() => maybe(el, '[part="loading"]') !== null, 'not loading');
      expectAnnounced(region, trackerStatus(el), words.looking);
      await lookupSettled(el);
    });

    it(`announces the dossier found, with its status (${lang})`, async () => {
      await setLang(lang);
      await createFinishedDossier();
      const el = await mountTracker();
      const region = politeRegion(trackerStatus(el));
      await submitLookup(el, FINISHED_DOSSIER.code, FINISHED_DOSSIER.applicantId);
      await lookupSettled(el);
      expectAnnounced(region, trackerStatus(el), words.found);
      expect(maybe(el, '[role="alert"]'), 'no alert').to.equal(null);
    });

    it(`announces the form's errors in an alert (${lang})`, async () => {
      await setLang(lang);
      const el = await mountTracker();
      const region = politeRegion(trackerStatus(el));
      await submitLookup(el, '', '');
      expect(alertText(el, '[part="error-summary"]')).to.equal(`${words.problem} ${words.enterCode} ${words.enterId}`);
      expectAnnounced(region, trackerStatus(el), '');
    });

    it(`announces "not found" in an alert (${lang})`, async () => {
      await setLang(lang);
      const el = await mountTracker();
      const region = politeRegion(trackerStatus(el));
      await submitLookup(el, '000.00.15.H26-261102-9999', FINISHED_DOSSIER.applicantId);
      await lookupSettled(el);
      expect(alertText(el, '[part="outcome"]')).to.equal(words.notFound);
      expectAnnounced(region, trackerStatus(el), '');
    });

    it(`announces a failed lookup in an alert, with its retry button (${lang})`, async () => {
      await setLang(lang);
      await sandbox('/faults', { operationId: 'lookupDossier', kind: 'status', status: 503 });
      const el = await mountTracker();
      const region = politeRegion(trackerStatus(el));
      await submitLookup(el, FINISHED_DOSSIER.code, FINISHED_DOSSIER.applicantId);
      await lookupSettled(el);
      expect(alertText(el, '[part="outcome"]')).to.equal(`${words.unavailable} ${words.retry}`);
      expectAnnounced(region, trackerStatus(el), '');
    });

    it(`"Try again" pressed after a failed lookup: focus goes to "Try again" if it fails again, else waits on "Loading…", then goes to the dossier found (${lang})`, async function () {
      slow(this, 20_000);
      await setLang(lang);
      await createFinishedDossier();
      await sandbox('/faults', { operationId: 'lookupDossier', kind: 'status', status: 503, times: 2 });
      const el = await mountTracker();
      await submitLookup(el, FINISHED_DOSSIER.code, FINISHED_DOSSIER.applicantId);
      await lookupSettled(el);
      const first = part<HTMLButtonElement>(el, '[part="retry-button"]');
      first.focus();
      await sendKeys({ press: 'Enter' });
      // The failure comes back at once: "Try again" is a new button, which focus has moved to.
      await waitUntil(() => focusedIn(el)?.getAttribute('part') === 'retry-button' && focusedIn(el) !== first,
        'failed again: focus did not go to the new "Try again"', { timeout: 12_000 });
      expect(alertText(el, '[part="outcome"]')).to.equal(`${words.unavailable} ${words.retry}`);

      await sandbox('/faults', { operationId: 'lookupDossier', kind: 'delay', delayMs: 1000 });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(focusedIn(el)?.getAttribute('part'), 'focus while the lookup runs again').to.equal('loading');
      await waitUntil(() => focusedIn(el)?.id === 'result-heading', 'found: focus did not go to the dossier', { timeout: 12_000 });
      expectAnnounced(politeRegion(trackerStatus(el)), trackerStatus(el), words.found);
    });
  }
});
