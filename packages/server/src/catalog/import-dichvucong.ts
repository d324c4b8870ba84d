/**
 * Importer for the national public-service portal's published procedure data (the public
 * catalogue `catalog.jsonl` and the full `details/<code>.json` records) into the sandbox's stored
 * shape, {@link ProcedureRecord}.
 *
 * The portal's data is real-world data: empty strings, missing arrays, nulls, numbers published as
 * strings, HTML fragments, `\n` bullet lists, fees in thousands of đồng, free-text processing
 * times. Every reader here therefore takes `unknown` and falls back instead of throwing; only an
 * object that cannot be identified at all (no procedure code) is rejected.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';

import { foldVietnamese, procedureLevels, slugify } from '@dvc-kit/sdk';
import type { components } from '@dvc-kit/sdk';

import type { ProcedureRecord } from './record.ts';

type Schemas = components['schemas'];
type Level = Schemas['Level'];
type OnlineLevel = Schemas['OnlineLevel'];
type Channel = Schemas['Channel'];
type DurationUnit = Schemas['DurationUnit'];
type ProcessingTime = Schemas['ProcessingTime'];
type FeeKind = Schemas['FeeKind'];
type FeeLine = Schemas['FeeLine'];
type ChannelDetail = Schemas['ChannelDetail'];
type FieldRef = Schemas['FieldRef'];
type DocumentCase = Schemas['DocumentCase'];
type RequiredDocument = Schemas['RequiredDocument'];
type ProcedureStep = Schemas['ProcedureStep'];
type LegalBasis = Schemas['LegalBasis'];

// ---------------------------------------------------------------------------------------------
// Tolerant readers for `unknown` input.

type Obj = Record<string, unknown>;

function obj(value: unknown): Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Obj) : {};
}

function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A string as published (NFC so that regexes and folding see one spelling), '' for anything else. */
function str(value: unknown): string {
  if (typeof value === 'string') return value.normalize('NFC');
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/** A finite number, also from a numeric string ("7", "7,5"); null otherwise. */
function num(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') {
    const trimmed = value.trim().replace(',', '.');
    if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  }
  return null;
}

function nonNegativeInt(value: unknown): number {
  const n = num(value);
  return n !== null && n >= 0 ? Math.round(n) : 0;
}

/** A single-line clean string: HTML stripped, whitespace (line breaks included) collapsed. */
function line(value: unknown): string {
  return stripHtml(str(value)).replace(/\s+/g, ' ').trim();
}

/** Keeps the first spelling of each entry, comparing folded, whitespace-collapsed forms. */
function dedupe(values: Iterable<string>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    if (!value) continue;
    const key = foldVietnamese(value).replace(/\s+/g, ' ');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(value);
  }
  return out;
}

/** `name` of every object in an array (agency, result, subject lists share this shape). */
function names(value: unknown): string[] {
  return arr(value).map((item) => (typeof item === 'string' ? line(item) : line(obj(item).name)));
}

// ---------------------------------------------------------------------------------------------
// HTML

const NAMED_ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  bull: '•',
  middot: '·',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,8});/g, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      // Unassigned, surrogate or NUL code points would make an invalid string: drop them.
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '';
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

