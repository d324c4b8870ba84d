import { existsSync } from 'node:fs';
import { openDatabase, transaction } from '../db/database.ts';
import { countProcedures, saveProcedures } from '../procedures/repository.ts';
import { createImportStats, readPublicCatalogue } from './import-dichvucong.ts';
import type { ProcedureRecord } from './record.ts';

/**
 * Loads the national portal's public catalogue (catalog.jsonl + details/) into a sandbox database,
 * replacing procedures with the same code. For scale tests and benchmarks.
 */
export interface ImportResult {
  /** Records read from the catalogue. */
  read: number;
  /** Procedures in the database afterwards (a code listed twice is stored once). */
  stored: number;
  /** Malformed catalogue lines skipped. */
  skipped: number;
}

export async function importPublicCatalogue(database: string, directory: string): Promise<ImportResult> {
  if (!existsSync(directory)) throw new Error(`No public catalogue at ${directory}.`);
  const records: ProcedureRecord[] = [];
  const stats = createImportStats();
  for await (const record of readPublicCatalogue(directory, stats)) records.push(record);
  const db = openDatabase(database);
  try {
    const read = transaction(db, () => saveProcedures(db, records));
    return { read, stored: countProcedures(db), skipped: stats.skipped };
  } finally {
    db.close();
  }
}
