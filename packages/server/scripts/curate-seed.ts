/**
 * Curation aid for `seed/procedures.json`, the sandbox's own set of real procedures.
 *
 * The JSON is the product; this script records how it was made so that a reviewer can see every
 * decision. It reads chosen detail records of the public catalogue through the importer
 * (`fromDetail`), tidies them for citizens (trims long texts, drops notes listed as documents,
 * keeps the main legal basis), applies hand corrections where the published data is wrong or
 * vague (placeholder processing times, fee kinds, alternative fees listed as if they added up),
 * and adds hand-written records for procedures the shared data has no detail for (criminal
 * record certificate, passports, company registration, certification, identity card) from
 * public law.
 *
 * Run: node --conditions=source packages/server/scripts/curate-seed.ts [public data dir]
 * (default: ../shared/data/dichvucong beside the checkout), then review the diff of the JSON.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { components } from '@dvc-kit/sdk';

import { fromDetail } from '../src/catalog/import-dichvucong.ts';
import type { ProcedureRecord } from '../src/catalog/record.ts';

type Schemas = components['schemas'];
type Channel = Schemas['Channel'];
type ProcessingTime = Schemas['ProcessingTime'];
type FeeLine = Schemas['FeeLine'];
type DocumentCase = Schemas['DocumentCase'];
type RequiredDocument = Schemas['RequiredDocument'];
type ProcedureStep = Schemas['ProcedureStep'];
type LegalBasis = Schemas['LegalBasis'];
type ChannelDetail = Schemas['ChannelDetail'];

const sandboxRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = path.resolve(sandboxRoot, '../..');
const dataDir = process.argv[2] ?? path.resolve(repoRoot, '../shared/data/dichvucong');
const outFile = path.join(sandboxRoot, 'seed/procedures.json');

// ---------------------------------------------------------------------------------------------
// Small builders

function wd(value: number, note?: string): { time: ProcessingTime; note?: string } {
  return note ? { time: { value, unit: 'working-days' }, note } : { time: { value, unit: 'working-days' } };
}

function text(value: string): { time: ProcessingTime } {
  return { time: { value: null, unit: 'text', text: value } };
}

function fee(kind: FeeLine['kind'], amount: number | null, description: string): FeeLine {
  return { kind, amount, setByProvince: false, description };
}

function provinceFee(kind: FeeLine['kind'], description: string): FeeLine {
  return { kind, amount: null, setByProvince: true, description };
}

function doc(name: string, originals: number, copies: number, required = true): RequiredDocument {
  return { name, originals, copies, required, form: null };
}

function step(title: string, description: string): ProcedureStep {
  return { title, description };
}

/** Cuts at the last sentence or clause end before `max`; marks a mid-sentence cut with "…". */
function clip(value: string, max: number): string {
  if (value.length <= max) return value;
  const head = value.slice(0, max);
  const end = Math.max(head.lastIndexOf('. '), head.lastIndexOf('.\n'), head.lastIndexOf('; '), head.lastIndexOf('\n'));
  if (end > max * 0.5) return head.slice(0, end + 1).trim();
  return `${head.replace(/\s+\S*$/u, '').replace(/[,;:]$/, '')}…`;
}

// ---------------------------------------------------------------------------------------------
// Legal documents: titles, issuers and dates as published (confirmed in the public data or the
// documents themselves). Numbers are kept bare ("60/2014/QH13") so that they compare equal.

type Known = Omit<LegalBasis, 'number'>;

function known(title: string, issuer: string, issuedOn: string | null = null, effectiveFrom: string | null = null): Known {
  return { title, issuer, issuedOn, effectiveFrom };
}

const KNOWN: Record<string, Known> = {
  '60/2014/QH13': known('Luật Hộ tịch', 'Quốc hội', '2014-11-20', '2016-01-01'),
  '52/2014/QH13': known('Luật Hôn nhân và gia đình', 'Quốc hội', '2014-06-19', '2015-01-01'),
  '123/2015/NĐ-CP': known('Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch', 'Chính phủ', '2015-11-15'),
  '04/2020/TT-BTP': known('Thông tư quy định chi tiết thi hành một số điều của Luật Hộ tịch và Nghị định số 123/2015/NĐ-CP', 'Bộ trưởng Bộ Tư pháp', '2020-05-28'),
  '87/2020/NĐ-CP': known('Nghị định quy định về Cơ sở dữ liệu hộ tịch điện tử, đăng ký hộ tịch trực tuyến', 'Chính phủ', '2020-07-28'),
  '120/2025/NĐ-CP': known('Nghị định quy định về phân định thẩm quyền của chính quyền địa phương 02 cấp trong lĩnh vực quản lý nhà nước của Bộ Tư pháp', 'Chính phủ', '2025-06-11'),
  '85/2019/TT-BTC': known('Thông tư hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân tỉnh, thành phố trực thuộc Trung ương', 'Bộ Tài chính', '2019-11-29'),
  '281/2016/TT-BTC': known('Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí khai thác, sử dụng thông tin trong cơ sở dữ liệu hộ tịch, phí xác nhận có quốc tịch Việt Nam, phí xác nhận là người gốc Việt Nam, lệ phí quốc tịch', 'Bộ Tài chính', '2016-11-14'),
  '264/2016/TT-BTC': known('Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí, lệ phí trong lĩnh vực ngoại giao áp dụng tại các Cơ quan đại diện Việt Nam ở nước ngoài', 'Bộ Tài chính'),
  '07/2023/TT-BNG': known('Thông tư hướng dẫn việc đăng ký và quản lý hộ tịch tại Cơ quan đại diện ngoại giao, Cơ quan đại diện lãnh sự của Việt Nam ở nước ngoài', 'Bộ Ngoại giao'),
  '68/2020/QH14': known('Luật Cư trú', 'Quốc hội', '2020-11-13', '2021-07-01'),
  '154/2024/NĐ-CP': known('Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Cư trú', 'Chính phủ', '2024-11-26'),
  '55/2021/TT-BCA': known('Thông tư quy định chi tiết một số điều và biện pháp thi hành Luật Cư trú', 'Bộ trưởng Bộ Công an', '2021-05-15'),
  '53/2025/TT-BCA': known('Thông tư sửa đổi, bổ sung một số điều của Thông tư số 55/2021/TT-BCA quy định chi tiết một số điều và biện pháp thi hành Luật Cư trú', 'Bộ trưởng Bộ Công an', '2025-07-01'),
  '54/2025/TT-BCA': known('Thông tư quy định về quy trình đăng ký cư trú', 'Bộ trưởng Bộ Công an', '2025-07-01'),
  '75/2022/TT-BTC': known('Thông tư quy định mức thu, chế độ thu, nộp và quản lý lệ phí đăng ký cư trú', 'Bộ Tài chính', '2022-12-22'),
  '31/2024/QH15': known('Luật Đất đai', 'Quốc hội', '2024-01-18', '2024-08-01'),
  '254/2025/QH15': known('Nghị quyết quy định một số cơ chế, chính sách tháo gỡ khó khăn, vướng mắc trong tổ chức thi hành Luật Đất đai', 'Quốc hội', '2025-12-11'),
  '49/2026/NĐ-CP': known('Nghị định quy định chi tiết và hướng dẫn một số điều của Nghị quyết số 254/2025/QH15 về tháo gỡ khó khăn, vướng mắc trong tổ chức thi hành Luật Đất đai', 'Chính phủ', '2026-01-31'),
  '102/2024/NĐ-CP': known('Nghị định quy định chi tiết thi hành một số điều của Luật Đất đai', 'Chính phủ', '2024-07-30'),
  '151/2025/NĐ-CP': known('Nghị định quy định về phân định thẩm quyền của chính quyền địa phương 02 cấp, phân quyền, phân cấp trong lĩnh vực đất đai', 'Chính phủ', '2025-06-12'),
  '50/2014/QH13': known('Luật Xây dựng', 'Quốc hội', '2014-06-18', '2015-01-01'),
  '62/2020/QH14': known('Luật sửa đổi, bổ sung một số điều của Luật Xây dựng', 'Quốc hội', '2020-06-17', '2021-01-01'),
  '175/2024/NĐ-CP': known('Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Xây dựng về quản lý hoạt động xây dựng', 'Chính phủ', '2024-12-30'),
  '140/2025/NĐ-CP': known('Nghị định quy định về phân định thẩm quyền của chính quyền địa phương 02 cấp trong lĩnh vực quản lý nhà nước của Bộ Xây dựng', 'Chính phủ'),
  '59/2020/QH14': known('Luật Doanh nghiệp', 'Quốc hội', '2020-06-17', '2021-01-01'),
  '76/2025/QH15': known('Luật sửa đổi, bổ sung một số điều của Luật Doanh nghiệp', 'Quốc hội'),
  '168/2025/NĐ-CP': known('Nghị định về đăng ký doanh nghiệp', 'Chính phủ', '2025-06-30'),
  '68/2025/TT-BTC': known('Thông tư ban hành biểu mẫu sử dụng trong đăng ký doanh nghiệp, đăng ký hộ kinh doanh', 'Bộ Tài chính'),
  '47/2019/TT-BTC': known('Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí, lệ phí cung cấp thông tin doanh nghiệp, lệ phí đăng ký doanh nghiệp', 'Bộ Tài chính'),
  '45/2019/QH14': known('Bộ luật Lao động', 'Quốc hội', '2019-11-20', '2021-01-01'),
  '145/2020/NĐ-CP': known('Nghị định quy định chi tiết và hướng dẫn thi hành một số điều của Bộ luật Lao động về điều kiện lao động và quan hệ lao động', 'Chính phủ', '2020-12-14'),
  '129/2025/NĐ-CP': known('Nghị định quy định về phân định thẩm quyền của chính quyền địa phương 02 cấp trong lĩnh vực quản lý nhà nước của Bộ Nội vụ', 'Chính phủ'),
  '23/2023/QH15': known('Luật sửa đổi, bổ sung một số điều của Luật Xuất cảnh, nhập cảnh của công dân Việt Nam và Luật Nhập cảnh, xuất cảnh, quá cảnh, cư trú của người nước ngoài tại Việt Nam', 'Quốc hội', '2023-06-24', '2023-08-15'),
  '28/2026/TT-BTC': known('Thông tư quy định mức thu, chế độ thu, nộp phí, lệ phí trong lĩnh vực xuất cảnh, nhập cảnh, quá cảnh, cư trú tại Việt Nam', 'Bộ Tài chính', '2026-03-27'),
  '327/2025/NĐ-CP': known('Nghị định quy định về chính sách nhập cảnh, xuất cảnh, cư trú đối với người nước ngoài tại Trung tâm tài chính quốc tế tại Việt Nam', 'Chính phủ', '2025-12-18'),
};

/** The bare document number inside a published `code` ("Thông tư số 03/2023/TT-BTP" → "03/2023/TT-BTP"). */
function bareNumber(number: string): string {
  return number.match(/\d+(?:\.\d+)?\/(?:\d{4}\/)?[A-ZĐ][A-ZĐa-zđ0-9-]*/u)?.[0] ?? number;
}

/** A legal basis from {@link KNOWN}. */
function law(number: string): LegalBasis {
  const entry = KNOWN[number];
  if (!entry) throw new Error(`No known title for ${number}`);
  return { number, ...entry };
}

/**
 * The record's own legal basis reduced to `numbers` (in that order, those it cites), enriched from
 * {@link KNOWN}; `extra` documents are appended even when the record does not cite them.
 */
