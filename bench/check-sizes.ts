/**
 * `npm test`'s size check: builds the CDN bundle and fails when
 *   - an entry grows past its ceiling (CEILINGS in bench/bundles.ts; brotli as sent: the entry and
 *     the chunks it imports, each compressed on its own, the Vietnamese messages included),
 *   - a widget in packages/elements/widgets.json has no entry or no ceiling,
 *   - a one-widget entry holds another widget's messages (each holds its own part and `shared`),
 *   - a widget's first download (its entry and the chunks it imports) holds the API client or its
 *     transport, ky: they load on first need (packages/elements/src/shared/api-client.ts),
 *   - a widget's first view, which the loader paints (`prerendered/<tag>.<lang>.js`), grows past
 *     FIRST_VIEW_CEILING, or
 *   - a file of the bundle holds a demo dossier code (bench/dossier-codes.ts).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CEILINGS, FIRST_VIEW_CEILING, measureBundles, size } from './bundles.ts';
import { dossierCodesIn } from './dossier-codes.ts';
import { LANGUAGES } from '../scripts/prerender.mjs';
import { buildCdnBundle } from '../scripts/build.mjs';
import widgetList from '../packages/elements/widgets.json' with { type: 'json' };

const kB = 1024;

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
buildCdnBundle('dist/cdn', { quiet: true });

const problems: string[] = [];
const rows: string[] = [];

for (const hit of dossierCodesIn(join(root, 'dist/cdn'))) problems.push(`dist/cdn/${hit} (a demo dossier code in the CDN bundle)`);
const bundles = measureBundles(join(root, 'dist/cdn'));
const widgetEntries = new Map(widgetList.widgets.map((widget) => [`${widget.tag}.js`, widget.folder]));
for (const entry of new Set([...Object.keys(CEILINGS), 'dvc-kit.js', ...widgetEntries.keys()])) {
  if (!bundles.some((bundle) => bundle.entry === entry)) problems.push(`${entry}: not built`);
}
for (const bundle of bundles) {
  const ceiling = CEILINGS[bundle.entry];
  const brotli = bundle.size.brotli;
  if (ceiling === undefined) {
    problems.push(`${bundle.entry}: a CDN entry with no ceiling in bench/bundles.ts`);
  } else if (brotli > ceiling) {
    problems.push(`${bundle.entry}: ${(brotli / kB).toFixed(1)} kB brotli, over its ceiling of ${(ceiling / kB).toFixed(1)} kB`);
  }
  const widget = widgetEntries.get(bundle.entry);
  if (widget) {
    const expected = [widget, 'shared'].sort();
    if (bundle.viParts.join() !== expected.join()) {
      problems.push(`${bundle.entry}: holds the Vietnamese parts [${bundle.viParts.join(', ')}], expected [${expected.join(', ')}]`);
    }
    const client = bundle.sources.filter((source) => /(^|\/)node_modules\/ky\/|^packages\/sdk\/src\/client\.ts$/.test(source));
    if (client.length > 0) problems.push(`${bundle.entry}: its first download holds the API client (${client.join(', ')}), which loads on first need`);
  }
  rows.push(`  ${bundle.entry.padEnd(42)} ${(brotli / kB).toFixed(1).padStart(5)} kB   ceiling ${((ceiling ?? 0) / kB).toFixed(1).padStart(4)} kB`);
}

const firstViews = readdirSync(join(root, 'dist/cdn/prerendered')).filter((file) => file.endsWith('.js')).sort();
if (firstViews.length !== widgetList.widgets.length * LANGUAGES.length) problems.push(`dist/cdn/prerendered: ${firstViews.length} first views, expected one per widget and language`);
for (const file of firstViews) {
  const brotli = size(readFileSync(join(root, 'dist/cdn/prerendered', file))).brotli;
  if (brotli > FIRST_VIEW_CEILING) problems.push(`prerendered/${file}: ${(brotli / kB).toFixed(1)} kB brotli, over the first views' ceiling of ${(FIRST_VIEW_CEILING / kB).toFixed(1)} kB`);
  rows.push(`  ${`prerendered/${file}`.padEnd(42)} ${(brotli / kB).toFixed(1).padStart(5)} kB   ceiling ${(FIRST_VIEW_CEILING / kB).toFixed(1).padStart(4)} kB`);
}

console.log('CDN bundle sizes (brotli as sent, each file on its own, the Vietnamese messages included):');
console.log(rows.sort().join('\n'));
if (problems.length > 0) {
  console.error(`\n${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('Within the ceilings; each widget holds only its own and the shared messages, and not the API client; no demo dossier code; the first views within theirs.');
