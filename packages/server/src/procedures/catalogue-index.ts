import type { components } from '@dvc-kit/sdk';
import type { Database } from '../db/database.ts';

type OnlineLevel = components['schemas']['OnlineLevel'];

/** What search needs of every procedure to filter, count facets and rank, without touching SQLite. */
export interface IndexedProcedure {
  id: number;
  code: string;
  nameFolded: string;
  fieldCode: string;
  fieldName: string;
  online: OnlineLevel;
  central: number;
  province: number;
  commune: number;
}

const indexes = new WeakMap<Database, Map<number, IndexedProcedure>>();

/**
 * The catalogue's search attributes, in memory (about 1 MB for the full public catalogue). Reading
 * them back from SQLite for every keystroke cost more than the full-text match itself.
 * Built on first use; `saveProcedures` drops it. Writes from another process are not seen until a
 * restart (import the catalogue before serving).
 */
export function catalogueIndex(db: Database): Map<number, IndexedProcedure> {
  let index = indexes.get(db);
  if (!index) {
    index = new Map();
    const rows = db.prepare(`SELECT id, code, name_folded, field_code, field_name, online_level,
      level_central, level_province, level_commune FROM procedures`).all() as unknown as {
      id: number; code: string; name_folded: string; field_code: string; field_name: string; online_level: OnlineLevel;
      level_central: number; level_province: number; level_commune: number;
    }[];
    for (const r of rows) {
      index.set(r.id, {
        id: r.id, code: r.code, nameFolded: r.name_folded, fieldCode: r.field_code, fieldName: r.field_name,
        online: r.online_level, central: r.level_central, province: r.level_province, commune: r.level_commune,
      });
    }
    indexes.set(db, index);
  }
  return index;
}

export function invalidateCatalogueIndex(db: Database): void {
  indexes.delete(db);
}
