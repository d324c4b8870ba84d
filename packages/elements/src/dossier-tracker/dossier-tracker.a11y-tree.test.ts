/**
 * What a screen reader gets from <dvc-dossier-tracker>: Chromium's accessibility tree (roles, names,
 * states) in each key state, in Vietnamese and English, compared with the snapshots in
 * __snapshots__/ (see test-support/a11y-tree.ts). Chromium only (web-test-runner.config.mjs).
 */
import { afterEach, beforeEach, describe, it } from '../test-support/mocha.ts';
import { expectAccessibilityTree, timesIn } from '../test-support/a11y-tree.ts';
import {
  DEMO_FEES_DOSSIER, FINISHED_DOSSIER, LANGS, createFinishedDossier, lookupSettled, maybe, mountTracker, sandbox, setLang,
  slow, submitLookup,
} from '../test-support/screen-reader-drivers.ts';
import { waitUntil } from '@open-wc/testing';
import { namePortalPages } from '../test-support/portal-pages.ts';

// The portal names its payment and evaluation pages: the tracker offers "Pay" and "Evaluate".
namePortalPages();

describe('dvc-dossier-tracker accessibility tree', () => {
  beforeEach(async () => {
    await sandbox('/reset');
  });
  afterEach(() => setLang('vi'));

  for (const lang of LANGS) {
    it(`empty form (${lang}): accessibility tree`, async () => {
      await setLang(lang);
      const el = await mountTracker();
      await expectAccessibilityTree(el, `empty form (${lang})`);
    });

    it(`validation errors (${lang}): accessibility tree`, async () => {
      await setLang(lang);
      const el = await mountTracker();
      await submitLookup(el, 'HS-12345', '');
      await waitUntil(() => maybe(el, '[part="error-summary"]') !== null, 'no error summary');
      await expectAccessibilityTree(el, `validation errors (${lang})`);
    });

    it(`loading (${lang}): accessibility tree`, async function () {
      slow(this, 20_000);
      await setLang(lang);
      await sandbox('/faults', { operationId: 'lookupDossier', kind: 'delay', delayMs: 4000 });
      const el = await mountTracker();
      await submitLookup(el, FINISHED_DOSSIER.code, FINISHED_DOSSIER.applicantId);
      await waitUntil(() => maybe(el, '[part="loading"]') !== null, 'not loading');
      await expectAccessibilityTree(el, `loading (${lang})`);
      await lookupSettled(el);
    });

    it(`found dossier (${lang}): accessibility tree`, async () => {
      await setLang(lang);
      await createFinishedDossier();
      const el = await mountTracker();
      await submitLookup(el, FINISHED_DOSSIER.code, FINISHED_DOSSIER.applicantId);
      await lookupSettled(el);
      await expectAccessibilityTree(el, `found dossier (${lang})`);
    });

    it(`found dossier with fees to pay (${lang}): accessibility tree`, async () => {
      await setLang(lang);
      const el = await mountTracker();
      await submitLookup(el, DEMO_FEES_DOSSIER.code, DEMO_FEES_DOSSIER.applicantId);
      await lookupSettled(el);
      // The demo dossier's dates follow the sandbox's seeding time.
      await expectAccessibilityTree(el, `found dossier with fees to pay (${lang})`, timesIn(el));
    });

    it(`not found (${lang}): accessibility tree`, async () => {
      await setLang(lang);
      const el = await mountTracker();
      await submitLookup(el, '000.00.15.H26-261102-9999', FINISHED_DOSSIER.applicantId);
      await lookupSettled(el);
      await expectAccessibilityTree(el, `not found (${lang})`);
    });

    it(`error (${lang}): accessibility tree`, async () => {
      await setLang(lang);
      await sandbox('/faults', { operationId: 'lookupDossier', kind: 'status', status: 503 });
      const el = await mountTracker();
      await submitLookup(el, FINISHED_DOSSIER.code, FINISHED_DOSSIER.applicantId);
      await lookupSettled(el);
      await expectAccessibilityTree(el, `error (${lang})`);
    });
  }
});
