import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { applicantDigest, digestsEqual } from '../src/dossiers/applicant-digest.ts';
import { createTestSandbox } from './support/test-database.ts';
import { answerOnlyMediaTypes, loadContract } from '../src/http/contract.ts';

test('API responses carry the security headers; HTML pages their own policy', async () => {
  const { app } = await createTestSandbox({ rateLimits: {} });
  try {
    for (const url of ['/api/v1/health', '/api/v1/procedures?q=khai%20sinh', '/api/v1/nope']) {
      const res = await app.inject({ method: 'GET', url });
      assert.equal(res.headers['x-content-type-options'], 'nosniff', url);
      assert.equal(res.headers['referrer-policy'], 'no-referrer', url);
      assert.equal(res.headers['content-security-policy'], "default-src 'none'; frame-ancestors 'none'", url);
    }
    const lookup = await app.inject({ method: 'POST', url: '/api/v1/dossiers/lookup', payload: { code: '000.00.15.H26-261102-0004', applicantId: '001099000004' } });
    assert.equal(lookup.headers['cache-control'], 'no-store');
  } finally {
    await app.close();
  }
});

test('identity-number digests: keyed, compared in constant time (timingSafeEqual), safe on any input', () => {
  const a = applicantDigest('001099000004', 'key');
  assert.match(a, /^[0-9a-f]{64}$/);
  assert.notEqual(a, applicantDigest('001099000004', 'other key'), 'keyed: the key changes the digest');
  assert.equal(digestsEqual(a, applicantDigest('001099000004', 'key')), true);
  assert.equal(digestsEqual(a, applicantDigest('001099000005', 'key')), false);
  // Different lengths and garbage never throw (timingSafeEqual would, on unequal lengths).
  assert.equal(digestsEqual(a, 'ab'), false);
  assert.equal(digestsEqual(a, 'not hex at all'), false);
});

test('idempotency records hold no guessable hash of the identity number: keyed, per sandbox key', async () => {
  // Demo dossier 0014 owes fees; its made-up identity number is in the README.
  const request = { dossierCode: '000.00.15.H26-261102-0014', applicantId: '001099000014', returnUrl: 'http://localhost:8080/pay' };
  const storedDigests = async (applicantKey: string) => {
    const { app, context } = await createTestSandbox({ rateLimits: {}, applicantKey });
    try {
      const headers = { 'idempotency-key': 'k'.repeat(32) };
      const first = await app.inject({ method: 'POST', url: '/api/v1/payments', headers, payload: request });
      assert.equal(first.statusCode, 201, first.body);
      // The same key with another body is still refused (the keyed digests compare).
      const other = await app.inject({ method: 'POST', url: '/api/v1/payments', headers, payload: { ...request, returnUrl: 'http://localhost:8080/other' } });
      assert.equal(other.statusCode, 422, other.body);
      const again = await app.inject({ method: 'POST', url: '/api/v1/payments', headers, payload: request });
      assert.equal(again.json().id, first.json().id);
      return (await context.storage.all<{ request_digest: string }>('SELECT request_digest FROM idempotency_keys')).map((r) => r.request_digest);
    } finally {
      await app.close();
    }
  };
  const [digest] = await storedDigests('one key');
  const unkeyed = createHash('sha256').update(JSON.stringify([request.dossierCode, request.applicantId, request.returnUrl, null, null])).digest('hex');
  assert.match(digest!, /^[0-9a-f]{64}$/);
  assert.notEqual(digest, unkeyed, 'not a plain hash that trying every number would find');
  assert.notEqual(digest, (await storedDigests('another key'))[0], 'keyed: the sandbox key changes it');
});


test('a body in a type the contract only answers with (CSV, a workbook, HTML, a problem) is refused as 415; the server starts without a warning', async () => {
  const contract = loadContract({ sandbox: true });
  assert.deepEqual(answerOnlyMediaTypes(contract), ['application/problem+json', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv', 'text/html']);
  let logText = '';
  const stream = new PassThrough().on('data', (chunk) => { logText += chunk; });
  const { app } = await createTestSandbox({ rateLimits: {}, logger: { level: 'info', stream } });
  try {
    await app.ready();
    const warnings = logText.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { level: number; msg: string }).filter((entry) => entry.level >= 40);
    assert.deepEqual(warnings.map((entry) => entry.msg), [], 'no warning at start');
    for (const type of answerOnlyMediaTypes(contract)) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/dossiers/lookup', headers: { 'content-type': type }, payload: 'code,applicantId' });
      assert.equal(res.statusCode, 415, type);
      assert.equal(res.json().code, 'unsupported_media_type', type);
    }
  } finally {
    await app.close();
  }
});
