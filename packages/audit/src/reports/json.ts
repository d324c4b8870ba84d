/**
 * `report.json`: the `AuditReport` as is (see types.ts for the schema; `schemaVersion` says which).
 * Screenshot paths are relative to the report folder.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditReport } from '../types.ts';

/** Serialises the report, pretty-printed so a diff between two audits reads well. */
export function renderJson(report: AuditReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** Writes `report.json` into `dir`; returns its path. */
export async function writeJsonReport(report: AuditReport, dir: string): Promise<string> {
  const path = join(dir, 'report.json');
  await writeFile(path, renderJson(report));
  return path;
}
