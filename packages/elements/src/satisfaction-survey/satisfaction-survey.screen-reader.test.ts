/**
 * What <dvc-satisfaction-survey> announces, in Vietnamese and English, in every browser: the words
 * put in the comment's polite live region (the characters left, at thresholds) and in its alert (a
 * send that failed); and, where the widget moves focus instead of using a live region, what the
 * focused element says (the error summary, the thank-you message).
 */
import { expect, waitUntil } from '@open-wc/testing';
import { describe, it } from '../test-support/mocha.ts';
import {
  surveySuite, LANGS, alertText, answerSurvey, expectAnnounced, focusedIn, maybe, mountSurvey, part, politeRegion, sandbox,
  setLang, submitSurvey, text, textsOf, type DvcSatisfactionSurvey, type Lang,
} from '../test-support/screen-reader-drivers.ts';

const WORDS: Record<Lang, {
  left100: string; left5: string; checkAnswers: string; enterId: string; firstQuestionError: string;
  thanksTitle: string; thanksText: string; unavailable: string; retry: string;
}> = {
  vi: {
    left100: 'Còn 100 ký tự',
    left5: 'Còn 5 ký tự',
    checkAnswers: 'Có lỗi cần khắc phục',
    enterId: 'Nhập số định danh cá nhân',
    firstQuestionError: 'Vui lòng chọn một câu trả lời cho “Số lần Ông/Bà phải liên hệ với cơ quan để hoàn thiện hồ sơ”',
    thanksTitle: 'Cảm ơn Ông/Bà đã đánh giá',
    thanksText: 'Ý kiến của Ông/Bà đã được ghi nhận và sẽ giúp cơ quan phục vụ người dân tốt hơn.',
    unavailable: 'Hệ thống tạm thời gián đoạn. Vui lòng thử lại sau ít phút.',
    retry: 'Thử lại',
  },
  en: {
    left100: '100 characters left',
    left5: '5 characters left',
    checkAnswers: 'There is a problem',
    enterId: 'Enter your personal identification number',
    firstQuestionError: 'Please choose an answer to “How many times did you have to contact the agency to complete your application?”',
    thanksTitle: 'Thank you for your evaluation',
    thanksText: 'Your answers have been recorded. They help the agency serve citizens better.',
    unavailable: 'The service is temporarily unavailable. Please try again in a few minutes.',
    retry: 'Try again',
  },
};

const countRegion = (el: DvcSatisfactionSurvey) => part(el, '[data-count-status="comment"]');

function typeComment(el: DvcSatisfactionSurvey, value: string): Promise<boolean> {
  const box = part<HTMLTextAreaElement>(el, 'textarea');
  box.value = value;
  box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  return el.updateComplete;
}

describe('dvc-satisfaction-survey live-region announcements', () => {
  surveySuite();

  for (const lang of LANGS) {
    const words = WORDS[lang];

    it(`announces the characters left in the comment at thresholds (${lang})`, async () => {
      await setLang(lang);
      const el = await mountSurvey();
      const region = politeRegion(countRegion(el));
      await typeComment(el, 'a'.repeat(899));
      expectAnnounced(region, countRegion(el), '');
      await typeComment(el, 'a'.repeat(900));
      expectAnnounced(region, countRegion(el), words.left100);
      await typeComment(el, 'a'.repeat(995));
      expectAnnounced(region, countRegion(el), words.left5);
    });

    it(`announces a failed send in an alert, with its retry button (${lang})`, async () => {
      await setLang(lang);
      const el = await mountSurvey();
      await answerSurvey(el);
      // Every attempt: the SDK retries a 503 twice itself (the send has an Idempotency-Key).
      await sandbox('/faults', { operationId: 'submitSurvey', kind: 'status', status: 503, times: 3 });
      await submitSurvey(el);
      await waitUntil(() => maybe(el, '[role="alert"]') !== null, 'no error shown', { timeout: 8000 });
      expect(alertText(el, '[part="form"]')).to.equal(`${words.unavailable} ${words.retry}`);
    });

    it(`announces the form's errors by moving focus to the error summary, an alert (${lang})`, async () => {
      await setLang(lang);
      const el = await mountSurvey();
      await submitSurvey(el);
      const summary = part(el, '[part="error-summary"]');
      await waitUntil(() => focusedIn(el) === summary, 'focus did not move to the error summary');
      const alert = summary.querySelector('[role="alert"]');
      expect(alert, 'the summary is an alert').to.not.equal(null);
      expect(text(summary.querySelector('[part~="error-summary-title"]')), 'its title').to.equal(words.checkAnswers);
      const links = textsOf(el, '[part="error-summary"] a');
      expect(links).to.have.length(6);
      expect(links.slice(0, 2)).to.deep.equal([words.enterId, words.firstQuestionError]);
    });

    it(`says the problems left only once: answering one leaves the alert's other items as they were (${lang})`, async () => {
      await setLang(lang);
      const el = await mountSurvey();
      await submitSurvey(el);
      const summary = part(el, '[part="error-summary"]');
      await waitUntil(() => focusedIn(el) === summary, 'focus did not move to the error summary');
      const before = textsOf(el, '[part="error-summary"] a');
      // An alert is read out again when text is added to it or changed in it (not when removed).
      const rewritten: string[] = [];
      const observer = new MutationObserver((records) => {
        for (const record of records) {
          if (record.type === 'characterData') rewritten.push(record.target.textContent ?? '');
          for (const node of record.addedNodes) if (node.textContent?.trim()) rewritten.push(node.textContent.trim());
        }
      });
      observer.observe(summary.querySelector('[role="alert"]')!, { subtree: true, childList: true, characterData: true });
      part<HTMLInputElement>(el, 'input[type="radio"]').click();
      await el.updateComplete;
      observer.disconnect();
      expect(rewritten, 'nothing in the alert was rewritten').to.deep.equal([]);
      expect(textsOf(el, '[part="error-summary"] a')).to.deep.equal(before.filter((item) => item !== words.firstQuestionError));
    });

    it(`announces the evaluation sent by moving focus to the thank-you message (${lang})`, async () => {
      await setLang(lang);
      const el = await mountSurvey();
      await answerSurvey(el);
      await submitSurvey(el);
      await waitUntil(() => maybe(el, '[part="thanks"]') !== null, 'no thanks', { timeout: 8000 });
      const thanks = part(el, '[part="thanks"]');
      await waitUntil(() => focusedIn(el) === thanks, 'focus did not move to the thank-you message');
      expect(text(thanks)).to.equal(`${words.thanksTitle} ${words.thanksText}`);
    });
  }
});
