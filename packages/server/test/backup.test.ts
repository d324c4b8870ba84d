import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { existsSync, mkdtempSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createSandbox } from '../src/index.ts';
import type { Server } from '../src/index.ts';
import { findBinDir, startPostgres } from './support/postgres-cluster.ts';
import type { PostgresCluster } from './support/postgres-cluster.ts';
import { DEMO } from './support/sandbox.ts';

/**
 * Backup and restore as the README tells a department to do them, on both engines: a payment made
 * before the backup is there after the restore, with its receipts.
 */
async function payDemoDossier(server: Server): Promise<string> {
  const res = await server.app.inject({
    method: 'POST', url: '/api/v1/payments', headers: { 'idempotency-key': 'backup-test-key-000000000000001' },
    payload: { dossierCode: DEMO.paymentDue.code, applicantId: DEMO.paymentDue.applicantId, returnUrl: 'http://localhost:8080/nop-phi' },
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().id as string;
}

async function paymentIn(server: Server, id: string) {
  const res = await server.app.inject({ method: 'GET', url: `/api/v1/payments/${id}` });
  return { status: res.statusCode, state: res.statusCode === 200 ? res.json().state as string : null };
}

describe('backup and restore', () => {
  let dir: string;
  let cluster: PostgresCluster;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dvc-backup-'));
    cluster = await startPostgres();
  });
  after(async () => {
    await cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('SQLite: `dvc-server backup` while serving, then the copy in place of the file', async () => {
    const live = join(dir, 'live.db');
    const copy = join(dir, 'backup.db');
    const server = await createSandbox({ databaseUrl: live, rateLimits: {} });
    const id = await payDemoDossier(server);
    // The README's command, from another process, while this server holds the database open.
    const cli = new URL('../src/cli.ts', import.meta.url).pathname;
    const out = execFileSync(process.execPath, ['--conditions=source', cli, 'backup', '--db', live, '--to', copy], { encoding: 'utf8' });
    assert.match(out, /copied to/);
    assert.equal(statSync(copy).mode & 0o777, 0o600, 'the copy is readable by its owner only');
    // A copy into a folder that is not there is named as that, before the database is touched.
    const nowhere = join(dir, 'no-such-folder', 'backup.db');
    const refused = spawnSync(process.execPath, ['--conditions=source', cli, 'backup', '--db', live, '--to', nowhere], { encoding: 'utf8' });
    assert.equal(refused.status, 2, refused.stderr);
    assert.match(refused.stderr, new RegExp(`^dvc-server backup: the folder ${join(dir, 'no-such-folder').replaceAll('.', '\\.')} does not exist: make it, or name a file in another\\.`));
    // A mistyped database path: refused, not made; an empty file there: not a backup of anything.
    const typo = spawnSync(process.execPath, ['--conditions=source', cli, 'backup', '--db', join(dir, 'typo', 'live.db'), '--to', join(dir, 'typo.bak')], { encoding: 'utf8' });
    assert.equal(typo.status, 78, typo.stderr);
    assert.match(typo.stderr, /There is no database at .*typo\/live\.db/);
    assert.equal(existsSync(join(dir, 'typo')), false);
    writeFileSync(join(dir, 'empty.db'), '');
    const empty = spawnSync(process.execPath, ['--conditions=source', cli, 'backup', '--db', join(dir, 'empty.db'), '--to', join(dir, 'empty.bak')], { encoding: 'utf8' });
    assert.equal(empty.status, 78, empty.stderr);
    assert.match(empty.stderr, /holds no DVC Kit data \(schema version 0\): check DATABASE_URL/);
    assert.equal(existsSync(join(dir, 'empty.bak')), false);
    await server.app.close();

    const restored = await createSandbox({ databaseUrl: copy, rateLimits: {} });
    try {
      assert.deepEqual(await paymentIn(restored, id), { status: 200, state: 'pending' });
    } finally {
      await restored.app.close();
    }
  });

  test('PostgreSQL: pg_dump while serving, pg_restore into a new database', async () => {
    const source = await cluster.createDatabase('live');
    const server = await createSandbox({ databaseUrl: source, rateLimits: {} });
    const id = await payDemoDossier(server);
    const dump = join(dir, 'dvc.dump');
    // The client tools sit beside the real initdb (PATH may hold only a link to it).
    const bin = dirname(realpathSync(join(findBinDir(), 'initdb')));
    const connection = (url: string) => {
      const parsed = new URL(url);
      return ['--host', parsed.searchParams.get('host')!, '--port', parsed.searchParams.get('port')!, '--username', 'postgres', '--dbname', parsed.pathname.slice(1)];
    };
    execFileSync(join(bin, 'pg_dump'), [...connection(source), '--format=custom', '--file', dump]);
    await server.app.close();

    const target = await cluster.createDatabase('restored');
    execFileSync(join(bin, 'pg_restore'), [...connection(target), '--no-owner', '--exit-on-error', dump]);
    const restored = await createSandbox({ databaseUrl: target, rateLimits: {} });
    try {
      assert.deepEqual(await paymentIn(restored, id), { status: 200, state: 'pending' });
      const ready = await restored.app.inject({ method: 'GET', url: '/api/v1/ready' });
      assert.equal(ready.json().status, 'ready', 'the schema ledger came back with the data');
    } finally {
      await restored.app.close();
    }
  });
});
