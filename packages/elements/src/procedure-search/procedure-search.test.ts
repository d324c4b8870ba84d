import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { afterEach, before, beforeEach, describe, it } from '../test-support/mocha.ts';
import { sendKeys } from '@web/test-runner-commands';
import './index.ts';
import type { DvcProcedureSearch } from './procedure-search.ts';
import { foundMessage } from './result-item.ts';
import { getLocale } from '../shared/locale.ts';
import { setLang } from '../test-support/page-lang.ts';
import { setDefaultApiBase } from '../shared/api-client.ts';
import { expectNoAxeViolations, sandboxUrl } from '../test-support/axe.ts';

// Port 9 (discard) is closed on loopback: the connection is refused at once.
const CLOSED_PORT_API = 'http://127.0.0.1:9/api/v1';

const $ = <T extends Element = HTMLElement>(el: DvcProcedureSearch, selector: string): T | null =>
  el.shadowRoot!.querySelector<T>(selector);
const input = (el: DvcProcedureSearch) => $<HTMLInputElement>(el, 'input')!;
const summary = (el: DvcProcedureSearch) => $(el, '[role="status"]')!.textContent!.trim();
const items = (el: DvcProcedureSearch) => [...el.shadowRoot!.querySelectorAll('ul[part="list"] > li')];