function keepLegal(record: ProcedureRecord, numbers: readonly string[], extra: readonly LegalBasis[] = []): LegalBasis[] {
  const cited = new Map(record.legalBasis.map((l) => [bareNumber(l.number), l]));
  const out: LegalBasis[] = [];
  for (const number of numbers) {
    const published = cited.get(number);
    if (!published) continue;
    const entry = KNOWN[number];
    out.push(entry ? { number, ...entry } : { ...published, number, title: clip(published.title, 220) });
  }
  return [...out, ...extra];
}

// ---------------------------------------------------------------------------------------------
// Generic tidying of an imported record

/**
 * Re-joins lines broken by a PDF copy ("chứng\ntừ") and drops stray page numbers, then fixes a
 * published typo.
 */
function reflow(value: string): string {
  const out: string[] = [];
  for (const line of value.split('\n')) {
    if (/^\d{1,4}$/.test(line.trim())) continue;
    const prev = out[out.length - 1];
    if (prev === line) continue;
    if (prev !== undefined && !/[.;:!?…)]$/u.test(prev) && /^\p{Ll}/u.test(line)) out[out.length - 1] = `${prev} ${line}`;
    else out.push(line);
  }
  return fixTypos(out.join('\n'));
}

/** Typos in the published texts of the chosen records. */
function fixTypos(value: string): string {
  return value
    .replace(/Cá nhân, cá nhân/g, 'Cá nhân, tổ chức')
    .replace(/Quân đội nhân nhân/g, 'Quân đội nhân dân')
    .replace(/biến độ ng/g, 'biến động')
    .replace(/hồ hơ/g, 'hồ sơ')
    .replace(/vềđất/g, 'về đất')
    .replace(/đăng ký đăng ký/g, 'đăng ký')
    .replace(/quốc tịchcủa/g, 'quốc tịch của');
}

// Names that are outdated since the 2025 reform (no district level, no "thị trấn").
function tidyAgency(name: string): string {
  const bare = name.replace(/[.;,\s]+$/u, '').trim();
  if (/^ủy ban nhân dân xã, phường, thị trấn$/iu.test(bare)) return 'Ủy ban nhân dân cấp xã';
  return bare.replace(/ - tỉnh Lạng Sơn$/u, ' tỉnh Lạng Sơn').replace(/^Công an cấp Xã$/u, 'Công an cấp xã').replace(/^Công an cấp Tỉnh$/u, 'Công an cấp tỉnh');
}

// Entries published under "documents" that are notes about the documents, not documents: always
// (ALWAYS_NOTE), or when they ask for no original and no copy (NOTE_LIKE).
const ALWAYS_NOTE = /^(lưu ý|ví dụ|giá trị sử dụng của)|(sau đây|như sau|giấy tờ sau):$/iu;
const NOTE_LIKE = /^(trường hợp|người |đối với|cá nhân có quyền|cơ quan|giấy tờ do cơ quan có thẩm quyền của nước ngoài)/iu;

// Wording that makes a document conditional rather than always required.
const CONDITIONAL = /^(trường hợp|đối với|người nước ngoài|công dân việt nam (là|đã|đang)|tùy từng trường hợp)|\(nếu|nếu có|trong trường hợp/iu;

function caseName(name: string): string {
  const bare = name
    .replace(/^[-+*•]\s*/u, '')
    .replace(/^\(?[0-9a-z.]+\)\s*/iu, '')
    .replace(/,?\s*hồ sơ gồm$|\s+gồm$/iu, '')
    .replace(/^./u, (ch) => ch.toUpperCase());
  return bare.length > 140 ? 'Thành phần hồ sơ' : bare;
}

function tidyDocuments(cases: DocumentCase[]): DocumentCase[] {
  const out: DocumentCase[] = [];
  for (const c of cases) {
    if (/^lưu ý/iu.test(c.name)) continue;
    const seen = new Set<string>();
    const documents = c.documents
      .map((d) => ({ ...d, name: d.name.replace(/^[-+*•]\s*/u, '').replace(/^\d{1,2}\.\s+/u, '') }))
      .filter((d) => !ALWAYS_NOTE.test(d.name) && !(d.originals === 0 && d.copies === 0 && (NOTE_LIKE.test(d.name) || d.name.endsWith(':'))))
      // The portal marks every document "not required"; a document is required unless its wording
      // makes it conditional.
      .map((d) => ({ ...d, name: clip(reflow(d.name).replace(/\s*;$/u, '.'), 260), required: !CONDITIONAL.test(d.name) }))
      .filter((d) => (seen.has(d.name) ? false : (seen.add(d.name), true)))
      .slice(0, 9);
    if (documents.length === 0) continue;
    out.push({ name: caseName(c.name), documents });
  }
  return out.slice(0, 4);
}

function tidy(record: ProcedureRecord): ProcedureRecord {
  const channelDetails: ChannelDetail[] = record.channelDetails.map((c) => {
    const seen = new Set<string>();
    const fees = c.fees
      // Missions abroad and immigration fees are published in US dollars as lệ phí with no label;
      // the kind says lệ phí, so the description is not prefixed with it ("Lệ phí: … Lệ phí: 70 USD").
      .map((f) => (/\d USD$/u.test(f.description) ? { ...f, kind: 'fee' as const } : f))
      .map((f) => ({ ...f, description: clip(f.description, 240) }))
      .filter((f) => {
        const key = `${f.kind}|${f.amount}|${f.setByProvince}|${f.description}`;
        return seen.has(key) ? false : (seen.add(key), true);
      });
    const detail: ChannelDetail = { channel: c.channel, processingTime: c.processingTime, fees };
    if (c.processingTime.text) detail.processingTime = { ...c.processingTime, text: clip(c.processingTime.text, 300) };
    if (c.note) detail.note = clip(reflow(c.note).replace(/^[-+]\s*/u, '').replace(/^\p{Ll}/u, (ch) => ch.toUpperCase()), 300);
    return detail;
  });
  const out: ProcedureRecord = {
    ...record,
    name: record.name.replace(/\.+$/u, '').trim(),
    agencyDetails: {
      executing: [...new Set(record.agencyDetails.executing.map(tidyAgency))],
      competent: [...new Set(record.agencyDetails.competent.map(tidyAgency))],
      authorised: [...new Set(record.agencyDetails.authorised.map(tidyAgency))],
      coordinating: [...new Set(record.agencyDetails.coordinating.map(tidyAgency))],
    },
    channelDetails,
    documentCases: tidyDocuments(record.documentCases),
    steps: record.steps.slice(0, 8).map((s) => ({ title: clip(s.title, 70), description: clip(reflow(s.description), 520) })),
    // Notes ("Lưu ý") after the requirements are about procedure mechanics, not requirements.
    requirements: clip(reflow(record.requirements.split(/\n?\*?\s*Lưu ý\s*:/u)[0] ?? '').replace(/^[-+]\s*/u, '').trim(), 520),
    results: record.results
      .filter((r) => !/^phiếu từ chối/iu.test(r))
      .map((r) => fixTypos(r.replace(/^[-+]\s*/u, '').replace(/\.{2,}$/u, '.').replace(/;$/u, ''))),
  };
  return out;
}

// ---------------------------------------------------------------------------------------------
// Corrections shared by groups of records

// ---- Civil status (hộ tịch): every published record repeats the same identity, residence and
// authorisation documents in long legal wording, and lists the paper form and its online
// counterpart as two documents. These are rewritten once, in plain words.

const ID_DOC = doc('Giấy tờ tùy thân còn giá trị có ảnh (hộ chiếu, thẻ Căn cước, thẻ Căn cước công dân, Căn cước điện tử); không phải xuất trình khi thông tin đã khai thác được từ Cơ sở dữ liệu quốc gia về dân cư', 1, 0);
const ID_DOC_ABROAD = doc('Hộ chiếu hoặc giấy tờ có giá trị thay thế hộ chiếu, thẻ Căn cước, thẻ Căn cước công dân hoặc giấy tờ khác có ảnh, còn giá trị sử dụng', 1, 0);
const RESIDENCE_DOC = doc('Giấy tờ chứng minh nơi cư trú (chỉ khi cơ quan đăng ký không khai thác được thông tin cư trú từ Cơ sở dữ liệu quốc gia về dân cư)', 1, 0, false);
const AUTH_DOC = doc('Văn bản ủy quyền (trường hợp ủy quyền; không phải chứng thực nếu người được ủy quyền là ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em ruột của người ủy quyền)', 1, 0, false);

function normaliseCivilStatus(record: ProcedureRecord, abroad: boolean, online: boolean): void {
  const submit: RequiredDocument[] = [];
  const show: RequiredDocument[] = [];
  let form: RequiredDocument | null = null;
  let id = false;
  let residence = false;
  let auth = false;
  for (const c of record.documentCases) {
    const shown = /xuất trình/iu.test(c.name);
    for (const d of c.documents) {
      if (/^(hộ chiếu|giấy tờ phải xuất trình|xuất trình bản chính giấy tờ tùy thân)/iu.test(d.name)) id = true;
      else if (/chứng minh (thông tin về )?cư trú/iu.test(d.name)) residence = true;
      else if (/^văn bản ủy quyền/iu.test(d.name)) auth = true;
      else if (/^(mẫu (hộ tịch )?điện tử|trường hợp (giấy tờ tùy thân|các thông tin cá nhân|gửi hồ sơ qua))/iu.test(d.name)) continue;
      else if (/^tờ khai/iu.test(d.name)) {
        const base = d.name.replace(/\s*\((nếu|mẫu ban hành)[^)]*\)?[);.]*$/iu, '').replace(/\.$/u, '');
        form = doc(online ? `${base} (khi nộp trực tuyến: mẫu điện tử tương tác trên Cổng Dịch vụ công)` : base, 1, 0);
      } else (shown ? show : submit).push({ ...d, required: !CONDITIONAL.test(d.name) });
    }
  }
  // Always-required documents first, then the conditional ones.
  submit.sort((a, b) => Number(b.required) - Number(a.required));
  const toSubmit = [...(form ? [form] : []), ...submit, ...(auth ? [AUTH_DOC] : [])];
  const toShow = [...(id ? [abroad ? ID_DOC_ABROAD : ID_DOC] : []), ...show, ...(residence ? [RESIDENCE_DOC] : [])];
  record.documentCases = [
    ...(toSubmit.length > 0 ? [{ name: 'Giấy tờ phải nộp', documents: toSubmit }] : []),
    ...(toShow.length > 0 ? [{ name: 'Giấy tờ phải xuất trình', documents: toShow }] : []),
  ];
}

/** The common steps of a civil-status procedure at a commune, ending with `result`. */
function civilSteps(result: string, decide = 'Công chức tư pháp - hộ tịch thẩm tra hồ sơ; nếu đủ điều kiện thì ghi vào Sổ hộ tịch và cập nhật Cơ sở dữ liệu hộ tịch điện tử.'): ProcedureStep[] {
  return [
    step('Bước 1: Nộp hồ sơ', 'Người yêu cầu nộp hồ sơ trực tiếp tại Trung tâm Phục vụ hành chính công cấp xã, qua bưu chính, hoặc trực tuyến trên Cổng Dịch vụ công quốc gia hoặc ứng dụng VNeID; nộp lệ phí nếu thuộc trường hợp phải nộp.'),
    step('Bước 2: Tiếp nhận, kiểm tra', 'Cán bộ tiếp nhận kiểm tra tính đầy đủ, hợp lệ của hồ sơ; hồ sơ đầy đủ thì tiếp nhận và hẹn trả kết quả, chưa đầy đủ thì hướng dẫn bổ sung, hoàn thiện.'),
    step('Bước 3: Giải quyết', decide),
    step('Bước 4: Trả kết quả', `Lãnh đạo Ủy ban nhân dân cấp xã ký ${result}; người yêu cầu kiểm tra thông tin và nhận kết quả trực tiếp, qua bưu chính hoặc bản điện tử.`),
  ];
}

