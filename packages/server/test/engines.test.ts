import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSandbox, migrationStatus } from '../src/index.ts';
import type { Server } from '../src/index.ts';
import { importPublicCatalogue } from '../src/catalog/import-command.ts';
import { searchProcedures } from '../src/procedures/repository.ts';
import { typingSequences } from '../../../bench/queries.ts';
import { startPostgres } from './support/postgres-cluster.ts';
import type { PostgresCluster } from './support/postgres-cluster.ts';

const PUBLIC_DATA = new URL('../../../../shared/data/dichvucong/', import.meta.url).pathname;

/**
 * The same catalogue on both engines answers every benchmark query alike: search reads the kit's
 * own fold from either and ranks in one place. Runs on the full public catalogue when it is beside
 * the checkout, else on the curated seed.
 */
describe('SQLite and PostgreSQL', { timeout: 120_000 }, () => {
  let cluster: PostgresCluster;
  let dir: string;
  let sqlite: Server;
  let postgres: Server;
  const full = existsSync(PUBLIC_DATA);

  before(async () => {
    cluster = await startPostgres();
    dir = mkdtempSync(join(tmpdir(), 'dvc-engines-'));
    const sqliteUrl = join(dir, 'catalogue.db');
    const postgresUrl = await cluster.createDatabase('engines');
    if (full) {
      await importPublicCatalogue(sqliteUrl, PUBLIC_DATA);
      await importPublicCatalogue(postgresUrl, PUBLIC_DATA);
    }
    sqlite = await createSandbox({ databaseUrl: sqliteUrl, rateLimits: {} });
    postgres = await createSandbox({ databaseUrl: postgresUrl, rateLimits: {} });
  });
  after(async () => {
    await sqlite?.app.close();
    await postgres?.app.close();
    await cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('rank the benchmark queries alike: same totals, same top ten, same facets', async () => {
    const names = (await sqlite.context.storage.all<{ name: string }>('SELECT name FROM procedures ORDER BY code')).map((r) => r.name);
    const queries = [...new Set(typingSequences(names).flat())];
    assert.ok(queries.length > 100, `${queries.length} queries`);
    for (const q of queries) {
      const [a, b] = await Promise.all([
        searchProcedures(sqlite.context, { q, page: 1, pageSize: 10 }),
        searchProcedures(postgres.context, { q, page: 1, pageSize: 10 }),
      ]);
      assert.equal(b.total, a.total, `total for "${q}"`);
      assert.deepEqual(b.items.map((i) => i.code), a.items.map((i) => i.code), `top ten for "${q}"`);
      assert.deepEqual(b.facets, a.facets, `facets for "${q}"`);
    }
    if (full) {
      const top = await searchProcedures(postgres.context, { q: 'dang ky khai sinh', page: 1, pageSize: 10 });
      assert.equal(top.items[0]?.code, '1.001193');
    }
  });

  test('fold Vietnamese alike: "Đăng ký" and "dang ky" find the same procedures on PostgreSQL', async () => {
    const folded = await searchProcedures(postgres.context, { q: 'dang ky ket hon', page: 1, pageSize: 50 });
    const marked = await searchProcedures(postgres.context, { q: 'ĐĂNG KÝ KẾT HÔN', page: 1, pageSize: 50 });
    assert.ok(folded.total > 0);
    assert.deepEqual(marked.items.map((i) => i.code), folded.items.map((i) => i.code));
  });

  test('both schemas are at the latest migration', async () => {
    for (const server of [sqlite, postgres]) {
      const status = await migrationStatus(server.context.storage);
      assert.equal(status.current, status.latest, server.context.storage.engine);
      assert.deepEqual(status.pending, []);
    }
  });

  test('a NUL character is refused with a named field on both engines, not a 500', async () => {
    for (const server of [sqlite, postgres]) {
      const res = await server.app.inject({ method: 'GET', url: '/api/v1/procedures?agency=%00' });
      assert.equal(res.statusCode, 400, `${server.context.storage.engine}: ${res.body}`);
      assert.deepEqual(res.json().errors, [{ path: '/querystring/agency', message: 'must not contain a NUL character' }]);
    }
  });
});
