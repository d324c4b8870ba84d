import type { components } from '@dvc-kit/sdk';
import type { Storage } from './storage.ts';
import { migrationStatus } from './migrate.ts';
import { LATEST_VERSION } from './migrations.ts';

type Readiness = components['schemas']['Readiness'];

/** Whether the database answers and its schema is the one this server knows. */
export async function readinessOf(storage: Storage): Promise<Readiness> {
  try {
    await storage.ping();
  } catch {
    return { status: 'not-ready', checks: { database: 'unreachable', migrations: 'unknown' }, schemaVersion: null, latestSchemaVersion: LATEST_VERSION };
  }
  const { current } = await migrationStatus(storage);
  const migrations = current === LATEST_VERSION ? 'current' : current < LATEST_VERSION ? 'pending' : 'ahead';
  return {
    status: migrations === 'current' ? 'ready' : 'not-ready',
    checks: { database: 'ok', migrations },
    schemaVersion: current,
    latestSchemaVersion: LATEST_VERSION,
  };
}