type Fees = FeeLine[] | Partial<Record<Channel, FeeLine[]>>;

interface Pick {
  code: string;
  name?: string;
  /** One processing time for every channel, replacing a placeholder ("OTHER", 1). */
  time?: { time: ProcessingTime; note?: string };
  fees?: Fees;
  /** Legal basis numbers to keep, in order (see {@link keepLegal}). */
  legal?: readonly string[];
  extraLegal?: readonly LegalBasis[];
  documents?: DocumentCase[];
  steps?: ProcedureStep[];
  /** Civil-status records: rewrite the repeated documents ('commune' also rewrites the steps). */
  civil?: 'commune' | 'mobile' | 'abroad';
  patch?: (record: ProcedureRecord) => void;
}

const HO_TICH_LEGAL = ['60/2014/QH13', '52/2014/QH13', '123/2015/NĐ-CP', '04/2020/TT-BTP', '120/2025/NĐ-CP', '85/2019/TT-BTC'];
const NGOAI_GIAO_LEGAL = ['60/2014/QH13', '123/2015/NĐ-CP', '07/2023/TT-BNG', '264/2016/TT-BTC'];
const CU_TRU_LEGAL = ['68/2020/QH14', '154/2024/NĐ-CP', '55/2021/TT-BCA', '53/2025/TT-BCA', '54/2025/TT-BCA', '75/2022/TT-BTC'];
const XAY_DUNG_LEGAL = ['50/2014/QH13', '62/2020/QH14', '175/2024/NĐ-CP', '140/2025/NĐ-CP'];
const DAT_DAI_LEGAL = ['31/2024/QH15', '254/2025/QH15', '102/2024/NĐ-CP', '151/2025/NĐ-CP', '49/2026/NĐ-CP', '28/2026/QĐ-UBND', '73/2026/QĐ-UBND', '52/2026/QĐ-UBND'];

const SAME_DAY = 'Trả kết quả trong ngày tiếp nhận hồ sơ; hồ sơ tiếp nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo.';
const HO_TICH_BY_PROVINCE = provinceFee('fee', 'Lệ phí hộ tịch: mức cụ thể do Hội đồng nhân dân cấp tỉnh quy định; miễn cho người thuộc gia đình có công với cách mạng, hộ nghèo, người khuyết tật.');
const EXTRACT_COPY = 'Phí cấp bản sao trích lục (nếu có yêu cầu): 8.000 đồng/bản.';
const MOUNTAIN_EXTRA = 'Các xã miền núi, vùng sâu, vùng xa, vùng có điều kiện kinh tế - xã hội khó khăn, đặc biệt khó khăn: được tăng thêm không quá 10 ngày làm việc.';
const LAND_FEES = [
  provinceFee('charge', 'Phí thẩm định hồ sơ cấp Giấy chứng nhận: mức do Hội đồng nhân dân cấp tỉnh quy định.'),
  provinceFee('fee', 'Lệ phí cấp Giấy chứng nhận: mức do Hội đồng nhân dân cấp tỉnh quy định.'),
];
const BUILDING_PERMIT_FEE = [provinceFee('fee', 'Lệ phí cấp giấy phép xây dựng: mức do Hội đồng nhân dân cấp tỉnh quy định.')];

