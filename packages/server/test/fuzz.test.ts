/**
 * API fuzzing from the contract: for every operation, requests generated from its parameter and
 * body schemas — valid ones, and ones broken on purpose (wrong types, missing required fields,
 * extra fields, huge and odd strings, malformed JSON). The sandbox must never answer 5xx, every
 * error must be application/problem+json with a contract code, and nothing may leak a stack trace.
 * Deterministic: a seeded generator, so a failure can be replayed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { createTestSandbox } from './support/test-database.ts';
import { createApiKey } from '../src/auth/api-keys.ts';
import { keyScopesOf } from '../src/auth/key-check.ts';
import { loadContract } from '../src/http/contract.ts';

type Schema = Record<string, unknown>;
interface Operation {
  method: string;
  path: string;
  operationId: string;
  parameters: { name: string; in: string; required?: boolean; schema: Schema }[];
  body?: Schema;
}

// What the sandbox serves with its admin routes on: the public contract and the test controls.
const spec: Schema = loadContract({ sandbox: true });

/** Mulberry32: small, fast, seeded. */
function random(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function resolve(node: unknown): Schema {
  let current = node as Schema;
  while (current && typeof current['$ref'] === 'string') {
    current = (current['$ref'] as string).slice(2).split('/').reduce<unknown>((at, key) => (at as Schema)[key], spec) as Schema;
  }
  return current;
}

const ODD_STRINGS = [
  '', ' ', 'đăng ký khai sinh', 'ĐĂNG KÝ', '"', "'; DROP TABLE procedures; --", '<script>alert(1)</script>',
  '\u0000', '\uFFFF', '😀', 'a'.repeat(5000), '../../etc/passwd', '%00', '${jndi:ldap://x}', 'NaN', '-1', '1e309',
  'null', '{}', '[]', '"AND" OR NEAR(', '*', 'a*', '000.00.15.H26-261102-0006', '001099000006', '1.001193',
];

function generate(schemaNode: unknown, rnd: () => number, depth = 0): unknown {
  const schema = resolve(schemaNode);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  if (schema['oneOf']) return generate(pick(schema['oneOf'] as Schema[]), rnd, depth);
  if (Array.isArray(schema['enum'])) return pick(schema['enum'] as unknown[]);
  const types = Array.isArray(schema['type']) ? (schema['type'] as string[]) : [schema['type'] as string | undefined];
  const type = pick(types);
  switch (type) {
    case 'null':
      return null;
    case 'integer':
    case 'number': {
      const min = (schema['minimum'] as number | undefined) ?? 0;
      const max = (schema['maximum'] as number | undefined) ?? min + 1000;
      const value = min + rnd() * (max - min);
      return type === 'integer' ? Math.floor(value) : value;
    }
    case 'boolean':
      return rnd() < 0.5;
    case 'array':
      return depth > 3 ? [] : Array.from({ length: Math.floor(rnd() * 3) }, () => generate(schema['items'], rnd, depth + 1));
    case 'object': {
      const result: Record<string, unknown> = {};
      const properties = (schema['properties'] ?? {}) as Record<string, unknown>;
      const required = new Set((schema['required'] ?? []) as string[]);
      for (const [name, child] of Object.entries(properties)) {
        if (required.has(name) || rnd() < 0.5) result[name] = depth > 3 ? null : generate(child, rnd, depth + 1);
      }
      return result;
    }
    default: {
      if (schema['pattern'] === '^[0-9]{12}$') return rnd() < 0.5 ? '001099000006' : String(Math.floor(rnd() * 1e12)).padStart(12, '0');
      if (typeof schema['pattern'] === 'string' && (schema['pattern'] as string).includes('H26') === false && (schema['pattern'] as string).startsWith('^[0-9]\\.')) return '1.001193';
      if (schema['format'] === 'date-time') return new Date(Date.UTC(2026, 0, 1 + Math.floor(rnd() * 300))).toISOString();
      if (schema['format'] === 'uri') return pick(['http://localhost:8080/return', 'https://evil.example/x', 'not a url']);
      return pick(ODD_STRINGS);
    }
  }
}

/** Breaks a valid value on purpose, one way or another. */
function mutate(value: unknown, rnd: () => number): unknown {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    const keys = Object.keys(copy);
    switch (pick(['drop', 'retype', 'extra', 'nest'] as const)) {
      case 'drop':
        if (keys.length) delete copy[pick(keys)];
        break;
      case 'retype':
        if (keys.length) copy[pick(keys)] = pick([42, -1, true, null, [], {}, 'x'.repeat(300), ODD_STRINGS[6]]);
        break;
      case 'extra':
        copy[pick(['__proto__', 'constructor', 'admin', 'status', 'x'])] = pick([1, 'y', { a: 1 }]);
        break;
      case 'nest':
        copy[pick(keys.length ? keys : ['x'])] = { deep: { deeper: [1, 2, { deepest: 'z' }] } };
        break;
    }
    return copy;
  }
  return pick([null, 12, -5, 'x', true, [], {}, ...ODD_STRINGS]);
}

