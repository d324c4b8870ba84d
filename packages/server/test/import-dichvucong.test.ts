import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { durationUnits, procedureLevels } from '@dvc-kit/sdk';
import {
  createImportStats,
  fromCatalogEntry,
  fromDetail,
  readPublicCatalogue,
  settleFieldCodes,
  stripHtml,
} from '../src/catalog/import-dichvucong.ts';
import type { ProcedureRecord } from '../src/catalog/record.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const publicData = path.resolve(repoRoot, '../shared/data/dichvucong');

/** A detail object shaped like the portal's, with every list present; tests override parts. */
function detail(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    code: '1.001193',
    name: 'Thủ tục đăng ký khai sinh',
    categoriesDetails: [{ id: 'x', name: 'Hộ tịch', code: 'G15-TP07' }],
    category: { id: 'x', name: 'Hộ tịch', code: 'G15-TP07' },
    isMinistry: false,
    isProvince: false,
    isWard: true,
    isFullProcess: false,
    departmentPromulgateName: 'Bộ Tư pháp',
    unitGroupsExecuting: [{ id: '1', name: 'Ủy ban nhân dân cấp xã' }],
    departmentsExecuting: [],
    unitGroupsAuthority: [],
    departmentsAuthority: [],
    unitGroupsAuthorized: [],
    departmentsAuthorized: [],
    unitGroupsCoordinating: [],
    departmentsCoordinating: [],
    executionMethods: [
      {
        submissionMethod: 'DIRECT',
        processingTime: 1,
        processingTimeUnit: 'WORKING_DAY',
        description: '',
        fees: [{ type: 'SERVICE_FEE', value: 0, description: '' }],
      },
    ],
    executionCases: [],
    executionSteps: [],
    subjectTypesDetails: [{ name: 'Công dân Việt Nam' }],
    formalityTargetType: [],
    requirementsAndConditions: '',
    resultsDetails: [{ name: 'Giấy khai sinh' }],
    legalBasisesDetails: [],
    ...overrides,
  };
}

function method(overrides: Record<string, unknown>): Record<string, unknown> {
  return { submissionMethod: 'DIRECT', processingTime: 1, processingTimeUnit: 'WORKING_DAY', description: '', fees: [], ...overrides };
}

function feesOf(fees: unknown[]): ProcedureRecord['channelDetails'][number]['fees'] {
  const record = fromDetail(detail({ executionMethods: [method({ fees })] }));
  return record.channelDetails[0]?.fees ?? [];
}

/** Every string anywhere in a value. */
function* strings(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const item of value) yield* strings(item);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) yield* strings(item);
}

describe('stripHtml', () => {
  it('removes tags and keeps the text', () => {
    assert.equal(stripHtml('<p>Nộp <b>01</b> bộ hồ sơ</p>'), 'Nộp 01 bộ hồ sơ');
    assert.equal(stripHtml('<span style="color:red">Tờ khai</span>'), 'Tờ khai');
  });

  it('decodes the common entities', () => {
    assert.equal(stripHtml('A&nbsp;B &amp; C &lt;1&gt; &quot;q&quot; &#39;s&#39;'), 'A B & C <1> "q" \'s\'');
    assert.equal(stripHtml('&#273;&#x1EA1;i'), 'đại');
    assert.equal(stripHtml('&unknown; stays'), '&unknown; stays');
  });

  it('removes script and style elements with their content', () => {
    assert.equal(stripHtml('Trước<script>alert("x")</script> sau'), 'Trước sau');
    assert.equal(stripHtml('<style>p{color:red}</style>Văn bản'), 'Văn bản');
    assert.equal(stripHtml('Văn bản<script>never closed'), 'Văn bản');
  });

  it('never returns markup, even when the markup was escaped', () => {
    const out = stripHtml('Xin chào &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=y&gt;bạn');
    assert.equal(out, 'Xin chào bạn');
    assert.doesNotMatch(stripHtml('<div><a href="#">x</a><img src="y"><!-- c --></div>'), /[<>]/);
    assert.equal(stripHtml('Cắt ngang <div class="a'), 'Cắt ngang');
  });

  it('keeps meaningful line breaks and collapses whitespace', () => {
    assert.equal(stripHtml('Dòng 1<br>Dòng   2<br/>\t Dòng 3'), 'Dòng 1\nDòng 2\nDòng 3');
    assert.equal(stripHtml('<ul><li>Một</li><li>Hai</li></ul>'), '- Một\n- Hai');
    assert.equal(stripHtml('  a\r\n\r\n\r\n\r\nb  '), 'a\nb');
    assert.equal(stripHtml('<p>Đoạn 1</p><p>Đoạn 2</p>'), 'Đoạn 1\nĐoạn 2');
    assert.equal(stripHtml('- Bước 1\n- Bước 2'), '- Bước 1\n- Bước 2');
  });

  it('copes with empty and non-string input', () => {
    assert.equal(stripHtml(''), '');
    assert.equal(stripHtml(undefined as unknown as string), '');
    assert.equal(stripHtml(null as unknown as string), '');
  });
});

