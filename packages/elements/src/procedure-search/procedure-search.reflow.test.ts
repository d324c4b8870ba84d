/**
 * WCAG 1.4.10 Reflow and 2.5.8 Target Size for <dvc-procedure-search>, in every browser: at
 * 320 × 640 CSS px, in Vietnamese and English, each state fits without sideways scrolling or
 * clipped content, and every target is at least 24 × 24 px or spaced (test-support/reflow.ts).
 * Against the real sandbox.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { afterEach, before, beforeEach, describe, it } from '../test-support/mocha.ts';
import { RUNNER_VIEWPORT, expectReflow, narrowViewportSuite, reflowProblems } from '../test-support/reflow.ts';
import { shadowTree } from '../test-support/shadow-tree.ts';
import {
  LANGS, maybe, mountSearch, openFirstResult, part, sandbox, searchSettled, searchStatus, searchSuite, setLang, slow, text,
  type DvcProcedureSearch,
} from '../test-support/screen-reader-drivers.ts';

/** The seed's longest name (232 characters): a permanent residence card for investors in the IFC. */
const LONGEST_NAME = '1.115404';
/** The seed's heaviest detail: six ways of applying with a fee each and its note, three legal bases. */
const HEAVIEST_DETAIL = '1.009122';

/**
 * A procedure with what the seed lacks but the national catalogue has: forms to download, several
 * fees per way of applying, a processing time in the agency's own words, long legal titles, and a
 * web address written out in the text (a long word with nowhere to break). Procedures survive the
 * sandbox's reset; province level, as the other test files' own procedures (mountSearch's note).
 */
const CROWDED = {
  code: '9.900320',
  name: 'Thủ tục thử nghiệm hiển thị hẹp: cấp, cấp lại, cấp đổi Giấy chứng nhận đủ điều kiện kinh doanh dịch vụ '
    + 'theo Nghị định số 123/2024/NĐ-CP-HTQT và Thông tư số 04/2025/TT-BTP-VP-HCTP (https://dichvucong.gov.vn/p/home/dvc_tthc_thu_tuc_hanh_chinh_chi_tiet.html?ma_thu_tuc=9.900320)',
  field: { code: 'G17-XD11', name: 'Hoạt động xây dựng' },
  levels: ['province'],
  onlineLevel: 'full',
  agencyDetails: {
    executing: ['Sở Xây dựng', 'Cơ quan chuyên môn về nội vụ thuộc Ủy ban nhân dân cấp tỉnh (hoặc cấp xã nếu được ủy quyền)'],
    competent: ['Ủy ban nhân dân tỉnh'], authorised: [], coordinating: [],
  },
  channelDetails: (['online', 'postal', 'in-person'] as const).map((channel, i) => ({
    channel,
    processingTime: i === 2
      ? { value: null, unit: 'text', text: 'Trong ngày làm việc đối với hồ sơ nộp trước 15 giờ; ngày làm việc tiếp theo đối với hồ sơ nộp sau 15 giờ' }
      : { value: 15 + i, unit: 'working-days' },
    fees: [
      { kind: 'charge', amount: 1_500_000, setByProvince: false, description: 'Phí thẩm định điều kiện kinh doanh: 1.500.000 đồng/hồ sơ (theo Thông tư số 04/2025/TT-BTP-VP-HCTP).' },
      { kind: 'fee', amount: 100_000, setByProvince: true, description: 'Lệ phí cấp giấy chứng nhận: mức thu do Hội đồng nhân dân tỉnh quy định.' },
      { kind: 'price', amount: 25_000, setByProvince: false, description: 'Giá dịch vụ bưu chính công ích chuyển phát kết quả.' },
    ],
    note: 'Giảm 50% phí đối với hồ sơ nộp trực tuyến.',
  })),
  documentCases: [{
    name: 'Trường hợp cấp lại do Giấy chứng nhận bị mất, bị hư hỏng hoặc có thay đổi thông tin',
    documents: [
      {
        name: 'Đơn đề nghị cấp lại Giấy chứng nhận đủ điều kiện kinh doanh dịch vụ (Mẫu số 02/ĐN-CGCN)', originals: 1, copies: 0, required: true,
        form: { name: 'Mẫu số 02/ĐN-CGCN ban hành kèm theo Thông tư số 04/2025/TT-BTP-VP-HCTP', url: 'https://dichvucong.example.gov.vn/mau-don/mau-so-02-dn-cgcn-thong-tu-04-2025-tt-btp.docx' },
      },
      { name: 'Bản sao Giấy chứng nhận đã được cấp (nếu có)', originals: 0, copies: 1, required: false, form: null },
    ],
  }],
  steps: [{
    title: 'Bước 1: Nộp hồ sơ',
    description: 'Tổ chức, cá nhân nộp hồ sơ trực tuyến tại Cổng Dịch vụ công quốc gia https://dichvucong.gov.vn/p/home/dvc_dich_vu_cong_truc_tuyen_ds.html?pCoQuanId=-1\nhoặc trực tiếp tại Trung tâm Phục vụ hành chính công.',
  }],
  eligibility: ['Doanh nghiệp, hợp tác xã, hộ kinh doanh và chi nhánh của doanh nghiệp nước ngoài tại Việt Nam'],
  requirements: 'Tra cứu tình trạng hồ sơ tại https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html bằng mã hồ sơ.',
  results: ['Giấy chứng nhận đủ điều kiện kinh doanh dịch vụ (bản điện tử có giá trị pháp lý như bản giấy)'],
  legalBasis: [
    { number: '123/2024/NĐ-CP-HTQT', title: 'Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Kinh doanh dịch vụ về điều kiện kinh doanh, cấp, cấp lại, thu hồi giấy chứng nhận', issuer: 'Chính phủ', issuedOn: '2024-10-01' },
    { number: '04/2025/TT-BTP-VP-HCTP', title: 'Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí thẩm định điều kiện kinh doanh', issuer: 'Bộ Tư pháp', issuedOn: null },
  ],
};

