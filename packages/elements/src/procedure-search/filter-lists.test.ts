import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { render } from 'lit';
import { afterEach, beforeEach, describe, it } from '../test-support/mocha.ts';
import { setViewport } from '@web/test-runner-commands';
import './index.ts';
import type { DvcProcedureSearch } from './procedure-search.ts';
import { optionList, type Choice } from './option-list.ts';
import { setLang } from '../test-support/page-lang.ts';
import { sandboxUrl } from '../test-support/axe.ts';
import { RUNNER_VIEWPORT } from '../test-support/reflow.ts';

const $ = <T extends Element = HTMLElement>(el: DvcProcedureSearch, selector: string): T | null => el.shadowRoot!.querySelector<T>(selector);
const optionsOf = (select: HTMLSelectElement) => [...select.options].map((o) => ({ value: o.value, label: o.text, lang: o.lang, selected: o.selected }));

/** The widget's requests for the filters' lists since the test began, by path. */
const listRequests = () => performance.getEntriesByType('resource')
  .map((entry) => new URL(entry.name).pathname)
  .filter((path) => /\/(agencies|fields)$/.test(path))
  .map((path) => path.slice(path.lastIndexOf('/') + 1))
  .sort();

describe('<dvc-procedure-search> filter lists, loaded when the filters are shown', () => {
  beforeEach(async () => {
    await setLang('vi');
    performance.clearResourceTimings();
  });
  afterEach(async () => {
    await setViewport(RUNNER_VIEWPORT);
  });

  it('on a phone, where the filters are folded, asks for the agencies and fields only when they are opened', async () => {
    await setViewport({ width: 360, height: 740 });
    const el = await fixture<DvcProcedureSearch>(html`<dvc-procedure-search api-base=${sandboxUrl()}></dvc-procedure-search>`);
    const disclosure = $<HTMLDetailsElement>(el, '[part="filters-disclosure"]')!;
    expect(disclosure.open).to.equal(false);
    // Long enough for a request made at start to have shown up.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(listRequests(), 'requests while folded').to.deep.equal([]);
    expect($(el, '#filter-agency'), 'no agency filter while folded').to.equal(null);

    $<HTMLElement>(el, '[part="filters-toggle"]')!.click();
    await waitUntil(() => (el.shadowRoot!.querySelector<HTMLSelectElement>('#filter-agency')?.options.length ?? 0) > 1, 'no agencies once opened', { timeout: 8000 });
    expect(listRequests()).to.deep.equal(['agencies', 'fields']);
    const { items: agencies } = await (await fetch(`${sandboxUrl()}/agencies`)).json() as { items: { id: string; name: string }[] };
    expect(optionsOf($<HTMLSelectElement>(el, '#filter-agency')!).slice(1).map((o) => [o.value, o.label]), 'every agency, in the API\'s order')
      .to.deep.equal(agencies.map((a) => [a.id, a.name]));

    // Folded and opened again: asked once (the test's own request above left out).
    performance.clearResourceTimings();
    $<HTMLElement>(el, '[part="filters-toggle"]')!.click();
    await waitUntil(() => !disclosure.open);
    $<HTMLElement>(el, '[part="filters-toggle"]')!.click();
    await waitUntil(() => disclosure.open);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(listRequests()).to.deep.equal([]);
  });

  it('on a wide screen, where the filters stand open, has both lists before any search', async () => {
    const el = await fixture<DvcProcedureSearch>(html`<dvc-procedure-search api-base=${sandboxUrl()}></dvc-procedure-search>`);
    expect($<HTMLDetailsElement>(el, '[part="filters-disclosure"]')!.open).to.equal(true);
    await waitUntil(() => (el.shadowRoot!.querySelector<HTMLSelectElement>('#filter-agency')?.options.length ?? 0) > 1, 'no agencies', { timeout: 8000 });
    await waitUntil(() => el.shadowRoot!.querySelector<HTMLSelectElement>('#filter-field')!.options.length > 1, 'no fields', { timeout: 8000 });
    expect(listRequests()).to.deep.equal(['agencies', 'fields']);
  });
});

describe('optionList(): a long list of options made as plain DOM', () => {
  const choices = (n: number, prefix = 'Cơ quan'): Choice[] =>
    Array.from({ length: n }, (_, i) => ({ value: `A${i}`, label: `${prefix} ${i} <b>&amp;</b>` }));
  const select = (list: Choice[], selected: string) =>
    html`<select .value=${selected}><option value="">Tất cả</option>${optionList(list, selected, 'vi')}</select>`;

  it('lists every choice as text, in the content\'s language, the chosen one selected; the same list again is left as it is', () => {
    const host = document.createElement('div');
    const list = choices(1500);
    render(select(list, 'A700'), host);
    const element = host.querySelector('select')!;
    const shown = optionsOf(element);
    expect(shown).to.have.length(1501);
    expect(shown[0]).to.deep.equal({ value: '', label: 'Tất cả', lang: '', selected: false });
    expect(shown[1]).to.deep.equal({ value: 'A0', label: 'Cơ quan 0 <b>&amp;</b>', lang: 'vi', selected: false });
    expect(element.value).to.equal('A700');
    expect(element.querySelector('b'), 'markup in a label stays text').to.equal(null);

    const first = element.options[1];
    render(select(choices(1500), 'A3'), host);
    expect(element.options[1], 'equal choices: the same options').to.equal(first);
    expect(element.value).to.equal('A3');

    render(select(choices(1500, 'Sở'), 'A3'), host);
    expect(element.options[1]!.text).to.equal('Sở 0 <b>&amp;</b>');
    expect(element.options).to.have.length(1501);
    expect(element.value, 'the choice kept in the new list').to.equal('A3');

    render(select(choices(3), ''), host);
    expect(optionsOf(element).map((o) => o.value), 'a short list, as Lit renders it').to.deep.equal(['', 'A0', 'A1', 'A2']);
    expect(element.value).to.equal('');
  });
});