describe('fromDetail', () => {
  it('maps code, the published name and the field', () => {
    const record = fromDetail(detail({ name: '  Thủ tục   đăng ký khai sinh ' }));
    assert.equal(record.code, '1.001193');
    // The published name is kept, "Thủ tục" included.
    assert.equal(record.name, 'Thủ tục đăng ký khai sinh');
    assert.deepEqual(record.field, { code: 'G15-TP07', name: 'Hộ tịch' });
    assert.equal(record.promulgatedBy, 'Bộ Tư pháp');
  });

  it('falls back to `category`, then to an unclassified field', () => {
    const fromCategory = fromDetail(detail({ categoriesDetails: [], category: { name: 'Đất đai', code: 'G13-TN02' } }));
    assert.deepEqual(fromCategory.field, { code: 'G13-TN02', name: 'Đất đai' });
    const noCode = fromDetail(detail({ categoriesDetails: null, category: { name: 'Lý lịch tư pháp' } }));
    assert.deepEqual(noCode.field, { code: 'ly-lich-tu-phap', name: 'Lý lịch tư pháp' });
    const none = fromDetail(detail({ categoriesDetails: undefined, category: null }));
    assert.ok(none.field.code && none.field.name);
  });

  it('takes levels from the level flags', () => {
    assert.deepEqual(fromDetail(detail({ isMinistry: true, isProvince: true, isWard: false })).levels, ['central', 'province']);
    assert.deepEqual(fromDetail(detail({ isProvince: true, isWard: true })).levels, ['province', 'commune']);
  });

  it('infers levels from agency names when no flag is set', () => {
    const flagsOff = { isMinistry: false, isProvince: false, isWard: false };
    const levelsFor = (name: string): string[] =>
      fromDetail(detail({ ...flagsOff, unitGroupsExecuting: [{ name }], departmentPromulgateName: '' })).levels;
    assert.deepEqual(levelsFor('Ủy ban nhân dân cấp xã'), ['commune']);
    assert.deepEqual(levelsFor('Sở Tư pháp'), ['province']);
    assert.deepEqual(levelsFor('Ủy ban nhân dân cấp tỉnh'), ['province']);
    assert.deepEqual(levelsFor('Bộ Xây dựng'), ['central']);
    assert.deepEqual(levelsFor('Cơ quan đại diện Việt Nam ở nước ngoài'), ['central']);
    // "xã hội" (social) is not a commune, "Bộ phận" (desk) not a ministry.
    assert.deepEqual(levelsFor('Bảo hiểm xã hội tỉnh'), ['province']);
    assert.deepEqual(levelsFor('Bộ phận Một cửa'), ['province']);
    // Nothing to go on: the publisher, then province.
    assert.deepEqual(fromDetail(detail({ ...flagsOff, unitGroupsExecuting: [], departmentPromulgateName: 'Bộ Ngoại giao' })).levels, ['central']);
    assert.deepEqual(fromDetail(detail({ ...flagsOff, unitGroupsExecuting: [], departmentPromulgateName: '' })).levels, ['province']);
  });

  it('derives the online level', () => {
    assert.equal(fromDetail(detail({ isFullProcess: true })).onlineLevel, 'full');
    const online = [method({ submissionMethod: 'ONLINE' }), method({ submissionMethod: 'DIRECT' })];
    assert.equal(fromDetail(detail({ executionMethods: online })).onlineLevel, 'partial');
    assert.equal(fromDetail(detail({ executionMethods: [method({ submissionMethod: 'DIRECT' })] })).onlineLevel, 'none');
    assert.equal(fromDetail(detail({ executionMethods: null })).onlineLevel, 'none');
  });

  it('collects and de-duplicates agencies', () => {
    const record = fromDetail(
      detail({
        unitGroupsExecuting: [{ name: 'Ủy ban nhân dân cấp xã' }],
        departmentsExecuting: [{ name: 'Ủy ban nhân dân  cấp xã' }, { name: 'Công an cấp xã' }, { name: '' }],
        unitGroupsAuthority: [{ name: 'Chủ tịch UBND cấp xã' }],
        departmentsAuthorized: [{ name: 'Văn phòng đăng ký đất đai' }],
        unitGroupsCoordinating: [{ name: 'Thuế cơ sở' }],
        departmentsCoordinating: null,
      }),
    );
    assert.deepEqual(record.agencyDetails, {
      executing: ['Ủy ban nhân dân cấp xã', 'Công an cấp xã'],
      competent: ['Chủ tịch UBND cấp xã'],
      authorised: ['Văn phòng đăng ký đất đai'],
      coordinating: ['Thuế cơ sở'],
    });
  });

  it('maps channels and processing-time units', () => {
    const record = fromDetail(
      detail({
        executionMethods: [
          method({ submissionMethod: 'ONLINE', processingTime: 3, processingTimeUnit: 'WORKING_DAY' }),
          method({ submissionMethod: 'POSTAL', processingTime: 10, processingTimeUnit: 'DAY', description: '<p>Kể từ ngày nhận đủ hồ sơ</p>' }),
          method({ submissionMethod: 'DIRECT', processingTime: 4, processingTimeUnit: 'HOUR' }),
          method({ submissionMethod: 'DIRECT', processingTime: '2', processingTimeUnit: 'MONTH' }),
          method({ submissionMethod: 'FAX', processingTime: 1, processingTimeUnit: 'DAY' }),
        ],
      }),
    );
    assert.deepEqual(
      record.channelDetails.map((c) => [c.channel, c.processingTime.value, c.processingTime.unit]),
      [
        ['online', 3, 'working-days'],
        ['postal', 10, 'days'],
        ['in-person', 4, 'hours'],
        ['in-person', 2, 'months'],
      ],
    );
    assert.equal(record.channelDetails[1]?.note, 'Kể từ ngày nhận đủ hồ sơ');
    assert.equal(record.channelDetails[0]?.note, undefined);
  });

  it('turns the OTHER unit into text: the description, else the number', () => {
    const record = fromDetail(
      detail({
        executionMethods: [
          method({ processingTime: 7, processingTimeUnit: 'OTHER', description: 'Trong ngày;<br>nếu sau 15 giờ thì ngày làm việc tiếp theo' }),
          method({ processingTime: 7, processingTimeUnit: 'OTHER', description: '' }),
          method({ processingTime: 'Không quá 15 ngày', processingTimeUnit: 'OTHER', description: '' }),
          method({ processingTime: 'Theo mô tả', processingTimeUnit: 'OTHER', description: 'Không quá 03 ngày làm việc' }),
          method({ processingTime: null, processingTimeUnit: 'WORKING_DAY', description: '' }),
        ],
      }),
    );
    const times = record.channelDetails.map((c) => c.processingTime);
    assert.deepEqual(times[0], { value: null, unit: 'text', text: 'Trong ngày;\nnếu sau 15 giờ thì ngày làm việc tiếp theo' });
    assert.deepEqual(times[1], { value: null, unit: 'text', text: '7' });
    assert.deepEqual(times[2], { value: null, unit: 'text', text: 'Không quá 15 ngày' });
    assert.deepEqual(times[3], { value: null, unit: 'text', text: 'Không quá 03 ngày làm việc' });
    assert.deepEqual(times[4], { value: null, unit: 'text' });
  });

  it('maps fee kinds', () => {
    const fees = feesOf([
      { type: 'FEE', value: 50000, description: '' },
      { type: 'SERVICE_FEE', value: 50000, description: '' },
      { type: 'PRICE_LEVEL', value: 50000, description: '' },
      // The wording wins over the type code, which the portal uses inconsistently.
      { type: 'SERVICE_FEE', value: 30000, description: 'Phí thẩm định hồ sơ' },
      { type: 'FEE', value: 30000, description: 'Lệ phí cấp Giấy chứng nhận' },
    ]);
    assert.deepEqual(
      fees.map((f) => f.kind),
      ['charge', 'fee', 'price', 'charge', 'fee'],
    );
  });

  it('reads fee values under 1,000 as thousands of đồng', () => {
    const fees = feesOf([
      { type: 'FEE', value: 100, description: 'Phí công bố nội dung đăng ký doanh nghiệp' },
      { type: 'FEE', value: 50, description: '' },
      { type: 'FEE', value: 200000, description: '' },
      { type: 'FEE', value: '8000', description: '' },
    ]);
    assert.deepEqual(
      fees.map((f) => f.amount),
      [100000, 50000, 200000, 8000],
    );
  });

  it('keeps foreign-currency fees out of the VND amount', () => {
    const [fee] = feesOf([{ type: 'SERVICE_FEE', value: 5, currencyName: 'USD', description: 'Đăng ký khai sinh' }]);
    assert.deepEqual(fee, { kind: 'fee', amount: null, setByProvince: false, description: 'Đăng ký khai sinh: 5 USD' });
    const [vnd] = feesOf([{ type: 'FEE', value: 100, currencyName: 'Việt Nam Đồng', description: '' }]);
    assert.equal(vnd?.amount, 100000);
  });

  it('drops a label that only repeats the fee\'s kind, and keeps a description that names the fee', () => {
    const fees = feesOf([
      { type: 'SERVICE_FEE', value: 70, currencyName: 'USD', description: 'Lệ phí' },
      { type: 'SERVICE_FEE', value: 0, description: 'Lệ phí: mức do Hội đồng nhân dân cấp tỉnh quy định' },
      { type: 'FEE', value: 200000, description: 'Phí: phí cung cấp thông tin lý lịch tư pháp' },
      { type: 'FEE', value: 200000, description: 'Phí cung cấp thông tin lý lịch tư pháp' },
      { type: 'PRICE_LEVEL', value: 50000, description: 'Giá: 50.000 đồng/bản' },
    ]);
    assert.deepEqual(fees.map((f) => [f.kind, f.description]), [
      ['fee', '70 USD'],
      ['fee', 'Mức do Hội đồng nhân dân cấp tỉnh quy định'],
      ['charge', 'Phí cung cấp thông tin lý lịch tư pháp'],
      ['price', '50.000 đồng/bản'],
    ]);
  });

  it('lists an identical fee line once per row, and an identical row once', () => {
    const same = { type: 'SERVICE_FEE', value: 0, description: 'Theo Quyết định số 2252/QĐ-VP' };
    const record = fromDetail(detail({
      executionMethods: [
        method({ submissionMethod: 'ONLINE', fees: [same, same, { ...same, type: 'FEE' }] }),
        method({ submissionMethod: 'ONLINE', fees: [same, same, { ...same, type: 'FEE' }] }),
        method({ submissionMethod: 'ONLINE', processingTime: 2, fees: [same] }),
        method({ submissionMethod: 'DIRECT', fees: [same] }),
      ],
    }));
    assert.deepEqual(record.channelDetails.map((c) => [c.channel, c.processingTime.value, c.fees.map((f) => f.kind)]), [
      ['online', 1, ['fee', 'charge']],
      ['online', 2, ['fee']],
      ['in-person', 1, ['fee']],
    ]);
  });

  it('marks fees the province sets, with no amount', () => {
    const fees = feesOf([
      { type: 'SERVICE_FEE', value: 0, description: 'Mức lệ phí cụ thể do Hội đồng nhân dân tỉnh, thành phố quy định' },
      { type: 'FEE', value: null, description: 'HĐND cấp tỉnh quy định.' },
      { type: 'FEE', value: 0, description: 'Theo quy định của HĐND tỉnh' },
      { type: 'FEE', value: 0, description: 'Nghị quyết số 09/2025/NQ-HĐND ngày 27/10/2025' },
    ]);
    for (const fee of fees) {
      assert.equal(fee.setByProvince, true, fee.description);
      assert.equal(fee.amount, null, fee.description);
    }
  });

  it('tells free from unknown', () => {
    const fees = feesOf([
      { type: 'SERVICE_FEE', value: 0, description: '' },
      { type: 'SERVICE_FEE', value: 0, description: 'Miễn lệ phí' },
      { type: 'FEE', value: null, description: 'Chi tiết tại văn bản kèm theo' },
      { type: 'FEE', value: 0, description: 'Tra cứu tại Quyết định số 2252/QĐ-VP' },
      { type: 'FEE', value: -5, description: '' },
    ]);
    assert.deepEqual(
      fees.map((f) => [f.amount, f.setByProvince]),
      [
        [0, false],
        [0, false],
        [null, false],
        [null, false],
        [null, false],
      ],
    );
  });

  it('strips HTML from fee descriptions and every other text', () => {
    const record = fromDetail(
      detail({
        name: '<b>Thủ tục</b> đăng ký khai sinh',
        executionMethods: [method({ fees: [{ type: 'FEE', value: 8000, description: '<p>Phí cấp&nbsp;bản sao</p>' }] })],
        requirementsAndConditions: '<ul><li>Điều kiện 1</li><li>Điều kiện 2</li></ul>',
        executionCases: [{ name: '<i>Hồ sơ</i>', profileComponents: [{ name: '<p>Tờ khai</p><script>x()</script>', originalQty: 1, copyQty: 0 }] }],
      }),
    );
    assert.equal(record.channelDetails[0]?.fees[0]?.description, 'Phí cấp bản sao');
    assert.equal(record.requirements, '- Điều kiện 1\n- Điều kiện 2');
    for (const text of strings(record)) assert.doesNotMatch(text, /<[a-z/!]/i, text);
  });

  it('maps document cases', () => {
    const record = fromDetail(
      detail({
        executionCases: [
          {
            name: '* Giấy tờ phải nộp:',
            profileComponents: [
              { name: '- Tờ khai đăng ký khai sinh theo mẫu', originalQty: 1, copyQty: 0, required: true, attachments: [{ fileName: 'To khai.docx', filePath: 'configuring/1/To khai.docx' }] },
              { name: 'Giấy chứng sinh', originalQty: '1', copyQty: null, required: null, attachments: [{ fileName: 'Mẫu.pdf', url: 'https://example.gov.vn/mau.pdf' }] },
              { name: '   ', originalQty: 1 },
            ],
          },
          { name: 'Trường hợp trống', profileComponents: [] },
          { name: '', profileComponents: null },
          { name: '', profileComponents: [{ name: 'Văn bản ủy quyền', originalQty: 0, copyQty: 1, required: false }] },
        ],
      }),
    );
    assert.deepEqual(record.documentCases, [
      {
        name: 'Giấy tờ phải nộp',
        documents: [
          // A storage path is not a URL a citizen can open.
          { name: 'Tờ khai đăng ký khai sinh theo mẫu', originals: 1, copies: 0, required: true, form: null },
          { name: 'Giấy chứng sinh', originals: 1, copies: 0, required: false, form: { name: 'Mẫu.pdf', url: 'https://example.gov.vn/mau.pdf' } },
        ],
      },
      { name: 'Thành phần hồ sơ', documents: [{ name: 'Văn bản ủy quyền', originals: 0, copies: 1, required: false, form: null }] },
    ]);
  });

  it('splits one bulleted step description into steps', () => {
    const record = fromDetail(
      detail({
        executionSteps: [
          {
            name: '',
            description: '- Người yêu cầu nộp hồ sơ.\n- Cán bộ tiếp nhận kiểm tra:\n+ Hồ sơ đủ thì tiếp nhận;\n+ Chưa đủ thì hướng dẫn.\n- Trả kết quả.',
          },
        ],
      }),
    );
    assert.deepEqual(record.steps, [
      { title: 'Bước 1', description: 'Người yêu cầu nộp hồ sơ.' },
      { title: 'Bước 2', description: 'Cán bộ tiếp nhận kiểm tra:\n+ Hồ sơ đủ thì tiếp nhận;\n+ Chưa đủ thì hướng dẫn.' },
      { title: 'Bước 3', description: 'Trả kết quả.' },
    ]);
  });

  it('splits on "Bước N" markers and keeps their numbers', () => {
    const record = fromDetail(
      detail({
        executionSteps: [
          { name: 'Mặc định', description: 'Bước 1: Chuẩn bị hồ sơ.\n Bước 2: Nộp hồ sơ tại Công an cấp xã.\nBước 3: Nhận kết quả.' },
        ],
      }),
    );
    assert.deepEqual(
      record.steps.map((s) => [s.title, s.description]),
      [
        ['Bước 1', 'Chuẩn bị hồ sơ.'],
        ['Bước 2', 'Nộp hồ sơ tại Công an cấp xã.'],
        ['Bước 3', 'Nhận kết quả.'],
      ],
    );
  });

  it('titles published steps from their names', () => {
    const long = 'Trình tự thực hiện đối với trường hợp người sử dụng đất phải nộp tiền sử dụng đất theo quy định';
    const record = fromDetail(
      detail({
        executionSteps: [
          { name: 'Bước 1:', description: 'Nộp hồ sơ.' },
          { name: 'b) Bước 2: Tiếp nhận hồ sơ', description: 'Kiểm tra hồ sơ.' },
          { name: long, description: 'Các bước.' },
          { name: '', description: 'Bước 4: Trả kết quả' },
          { name: null, description: null },
        ],
      }),
    );
    assert.deepEqual(record.steps.slice(0, 2), [
      { title: 'Bước 1', description: 'Nộp hồ sơ.' },
      { title: 'Bước 2: Tiếp nhận hồ sơ', description: 'Kiểm tra hồ sơ.' },
    ]);
    const third = record.steps[2];
    assert.ok(third && third.title.endsWith('…') && third.title.length <= 61, third?.title);
    assert.equal(third?.description, `${long}\nCác bước.`);
    assert.deepEqual(record.steps[3], { title: 'Bước 4', description: 'Trả kết quả' });
    assert.equal(record.steps.length, 4);
  });

  it('maps eligibility, requirements and results with fallbacks', () => {
    const record = fromDetail(
      detail({ subjectTypesDetails: [], formalityTargetType: ['Công dân Việt Nam', 'Công dân Việt Nam'], requirementsAndConditions: 'Không quy định.', resultsDetails: [{ name: 'Giấy khai sinh' }, { name: '' }] }),
    );
    assert.deepEqual(record.eligibility, ['Công dân Việt Nam']);
    assert.equal(record.requirements, '');
    assert.deepEqual(record.results, ['Giấy khai sinh']);
  });

  it('maps legal basis: number, title, issuer and date when the title says them', () => {
    const record = fromDetail(
      detail({
        legalBasisesDetails: [
          { code: '123/2015/NĐ-CP', name: 'Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ quy định chi tiết một số điều của Luật Hộ tịch' },
          { code: 'Thông tư số 03/2023/TT-BTP', name: 'Thông tư số 03/2023/TT-BTP ngày 02/8/2023 của Bộ trưởng Bộ Tư pháp' },
          { code: '60/2014/QH13 ', name: 'Luật 60/2014/QH13' },
          { code: '85/2019/TT-BTC', name: 'Thông tư hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân tỉnh' },
          { code: '2385/QĐ-UBND', name: 'về việc điều chỉnh Quyết định số 816/QĐ-UBND ngày 05 tháng 3 năm 2026 của Ủy ban nhân dân tỉnh' },
          { code: '49/2026/NĐ-CP', name: 'Nghị định số 49/2026/NĐ-CP ngày 31 tháng 1 năm 2026 của Chính phủ' },
          { code: '60/2014/QH13', name: 'Luật Hộ tịch (trùng lặp)' },
          { code: '', name: '' },
        ],
      }),
    );
    assert.deepEqual(record.legalBasis, [
      {
        number: '123/2015/NĐ-CP',
        title: 'Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ quy định chi tiết một số điều của Luật Hộ tịch',
        issuer: 'Chính phủ',
        issuedOn: '2015-11-15',
        effectiveFrom: null,
      },
      {
        number: 'Thông tư số 03/2023/TT-BTP',
        title: 'Thông tư số 03/2023/TT-BTP ngày 02/8/2023 của Bộ trưởng Bộ Tư pháp',
        issuer: 'Bộ trưởng Bộ Tư pháp',
        issuedOn: '2023-08-02',
        effectiveFrom: null,
      },
      { number: '60/2014/QH13', title: 'Luật 60/2014/QH13', issuedOn: null, effectiveFrom: null },
      // "của Hội đồng nhân dân tỉnh" is the subject here, not the issuer.
      {
        number: '85/2019/TT-BTC',
        title: 'Thông tư hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân tỉnh',
        issuedOn: null,
        effectiveFrom: null,
      },
      // The date and issuer belong to the amended decision, not to this one.
      {
        number: '2385/QĐ-UBND',
        title: 'về việc điều chỉnh Quyết định số 816/QĐ-UBND ngày 05 tháng 3 năm 2026 của Ủy ban nhân dân tỉnh',
        issuedOn: null,
        effectiveFrom: null,
      },
      {
        number: '49/2026/NĐ-CP',
        title: 'Nghị định số 49/2026/NĐ-CP ngày 31 tháng 1 năm 2026 của Chính phủ',
        issuer: 'Chính phủ',
        issuedOn: '2026-01-31',
        effectiveFrom: null,
      },
    ]);
  });

  it('copes with a detail that has nothing but a code', () => {
    const record = fromDetail({ code: ' 1.000001 ' });
    assert.equal(record.code, '1.000001');
    assert.equal(record.name, '');
    assert.deepEqual(record.levels, ['province']);
    assert.equal(record.onlineLevel, 'none');
    for (const key of ['channelDetails', 'documentCases', 'steps', 'eligibility', 'results', 'legalBasis'] as const) {
      assert.deepEqual(record[key], [], key);
    }
    assert.equal(record.requirements, '');
    assert.deepEqual(record.agencyDetails, { executing: [], competent: [], authorised: [], coordinating: [] });
    assert.equal('promulgatedBy' in record, false);
  });

  it('rejects what is not a procedure', () => {
    assert.throws(() => fromDetail(null), TypeError);
    assert.throws(() => fromDetail([]), TypeError);
    assert.throws(() => fromDetail({ name: 'Không có mã' }), TypeError);
  });
});