/** The search, settled, for a procedure's exact code (ranked first). */
async function searchFor(code: string, level = ''): Promise<DvcProcedureSearch> {
  const el = await mountSearch({ query: code, level });
  await searchSettled(el);
  expect(part(el, '[part="name"]').dataset['code']).to.equal(code);
  return el;
}

describe('<dvc-procedure-search> at 320 px (WCAG 1.4.10, 2.5.8)', () => {
  searchSuite();
  narrowViewportSuite();

  before(async () => {
    await sandbox('/procedures', CROWDED);
  });

  for (const lang of LANGS) {
    it(`initial, the filters opened and the agencies loaded (${lang}): fits 320 px, targets of 24 px`, async () => {
      await setLang(lang);
      const el = await mountSearch();
      // Folded on a narrow screen; their lists come when they are opened.
      part(el, '[part="filters-toggle"]').click();
      await waitUntil(() => maybe(el, 'select[name="agency"]') !== null, 'no agency filter', { timeout: 8000 });
      await expectReflow(el, `initial (${lang})`);
    });

    it(`results with filters set, "Clear filters" and pages (${lang}): fits 320 px, targets of 24 px`, async () => {
      await setLang(lang);
      const el = await mountSearch({ query: 'dang ky', level: 'commune' });
      await searchSettled(el);
      // Folded on a narrow screen: drawn once opened.
      part(el, '[part="filters-toggle"]').click();
      await waitUntil(() => maybe(el, '[part="clear-filters"]') !== null, 'Clear filters');
      expect(maybe(el, '[part="page-button"]'), 'pages').to.not.equal(null);
      await expectReflow(el, `results, filtered (${lang})`);
    });

    it(`a long-named result (${lang}): fits 320 px, targets of 24 px`, async () => {
      await setLang(lang);
      const el = await searchFor(LONGEST_NAME);
      expect(text(part(el, '[part="name"]')).length).to.be.above(200);
      await expectReflow(el, `long name (${lang})`);
    });

    it(`a result whose name has a web address (${lang}): fits 320 px, targets of 24 px`, async () => {
      await setLang(lang);
      const el = await searchFor(CROWDED.code);
      await expectReflow(el, `name with a web address (${lang})`);
    });

    it(`the heaviest seeded detail: six fee rows, legal bases (${lang}): fits 320 px, targets of 24 px`, async () => {
      await setLang(lang);
      const el = await searchFor(HEAVIEST_DETAIL, 'commune');
      await openFirstResult(el);
      expect(el.shadowRoot!.querySelectorAll('[part="channels"] tbody tr')).to.have.length(6);
      await expectReflow(el, `detail ${HEAVIEST_DETAIL} (${lang})`);
    });

    it(`a detail with fee lists, forms to download, long legal titles and web addresses (${lang}): fits 320 px, targets of 24 px`, async () => {
      await setLang(lang);
      const el = await searchFor(CROWDED.code);
      await openFirstResult(el);
      expect(maybe(el, '[part="form-link"]'), 'a form to download').to.not.equal(null);
      expect(el.shadowRoot!.querySelectorAll('[part="channels"] li')).to.have.length(9);
      await expectReflow(el, `detail ${CROWDED.code} (${lang})`);
    });

    it(`no results (${lang}): fits 320 px, targets of 24 px`, async () => {
      await setLang(lang);
      const el = await mountSearch({ query: 'xqzwvkj' });
      await searchSettled(el);
      expect(maybe(el, '[part="empty"]')).to.not.equal(null);
      await expectReflow(el, `no results (${lang})`);
    });

    it(`no results with a filter set, "Search without filters" (${lang}): fits 320 px, targets of 24 px`, async () => {
      await setLang(lang);
      const el = await mountSearch({ query: 'xqzwvkj', level: 'central' });
      await searchSettled(el);
      expect(maybe(el, '[part="empty"] button')).to.not.equal(null);
      await expectReflow(el, `no results, filtered (${lang})`);
    });

    it(`error, with "Try again" (${lang}): fits 320 px, targets of 24 px`, async function () {
      slow(this, 20_000);
      await setLang(lang);
      // The SDK tries a search three times on a 5xx: every attempt meets the fault.
      await sandbox('/faults', { operationId: 'searchProcedures', kind: 'status', status: 503, times: 3 });
      const el = await mountSearch({ query: 'ly lich tu phap' });
      await searchSettled(el);
      expect(maybe(el, '[role="alert"]')).to.not.equal(null);
      await expectReflow(el, `error (${lang})`);
    });
  }
});

