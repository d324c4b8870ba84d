import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const STORAGE = new URL('../src/storage/sqlite.ts', import.meta.url).href;

/**
 * In a child process, so that a storage stuck in a loop fails the test (its time runs out)
 * rather than stopping the test runner with it.
 */
const SCENARIO = `
import { DatabaseSync } from 'node:sqlite';
import { SqliteStorage } from ${JSON.stringify(STORAGE)};
const file = process.argv.at(-1);
const storage = new SqliteStorage(file);
await storage.exec('CREATE TABLE t (n INTEGER)');
// Another process (a second server, or the CLI importing) holds the write lock past busy_timeout.
const other = new DatabaseSync(file);
other.exec('BEGIN IMMEDIATE');
const failed = await storage.transaction((tx) => tx.run('INSERT INTO t VALUES (1)')).then(() => 'committed', (error) => error.message);
other.exec('ROLLBACK');
other.close();
await storage.ping();
await storage.transaction((tx) => tx.run('INSERT INTO t VALUES (2)'));
const rows = await storage.all('SELECT n FROM t');
await storage.close();
console.log(JSON.stringify({ failed, rows }));
`;

test('SQLite: a transaction that cannot take the write lock fails with the reason, and the storage goes on serving', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dvc-sqlite-lock-'));
  try {
    const child = spawnSync(process.execPath, ['--conditions=source', '--input-type=module', '-e', SCENARIO, join(dir, 'locked.db')], { encoding: 'utf8', timeout: 30_000 });
    assert.equal(child.signal, null, `the storage hung after the failed transaction: ${child.stderr}`);
    assert.equal(child.status, 0, child.stderr);
    const { failed, rows } = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { failed: string; rows: { n: number }[] };
    assert.match(failed, /locked/);
    assert.deepEqual(rows.map((row) => row.n), [2], 'the refused write left nothing; the next one is kept');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
