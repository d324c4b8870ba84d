import { readFileSync } from 'node:fs';
import type { SandboxContext } from '../context.ts';
import { transaction } from '../db/database.ts';
import { RESETTABLE_TABLES } from '../db/schema.ts';
import type { ProcedureRecord } from '../catalog/record.ts';
import { countProcedures, saveProcedures } from '../procedures/repository.ts';
import { createDossier } from '../dossiers/repository.ts';
import { demoDossiers } from './demo-dossiers.ts';

/** The curated catalogue shipped with the sandbox. */
export const SEED_PROCEDURES = new URL('../../seed/procedures.json', import.meta.url);

export function readSeedProcedures(file: URL | string = SEED_PROCEDURES): ProcedureRecord[] {
  return JSON.parse(readFileSync(file, 'utf8')) as ProcedureRecord[];
}

/** Loads the curated procedures when the catalogue is empty, and the demo dossiers when none exist. */
export function seedDatabase(ctx: SandboxContext, seedFile?: URL | string): void {
  if (countProcedures(ctx.db) === 0) {
    transaction(ctx.db, () => saveProcedures(ctx.db, readSeedProcedures(seedFile)));
  }
  const dossiers = (ctx.db.prepare('SELECT count(*) AS n FROM dossiers').get() as { n: number }).n;
  if (dossiers === 0) for (const input of demoDossiers(ctx.now())) createDossier(ctx, input);
}

/** Forgets everything people did (dossiers, payments, responses) and seeds again; keeps the catalogue. */
export function resetDatabase(ctx: SandboxContext): void {
  transaction(ctx.db, () => {
    for (const table of RESETTABLE_TABLES) ctx.db.exec(`DELETE FROM ${table}`);
    ctx.db.exec("DELETE FROM meta WHERE key LIKE 'receipt-seq-%'");
  });
  seedDatabase(ctx);
}