const PICKS: Pick[] = [
  // ---- Hộ tịch (civil status), commune level
  {
    code: '1.001193',
    time: wd(1, SAME_DAY),
    fees: [fee('fee', 0, `Miễn lệ phí đăng ký khai sinh đúng hạn. ${EXTRACT_COPY.replace('trích lục', 'Giấy khai sinh')}`)],
    documents: [
      {
        name: 'Giấy tờ phải nộp',
        documents: [
          doc('Tờ khai đăng ký khai sinh theo mẫu (khi nộp trực tuyến: mẫu điện tử tương tác trên Cổng Dịch vụ công)', 1, 0),
          doc('Giấy chứng sinh; trường hợp không có Giấy chứng sinh thì nộp văn bản của người làm chứng xác nhận về việc sinh; nếu không có người làm chứng thì phải có giấy cam đoan về việc sinh', 1, 0),
          doc('Biên bản xác nhận việc trẻ bị bỏ rơi do cơ quan có thẩm quyền lập (trường hợp trẻ em bị bỏ rơi)', 1, 0, false),
          doc('Văn bản xác nhận của cơ sở y tế đã thực hiện kỹ thuật hỗ trợ sinh sản (trường hợp trẻ sinh ra do mang thai hộ)', 1, 0, false),
          doc('Văn bản ủy quyền theo quy định (trường hợp ủy quyền; không cần chứng thực nếu người được ủy quyền là ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em ruột)', 1, 0, false),
        ],
      },
      {
        name: 'Giấy tờ phải xuất trình',
        documents: [
          doc('Hộ chiếu, thẻ Căn cước, thẻ Căn cước công dân, Căn cước điện tử hoặc giấy tờ tùy thân khác có ảnh, còn giá trị (không phải xuất trình nếu thông tin đã khai thác được từ Cơ sở dữ liệu quốc gia về dân cư)', 1, 0),
          doc('Giấy chứng nhận kết hôn của cha, mẹ trẻ (nếu cha, mẹ đã đăng ký kết hôn và cơ quan đăng ký không tra cứu được)', 1, 0, false),
        ],
      },
    ],
    steps: [
      step('Bước 1: Nộp hồ sơ', 'Người yêu cầu nộp hồ sơ trực tiếp tại Trung tâm Phục vụ hành chính công cấp xã, qua bưu chính, hoặc trực tuyến trên Cổng Dịch vụ công quốc gia hoặc ứng dụng VNeID. Trong thời hạn 60 ngày kể từ ngày sinh, cha hoặc mẹ có trách nhiệm đăng ký khai sinh cho con.'),
      step('Bước 2: Tiếp nhận, kiểm tra hồ sơ', 'Cán bộ tiếp nhận kiểm tra tính đầy đủ, hợp lệ của hồ sơ; hồ sơ đầy đủ thì tiếp nhận và hẹn trả kết quả, chưa đầy đủ thì hướng dẫn bổ sung.'),
      step('Bước 3: Thẩm tra, đăng ký', 'Công chức tư pháp - hộ tịch thẩm tra hồ sơ, ghi vào Sổ đăng ký khai sinh, cập nhật vào Cơ sở dữ liệu hộ tịch điện tử và lấy Số định danh cá nhân cho trẻ.'),
      step('Bước 4: Trả kết quả', 'Lãnh đạo Ủy ban nhân dân cấp xã ký Giấy khai sinh; người yêu cầu kiểm tra thông tin và nhận Giấy khai sinh (bản chính, bản điện tử và bản sao nếu có yêu cầu).'),
    ],
    legal: HO_TICH_LEGAL,
    patch: (r) => {
      r.requirements = 'Đăng ký trong thời hạn 60 ngày kể từ ngày sinh. Nơi đăng ký: Ủy ban nhân dân cấp xã nơi cư trú của cha hoặc mẹ.';
    },
  },
  {
    code: '1.000894',
    time: wd(1, `${SAME_DAY} Trường hợp cần xác minh điều kiện kết hôn: không quá 05 ngày làm việc.`),
    fees: [fee('fee', 0, `Miễn lệ phí đăng ký kết hôn cho công dân Việt Nam cư trú ở trong nước. ${EXTRACT_COPY}`)],
    documents: [
      {
        name: 'Giấy tờ phải nộp',
        documents: [
          doc('Tờ khai đăng ký kết hôn theo mẫu; hai bên nam, nữ có thể khai chung một Tờ khai (khi nộp trực tuyến: mẫu điện tử tương tác)', 1, 0),
          doc('Giấy xác nhận tình trạng hôn nhân do cơ quan có thẩm quyền cấp (nếu cơ quan đăng ký không tra cứu được tình trạng hôn nhân)', 1, 0, false),
        ],
      },
      {
        name: 'Giấy tờ phải xuất trình',
        documents: [
          doc('Hộ chiếu, thẻ Căn cước, thẻ Căn cước công dân, Căn cước điện tử hoặc giấy tờ tùy thân khác có ảnh, còn giá trị, của cả hai bên', 1, 0),
          doc('Giấy tờ chứng minh nơi cư trú (chỉ khi không khai thác được thông tin cư trú từ Cơ sở dữ liệu quốc gia về dân cư)', 1, 0, false),
        ],
      },
    ],
    steps: [
      step('Bước 1: Nộp hồ sơ', 'Hai bên nam, nữ nộp hồ sơ trực tiếp tại Trung tâm Phục vụ hành chính công cấp xã nơi cư trú của một trong hai bên, qua bưu chính, hoặc trực tuyến trên Cổng Dịch vụ công quốc gia.'),
      step('Bước 2: Tiếp nhận, thẩm tra', 'Công chức tư pháp - hộ tịch kiểm tra hồ sơ, tra cứu tình trạng hôn nhân; nếu thấy đủ điều kiện kết hôn theo Luật Hôn nhân và gia đình thì ghi vào Sổ đăng ký kết hôn.'),
      step('Bước 3: Trao Giấy chứng nhận kết hôn', 'Hai bên nam, nữ cùng có mặt, kiểm tra thông tin, ký vào Giấy chứng nhận kết hôn và Sổ đăng ký kết hôn; Lãnh đạo Ủy ban nhân dân cấp xã trao Giấy chứng nhận kết hôn.'),
    ],
    legal: HO_TICH_LEGAL,
    patch: (r) => {
      r.agencyDetails = { executing: ['Ủy ban nhân dân cấp xã'], competent: ['Ủy ban nhân dân cấp xã'], authorised: [], coordinating: [] };
      r.requirements = 'Nam từ đủ 20 tuổi, nữ từ đủ 18 tuổi; việc kết hôn do hai bên tự nguyện quyết định; không bị mất năng lực hành vi dân sự; không thuộc trường hợp cấm kết hôn theo Luật Hôn nhân và gia đình.';
    },
  },
  {
    code: '1.000656',
    time: wd(1, SAME_DAY),
    fees: [fee('fee', 0, 'Miễn lệ phí đăng ký khai tử đúng hạn; đăng ký khai tử quá hạn nộp lệ phí theo mức do Hội đồng nhân dân cấp tỉnh quy định.')],
    documents: [
      {
        name: 'Giấy tờ phải nộp',
        documents: [
          doc('Tờ khai đăng ký khai tử theo mẫu', 1, 0),
          doc('Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử do cơ quan có thẩm quyền cấp', 1, 0),
          doc('Văn bản ủy quyền theo quy định (trường hợp ủy quyền)', 1, 0, false),
        ],
      },
      {
        name: 'Giấy tờ phải xuất trình',
        documents: [doc('Giấy tờ tùy thân còn giá trị của người đi đăng ký khai tử', 1, 0)],
      },
    ],
    steps: [
      step('Bước 1: Nộp hồ sơ', 'Trong thời hạn 15 ngày kể từ ngày có người chết, vợ, chồng hoặc con, cha, mẹ hoặc người thân thích khác của người chết nộp hồ sơ trực tiếp, qua bưu chính hoặc trực tuyến.'),
      step('Bước 2: Thẩm tra, đăng ký', 'Công chức tư pháp - hộ tịch kiểm tra hồ sơ, ghi vào Sổ đăng ký khai tử và cập nhật Cơ sở dữ liệu hộ tịch điện tử.'),
      step('Bước 3: Trả kết quả', 'Lãnh đạo Ủy ban nhân dân cấp xã ký Trích lục khai tử và trả cho người yêu cầu.'),
    ],
    legal: HO_TICH_LEGAL,
  },
  { code: '1.004873', civil: 'commune', time: wd(3), fees: [HO_TICH_BY_PROVINCE], legal: HO_TICH_LEGAL },
  { code: '1.004884', civil: 'commune', time: wd(5), fees: [HO_TICH_BY_PROVINCE], legal: HO_TICH_LEGAL },
  { code: '1.001022', civil: 'commune', time: wd(3), fees: [HO_TICH_BY_PROVINCE], legal: HO_TICH_LEGAL },
  { code: '1.004859', civil: 'commune', time: wd(3, 'Trường hợp cần xác minh thì kéo dài thêm không quá 03 ngày làm việc.'), fees: [HO_TICH_BY_PROVINCE], legal: HO_TICH_LEGAL },
  { code: '1.004837', civil: 'commune', fees: [fee('fee', 0, 'Miễn lệ phí đăng ký giám hộ.')], legal: HO_TICH_LEGAL },
  { code: '1.004845', civil: 'commune', fees: [HO_TICH_BY_PROVINCE], legal: HO_TICH_LEGAL },
  {
    code: '2.000635',
    civil: 'commune',
    steps: [
      step('Bước 1: Nộp yêu cầu', 'Người yêu cầu nộp tờ khai trực tiếp tại Trung tâm Phục vụ hành chính công, qua bưu chính, hoặc trực tuyến trên Cổng Dịch vụ công quốc gia; nộp phí cấp bản sao.'),
      step('Bước 2: Tra cứu', 'Cơ quan có thẩm quyền tra cứu Sổ hộ tịch, Cơ sở dữ liệu hộ tịch điện tử; nếu có thông tin thì in bản sao theo yêu cầu, nếu không thì thông báo bằng văn bản.'),
      step('Bước 3: Trả kết quả', 'Người yêu cầu nhận bản sao Trích lục hộ tịch hoặc bản sao Giấy khai sinh trực tiếp, qua bưu chính hoặc bản điện tử.'),
    ],
    time: wd(1),
    fees: [fee('charge', 8000, 'Phí cấp bản sao trích lục hộ tịch, bản sao Giấy khai sinh: 8.000 đồng/bản.')],
    legal: [...HO_TICH_LEGAL, '281/2016/TT-BTC'],
  },
  { code: '2.000806', civil: 'commune', time: wd(10), fees: [HO_TICH_BY_PROVINCE], legal: HO_TICH_LEGAL },
  { code: '2.000528', civil: 'commune', time: wd(1), fees: [HO_TICH_BY_PROVINCE], legal: HO_TICH_LEGAL },
  { code: '1.001766', civil: 'commune', time: wd(3), fees: [HO_TICH_BY_PROVINCE], legal: HO_TICH_LEGAL },
  { code: '1.000593', civil: 'mobile', fees: [fee('fee', 0, 'Miễn lệ phí.')], legal: HO_TICH_LEGAL },
  { code: '1.005461', civil: 'commune', time: wd(5), fees: [HO_TICH_BY_PROVINCE], legal: HO_TICH_LEGAL },
  { code: '1.003583', civil: 'mobile', fees: [fee('fee', 0, 'Miễn lệ phí.')], legal: HO_TICH_LEGAL },
  { code: '1.000419', civil: 'mobile', fees: [fee('fee', 0, 'Miễn lệ phí.')], legal: HO_TICH_LEGAL },

  // ---- Hộ tịch at Vietnamese missions abroad (central level); fees are published in US dollars
  { code: '1.001020', civil: 'abroad', legal: NGOAI_GIAO_LEGAL },
  {
    code: '2.000682',
    civil: 'abroad',
    legal: NGOAI_GIAO_LEGAL,
    // The published list is one paragraph holding every document; split here.
    documents: [
      {
        name: 'Giấy tờ phải nộp',
        documents: [
          doc('Tờ khai đăng ký kết hôn theo mẫu; hai bên nam, nữ có thể khai chung một Tờ khai', 1, 0),
          doc('Giấy tờ chứng minh tình trạng hôn nhân của bên công dân Việt Nam: Giấy xác nhận tình trạng hôn nhân do Ủy ban nhân dân cấp xã nơi thường trú trước khi xuất cảnh cấp, hoặc do Cơ quan đại diện nơi đã cư trú cấp; người thường trú ở nước ngoài nộp giấy tờ do nước nơi thường trú cấp', 1, 0),
          doc('Giấy xác nhận của tổ chức y tế cấp không quá 06 tháng, xác nhận không mắc bệnh tâm thần hoặc bệnh khác mà không có khả năng nhận thức, làm chủ hành vi', 1, 0),
          doc('Giấy tờ chứng minh tình trạng hôn nhân của bên người nước ngoài, xác nhận hiện tại không có vợ hoặc không có chồng (trường hợp kết hôn với người nước ngoài)', 1, 0, false),
          doc('Trích lục ghi chú ly hôn (trường hợp đã ly hôn hoặc hủy việc kết hôn tại cơ quan có thẩm quyền nước ngoài)', 0, 1, false),
        ],
      },
      {
        name: 'Giấy tờ phải xuất trình',
        documents: [ID_DOC_ABROAD, doc('Giấy tờ chứng minh nơi cư trú để xác định thẩm quyền', 1, 0)],
      },
    ],
  },
  { code: '2.000527', civil: 'abroad', legal: NGOAI_GIAO_LEGAL },
  {
    code: '2.000689',
    civil: 'abroad',
    legal: NGOAI_GIAO_LEGAL,
    documents: [
      {
        name: 'Giấy tờ phải nộp',
        documents: [
          doc('Tờ khai cấp Giấy xác nhận tình trạng hôn nhân theo mẫu', 1, 0),
          doc('Bản sao giấy tờ ly hôn đã có hiệu lực pháp luật, hoặc bản sao Giấy chứng tử của vợ, chồng (trường hợp đã có vợ hoặc chồng)', 0, 1, false),
          doc('Giấy xác nhận tình trạng hôn nhân do Ủy ban nhân dân cấp xã nơi thường trú trước khi xuất cảnh cấp (trường hợp đề nghị cấp để kết hôn tại cơ quan có thẩm quyền nước ngoài)', 1, 0, false),
        ],
      },
      {
        name: 'Giấy tờ phải xuất trình',
        documents: [ID_DOC_ABROAD, doc('Giấy tờ chứng minh nơi cư trú để xác định thẩm quyền', 1, 0)],
      },
    ],
  },
  {
    code: '1.000797',
    civil: 'abroad',
    legal: NGOAI_GIAO_LEGAL,
    patch: (r) => {
      // The published note and "requirements" belong to other procedures; the first step repeats
      // the procedure's name.
      for (const c of r.channelDetails) delete c.note;
      r.requirements = '';
      const first = r.steps[0];
      if (first) first.description = first.description.split('\n').slice(1).join('\n');
    },
  },
  { code: '1.000578', civil: 'abroad', legal: [...NGOAI_GIAO_LEGAL, '281/2016/TT-BTC'] },

  // ---- Cư trú (residence), commune police. Fees: online is cheaper (Thông tư 75/2022/TT-BTC).
  {
    code: '1.004222',
    documents: [
      {
        name: 'Chỗ ở hợp pháp thuộc quyền sở hữu của mình',
        documents: [
          doc('Tờ khai thay đổi thông tin cư trú (Mẫu CT01); khi nộp trực tuyến: biểu mẫu điện tử', 1, 0),
          doc('Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp (không phải nộp nếu thông tin đã có trong cơ sở dữ liệu)', 0, 1),
        ],
      },
      {
        name: 'Về ở với vợ, chồng, cha, mẹ, con hoặc người thân tại chỗ ở của họ',
        documents: [
          doc('Tờ khai thay đổi thông tin cư trú (Mẫu CT01), ghi rõ ý kiến đồng ý của chủ hộ, chủ sở hữu chỗ ở hợp pháp', 1, 0),
          doc('Giấy tờ, tài liệu chứng minh quan hệ nhân thân với chủ hộ, thành viên hộ gia đình (không phải nộp nếu thông tin đã có trong Cơ sở dữ liệu quốc gia về dân cư)', 0, 1),
        ],
      },
      {
        name: 'Chỗ ở hợp pháp do thuê, mượn, ở nhờ',
        documents: [
          doc('Tờ khai thay đổi thông tin cư trú (Mẫu CT01), ghi rõ ý kiến đồng ý của chủ sở hữu chỗ ở hợp pháp hoặc người được ủy quyền', 1, 0),
          doc('Hợp đồng hoặc văn bản cho thuê, cho mượn, cho ở nhờ (không bắt buộc công chứng, chứng thực)', 0, 1),
          doc('Giấy tờ, tài liệu chứng minh đủ diện tích nhà ở tối thiểu theo quy định của Hội đồng nhân dân cấp tỉnh', 0, 1),
        ],
      },
    ],
    fees: {
      online: [fee('fee', 10000, 'Lệ phí đăng ký thường trú nộp trực tuyến: 10.000 đồng/lần; miễn cho các đối tượng tại Điều 4 Thông tư 75/2022/TT-BTC.')],
      'in-person': [fee('fee', 20000, 'Lệ phí đăng ký thường trú nộp trực tiếp: 20.000 đồng/lần; miễn cho các đối tượng tại Điều 4 Thông tư 75/2022/TT-BTC.')],
    },
    legal: CU_TRU_LEGAL,
  },
  {
    code: '1.004194',
    fees: {
      online: [fee('fee', 7000, 'Lệ phí đăng ký tạm trú nộp trực tuyến: 7.000 đồng/lần (theo danh sách: 5.000 đồng/người/lần).')],
      'in-person': [fee('fee', 15000, 'Lệ phí đăng ký tạm trú nộp trực tiếp: 15.000 đồng/lần (theo danh sách: 10.000 đồng/người/lần).')],
    },
    legal: CU_TRU_LEGAL,
  },
  {
    code: '1.002755',
    fees: {
      online: [fee('fee', 7000, 'Lệ phí gia hạn tạm trú nộp trực tuyến: 7.000 đồng/lần (theo danh sách: 5.000 đồng/người/lần).')],
      'in-person': [fee('fee', 15000, 'Lệ phí gia hạn tạm trú nộp trực tiếp: 15.000 đồng/lần (theo danh sách: 10.000 đồng/người/lần).')],
    },
    legal: CU_TRU_LEGAL,
  },
  { code: '1.003677', legal: CU_TRU_LEGAL },
  { code: '2.001159', legal: CU_TRU_LEGAL },
  { code: '1.010041', fees: [fee('fee', 0, 'Không thu lệ phí.')], legal: CU_TRU_LEGAL },
  { code: '1.003197', legal: CU_TRU_LEGAL },
  {
    code: '1.010038',
    fees: {
      online: [fee('fee', 5000, 'Lệ phí tách hộ nộp trực tuyến: 5.000 đồng/lần.')],
      'in-person': [fee('fee', 10000, 'Lệ phí tách hộ nộp trực tiếp: 10.000 đồng/lần.')],
    },
    legal: CU_TRU_LEGAL,
  },
  { code: '1.013314', fees: [fee('fee', 0, 'Không thu lệ phí.')], legal: CU_TRU_LEGAL },
  { code: '1.010039', legal: CU_TRU_LEGAL },
  { code: '1.010040', legal: CU_TRU_LEGAL },

  // ---- Xuất nhập cảnh: permanent residence cards for foreigners (fee in US dollars)
  { code: '1.115403', legal: ['23/2023/QH15', '327/2025/NĐ-CP', '28/2026/TT-BTC'] },
  { code: '1.115404', legal: ['23/2023/QH15', '327/2025/NĐ-CP'], extraLegal: [law('28/2026/TT-BTC')] },

  // ---- Doanh nghiệp, lao động
  {
    code: '2.001610',
    documents: [
      {
        name: 'Hồ sơ đăng ký doanh nghiệp tư nhân',
        documents: [
          doc('Giấy đề nghị đăng ký doanh nghiệp theo mẫu', 1, 0),
          doc('Bản sao giấy tờ pháp lý của cá nhân đối với chủ doanh nghiệp tư nhân (không phải nộp nếu đã kê khai số định danh cá nhân)', 0, 1),
          doc('Văn bản ủy quyền cho cá nhân nộp hồ sơ (không bắt buộc công chứng, chứng thực)', 1, 0, false),
        ],
      },
      {
        name: 'Thành lập trên cơ sở chuyển đổi từ hộ kinh doanh, nộp thêm',
        documents: [doc('Bản sao Giấy chứng nhận đăng ký hộ kinh doanh', 0, 1)],
      },
      {
        name: 'Doanh nghiệp xã hội, nộp thêm',
        documents: [doc('Cam kết thực hiện mục tiêu xã hội, môi trường có chữ ký của chủ doanh nghiệp tư nhân', 1, 0)],
      },
    ],
    fees: [fee('charge', 100000, 'Phí công bố nội dung đăng ký doanh nghiệp: 100.000 đồng/lần.')],
    legal: ['59/2020/QH14', '76/2025/QH15', '168/2025/NĐ-CP', '68/2025/TT-BTC', '47/2019/TT-BTC'],
    patch: (r) => {
      r.levels = ['province'];
      r.agencyDetails.executing = ['Phòng Đăng ký kinh doanh, Sở Tài chính'];
      r.eligibility = ['Công dân Việt Nam', 'Người Việt Nam định cư ở nước ngoài', 'Người nước ngoài'];
      r.results = ['Giấy chứng nhận đăng ký doanh nghiệp', 'Thông báo sửa đổi, bổ sung hồ sơ hoặc văn bản từ chối (nêu rõ lý do)'];
    },
  },
  {
    code: '2.001955',
    legal: ['45/2019/QH14', '145/2020/NĐ-CP', '129/2025/NĐ-CP'],
    fees: [fee('fee', 0, 'Không thu phí, lệ phí.')],
    patch: (r) => {
      r.agencyDetails.executing = ['Cơ quan chuyên môn về nội vụ thuộc Ủy ban nhân dân cấp tỉnh (hoặc cấp xã nếu được ủy quyền)'];
    },
  },

  // ---- Xây dựng (construction)
  {
    code: '1.013225',
    name: 'Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp IV và nhà ở riêng lẻ',
    time: wd(10, 'Nhà ở riêng lẻ: không quá 07 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.'),
    fees: BUILDING_PERMIT_FEE,
    legal: XAY_DUNG_LEGAL,
    documents: [
      {
        name: 'Hồ sơ đề nghị cấp giấy phép xây dựng',
        documents: [
          doc('Đơn đề nghị cấp giấy phép xây dựng theo Mẫu số 1 Phụ lục II Nghị định số 175/2024/NĐ-CP', 1, 0),
          doc('Một trong những giấy tờ hợp pháp về đất đai theo Điều 53 Nghị định số 175/2024/NĐ-CP, như Giấy chứng nhận quyền sử dụng đất (không phải nộp khi đã có trong Cơ sở dữ liệu quốc gia về đất đai)', 0, 1),
          doc('02 bộ bản vẽ thiết kế xây dựng (mặt bằng, mặt đứng, mặt cắt, móng và sơ đồ đấu nối hạ tầng kỹ thuật)', 2, 0),
          doc('Quyết định phê duyệt dự án, văn bản thông báo kết quả thẩm định của cơ quan chuyên môn về xây dựng và bản vẽ thiết kế cơ sở đã đóng dấu (đối với công trình thuộc dự án)', 0, 1, false),
          doc('Văn bản của cơ quan quản lý nhà nước về văn hóa về sự cần thiết xây dựng và quy mô công trình (công trình tín ngưỡng, tôn giáo thuộc dự án tu bổ di tích)', 1, 0, false),
        ],
      },
    ],
    steps: [
      step('Bước 1: Nộp hồ sơ', 'Chủ đầu tư nộp hồ sơ tại Trung tâm Phục vụ hành chính công cấp xã, qua bưu chính hoặc trực tuyến.'),
      step('Bước 2: Thẩm định', 'Trong 07 ngày làm việc kể từ ngày tiếp nhận, cơ quan cấp phép thẩm định hồ sơ, kiểm tra thực địa; nếu thiếu thì thông báo một lần bằng văn bản để chủ đầu tư bổ sung.'),
      step('Bước 3: Lấy ý kiến', 'Khi cần, cơ quan cấp phép lấy ý kiến các cơ quan quản lý nhà nước liên quan về các điều kiện cấp phép.'),
      step('Bước 4: Cấp giấy phép', 'Trong 10 ngày làm việc (07 ngày làm việc với nhà ở riêng lẻ) kể từ ngày nhận đủ hồ sơ hợp lệ, Ủy ban nhân dân cấp xã xem xét cấp giấy phép xây dựng; trường hợp từ chối phải trả lời bằng văn bản, nêu rõ lý do.'),
    ],
    patch: (r) => {
      r.results = ['Giấy phép xây dựng kèm hồ sơ thiết kế có đóng dấu của cơ quan cấp phép'];
    },
  },
  {
    code: '1.013236',
    name: 'Cấp giấy phép xây dựng mới đối với công trình cấp đặc biệt, cấp I, cấp II',
    fees: BUILDING_PERMIT_FEE,
    legal: XAY_DUNG_LEGAL,
    extraLegal: [law('50/2014/QH13'), law('175/2024/NĐ-CP')],
    patch: (r) => {
      // The published cases repeat the same documents for six kinds of works; the two common ones stay.
      r.documentCases = r.documentCases.slice(0, 2);
      r.results = ['Giấy phép xây dựng kèm hồ sơ thiết kế có đóng dấu của cơ quan cấp phép'];
    },
  },
  { code: '1.013227', name: 'Gia hạn giấy phép xây dựng đối với công trình cấp III, cấp IV và nhà ở riêng lẻ', fees: BUILDING_PERMIT_FEE, legal: XAY_DUNG_LEGAL },
  { code: '1.013228', name: 'Cấp lại giấy phép xây dựng đối với công trình cấp III, cấp IV và nhà ở riêng lẻ', fees: BUILDING_PERMIT_FEE, legal: XAY_DUNG_LEGAL },
  {
    code: '1.009122',
    name: 'Cấp giấy phép xây dựng có thời hạn đối với công trình, nhà ở riêng lẻ (công trình cấp III, cấp IV) tại thành phố Đà Nẵng',
    legal: ['50/2014/QH13', '62/2020/QH14', '57/2016/NQ-HĐND', '38/2021/QĐ-UBND'],
    patch: (r) => {
      // The published list for houses starts at item 2: item 1, the application, is the same as
      // in the other cases.
      const houses = r.documentCases.find((c) => /nhà ở riêng lẻ/u.test(c.name));
      houses?.documents.unshift(doc('Đơn đề nghị cấp giấy phép xây dựng có thời hạn theo mẫu', 1, 0));
      r.results = ['Giấy phép xây dựng có thời hạn'];
      r.eligibility = ['Công dân Việt Nam', ...r.eligibility];
      for (const c of r.channelDetails) {
        const house = c.processingTime.value === 10;
        c.fees = [fee('fee', house ? 50000 : 100000, house ? 'Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ: 50.000 đồng/giấy phép.' : 'Lệ phí cấp giấy phép xây dựng công trình: 100.000 đồng/giấy phép.')];
        c.note = house ? 'Nhà ở riêng lẻ tại đô thị: không quá 10 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.' : 'Công trình: không quá 15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.';
      }
    },
  },

  // ---- Đất đai (land), provincial and commune procedures as published by three provinces
  { code: '1.115728', time: wd(3, 'Không tính thời gian xác định và thực hiện nghĩa vụ tài chính về đất đai. ' + MOUNTAIN_EXTRA), fees: LAND_FEES, legal: DAT_DAI_LEGAL },
  { code: '1.115750', time: wd(3, 'Không tính thời gian xác định và thực hiện nghĩa vụ tài chính về đất đai.'), fees: LAND_FEES, legal: DAT_DAI_LEGAL },
  {
    code: '1.115733',
    time: wd(5, MOUNTAIN_EXTRA),
    fees: LAND_FEES,
    legal: DAT_DAI_LEGAL,
    patch: (r) => {
      // The second published case (a project's cadastral extract) belongs to another procedure.
      r.documentCases = r.documentCases.slice(0, 1);
    },
  },
  { code: '1.115712', time: wd(10, `Không tính thời gian niêm yết thông báo mất Giấy chứng nhận tại Ủy ban nhân dân cấp xã và thời gian đăng tin. ${MOUNTAIN_EXTRA}`), fees: LAND_FEES, legal: DAT_DAI_LEGAL },
  { code: '1.115727', time: wd(15, MOUNTAIN_EXTRA), fees: LAND_FEES, legal: DAT_DAI_LEGAL },
  {
    code: '1.115743',
    time: { time: { value: 15, unit: 'days' }, note: 'Không quá 15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.' },
    fees: [provinceFee('charge', 'Phí thẩm định hồ sơ: mức do Hội đồng nhân dân cấp tỉnh quy định.')],
    legal: DAT_DAI_LEGAL,
  },
  { code: '1.115723', time: wd(10, MOUNTAIN_EXTRA), fees: LAND_FEES, legal: DAT_DAI_LEGAL },
  {
    code: '1.115715',
    time: text('Trong ngày làm việc nhận đủ hồ sơ xóa nợ; hồ sơ nhận sau 15 giờ thì giải quyết trong ngày làm việc tiếp theo.'),
    fees: [provinceFee('fee', 'Mức do Hội đồng nhân dân cấp tỉnh quy định.')],
    legal: DAT_DAI_LEGAL,
  },
  { code: '1.115795', legal: DAT_DAI_LEGAL },
  {
    code: '1.115649',
    patch: (r) => {
      // The first published case repeats the second one's documents under a heading that is a note.
      r.documentCases = r.documentCases.slice(-1).map((c) => ({ ...c, name: 'Thành phần hồ sơ' }));
    },
    fees: [fee('charge', null, 'Phí thẩm định hồ sơ theo Nghị quyết số 34/2025/NQ-HĐND của Hội đồng nhân dân thành phố Hải Phòng.')],
    legal: [...DAT_DAI_LEGAL, '34/2025/NQ-HĐND'],
  },
  { code: '1.115753', time: wd(10), fees: LAND_FEES, legal: DAT_DAI_LEGAL },
  { code: '1.115744', time: wd(20, MOUNTAIN_EXTRA), fees: [fee('fee', 0, 'Không thu phí, lệ phí.')], legal: DAT_DAI_LEGAL },
];