/** A phone held upright with the text doubled (WCAG 1.4.4 on top of 1.4.10): 360 × 800, root font 200%. */
const PHONE = { width: 360, height: 800 } as const;

/** Waits for Lit and for layout, then every reflow problem (test-support/reflow.ts), at whatever width. */
async function problemsNow(el: DvcProcedureSearch): Promise<string[]> {
  await el.updateComplete;
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  expect(window.innerWidth, 'the viewport was not set').to.equal(PHONE.width);
  return reflowProblems(el);
}

/** The top of an element on the page (not the viewport), in CSS px. */
const pageTop = (node: Element) => node.getBoundingClientRect().top + window.scrollY;

/** The text a screen reader can reach: every text node of the widget not inside aria-hidden. */
function spokenTexts(el: Element): string[] {
  const texts: string[] = [];
  for (const node of [el, ...shadowTree(el)]) {
    if (node.closest('[aria-hidden="true"]')) continue;
    for (const child of node.childNodes) if (child.nodeType === Node.TEXT_NODE && child.textContent!.trim()) texts.push(child.textContent!.trim());
  }
  return texts;
}

describe('<dvc-procedure-search> at 360 × 800 with text at 200% (WCAG 1.4.4)', () => {
  searchSuite();
  beforeEach(async () => {
    await setViewport(PHONE);
    document.documentElement.style.fontSize = '200%';
    window.scrollTo(0, 0);
  });
  afterEach(async () => {
    document.documentElement.style.fontSize = '';
    await setViewport(RUNNER_VIEWPORT);
  });

  for (const lang of LANGS) {
    it(`the search box, results and a detail with fees do not scroll sideways, and words and codes stay whole (${lang})`, async () => {
      await setLang(lang);
      const el = await mountSearch();
      // Folded on a phone: the filters' lists come when they are opened (filter-lists.test.ts).
      expect(await problemsNow(el), 'before a search').to.deep.equal([]);
      // The microphone sits beside the box; the box is not pushed past the edge.
      const box = part(el, '#q').getBoundingClientRect();
      const mic = maybe(el, '[part="voice-button"]');
      if (mic) expect(Math.abs(mic.getBoundingClientRect().top - box.top), 'the voice button beside the box').to.be.below(2);

      el.level = 'commune';
      el.query = 'dang ky khai sinh';
      await searchSettled(el);
      expect(await problemsNow(el), 'results').to.deep.equal([]);
      // Codes read whole: one line each, never "1.00119/3".
      for (const code of el.shadowRoot!.querySelectorAll('[part="meta"] .code')) expect(code.getClientRects().length, code.textContent!).to.equal(1);
      // Words wrap whole: no box breaks a word to fit ("thôn/g tin").
      for (const node of shadowTree(el)) {
        const style = getComputedStyle(node);
        expect(style.wordBreak, `${node.localName}.${node.className}`).to.not.equal('break-all');
        if (!node.matches('[part="form-link"]')) expect(style.overflowWrap, `${node.localName}.${node.className}`).to.not.equal('anywhere');
      }

      el.showProcedure(HEAVIEST_DETAIL);
      await waitUntil(() => maybe(el, '[part="channels"]') !== null, 'no detail', { timeout: 8000 });
      expect(await problemsNow(el), 'a detail with six ways of applying and their fees').to.deep.equal([]);
    });

    it(`shows the results, the loading line and "no results" on the first screen after a search, the filters folded into a disclosure (${lang})`, async function () {
      slow(this, 20_000);
      await setLang(lang);
      await sandbox('/faults', { operationId: 'searchProcedures', kind: 'delay', delayMs: 1500 });
      const el = await mountSearch({ query: 'dang ky khai sinh', level: 'commune' });
      await waitUntil(() => maybe(el, '[part="loading"]') !== null, 'not loading');
      expect(pageTop(part(el, '[part="loading"]')), 'the loading line').to.be.below(PHONE.height);
      await searchSettled(el);
      const disclosure = part<HTMLDetailsElement>(el, '[part="filters-disclosure"]');
      expect(disclosure.localName).to.equal('details');
      // Folded on a phone, saying how many filters are in use.
      expect(disclosure.open).to.equal(false);
      expect(text(part(el, '[part="filters-toggle"]'))).to.equal(lang === 'vi' ? 'Bộ lọc (1)' : 'Filters (1)');
      expect(pageTop(part(el, '[part="results"]')), 'the results').to.be.below(PHONE.height);
      expect(pageTop(part(el, '[part="item"]')), 'the first result').to.be.below(PHONE.height);

      el.level = '';
      el.query = 'xqzwvkj';
      await waitUntil(() => maybe(el, '[part="empty"]') !== null, 'no empty view', { timeout: 8000 });
      await el.updateComplete;
      expect(pageTop(part(el, '[part="empty"]')), 'the empty view').to.be.below(PHONE.height);
      expect(pageTop(part(el, '[part="summary"]')), '"No procedures found"').to.be.below(PHONE.height);
      expect(await problemsNow(el), 'no results').to.deep.equal([]);
    });

    it(`says "no procedures found" once, in its live region, not again in the empty view (${lang})`, async () => {
      await setLang(lang);
      const el = await mountSearch({ query: 'xqzwvkj' });
      await searchSettled(el);
      const message = lang === 'vi' ? 'Không tìm thấy thủ tục nào' : 'No procedures found';
      expect(text(searchStatus(el))).to.equal(message);
      expect(spokenTexts(el).filter((t) => t.includes(message)), 'times it can be heard').to.have.length(1);
      expect(text(part(el, '[part="empty"]'))).to.not.include(message);
    });
  }

  it('keeps the filters open on a wide screen', async () => {
    document.documentElement.style.fontSize = '';
    await setViewport({ width: 1024, height: 768 });
    const el = await mountSearch();
    expect(part<HTMLDetailsElement>(el, '[part="filters-disclosure"]').open).to.equal(true);
    expect(text(part(el, '[part="filters-toggle"]'))).to.equal('Bộ lọc');
  });

  const placements = [[1024, '', 'beside'], [1024, '200%', 'beside'], [600, '', 'beside'], [600, '200%', 'under'], [360, '', 'under'], [360, '200%', 'under']] as const;
  for (const [width, fontSize, placement] of placements) {
    it(`puts the search button level with the box where both fit, else under the hint (${width} px, text ${fontSize || '100%'})`, async () => {
      document.documentElement.style.fontSize = fontSize;
      await setViewport({ width, height: 800 });
      const el = await mountSearch();
      const box = part(el, '#q').getBoundingClientRect();
      const hint = part(el, '#q-hint').getBoundingClientRect();
      const button = part(el, '[part="submit-button"]').getBoundingClientRect();
      if (button.left > box.right) {
        expect(Math.abs(button.top - box.top), 'the button beside the box, at its top').to.be.below(1);
      } else {
        expect(button.top, 'the button under the hint').to.be.at.least(hint.bottom);
      }
      expect(button.left > box.right ? 'beside' : 'under', 'where the button is').to.equal(placement);
    });
  }
});