function operations(): Operation[] {
  const result: Operation[] = [];
  for (const [path, item] of Object.entries(spec['paths'] as Record<string, Schema>)) {
    for (const [method, op] of Object.entries(item)) {
      const operation = op as Schema;
      const body = (operation['requestBody'] as Schema | undefined)?.['content'] as Record<string, { schema: Schema }> | undefined;
      result.push({
        method: method.toUpperCase(), path, operationId: operation['operationId'] as string,
        parameters: ((operation['parameters'] ?? []) as unknown[]).map((p) => resolve(p) as unknown as Operation['parameters'][number]),
        body: body?.['application/json']?.schema,
      });
    }
  }
  return result;
}

test('1,200 generated requests: no 5xx, errors are problem+json with a contract code, nothing leaks', async () => {
  // Server-side errors are logged; a 5xx failure quotes the log line, so it can be fixed at once.
  const log = new PassThrough();
  let lastError = '';
  log.on('data', (chunk: Buffer) => {
    for (const line of String(chunk).split('\n')) if (line.includes('"level":50')) lastError = line;
  });
  const { app, context } = await createTestSandbox({ rateLimits: {}, logger: { level: 'error', stream: log } });
  const codes = new Set((resolve({ $ref: '#/components/schemas/ProblemCode' })['enum'] as string[]));
  // The agency systems' operations check their key first: most requests carry it, so what follows
  // the key (the batches, the report's period) is fuzzed too.
  const scopes = keyScopesOf(loadContract({ sandbox: true }));
  const keys = {
    sync: (await createApiKey(context.storage, { scope: 'sync', agency: '000.00.15.H26' })).key,
    reports: (await createApiKey(context.storage, { scope: 'reports', agency: '000.00.15.H26' })).key,
  };
  const rnd = random(20261122);
  const ops = operations();
  const byStatus = new Map<number, number>();
  const failures: string[] = [];
  try {
    for (let i = 0; i < 1200; i++) {
      const op = ops[i % ops.length]!;
      const broken = rnd() < 0.6;
      let url = `/api/v1${op.path}`;
      const query = new URLSearchParams();
      const headers: Record<string, string> = {};
      for (const p of op.parameters) {
        if (!p.required && rnd() < 0.4) continue;
        let value = generate(p.schema, rnd);
        if (broken && rnd() < 0.5) value = mutate(value, rnd);
        const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
        if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(text));
        else if (p.in === 'query') query.set(p.name, text);
        else if (p.in === 'header') headers[p.name.toLowerCase()] = text.replace(/[^\x20-\x7e]/g, '?');
      }
      if (query.size) url += `?${query}`;
      const scope = scopes.get(op.operationId);
      if (scope && rnd() < 0.9) headers['authorization'] = `Bearer ${keys[scope]}`;
      let payload: string | undefined;
      // Now and then a body left out altogether (no content type either), as `curl -X POST` sends.
      if (op.body && !(broken && rnd() < 0.1)) {
        const body = generate(op.body, rnd);
        payload = broken && rnd() < 0.15 ? '{"unterminated": ' : JSON.stringify(broken ? mutate(body, rnd) : body);
        headers['content-type'] = broken && rnd() < 0.05 ? 'text/plain' : 'application/json';
      }
      const res = await app.inject({ method: op.method as 'GET', url, headers, ...(payload !== undefined ? { payload } : {}) });
      byStatus.set(res.statusCode, (byStatus.get(res.statusCode) ?? 0) + 1);
      const where = `#${i} ${op.method} ${url.slice(0, 120)} → ${res.statusCode}`;
      if (res.statusCode >= 500) {
        await new Promise((r) => setImmediate(r));
        failures.push(`${where}: ${payload?.slice(0, 300) ?? ''} — ${lastError.slice(0, 400)}`);
      }
      if (res.statusCode >= 400) {
        if (!String(res.headers['content-type']).startsWith('application/problem+json')) failures.push(`${where}: not problem+json`);
        else if (!codes.has((JSON.parse(res.body) as { code: string }).code)) failures.push(`${where}: unknown code`);
      }
      if (/\bat \S+ \(|node:internal|\.ts:\d+|SqliteError|SQLITE_/.test(res.body)) failures.push(`${where}: leaks internals`);
    }
  } finally {
    await app.close();
  }
  assert.deepEqual(failures, [], failures.slice(0, 10).join('\n'));
  // Both sides were exercised: accepted requests and refused ones.
  assert.ok([...byStatus].some(([status]) => status < 300), JSON.stringify([...byStatus]));
  assert.ok([...byStatus].some(([status]) => status === 400), JSON.stringify([...byStatus]));
  console.log(`status counts: ${JSON.stringify(Object.fromEntries([...byStatus].sort((a, b) => a[0] - b[0])))}`);
});