async function type(el: DvcProcedureSearch, text: string): Promise<void> {
  const box = input(el);
  box.value = text;
  box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function settled(el: DvcProcedureSearch): Promise<void> {
  await waitUntil(() => summary(el) !== '' || $(el, '[role="alert"]') !== null, 'search did not settle', { timeout: 8000 });
  await el.updateComplete;
}

/** A search with `sync-url` showing its results for "khai sinh" (the test puts the page's address back). */
async function showingKhaiSinh(): Promise<DvcProcedureSearch> {
  const el = await fixture<DvcProcedureSearch>(html`<dvc-procedure-search api-base=${sandboxUrl()} sync-url></dvc-procedure-search>`);
  await type(el, 'khai sinh');
  await settled(el);
  expect(items(el).length).to.be.greaterThan(0);
  return el;
}

describe('<dvc-procedure-search>', () => {
  beforeEach(() => setLang('vi'));
  afterEach(() => setLang('vi'));

  it('renders a labelled search box and passes axe before any search', async () => {
    const el = await fixture<DvcProcedureSearch>(html`<dvc-procedure-search api-base=${sandboxUrl()}></dvc-procedure-search>`);
    const box = input(el);
    expect(box.type).to.equal('search');
    const label = $<HTMLLabelElement>(el, `label[for="${box.id}"]`)!;
    expect(label.textContent!.trim()).to.equal('Tìm thủ tục hành chính');
    expect(el.pageSize).to.equal(10);
    expect(items(el)).to.have.length(0);
    await expectNoAxeViolations(el);
  });

  it('finds "Thủ tục đăng ký khai sinh" for "dang ky khai sinh" and marks the matched words', async () => {
    const el = await fixture<DvcProcedureSearch>(html`<dvc-procedure-search api-base=${sandboxUrl()}></dvc-procedure-search>`);
    await type(el, 'dang ky khai sinh');
    expect(el.query).to.equal('dang ky khai sinh');
    await settled(el);

    const first = items(el)[0]!;
    expect(first.querySelector('.name')!.textContent!.trim()).to.equal('Thủ tục đăng ký khai sinh');
    expect(first.textContent).to.include('1.001193');
    expect(first.textContent).to.include('Hộ tịch');
    expect(first.textContent).to.include('Cấp xã');
    expect(first.querySelector('[part="badge"]')!.textContent!.trim()).to.equal('Trực tuyến một phần');
    const marks = [...first.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).to.deep.equal(['đăng', 'ký', 'khai', 'sinh']);
    expect(el.getAttribute('query')).to.equal('dang ky khai sinh');
  });

  it('announces the count in Vietnamese, then in English after <html lang="en">', async () => {
    const el = await fixture<DvcProcedureSearch>(html`<dvc-procedure-search api-base=${sandboxUrl()} query="khai sinh"></dvc-procedure-search>`);
    await settled(el);
    const region = $(el, '[role="status"]')!;
    expect(region.getAttribute('aria-live')).to.equal('polite');
    expect(summary(el)).to.match(/^Tìm thấy \d+ thủ tục$/);
    const count = Number(/\d+/.exec(summary(el))![0]);
    expect(count).to.be.greaterThan(1);

    await setLang('en');
    expect(getLocale()).to.equal('en');
    await el.updateComplete;
    expect(summary(el)).to.equal(`${count} procedures found`);
    expect($(el, 'label')!.textContent!.trim()).to.equal('Search for a procedure');
    expect(items(el)[0]!.querySelector('[part="badge"]')!.textContent!.trim()).to.match(/online|Information only/);
  });

  it('uses the singular in English for one result', async () => {
    await setLang('en');
    expect(foundMessage(1)).to.equal('1 procedure found');
    expect(foundMessage(2)).to.equal('2 procedures found');
    expect(foundMessage(0)).to.equal('No procedures found');
    await setLang('vi');
    expect(foundMessage(1)).to.equal('Tìm thấy 1 thủ tục');
    expect(foundMessage(1234)).to.equal('Tìm thấy 1.234 thủ tục');
  });

  it('shows the empty state for a nonsense query, and passes axe', async () => {
    const el = await fixture<DvcProcedureSearch>(html`<dvc-procedure-search api-base=${sandboxUrl()} query="xqzwvkj"></dvc-procedure-search>`);
    await settled(el);
    expect(summary(el)).to.equal('Không tìm thấy thủ tục nào');
    // Said once, by the summary: the empty view says what to try next.
    expect($(el, '[part="empty"]')!.textContent).to.not.include('Không tìm thấy thủ tục nào');
    expect($(el, '[part="empty"]')!.textContent).to.include('Hãy thử bớt từ khóa hoặc kiểm tra lại chính tả.');
    expect(items(el)).to.have.length(0);
    await expectNoAxeViolations(el);
  });

  it('shows the localised network error with a working "Thử lại" button, and passes axe', async () => {
    const el = await fixture<DvcProcedureSearch>(html`<dvc-procedure-search api-base=${CLOSED_PORT_API} query="khai sinh"></dvc-procedure-search>`);
    await settled(el);
    const alert = $(el, '[role="alert"]')!;
    expect(alert.textContent).to.include('Không thể kết nối tới hệ thống');
    expect(alert.dataset['problem']).to.equal('network');
    await expectNoAxeViolations(el);

    const retry = $<HTMLButtonElement>(el, '[part="retry-button"]')!;
    expect(retry.textContent!.trim()).to.equal('Thử lại');
    retry.click();
    await el.updateComplete;
    // The retry really runs: the region is busy and shows "Đang tải…", then the error returns.
    expect($(el, '[part="results"]')!.getAttribute('aria-busy')).to.equal('true');
    expect($(el, '[part="loading"]')!.textContent).to.include('Đang tải…');
    await waitUntil(() => $(el, '[role="alert"]') !== null, 'the error did not come back', { timeout: 8000 });
  });

  it('retries successfully once an API becomes available', async () => {
    setDefaultApiBase(undefined);
    const el = await fixture<DvcProcedureSearch>(html`<dvc-procedure-search query="khai sinh"></dvc-procedure-search>`);
    await settled(el);
    expect($(el, '[role="alert"]')).to.not.equal(null);
    try {
      // No API root is a set-up fault, not one a citizen's "Try again" can mend: none is offered.
      expect($(el, '[part="retry-button"]')).to.equal(null);
      setDefaultApiBase(sandboxUrl());
      void el.search();
      await waitUntil(() => items(el).length > 0, 'no results after retry', { timeout: 8000 });
      expect($(el, '[role="alert"]')).to.equal(null);
    } finally {
      setDefaultApiBase(undefined);
    }
  });

  it('passes axe with results shown', async () => {
    const el = await fixture<DvcProcedureSearch>(html`<dvc-procedure-search api-base=${sandboxUrl()} query="dang ky khai sinh"></dvc-procedure-search>`);
    await settled(el);
    expect(items(el).length).to.be.greaterThan(0);
    await expectNoAxeViolations(el);
  });

  it('fires dvc-search with the query, filters and total', async () => {
    const el = await fixture<DvcProcedureSearch>(html`<dvc-procedure-search api-base=${sandboxUrl()}></dvc-procedure-search>`);
    const event = oneEvent(el, 'dvc-search');
    el.query = 'khai sinh';
    const { detail, bubbles, composed } = await event;
    expect(bubbles).to.equal(true);
    expect(composed).to.equal(true);
    expect(detail.query).to.equal('khai sinh');
    expect(detail.filters).to.deep.equal({});
    expect(detail.total).to.equal(Number(/\d+/.exec(summary(el))![0]));
  });

  it('debounces typing and never lets an older answer replace a newer one', async () => {
    const el = await fixture<DvcProcedureSearch>(html`<dvc-procedure-search api-base=${sandboxUrl()}></dvc-procedure-search>`);
    const queries: string[] = [];
    el.addEventListener('dvc-search', (e) => queries.push(e.detail.query));
    for (const text of ['d', 'da', 'dan', 'dang', 'dang ky khai sinh']) await type(el, text);
    // Two immediate searches in a row: the first is aborted, only the second answers.
    el.query = 'ho chieu';
    await el.updateComplete;
    el.query = 'dang ky ket hon';
    await waitUntil(() => queries.length > 0, 'no search event', { timeout: 8000 });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(queries).to.deep.equal(['dang ky ket hon']);
    expect(items(el)[0]!.querySelector('.name')!.textContent).to.match(/kết hôn/);
  });

  it('works from the keyboard: Tab to the box, type, Enter searches at once', async () => {
    const el = await fixture<DvcProcedureSearch>(html`<dvc-procedure-search api-base=${sandboxUrl()}></dvc-procedure-search>`);
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(el);
    expect(el.shadowRoot!.activeElement).to.equal(input(el));

    await sendKeys({ type: 'khai sinh' });
    const searched = oneEvent(el, 'dvc-search');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    // Enter does not wait for the debounce: the request is running (or already answered).
    expect($(el, '[part="results"]')!.getAttribute('aria-busy') === 'true' || items(el).length > 0).to.equal(true);
    expect(el.query).to.equal('khai sinh');
    expect((await searched).detail.query).to.equal('khai sinh');
    await settled(el);
    expect(items(el).length).to.be.greaterThan(0);
  });

  it('says what to type when Search is pressed with nothing to search for: the error summary, focused, and the field\'s own line', async () => {
    const el = await fixture<DvcProcedureSearch>(html`<dvc-procedure-search api-base=${sandboxUrl()}></dvc-procedure-search>`);
    performance.clearResourceTimings();
    input(el).focus();
    await sendKeys({ type: '   ' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await waitUntil(() => el.shadowRoot!.activeElement === $(el, '[part="error-summary"]'), 'the error summary is not focused');
    const message = 'Nhập một vài từ trong tên thủ tục cần tìm, ví dụ “khai sinh”.';
    expect($(el, '[part="error-summary"] [role="alert"]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(`Có lỗi cần khắc phục ${message}`);
    expect($(el, '[part="field-error"]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(`Lỗi: ${message}`);
    expect(input(el).getAttribute('aria-invalid')).to.equal('true');
    expect(input(el).getAttribute('aria-describedby')!.split(' ')).to.include('q-error');
    expect(performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/procedures?')), 'nothing was asked of the API').to.have.length(0);
    expect(summary(el)).to.equal('');
    await expectNoAxeViolations(el);

    // The summary's link takes the keyboard back to the box; typing clears the problem.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    expect(el.shadowRoot!.activeElement).to.equal(input(el));
    await sendKeys({ type: 'khai sinh' });
    await el.updateComplete;
    expect($(el, '[part="error-summary"]')).to.equal(null);
    expect($(el, '[part="field-error"]')).to.equal(null);
    expect(input(el).getAttribute('aria-invalid')).to.equal('false');
    await sendKeys({ press: 'Enter' });
    await settled(el);
    expect(items(el).length).to.be.greaterThan(0);
  });

  it('takes away the last results when Search is pressed on a box emptied to spaces, before the search as typed runs', async () => {
    const address = location.href;
    try {
      const el = await showingKhaiSinh();
      input(el).focus();
      input(el).select();
      await sendKeys({ type: '  ' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => el.shadowRoot!.activeElement === $(el, '[part="error-summary"]'), 'the error summary is not focused');
      expect(items(el)).to.have.length(0);
      expect($(el, '[part="results"]')!.hidden).to.equal(true);
      expect(summary(el)).to.equal('');
      expect(new URL(location.href).searchParams.has('dvc_q'), 'the address no longer names the old query').to.equal(false);
      await expectNoAxeViolations(el);
    } finally {
      history.replaceState(null, '', address);
    }
  });

  it('keeps a paste longer than the search takes whole, says so at the box, searches nothing until it is shortened', async () => {
    const address = location.href;
    try {
      const el = await showingKhaiSinh();
      expect(new URL(location.href).searchParams.get('dvc_q')).to.equal('khai sinh');
      performance.clearResourceTimings();
      const pasted = `khai sinh ${'cho con '.repeat(74)}`.trim();
      await type(el, pasted);
      expect(input(el).value).to.equal(pasted);
      // At once, not a debounce later: the last query's results, and its name in the address, go.
      expect(items(el), 'the last query\'s results are gone').to.have.length(0);
      expect(new URL(location.href).searchParams.has('dvc_q'), 'the address no longer names the last query').to.equal(false);
      const message = `Nội dung tìm kiếm tối đa 200 ký tự. Hiện có ${pasted.length} ký tự.`;
      expect($(el, '[part="field-error"]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(`Lỗi: ${message}`);
      expect(input(el).getAttribute('aria-invalid')).to.equal('true');
      expect(input(el).getAttribute('aria-describedby')!.split(' ')).to.include('q-error');
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/procedures?')), 'nothing was asked of the API').to.have.length(0);
      await expectNoAxeViolations(el);

      input(el).focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => el.shadowRoot!.activeElement === $(el, '[part="error-summary"]'), 'the error summary is not focused');
      expect($(el, '[part="error-summary"] [role="alert"]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(`Có lỗi cần khắc phục ${message}`);
      await expectNoAxeViolations(el);

      // Shortened: the problem goes and the search runs on what is left.
      await type(el, pasted.slice(0, 190));
      expect($(el, '[part="field-error"]')).to.equal(null);
      expect($(el, '[part="error-summary"]')).to.equal(null);
      expect(input(el).getAttribute('aria-invalid')).to.equal('false');
      await settled(el);
      expect(summary(el)).to.not.equal('');

      // A long text set later by script is said at the box, but not as if Search had been pressed.
      el.query = pasted;
      await el.updateComplete;
      expect($(el, '[part="field-error"]')).to.not.equal(null);
      expect($(el, '[part="error-summary"]')).to.equal(null);
    } finally {
      history.replaceState(null, '', address);
    }
  });

  it('counts characters as they look: Vietnamese typed with combining marks is not taken for too long, and is searched', async () => {
    const el = await fixture<DvcProcedureSearch>(html`<dvc-procedure-search api-base=${sandboxUrl()}></dvc-procedure-search>`);
    // 197 characters, 220 UTF-16 units once decomposed.
    const decomposed = 'đăng ký khai sinh '.repeat(11).normalize('NFD');
    expect(decomposed.length).to.be.greaterThan(200);
    await type(el, decomposed);
    expect($(el, '[part="field-error"]')).to.equal(null);
    await settled(el);
    expect($(el, '[role="alert"]'), 'the API took it').to.equal(null);
    expect(items(el).length).to.be.greaterThan(0);
  });

  it('with sync-url, Search pressed with nothing to search for adds no history entry; a query set by script then ends the problem', async () => {
    const el = await fixture<DvcProcedureSearch>(html`<dvc-procedure-search api-base=${sandboxUrl()} sync-url></dvc-procedure-search>`);
    const entries = history.length;
    const address = location.href;
    $<HTMLButtonElement>(el, '[part="submit-button"]')!.click();
    await el.updateComplete;
    expect($(el, '[part="error-summary"]')).to.not.equal(null);
    expect([history.length, location.href]).to.deep.equal([entries, address]);
    el.query = 'khai sinh';
    await settled(el);
    expect($(el, '[part="error-summary"]')).to.equal(null);
    expect(input(el).getAttribute('aria-invalid')).to.equal('false');
    history.replaceState(null, '', address);
  });

  it('searches by filters alone when the box is empty: no problem to report', async () => {
    const el = await fixture<DvcProcedureSearch>(html`<dvc-procedure-search api-base=${sandboxUrl()} level="commune"></dvc-procedure-search>`);
    await settled(el);
    input(el).focus();
    await sendKeys({ press: 'Enter' });
    await settled(el);
    expect($(el, '[part="error-summary"]')).to.equal(null);
    expect(items(el).length).to.be.greaterThan(0);
  });

  describe('the detail', () => {
    /** A procedure with one fee whose description names its kind and one whose description does not. */
    const FEES = {
      code: '9.900331',
      name: 'Thủ tục thử nghiệm ghi phí',
      field: { code: 'G15-TP07', name: 'Hộ tịch' },
      levels: ['province'],
      onlineLevel: 'partial',
      channelDetails: [{
        channel: 'in-person',
        processingTime: { value: 5, unit: 'working-days' },
        fees: [
          { kind: 'charge', amount: 200_000, setByProvince: false, description: 'Phí cung cấp thông tin: 200.000 đồng/lần.' },
          { kind: 'fee', amount: 10_000, setByProvince: false, description: 'Mức thu 10.000 đồng/bản.' },
          { kind: 'fee', amount: 5_000, setByProvince: false, description: 'lệ phí cấp bản sao: 5.000 đồng/bản.' },
        ],
      }, {
        channel: 'postal',
        processingTime: { value: 7, unit: 'working-days' },
        fees: [{ kind: 'fee', amount: 10_000, setByProvince: false, description: 'Mức thu 10.000 đồng/bản.' }],
      }],
      legalBasis: [{ number: '60/2014/QH13', title: 'Luật Hộ tịch', issuer: 'Quốc hội', issuedOn: '2014-11-20' }],
    };

    async function openDetail(code: string): Promise<DvcProcedureSearch> {
      const el = await fixture<DvcProcedureSearch>(html`<dvc-procedure-search api-base=${sandboxUrl()}></dvc-procedure-search>`);
      el.showProcedure(code);
      await waitUntil(() => $(el, '#detail-title') !== null, 'no detail', { timeout: 8000 });
      await el.updateComplete;
      return el;
    }
    const legalDates = (el: DvcProcedureSearch) =>
      [...el.shadowRoot!.querySelectorAll('#detail-legal ~ ul li')].map((li) => /\(([^)]*)\)\s*$/.exec(li.textContent!.replace(/\s+/g, ' ').trim())?.[1]);

    before(async () => {
      const response = await fetch(`${sandboxUrl()}/_sandbox/procedures`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(FEES),
      });
      expect(response.ok, 'the test procedure is stored').to.equal(true);
    });

    it('writes a legal basis\' issue date as "ban hành ngày 20/11/2014" in Vietnamese and "issued 20 Nov 2014" in English', async () => {
      const el = await openDetail(FEES.code);
      expect(legalDates(el)).to.deep.equal(['ban hành ngày 20/11/2014']);
      // The birth registration's legal bases, from the seed: never Intl's "20 thg 11, 2014", never "ngày ngày".
      const birth = await openDetail('1.001193');
      const dates = legalDates(birth);
      expect(dates.length).to.be.greaterThan(1);
      for (const date of dates) expect(date).to.match(/^ban hành ngày \d{2}\/\d{2}\/\d{4}$/);
      await setLang('en');
      await el.updateComplete;
      expect(legalDates(el)).to.deep.equal(['issued 20 Nov 2014']);
    });

    it('does not repeat a fee\'s kind when its description starts with it: no "Phí: … Phí cung cấp…"', async () => {
      const el = await openDetail(FEES.code);
      const fees = [...el.shadowRoot!.querySelectorAll('[part="channels"] tbody tr:first-child li')].map((li) => ({
        amount: li.querySelector('.fee-amount')!.textContent!.replace(/\s+/g, ' ').trim(),
        note: li.querySelector('.fee-note')!.textContent!.trim(),
      }));
      const vnd = (n: number) => `${n.toLocaleString('vi-VN')} đồng`;
      expect(fees).to.deep.equal([
        { amount: vnd(200_000), note: 'Phí cung cấp thông tin: 200.000 đồng/lần.' },
        { amount: `Lệ phí: ${vnd(10_000)}`, note: 'Mức thu 10.000 đồng/bản.' },
        { amount: vnd(5_000), note: 'lệ phí cấp bản sao: 5.000 đồng/bản.' },
      ]);
      // On an English page the kind is English, so it says what the Vietnamese description is.
      await setLang('en');
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="channels"] li .fee-amount')!.textContent!.trim()).to.match(/^Charge: /);
    });

    it('says a fee\'s note once, not again under every way of applying', async () => {
      const el = await openDetail(FEES.code);
      const rows = [...el.shadowRoot!.querySelectorAll('[part="channels"] tbody tr')];
      expect(rows).to.have.length(2);
      expect(rows[1]!.querySelector('.fee-amount')!.textContent!.replace(/\s+/g, ' ').trim()).to.match(/^Lệ phí: 10\.000/);
      expect(rows[1]!.querySelector('.fee-note'), 'the postal row does not repeat the note').to.equal(null);
      const notes = [...el.shadowRoot!.querySelectorAll('[part="channels"] .fee-note')].map((n) => n.textContent!.trim());
      expect(new Set(notes).size).to.equal(notes.length);
    });

    it('says "How to apply", "Documents you need" and "Read aloud" in English, "Nghe đọc" in Vietnamese', async () => {
      const el = await openDetail('1.001193');
      const speech = 'speechSynthesis' in window;
      if (speech) expect($(el, '[part="read-aloud-button"]')!.textContent!.trim()).to.equal('Nghe đọc');
      await setLang('en');
      await el.updateComplete;
      expect($(el, '[part="channels"] thead th')!.textContent!.trim()).to.equal('How to apply');
      expect($(el, '#detail-documents')!.textContent!.trim()).to.equal('Documents you need');
      expect($(el, '[part="channels"] caption')!.textContent!.trim()).to.equal('Processing time and fees, by how you apply');
      if (speech) expect($(el, '[part="read-aloud-button"]')!.textContent!.trim()).to.equal('Read aloud');
      expect(el.shadowRoot!.textContent).to.not.match(/Way of applying|Documents to bring/);
    });
  });
});
