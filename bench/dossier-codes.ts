/**
 * Dossier codes in built files. The sandbox's demo dossiers (`000.00.15.H26-261102-0014`…) belong
 * to dvc-audit's tours and the tests, never to what citizens download: `npm test` fails when any
 * file of the CDN bundle (bench/check-sizes.ts) or of the packed npm packages
 * (scripts/test-builds/) holds one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** A dossier code, `000.00.15.H26-261102-0014`. */
export const DOSSIER_CODE = /\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4}/g;

/** The format example the tracker's hint and error message show citizens ("Ví dụ: …"): no demo dossier. */
export const FORMAT_EXAMPLE = '000.00.15.H26-250714-0042';

/** `file: code` for each dossier code other than the format example in text, named `file`. */
export function dossierCodesInText(text: string, file: string): string[] {
  return [...new Set([...text.matchAll(DOSSIER_CODE)].map(([code]) => code).filter((code) => code !== FORMAT_EXAMPLE))].map((code) => `${file}: ${code}`);
}

/** `file: code` for each dossier code other than the format example in the files under dir (source maps included). */
export function dossierCodesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .flatMap((entry) => {
      const path = join(entry.parentPath, entry.name);
      return dossierCodesInText(readFileSync(path, 'utf8'), relative(dir, path));
    });
}
