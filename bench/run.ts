/**
 * `npm run bench`: measures, reports, compares with a baseline measured in the same run.
 *   1. sandbox search over the full public catalogue, in process: p50 / p95 / p99 (baseline: naive LIKE)
 *   2. under load on loopback with autocannon, bounded: req/s and p99 (baseline: GET /health)
 *   3. in Chromium: script load to first render per widget (baseline: a plain custom element), and
 *      keystroke-to-results p95 for the search widget (baseline: a bare API round trip)
 *   4. CDN bundle sizes, gzip and brotli, against their ceilings (baselines: a minimal Lit element,
 *      and the previous run's sizes when there is one)
 * Writes bench/results/report.json and report.md. Not a test: it never fails on a slow figure.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { createSandbox } from '../packages/server/src/index.ts';
import { importPublicCatalogue } from '../packages/server/src/catalog/import-command.ts';
import { measureSearchLatency } from './search-latency.ts';
import { load } from './load.ts';
import { measureInBrowser } from './browser.ts';
import { measureBundles, measureMinimalLit, type BundleEntry } from './bundles.ts';
import { ratio } from './stats.ts';
import { typingSequences } from './queries.ts';
import { ensureChromium } from '../scripts/find-chromium.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const publicData = resolve(root, '../shared/data/dichvucong');
const resultsDir = join(root, 'bench/results');
const started = Date.now();
const log = (line: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0)} s] ${line}`);

mkdirSync(resultsDir, { recursive: true });
const previous = existsSync(join(resultsDir, 'report.json'))
  ? (JSON.parse(readFileSync(join(resultsDir, 'report.json'), 'utf8')) as { bundles?: BundleEntry[] })
  : undefined;

log('building the CDN bundle');
execFileSync(join(root, 'node_modules/.bin/rollup'), ['-c', '--silent'], { cwd: root, stdio: 'inherit' });

const work = mkdtempSync(join(tmpdir(), 'dvc-bench-'));
const database = join(work, 'catalogue.db');
let dataset = 'curated seed (65 procedures): ../shared/data/dichvucong not found';
if (existsSync(publicData)) {
  const { stored } = await importPublicCatalogue(database, publicData);
  dataset = `full public catalogue (${stored} procedures)`;
}
log(`dataset: ${dataset}`);

const sandbox = await createSandbox({ databaseUrl: existsSync(database) ? database : ':memory:', rateLimits: {}, logger: false });
try {
  const names = (await sandbox.context.storage.all<{ name: string }>('SELECT name FROM procedures ORDER BY code')).map((r) => r.name);
  const sequences = typingSequences(names);

  log('in-process search latency');
  const searchLatency = await measureSearchLatency(sandbox.context, sequences);

  await sandbox.app.listen({ port: 0, host: '127.0.0.1' });
  const apiBase = `http://127.0.0.1:${(sandbox.app.server.address() as AddressInfo).port}/api/v1`;
  const searchPaths = sequences.flat().map((q) => `/api/v1/procedures?q=${encodeURIComponent(q)}`);
  log('load: search (8 s, 10 connections)');
  const searchLoad = await load(apiBase, searchPaths, 8, 10);
  log('load: baseline GET /health (8 s, 10 connections)');
  const healthLoad = await load(apiBase, ['/api/v1/health'], 8, 10);

  log('browser: first render and keystroke-to-results in Chromium');
  const browser = await measureInBrowser(ensureChromium(), join(root, 'dist/cdn'), apiBase, sequences);

  log('bundle sizes');
  const bundles = measureBundles(join(root, 'dist/cdn'));
  const minimalLit = await measureMinimalLit(root);

  const report = {
    date: new Date().toISOString(),
    node: process.version,
    dataset,
    searchLatency: { ...searchLatency, speedupVsNaive: { p50: ratio(searchLatency.naiveLike.p50, searchLatency.fts.p50), p95: ratio(searchLatency.naiveLike.p95, searchLatency.fts.p95) } },
    load: { search: searchLoad, health: healthLoad, searchShareOfHealthThroughput: ratio(searchLoad.requestsPerSecond, healthLoad.requestsPerSecond) },
    browser: { ...browser, keystrokeP95VsRoundTripP95: ratio(browser.keystrokeToResults.p95, browser.apiRoundTrip.p95) },
    bundles,
    minimalLit,
    previousBundles: previous?.bundles ?? null,
  };
  writeFileSync(join(resultsDir, 'report.json'), JSON.stringify(report, null, 2));

  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  const before = (entry: string) => previous?.bundles?.find((b) => b.entry === entry)?.withViLocale.brotli;
  const md = [
    `# DVC Kit benchmark — ${report.date}`,
    '',
    `Node ${report.node}; dataset: ${dataset}. Each figure sits beside a baseline measured in the same run.`,
    '',
    '## Sandbox search, in process',
    `${searchLatency.queries} keystroke queries × 3 rounds.`,
    '',
    '| | p50 | p95 | p99 |',
    '| --- | --- | --- | --- |',
    `| FTS5 search + facets | ${ms(searchLatency.fts.p50)} | ${ms(searchLatency.fts.p95)} | ${ms(searchLatency.fts.p99)} |`,
    `| baseline: naive LIKE | ${ms(searchLatency.naiveLike.p50)} | ${ms(searchLatency.naiveLike.p95)} | ${ms(searchLatency.naiveLike.p99)} |`,
    `| baseline ÷ FTS | ${report.searchLatency.speedupVsNaive.p50}× | ${report.searchLatency.speedupVsNaive.p95}× | |`,
    '',
    '## Under load (autocannon, loopback, 10 connections, 8 s each)',
    '',
    '| | req/s | p99 | errors | non-2xx |',
    '| --- | --- | --- | --- | --- |',
    `| GET /procedures?q=… | ${searchLoad.requestsPerSecond} | ${searchLoad.p99Ms} ms | ${searchLoad.errors} | ${searchLoad.non2xx} |`,
    `| baseline: GET /health | ${healthLoad.requestsPerSecond} | ${healthLoad.p99Ms} ms | ${healthLoad.errors} | ${healthLoad.non2xx} |`,
    `| search ÷ health throughput | ${report.load.searchShareOfHealthThroughput}× | | | |`,
    '',
    '## In Chromium',
    '',
    `Bundle loaded and elements defined: ${ms(browser.scriptReadyMs)} after page start.`,
    '',
    '| widget | insert → first render | page start → first render |',
    '| --- | --- | --- |',
    ...Object.entries(browser.firstRender).map(([tag, r]) => `| \`${tag}\` | ${ms(r.renderMs)} | ${ms(r.sincePageStartMs)} |`),
    `| baseline: plain custom element | ${ms(browser.plainElementRenderMs)} | |`,
    '',
    `Keystroke → results rendered (debounce excluded), ${browser.keystrokeToResults.n} searches: p50 ${ms(browser.keystrokeToResults.p50)}, **p95 ${ms(browser.keystrokeToResults.p95)}** (target ≤ 100 ms), p99 ${ms(browser.keystrokeToResults.p99)}.`,
    `Baseline, a bare GET /health round trip: p50 ${ms(browser.apiRoundTrip.p50)}, p95 ${ms(browser.apiRoundTrip.p95)}; keystroke p95 ÷ round-trip p95 = ${report.browser.keystrokeP95VsRoundTripP95 ? (1 / report.browser.keystrokeP95VsRoundTripP95).toFixed(2) : '–'}×.`,
    '',
    '## CDN bundles (entry + static chunks + the lazy vi locale chunk)',
    '',
    '| entry | gzip | brotli | ceiling (brotli) | within | vs minimal Lit | vs previous run |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...bundles.map((b) => `| \`${b.entry}\` | ${kb(b.withViLocale.gzip)} | ${kb(b.withViLocale.brotli)} | ${b.ceilingBrotli === null ? '–' : kb(b.ceilingBrotli)} | ${b.withinCeiling ? 'yes' : '**no**'} | ${(b.withViLocale.brotli / minimalLit.brotli).toFixed(2)}× | ${before(b.entry) ? `${(b.withViLocale.brotli / before(b.entry)!).toFixed(2)}×` : '–'} |`),
    `| baseline: minimal LitElement | ${kb(minimalLit.gzip)} | ${kb(minimalLit.brotli)} | | | 1× | |`,
    '',
  ].join('\n');
  writeFileSync(join(resultsDir, 'report.md'), md);
  console.log(`\n${md}`);
  log('written bench/results/report.json and report.md');
} finally {
  await sandbox.app.close();
  rmSync(work, { recursive: true, force: true });
}