test('every operation with a request body, sent without one: 400 naming the body, never a 500', async () => {
  const { app, context } = await createTestSandbox({ rateLimits: {} });
  const answers: string[] = [];
  try {
    // The one-stop system's key, which its operations check before anything else.
    const { key } = await createApiKey(context.storage, { scope: 'sync', agency: '000.00.15.H26' });
    // The public contract's; the sandbox's controls are tested with their own.
    for (const op of operations().filter((o) => o.body && !o.path.startsWith('/_sandbox'))) {
      const url = `/api/v1${op.path}`.replace(/\{(\w+)\}/g, (_, name: string) => {
        const param = op.parameters.find((p) => p.name === name)!;
        return encodeURIComponent(String(generate(param.schema, random(1))));
      });
      // The headers as a client sends them, so that the body is all that is missing.
      const headers = Object.fromEntries(op.parameters.filter((p) => p.in === 'header' && p.required)
        .map((p) => [p.name.toLowerCase(), p.name.toLowerCase() === 'idempotency-key' ? 'no-body-key-0000000001' : String(generate(p.schema, random(1)))]));
      const res = await app.inject({ method: op.method as 'POST', url, headers: { ...headers, authorization: `Bearer ${key}` } });
      const problem = JSON.parse(res.body) as { code: string; errors?: { path: string }[] };
      answers.push(`${op.operationId}: ${res.statusCode} ${problem.code}${problem.errors?.some((e) => e.path === '/body') ? ' /body' : ''}`);
    }
  } finally {
    await app.close();
  }
  assert.ok(answers.length >= 5, answers.join('\n'));
  for (const line of answers) assert.match(line, /: 400 validation_failed \/body$/);
});

test('hostile input the generator does not make: nested thousands deep, addresses the contract takes and URL does not, broken percent-encoding: never a 500', async () => {
  const { app } = await createTestSandbox({ rateLimits: {} });
  try {
    // A gateway's notification takes any fields: JSON nested 30,000 deep still fits in its 64 KB.
    const deep = `{"x":${'['.repeat(30_000)}${']'.repeat(30_000)}}`;
    const nested = await app.inject({ method: 'POST', url: '/api/v1/payments/gateways/momo/ipn', headers: { 'content-type': 'application/json' }, payload: deep });
    assert.ok(nested.statusCode < 500, `${nested.statusCode} ${nested.body.slice(0, 200)}`);

    // Valid as the contract's `format: uri`, refused by the WHATWG URL parser.
    for (const returnUrl of ['http://a:99999/', 'http://1.2.3.4.5/', 'http://xn--/']) {
      const res = await app.inject({
        method: 'POST', url: '/api/v1/payments', headers: { 'idempotency-key': `hostile-url-${returnUrl.length}-000000000` },
        payload: { dossierCode: '000.00.15.H26-261102-0006', applicantId: '001099000006', returnUrl },
      });
      assert.equal(res.statusCode, 400, `${returnUrl}: ${res.body}`);
      assert.deepEqual((res.json() as { errors: { path: string }[] }).errors.map((e) => e.path), ['/body/returnUrl'], returnUrl);
    }

    // A truncated escape in the query string, with the sandbox's faults on.
    const broken = await app.inject({ method: 'GET', url: '/api/v1/procedures?q=%E0%A4%A' });
    assert.ok(broken.statusCode < 500, `${broken.statusCode} ${broken.body}`);
  } finally {
    await app.close();
  }
});
