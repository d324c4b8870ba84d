import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { onlineLevels, procedureLevels } from '@dvc-kit/sdk';
import { parse } from 'yaml';

import type { ProcedureRecord } from '../src/catalog/record.ts';

const sandboxRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = path.resolve(sandboxRoot, '../..');
const seedFile = path.join(sandboxRoot, 'seed/procedures.json');

/** What `Procedure` has that a stored record does not: derived when serving. */
const DERIVED = ['agencies', 'channels', 'shortestProcessingTime', 'lowestFee'];

// ---------------------------------------------------------------------------------------------
// A validator for the JSON Schema subset the contract uses (type, enum, required, properties,
// additionalProperties, items, $ref, oneOf, pattern, minimum, format date/uri), so that the seed
// is checked against the contract itself rather than a copy of it.

type Schema = Record<string, unknown>;

function resolve(root: Schema, ref: string): Schema {
  let node: unknown = root;
  for (const part of ref.replace(/^#\//, '').split('/')) node = (node as Record<string, unknown>)[part];
  assert.ok(node && typeof node === 'object', `unresolved $ref ${ref}`);
  return node as Schema;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function validate(root: Schema, schema: Schema, value: unknown, at: string, errors: string[]): void {
  if (typeof schema.$ref === 'string') return validate(root, resolve(root, schema.$ref), value, at, errors);
  if (Array.isArray(schema.oneOf)) {
    const matching = schema.oneOf.filter((option) => {
      const sub: string[] = [];
      validate(root, option as Schema, value, at, sub);
      return sub.length === 0;
    });
    if (matching.length !== 1) errors.push(`${at}: matches ${matching.length} of oneOf`);
    return;
  }
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    const actual = typeOf(value);
    if (!types.includes(actual) && !(actual === 'integer' && types.includes('number'))) {
      errors.push(`${at}: ${actual} is not ${types.join('|')}`);
      return;
    }
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) errors.push(`${at}: ${String(value)} not in enum`);
  if (typeof value === 'string') {
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) errors.push(`${at}: does not match ${schema.pattern}`);
    // Round-tripping rejects 2023-02-30, which Date.parse accepts.
    if (schema.format === 'date' && !(/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString().startsWith(value))) {
      errors.push(`${at}: not a date`);
    }
    if (schema.format === 'uri' && !URL.canParse(value)) errors.push(`${at}: not a URI`);
  }
  if (typeof value === 'number' && typeof schema.minimum === 'number' && value < schema.minimum) errors.push(`${at}: below ${schema.minimum}`);
  if (Array.isArray(value) && schema.items) value.forEach((item, i) => validate(root, schema.items as Schema, item, `${at}[${i}]`, errors));
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const key of (schema.required ?? []) as string[]) if (!(key in value)) errors.push(`${at}: missing ${key}`);
    for (const [key, child] of Object.entries(value)) {
      const sub = properties[key];
      if (sub) validate(root, sub, child, `${at}.${key}`, errors);
      else if (schema.additionalProperties === false) errors.push(`${at}: unexpected ${key}`);
    }
  }
}

/** Every string anywhere in a value. */
function* strings(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const item of value) yield* strings(item);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) yield* strings(item);
}

// ---------------------------------------------------------------------------------------------

let seed: ProcedureRecord[] = [];
let contract: Schema = {};
let recordSchema: Schema = {};

before(async () => {
  seed = JSON.parse(await readFile(seedFile, 'utf8')) as ProcedureRecord[];
  contract = parse(await readFile(path.join(repoRoot, 'openapi/dvc.yaml'), 'utf8')) as Schema;
  const procedure = resolve(contract, '#/components/schemas/Procedure');
  const properties = { ...(procedure.properties as Record<string, Schema>) };
  for (const key of DERIVED) delete properties[key];
  recordSchema = {
    ...procedure,
    properties,
    required: (procedure.required as string[]).filter((key) => !DERIVED.includes(key)),
  };
});

function byCode(code: string): ProcedureRecord {
  const record = seed.find((r) => r.code === code);
  assert.ok(record, `${code} is in the seed`);
  return record;
}

