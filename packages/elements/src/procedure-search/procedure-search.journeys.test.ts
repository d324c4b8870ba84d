import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { afterEach, beforeEach, describe, it } from '../test-support/mocha.ts';
import { sendKeys } from '@web/test-runner-commands';
import './index.ts';
import type { DvcProcedureSearch } from './procedure-search.ts';
import { setLang } from '../test-support/page-lang.ts';
import { expectNoAxeViolations, sandboxUrl } from '../test-support/axe.ts';

const $ = <T extends Element = HTMLElement>(el: DvcProcedureSearch, selector: string): T | null =>
  el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: DvcProcedureSearch, selector: string): T[] =>
  [...el.shadowRoot!.querySelectorAll<T>(selector)];
const items = (el: DvcProcedureSearch) => $$(el, 'ul[part="list"] > li');
const names = (el: DvcProcedureSearch) => items(el).map((li) => li.querySelector('.name')!.textContent!.trim());
const summary = (el: DvcProcedureSearch) => $(el, '[role="status"]')!.textContent!.trim();
const input = (el: DvcProcedureSearch) => $<HTMLInputElement>(el, 'input')!;
const activeInside = (el: DvcProcedureSearch) => el.shadowRoot!.activeElement as HTMLElement | null;

async function sandbox(path: string, body?: unknown): Promise<Response> {
  const response = await fetch(`${sandboxUrl()}${path}`, {
    method: 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response;
}

async function settled(el: DvcProcedureSearch): Promise<void> {
  await waitUntil(() => $(el, '[part="results"]')?.getAttribute('aria-busy') === 'false' && (summary(el) !== '' || $(el, '[role="alert"]') !== null),
    'search did not settle', { timeout: 8000 });
  await el.updateComplete;
}

async function choose(el: DvcProcedureSearch, filter: string, value: string): Promise<void> {
  const select = $<HTMLSelectElement>(el, `#filter-${filter}`)!;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
  await settled(el);
}

describe('<dvc-procedure-search> journeys', () => {
  beforeEach(async () => {
    await setLang('vi');
    await sandbox('/_sandbox/reset');
  });
  afterEach(async () => {
    await setLang('vi');
    history.replaceState(null, '', location.pathname);
  });

  it('filters by level, field and online service, with facet counts, and clears them', async () => {
    const el = await fixture<DvcProcedureSearch>(html`<dvc-procedure-search api-base=${sandboxUrl()} query="dang ky" page-size="50"></dvc-procedure-search>`);
    await settled(el);
    const before = Number(/\d+/.exec(summary(el))![0]);
    const communeOption = $$<HTMLOptionElement>(el, '#filter-level option').find((o) => o.value === 'commune')!;
    const communeCount = Number(/\((\d+)\)/.exec(communeOption.textContent!)![1]);
    expect(communeOption.textContent).to.match(/^Cấp xã \(\d+\)$/);

    await choose(el, 'level', 'commune');
    expect(el.level).to.equal('commune');
    expect(Number(/\d+/.exec(summary(el))![0])).to.equal(communeCount);
    expect(items(el).every((li) => li.textContent!.includes('Cấp xã'))).to.equal(true);

    const fieldOption = $$<HTMLOptionElement>(el, '#filter-field option').find((o) => o.value !== '')!;
    // "Hộ tịch – Bộ Tư pháp (12)": the field's name, its ministry when another field has that name, the count.
    const fieldName = fieldOption.textContent!.replace(/ \(\d+\)$/, '').replace(/ – .*$/, '');
    await choose(el, 'field', fieldOption.value);
    expect(items(el).length).to.be.greaterThan(0);
    expect(items(el).every((li) => li.textContent!.includes(fieldName))).to.equal(true);

    await choose(el, 'online', 'partial');
    expect(items(el).every((li) => li.querySelector('[part="badge"]')!.textContent!.includes('một phần'))).to.equal(true);
    await expectNoAxeViolations(el);

    const searched = oneEvent(el, 'dvc-search');
    $<HTMLButtonElement>(el, '[part="clear-filters"]')!.click();
    const { detail } = await searched;
    expect(detail.filters).to.deep.equal({});
    await settled(el);
    expect(Number(/\d+/.exec(summary(el))![0])).to.equal(before);
    expect($(el, '[part="clear-filters"]')).to.equal(null);
    // The button pressed went with the filters: focus is on the results it changed, not lost to the page.
    expect(activeInside(el)?.id).to.equal('results-heading');
  });

  it('"Search without filters", where a filter found nothing: searches again without them, focus on the results', async () => {
    const el = await fixture<DvcProcedureSearch>(html`<dvc-procedure-search api-base=${sandboxUrl()} query="ly lich tu phap" level="commune"></dvc-procedure-search>`);
    await settled(el);
    const button = $$<HTMLButtonElement>(el, 'button').find((b) => b.textContent!.trim() === 'Tìm lại không dùng bộ lọc')!;
    expect(button, 'offered where nothing was found').to.not.equal(undefined);
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => items(el).length > 0, 'no results without the filters', { timeout: 8000 });
    expect(el.level).to.equal('');
    expect(activeInside(el)?.id).to.equal('results-heading');
  });

  it('lists a filter value that would find nothing with its "(0)", not choosable, unless it is the one chosen', async () => {
    const el = await fixture<DvcProcedureSearch>(html`<dvc-procedure-search api-base=${sandboxUrl()} query="ly lich tu phap" level="commune"></dvc-procedure-search>`);
    await settled(el);
    const level = (value: string) => $$<HTMLOptionElement>(el, '#filter-level option').find((o) => o.value === value)!;
    expect(level('commune').textContent).to.equal('Cấp xã (0)');
    expect(level('commune').disabled, 'the chosen value can be seen and kept').to.equal(false);
    const others = $$<HTMLOptionElement>(el, '#filter-level option').filter((o) => o.value !== '' && o.value !== 'commune');
    for (const option of others) expect(option.disabled, option.textContent!).to.equal(/\(0\)$/.test(option.textContent!));

    await choose(el, 'level', '');
    expect(level('commune').textContent).to.equal('Cấp xã (0)');
    expect(level('commune').disabled, 'once another is chosen, it would find nothing').to.equal(true);
    expect(level('').disabled).to.equal(false);
    await expectNoAxeViolations(el);
  });

  it('filters without words, cleared: nothing is asked any more, and focus goes to the search box', async () => {
    const el = await fixture<DvcProcedureSearch>(html`<dvc-procedure-search api-base=${sandboxUrl()} level="commune"></dvc-procedure-search>`);
    await settled(el);
    $<HTMLButtonElement>(el, '[part="clear-filters"]')!.click();
    await waitUntil(() => activeInside(el)?.id === 'q', 'focus was lost to the page');
    expect($(el, '[part="results"]')!.hidden).to.equal(true);
  });

  it('a page past the last (an old link) shows the last page, and the address says so', async () => {
    history.replaceState(null, '', `${location.pathname}?dvc_q=dang+ky&dvc_page=999`);
    const el = await fixture<DvcProcedureSearch>(html`<dvc-procedure-search api-base=${sandboxUrl()} sync-url page-size="10"></dvc-procedure-search>`);
    await waitUntil(() => items(el).length > 0, 'the last page was not shown', { timeout: 8000 });
    await settled(el);
    const total = Number(/\d+/.exec(summary(el))![0]);
    const last = Math.ceil(total / 10);
    expect($(el, '[part="page-button"][aria-current="page"]')).to.not.equal(null);
    expect($(el, '[part="page-button"][aria-current="page"]')!.textContent!.trim()).to.equal(String(last));
    expect(new URLSearchParams(location.search).get('dvc_page')).to.equal(String(last));
    expect(summary(el)).to.include(`Trang ${last}/${last}`);
  });

  it('an agency the list does not hold (an old link) is shown as chosen, so it can be seen and cleared', async () => {
    history.replaceState(null, '', `${location.pathname}?dvc_q=khai+sinh&dvc_agency=Nope`);
    const el = await fixture<DvcProcedureSearch>(html`<dvc-procedure-search api-base=${sandboxUrl()} sync-url></dvc-procedure-search>`);
    await settled(el);
    const select = $<HTMLSelectElement>(el, '#filter-agency')!;
    expect(select.value).to.equal('Nope');
    expect(select.selectedOptions[0]!.textContent!.trim()).to.equal('Nope');
    $<HTMLButtonElement>(el, '[part="clear-filters"]')!.click();
    await waitUntil(() => items(el).length > 0, 'cleared, it finds', { timeout: 8000 });
    expect(el.agency).to.equal('');
  });

  it('filters by agency from the API list', async () => {
    const el = await fixture<DvcProcedureSearch>(html`<dvc-procedure-search api-base=${sandboxUrl()} level="commune"></dvc-procedure-search>`);
    await settled(el);
    await waitUntil(() => $$(el, '#filter-agency option').length > 1, 'no agencies', { timeout: 8000 });
    const option = $$<HTMLOptionElement>(el, '#filter-agency option').find((o) => o.value !== '')!;
    const searched = oneEvent(el, 'dvc-search');
    await choose(el, 'agency', option.value);
    expect((await searched).detail.filters).to.deep.equal({ level: 'commune', agency: option.value });
  });

  it('pages by keyboard: focus moves to the results heading and the page is announced', async () => {
    const el = await fixture<DvcProcedureSearch>(html`<dvc-procedure-search api-base=${sandboxUrl()} level="commune" page-size="5"></dvc-procedure-search>`);
    await settled(el);
    const total = Number(/\d+/.exec(summary(el))![0]);
    const pages = Math.ceil(total / 5);
    expect(pages).to.be.greaterThan(2);
    expect(summary(el)).to.equal(`Tìm thấy ${total} thủ tục. Trang 1/${pages}.`);
    const firstPage = names(el);
    const current = $(el, '[part="page-button"][aria-current="page"]')!;
    expect(current.textContent!.trim()).to.equal('1');

    const next = $$<HTMLButtonElement>(el, '[part="page-button"]').find((b) => b.textContent!.trim() === 'Trang sau')!;
    next.focus();
    await sendKeys({ press: 'Enter' });
    await settled(el);
    await el.updateComplete;
    expect(activeInside(el)?.id).to.equal('results-heading');
    expect(summary(el)).to.equal(`Tìm thấy ${total} thủ tục. Trang 2/${pages}.`);
    expect(names(el)).to.not.deep.equal(firstPage);
    expect($(el, '[part="page-button"][aria-current="page"]')!.textContent!.trim()).to.equal('2');
    await expectNoAxeViolations(el);

    await setLang('en');
    await el.updateComplete;
    expect(summary(el)).to.equal(`${total} procedures found. Page 2 of ${pages}.`);
  });

  it('opens a detail in place with every section, and Back returns focus to the item', async () => {
    const el = await fixture<DvcProcedureSearch>(html`<dvc-procedure-search api-base=${sandboxUrl()} query="dang ky khai sinh"></dvc-procedure-search>`);
    await settled(el);
    const opener = items(el)[0]!.querySelector<HTMLButtonElement>('.name')!;
    const selected = oneEvent(el, 'dvc-procedure-select');
    opener.click();
    const event = await selected;
    expect(event.detail).to.deep.equal({ code: '1.001193' });
    expect(event.cancelable).to.equal(true);

    await waitUntil(() => $(el, '#detail-title') !== null, 'no detail', { timeout: 8000 });
    await el.updateComplete;
    expect(activeInside(el)?.id).to.equal('detail-title');
    const detail = $(el, '[part="detail"]')!;
    expect($(el, '#detail-title')!.tagName).to.equal('H2');
    const sections = $$(el, '[part="detail-section"] > h3').map((h) => h.textContent!.trim());
    expect(sections).to.include.members(['Thời hạn giải quyết và phí, lệ phí', 'Giấy tờ cần nộp', 'Trình tự thực hiện', 'Căn cứ pháp lý']);
    const rows = $$(el, '[part="channels"] tbody tr').map((tr) => tr.textContent!.replace(/\s+/g, ' '));
    expect(rows.some((r) => r.includes('Trực tuyến') && r.includes('Miễn phí'))).to.equal(true);
    expect(detail.textContent).to.include('1.001193');
    expect(detail.textContent).to.include('Hộ tịch');
    expect($$(el, '[part="document"]').length).to.be.greaterThan(0);
    // The search form is out of the way (and out of the tab order) while the detail is open.
    expect($(el, 'form')!.hidden).to.equal(true);
    await expectNoAxeViolations(el);

    $<HTMLButtonElement>(el, '[part="back-button"]')!.click();
    await el.updateComplete;
    await el.updateComplete;
    expect(activeInside(el)?.dataset['code']).to.equal('1.001193');
    expect(items(el).length).to.be.greaterThan(0);
  });

  it('lets the portal handle selection: preventDefault keeps the widget on the results', async () => {
    const el = await fixture<DvcProcedureSearch>(html`<dvc-procedure-search api-base=${sandboxUrl()} query="ho chieu"></dvc-procedure-search>`);
    await settled(el);
    el.addEventListener('dvc-procedure-select', (event) => event.preventDefault(), { once: true });
    items(el)[0]!.querySelector<HTMLButtonElement>('.name')!.click();
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect($(el, '[part="detail"]')).to.equal(null);
    expect(items(el).length).to.be.greaterThan(0);
  });

  it('is usable by keyboard alone: search, open a result, come back', async () => {
    const el = await fixture<DvcProcedureSearch>(html`<dvc-procedure-search api-base=${sandboxUrl()}></dvc-procedure-search>`);
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: 'Tab' });
    expect(activeInside(el)?.id).to.equal('q');
    await sendKeys({ type: 'ly lich tu phap' });
    await sendKeys({ press: 'Enter' });
    await settled(el);
    // Tab through the form's controls to the first result.
    for (let i = 0; i < 12 && !activeInside(el)?.classList.contains('name'); i++) await sendKeys({ press: 'Tab' });
    expect(activeInside(el)?.dataset['code']).to.equal('3.000333');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => activeInside(el)?.id === 'detail-title', 'focus did not reach the detail', { timeout: 8000 });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(activeInside(el)?.getAttribute('part')).to.equal('back-button');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(activeInside(el)?.dataset['code']).to.equal('3.000333');
  });

  it('keeps the newer answer when an older, slower one arrives later (race)', async () => {
    await sandbox('/_sandbox/faults', { operationId: 'searchProcedures', kind: 'delay', delayMs: 1500, whenQueryContains: 'khai sinh' });
    const el = await fixture<DvcProcedureSearch>(html`<dvc-procedure-search api-base=${sandboxUrl()}></dvc-procedure-search>`);
    const totals: string[] = [];
    el.addEventListener('dvc-search', (e) => totals.push(e.detail.query));
    el.query = 'khai sinh';
    await el.updateComplete;
    // Loading state while the slow answer is on its way: busy, announced, and accessible.
    expect($(el, '[part="results"]')!.getAttribute('aria-busy')).to.equal('true');
    expect($(el, '[part="loading"]')).to.not.equal(null);
    await expectNoAxeViolations(el);
    el.query = 'ho chieu';
    await settled(el);
    await new Promise((resolve) => setTimeout(resolve, 1800));
    await el.updateComplete;
    expect(totals).to.deep.equal(['ho chieu']);
    expect(names(el)[0]).to.match(/hộ chiếu/i);
  });

  it('renders API data containing markup as text', async () => {
    const payload = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
    await sandbox('/_sandbox/procedures', {
      code: '9.900001', name: `Thủ tục thử nghiệm ${payload}`, field: { code: 'TEST', name: `<b>Lĩnh vực</b>` },
      levels: ['province'], onlineLevel: 'none',
      documentCases: [{ name: '<i>Trường hợp</i>', documents: [{ name: '<svg onload="window.__xss=3">', originals: 1, copies: 0, required: true }] }],
    });
    const el = await fixture<DvcProcedureSearch>(html`<dvc-procedure-search api-base=${sandboxUrl()} query="thu nghiem"></dvc-procedure-search>`);
    await settled(el);
    const item = items(el).find((li) => li.textContent!.includes('9.900001'))!;
    expect(item.querySelector('.name')!.textContent).to.include(payload);
    expect(item.querySelector('img, script, b')).to.equal(null);
    item.querySelector<HTMLButtonElement>('.name')!.click();
    await waitUntil(() => $(el, '#detail-title') !== null, 'no detail', { timeout: 8000 });
    expect($(el, '[part="detail"]')!.querySelector('img, script, svg, i, b')).to.equal(null);
    expect($(el, '[part="document"]')!.textContent).to.include('<svg onload="window.__xss=3">');
    expect((window as unknown as { __xss?: number }).__xss).to.equal(undefined);
  });

  it('mirrors the search in the URL with sync-url, and restores it from a shared link', async () => {
    const el = await fixture<DvcProcedureSearch>(html`<dvc-procedure-search api-base=${sandboxUrl()} sync-url page-size="5"></dvc-procedure-search>`);
    el.query = 'dang ky';
    await settled(el);
    await choose(el, 'level', 'commune');
    const params = new URLSearchParams(location.search);
    expect(params.get('dvc_q')).to.equal('dang ky');
    expect(params.get('dvc_level')).to.equal('commune');
    el.remove();

    // A shared link: a new widget starts from the URL.
    history.replaceState(null, '', `${location.pathname}?dvc_q=ho+tich&dvc_level=commune&dvc_page=2&other=kept`);
    const fresh = await fixture<DvcProcedureSearch>(html`<dvc-procedure-search api-base=${sandboxUrl()} sync-url page-size="2"></dvc-procedure-search>`);
    await settled(fresh);
    expect(fresh.query).to.equal('ho tich');
    expect(fresh.level).to.equal('commune');
    expect($(fresh, '[part="page-button"][aria-current="page"]')!.textContent!.trim()).to.equal('2');
    expect(new URLSearchParams(location.search).get('other')).to.equal('kept');

    // Back restores the previous state.
    $$<HTMLButtonElement>(fresh, '[part="page-button"]').find((b) => b.textContent!.trim() === '3')!.click();
    await settled(fresh);
    expect(new URLSearchParams(location.search).get('dvc_page')).to.equal('3');
    const popped = new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
    history.back();
    await popped;
    await settled(fresh);
    await waitUntil(() => $(fresh, '[part="page-button"][aria-current="page"]')?.textContent!.trim() === '2', 'back did not restore page 2', { timeout: 8000 });
  });

  it('Back that changes the results keeps the result in focus on the screen, wherever the browser puts the page back', async function () {
    (this as unknown as { timeout(ms: number): void }).timeout(20_000);
    history.replaceState(null, '', location.pathname);
    // The rest of the portal's page, and a phone's screen.
    const page = await fixture<HTMLElement>(html`<div>
      <dvc-procedure-search api-base=${sandboxUrl()} sync-url></dvc-procedure-search><div style="block-size: 300vh"></div>
    </div>`);
    const el = page.querySelector<DvcProcedureSearch>('dvc-procedure-search')!;
    try {
      el.query = 'dang ky';
      await settled(el);
      // Chosen at the top of the page: the browser keeps that place for the entry before it.
      window.scrollTo(0, 0);
      await choose(el, 'level', 'commune');
      const button = items(el).at(-1)!.querySelector('button')!;
      button.focus();
      button.scrollIntoView({ block: 'start' });
      expect(window.scrollY, 'the page scrolled down to the result').to.be.above(0);
      const popped = new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
      history.back();
      await popped;
      await waitUntil(() => el.level === '', 'Back did not undo the filter', { timeout: 8000 });
      await settled(el);
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const focused = activeInside(el)!;
      expect(focused?.localName, 'focus stayed on a result').to.equal('button');
      // Within the screen, give or take the half pixel Firefox aligns to.
      const { top, bottom } = focused.getBoundingClientRect();
      expect(top, 'not above the screen').to.be.at.least(-1);
      expect(bottom, 'nor below it').to.be.at.most(window.innerHeight + 1);
    } finally {
      history.replaceState(null, '', location.pathname);
      window.scrollTo(0, 0);
    }
  });

  it('keeps one history entry for options passed with the arrow keys, at any pace, so one Back undoes the choice', async function () {
    (this as unknown as { timeout(ms: number): void }).timeout(20_000);
    history.replaceState(null, '', location.pathname);
    let restorePush = () => {};
    try {
      const el = await fixture<DvcProcedureSearch>(html`<dvc-procedure-search api-base=${sandboxUrl()} sync-url></dvc-procedure-search>`);
      el.query = 'dang ky';
      await settled(el);
      // Entries added, counted as they are pushed: history.length stops at 50 in Chromium, which a
      // tab that ran other test files before this one may already have reached.
      let pushed = 0;
      const push = history.pushState;
      history.pushState = function (...args: Parameters<History['pushState']>) {
        pushed += 1;
        push.apply(this, args);
      };
      restorePush = () => {
        history.pushState = push;
      };
      // Down, Down, Down on the closed level filter: a change event for each option passed, at a
      // screen reader's pace (each option listened to, well over a second apart).
      const level = $<HTMLSelectElement>(el, '#filter-level')!;
      for (const value of ['central', 'province', 'commune']) {
        level.value = value;
        level.dispatchEvent(new Event('change', { bubbles: true }));
        await el.updateComplete;
        await new Promise((resolve) => setTimeout(resolve, 1200));
      }
      await waitUntil(() => new URLSearchParams(location.search).get('dvc_level') === 'commune', 'the last option is not in the URL', { timeout: 8000 });
      expect(pushed, 'one entry for the three options').to.equal(1);

      // Focus leaves the filter: coming back to it is a new choice; so is another filter.
      level.dispatchEvent(new FocusEvent('blur'));
      await choose(el, 'level', 'province');
      expect(pushed).to.equal(2);
      await choose(el, 'online', 'partial');
      expect(pushed).to.equal(3);

      for (let step = 0; step < 2; step++) {
        const popped = new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
        history.back();
        await popped;
      }
      await waitUntil(() => el.level === 'commune' && el.online === '', 'two steps back did not return to the three options\' choice', { timeout: 8000 });
      history.back();
      await waitUntil(() => el.level === '' && el.online === '', 'a third step back did not return to the search before the choices', { timeout: 8000 });
      expect(el.query).to.equal('dang ky');
    } finally {
      restorePush();
      history.replaceState(null, '', location.pathname);
    }
  });

  it('opens the detail a link names without taking focus from the page (nobody acted in the widget)', async () => {
    const outside = document.createElement('button');
    outside.textContent = 'the page\'s own button';
    document.body.append(outside);
    outside.focus();
    history.replaceState(null, '', `${location.pathname}?dvc_q=khai+sinh&dvc_procedure=1.001193`);
    try {
      const el = await fixture<DvcProcedureSearch>(html`<dvc-procedure-search api-base=${sandboxUrl()} sync-url></dvc-procedure-search>`);
      await waitUntil(() => $(el, '#detail-title') !== null, 'no detail', { timeout: 8000 });
      await el.updateComplete;
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      expect(document.activeElement).to.equal(outside);
      expect(el.shadowRoot!.activeElement).to.equal(null);
    } finally {
      outside.remove();
      history.replaceState(null, '', location.pathname);
    }
  });

  it('offers read aloud in the detail where speech synthesis exists, and hides it where not', async () => {
    const el = await fixture<DvcProcedureSearch>(html`<dvc-procedure-search api-base=${sandboxUrl()} query="dang ky khai sinh"></dvc-procedure-search>`);
    await settled(el);
    items(el)[0]!.querySelector<HTMLButtonElement>('.name')!.click();
    await waitUntil(() => $(el, '#detail-title') !== null, 'no detail', { timeout: 8000 });
    const spoken: SpeechSynthesisUtterance[] = [];
    const original = window.speechSynthesis.speak.bind(window.speechSynthesis);
    window.speechSynthesis.speak = (u) => { spoken.push(u); };
    try {
      $<HTMLButtonElement>(el, '[part="read-aloud-button"]')!.click();
      await el.updateComplete;
      expect(spoken).to.have.length(1);
      expect(spoken[0]!.lang).to.equal('vi-VN');
      expect(spoken[0]!.text).to.include('Thủ tục đăng ký khai sinh');
      // The label says the state; aria-pressed beside a changing label would read "Stop reading, pressed".
      const toggle = $(el, '[part="read-aloud-button"]')!;
      expect(toggle.textContent!.trim()).to.equal('Dừng đọc');
      expect(toggle.hasAttribute('aria-pressed')).to.equal(false);
    } finally {
      window.speechSynthesis.speak = original;
      window.speechSynthesis.cancel();
    }

    const descriptor = Object.getOwnPropertyDescriptor(window, 'speechSynthesis');
    Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });
    try {
      const bare = await fixture<DvcProcedureSearch>(html`<dvc-procedure-search api-base=${sandboxUrl()} query="dang ky khai sinh"></dvc-procedure-search>`);
      await settled(bare);
      items(bare)[0]!.querySelector<HTMLButtonElement>('.name')!.click();
      await waitUntil(() => $(bare, '#detail-title') !== null, 'no detail', { timeout: 8000 });
      expect($(bare, '[part="read-aloud-button"]')).to.equal(null);
    } finally {
      if (descriptor) Object.defineProperty(window, 'speechSynthesis', descriptor);
      else delete (window as { speechSynthesis?: unknown }).speechSynthesis;
    }
  });

  it('says so, politely, when the device has no Vietnamese voice or speaking fails, rather than a button that does nothing', async () => {
    const el = await fixture<DvcProcedureSearch>(html`<dvc-procedure-search api-base=${sandboxUrl()} query="dang ky khai sinh"></dvc-procedure-search>`);
    await settled(el);
    items(el)[0]!.querySelector<HTMLButtonElement>('.name')!.click();
    await waitUntil(() => $(el, '#detail-title') !== null, 'no detail', { timeout: 8000 });
    const status = () => $(el, '[part="read-aloud-status"]')!;
    expect(status().getAttribute('aria-live')).to.equal('polite');
    expect(status().textContent!.trim()).to.equal('');
    const synth = window.speechSynthesis;
    const { getVoices, speak } = synth;
    const spoken: SpeechSynthesisUtterance[] = [];
    try {
      // Only an English voice: nothing is read (a Vietnamese text in an English voice is unintelligible).
      synth.getVoices = () => [{ lang: 'en-US' } as SpeechSynthesisVoice];
      synth.speak = (u) => { spoken.push(u); };
      $<HTMLButtonElement>(el, '[part="read-aloud-button"]')!.click();
      await el.updateComplete;
      expect(spoken).to.have.length(0);
      expect(status().textContent!.trim()).to.equal('Thiết bị này chưa có giọng đọc tiếng Việt nên không đọc được nội dung.');
      expect($(el, '[part="read-aloud-button"]')!.textContent!.trim()).to.equal('Nghe đọc');
      // Voices not known yet, and speaking then fails: said as well.
      synth.getVoices = () => [];
      synth.speak = (u) => { spoken.push(u); u.dispatchEvent(new SpeechSynthesisErrorEvent('error', { utterance: u, error: 'synthesis-failed' })); };
      $<HTMLButtonElement>(el, '[part="read-aloud-button"]')!.click();
      await el.updateComplete;
      expect(spoken).to.have.length(1);
      expect(status().textContent!.trim()).to.not.equal('');
      await expectNoAxeViolations(el);
    } finally {
      synth.getVoices = getVoices;
      synth.speak = speak;
      synth.cancel();
    }
  });

  it('takes its heading levels from heading-level, keeping the detail\'s two levels of sub-headings within h6', async () => {
    // 2.000806 has two named cases of documents: the detail's third heading level.
    const levels = async (attribute: string) => {
      const el = await fixture<DvcProcedureSearch>(html`<dvc-procedure-search api-base=${sandboxUrl()} query="ket hon"
        heading-level=${attribute}></dvc-procedure-search>`);
      await settled(el);
      const results = $(el, '#results-heading')!.localName;
      el.showProcedure('2.000806');
      await waitUntil(() => $(el, '#detail-title') !== null, 'no detail', { timeout: 8000 });
      await el.updateComplete;
      const detail = [...new Set($$(el, '[part="detail"] :is(h2, h3, h4, h5, h6)').map((h) => h.localName))];
      return { results, detail };
    };
    expect(await levels('3')).to.deep.equal({ results: 'h3', detail: ['h3', 'h4', 'h5'] });
    expect(await levels('2')).to.deep.equal({ results: 'h2', detail: ['h2', 'h3', 'h4'] });
    // Too deep for two levels under it: h4, so that sub-sections are never h6 beside h6.
    expect(await levels('6')).to.deep.equal({ results: 'h4', detail: ['h4', 'h5', 'h6'] });
    expect(await levels('7')).to.deep.equal({ results: 'h4', detail: ['h4', 'h5', 'h6'] });
    for (const junk of ['0', '1', 'abc', '']) {
      expect(await levels(junk), `heading-level="${junk}"`).to.deep.equal({ results: 'h2', detail: ['h2', 'h3', 'h4'] });
    }
  });

  it('offers voice search where the browser recognises speech, listening in Vietnamese on a Vietnamese and an English page, and hides it where not', async () => {
    const w = window as unknown as Record<string, unknown>;
    const saved = { standard: w['SpeechRecognition'], webkit: w['webkitSpeechRecognition'] };
    const started: string[] = [];
    let phrase = 'ly lich tu phap';
    class FakeRecognition extends EventTarget {
      lang = '';
      interimResults = true;
      maxAlternatives = 5;
      start() {
        started.push(this.lang);
        // The phrase a citizen says, then the end of listening, as a browser reports them.
        setTimeout(() => {
          this.dispatchEvent(Object.assign(new Event('result'), { results: [[{ transcript: phrase }]] }));
          this.dispatchEvent(new Event('end'));
        }, 10);
      }
      abort() {
        this.dispatchEvent(new Event('end'));
      }
    }
    try {
      w['SpeechRecognition'] = FakeRecognition;
      const el = await fixture<DvcProcedureSearch>(html`<dvc-procedure-search api-base=${sandboxUrl()}></dvc-procedure-search>`);
      const button = $<HTMLButtonElement>(el, '[part="voice-button"]')!;
      expect(button.textContent!.trim()).to.equal('Tìm bằng giọng nói');
      const searched = oneEvent(el, 'dvc-search');
      button.click();
      expect((await searched).detail.query).to.equal('ly lich tu phap');
      expect(started).to.deep.equal(['vi-VN']);
      await settled(el);
      expect(names(el)[0]).to.match(/lý lịch tư pháp/i);
      await expectNoAxeViolations(el);

      // The catalogue is Vietnamese only: an English page's widget still listens for Vietnamese.
      await setLang('en');
      await el.updateComplete;
      expect(button.textContent!.trim()).to.equal('Voice search');
      phrase = 'khai sinh';
      const searchedInEnglish = oneEvent(el, 'dvc-search');
      button.click();
      expect((await searchedInEnglish).detail.query).to.equal('khai sinh');
      expect(started).to.deep.equal(['vi-VN', 'vi-VN']);

      delete w['SpeechRecognition'];
      delete w['webkitSpeechRecognition'];
      const bare = await fixture<DvcProcedureSearch>(html`<dvc-procedure-search api-base=${sandboxUrl()}></dvc-procedure-search>`);
      expect($(bare, '[part="voice-button"]')).to.equal(null);
    } finally {
      if (saved.standard === undefined) delete w['SpeechRecognition'];
      else w['SpeechRecognition'] = saved.standard;
      if (saved.webkit !== undefined) w['webkitSpeechRecognition'] = saved.webkit;
    }
  });

  it('says politely, beside the button and in the page\'s language, why voice search heard nothing: no speech, microphone refused, no microphone, no recognition service', async () => {
    const w = window as unknown as Record<string, unknown>;
    const saved = { standard: w['SpeechRecognition'], webkit: w['webkitSpeechRecognition'] };
    /** What the next start() does: the error code the browser reports, or `throw` (start refused), or `silent` (ends with nothing). */
    let next = 'no-speech';
    class FailingRecognition extends EventTarget {
      lang = '';
      interimResults = true;
      maxAlternatives = 5;
      start() {
        if (next === 'throw') throw new DOMException('Permission denied', 'NotAllowedError');
        setTimeout(() => {
          if (next !== 'silent') this.dispatchEvent(Object.assign(new Event('error'), { error: next }));
          this.dispatchEvent(new Event('end'));
        }, 10);
      }
      abort() {
        setTimeout(() => {
          this.dispatchEvent(Object.assign(new Event('error'), { error: 'aborted' }));
          this.dispatchEvent(new Event('end'));
        }, 10);
      }
    }
    const status = (el: DvcProcedureSearch) => $(el, '[part="voice-status"]')!;
    const said = (el: DvcProcedureSearch) => status(el).textContent!.trim();
    async function listen(el: DvcProcedureSearch, outcome: string): Promise<string> {
      next = outcome;
      $<HTMLButtonElement>(el, '[part="voice-button"]')!.click();
      await el.updateComplete;
      await waitUntil(() => !/^(Dừng nghe|Stop listening)$/.test($(el, '[part="voice-button"]')!.textContent!.trim()), 'still listening', { timeout: 3000 });
      await el.updateComplete;
      return said(el);
    }
    try {
      w['SpeechRecognition'] = FailingRecognition;
      const el = await fixture<DvcProcedureSearch>(html`<dvc-procedure-search api-base=${sandboxUrl()}></dvc-procedure-search>`);
      // A polite live region beside the button, there (empty) before anything goes wrong.
      expect(status(el).getAttribute('aria-live')).to.equal('polite');
      expect(said(el)).to.equal('');
      expect(await listen(el, 'no-speech')).to.equal('Không nghe thấy gì. Vui lòng thử lại, hoặc gõ nội dung cần tìm.');
      expect(input(el).getAttribute('aria-describedby')).to.equal('q-hint q-voice');
      expect(await listen(el, 'not-allowed')).to.equal('Trình duyệt chưa cho phép dùng micrô. Vui lòng cho phép, hoặc gõ nội dung cần tìm.');
      expect(await listen(el, 'service-not-allowed')).to.match(/^Trình duyệt chưa cho phép dùng micrô/);
      expect(await listen(el, 'throw')).to.match(/^Trình duyệt chưa cho phép dùng micrô/);
      expect(await listen(el, 'audio-capture')).to.equal('Không tìm thấy micrô. Vui lòng gõ nội dung cần tìm.');
      expect(await listen(el, 'network')).to.equal('Hiện không dùng được chức năng tìm bằng giọng nói. Vui lòng gõ nội dung cần tìm.');
      expect(await listen(el, 'language-not-supported')).to.equal('Hiện không dùng được chức năng tìm bằng giọng nói. Vui lòng gõ nội dung cần tìm.');
      expect(await listen(el, 'silent')).to.match(/^Không nghe thấy gì/);
      await expectNoAxeViolations(el);

      await setLang('en');
      await el.updateComplete;
      expect(said(el), 'the same problem, now in English').to.equal('Nothing was heard. Please try again, or type your search.');
      expect(await listen(el, 'not-allowed')).to.equal('The microphone is not allowed. Allow it in your browser, or type your search.');
      expect(await listen(el, 'audio-capture')).to.equal('No microphone was found. Please type your search.');
      expect(await listen(el, 'network')).to.equal('Voice search is not available right now. Please type your search.');

      // Typing instead clears it; stopping on purpose says nothing.
      input(el).value = 'khai sinh';
      input(el).dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await el.updateComplete;
      expect(said(el)).to.equal('');
      expect(input(el).getAttribute('aria-describedby')).to.equal('q-hint');
      class Quiet extends EventTarget {
        lang = ''; interimResults = true; maxAlternatives = 5;
        start() { /* listens until stopped */ }
        abort() {
          setTimeout(() => {
            this.dispatchEvent(Object.assign(new Event('error'), { error: 'aborted' }));
            this.dispatchEvent(new Event('end'));
          }, 10);
        }
      }
      w['SpeechRecognition'] = Quiet;
      $<HTMLButtonElement>(el, '[part="voice-button"]')!.click();
      await el.updateComplete;
      expect($(el, '[part="voice-button"]')!.textContent!.trim()).to.equal('Stop listening');
      $<HTMLButtonElement>(el, '[part="voice-button"]')!.click();
      await new Promise((resolve) => setTimeout(resolve, 50));
      await el.updateComplete;
      expect($(el, '[part="voice-button"]')!.textContent!.trim()).to.equal('Voice search');
      expect(said(el)).to.equal('');
    } finally {
      if (saved.standard === undefined) delete w['SpeechRecognition'];
      else w['SpeechRecognition'] = saved.standard;
      if (saved.webkit !== undefined) w['webkitSpeechRecognition'] = saved.webkit;
    }
  });

  it('offers the catalogue\'s fields in the field filter before any search, as it does the agencies', async () => {
    const el = await fixture<DvcProcedureSearch>(html`<dvc-procedure-search api-base=${sandboxUrl()}></dvc-procedure-search>`);
    await waitUntil(() => $$(el, '#filter-field option').length > 1, 'the field filter is empty before a search', { timeout: 8000 });
    const fields = await (await fetch(`${sandboxUrl()}/fields`)).json() as { items: Array<{ code: string; name: string; procedureCount: number }> };
    const options = $$<HTMLOptionElement>(el, '#filter-field option').slice(1);
    expect(options.map((o) => o.value)).to.deep.equal(fields.items.map((f) => f.code));
    expect(options[0]!.textContent).to.equal(`${fields.items[0]!.name} (${fields.items[0]!.procedureCount})`);
    expect(options[0]!.getAttribute('lang')).to.equal('vi');
    // Two ministries' "Hộ tịch" are told apart by the ministry, not offered as two identical options.
    const civilStatus = options.filter((o) => o.textContent!.startsWith('Hộ tịch')).map((o) => o.textContent!.replace(/ \(\d+\)$/, ''));
    expect(civilStatus).to.deep.equal(['Hộ tịch – Bộ Ngoại giao', 'Hộ tịch – Bộ Tư pháp']);
    expect(new Set(options.map((o) => o.textContent)).size).to.equal(options.length);
    expect($(el, '[part="results"]')!.hidden, 'no search ran').to.equal(true);
    // Choosing one searches by it.
    const first = options[0]!.value;
    const searched = oneEvent(el, 'dvc-search');
    await choose(el, 'field', first);
    expect((await searched).detail.filters).to.deep.equal({ field: first });
  });
});
