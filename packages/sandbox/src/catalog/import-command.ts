import { existsSync } from 'node:fs';
import { openDatabase, transaction } from '../db/database.ts';
import { saveProcedures } from '../procedures/repository.ts';
import { createImportStats, readPublicCatalogue } from './import-dichvucong.ts';
import type { ProcedureRecord } from './record.ts';

/**
 * Loads the national portal's public catalogue (catalog.jsonl + details/) into a sandbox database,
 * replacing procedures with the same code. For scale tests and benchmarks.
 */
export async function importPublicCatalogue(database: string, directory: string): Promise<{ imported: number; skipped: number }> {
  if (!existsSync(directory)) throw new Error(`No public catalogue at ${directory}.`);
  const records: ProcedureRecord[] = [];
  const stats = createImportStats();
  for await (const record of readPublicCatalogue(directory, stats)) records.push(record);
  const db = openDatabase(database);
  try {
    const imported = transaction(db, () => saveProcedures(db, records));
    return { imported, skipped: stats.skipped };
  } finally {
    db.close();
  }
}
