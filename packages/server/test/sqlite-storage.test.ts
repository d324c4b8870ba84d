import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { openStorage } from '../src/storage/open.ts';
import { SqliteStorage } from '../src/storage/sqlite.ts';

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

test('SQLite: a transaction its disk cannot hold fails with SQLite\'s reason, as an outage (503), and the storage goes on serving', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dvc-sqlite-full-'));
  const storage = new SqliteStorage(join(dir, 'full.db'));
  try {
    await storage.exec('CREATE TABLE t (x TEXT)');
    const { page_count: pages } = (await storage.one<{ page_count: number }>('PRAGMA page_count'))!;
    // A disk with room for two pages more: SQLite rolls the transaction back itself.
    await storage.exec(`PRAGMA max_page_count = ${pages + 2}`);
    const failure = await storage.transaction(async (tx) => {
      for (let i = 0; i < 100; i++) await tx.run('INSERT INTO t VALUES (?)', ['x'.repeat(4000)]);
    }).then(() => undefined, (error: unknown) => error);
    assert.match(String((failure as Error)?.message), /database or disk is full/);
    assert.equal(storage.isUnreachable(failure), true, 'answered 503 with Retry-After');
    assert.equal(storage.needsOperator(failure), true, 'logged as an error: it will not pass by itself');
    assert.equal(storage.needsOperator(Object.assign(new Error('database is locked'), { errcode: 5 })), false, 'busy: it passes');
    await storage.exec('PRAGMA max_page_count = 1073741823');
    await storage.transaction((tx) => tx.run('INSERT INTO t VALUES (?)', ['kept']));
    assert.deepEqual((await storage.all<{ x: string }>('SELECT x FROM t')).map((row) => row.x), ['kept']);
  } finally {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('SQLite: a statement made while a transaction is open runs after it, on its own: never inside the next transaction, nor lost with its rollback', async () => {
  const storage = new SqliteStorage(':memory:');
  try {
    await storage.exec('CREATE TABLE t (x TEXT)');
    let firstBegan!: () => void;
    let endFirst!: () => void;
    const firstOpen = new Promise<void>((resolve) => (firstBegan = resolve));
    const firstMayEnd = new Promise<void>((resolve) => (endFirst = resolve));
    const first = storage.transaction(async (tx) => {
      await tx.run("INSERT INTO t VALUES ('first')");
      firstBegan();
      await firstMayEnd;
    });
    await firstOpen;
    // Another request's write (a guess counted, a refund marked) comes while the first is open,
    // and a third request's transaction is queued behind it, which fails (a key already taken).
    const standalone = storage.run("INSERT INTO t VALUES ('standalone')");
    const failing = storage.transaction(async (tx) => {
      await tx.run("INSERT INTO t VALUES ('rolled back')");
      await new Promise((resolve) => setTimeout(resolve, 10));
      throw new Error('refused');
    });
    endFirst();
    await first;
    assert.equal(await standalone, 1);
    await assert.rejects(failing, /refused/);
    assert.deepEqual((await storage.all<{ x: string }>('SELECT x FROM t ORDER BY rowid')).map((row) => row.x), ['first', 'standalone']);
  } finally {
    await storage.close();
  }
});

/** Opens a storage in a child process as a user without root's rights (nobody, when the tests run as root). */
function openAsUser(file: string): { status: number | null; stderr: string } {
  const script = `import { SqliteStorage } from ${JSON.stringify(STORAGE)};
try { await new SqliteStorage(process.argv.at(-1)).close(); } catch (error) { console.error(error.message); process.exit(1); }`;
  const args = ['--conditions=source', '--input-type=module', '-e', script, file];
  const asRoot = process.getuid?.() === 0;
  const child = asRoot
    ? spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, ...args], { encoding: 'utf8', timeout: 30_000, cwd: tmpdir() })
    : spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 30_000 });
  return { status: child.status, stderr: child.stderr.trim() };
}

test('SQLite: a file or folder it cannot write is named, with what to fix, not "attempt to write a readonly database"', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dvc-sqlite-rights-'));
  try {
    chmodSync(dir, 0o755);
    const readOnlyFolder = join(dir, 'read-only-folder');
    mkdirSync(readOnlyFolder);
    writeFileSync(join(readOnlyFolder, 'dvc.db'), '');
    chmodSync(join(readOnlyFolder, 'dvc.db'), 0o666);
    chmodSync(readOnlyFolder, 0o555);
    const inFolder = openAsUser(join(readOnlyFolder, 'dvc.db'));
    assert.equal(inFolder.status, 1, inFolder.stderr);
    assert.equal(inFolder.stderr, `the database's folder ${readOnlyFolder} is not writable by this user: SQLite writes its -wal and -shm files beside dvc.db`);

    const missing = openAsUser(join(readOnlyFolder, 'new', 'dvc.db'));
    assert.equal(missing.stderr, `cannot make the database's folder ${join(readOnlyFolder, 'new')}: EACCES`);

    const openFolder = join(dir, 'open-folder');
    mkdirSync(openFolder);
    chmodSync(openFolder, 0o777);
    writeFileSync(join(openFolder, 'dvc.db'), '');
    chmodSync(join(openFolder, 'dvc.db'), 0o444);
    const readOnlyFile = openAsUser(join(openFolder, 'dvc.db'));
    assert.equal(readOnlyFile.stderr, `the database file ${join(openFolder, 'dvc.db')} is not writable by this user`);

    // Writable: opened (and made, with its folder) without a word.
    const fine = openAsUser(join(openFolder, 'made', 'dvc.db'));
    assert.deepEqual(fine, { status: 0, stderr: '' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('DATABASE_URL: a mistyped PostgreSQL URL or another scheme is refused, not made into a new SQLite file (without echoing a password)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dvc-open-'));
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    for (const [url, begins] of [
      ['postgress://dvc:secret@db.internal:5432/dvc', 'postgress:'], ['postgresql//dvc:secret@db.internal/dvc', 'postgresql/'],
      ['pg://db.internal/dvc', 'pg:'], ['mysql://db.internal/dvc', 'mysql:'],
    ] as const) {
      assert.throws(() => openStorage(url), (error: Error) => {
        assert.equal(error.message, `DATABASE_URL is neither a PostgreSQL URL (postgres:// or postgresql://) nor a file path: it begins "${begins}"`);
        return true;
      }, url);
    }
    assert.deepEqual(readdirSync(dir), [], 'nothing made');
    // Paths, file: URLs and a folder whose name merely starts so are files.
    for (const url of ['postgres-data/dvc.db', `file:${join(dir, 'a.db')}`, join(dir, 'b.db')]) await openStorage(url).close();
  } finally {
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
  }
});
