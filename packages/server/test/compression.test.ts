import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createTestSandbox } from './support/test-database.ts';
import type { Server } from '../src/index.ts';

/** What a phone on a slow network downloads: the catalogue's lists compressed, not tens of kB of JSON. */
describe('answers compressed as the client accepts', () => {
  let server: Server;
  before(async () => { server = await createTestSandbox({ rateLimits: {} }); });
  after(() => server.app.close());

  for (const url of ['/api/v1/agencies', '/api/v1/procedures/1.001193', '/api/v1/procedures?q=dang%20ky']) {
    test(`${url}: brotli, gzip, or as it is`, async () => {
      const plain = await server.app.inject({ method: 'GET', url });
      assert.equal(plain.headers['content-encoding'], undefined);
      const body = plain.json();

      const br = await server.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br, gzip' } });
      assert.equal(br.headers['content-encoding'], 'br');
      assert.match(String(br.headers['vary']), /accept-encoding/i);
      const brBytes = br.rawPayload;
      assert.deepEqual(JSON.parse(brotliDecompressSync(brBytes).toString('utf8')), body);
      assert.ok(brBytes.length < plain.rawPayload.length / 2, `${brBytes.length} of ${plain.rawPayload.length} bytes`);

      const gz = await server.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
      assert.equal(gz.headers['content-encoding'], 'gzip');
      assert.deepEqual(JSON.parse(gunzipSync(gz.rawPayload).toString('utf8')), body);
      // The headers the API always sends are still there.
      assert.equal(gz.headers['x-content-type-options'], 'nosniff');
      assert.equal(gz.headers['cache-control'], 'public, max-age=60');
    });
  }

  test('a small answer is sent as it is', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/v1/ready', headers: { 'accept-encoding': 'br' } });
    assert.equal(res.headers['content-encoding'], undefined);
    assert.equal(res.json().status, 'ready');
  });
});
