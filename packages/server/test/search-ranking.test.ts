import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { foldVietnamese } from '@dvc-kit/sdk';
import { createTestSandbox } from './support/test-database.ts';
import { CatalogueIndex, oneSlipApart, type IndexRow } from '../src/procedures/search-index.ts';
import { markedWords, typedWithMarks } from '../src/procedures/marked-words.ts';
import { saveProcedures } from '../src/procedures/repository.ts';
import type { ProcedureRecord } from '../src/catalog/record.ts';
import { readFile } from 'node:fs/promises';

type Sandbox = Awaited<ReturnType<typeof createTestSandbox>>;
interface Result { total: number; approximate: boolean; items: { code: string; name: string }[] }

const BIRTH_REGISTRATION = '1.001193';

describe('search ranking when not every word matches', () => {
  let sandbox: Sandbox;
  before(async () => { sandbox = await createTestSandbox({ rateLimits: {} }); });
  after(() => sandbox.app.close());
  const search = async (q: string, pageSize = 50) =>
    JSON.parse((await sandbox.app.inject({ method: 'GET', url: `/api/v1/procedures?q=${encodeURIComponent(q)}&pageSize=${pageSize}` })).body) as Result;

  test('a typo in the last word: birth registration first, then the births, then the short rest', async () => {
    const body = await search('dang ky khai sinzzzz');
    assert.equal(body.items[0]?.code, BIRTH_REGISTRATION);
    // The procedures whose names hold "khai sinh" all come before any that do not.
    const births = body.items.map((p) => foldVietnamese(p.name).includes('khai sinh'));
    assert.deepEqual(births, [...births].sort((a, b) => Number(b) - Number(a)));
    assert.ok(births.filter(Boolean).length >= 4);
    // Short: only procedures matching all of the words but one, not every one holding "dang" (43 did).
    assert.ok(body.total <= 15, `${body.total} results`);
  });

  test('a slip of the keyboard in a word (a letter left out, added, changed, two swapped) reads as the word meant', async () => {
    const usual = await search('dang ky khai sinh');
    assert.ok(usual.total < 50);
    for (const q of ['khai snh', 'dang ky khai sihn', 'dang ky khai siinh', 'dnag ky khai sinh']) {
      const body = await search(q);
      assert.equal(body.items[0]?.code, BIRTH_REGISTRATION, `${q}: ${body.items.slice(0, 3).map((p) => p.name).join(' | ')}`);
      assert.equal(body.approximate, true, q);
      // The procedures matching every word as meant come first, in their usual order.
      if (q !== 'khai snh') assert.deepEqual(body.items.slice(0, usual.total).map((p) => p.code), usual.items.map((p) => p.code), q);
    }
  });

  test('a query of one word that matches nothing is read as the word one slip away, but not cut to a beginning', async () => {
    const meant = await search('sinh');
    assert.ok(meant.total > 0);
    for (const q of ['snih', 'isnh']) {
      const body = await search(q);
      assert.deepEqual(body.items.map((p) => p.code), meant.items.map((p) => p.code), q);
      assert.equal(body.approximate, true, q);
    }
    // Alone, nothing narrows a beginning: "quo…" would list every "quốc…".
    for (const q of ['qqqq', 'quokkavn', 'sinhzzzz']) {
      const nothing = await search(q);
      assert.deepEqual([nothing.total, nothing.approximate], [0, false], q);
    }
  });

  test('words typed without spaces between them are read apart: the same procedures, in the same order, said to be close', async () => {
    const pairs: Array<[joined: string, spaced: string]> = [
      ['hochieu', 'ho chieu'], ['kethon', 'ket hon'], ['dangkykhaisinh', 'dang ky khai sinh'], ['lylich tuphap', 'ly lich tu phap'], ['hochie', 'ho chie'],
    ];
    for (const [joined, spaced] of pairs) {
      const apart = await search(spaced);
      assert.ok(apart.total > 0, spaced);
      const body = await search(joined);
      assert.deepEqual(body.items.map((p) => p.code), apart.items.map((p) => p.code), joined);
      assert.equal(body.approximate, true, joined);
    }
    // Read apart only into words found together: a nonsense run of letters still finds nothing.
    assert.equal((await search('qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq')).total, 0);
  });

  test('wordsRunTogether: whole words, one-letter ones too, the last a beginning; the reading names hold, then the fewest words', () => {
    const row = (id: number, name: string): IndexRow => ({
      id, code: `1.00000${id}`, name, field_code: 'F', field_name: '', online_level: 'full', level_central: 0, level_province: 1, level_commune: 0,
      search_name: name, search_code: '', search_field: '', search_agencies: '', search_body: '',
    });
    const index = new CatalogueIndex([
      row(1, 'dang ky khai sinh'), row(2, 'dang ky ket hon'), row(3, 'cap the bao hiem y te'), row(4, 'cho thue nha o xa hoi'),
      row(5, 'xac dinh dien tich dat o'), row(6, 'cap ho chieu pho thong'), row(7, 'ke khai tai san thon xom'), row(8, 'da to chuc'),
    ]);
    const read = (word: string) => index.wordsRunTogether(word)?.join(' ');
    assert.equal(read('nhaoxahoi'), 'nha o xa hoi');
    assert.equal(read('baohiemyte'), 'bao hiem y te');
    // "da to" and "ke thon" are words of the catalogue too, but no name holds them together.
    assert.equal(read('dientichdato'), 'dien tich dat o');
    assert.equal(read('kethon'), 'ket hon');
    // Still typing: the last word is a beginning, a letter long.
    assert.equal(read('dangkyk'), 'dang ky k');
    assert.equal(read('hochie'), 'ho chie');
    assert.equal(read('qqqqqqqq'), undefined);
    assert.equal(read('ab'.repeat(20)), undefined);
  });

  test('oneSlipApart: one letter left out, added, changed, or two neighbours swapped; not the word itself, nor two slips', () => {
    const pairs: Array<[string, string, boolean]> = [
      ['snh', 'sinh', true], ['sinh', 'snh', true], ['siinh', 'sinh', true], ['sonh', 'sinh', true], ['sihn', 'sinh', true],
      ['isnh', 'sinh', true], ['sinh', 'sinh', false], ['snhh', 'sinh', false], ['hnis', 'sinh', false], ['s', 'sinh', false],
    ];
    for (const [a, b, expected] of pairs) assert.equal(oneSlipApart(a, b), expected, `${a} / ${b}`);
  });

  test('a stray word leaves the procedures matching every other word, in their usual order', async () => {
    const usual = await search('dang ky khai sinh');
    const stray = await search('dang ky khai sinh qqqq');
    assert.equal(stray.total, usual.total);
    assert.deepEqual(stray.items.map((p) => p.code), usual.items.map((p) => p.code));
  });

  test('when nothing matches all words but one, the best-matching tier is still shown', async () => {
    const body = await search('khai qqqq');
    assert.ok(body.total > 0);
    assert.ok(body.items.some((p) => p.code === BIRTH_REGISTRATION));
    assert.equal((await search('qqqq zzzz')).total, 0);
  });

  test('the closest matches say they are (approximate); an exact match, none found or no query do not', async () => {
    assert.equal((await search('dang ky khai sinzzzz')).approximate, true);
    assert.equal((await search('dang ky khai sinh qqqq')).approximate, true);
    assert.equal((await search('dang ky khai sinh')).approximate, false);
    assert.equal((await search('qqqq zzzz')).approximate, false);
    assert.equal((await search('')).approximate, false);
  });

  test('a query of symbols only ("🚗", "???") finds nothing, where an empty one lists every procedure', async () => {
    const every = (await search('')).total;
    assert.ok(every > 10);
    for (const q of ['🚗🚗🚗', '???', '<>"']) assert.equal((await search(q)).total, 0, q);
  });

  test('"ki" and "ky" (and "kí", "lí", "qui") are one word spelled two ways: the same procedures, the same order', async () => {
    const usual = await search('dang ky khai sinh');
    for (const spelled of ['dang ki khai sinh', 'đăng kí khai sinh', 'DANG KI KHAI SINH']) {
      const other = await search(spelled);
      assert.equal(other.items[0]?.code, BIRTH_REGISTRATION, spelled);
      assert.deepEqual(other.items.map((p) => p.code), usual.items.map((p) => p.code), spelled);
    }
    assert.deepEqual((await search('li lich tu phap')).items.map((p) => p.code), (await search('ly lich tu phap')).items.map((p) => p.code));
  });

  test('the other spelling is a whole word: "ky" finds "kí" but not "kiểm"; "ki" finds "ký" and, as a beginning, "kiểm"', () => {
    const row = (id: number, name: string): IndexRow => ({
      id, code: `1.00000${id}`, name, field_code: 'F', field_name: '', online_level: 'full', level_central: 0, level_province: 1, level_commune: 0,
      search_name: name, search_code: '', search_field: '', search_agencies: '', search_body: '',
    });
    const index = new CatalogueIndex([row(1, 'dang ky xe'), row(2, 'dang kiem xe'), row(3, 'dang ki tam tru'), row(4, 'cap phieu li lich tu phap')]);
    const ids = (words: string[]) => index.match(words, true).map((m) => m.p.id).sort();
    assert.deepEqual(ids(['dang', 'ky']), [1, 3]);
    assert.deepEqual(ids(['dang', 'ki']), [1, 2, 3]);
    assert.deepEqual(ids(['ly', 'lich']), [4]);
  });

  test('queries whose words all match rank as before', async () => {
    assert.deepEqual((await search('dang ky khai sinh')).items.map((p) => p.code),
      ['1.001193', '1.003583', '2.000528', '1.001020', '1.004884']);
    assert.deepEqual((await search('ho tich', 4)).items.map((p) => p.code),
      ['1.000797', '2.000635', '1.000578', '1.004859']);
    assert.equal((await search('ho tich')).total, 24);
  });
});

