/**
 * What a screen reader gets from <dvc-satisfaction-survey>: Chromium's accessibility tree (roles,
 * names, states) in each key state, in Vietnamese and English, compared with the snapshots in
 * __snapshots__/ (see test-support/a11y-tree.ts). Chromium only (web-test-runner.config.mjs).
 */
import { waitUntil } from '@open-wc/testing';
import { describe, it } from '../test-support/mocha.ts';
import { expectAccessibilityTree } from '../test-support/a11y-tree.ts';
import {
  surveySuite, LANGS, answerSurvey, maybe, mountSurvey, sandbox, setLang, submitSurvey,
} from '../test-support/screen-reader-drivers.ts';

describe('dvc-satisfaction-survey accessibility tree', () => {
  surveySuite();

  for (const lang of LANGS) {
    it(`empty form (${lang}): accessibility tree`, async () => {
      await setLang(lang);
      const el = await mountSurvey();
      await expectAccessibilityTree(el, `empty form (${lang})`);
    });

    it(`validation errors (${lang}): accessibility tree`, async () => {
      await setLang(lang);
      const el = await mountSurvey();
      await submitSurvey(el);
      await waitUntil(() => maybe(el, '[part="error-summary"]') !== null, 'no error summary');
      await expectAccessibilityTree(el, `validation errors (${lang})`);
    });

    it(`sending failed (${lang}): accessibility tree`, async () => {
      await setLang(lang);
      const el = await mountSurvey();
      await answerSurvey(el, 'Cán bộ hướng dẫn tận tình.');
      // Every attempt: the SDK retries a 503 twice itself (the send has an Idempotency-Key).
      await sandbox('/faults', { operationId: 'submitSurvey', kind: 'status', status: 503, times: 3 });
      await submitSurvey(el);
      await waitUntil(() => maybe(el, '[part="form"] [role="alert"]') !== null, 'no error shown', { timeout: 8000 });
      await expectAccessibilityTree(el, `sending failed (${lang})`);
    });

    it(`sent (${lang}): accessibility tree`, async () => {
      await setLang(lang);
      const el = await mountSurvey();
      await answerSurvey(el, 'Cán bộ hướng dẫn tận tình.');
      await submitSurvey(el);
      await waitUntil(() => maybe(el, '[part="thanks"]') !== null, 'no thanks', { timeout: 8000 });
      await expectAccessibilityTree(el, `sent (${lang})`);
    });
  }
});