describe('fromCatalogEntry', () => {
  const entry = {
    code: '1.001612',
    name: 'Đăng ký thành lập hộ kinh doanh',
    categories: ['Thành lập và hoạt động doanh nghiệp (hộ kinh doanh)'],
    departments: ['Ủy ban nhân dân cấp xã', ''],
    departmentPromulgate: 'Bộ Tài chính',
    formalityTargetType: ['Công dân Việt Nam'],
  };

  it('maps what the list publishes and leaves the rest empty', () => {
    assert.deepEqual(fromCatalogEntry(entry), {
      code: '1.001612',
      name: 'Đăng ký thành lập hộ kinh doanh',
      field: { code: 'thanh-lap-va-hoat-dong-doanh-nghiep-ho-kinh-doanh', name: 'Thành lập và hoạt động doanh nghiệp (hộ kinh doanh)' },
      // The executing commune wins over the publishing ministry.
      levels: ['commune'],
      onlineLevel: 'none',
      promulgatedBy: 'Bộ Tài chính',
      agencyDetails: { executing: ['Ủy ban nhân dân cấp xã'], competent: [], authorised: [], coordinating: [] },
      channelDetails: [],
      documentCases: [],
      steps: [],
      eligibility: ['Công dân Việt Nam'],
      requirements: '',
      results: [],
      legalBasis: [],
    });
  });

  it('infers levels from the publisher when no agency is listed', () => {
    assert.deepEqual(fromCatalogEntry({ ...entry, departments: [''], departmentPromulgate: 'Bộ Công an' }).levels, ['central']);
    assert.deepEqual(fromCatalogEntry({ ...entry, departments: [], departmentPromulgate: 'UBND tỉnh Lạng Sơn' }).levels, ['province']);
    assert.deepEqual(fromCatalogEntry({ ...entry, departments: ['Sở Tư pháp', 'Công an xã, phường'] }).levels, ['province', 'commune']);
    assert.deepEqual(fromCatalogEntry({ ...entry, departments: null, departmentPromulgate: null }).levels, ['province']);
  });

  it('copes with missing lists', () => {
    const record = fromCatalogEntry({ code: '1.000002', name: 'X' });
    assert.equal(record.field.name.length > 0, true);
    assert.deepEqual(record.eligibility, []);
    assert.throws(() => fromCatalogEntry({ name: 'no code' }), TypeError);
  });

  it('keeps no control character (PostgreSQL refuses NUL), and refuses a line with no name, one past 4,000 characters or a code with a control character', () => {
    const record = fromCatalogEntry({ ...entry, name: '<b>Thủ tục</b> thử\u0000 nghiệm\u0007\tkiểm tra', departments: ['Sở Tư pháp\u0000'] });
    assert.equal(record.name, 'Thủ tục thử nghiệm kiểm tra');
    assert.deepEqual(record.agencyDetails.executing, ['Sở Tư pháp']);
    assert.throws(() => fromCatalogEntry({ ...entry, name: '' }), /no name/);
    assert.throws(() => fromCatalogEntry({ ...entry, name: '<p>\u0000</p>' }), /no name/);
    assert.throws(() => fromCatalogEntry({ ...entry, name: 'Thủ tục '.repeat(600) }), /longer than 4000/);
    assert.throws(() => fromCatalogEntry({ ...entry, code: '1.00\u00001612' }), /control character/);
  });
});

