import { readFileSync } from 'node:fs';
import type { ServerContext } from '../context.ts';
import type { ProcedureRecord } from '../catalog/record.ts';
import { countProcedures, saveProcedures } from '../procedures/repository.ts';
import { createDossier } from '../dossiers/repository.ts';
import { demoDossiers } from './demo-dossiers.ts';

/** The curated catalogue shipped with the sandbox. */
export const SEED_PROCEDURES = new URL('../../seed/procedures.json', import.meta.url);

/** Tables emptied by a sandbox reset before the seed is loaded again (children first). */
const RESETTABLE_TABLES = [
  'survey_idempotency_keys', 'survey_responses', 'receipts', 'idempotency_keys', 'payments', 'dossier_history', 'dossiers', 'rate_limit_windows',
  'sandbox_gateway_transactions', 'sandbox_gateway_requests',
] as const;

export function readSeedProcedures(file: URL | string = SEED_PROCEDURES): ProcedureRecord[] {
  return JSON.parse(readFileSync(file, 'utf8')) as ProcedureRecord[];
}

/** Loads the curated procedures when the catalogue is empty, and the demo dossiers when none exist. */
export async function seedDatabase(ctx: ServerContext, seedFile?: URL | string): Promise<void> {
  // Two servers starting at once on one empty database: one seeds, the other then finds it seeded.
  await ctx.storage.exclusive('seed', async () => {
    if ((await countProcedures(ctx)) === 0) await saveProcedures(ctx, readSeedProcedures(seedFile));
    const dossiers = (await ctx.storage.one<{ n: number }>('SELECT count(*) AS n FROM dossiers'))!.n;
    if (dossiers === 0) for (const input of demoDossiers(ctx.now())) await createDossier(ctx, input);
  });
}

/** Forgets everything people did (dossiers, payments, responses) and seeds again; keeps the catalogue. */
export async function resetDatabase(ctx: ServerContext): Promise<void> {
  await ctx.storage.transaction(async (tx) => {
    for (const table of RESETTABLE_TABLES) await tx.run(`DELETE FROM ${table}`);
    await tx.run("DELETE FROM counters WHERE name LIKE 'receipt-%'");
  });
  ctx.rateLimiter.forgetUnwritten();
  await seedDatabase(ctx);
}
