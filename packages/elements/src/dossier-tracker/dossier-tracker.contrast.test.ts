/**
 * Non-text contrast (WCAG 1.4.11) of <dvc-dossier-tracker> as painted, default theme: the form empty
 * and with its errors (red borders), and a result with its actions. See
 * test-support/non-text-contrast.ts for what is measured.
 */
import { expect } from '@open-wc/testing';
import { afterEach, beforeEach, describe, it } from '../test-support/mocha.ts';
import { expectNonTextContrast } from '../test-support/non-text-contrast.ts';
import {
  DEMO_FEES_DOSSIER, FINISHED_DOSSIER, createFinishedDossier, lookupSettled, mountTracker, sandbox, setLang, submitLookup,
} from '../test-support/screen-reader-drivers.ts';
import { namePortalPages } from '../test-support/portal-pages.ts';

// The portal names its payment and evaluation pages: the tracker offers "Pay" and "Evaluate".
namePortalPages();

const controls = (measured: readonly { control: string }[]) => measured.map((m) => m.control);

describe('<dvc-dossier-tracker> non-text contrast (WCAG 1.4.11)', () => {
  beforeEach(async () => {
    await sandbox('/reset');
  });
  afterEach(async () => {
    await setLang('vi');
  });

  it('the empty form: both fields and the button are at least 3:1', async () => {
    const el = await mountTracker();
    const measured = await expectNonTextContrast(el);
    expect(controls(measured).filter((c) => c.startsWith('input')).length, 'fields measured').to.equal(2);
  });

  it('the form with its errors: the invalid fields\' borders are at least 3:1', async () => {
    const el = await mountTracker();
    await submitLookup(el, 'abc', '12');
    const measured = await expectNonTextContrast(el);
    expect(el.shadowRoot!.querySelectorAll('[aria-invalid="true"]').length, 'fields marked invalid').to.equal(2);
    expect(controls(measured).filter((c) => c.startsWith('input')).length, 'fields measured').to.equal(2);
  });

  it('a dossier awaiting payment, with "pay" and "look up another": at least 3:1', async () => {
    const el = await mountTracker();
    await submitLookup(el, DEMO_FEES_DOSSIER.code, DEMO_FEES_DOSSIER.applicantId);
    await lookupSettled(el);
    const measured = await expectNonTextContrast(el);
    expect(measured.filter((m) => m.kind === 'button').length, 'buttons measured').to.be.at.least(2);
  });

  it('a finished dossier, with "evaluate": at least 3:1', async () => {
    await createFinishedDossier();
    const el = await mountTracker();
    await submitLookup(el, FINISHED_DOSSIER.code, FINISHED_DOSSIER.applicantId);
    await lookupSettled(el);
    const measured = await expectNonTextContrast(el);
    expect(measured.filter((m) => m.kind === 'button').length, 'buttons measured').to.be.at.least(2);
  });
});