describe('readPublicCatalogue', () => {
  it('uses detail files, skips and counts malformed lines', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dvc-import-'));
    try {
      await mkdir(path.join(dir, 'details'));
      const lines = [
        JSON.stringify({ code: '1.001193', name: 'Thủ tục đăng ký khai sinh (danh sách)', categories: ['Hộ tịch'], departments: [] }),
        '{"code": "1.000002", "name": broken',
        '',
        JSON.stringify({ code: '1.000003', name: 'Không có chi tiết', categories: ['Đất đai'], departments: ['Sở Nông nghiệp và Môi trường'] }),
        '[1, 2, 3]',
        JSON.stringify({ code: '../1.001193', name: 'Mã lạ', categories: [] }),
        JSON.stringify({ code: '1.000004', name: 'Chi tiết hỏng', categories: ['Xây dựng'] }),
        JSON.stringify({ code: '1.000005', name: 'Tên trong danh sách', categories: ['Xây dựng'] }),
      ];
      await writeFile(path.join(dir, 'catalog.jsonl'), `${lines.join('\n')}\n`);
      await writeFile(path.join(dir, 'details', '1.001193.json'), JSON.stringify(detail()));
      await writeFile(path.join(dir, 'details', '1.000004.json'), '{ not json');
      // A detail whose name is past all reason: the list's name stands.
      await writeFile(path.join(dir, 'details', '1.000005.json'), JSON.stringify({ ...detail(), code: '1.000005', name: 'Tên '.repeat(1200) }));

      const stats = createImportStats();
      const records: ProcedureRecord[] = [];
      const iterator = readPublicCatalogue(dir, stats);
      for await (const record of iterator) records.push(record);

      assert.deepEqual(
        records.map((r) => r.code),
        ['1.001193', '1.000003', '../1.001193', '1.000004', '1.000005'],
      );
      assert.equal(records[4]?.name, 'Tên trong danh sách');
      // The detail file wins over the list line.
      assert.equal(records[0]?.name, 'Thủ tục đăng ký khai sinh');
      assert.deepEqual(records[0]?.field, { code: 'G15-TP07', name: 'Hộ tịch' });
      assert.equal(records[2]?.name, 'Mã lạ');
      assert.equal(records[3]?.name, 'Chi tiết hỏng');
      assert.equal(stats.lines, 7);
      assert.equal(stats.imported, 5);
      assert.equal(stats.fromDetails, 2);
      assert.equal(stats.skipped, 2);
      assert.deepEqual(stats.skippedLines, [2, 5]);
      assert.equal(stats.detailErrors.length, 1);
      assert.match(stats.detailErrors[0] ?? '', /^1\.000004\.json: /);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('works without a details folder', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dvc-import-'));
    try {
      await writeFile(path.join(dir, 'catalog.jsonl'), JSON.stringify({ code: '1.000001', name: 'A', categories: ['B'] }));
      const records: ProcedureRecord[] = [];
      for await (const record of readPublicCatalogue(dir)) records.push(record);
      assert.equal(records.length, 1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

// The one test that needs the shared public data; CI has ../shared beside the checkout.
const absent = existsSync(path.join(publicData, 'catalog.jsonl'))
  ? false
  : `public catalogue not found at ${publicData} (it lives beside the checkout in CI)`;

describe('the public catalogue, imported for real', () => {
  it('imports all 5,670 procedures without a throw', { skip: absent }, async () => {
    const stats = createImportStats();
    const records: ProcedureRecord[] = [];
    for await (const record of readPublicCatalogue(publicData, stats)) records.push(record);

    assert.equal(records.length, 5670);
    assert.equal(stats.skipped, 0);
    // " 1.014325" on line 973 is 1.014325 of line 1309: one procedure, which the import says.
    assert.deepEqual(stats.repeatedCodes, ['1.014325']);
    assert.deepEqual(stats.detailErrors, []);
    assert.equal(stats.fromDetails, 502);

    const levels: ReadonlySet<string> = new Set(procedureLevels);
    const units: ReadonlySet<string> = new Set(durationUnits);
    for (const record of records) {
      assert.ok(record.code, 'code');
      assert.ok(record.name, `${record.code}: name`);
      assert.ok(record.field.code && record.field.name, `${record.code}: field`);
      assert.ok(record.levels.length > 0 && record.levels.every((l) => levels.has(l)), `${record.code}: levels`);
      for (const channel of record.channelDetails) {
        assert.ok(units.has(channel.processingTime.unit), `${record.code}: unit`);
        for (const fee of channel.fees) {
          assert.ok(fee.amount === null || (Number.isInteger(fee.amount) && fee.amount >= 0), `${record.code}: amount`);
          if (fee.setByProvince) assert.equal(fee.amount, null, `${record.code}: province fee`);
        }
      }
      for (const text of strings(record)) assert.doesNotMatch(text, /<\/?[a-z][^>]*>/i, `${record.code}: markup`);
    }

    const birth = records.find((r) => r.code === '1.001193');
    assert.ok(birth);
    assert.equal(birth.name, 'Thủ tục đăng ký khai sinh');
    assert.ok(birth.levels.includes('commune'));
    assert.deepEqual(birth.field, { code: 'G15-TP07', name: 'Hộ tịch' });
    assert.ok(birth.documentCases.length > 0 && birth.steps.length > 0 && birth.legalBasis.length > 0);

    // One field, one code: "Đất đai" came as G13-TN02 from the details and as dat-dai from the list.
    const codesOf = () => {
      const byName = new Map<string, Set<string>>();
      for (const r of records) byName.set(r.field.name, (byName.get(r.field.name) ?? new Set()).add(r.field.code));
      return byName;
    };
    assert.deepEqual([...codesOf().get('Đất đai')!].sort(), ['G13-TN02', 'dat-dai']);
    assert.ok(settleFieldCodes(records) > 100);
    const settled = codesOf();
    assert.deepEqual([...settled.get('Đất đai')!], ['G13-TN02']);
    // The one name left with two codes is two ministries' two fields.
    const shared = [...settled].filter(([, codes]) => codes.size > 1).map(([name, codes]) => [name, [...codes].sort()]);
    assert.deepEqual(shared, [['Hộ tịch', ['G08-NG07', 'G15-TP07']]]);
  });
});

describe('settleFieldCodes', () => {
  const listed = (code: string, field: string, promulgatedBy?: string): ProcedureRecord =>
    fromCatalogEntry({ code, name: `Thủ tục ${code}`, categories: [field], departmentPromulgate: promulgatedBy });
  const detailed = (code: string, field: { code: string; name: string }, promulgatedBy: string): ProcedureRecord =>
    fromDetail(detail({ code, categoriesDetails: [field], category: field, departmentPromulgateName: promulgatedBy }));

  it('gives a listed procedure the code its field\'s detailed procedures publish', () => {
    const records = [
      listed('1.1', 'Đất đai', 'Ủy ban nhân dân tỉnh Lào Cai'),
      detailed('1.2', { code: 'G13-TN02', name: 'Đất đai' }, 'Bộ Nông nghiệp và Môi trường'),
      listed('1.3', 'Giáo dục', 'Bộ Giáo dục và Đào tạo'),
    ];
    assert.equal(settleFieldCodes(records), 1);
    assert.deepEqual(records.map((r) => r.field.code), ['G13-TN02', 'G13-TN02', 'giao-duc']);
  });

  it('settles a name two ministries use by the publishing ministry, and leaves it when that does not decide', () => {
    const records = [
      detailed('2.1', { code: 'G15-TP07', name: 'Hộ tịch' }, 'Bộ Tư pháp'),
      detailed('2.2', { code: 'G08-NG07', name: 'Hộ tịch' }, 'Bộ Ngoại giao'),
      listed('2.3', 'Hộ tịch', 'Bộ Ngoại giao'),
      listed('2.4', 'Hộ tịch', 'Bộ Tư pháp'),
      listed('2.5', 'Hộ tịch', 'Ủy ban nhân dân tỉnh Cà Mau'),
      listed('2.6', 'Hộ tịch'),
    ];
    assert.equal(settleFieldCodes(records), 2);
    assert.deepEqual(records.map((r) => r.field.code), ['G15-TP07', 'G08-NG07', 'G08-NG07', 'G15-TP07', 'ho-tich', 'ho-tich']);
  });
});
