import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DvcApiError, DvcNetworkError, DvcResponseError, DvcTimeoutError, toProblem } from '../src/errors.ts';

test('retryable: the same request again may succeed after the connection, the server or a wait', () => {
  assert.equal(new DvcNetworkError('offline').retryable, true);
  assert.equal(new DvcTimeoutError('slow').retryable, true);
  assert.equal(new DvcResponseError('html', 502).retryable, true);
  for (const status of [500, 502, 503, 504, 408, 429]) {
    assert.equal(new DvcApiError(toProblem(status, undefined)).retryable, true, `HTTP ${status}`);
  }
});

test('not retryable: the API refused the request itself', () => {
  for (const status of [400, 401, 403, 404, 406, 409, 413, 415, 422]) {
    assert.equal(new DvcApiError(toProblem(status, undefined)).retryable, false, `HTTP ${status}`);
  }
  const notFound = toProblem(404, { code: 'dossier_not_found', title: 'Not found', status: 404, type: 'about:blank' });
  assert.equal(new DvcApiError(notFound).retryable, false);
});

test('a refused dossier token (401) keeps its code and is not retryable: the person proves who they are again', () => {
  for (const code of ['dossier_token_invalid', 'dossier_token_expired'] as const) {
    const error = new DvcApiError(toProblem(401, { code, title: 'Refused', status: 401, type: 'about:blank' }));
    assert.equal(error.code, code);
    assert.equal(error.retryable, false, code);
  }
});

test('a rate limit says how long to wait', () => {
  const error = new DvcApiError(toProblem(429, { code: 'rate_limited', title: 'Slow down', status: 429, type: 'about:blank' }), 30);
  assert.equal(error.retryable, true);
  assert.equal(error.retryAfter, 30);
});

test('a body that is no problem of the contract\'s gets the code its status means', () => {
  const codes = [404, 406, 413, 415, 429, 503, 500, 400].map((status) => toProblem(status, '<html>an error page</html>').code);
  assert.deepEqual(codes, ['not_found', 'not_acceptable', 'payload_too_large', 'unsupported_media_type', 'rate_limited', 'service_unavailable', 'internal_error', 'validation_failed']);
});