describe('a page of results', () => {
  let sandbox: Sandbox;
  before(async () => { sandbox = await createTestSandbox({ rateLimits: {} }); });
  after(() => sandbox.app.close());
  const search = async (q: string, page: number, pageSize: number) =>
    JSON.parse((await sandbox.app.inject({ method: 'GET', url: `/api/v1/procedures?q=${encodeURIComponent(q)}&page=${page}&pageSize=${pageSize}` })).body) as Result;
  const codes = async (q: string, page: number, pageSize: number) => (await search(q, page, pageSize)).items.map((p) => p.code);

  // A short page keeps its best candidates as they go by (and skips a name too long to beat the
  // worst kept); a page of 50, a quarter or more of the matches, sorts them all. One order.
  test('is the slice a full sort of every match gives, for short prefixes, phrases, typos and words typed with marks', async () => {
    for (const q of ['', 'd', 'ch', 'dang k', 'dang ky', 'ho tich', 'cap', 'ki', 'ho tichzzz', 'đăng k', 'cấp', 'hộ', 'cáp']) {
      const { total } = await search(q, 1, 3);
      assert.ok(total > 12, `${q}: only ${total} found, too few to keep the best as they go by`);
      const everything = [...await codes(q, 1, 50), ...await codes(q, 2, 50)];
      assert.equal(everything.length, total, q);
      const paged: string[] = [];
      for (let page = 1; paged.length < everything.length; page++) {
        const slice = await codes(q, page, 3);
        assert.ok(slice.length > 0, `${q}: page ${page} is empty`);
        paged.push(...slice);
      }
      assert.deepEqual(paged, everything, q);
    }
  });
});