function applyFees(record: ProcedureRecord, fees: Fees): void {
  for (const c of record.channelDetails) {
    const lines = Array.isArray(fees) ? fees : (fees[c.channel] ?? c.fees);
    c.fees = lines.map((f) => ({ ...f }));
  }
}

async function curatedFromDetail(pick: Pick): Promise<ProcedureRecord> {
  const raw: unknown = JSON.parse(await readFile(path.join(dataDir, 'details', `${pick.code}.json`), 'utf8'));
  const record = tidy(fromDetail(raw));
  if (pick.name) record.name = pick.name;
  if (pick.time) {
    for (const c of record.channelDetails) {
      c.processingTime = { ...pick.time.time };
      if (pick.time.note) c.note = pick.time.note;
      else delete c.note;
    }
  }
  if (pick.fees) applyFees(record, pick.fees);
  // One channel row per channel unless the rows differ (the portal repeats rows per case).
  const seen = new Set<string>();
  record.channelDetails = record.channelDetails.filter((c) => {
    const key = JSON.stringify(c);
    return seen.has(key) ? false : (seen.add(key), true);
  });
  record.legalBasis = keepLegal(record, pick.legal ?? [], pick.extraLegal);
  if (record.legalBasis.length === 0) throw new Error(`${pick.code}: no legal basis kept`);
  if (pick.civil) normaliseCivilStatus(record, pick.civil === 'abroad', pick.civil === 'commune');
  if (pick.civil === 'commune') record.steps = civilSteps(record.results[0] ?? 'kết quả');
  if (pick.documents) record.documentCases = pick.documents;
  if (pick.steps) record.steps = pick.steps;
  pick.patch?.(record);
  return record;
}

