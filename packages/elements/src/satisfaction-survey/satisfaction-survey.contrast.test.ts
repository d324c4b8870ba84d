/**
 * Non-text contrast (WCAG 1.4.11) of <dvc-satisfaction-survey> as painted, default theme: the
 * evaluation unanswered (radios, identity number, comment box), sent empty (its errors), answered
 * (checked radios). See test-support/non-text-contrast.ts for what is measured.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { describe, it } from '../test-support/mocha.ts';
import { expectNonTextContrast } from '../test-support/non-text-contrast.ts';
import { answerSurvey, mountSurvey, submitSurvey, surveySuite } from '../test-support/screen-reader-drivers.ts';

describe('<dvc-satisfaction-survey> non-text contrast (WCAG 1.4.11)', () => {
  surveySuite();

  it('unanswered: every answer\'s radio, the fields and the button are at least 3:1', async () => {
    const el = await mountSurvey();
    const measured = await expectNonTextContrast(el);
    const radios = el.shadowRoot!.querySelectorAll('input[type="radio"]').length;
    expect(measured.filter((m) => m.kind === 'choice').length, 'every radio measured').to.equal(radios);
    expect(measured.some((m) => m.control.startsWith('textarea')), 'the comment box measured').to.equal(true);
  });

  it('sent empty, with its errors: at least 3:1', async () => {
    const el = await mountSurvey();
    await submitSurvey(el);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="error-summary"]') !== null, 'no error summary', { timeout: 8000 });
    await expectNonTextContrast(el);
  });

  it('answered, radios checked: at least 3:1', async () => {
    const el = await mountSurvey();
    await answerSurvey(el, 'Cán bộ hướng dẫn tận tình.');
    expect(el.shadowRoot!.querySelectorAll('input[type="radio"]:checked').length).to.be.at.least(5);
    await expectNonTextContrast(el);
  });
});