describe('recent answers', () => {
  let sandbox: Sandbox;
  before(async () => { sandbox = await createTestSandbox({ rateLimits: {} }); });
  after(() => sandbox.app.close());
  const search = async (q: string) =>
    JSON.parse((await sandbox.app.inject({ method: 'GET', url: `/api/v1/procedures?q=${encodeURIComponent(q)}` })).body) as Result;

  test('are the answer a fresh search gives, and go when the catalogue changes', async () => {
    const typed = await search('Đăng ký khai sinh');
    // The same words typed otherwise: the answer already at hand, the same as a fresh search.
    assert.deepEqual(await search('ĐĂNG KÝ   KHAI SINH'), typed);
    const { searchProcedures } = await import('../src/procedures/repository.ts');
    const fresh = await searchProcedures(sandbox.context, { q: 'dang ky khai sinh', page: 1, pageSize: 10 });
    assert.deepEqual(JSON.parse(JSON.stringify(fresh)), typed);

    const added = await sandbox.app.inject({
      method: 'POST', url: '/api/v1/_sandbox/procedures',
      payload: { code: '9.999001', name: 'Đăng ký khai sinh lưu động tại nhà', field: { code: 'G15-TP07', name: 'Hộ tịch' } },
    });
    assert.equal(added.statusCode, 201, added.body);
    const after = await search('dang ky khai sinh');
    assert.equal(after.total, typed.total + 1);
    assert.ok(after.items.some((p) => p.code === '9.999001'));
  });
});