// ---------------------------------------------------------------------------------------------
// Hand-written records: procedures with no detail file, from the laws cited in each.

const CHANNELS_3: readonly Channel[] = ['online', 'in-person', 'postal'];

function sameOnChannels(channels: readonly Channel[], time: { time: ProcessingTime; note?: string }, fees: FeeLine[]): ChannelDetail[] {
  return channels.map((channel) => {
    const detail: ChannelDetail = { channel, processingTime: { ...time.time }, fees: fees.map((f) => ({ ...f })) };
    if (time.note) detail.note = time.note;
    return detail;
  });
}

const CERTIFICATION_LEGAL: LegalBasis[] = [
  { number: '23/2015/NĐ-CP', title: 'Nghị định về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch', issuer: 'Chính phủ', issuedOn: '2015-02-16', effectiveFrom: '2015-04-10' },
  { number: '01/2020/TT-BTP', title: 'Thông tư quy định chi tiết, hướng dẫn thi hành một số điều của Nghị định số 23/2015/NĐ-CP', issuer: 'Bộ trưởng Bộ Tư pháp', issuedOn: '2020-03-03', effectiveFrom: null },
  { number: '226/2016/TT-BTC', title: 'Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí chứng thực', issuer: 'Bộ Tài chính', issuedOn: '2016-11-11', effectiveFrom: null },
];
const CERTIFICATION_FIELD = { code: 'chung-thuc', name: 'Chứng thực' };
const CERTIFICATION_AGENCIES = { executing: ['Ủy ban nhân dân cấp xã', 'Tổ chức hành nghề công chứng'], competent: [], authorised: [], coordinating: [] };
const SAME_DAY_CERT = 'Trong ngày tiếp nhận yêu cầu, hoặc trong ngày làm việc tiếp theo nếu tiếp nhận sau 15 giờ.';

const IDENTITY_LEGAL: LegalBasis[] = [
  { number: '26/2023/QH15', title: 'Luật Căn cước', issuer: 'Quốc hội', issuedOn: '2023-11-27', effectiveFrom: '2024-07-01' },
  { number: '70/2024/NĐ-CP', title: 'Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Căn cước', issuer: 'Chính phủ', issuedOn: '2024-06-25', effectiveFrom: '2024-07-01' },
  { number: '17/2024/TT-BCA', title: 'Thông tư quy định chi tiết một số điều và biện pháp thi hành Luật Căn cước', issuer: 'Bộ trưởng Bộ Công an', issuedOn: '2024-05-15', effectiveFrom: null },
];
const IDENTITY_FIELD = { code: 'cap-quan-ly-can-cuoc', name: 'Cấp, quản lý căn cước' };

const PASSPORT_LEGAL: LegalBasis[] = [
  { number: '49/2019/QH14', title: 'Luật Xuất cảnh, nhập cảnh của công dân Việt Nam', issuer: 'Quốc hội', issuedOn: '2019-11-22', effectiveFrom: '2020-07-01' },
  law('23/2023/QH15'),
  { number: '25/2021/TT-BTC', title: 'Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí, lệ phí trong lĩnh vực xuất cảnh, nhập cảnh, quá cảnh, cư trú tại Việt Nam', issuer: 'Bộ Tài chính', issuedOn: '2021-04-07', effectiveFrom: null },
];
const PASSPORT_FEE = fee('fee', 200000, 'Lệ phí cấp mới hộ chiếu: 200.000 đồng/lần; cấp lại do bị hỏng hoặc bị mất: 400.000 đồng/lần.');
const PASSPORT_DOCUMENTS: DocumentCase[] = [
  {
    name: 'Hồ sơ đề nghị cấp hộ chiếu',
    documents: [
      doc('Tờ khai đề nghị cấp hộ chiếu theo mẫu (khi nộp trực tuyến: khai trên Cổng Dịch vụ công)', 1, 0),
      doc('02 ảnh chân dung mới chụp, phông nền trắng (không phải nộp khi cơ quan thu nhận ảnh trực tiếp hoặc khi nộp trực tuyến)', 2, 0, false),
      doc('Hộ chiếu đã cấp lần gần nhất (đối với người đề nghị cấp hộ chiếu từ lần thứ hai)', 1, 0, false),
      doc('Bản chụp Giấy khai sinh hoặc trích lục khai sinh (đối với trẻ em dưới 14 tuổi)', 0, 1, false),
      doc('Bản sao giấy tờ chứng minh người đại diện hợp pháp (đối với người dưới 14 tuổi, người mất hoặc hạn chế năng lực hành vi dân sự)', 0, 1, false),
    ],
  },
];

const BUSINESS_LEGAL = (): LegalBasis[] => [law('59/2020/QH14'), law('76/2025/QH15'), law('168/2025/NĐ-CP'), law('68/2025/TT-BTC'), law('47/2019/TT-BTC')];