describe('seed/procedures.json', () => {
  it('is an array of at least 60 procedures and under 600 kB', async () => {
    assert.ok(Array.isArray(seed));
    assert.ok(seed.length >= 60, `${seed.length} procedures`);
    assert.ok((await stat(seedFile)).size < 600 * 1024);
  });

  it('matches the contract’s Procedure schema, minus the derived properties', () => {
    assert.ok((recordSchema.required as string[]).includes('channelDetails'), 'the schema was loaded');
    const errors: string[] = [];
    for (const record of seed) {
      validate(contract, recordSchema, record, record.code, errors);
      for (const key of DERIVED) if (key in record) errors.push(`${record.code}: stores derived ${key}`);
    }
    assert.deepEqual(errors, []);
  });

  it('has unique seven-digit procedure codes', () => {
    const codes = seed.map((r) => r.code);
    assert.equal(new Set(codes).size, codes.length, 'codes are unique');
    for (const code of codes) assert.match(code, /^[0-9]\.[0-9]{6}$/);
  });

  it('contains no markup in any text', () => {
    for (const record of seed) {
      for (const text of strings(record)) {
        assert.doesNotMatch(text, /<\/?[a-z][^>]*>|&(nbsp|amp|lt|gt|quot|#\d+);/i, `${record.code}: ${text.slice(0, 80)}`);
        assert.equal(text, text.trim(), `${record.code}: untrimmed "${text.slice(0, 40)}"`);
      }
    }
  });

  it('covers at least 8 fields, every level and every online level', () => {
    const fields = new Map<string, string>();
    for (const r of seed) {
      const name = fields.get(r.field.code);
      assert.ok(name === undefined || name === r.field.name, `field ${r.field.code} has one name`);
      fields.set(r.field.code, r.field.name);
    }
    assert.ok(fields.size >= 8, `${fields.size} fields`);
    for (const level of procedureLevels) {
      assert.ok(seed.filter((r) => r.levels.includes(level)).length >= 3, `several ${level} procedures`);
    }
    for (const online of onlineLevels) {
      assert.ok(seed.some((r) => r.onlineLevel === online), `an ${online} procedure`);
    }
  });

  it('has free, paid and province-set fees, consistently marked', () => {
    const fees = seed.flatMap((r) => r.channelDetails.flatMap((c) => c.fees));
    assert.ok(fees.some((f) => f.amount === 0), 'a free procedure');
    assert.ok(fees.some((f) => f.amount !== null && f.amount >= 100000), 'a paid procedure');
    assert.ok(fees.some((f) => f.setByProvince), 'a fee set by the province');
    for (const fee of fees) {
      if (fee.setByProvince) assert.equal(fee.amount, null, fee.description);
      assert.ok(fee.description.length > 0 || fee.amount !== null, 'an unknown amount is explained');
    }
  });

  it('gives every record the parts a citizen needs', () => {
    for (const r of seed) {
      assert.ok(r.name.length > 0 && r.field.name.length > 0, r.code);
      assert.ok(r.levels.length > 0, `${r.code}: levels`);
      assert.ok(r.agencyDetails.executing.length > 0, `${r.code}: executing agency`);
      assert.ok(r.channelDetails.length > 0, `${r.code}: channels`);
      assert.ok(r.documentCases.length > 0, `${r.code}: documents`);
      assert.ok(r.steps.length > 0, `${r.code}: steps`);
      assert.ok(r.results.length > 0, `${r.code}: results`);
      assert.ok(r.legalBasis.length >= 1 && r.legalBasis.length <= 8, `${r.code}: legal basis`);
      for (const c of r.channelDetails) {
        const t = c.processingTime;
        assert.ok(t.unit === 'text' ? t.value === null && Boolean(t.text) : t.value !== null, `${r.code}: processing time`);
      }
      if (r.onlineLevel !== 'none') assert.ok(r.channelDetails.some((c) => c.channel === 'online'), `${r.code}: online channel`);
    }
  });

  it('includes birth registration (1.001193), free at the commune', () => {
    const birth = byCode('1.001193');
    assert.equal(birth.name, 'Thủ tục đăng ký khai sinh');
    assert.deepEqual(birth.field, { code: 'G15-TP07', name: 'Hộ tịch' });
    assert.ok(birth.levels.includes('commune'));
    for (const channel of birth.channelDetails) assert.ok(channel.fees.every((f) => f.amount === 0), 'free');
  });

  it('includes the criminal record certificate (3.000333)', () => {
    const record = byCode('3.000333');
    assert.match(record.name, /^Cấp Phiếu lý lịch tư pháp/);
    assert.equal(record.field.name, 'Lý lịch tư pháp');
    assert.deepEqual(record.levels, ['province']);
    assert.notEqual(record.onlineLevel, 'none');
    const fees = record.channelDetails.flatMap((c) => c.fees);
    assert.ok(fees.some((f) => f.amount === 200000 && /100\.000/.test(f.description)));
    assert.ok(record.channelDetails.every((c) => c.processingTime.value === 10));
    assert.ok(record.legalBasis.some((l) => l.number === '28/2009/QH12'));
  });

  it('includes the everyday procedures the widgets are demonstrated with', () => {
    const names = seed.map((r) => r.name.toLowerCase());
    for (const wanted of [/đăng ký kết hôn$/, /đăng ký khai tử$/, /^đăng ký thường trú$/, /hộ chiếu phổ thông/, /^đăng ký thành lập (doanh nghiệp|công ty)/, /giấy phép xây dựng/, /giấy chứng nhận quyền sử dụng đất/]) {
      assert.ok(names.some((n) => wanted.test(n)), String(wanted));
    }
    assert.ok(seed.filter((r) => r.field.code === 'G13-TN02').length >= 5, 'land procedures');
  });
});