describe('a query typed with marks: the words as typed first, among all that fold alike', () => {
  let sandbox: Sandbox;
  // Names that fold alike: "thuế" (tax) and "thuê" (rent), "hộ" (household) and "hội" (association),
  // old and new tone placement ("hoà", "hòa"), "kí" and "ký".
  const NAMES = [
    ['9.000001', 'Khai tiền thuê đất'], ['9.000002', 'Gia hạn nộp thuế'], ['9.000003', 'Hỗ trợ thuê mặt bằng'],
    ['9.000004', 'Khôi phục mã số thuế'], ['9.000005', 'Thành lập hội'], ['9.000006', 'Tách hộ'],
    ['9.000007', 'Công nhận hoà giải viên'], ['9.000008', 'Cấp giấy phép hoạt động hộ'], ['9.000009', 'Chứng thực chữ kí'],
    // Shorter, so first when the marks are not read: "hóa giải" (to undo), "chu kỳ" (a cycle).
    ['9.000010', 'Hóa giải xung đột'], ['9.000011', 'Chu kỳ kiểm định'],
    // Longer than "Cấp giấy phép hoạt động hộ", and "đ" a word of its own in it.
    ['9.000012', 'Bảo vệ và kiểm dịch thực vật cho cây trồng lâu năm'], ['9.000013', 'Thủ tục thực hiện theo điểm đ khoản 1 Điều 5'],
    // As long as each other: "bán lẻ" (retail) and "bản lề" (a hinge) fold alike.
    ['9.000014', 'Giấy phép bán lẻ'], ['9.000015', 'Kiểm định bản lề'],
  ];
  before(async () => {
    sandbox = await createTestSandbox({ rateLimits: {} });
    const seed = JSON.parse(await readFile(new URL('../seed/procedures.json', import.meta.url), 'utf8')) as ProcedureRecord[];
    await saveProcedures(sandbox.context, NAMES.map(([code, name]) => ({ ...seed[0]!, code: code!, name: name! })));
  });
  after(() => sandbox.app.close());
  const codes = async (q: string) => (JSON.parse((await sandbox.app.inject({ method: 'GET', url: `/api/v1/procedures?q=${encodeURIComponent(q)}&pageSize=50` })).body) as Result)
    .items.map((p) => p.code).filter((code) => code.startsWith('9.'));

  test('"thuế" lists the taxes before the rents, "thuê" the rents first; "thue" finds all four in its usual order', async () => {
    assert.deepEqual((await codes('thuế')).slice(0, 2).sort(), ['9.000002', '9.000004']);
    assert.deepEqual((await codes('thuê')).slice(0, 2).sort(), ['9.000001', '9.000003']);
    for (const q of ['thuế', 'thuê', 'thue']) assert.equal((await codes(q)).length, 4, q);
    assert.deepEqual((await codes('thuế')).slice(2).sort(), ['9.000001', '9.000003']);
  });

  test('a marked word is best a whole word of the name, then its beginning: "hộ" before "hội"', async () => {
    const found = await codes('hộ');
    assert.deepEqual(found.slice(0, 2).sort(), ['9.000006', '9.000008']);
    assert.ok(found.indexOf('9.000005') > 1, found.join(' '));
  });

  test('as it is typed: a hat before the tone ("câ" on the way to "cấp") or a lone "đ" puts nothing first', async () => {
    const order = (found: string[], codes: string[]) => found.filter((code) => codes.includes(code));
    // Telex and VNI type the hat mid-word and the tone last: "câ" begins "cấp" as much as "cây".
    assert.deepEqual(order(await codes('câ'), ['9.000008', '9.000012']), order(await codes('ca'), ['9.000008', '9.000012']));
    assert.deepEqual(order(await codes('câ'), ['9.000008', '9.000012']), ['9.000008', '9.000012']);
    // Once the tone is typed, it counts: "cấ" is not "cây".
    assert.equal((await codes('cấ'))[0], '9.000008');
    // "đ", the first keystroke of "đăng", lists as "d" does, not the law's lettered item first.
    assert.deepEqual(await codes('đ'), await codes('d'));
  });

  test('words typed run together keep their marks once read apart: "bánlẻ" lists the retail first, "bảnlề" the hinge', async () => {
    assert.deepEqual((await codes('bánlẻ')).slice(0, 2), ['9.000014', '9.000015']);
    assert.deepEqual((await codes('bảnlề')).slice(0, 2), ['9.000015', '9.000014']);
    assert.deepEqual((await codes('banle')).slice(0, 2).sort(), ['9.000014', '9.000015'], 'both, without marks');
  });

  test('the tone placed either way, and i or y, are one word', async () => {
    assert.equal((await codes('hòa giải'))[0], '9.000007');
    assert.equal((await codes('hoà giải'))[0], '9.000007');
    assert.equal((await codes('chữ ký'))[0], '9.000009');
    assert.equal((await codes('chữ kí'))[0], '9.000009');
    assert.equal((await codes('hóa giải'))[0], '9.000010');
    assert.deepEqual(markedWords('Hòa giải, THỦY lợi; hoà, thuỷ, Ký, kí'), markedWords('hoà giải thuỷ lợi hòa thủy kí ký'));
    assert.deepEqual(typedWithMarks(markedWords('đăng ky khai sinh')), ['đăng']);
    assert.deepEqual(typedWithMarks(markedWords('dang ky ｋｈａｉ')), []);
  });
});
