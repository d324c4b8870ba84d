/**
 * What a screen reader gets from <dvc-procedure-search>: Chromium's accessibility tree (roles, names,
 * states) in each key state, in Vietnamese and English, compared with the snapshots in
 * __snapshots__/ (see test-support/a11y-tree.ts). Chromium only (web-test-runner.config.mjs).
 */
import { waitUntil } from '@open-wc/testing';
import { describe, it } from '../test-support/mocha.ts';
import { expectAccessibilityTree } from '../test-support/a11y-tree.ts';
import {
  searchSuite, LANGS, maybe, mountSearch, openFirstResult, sandbox, searchSettled, setLang, slow, } from '../test-support/screen-reader-drivers.ts';

/**
 * The search mounted, once its agency list has come: a request of its own, which no fault delays,
 * and whose filter every snapshot holds (the filters stand open at the tests' width).
 */
async function mountWithLists(options?: Parameters<typeof mountSearch>[0]): Promise<Awaited<ReturnType<typeof mountSearch>>> {
  const el = await mountSearch(options);
  await waitUntil(() => maybe(el, '#filter-agency') !== null, 'no agency list', { timeout: 8000 });
  return el;
}

describe('dvc-procedure-search accessibility tree', () => {
  searchSuite();

  for (const lang of LANGS) {
    it(`empty (${lang}): accessibility tree`, async () => {
      await setLang(lang);
      const el = await mountWithLists();
      await expectAccessibilityTree(el, `empty (${lang})`);
    });

    it(`loading (${lang}): accessibility tree`, async function () {
      slow(this, 20_000);
      await setLang(lang);
      await sandbox('/faults', { operationId: 'searchProcedures', kind: 'delay', delayMs: 4000 });
      const el = await mountWithLists({ query: 'dang ky khai sinh', level: 'commune' });
      // The agency list is a request of its own, not delayed: the snapshot is taken once it has come.
      await waitUntil(() => maybe(el, '[part="loading"]') !== null && maybe(el, '#filter-agency') !== null, 'not loading, or no agency list');
      await expectAccessibilityTree(el, `loading (${lang})`);
      await searchSettled(el);
    });

    it(`results (${lang}): accessibility tree`, async () => {
      await setLang(lang);
      const el = await mountWithLists({ query: 'dang ky khai sinh', level: 'commune' });
      await searchSettled(el);
      await expectAccessibilityTree(el, `results (${lang})`);
    });

    it(`no results (${lang}): accessibility tree`, async () => {
      await setLang(lang);
      const el = await mountWithLists({ query: 'xqzwvkj' });
      await searchSettled(el);
      await expectAccessibilityTree(el, `no results (${lang})`);
    });

    it(`detail open (${lang}): accessibility tree`, async () => {
      await setLang(lang);
      const el = await mountWithLists({ query: 'dang ky khai sinh', level: 'commune' });
      await searchSettled(el);
      await openFirstResult(el);
      await expectAccessibilityTree(el, `detail open (${lang})`);
    });

    it(`error (${lang}): accessibility tree`, async () => {
      await setLang(lang);
      // The SDK tries a search three times on a 5xx: every attempt meets the fault.
      await sandbox('/faults', { operationId: 'searchProcedures', kind: 'status', status: 503, times: 3 });
      const el = await mountWithLists({ query: 'ly lich tu phap' });
      await searchSettled(el);
      await expectAccessibilityTree(el, `error (${lang})`);
    });
  }
});
