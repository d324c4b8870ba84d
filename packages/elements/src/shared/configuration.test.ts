/**
 * A widget set up wrongly (no `api-base`, one that is not a web address, one where no API answers)
 * tells the citizen to let the site's administrators know, never to try again or that nothing was
 * found, and tells the webmaster what to fix in the console.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { afterEach, beforeEach, describe, it } from '../test-support/mocha.ts';
import '../procedure-search/index.ts';
import '../dossier-tracker/index.ts';
import type { DvcProcedureSearch } from '../procedure-search/procedure-search.ts';
import type { DvcDossierTracker } from '../dossier-tracker/dossier-tracker.ts';
import { setLang } from '../test-support/page-lang.ts';
import { expectNoAxeViolations, sandboxUrl } from '../test-support/axe.ts';

const NOT_SET_UP = {
  vi: 'Dịch vụ này chưa được cài đặt đúng trên trang. Vui lòng báo cho bộ phận quản trị trang thông tin điện tử.',
  en: 'This service is not set up correctly on this page. Please let the website\'s administrators know.',
};

const failure = (el: HTMLElement) => el.shadowRoot!.querySelector<HTMLElement>('[part="error"]');

async function searched(el: DvcProcedureSearch): Promise<HTMLElement> {
  el.query = 'khai sinh';
  await waitUntil(() => failure(el) !== null, 'no failure shown', { timeout: 8000 });
  return failure(el)!;
}

describe('a widget set up wrongly', () => {
  let logged: string[];
  let restore: () => void;
  beforeEach(async () => {
    await setLang('vi');
    logged = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
    restore = () => { console.error = original; };
  });
  afterEach(async () => {
    restore();
    await setLang('vi');
  });

  it('an api-base that is not a web address ("localhost:4620/api/v1"): says to tell the administrators, no "Try again"; the console says what to fix', async () => {
    const el = await fixture<DvcProcedureSearch>(html`<dvc-procedure-search api-base="localhost:4620/api/v1"></dvc-procedure-search>`);
    const shown = await searched(el);
    expect(shown.dataset['problem']).to.equal('configuration');
    expect(shown.querySelector('[part="error-message"]')!.textContent!.trim()).to.equal(NOT_SET_UP.vi);
    expect(shown.querySelector('[part="retry-button"]')).to.equal(null);
    expect(logged.some((line) => line.includes('localhost:4620/api/v1') && /https:\/\//.test(line)), logged.join('\n')).to.equal(true);
    await expectNoAxeViolations(el);
  });

  it('an api-base where no API answers (a 404 page): not "not found", but the same words, in English on an English page', async () => {
    await setLang('en');
    const el = await fixture<DvcProcedureSearch>(html`<dvc-procedure-search api-base="/no-api-here/v1"></dvc-procedure-search>`);
    const shown = await searched(el);
    expect(shown.dataset['problem']).to.equal('configuration');
    expect(shown.querySelector('[part="error-message"]')!.textContent!.trim()).to.equal(NOT_SET_UP.en);
    expect(shown.querySelector('[part="retry-button"]')).to.equal(null);
    // The webmaster reads what to fix and where it was looked for, once however often the widget fails.
    performance.clearResourceTimings();
    await el.search();
    await el.updateComplete;
    expect(failure(el)?.dataset['problem']).to.equal('configuration');
    expect(performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/procedures?')), 'asked again').to.have.length(1);
    const told = logged.filter((line) => line.startsWith('DVC Kit: an api-base on this page leads to no DVC Kit API.'));
    expect(told, logged.join('\n')).to.have.length(1);
    expect(told[0]).to.include(`No DVC Kit API answers at ${new URL('/no-api-here/v1/', location.href).href}`);
  });

  it('the API\'s own host without its version path (the API says not_found): the same words, not "not found"', async () => {
    const root = sandboxUrl().replace(/\/api\/v1$/, '');
    const el = await fixture<DvcProcedureSearch>(html`<dvc-procedure-search api-base=${root}></dvc-procedure-search>`);
    const shown = await searched(el);
    expect(shown.dataset['problem']).to.equal('configuration');
    expect(shown.querySelector('[part="error-message"]')!.textContent!.trim()).to.equal(NOT_SET_UP.vi);
    expect(logged.some((line) => line.startsWith('DVC Kit: an api-base on this page leads to no DVC Kit API.') && line.includes('Check baseUrl')), logged.join('\n')).to.equal(true);
  });

  it('no api-base at all: the tracker says so when asked, and the console names the attribute, once', async () => {
    const el = await fixture<DvcDossierTracker>(html`<dvc-dossier-tracker></dvc-dossier-tracker>`);
    const root = el.shadowRoot!;
    root.querySelector<HTMLInputElement>('#code')!.value = '000.00.15.H26-250714-0042';
    root.querySelector<HTMLInputElement>('#code')!.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    root.querySelector<HTMLInputElement>('#applicant-id')!.value = '001099000013';
    root.querySelector('form')!.requestSubmit();
    await waitUntil(() => failure(el) !== null, 'no failure shown', { timeout: 8000 });
    expect(failure(el)!.dataset['problem']).to.equal('configuration');
    expect(failure(el)!.querySelector('[part="error-message"]')!.textContent!.trim()).to.equal(NOT_SET_UP.vi);
    root.querySelector('form')!.requestSubmit();
    await el.updateComplete;
    expect(logged.filter((line) => line.includes('api-base')), logged.join('\n')).to.have.length(1);
  });
});