const HAND_WRITTEN: ProcedureRecord[] = [
  {
    code: '3.000333',
    name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam, người Việt Nam đang cư trú ở nước ngoài',
    field: { code: 'ly-lich-tu-phap', name: 'Lý lịch tư pháp' },
    levels: ['province'],
    onlineLevel: 'full',
    promulgatedBy: 'Bộ Công an',
    agencyDetails: { executing: ['Công an cấp tỉnh'], competent: ['Công an cấp tỉnh'], authorised: [], coordinating: [] },
    channelDetails: sameOnChannels(
      CHANNELS_3,
      {
        time: { value: 10, unit: 'days' },
        note: 'Không quá 10 ngày kể từ ngày nhận được yêu cầu hợp lệ; không quá 15 ngày đối với công dân Việt Nam đã cư trú ở nhiều nơi hoặc có thời gian cư trú ở nước ngoài, người nước ngoài, hoặc khi phải xác minh về điều kiện đương nhiên được xóa án tích.',
      },
      [
        fee(
          'charge',
          200000,
          'Phí cung cấp thông tin lý lịch tư pháp: 200.000 đồng/lần/người; sinh viên, người có công với cách mạng, thân nhân liệt sĩ: 100.000 đồng/lần/người. Miễn phí cho trẻ em, người cao tuổi, người khuyết tật, người thuộc hộ nghèo, người cư trú tại xã đặc biệt khó khăn. Từ Phiếu thứ 3 trở đi: thêm 5.000 đồng/Phiếu.',
        ),
      ],
    ),
    documentCases: [
      {
        name: 'Hồ sơ yêu cầu cấp Phiếu lý lịch tư pháp',
        documents: [
          doc('Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp theo mẫu (Phiếu số 1 hoặc Phiếu số 2)', 1, 0),
          doc('Bản chụp thẻ Căn cước, thẻ Căn cước công dân hoặc hộ chiếu còn giá trị của người được cấp Phiếu', 0, 1),
          doc('Bản chụp giấy tờ chứng minh nơi thường trú hoặc tạm trú (chỉ khi không khai thác được thông tin cư trú từ Cơ sở dữ liệu quốc gia về dân cư)', 0, 1, false),
          doc('Văn bản ủy quyền (khi ủy quyền làm thủ tục cấp Phiếu số 1; không cần nếu người được ủy quyền là cha, mẹ, vợ, chồng, con của người ủy quyền)', 1, 0, false),
          doc('Giấy tờ chứng minh thuộc đối tượng được miễn hoặc giảm phí (nếu có)', 0, 1, false),
        ],
      },
    ],
    steps: [
      step('Bước 1: Nộp hồ sơ', 'Người yêu cầu nộp tờ khai và giấy tờ kèm theo trực tuyến trên Cổng Dịch vụ công quốc gia hoặc ứng dụng VNeID, hoặc nộp trực tiếp, qua bưu chính tại cơ quan tiếp nhận của Công an cấp tỉnh nơi thường trú, tạm trú (người đang cư trú ở nước ngoài: nơi cư trú trước khi xuất cảnh).'),
      step('Bước 2: Tiếp nhận và nộp phí', 'Cơ quan tiếp nhận kiểm tra hồ sơ, thu phí và cấp giấy hẹn; hồ sơ chưa đầy đủ thì hướng dẫn bổ sung.'),
      step('Bước 3: Tra cứu, xác minh', 'Cơ quan cấp Phiếu tra cứu Cơ sở dữ liệu lý lịch tư pháp và xác minh thông tin về án tích, về việc cấm đảm nhiệm chức vụ, thành lập, quản lý doanh nghiệp, hợp tác xã khi cần.'),
      step('Bước 4: Nhận Phiếu', 'Người yêu cầu nhận Phiếu lý lịch tư pháp trực tiếp hoặc qua dịch vụ bưu chính theo địa chỉ đã đăng ký.'),
    ],
    eligibility: ['Công dân Việt Nam', 'Người nước ngoài cư trú tại Việt Nam', 'Người Việt Nam định cư ở nước ngoài'],
    requirements: 'Phiếu lý lịch tư pháp số 1 cấp cho cá nhân và cho cơ quan, tổ chức có yêu cầu; Phiếu lý lịch tư pháp số 2 chỉ cấp cho chính người được cấp Phiếu và cơ quan tiến hành tố tụng, không được ủy quyền làm thủ tục.',
    results: ['Phiếu lý lịch tư pháp số 1', 'Phiếu lý lịch tư pháp số 2'],
    legalBasis: [
      { number: '28/2009/QH12', title: 'Luật Lý lịch tư pháp', issuer: 'Quốc hội', issuedOn: '2009-06-17', effectiveFrom: '2010-07-01' },
      { number: '111/2010/NĐ-CP', title: 'Nghị định quy định chi tiết và hướng dẫn thi hành một số điều của Luật Lý lịch tư pháp', issuer: 'Chính phủ', issuedOn: '2010-11-23', effectiveFrom: null },
      { number: '244/2016/TT-BTC', title: 'Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí cung cấp thông tin lý lịch tư pháp', issuer: 'Bộ Tài chính', issuedOn: '2016-11-11', effectiveFrom: '2017-01-01' },
    ],
  },
  {
    code: '1.001456',
    name: 'Cấp hộ chiếu phổ thông ở trong nước (thực hiện tại cấp tỉnh)',
    field: { code: 'G01-CA11', name: 'Quản lý xuất nhập cảnh' },
    levels: ['province'],
    onlineLevel: 'full',
    promulgatedBy: 'Bộ Công an',
    agencyDetails: { executing: ['Phòng Quản lý xuất nhập cảnh, Công an cấp tỉnh'], competent: ['Công an cấp tỉnh'], authorised: [], coordinating: [] },
    channelDetails: sameOnChannels(['online', 'in-person'], wd(8, 'Kể từ ngày nhận đủ hồ sơ; hộ chiếu được trả trực tiếp hoặc qua dịch vụ bưu chính theo yêu cầu.'), [PASSPORT_FEE]),
    documentCases: PASSPORT_DOCUMENTS,
    steps: [
      step('Bước 1: Nộp hồ sơ', 'Người đề nghị nộp hồ sơ trực tiếp tại Phòng Quản lý xuất nhập cảnh Công an cấp tỉnh, hoặc trực tuyến trên Cổng Dịch vụ công quốc gia, Cổng Dịch vụ công Bộ Công an (đăng nhập bằng tài khoản định danh điện tử).'),
      step('Bước 2: Tiếp nhận và nộp lệ phí', 'Cán bộ kiểm tra hồ sơ, thu nhận ảnh và thông tin; hồ sơ hợp lệ thì thu lệ phí và cấp giấy hẹn.'),
      step('Bước 3: Nhận hộ chiếu', 'Nhận hộ chiếu tại nơi nộp hồ sơ hoặc qua dịch vụ bưu chính (người nhận trả phí chuyển phát).'),
    ],
    eligibility: ['Công dân Việt Nam'],
    requirements: 'Người đề nghị cấp hộ chiếu lần đầu nộp tại Công an cấp tỉnh nơi thường trú hoặc tạm trú, hoặc nơi thuận lợi nếu có thẻ Căn cước công dân gắn chip; từ lần thứ hai: tại Công an cấp tỉnh nơi thuận lợi.',
    results: ['Hộ chiếu phổ thông'],
    legalBasis: PASSPORT_LEGAL,
  },
  {
    code: '1.001471',
    name: 'Cấp hộ chiếu phổ thông ở trong nước (thực hiện tại cấp trung ương)',
    field: { code: 'G01-CA11', name: 'Quản lý xuất nhập cảnh' },
    levels: ['central'],
    onlineLevel: 'full',
    promulgatedBy: 'Bộ Công an',
    agencyDetails: { executing: ['Cục Quản lý xuất nhập cảnh, Bộ Công an'], competent: ['Cục Quản lý xuất nhập cảnh, Bộ Công an'], authorised: [], coordinating: [] },
    channelDetails: sameOnChannels(['online', 'in-person'], wd(5, 'Kể từ ngày nhận đủ hồ sơ.'), [PASSPORT_FEE]),
    documentCases: PASSPORT_DOCUMENTS,
    steps: [
      step('Bước 1: Nộp hồ sơ', 'Người đề nghị nộp hồ sơ trực tiếp tại trụ sở Cục Quản lý xuất nhập cảnh (Hà Nội hoặc Thành phố Hồ Chí Minh) hoặc trực tuyến trên Cổng Dịch vụ công Bộ Công an.'),
      step('Bước 2: Tiếp nhận và nộp lệ phí', 'Cán bộ kiểm tra hồ sơ; hồ sơ hợp lệ thì thu lệ phí và cấp giấy hẹn.'),
      step('Bước 3: Nhận hộ chiếu', 'Nhận hộ chiếu tại Cục Quản lý xuất nhập cảnh hoặc qua dịch vụ bưu chính.'),
    ],
    eligibility: ['Công dân Việt Nam'],
    requirements: 'Cấp lần đầu tại Cục Quản lý xuất nhập cảnh khi: có giấy giới thiệu hoặc đề nghị của bệnh viện về việc ra nước ngoài khám, chữa bệnh; thân nhân ở nước ngoài bị tai nạn, bệnh tật, bị chết; có văn bản đề nghị của cơ quan trực tiếp quản lý; hoặc vì lý do nhân đạo, khẩn cấp khác. Từ lần thứ hai: không cần điều kiện.',
    results: ['Hộ chiếu phổ thông'],
    legalBasis: PASSPORT_LEGAL,
  },
  {
    code: '2.001583',
    name: 'Đăng ký thành lập công ty TNHH một thành viên',
    field: { code: 'G05-KD07', name: 'Thành lập và hoạt động của doanh nghiệp' },
    levels: ['province'],
    onlineLevel: 'full',
    promulgatedBy: 'Bộ Tài chính',
    agencyDetails: { executing: ['Phòng Đăng ký kinh doanh, Sở Tài chính'], competent: [], authorised: [], coordinating: [] },
    channelDetails: sameOnChannels(CHANNELS_3, wd(3, 'Kể từ ngày nhận đủ hồ sơ hợp lệ.'), [fee('charge', 100000, 'Phí công bố nội dung đăng ký doanh nghiệp: 100.000 đồng/lần.')]),
    documentCases: [
      {
        name: 'Hồ sơ đăng ký doanh nghiệp',
        documents: [
          doc('Giấy đề nghị đăng ký doanh nghiệp theo mẫu', 1, 0),
          doc('Điều lệ công ty', 1, 0),
          doc('Bản sao giấy tờ pháp lý của cá nhân đối với người đại diện theo pháp luật và chủ sở hữu là cá nhân (không phải nộp nếu đã kê khai số định danh cá nhân)', 0, 1),
          doc('Bản sao giấy tờ pháp lý của tổ chức, văn bản cử người đại diện theo ủy quyền (nếu chủ sở hữu là tổ chức)', 0, 1, false),
          doc('Bản sao Giấy chứng nhận đăng ký đầu tư (nếu chủ sở hữu là nhà đầu tư nước ngoài)', 0, 1, false),
          doc('Văn bản ủy quyền cho người nộp hồ sơ (không bắt buộc công chứng, chứng thực)', 1, 0, false),
        ],
      },
    ],
    steps: [
      step('Bước 1: Nộp hồ sơ', 'Người thành lập doanh nghiệp nộp hồ sơ trực tuyến trên Cổng thông tin quốc gia về đăng ký doanh nghiệp (ký số hoặc xác thực bằng tài khoản định danh điện tử), hoặc trực tiếp, qua bưu chính tại Phòng Đăng ký kinh doanh.'),
      step('Bước 2: Xử lý hồ sơ', 'Phòng Đăng ký kinh doanh xem xét tính hợp lệ của hồ sơ; hồ sơ chưa hợp lệ thì thông báo bằng văn bản nội dung cần sửa đổi, bổ sung.'),
      step('Bước 3: Nhận kết quả và công bố', 'Doanh nghiệp nhận Giấy chứng nhận đăng ký doanh nghiệp và công bố nội dung đăng ký trên Cổng thông tin quốc gia về đăng ký doanh nghiệp.'),
    ],
    eligibility: ['Công dân Việt Nam', 'Doanh nghiệp', 'Tổ chức (không bao gồm doanh nghiệp, HTX)', 'Doanh nghiệp có vốn đầu tư nước ngoài'],
    requirements: 'Ngành, nghề đăng ký kinh doanh không bị cấm đầu tư kinh doanh; tên doanh nghiệp đặt đúng quy định; hồ sơ hợp lệ; đã nộp đủ phí, lệ phí.',
    results: ['Giấy chứng nhận đăng ký doanh nghiệp'],
    legalBasis: BUSINESS_LEGAL(),
  },
  {
    code: '1.001612',
    name: 'Đăng ký thành lập hộ kinh doanh',
    field: { code: 'thanh-lap-va-hoat-dong-doanh-nghiep-ho-kinh-doanh', name: 'Thành lập và hoạt động doanh nghiệp (hộ kinh doanh)' },
    levels: ['commune'],
    onlineLevel: 'partial',
    promulgatedBy: 'Bộ Tài chính',
    agencyDetails: { executing: ['Ủy ban nhân dân cấp xã'], competent: ['Ủy ban nhân dân cấp xã'], authorised: [], coordinating: [] },
    channelDetails: sameOnChannels(CHANNELS_3, wd(3, 'Kể từ ngày nhận đủ hồ sơ hợp lệ.'), [provinceFee('fee', 'Lệ phí đăng ký hộ kinh doanh: mức do Hội đồng nhân dân cấp tỉnh quy định.')]),
    documentCases: [
      {
        name: 'Hồ sơ đăng ký hộ kinh doanh',
        documents: [
          doc('Giấy đề nghị đăng ký hộ kinh doanh theo mẫu', 1, 0),
          doc('Bản sao giấy tờ pháp lý của cá nhân đối với chủ hộ kinh doanh, thành viên hộ gia đình đăng ký hộ kinh doanh (không phải nộp nếu đã kê khai số định danh cá nhân)', 0, 1),
          doc('Bản sao biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh (trường hợp các thành viên hộ gia đình đăng ký hộ kinh doanh)', 0, 1, false),
          doc('Bản sao văn bản ủy quyền của thành viên hộ gia đình cho một thành viên làm chủ hộ kinh doanh (nếu có)', 0, 1, false),
        ],
      },
    ],
    steps: [
      step('Bước 1: Nộp hồ sơ', 'Chủ hộ kinh doanh hoặc người được ủy quyền nộp hồ sơ tại cơ quan đăng ký kinh doanh cấp xã nơi đặt trụ sở hộ kinh doanh, trực tiếp, qua bưu chính hoặc trực tuyến.'),
      step('Bước 2: Xử lý hồ sơ', 'Cơ quan đăng ký kinh doanh cấp xã kiểm tra hồ sơ; hồ sơ chưa hợp lệ thì thông báo bằng văn bản nội dung cần sửa đổi, bổ sung.'),
      step('Bước 3: Nhận kết quả', 'Người nộp hồ sơ nhận Giấy chứng nhận đăng ký hộ kinh doanh.'),
    ],
    eligibility: ['Công dân Việt Nam'],
    requirements: 'Ngành, nghề đăng ký kinh doanh không bị cấm đầu tư kinh doanh; tên hộ kinh doanh đặt đúng quy định; hồ sơ hợp lệ; đã nộp đủ lệ phí.',
    results: ['Giấy chứng nhận đăng ký hộ kinh doanh'],
    legalBasis: [law('168/2025/NĐ-CP'), law('68/2025/TT-BTC'), law('85/2019/TT-BTC')],
  },
  {
    code: '2.000815',
    name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam hoặc của nước ngoài cấp hoặc chứng nhận',
    field: CERTIFICATION_FIELD,
    levels: ['commune'],
    onlineLevel: 'partial',
    promulgatedBy: 'Bộ Tư pháp',
    agencyDetails: CERTIFICATION_AGENCIES,
    channelDetails: [
      ...sameOnChannels(['in-person'], text(SAME_DAY_CERT), [fee('charge', 2000, 'Phí chứng thực bản sao từ bản chính: 2.000 đồng/trang; từ trang thứ ba trở lên 1.000 đồng/trang, tối đa 200.000 đồng/bản.')]),
      ...sameOnChannels(['online'], text(SAME_DAY_CERT), [fee('charge', 2000, 'Chứng thực bản sao điện tử từ bản chính: 2.000 đồng/trang; từ trang thứ ba trở lên 1.000 đồng/trang, tối đa 200.000 đồng/bản.')]),
    ],
    documentCases: [
      {
        name: 'Giấy tờ xuất trình',
        documents: [
          doc('Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao (giấy tờ của nước ngoài phải được hợp pháp hóa lãnh sự, trừ trường hợp được miễn)', 1, 0),
          doc('Bản sao cần chứng thực (nếu người yêu cầu tự chuẩn bị bản chụp)', 0, 1, false),
        ],
      },
    ],
    steps: [
      step('Bước 1: Xuất trình', 'Người yêu cầu xuất trình bản chính và bản sao cần chứng thực tại Ủy ban nhân dân cấp xã hoặc tổ chức hành nghề công chứng.'),
      step('Bước 2: Đối chiếu, chứng thực', 'Người thực hiện chứng thực đối chiếu bản sao với bản chính, ghi lời chứng, ký, ghi rõ họ tên, đóng dấu và ghi vào sổ chứng thực.'),
      step('Bước 3: Nhận kết quả', 'Người yêu cầu nộp phí và nhận bản sao đã được chứng thực.'),
    ],
    eligibility: ['Công dân Việt Nam', 'Người Việt Nam định cư ở nước ngoài', 'Doanh nghiệp', 'Tổ chức (không bao gồm doanh nghiệp, HTX)'],
    requirements: 'Bản chính không bị tẩy xóa, sửa chữa, thêm, bớt nội dung không hợp lệ; không bị hư hỏng, cũ nát đến mức không xác định được nội dung; không có nội dung trái pháp luật, đạo đức xã hội.',
    results: ['Bản sao được chứng thực từ bản chính'],
    legalBasis: CERTIFICATION_LEGAL,
  },
  {
    code: '2.000884',
    name: 'Chứng thực chữ ký trong các giấy tờ, văn bản (áp dụng cho cả trường hợp chứng thực điểm chỉ và trường hợp người yêu cầu chứng thực không thể ký, không thể điểm chỉ được)',
    field: CERTIFICATION_FIELD,
    levels: ['commune'],
    onlineLevel: 'none',
    promulgatedBy: 'Bộ Tư pháp',
    agencyDetails: CERTIFICATION_AGENCIES,
    channelDetails: sameOnChannels(['in-person'], text(SAME_DAY_CERT), [fee('charge', 10000, 'Phí chứng thực chữ ký: 10.000 đồng/trường hợp (một hoặc nhiều chữ ký trong cùng một giấy tờ, văn bản).')]),
    documentCases: [
      {
        name: 'Giấy tờ xuất trình',
        documents: [
          doc('Bản chính hoặc bản sao có chứng thực giấy tờ tùy thân còn giá trị sử dụng', 1, 0),
          doc('Giấy tờ, văn bản mà người yêu cầu sẽ ký (người yêu cầu phải ký trước mặt người thực hiện chứng thực)', 1, 0),
        ],
      },
    ],
    steps: [
      step('Bước 1: Xuất trình', 'Người yêu cầu xuất trình giấy tờ tùy thân và giấy tờ, văn bản cần chứng thực chữ ký.'),
      step('Bước 2: Ký trước mặt', 'Người yêu cầu ký (hoặc điểm chỉ) trước mặt người thực hiện chứng thực; người thực hiện ghi lời chứng, ký, đóng dấu và ghi vào sổ chứng thực.'),
      step('Bước 3: Nhận kết quả', 'Người yêu cầu nộp phí và nhận giấy tờ, văn bản đã được chứng thực chữ ký.'),
    ],
    eligibility: ['Công dân Việt Nam', 'Người Việt Nam định cư ở nước ngoài'],
    requirements: 'Người yêu cầu chứng thực phải có năng lực hành vi dân sự đầy đủ, có mặt và ký trước mặt người thực hiện chứng thực; giấy tờ, văn bản không có nội dung trái pháp luật, đạo đức xã hội.',
    results: ['Giấy tờ, văn bản đã được chứng thực chữ ký'],
    legalBasis: CERTIFICATION_LEGAL,
  },
  {
    code: '2.001035',
    name: 'Chứng thực giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất, nhà ở',
    field: CERTIFICATION_FIELD,
    levels: ['commune'],
    onlineLevel: 'none',
    promulgatedBy: 'Bộ Tư pháp',
    agencyDetails: { executing: ['Ủy ban nhân dân cấp xã'], competent: [], authorised: [], coordinating: [] },
    channelDetails: sameOnChannels(['in-person'], wd(2, 'Kể từ ngày nhận đủ hồ sơ; có thể kéo dài theo thỏa thuận bằng văn bản với người yêu cầu.'), [fee('charge', 50000, 'Phí chứng thực hợp đồng, giao dịch: 50.000 đồng/hợp đồng, giao dịch; sửa đổi, bổ sung: 30.000 đồng.')]),
    documentCases: [
      {
        name: 'Hồ sơ yêu cầu chứng thực',
        documents: [
          doc('Dự thảo hợp đồng, giao dịch', 1, 0),
          doc('Bản sao giấy tờ tùy thân của người yêu cầu chứng thực', 0, 1),
          doc('Bản sao Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở hoặc giấy tờ thay thế theo quy định (hợp đồng, giao dịch về bất động sản)', 0, 1),
        ],
      },
    ],
    steps: [
      step('Bước 1: Nộp hồ sơ', 'Người yêu cầu nộp hồ sơ tại Ủy ban nhân dân cấp xã nơi có bất động sản (hoặc nơi thuận tiện với động sản).'),
      step('Bước 2: Kiểm tra, ký', 'Người tiếp nhận kiểm tra hồ sơ; các bên ký vào hợp đồng, giao dịch trước mặt người thực hiện chứng thực.'),
      step('Bước 3: Chứng thực, trả kết quả', 'Người có thẩm quyền ghi lời chứng, ký, đóng dấu; người yêu cầu nộp phí và nhận hợp đồng, giao dịch đã được chứng thực.'),
    ],
    eligibility: ['Công dân Việt Nam', 'Doanh nghiệp', 'Tổ chức (không bao gồm doanh nghiệp, HTX)'],
    requirements: 'Các bên tham gia hợp đồng, giao dịch có năng lực hành vi dân sự, tự nguyện; đối tượng của hợp đồng, giao dịch có thật và không có nội dung trái pháp luật.',
    results: ['Hợp đồng, giao dịch được chứng thực'],
    legalBasis: CERTIFICATION_LEGAL,
  },
  {
    code: '1.014061',
    name: 'Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên',
    field: IDENTITY_FIELD,
    levels: ['commune'],
    onlineLevel: 'partial',
    promulgatedBy: 'Bộ Công an',
    agencyDetails: { executing: ['Công an cấp xã'], competent: [], authorised: [], coordinating: [] },
    channelDetails: sameOnChannels(['in-person', 'online'], wd(7, 'Kể từ ngày nhận đủ hồ sơ. Khi nộp trực tuyến, người đề nghị vẫn đến cơ quan quản lý căn cước để thu nhận ảnh khuôn mặt, vân tay và mống mắt.'), [fee('fee', 0, 'Không thu lệ phí khi cấp thẻ căn cước lần đầu.')]),
    documentCases: [
      {
        name: 'Giấy tờ',
        documents: [doc('Giấy tờ chứng minh thông tin cần điều chỉnh (chỉ khi thông tin trong Cơ sở dữ liệu quốc gia về dân cư chưa có hoặc chưa chính xác)', 1, 0, false)],
      },
    ],
    steps: [
      step('Bước 1: Đề nghị', 'Người đề nghị đến Công an cấp xã nơi cư trú (hoặc đăng ký trước trên ứng dụng VNeID, Cổng Dịch vụ công) để đề nghị cấp thẻ căn cước.'),
      step('Bước 2: Thu nhận thông tin', 'Cán bộ đối chiếu thông tin trong Cơ sở dữ liệu quốc gia về dân cư, thu nhận ảnh khuôn mặt, vân tay, mống mắt; người đề nghị kiểm tra, ký xác nhận thông tin.'),
      step('Bước 3: Nhận thẻ', 'Nhận thẻ căn cước tại nơi làm thủ tục hoặc qua dịch vụ bưu chính theo địa chỉ đã đăng ký.'),
    ],
    eligibility: ['Công dân Việt Nam'],
    requirements: 'Công dân Việt Nam từ đủ 14 tuổi trở lên có thông tin trong Cơ sở dữ liệu quốc gia về dân cư.',
    results: ['Thẻ căn cước'],
    legalBasis: IDENTITY_LEGAL,
  },
  {
    code: '1.014063',
    name: 'Cấp đổi thẻ căn cước',
    field: IDENTITY_FIELD,
    levels: ['commune'],
    onlineLevel: 'partial',
    promulgatedBy: 'Bộ Công an',
    agencyDetails: { executing: ['Công an cấp xã'], competent: [], authorised: [], coordinating: [] },
    channelDetails: sameOnChannels(['in-person', 'online'], wd(7, 'Kể từ ngày nhận đủ hồ sơ.'), [fee('fee', 30000, 'Lệ phí cấp đổi thẻ căn cước: 30.000 đồng/thẻ; không thu khi cấp đổi ở độ tuổi phải đổi thẻ (đủ 14, 25, 40, 60 tuổi) hoặc do sai sót của cơ quan quản lý.')]),
    documentCases: [
      {
        name: 'Giấy tờ',
        documents: [
          doc('Thẻ căn cước hoặc thẻ Căn cước công dân đang sử dụng (nộp lại khi nhận thẻ mới)', 1, 0),
          doc('Giấy tờ chứng minh thông tin thay đổi (khi đổi do thay đổi thông tin nhân thân)', 1, 0, false),
        ],
      },
    ],
    steps: [
      step('Bước 1: Đề nghị', 'Người đề nghị đến Công an cấp xã hoặc đăng ký trước trên ứng dụng VNeID, Cổng Dịch vụ công.'),
      step('Bước 2: Thu nhận thông tin', 'Cán bộ đối chiếu thông tin, thu nhận lại thông tin sinh trắc học khi cần, thu lệ phí và cấp giấy hẹn.'),
      step('Bước 3: Nhận thẻ', 'Nhận thẻ căn cước mới tại nơi làm thủ tục hoặc qua dịch vụ bưu chính.'),
    ],
    eligibility: ['Công dân Việt Nam'],
    requirements: 'Thẻ đến tuổi phải đổi (đủ 14, 25, 40, 60 tuổi), thay đổi thông tin nhân thân, xác lập lại số định danh cá nhân, thay đổi đặc điểm nhận dạng, xác định lại giới tính, thẻ bị hư hỏng, hoặc có sai sót thông tin.',
    results: ['Thẻ căn cước'],
    legalBasis: IDENTITY_LEGAL,
  },
];

// ---------------------------------------------------------------------------------------------

const records: ProcedureRecord[] = [];
for (const pick of PICKS) records.push(await curatedFromDetail(pick));
records.push(...HAND_WRITTEN);
records.sort((a, b) => a.field.name.localeCompare(b.field.name, 'vi') || a.code.localeCompare(b.code));

const codes = new Set<string>();
for (const record of records) {
  if (codes.has(record.code)) throw new Error(`Duplicate code ${record.code}`);
  codes.add(record.code);
}

const json = `${JSON.stringify(records, null, 2)}\n`;
await writeFile(outFile, json);
console.log(`Wrote ${records.length} procedures (${(json.length / 1024).toFixed(0)} kB) to ${path.relative(repoRoot, outFile)}`);
