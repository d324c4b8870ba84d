import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import pg from 'pg';
import { startPostgres } from './support/postgres-cluster.ts';

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

test('a throwaway PostgreSQL cluster starts, makes databases, and leaves nothing behind', async () => {
  const cluster = await startPostgres();
  try {
    assert.ok(existsSync(cluster.host), 'the socket directory exists while running');
    assert.deepEqual(await query(cluster.url, 'SELECT 1 AS one'), [{ one: 1 }]);

    const url = await cluster.createDatabase('cluster_test');
    assert.deepEqual(await query(url, 'SELECT current_database() AS name, 1 AS one'), [{ name: 'cluster_test', one: 1 }]);
    assert.deepEqual(await query(url, 'SHOW server_encoding'), [{ server_encoding: 'UTF8' }]);
  } finally {
    await cluster.stop();
  }

  assert.equal(existsSync(cluster.host), false, 'the temp directory is removed');
  await assert.rejects(query(cluster.url, 'SELECT 1'), 'nothing accepts connections any more');
  await cluster.stop(); // a second stop is harmless
});
