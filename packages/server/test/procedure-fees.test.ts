import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Procedure } from '@dvc-kit/sdk';
import { createTestSandbox } from './support/test-database.ts';

const KIND_LABEL = { fee: /^lệ phí\s*:/iu, charge: /^phí\s*:/iu, price: /^giá\s*:/iu } as const;

describe('fee lines the API returns', () => {
  let sandbox: Awaited<ReturnType<typeof createTestSandbox>>;
  before(async () => { sandbox = await createTestSandbox({ rateLimits: {} }); });
  after(() => sandbox.app.close());

  test('no description repeats its kind as a label; no line or row is listed twice', async () => {
    const codes: string[] = [];
    for (let page = 1; ; page++) {
      const list = JSON.parse((await sandbox.app.inject({ method: 'GET', url: `/api/v1/procedures?pageSize=50&page=${page}` })).body) as { items: { code: string }[]; total: number };
      codes.push(...list.items.map((p) => p.code));
      if (codes.length >= list.total || list.items.length === 0) break;
    }
    assert.ok(codes.length > 50);
    for (const code of codes) {
      const p = JSON.parse((await sandbox.app.inject({ method: 'GET', url: `/api/v1/procedures/${code}` })).body) as Procedure;
      const rows = new Set<string>();
      for (const channel of p.channelDetails) {
        const row = JSON.stringify(channel);
        assert.ok(!rows.has(row), `${code}: ${channel.channel} listed twice`);
        rows.add(row);
        const lines = channel.fees.map((f) => JSON.stringify(f));
        assert.equal(new Set(lines).size, lines.length, `${code} ${channel.channel}: a fee line listed twice`);
        for (const fee of channel.fees) assert.doesNotMatch(fee.description, KIND_LABEL[fee.kind], `${code} ${channel.channel}`);
      }
    }
  });

  test('the mission abroad\'s lệ phí in US dollars reads "70 USD" under its kind', async () => {
    const p = JSON.parse((await sandbox.app.inject({ method: 'GET', url: '/api/v1/procedures/2.000682' })).body) as Procedure;
    assert.deepEqual(p.channelDetails.flatMap((c) => c.fees), [{ kind: 'fee', amount: null, setByProvince: false, description: '70 USD' }]);
  });
});
