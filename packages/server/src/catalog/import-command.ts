import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openStorage } from '../storage/open.ts';
import { migrate } from '../storage/migrate.ts';
import { CatalogueIndexes } from '../procedures/search-index.ts';
import { countProcedures, saveProcedures } from '../procedures/repository.ts';
import { createImportStats, readPublicCatalogue, settleFieldCodes } from './import-dichvucong.ts';
import type { ProcedureRecord } from './record.ts';

/**
 * Loads the national portal's public catalogue (catalog.jsonl + details/) into a database,
 * replacing procedures with the same code. Running servers see it within a second.
 */
export interface ImportResult {
  /** Records read from the catalogue. */
  read: number;
  /** Procedures in the database afterwards (a code listed twice is stored once). */
  stored: number;
  /** Malformed catalogue lines skipped. */
  skipped: number;
  /** Codes on more than one line, each stored once (the last line's). */
  repeatedCodes: string[];
}

export async function importPublicCatalogue(databaseUrl: string, directory: string): Promise<ImportResult> {
  if (!existsSync(join(directory, 'catalog.jsonl'))) {
    throw new Error(`No public catalogue at ${directory} (no catalog.jsonl there): name the folder that holds catalog.jsonl and details/ with --from.`);
  }
  const records: ProcedureRecord[] = [];
  const stats = createImportStats();
  for await (const record of readPublicCatalogue(directory, stats)) records.push(record);
  settleFieldCodes(records);
  const storage = openStorage(databaseUrl);
  try {
    await migrate(storage);
    const ctx = { storage, catalogue: new CatalogueIndexes(storage) };
    const read = await saveProcedures(ctx, records);
    return { read, stored: await countProcedures(ctx), skipped: stats.skipped, repeatedCodes: stats.repeatedCodes };
  } finally {
    await storage.close();
  }
}
