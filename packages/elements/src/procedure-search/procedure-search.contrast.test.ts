/**
 * Non-text contrast (WCAG 1.4.11) of <dvc-procedure-search> as painted, default theme, in each state
 * with controls: the search box, filters and buttons; result names and paging; the detail; the
 * error's retry. See test-support/non-text-contrast.ts for what is measured.
 */
import { expect } from '@open-wc/testing';
import { describe, it } from '../test-support/mocha.ts';
import { expectNonTextContrast } from '../test-support/non-text-contrast.ts';
import { mountSearch, openFirstResult, sandbox, searchSettled, searchSuite } from '../test-support/screen-reader-drivers.ts';

const kinds = (measured: readonly { kind: string }[]) => [...new Set(measured.map((m) => m.kind))].sort();

describe('<dvc-procedure-search> non-text contrast (WCAG 1.4.11)', () => {
  searchSuite();

  it('before a search: the search box, the filters and the buttons are at least 3:1', async () => {
    const el = await mountSearch();
    const measured = await expectNonTextContrast(el);
    expect(kinds(measured)).to.deep.equal(['button', 'field']);
    expect(measured.filter((m) => m.control.startsWith('select')).length, 'filter selects measured').to.be.at.least(3);
  });

  it('with results and paging: at least 3:1', async () => {
    const el = await mountSearch({ query: 'khai sinh', level: 'commune' });
    await searchSettled(el);
    const measured = await expectNonTextContrast(el);
    expect(measured.filter((m) => m.control.startsWith('button[part="page-button"]')).length, 'paging buttons measured').to.be.at.least(2);
  });

  it('in a procedure\'s detail: at least 3:1', async () => {
    const el = await mountSearch({ query: 'khai sinh', level: 'commune' });
    await searchSettled(el);
    await openFirstResult(el);
    await expectNonTextContrast(el);
  });

  it('after a failure, with its retry button: at least 3:1', async () => {
    await sandbox('/faults', { operationId: 'searchProcedures', kind: 'status', status: 500, times: 3 });
    const el = await mountSearch({ query: 'khai sinh', level: 'commune' });
    await searchSettled(el);
    const measured = await expectNonTextContrast(el);
    expect(measured.some((m) => m.control.startsWith('button[part="retry-button"]')), 'retry button measured').to.equal(true);
  });
});
