import type { components } from '@dvc-kit/sdk';
import type { Storage } from './storage.ts';
import { migrationStatus } from './migrate.ts';
import { LATEST_VERSION } from './migrations.ts';
import type { GateState } from './schema-gate.ts';

type Readiness = components['schemas']['Readiness'];

/** What a client is told to wait (Retry-After) while the database cannot serve: a restart takes seconds. */
export const DATABASE_RETRY_SECONDS = 5;

/**
 * Whether the server serves: the database answers, its schema is the one this server knows or a
 * newer one (a rolling upgrade's, which this release still reads), and the server's own verdict
 * (`gate`, schema-gate.ts, freshly looked at) lets requests through: ready exactly when the API
 * answers. The gate also says when the database answers but must not be served (another mode's).
 */
export async function readinessOf(storage: Storage, gate: GateState = 'open'): Promise<Readiness> {
  try {
    await storage.ping();
  } catch {
    return { status: 'not-ready', checks: { database: 'unreachable', migrations: 'unknown' }, schemaVersion: null, latestSchemaVersion: LATEST_VERSION };
  }
  const { current } = await migrationStatus(storage);
  const migrations = current === LATEST_VERSION ? 'current' : current < LATEST_VERSION ? 'pending' : 'ahead';
  const database = gate === 'refused' ? 'refused' : 'ok';
  return {
    status: migrations !== 'pending' && database === 'ok' && gate === 'open' ? 'ready' : 'not-ready',
    checks: { database, migrations },
    schemaVersion: current,
    latestSchemaVersion: LATEST_VERSION,
  };
}
