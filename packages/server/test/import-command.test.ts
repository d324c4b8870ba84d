import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importPublicCatalogue } from '../src/catalog/import-command.ts';
import { createTestSandbox } from './support/test-database.ts';

const PUBLIC_DATA = resolve(fileURLToPath(new URL('../../../', import.meta.url)), '../shared/data/dichvucong');

test('the import command loads the whole public catalogue into a database the sandbox then serves', {
  skip: existsSync(PUBLIC_DATA) ? false : `public catalogue not found at ${PUBLIC_DATA}`,
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dvc-import-'));
  const database = join(dir, 'full.db');
  try {
    const { read, stored, skipped } = await importPublicCatalogue(database, PUBLIC_DATA);
    assert.equal(read, 5670);
    // One code is published twice (once with a stray space): stored once.
    assert.equal(stored, 5669);
    assert.equal(skipped, 0);
    const { app } = await createTestSandbox({ databaseUrl: database, rateLimits: {} });
    try {
      const health = JSON.parse((await app.inject({ method: 'GET', url: '/api/v1/health' })).body) as { procedures: number };
      assert.equal(health.procedures, stored);
      const search = JSON.parse((await app.inject({ method: 'GET', url: '/api/v1/procedures?q=dang%20ky%20khai%20sinh' })).body) as { items: { code: string }[]; total: number };
      assert.equal(search.items[0]?.code, '1.001193');
      assert.ok(search.total > 10);
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
