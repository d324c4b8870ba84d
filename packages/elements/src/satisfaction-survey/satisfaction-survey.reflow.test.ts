/**
 * WCAG 1.4.10 Reflow and 2.5.8 Target Size for <dvc-satisfaction-survey>, in every browser: at
 * 320 × 640 CSS px, in Vietnamese and English, the dossier evaluation and the page feedback fit
 * without sideways scrolling or clipped content, empty, with their errors and once sent, and every
 * target is at least 24 × 24 px or spaced (test-support/reflow.ts). Against the real sandbox.
 */
import { html } from 'lit';
import { expect, waitUntil } from '@open-wc/testing';
import { describe, it } from '../test-support/mocha.ts';
import { mountInLandmark } from '../test-support/a11y-tree.ts';
import { sandboxUrl } from '../test-support/axe.ts';
import { expectReflow, narrowViewportSuite } from '../test-support/reflow.ts';
import {
  LANGS, answerSurvey, maybe, mountSurvey, part, setLang, submitSurvey, surveySuite, type DvcSatisfactionSurvey,
} from '../test-support/screen-reader-drivers.ts';

/** "Was this information useful?" for a procedure (birth registration), as a procedure page has it. */
async function mountPageFeedback(): Promise<DvcSatisfactionSurvey> {
  const el = await mountInLandmark<DvcSatisfactionSurvey>(html`<dvc-satisfaction-survey api-base=${sandboxUrl()}
    mode="page" procedure-code="1.001193"></dvc-satisfaction-survey>`);
  await waitUntil(() => maybe(el, 'form') !== null, 'the page feedback form did not load', { timeout: 8000 });
  await el.updateComplete;
  return el;
}

async function errorsShown(el: DvcSatisfactionSurvey): Promise<void> {
  await submitSurvey(el);
  await waitUntil(() => maybe(el, '[part="error-summary"]') !== null, 'no error summary');
}

async function thanked(el: DvcSatisfactionSurvey): Promise<void> {
  await submitSurvey(el);
  await waitUntil(() => maybe(el, '[part="thanks"]') !== null, 'no thanks', { timeout: 8000 });
}

describe('<dvc-satisfaction-survey> at 320 px (WCAG 1.4.10, 2.5.8)', () => {
  surveySuite();
  narrowViewportSuite();

  for (const lang of LANGS) {
    describe(`dossier evaluation (${lang})`, () => {
      it('empty form, asking for the identity number: fits 320 px, targets of 24 px', async () => {
        await setLang(lang);
        const el = await mountSurvey();
        part(el, '#applicant-id');
        await expectReflow(el, `dossier, empty (${lang})`);
      });

      it('validation errors, the summary and each question\'s error: fits 320 px, targets of 24 px', async () => {
        await setLang(lang);
        const el = await mountSurvey();
        await errorsShown(el);
        await expectReflow(el, `dossier, errors (${lang})`);
      });

      it('validation errors with text at 200% (a phone with large text): a long answer wraps inside its bordered question', async () => {
        await setLang(lang);
        document.documentElement.style.fontSize = '200%';
        try {
          const el = await mountSurvey();
          await errorsShown(el);
          await expectReflow(el, `dossier, errors, 200% text (${lang})`);
          // Focused, the summary is read from its top: taller than the screen, it is not left scrolled to its middle.
          const summary = maybe(el, '[part="error-summary"]')!;
          expect(el.shadowRoot!.activeElement).to.equal(summary);
          expect(summary.getBoundingClientRect().top).to.be.at.least(0);
        } finally {
          document.documentElement.style.fontSize = '';
        }
      });

      it('sent, the thank-you: fits 320 px, targets of 24 px', async () => {
        await setLang(lang);
        const el = await mountSurvey();
        await answerSurvey(el, 'Cán bộ hướng dẫn tận tình.');
        await thanked(el);
        await expectReflow(el, `dossier, sent (${lang})`);
      });
    });

    describe(`page feedback (${lang})`, () => {
      it('empty form: fits 320 px, targets of 24 px', async () => {
        await setLang(lang);
        const el = await mountPageFeedback();
        await expectReflow(el, `page, empty (${lang})`);
      });

      it('validation error: fits 320 px, targets of 24 px', async () => {
        await setLang(lang);
        const el = await mountPageFeedback();
        await errorsShown(el);
        await expectReflow(el, `page, error (${lang})`);
      });

      it('sent, the thank-you: fits 320 px, targets of 24 px', async () => {
        await setLang(lang);
        const el = await mountPageFeedback();
        part<HTMLInputElement>(el, 'input[name="q-useful"]').click();
        await el.updateComplete;
        await thanked(el);
        await expectReflow(el, `page, sent (${lang})`);
      });
    });
  }
});
