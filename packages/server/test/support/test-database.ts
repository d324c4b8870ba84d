import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createSandbox } from '../../src/index.ts';
import type { Server, ServerOptions } from '../../src/index.ts';

/**
 * The engine the server's tests run on: SQLite in memory, or, with DVC_TEST_ENGINE=postgres and
 * DATABASE_URL naming a PostgreSQL server (`npm test`'s PostgreSQL step, through
 * scripts/with-postgres.mjs), a fresh database there for every server a test makes, so each
 * starts from the seed as on SQLite.
 */
export const TEST_ENGINE = process.env['DVC_TEST_ENGINE'] === 'postgres' ? 'postgres' : 'sqlite';

export async function freshDatabaseUrl(): Promise<string> {
  if (TEST_ENGINE === 'sqlite') return ':memory:';
  const admin = process.env['DATABASE_URL'];
  if (!admin) throw new Error('DVC_TEST_ENGINE=postgres needs DATABASE_URL: run the tests through scripts/with-postgres.mjs.');
  const name = `test_${randomUUID().replaceAll('-', '')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The sandbox on the test engine. */
export async function createTestSandbox(overrides: Partial<ServerOptions> = {}): Promise<Server> {
  return createSandbox({ databaseUrl: await freshDatabaseUrl(), ...overrides });
}