function removeTags(text: string): string {
  return (
    text
      // Script and style bodies are code, not text: drop them with their content.
      .replace(/<(script|style|noscript|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<(script|style|noscript|template)\b[\s\S]*$/gi, '')
      .replace(/<!--[\s\S]*?(-->|$)/g, '')
      // Block boundaries become line breaks so bullets and paragraphs stay readable.
      .replace(/<li\b[^>]*>/gi, '\n- ')
      .replace(/<(br|p|div|tr|h[1-6]|ul|ol|table|blockquote)\b[^>]*>/gi, '\n')
      .replace(/<\/(p|div|tr|h[1-6]|ul|ol|table|blockquote)\s*>/gi, '\n')
      .replace(/<\/li\s*>/gi, '')
      .replace(/<\/?(td|th)\b[^>]*>/gi, ' ')
      // Every other tag, and an unterminated one at the end of a truncated fragment.
      .replace(/<\/?[a-zA-Z!?][^<>]*>/g, '')
      .replace(/<\/?[a-zA-Z!?][^<>]*$/g, '')
  );
}

/**
 * Plain text from a published HTML fragment or text: removes tags (script and style elements with
 * their content), decodes the common entities (`&nbsp;` `&amp;` `&lt;` `&gt;` `&quot;` `&#39;` and
 * numeric ones), collapses runs of spaces and blank lines but keeps single line breaks, which the
 * portal uses for its bullet lists. Never returns markup: text that only becomes a tag once decoded
 * (`&lt;script&gt;`) is removed too.
 */
export function stripHtml(text: string): string {
  if (typeof text !== 'string' || text === '') return '';
  let out = removeTags(text.replace(/\r\n?/g, '\n'));
  out = decodeEntities(out);
  // Escaped markup turns into real markup once decoded; the contract promises plain text.
  out = removeTags(out);
  return out
    .normalize('NFC')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    // Control characters are no text a citizen reads (and PostgreSQL refuses NUL): tabs become
    // spaces below, line breaks stay.
    .replace(/[^\P{Cc}\n\t]/gu, '')
    .replace(/[^\S\n]+/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    // Blank lines come from markup (</p><p>), not from meaning: one break is enough.
    .replace(/\n{2,}/g, '\n')
    .trim();
}

// ---------------------------------------------------------------------------------------------
// Levels

/** Whole words (`\\b` is ASCII-only, so Vietnamese word ends are spelled out). */
function words(alternatives: string): RegExp {
  return new RegExp(`(?:^|[\\s(,/-])(?:${alternatives})(?=$|[\\s),;/.:-])`, 'u');
}

const COMMUNE_WORDS = words('xã|phường|đặc khu');
const PROVINCE_WORDS = words('tỉnh|sở|thành phố|ubnd|ủy ban nhân dân|uỷ ban nhân dân');
const CENTRAL_WORDS = words('bộ|cục|tổng cục|chính phủ|thủ tướng|quốc hội');

/** The level one agency name points to, or null when the name does not say. */
function levelOfAgency(name: string): Level | null {
  // "xã hội" (social), "cơ sở" (base) and "bộ phận" (desk) contain the words for commune,
  // department and ministry.
  const n = name.normalize('NFC').toLowerCase().replace(/xã hội|cơ sở|bộ phận/g, ' ');
  if (/cấp xã/.test(n) || COMMUNE_WORDS.test(n)) return 'commune';
  if (/cấp tỉnh|văn phòng đăng ký đất đai/.test(n) || PROVINCE_WORDS.test(n)) return 'province';
  if (CENTRAL_WORDS.test(n) || /ngân hàng nhà nước|cơ quan đại diện|lãnh sự|ngoại giao/.test(n)) return 'central';
  return null;
}

function inferLevels(agencyNames: readonly string[]): Level[] {
  const found = new Set<Level>();
  for (const name of agencyNames) {
    const level = levelOfAgency(name);
    if (level) found.add(level);
  }
  return procedureLevels.filter((level) => found.has(level));
}

// ---------------------------------------------------------------------------------------------
// Channels, times and fees

const CHANNELS: Record<string, Channel> = { ONLINE: 'online', POSTAL: 'postal', DIRECT: 'in-person' };
const UNITS: Record<string, DurationUnit> = {
  WORKING_DAY: 'working-days',
  DAY: 'days',
  HOUR: 'hours',
  MONTH: 'months',
};

/** The processing time of one execution method, and the method's note when it is not the time. */
function processingTimeOf(method: Obj): { time: ProcessingTime; note: string } {
  const description = stripHtml(str(method.description));
  const raw = method.processingTime;
  const value = num(raw);
  const unit = UNITS[str(method.processingTimeUnit).trim().toUpperCase()];
  if (unit && value !== null && value >= 0) return { time: { value, unit }, note: description };
  // OTHER (or a unit with no usable number): the published words are the time.
  const parts: string[] = [];
  const rawText = typeof raw === 'string' ? stripHtml(raw.normalize('NFC')) : '';
  // "Theo mô tả" ("see the description") says nothing by itself.
  if (rawText && value === null && foldVietnamese(rawText) !== 'theo mo ta') parts.push(rawText);
  if (description && !parts.includes(description)) parts.push(description);
  if (parts.length === 0 && value !== null) parts.push(String(value));
  const text = parts.join('\n');
  return { time: text ? { value: null, unit: 'text', text } : { value: null, unit: 'text' }, note: '' };
}

const SET_BY_PROVINCE =
  /do\s+(hội đồng nhân dân|hđnd)|(hđnd|hội đồng nhân dân)\s+(cấp\s+)?tỉnh|theo quy định của\s+(hđnd|hội đồng nhân dân)|nq-hđnd/iu;
// A 0 published next to "see decision X" or "per the regulations" is a placeholder, not "free".
const REFERS_ELSEWHERE = /chi tiết tại|tra cứu|theo quy định|theo quyết định|biểu phí|văn bản kèm theo/iu;

function feeKindOf(type: string, description: string): FeeKind {
  // The wording is the better witness: the portal's type codes are used inconsistently.
  const lower = description.toLowerCase();
  if (/^(mức\s+)?lệ phí/u.test(lower)) return 'fee';
  if (/^(mức\s+)?phí/u.test(lower)) return 'charge';
  switch (type) {
    case 'PRICE_LEVEL':
      return 'price';
    // In the published details the portal labels lệ phí lines SERVICE_FEE (144 of them start
    // "Lệ phí…", none "Phí…") and phí lines FEE (124 start "Phí…", none "Lệ phí…").
    case 'SERVICE_FEE':
      return 'fee';
    case 'FEE':
      return 'charge';
    default:
      return 'fee';
  }
}

/** The currency a fee is published in when it is not the đồng (e.g. "USD"), else ''. */
function foreignCurrency(fee: Obj): string {
  const currency = line(fee.currencyName ?? fee.currency);
  if (!currency) return '';
  return /^(vnd|vnđ|đồng|việt nam đồng|viet nam dong)$/iu.test(currency) ? '' : currency;
}

/** Maps one published fee line; amounts in VND. */
function feeOf(fee: Obj): FeeLine {
  let description = stripHtml(str(fee.description));
  const kind = feeKindOf(str(fee.type).trim().toUpperCase(), description);
  const value = num(fee.value);
  const currency = foreignCurrency(fee);
  if (currency) {
    // Missions abroad charge in US dollars (5 USD for a birth registration). The contract's
    // amounts are đồng, so the amount is unknown in VND and the published sum goes in the text;
    // nor are these small numbers "thousands of đồng".
    const sum = value !== null ? `${value} ${currency}` : currency;
    description = description ? `${description}: ${sum}` : sum;
    return { kind, amount: null, setByProvince: false, description };
  }
  if (SET_BY_PROVINCE.test(description) && !(value !== null && value > 0)) {
    return { kind, amount: null, setByProvince: true, description };
  }
  let amount: number | null;
  if (value === null || value < 0) amount = null;
  else if (value === 0) amount = REFERS_ELSEWHERE.test(description) && !/miễn/iu.test(description) ? null : 0;
  // Older entries give fees in thousands of đồng (100 meant 100,000 đ); no real procedure fee is
  // under 1,000 đ, so a value in (0, 1000) is read as thousands. Foreign-currency lines are
  // handled above.
  else if (value < 1000) amount = Math.round(value * 1000);
  else amount = Math.round(value);
  return { kind, amount, setByProvince: false, description };
}

/** The words a description may open with that only repeat its kind: "Lệ phí: 70 USD" for a lệ phí. */
const KIND_LABELS: Record<FeeKind, RegExp> = {
  fee: /^lệ phí\s*:\s*/iu,
  charge: /^phí\s*:\s*/iu,
  price: /^giá\s*:\s*/iu,
};

/**
 * A fee line as a reader wants it once: without a label repeating its kind at the start of the
 * description (the kind is its own field; "Lệ phí: 70 USD" would read "Lệ phí: … Lệ phí: 70 USD"
 * under a kind label), and without lines identical to one already listed for the channel.
 * A description that names the fee ("Phí cung cấp thông tin…") is the fee's name and is kept.
 */
export function tidyFees(fees: readonly FeeLine[]): FeeLine[] {
  const seen = new Set<string>();
  const tidy: FeeLine[] = [];
  for (const fee of fees) {
    const rest = fee.description.replace(KIND_LABELS[fee.kind], '');
    const description = rest === fee.description || rest === '' ? fee.description : rest.charAt(0).toLocaleUpperCase('vi') + rest.slice(1);
    const line = { ...fee, description };
    const key = JSON.stringify([line.kind, line.amount, line.setByProvince, line.description]);
    if (seen.has(key)) continue;
    seen.add(key);
    tidy.push(line);
  }
  return tidy;
}

function channelDetailsOf(methods: unknown): ChannelDetail[] {
  const details: ChannelDetail[] = [];
  const seen = new Set<string>();
  // A channel may appear more than once: the portal lists one row per case (e.g. 15 days for a
  // building, 10 for a house), each with its own time, fees and note. Those rows are kept; a row
  // identical to an earlier one (same channel, time, fees and note) says nothing new and is not.
  for (const item of arr(methods)) {
    const method = obj(item);
    const channel = CHANNELS[str(method.submissionMethod).trim().toUpperCase()];
    if (!channel) continue;
    const { time, note } = processingTimeOf(method);
    const detail: ChannelDetail = { channel, processingTime: time, fees: tidyFees(arr(method.fees).map((f) => feeOf(obj(f)))) };
    if (note) detail.note = note;
    const key = JSON.stringify(detail);
    if (seen.has(key)) continue;
    seen.add(key);
    details.push(detail);
  }
  return details;
}

// ---------------------------------------------------------------------------------------------
// Documents

function formOf(component: Obj): RequiredDocument['form'] {
  for (const item of arr(component.attachments)) {
    const attachment = obj(item);
    const url = str(attachment.url ?? attachment.fileUrl ?? attachment.downloadUrl).trim();
    // The portal publishes storage paths ("configuring/<id>/file.doc"), not URLs: only an absolute
    // http(s) URL is usable by a citizen.
    if (!/^https?:\/\/[^\s\p{Cc}]+$/iu.test(url)) continue;
    try {
      new URL(url);
    } catch {
      continue;
    }
    const name = line(attachment.fileName ?? attachment.name) || line(decodeURIComponentSafe(url.split('/').pop() ?? ''));
    return { name: name || url, url };
  }
  return null;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function documentCasesOf(cases: unknown): DocumentCase[] {
  const out: DocumentCase[] = [];
  for (const item of arr(cases)) {
    const entry = obj(item);
    const documents: RequiredDocument[] = [];
    for (const c of arr(entry.profileComponents)) {
      const component = obj(c);
      const name = stripHtml(str(component.name)).replace(/^[-–•+*]\s*/u, '').trim();
      if (!name) continue;
      documents.push({
        name,
        originals: nonNegativeInt(component.originalQty),
        copies: nonNegativeInt(component.copyQty),
        required: component.required === true,
        form: formOf(component),
      });
    }
    if (documents.length === 0) continue;
    const name = line(entry.name).replace(/^\*\s*/, '').replace(/\s*:\s*$/, '').trim();
    out.push({ name: name || 'Thành phần hồ sơ', documents });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Steps

/** "Bước 2:", "b) Bước 2 -", "- Bước 2." at the start of a line. */
const STEP_MARKER = /^(?:[a-zđ]\)\s*|[-*+•]\s*)?bước\s*(\d{1,2})\s*[:.)–-]?\s*/iu;
const SHORT_TITLE = 60;

function joinText(...parts: string[]): string {
  return parts.filter((p) => p !== '').join('\n');
}

/** A step from a published heading line ("Bước 2: Tiếp nhận hồ sơ") and its body. */
function stepFromHeading(heading: string, body: string, fallbackTitle: string): ProcedureStep {
  const cleaned = heading.replace(/^[*•]\s*/u, '').trim();
  const marker = cleaned.match(STEP_MARKER);
  if (marker) {
    const rest = cleaned.slice(marker[0].length).trim();
    const bare = rest.replace(/\s*:\s*$/, '');
    const title = `Bước ${Number(marker[1])}`;
    if (!bare) return { title, description: body };
    if (bare.length <= SHORT_TITLE && body) return { title: `${title}: ${bare}`, description: body };
    return { title, description: joinText(rest, body) };
  }
  const bare = cleaned.replace(/\s*:\s*$/, '');
  if (!bare) return { title: fallbackTitle, description: body };
  if (bare.length <= SHORT_TITLE * 1.5) return { title: bare, description: body };
  // A long heading (e.g. "Trình tự thực hiện đối với trường hợp…") is an alternative sequence:
  // keep a shortened title and the full wording in the description.
  const cut = bare.slice(0, SHORT_TITLE).replace(/\s+\S*$/u, '');
  return { title: `${cut}…`, description: joinText(cleaned, body) };
}

/**
 * Splits one published description into steps: first on "Bước N" lines, else on top-level "- "
 * bullets ("+" sub-bullets and "(i)" lines stay with their parent), else on a "1. 2. 3." run.
 * Null when there is nothing to split.
 */
function splitSteps(description: string): ProcedureStep[] | null {
  const lines = description.split('\n');
  const markers = lines.flatMap((l, i) => (STEP_MARKER.test(l) ? [i] : []));
  if (markers.length >= 2) {
    const first = markers[0] ?? 0;
    const preamble = lines.slice(0, first).join('\n').trim();
    const steps = markers.map((start, k) => {
      const end = markers[k + 1] ?? lines.length;
      const heading = lines[start] ?? '';
      const marker = heading.match(STEP_MARKER);
      const title = `Bước ${Number(marker?.[1] ?? k + 1)}`;
      const body = joinText(heading.slice(marker?.[0].length ?? 0).trim(), lines.slice(start + 1, end).join('\n').trim());
      return { title, description: body };
    });
    const head = steps[0];
    if (preamble && head) head.description = joinText(preamble, head.description);
    return steps;
  }
  let bullets = lines.flatMap((l, i) => (/^-\s*\S/u.test(l) ? [i] : []));
  let bulletPrefix = /^-\s*/u;
  if (bullets.length < 2) {
    // "1. …", "2. …": only a run numbered 1, 2, 3… from the top (not "1.1." sub-clauses).
    const numbered = lines.flatMap((l, i) => {
      const m = l.match(/^(\d{1,2})[.)]\s+\S/u);
      return m ? [{ i, n: Number(m[1]) }] : [];
    });
    if (numbered.length >= 2 && numbered.every((x, k) => x.n === k + 1)) {
      bullets = numbered.map((x) => x.i);
      bulletPrefix = /^\d{1,2}[.)]\s*/u;
    }
  }
  if (bullets.length >= 2) {
    const first = bullets[0] ?? 0;
    const preamble = lines.slice(0, first).join('\n').trim();
    const bodies = bullets.map((start, k) => {
      const end = bullets[k + 1] ?? lines.length;
      const chunk = lines.slice(start, end).join('\n');
      return chunk.replace(bulletPrefix, '').trim();
    });
    // A preamble that announces the list ("… như sau:") introduces the first step; anything else
    // is a step of its own (often "submit the dossier" before the agency's duties are listed).
    if (preamble && /:$/.test(preamble) && bodies.length > 0) bodies[0] = joinText(preamble, bodies[0] ?? '');
    else if (preamble) bodies.unshift(preamble);
    return bodies.filter((b) => b !== '').map((body, k) => ({ title: `Bước ${k + 1}`, description: body }));
  }
  return null;
}

function stepsOf(executionSteps: unknown, procedureName: string): ProcedureStep[] {
  const folded = foldVietnamese(procedureName).replace(/^thu tuc\s+/, '');
  const raw = arr(executionSteps)
    .map((item) => {
      const step = obj(item);
      let name = line(step.name);
      const nameKey = foldVietnamese(name).replace(/^thu tuc\s+/, '');
      // Generic names carry nothing: "Mặc định" (default) or the procedure's own name.
      if (nameKey === 'mac dinh' || nameKey === folded) name = '';
      return { name, description: stripHtml(str(step.description)) };
    })
    .filter((s) => s.name !== '' || s.description !== '');
  const only = raw[0];
  if (raw.length === 1 && only) {
    const split = splitSteps(only.description);
    if (split) {
      const head = split[0];
      if (only.name && head) head.description = joinText(only.name, head.description);
      return split;
    }
    return [stepFromHeading(only.name, only.description, 'Trình tự thực hiện')];
  }
  return raw.map((s, i) => {
    if (s.name) return stepFromHeading(s.name, s.description, `Bước ${i + 1}`);
    // No name: the description may open with its own "Bước N:" line.
    const [first = '', ...rest] = s.description.split('\n');
    if (STEP_MARKER.test(first)) return stepFromHeading(first, rest.join('\n').trim(), `Bước ${i + 1}`);
    return { title: `Bước ${i + 1}`, description: s.description };
  });
}

// ---------------------------------------------------------------------------------------------
// Legal basis

/** A document number: "31/2024/QH15", "52/2026/QĐ-UBND", "66.7/2025/NQ-CP". */
const DOC_NUMBER = /\d+(?:\.\d+)?\/(?:\d{4}\/)?[A-ZĐ][A-ZĐa-zđ0-9-]*/gu;
// The issuer is read only where the title names it right after this document's number or date
// ("… số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ"); elsewhere "của" belongs to the subject
// ("thuộc thẩm quyền quyết định của Hội đồng nhân dân tỉnh"). `\b` is ASCII-only, so word ends
// are spelled out; a comma continues a name ("Bộ Văn hóa, Thể thao và Du lịch") only before a
// capital letter.
const ISSUER =
  /(?:\d+(?:\.\d+)?\/(?:\d{4}\/)?[A-ZĐ][A-ZĐa-zđ0-9-]*|ngày\s+\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})\s*,?\s+của\s+((?:Bộ|Chính phủ|Quốc hội|Ủy ban|Uỷ ban|UBND|Hội đồng|HĐND|Thủ tướng|Ngân hàng|Văn phòng|Tòa án|Toà án|Viện|Chủ tịch|Tổng|Kiểm toán|Ban)(?=\s|$)(?:[^:;,.(]|,\s(?=\p{Lu}))*)/u;
// Where an issuer's name ends and the title's subject starts.
const ISSUER_END =
  /\s+(?:về|quy định|hướng dẫn|sửa đổi|bổ sung|ban hành|bãi bỏ|công bố|phê duyệt|ngày|số|thay thế|tại|đối với|được|cắt giảm|đơn giản|phân cấp|phân định|ủy quyền|uỷ quyền|giao|thông qua|điều chỉnh|áp dụng|hỗ trợ|kéo dài|tháo gỡ|thí điểm|năm)(?:\s|$)[\s\S]*$/u;

function isoDate(day: number, month: number, year: number): string | null {
  if (year < 1945 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The part of a legal document's title that speaks about the document itself: it ends where
 * another document's number appears ("…sửa đổi Quyết định số 816/QĐ-UBND ngày 05/3/2026 của…"
 * gives the amended decision's date and issuer, not this one's).
 */
function ownSegment(title: string, number: string): string {
  const own = new Set((number.match(DOC_NUMBER) ?? []).map((n) => n.toUpperCase()));
  for (const match of title.matchAll(DOC_NUMBER)) {
    if (!own.has(match[0].toUpperCase())) return title.slice(0, match.index);
  }
  return title;
}

function legalBasisOf(details: unknown): LegalBasis[] {
  const out: LegalBasis[] = [];
  const seen = new Set<string>();
  for (const item of arr(details)) {
    const entry = obj(item);
    const title = line(entry.name);
    let number = line(entry.code).replace(/[.,;:]+$/, '');
    if (!number) number = title.match(DOC_NUMBER)?.[0] ?? title;
    if (!number && !title) continue;
    // "31/2024/QH15" and "Luật số 31/2024/QH15" are the same document.
    const key = (number.match(DOC_NUMBER)?.[0] ?? number).toUpperCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const segment = ownSegment(title, number);
    const basis: LegalBasis = { number, title: title || number, issuedOn: null, effectiveFrom: null };
    const issuer = segment.match(ISSUER)?.[1]?.replace(ISSUER_END, '').replace(/[\s,]+$/, '');
    // A very long capture is a sentence, not a name.
    if (issuer && issuer.length <= 80) basis.issuer = issuer;
    const numeric = segment.match(/ngày\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/u);
    const spelled = segment.match(/ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u);
    const date = numeric ?? spelled;
    if (date) basis.issuedOn = isoDate(Number(date[1]), Number(date[2]), Number(date[3]));
    out.push(basis);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Records

const UNCLASSIFIED: FieldRef = { code: 'chua-phan-loai', name: 'Chưa phân loại' };
// "Không" / "Không quy định" mean there are none; the contract says '' for that.
const NO_REQUIREMENTS = /^(không|không có|không quy định|không yêu cầu)\.?$/iu;

function fieldOf(...candidates: unknown[]): FieldRef {
  for (const candidate of candidates) {
    const entry = obj(candidate);
    const name = line(entry.name);
    const code = line(entry.code);
    if (name || code) return { code: code || slugify(name), name: name || code };
  }
  return { ...UNCLASSIFIED };
}

function codeOf(value: unknown): string {
  const code = str(value).trim();
  if (!code) throw new TypeError('Not a procedure: it has no code');
  if (/\p{Cc}/u.test(code)) throw new TypeError('Not a procedure: its code holds a control character');
  return code;
}

/** The longest name a procedure may have: the national catalogue's longest is about 1,200 characters. */
const NAME_MAX_LENGTH = 4000;

/** A procedure's name, as a line of text; a line with no name, or one past all reason, is not a procedure. */
function nameOf(value: unknown): string {
  const name = line(value);
  if (!name) throw new TypeError('Not a procedure: it has no name');
  if (name.length > NAME_MAX_LENGTH) throw new TypeError(`Not a procedure: its name is longer than ${NAME_MAX_LENGTH} characters`);
  return name;
}

/**
 * Maps a full procedure record of the national portal (`details/<code>.json`) to a
 * {@link ProcedureRecord}. Copes with missing arrays, nulls, HTML and the portal's quirks (fees in
 * thousands, free-text processing times, one-paragraph step lists). The published name is kept as
 * is, "Thủ tục …" prefix included: it is part of some official names.
 *
 * @throws TypeError when the object has no procedure code.
 */
export function fromDetail(detail: unknown): ProcedureRecord {
  const d = obj(detail);
  const code = codeOf(d.code);
  const name = line(d.name);

  const agencyDetails = {
    executing: dedupe([...names(d.unitGroupsExecuting), ...names(d.departmentsExecuting)]),
    competent: dedupe([...names(d.unitGroupsAuthority), ...names(d.departmentsAuthority)]),
    authorised: dedupe([...names(d.unitGroupsAuthorized), ...names(d.departmentsAuthorized)]),
    coordinating: dedupe([...names(d.unitGroupsCoordinating), ...names(d.departmentsCoordinating)]),
  };
  const promulgatedBy = line(d.departmentPromulgateName);

  let levels: Level[] = [];
  if (d.isMinistry === true) levels.push('central');
  if (d.isProvince === true) levels.push('province');
  if (d.isWard === true) levels.push('commune');
  if (levels.length === 0) levels = inferLevels(agencyDetails.executing);
  if (levels.length === 0) levels = inferLevels(agencyDetails.competent);
  if (levels.length === 0) levels = inferLevels([promulgatedBy]);
  if (levels.length === 0) levels = ['province'];

  const channelDetails = channelDetailsOf(d.executionMethods);
  let onlineLevel: OnlineLevel = 'none';
  if (d.isFullProcess === true) onlineLevel = 'full';
  else if (channelDetails.some((c) => c.channel === 'online')) onlineLevel = 'partial';

  let eligibility = dedupe(names(d.subjectTypesDetails));
  if (eligibility.length === 0) eligibility = dedupe(names(d.formalityTargetType));
  if (eligibility.length === 0) eligibility = dedupe(names(d.targetObjects));

  const requirements = stripHtml(str(d.requirementsAndConditions));

  const record: ProcedureRecord = {
    code,
    name,
    field: fieldOf(arr(d.categoriesDetails)[0], d.category),
    levels,
    onlineLevel,
    agencyDetails,
    channelDetails,
    documentCases: documentCasesOf(d.executionCases),
    steps: stepsOf(d.executionSteps, name),
    eligibility,
    requirements: NO_REQUIREMENTS.test(requirements) ? '' : requirements,
    results: dedupe(names(d.resultsDetails)),
    legalBasis: legalBasisOf(d.legalBasisesDetails),
  };
  if (promulgatedBy) record.promulgatedBy = promulgatedBy;
  return record;
}

/**
 * Maps one line of the public catalogue (`catalog.jsonl`), which has no detail: name, field (the
 * list publishes no field code, so the code is the slug of the field's name), levels inferred from
 * the executing agencies' names (else from the publishing ministry or province), executing
 * agencies, eligibility. Everything the list does not publish is empty; `onlineLevel` is 'none'.
 *
 * @throws TypeError when the entry has no procedure code, or no name (or one over 4,000 characters).
 */
export function fromCatalogEntry(entry: unknown): ProcedureRecord {
  const e = obj(entry);
  const code = codeOf(e.code);
  const categories = arr(e.categories).map((c) => line(c)).filter((c) => c !== '');
  const first = categories[0];
  const executing = dedupe(names(e.departments));
  const promulgatedBy = line(e.departmentPromulgate);
  // Executing agencies first: a ministry publishes procedures that communes carry out.
  let levels = inferLevels(executing);
  if (levels.length === 0) levels = inferLevels([promulgatedBy]);
  if (levels.length === 0) levels = ['province'];
  const record: ProcedureRecord = {
    code,
    name: nameOf(e.name),
    field: first ? { code: slugify(first), name: first } : { ...UNCLASSIFIED },
    levels,
    onlineLevel: 'none',
    agencyDetails: { executing, competent: [], authorised: [], coordinating: [] },
    channelDetails: [],
    documentCases: [],
    steps: [],
    eligibility: dedupe(names(e.formalityTargetType)),
    requirements: '',
    results: [],
    legalBasis: [],
  };
  if (promulgatedBy) record.promulgatedBy = promulgatedBy;
  return record;
}

// ---------------------------------------------------------------------------------------------
// The whole catalogue

/**
 * Gives procedures known only from the list the field code their detailed siblings publish. The
 * list names a field without its code, so its procedures get the name's slug ("dat-dai") while the
 * details of the same field carry the portal's code ("G13-TN02"): the field filter would offer
 * "Đất đai" twice, each with part of its procedures. A name two ministries use for two fields
 * ("Hộ tịch": Justice's G15-TP07, Foreign Affairs' G08-NG07) is settled by the publishing
 * ministry, and left as it is when that does not decide. Returns how many records changed.
 */
export function settleFieldCodes(records: ProcedureRecord[]): number {
  const published = new Map<string, Map<string, Set<string>>>();
  const isSlug = (field: FieldRef) => field.code === slugify(field.name);
  for (const record of records) {
    if (isSlug(record.field)) continue;
    const codes = published.get(record.field.name) ?? new Map<string, Set<string>>();
    published.set(record.field.name, codes);
    const ministries = codes.get(record.field.code) ?? new Set<string>();
    codes.set(record.field.code, ministries);
    if (record.promulgatedBy) ministries.add(record.promulgatedBy);
  }
  let changed = 0;
  for (const record of records) {
    const codes = published.get(record.field.name);
    if (!codes || !isSlug(record.field)) continue;
    const candidates = codes.size === 1
      ? [...codes.keys()]
      : [...codes].filter(([, ministries]) => record.promulgatedBy !== undefined && ministries.has(record.promulgatedBy)).map(([code]) => code);
    if (candidates.length !== 1) continue;
    record.field = { code: candidates[0]!, name: record.field.name };
    changed++;
  }
  return changed;
}

/** What {@link readPublicCatalogue} did, filled in as it goes. */
export interface ImportStats {
  /** Non-blank lines read from `catalog.jsonl`. */
  lines: number;
  /** Records yielded. */
  imported: number;
  /** Records built from a detail file. */
  fromDetails: number;
  /** Malformed catalogue lines skipped (bad JSON, not an object, no code, no name or one over 4,000 characters). */
  skipped: number;
  /** 1-based line numbers of the skipped lines (the first 100). */
  skippedLines: number[];
  /** Detail files that could not be read or parsed; the catalogue entry was used instead. */
  detailErrors: string[];
  /** Codes on more than one line (" 1.014325" is 1.014325): stored once, as the last line has it. */
  repeatedCodes: string[];
}

/** A zeroed {@link ImportStats} to pass to {@link readPublicCatalogue}. */
export function createImportStats(): ImportStats {
  return { lines: 0, imported: 0, fromDetails: 0, skipped: 0, skippedLines: [], detailErrors: [], repeatedCodes: [] };
}

/**
 * Every procedure of the public catalogue in `dir` (a folder with `catalog.jsonl` and optionally
 * `details/<code>.json`), using the detail file when there is one. Malformed lines are skipped and
 * counted in `stats` (pass {@link createImportStats}()); the same stats are the generator's return
 * value. Throws only when `catalog.jsonl` itself cannot be read.
 */
export async function* readPublicCatalogue(
  dir: string,
  stats: ImportStats = createImportStats(),
): AsyncGenerator<ProcedureRecord, ImportStats, undefined> {
  const detailsDir = path.join(dir, 'details');
  // One listing instead of a stat per entry; also keeps odd codes ("../x") away from the path.
  const detailFiles = new Set<string>();
  try {
    for (const file of await readdir(detailsDir)) if (file.endsWith('.json')) detailFiles.add(file);
  } catch {
    // No details folder: every record comes from the catalogue line.
  }

  const lines = createInterface({ input: createReadStream(path.join(dir, 'catalog.jsonl'), 'utf8'), crlfDelay: Infinity });
  const seen = new Set<string>();
  let lineNumber = 0;
  for await (const text of lines) {
    lineNumber++;
    if (text.trim() === '') continue;
    stats.lines++;
    let entry: unknown;
    let record: ProcedureRecord;
    try {
      entry = JSON.parse(text);
      record = fromCatalogEntry(entry);
    } catch {
      stats.skipped++;
      if (stats.skippedLines.length < 100) stats.skippedLines.push(lineNumber);
      continue;
    }
    const file = `${record.code}.json`;
    if (detailFiles.has(file)) {
      try {
        const detail: unknown = JSON.parse(await readFile(path.join(detailsDir, file), 'utf8'));
        const fromFile = fromDetail({ ...obj(detail), code: str(obj(detail).code).trim() || record.code });
        // The list's name and field fill gaps a damaged detail might have.
        if (!fromFile.name || fromFile.name.length > NAME_MAX_LENGTH) fromFile.name = record.name;
        if (fromFile.field.code === UNCLASSIFIED.code) fromFile.field = record.field;
        record = fromFile;
        stats.fromDetails++;
      } catch (error) {
        stats.detailErrors.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (seen.has(record.code)) stats.repeatedCodes.push(record.code);
    seen.add(record.code);
    stats.imported++;
    yield record;
  }
  return stats;
}
