/**
 * `npm run bench`: measures, reports, compares with a baseline measured in the same run.
 *   1. search over the full public catalogue, in process, on SQLite and on PostgreSQL:
 *      p50 / p95 / p99 (baseline: naive LIKE on the same engine)
 *   2. under load on loopback with autocannon, the server in its own process:
 *      SQLite, one process: search req/s and p99 (baseline: GET /health of the same process);
 *      PostgreSQL: search req/s of two processes on one database (baseline: one process)
 *   3. mixed load on two processes on PostgreSQL (search, lookup, payment creation, the gateway's
 *      confirmations): errors and double payments (expected: none)
 *   4. in Chromium: script load to first render per widget (baseline: a plain custom element), and
 *      keystroke-to-results p95 for the search widget (baseline: a bare API round trip)
 *   5. CDN bundle sizes, gzip and brotli, against their ceilings (baselines: a minimal Lit element,
 *      and the previous run's sizes when there is one)
 *   6. first paint on a cheap phone (Chromium, slow 3G, 4× CPU): the demo portal and the README's
 *      one-widget page against their budgets (baseline: the same page with a plain input, no script)
 * Writes bench/results/report.json and report.md. Not a test: it never fails on a slow figure.
 *
 * `--server-only` measures 1–3 (no bundle build, no browser) and writes report-server.json and
 * report-server.md instead, so the full report, whose bundle sizes the next full run compares
 * with, is kept.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { createSandbox } from '../packages/server/src/index.ts';
import { importPublicCatalogue } from '../packages/server/src/catalog/import-command.ts';
import { startPostgres } from '../packages/server/test/support/postgres-cluster.ts';
import { startServerProcess } from '../packages/server/test/support/server-process.ts';
import type { ServerProcess } from '../packages/server/test/support/server-process.ts';
import { measureSearchLatency } from './search-latency.ts';
import type { SearchLatency } from './search-latency.ts';
import { load, loadTogether } from './load.ts';
import { measureCpu } from './cpu.ts';
import type { CpuUse } from './cpu.ts';
import { Client, doublePayments, runMixedLoad } from './mixed-load.ts';
import type { PayableDossier } from './mixed-load.ts';
import { measureInBrowser } from './browser.ts';
import type { BrowserResults } from './browser.ts';
import { firstPaintMarkdown, measureFirstPaint, type FirstPaintResults } from './first-paint.ts';
import { lighthouseMarkdown, measureLighthouse, type LighthouseResults } from './lighthouse.ts';
import { measureBundles, measureMinimalLit, type BundleEntry, type Size } from './bundles.ts';
import { ratio } from './stats.ts';
import { typingSequences } from './queries.ts';
import { ensureChromium } from '../scripts/system-packages.mjs';

const { values: flags } = parseArgs({ options: { 'server-only': { type: 'boolean' } } });
const serverOnly = flags['server-only'] ?? false;

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const publicData = resolve(root, '../shared/data/dichvucong');
const resultsDir = join(root, 'bench/results');
const serveForLoad = join(root, 'bench/serve-for-load.ts');
const started = Date.now();
const log = (line: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0)} s] ${line}`);

/** Load runs: seconds and connections per server process. */
const LOAD_SECONDS = 8;
const WARM_UP_SECONDS = 2;
const CONNECTIONS = 10;
const MIXED_SECONDS = 10;
const MIXED_CONCURRENCY = 8;

const GOALS = {
  searchP95SqliteMs: 3,
  searchShareOfHealth: 0.2,
  searchP95PostgresMs: 10,
  twoOverOneProcess: 1.6,
};

mkdirSync(resultsDir, { recursive: true });
const previous = existsSync(join(resultsDir, 'report.json'))
  ? (JSON.parse(readFileSync(join(resultsDir, 'report.json'), 'utf8')) as { bundles?: BundleEntry[] })
  : undefined;

if (!serverOnly) {
  log('building the CDN bundle and its prerendered markup');
  execFileSync(join(root, 'node_modules/.bin/rollup'), ['-c', '--silent'], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/prerender.mjs', 'dist/cdn', '--silent'], { cwd: root, stdio: 'inherit' });
}

const work = mkdtempSync(join(tmpdir(), 'dvc-bench-'));
const sqliteFile = join(work, 'catalogue.db');
const full = existsSync(publicData);
const cluster = await startPostgres();
const processes: ServerProcess[] = [];
const sandboxes: { app: { close(): Promise<unknown> } }[] = [];

/** Spawns a server process, remembered so the finally block stops it should the run fail. */
async function spawnServer(databaseUrl: string, entry?: string): Promise<ServerProcess> {
  const server = await startServerProcess({ databaseUrl, quiet: true, ...(entry ? { entry } : {}) });
  processes.push(server);
  return server;
}

async function stopServers(servers: ServerProcess[]): Promise<number[]> {
  const codes = await Promise.all(servers.map((s) => s.stop()));
  for (const s of servers) processes.splice(processes.indexOf(s), 1);
  return codes;
}

try {
  const postgresUrl = await cluster.createDatabase('bench');
  let dataset = 'curated seed (65 procedures): ../shared/data/dichvucong not found';
  if (full) {
    log('importing the public catalogue into SQLite and PostgreSQL');
    const { stored } = await importPublicCatalogue(sqliteFile, publicData);
    await importPublicCatalogue(postgresUrl, publicData);
    dataset = `full public catalogue (${stored} procedures)`;
  }
  log(`dataset: ${dataset}`);
  const sqliteUrl = full ? sqliteFile : join(work, 'seed.db');

  // 1. In process, engine by engine, the same queries.
  const sqlite = await createSandbox({ databaseUrl: sqliteUrl, rateLimits: {}, logger: false });
  sandboxes.push(sqlite);
  const names = (await sqlite.context.storage.all<{ name: string }>('SELECT name FROM procedures ORDER BY code')).map((r) => r.name);
  const sequences = typingSequences(names);
  const searchPaths = sequences.flat().map((q) => `/api/v1/procedures?q=${encodeURIComponent(q)}`);

  log('in-process search latency: SQLite');
  const latencySqlite = await measureSearchLatency(sqlite.context, sequences);
  log('in-process search latency: PostgreSQL');
  const postgres = await createSandbox({ databaseUrl: postgresUrl, rateLimits: {}, logger: false });
  let latencyPostgres: SearchLatency;
  try {
    latencyPostgres = await measureSearchLatency(postgres.context, sequences);
  } finally {
    await postgres.app.close();
  }

  // 2. Throughput, each server in its own process, autocannon in this one.
  log(`load, SQLite, one process: search then GET /health (${LOAD_SECONDS} s each, ${CONNECTIONS} connections)`);
  const single = await spawnServer(sqliteUrl, serveForLoad);
  await load(single.baseUrl, searchPaths, WARM_UP_SECONDS, CONNECTIONS);
  const { result: searchLoad, cpu: searchCpu } = await measureCpu([single.pid], () => load(single.baseUrl, searchPaths, LOAD_SECONDS, CONNECTIONS));
  const { result: healthLoad, cpu: healthCpu } = await measureCpu([single.pid], () => load(single.baseUrl, ['/api/v1/health'], LOAD_SECONDS, CONNECTIONS));
  await stopServers([single]);

  log(`load, PostgreSQL: search on one process, then on two at once (${LOAD_SECONDS} s, ${CONNECTIONS} connections per process)`);
  const first = await spawnServer(postgresUrl, serveForLoad);
  await load(first.baseUrl, searchPaths, WARM_UP_SECONDS, CONNECTIONS);
  const { result: oneProcess, cpu: oneCpu } = await measureCpu([first.pid], () => load(first.baseUrl, searchPaths, LOAD_SECONDS, CONNECTIONS));
  const second = await spawnServer(postgresUrl, serveForLoad);
  await load(second.baseUrl, searchPaths, WARM_UP_SECONDS, CONNECTIONS);
  const { result: twoProcesses, cpu: twoCpu } = await measureCpu([first.pid, second.pid],
    () => loadTogether([first, second].map((s) => ({ url: s.baseUrl, paths: searchPaths })), LOAD_SECONDS, CONNECTIONS));
  await stopServers([first, second]);

  // 3. Mixed load on two processes of the CLI, with its default rate limits (each simulated
  // citizen has its own loopback address).
  log(`mixed load, PostgreSQL, two processes (${MIXED_SECONDS} s, ${MIXED_CONCURRENCY} at once)`);
  const mixedServers = await Promise.all([spawnServer(postgresUrl), spawnServer(postgresUrl)]);
  const dossiers: PayableDossier[] = [];
  const control = new Client('127.0.0.1');
  try {
    for (let n = 1; n <= 40; n++) {
      const dossier = { code: `000.00.15.H26-300102-${String(n).padStart(4, '0')}`, applicantId: String(770000000000 + n) };
      const made = await control.request(`${mixedServers[0]!.baseUrl}/_sandbox/dossiers`, {
        method: 'POST',
        body: {
          ...dossier, procedureCode: '3.000333', status: 'payment-due',
          fees: [{ kind: 'charge', description: 'Phí', amount: 200_000 }, { kind: 'fee', description: 'Lệ phí', amount: 10_000 }],
        },
      });
      if (made.status !== 201) throw new Error(`Could not make a test dossier: ${made.status} ${JSON.stringify(made.body)}`);
      dossiers.push(dossier);
    }
  } finally {
    control.close();
  }
  const { result: mixed, cpu: mixedCpu } = await measureCpu(mixedServers.map((s) => s.pid), () => runMixedLoad({
    servers: mixedServers.map((s) => s.baseUrl), durationMs: MIXED_SECONDS * 1000, concurrency: MIXED_CONCURRENCY,
    dossiers, queries: sequences.flat(), notify: true,
  }));
  const db = new pg.Client({ connectionString: postgresUrl });
  await db.connect();
  let doubles: Awaited<ReturnType<typeof doublePayments>>;
  let paidDossiers: number;
  try {
    doubles = await doublePayments(async (sql) => (await db.query(sql)).rows);
    paidDossiers = Number((await db.query("SELECT count(DISTINCT dossier_code) AS n FROM payments WHERE state = 'paid'")).rows[0].n);
  } finally {
    await db.end();
  }
  const mixedExitCodes = await stopServers(mixedServers);

  // 4 and 5: the browser and the bundles.
  let browser: BrowserResults | null = null;
  let bundles: BundleEntry[] | null = null;
  let minimalLit: Size | null = null;
  let firstPaint: FirstPaintResults | null = null;
  let lighthouse: LighthouseResults | null = null;
  if (!serverOnly) {
    await sqlite.app.listen({ port: 0, host: '127.0.0.1' });
    const apiBase = `http://127.0.0.1:${(sqlite.app.server.address() as AddressInfo).port}/api/v1`;
    log('browser: first render and keystroke-to-results in Chromium');
    browser = await measureInBrowser(ensureChromium(), join(root, 'dist/cdn'), apiBase, sequences);
    log('bundle sizes');
    bundles = measureBundles(join(root, 'dist/cdn'));
    minimalLit = await measureMinimalLit(root);
    log('browser: first paint on a cheap phone (slow 3G, 4× CPU), four pages × 3 cold loads');
    firstPaint = await measureFirstPaint(ensureChromium(), join(root, 'dist/cdn'), apiBase);
    log('browser: Lighthouse, mobile profile, four pages × 3 runs');
    lighthouse = await measureLighthouse(ensureChromium(), join(root, 'dist/cdn'), apiBase);
  }

  const speedup = (l: SearchLatency) => ({ p50: ratio(l.naiveLike.p50, l.memoryIndex.p50), p95: ratio(l.naiveLike.p95, l.memoryIndex.p95) });
  const searchShareOfHealth = ratio(searchLoad.requestsPerSecond, healthLoad.requestsPerSecond);
  const twoOverOne = ratio(twoProcesses.requestsPerSecond, oneProcess.requestsPerSecond);
  const mixedErrors = mixed.serverErrors + mixed.failures;
  const goals = [
    { figure: 'search p95 in process, SQLite', goal: `≤ ${GOALS.searchP95SqliteMs} ms`, measured: `${latencySqlite.memoryIndex.p95} ms`, met: latencySqlite.memoryIndex.p95 <= GOALS.searchP95SqliteMs },
    { figure: 'search ÷ /health throughput, one process, SQLite', goal: `≥ ${GOALS.searchShareOfHealth}×`, measured: `${searchShareOfHealth}×`, met: searchShareOfHealth >= GOALS.searchShareOfHealth },
    { figure: 'search p95 in process, PostgreSQL', goal: `≤ ${GOALS.searchP95PostgresMs} ms`, measured: `${latencyPostgres.memoryIndex.p95} ms`, met: latencyPostgres.memoryIndex.p95 <= GOALS.searchP95PostgresMs },
    { figure: 'search throughput, two processes ÷ one, PostgreSQL', goal: `≥ ${GOALS.twoOverOneProcess}×`, measured: `${twoOverOne}×`, met: twoOverOne >= GOALS.twoOverOneProcess },
    { figure: 'mixed load, two processes, PostgreSQL: errors', goal: '0', measured: String(mixedErrors), met: mixedErrors === 0 },
    { figure: 'mixed load, two processes, PostgreSQL: double payments', goal: '0', measured: String(doubles.length), met: doubles.length === 0 },
  ];

  const report = {
    date: new Date().toISOString(),
    node: process.version,
    cores: availableParallelism(),
    dataset,
    goals,
    searchLatency: {
      queries: latencySqlite.queries,
      sqlite: { ...latencySqlite, speedupVsNaive: speedup(latencySqlite) },
      postgres: { ...latencyPostgres, speedupVsNaive: speedup(latencyPostgres) },
    },
    load: {
      server: 'one process, SQLite',
      search: { ...searchLoad, cpu: searchCpu },
      health: { ...healthLoad, cpu: healthCpu },
      searchShareOfHealthThroughput: searchShareOfHealth,
    },
    postgresScaling: { oneProcess: { ...oneProcess, cpu: oneCpu }, twoProcesses: { ...twoProcesses, cpu: twoCpu }, twoOverOne },
    mixedLoad: { ...mixed, cpu: mixedCpu, errors: mixedErrors, doublePayments: doubles, paidDossiers, dossiers: dossiers.length, exitCodes: mixedExitCodes },
    browser: browser ? { ...browser, keystrokeP95VsRoundTripP95: ratio(browser.keystrokeToResults.p95, browser.apiRoundTrip.p95) } : null,
    bundles,
    minimalLit,
    firstPaint,
    lighthouse,
    previousBundles: serverOnly ? null : previous?.bundles ?? null,
  };
  const name = serverOnly ? 'report-server' : 'report';
  writeFileSync(join(resultsDir, `${name}.json`), JSON.stringify(report, null, 2));

  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  const cores = (cpu: CpuUse | null) => (cpu ? `${cpu.servers.join(' + ')} / ${cpu.loadGenerator} / ${cpu.rest}` : '–');
  const before = (entry: string) => previous?.bundles?.find((b) => b.entry === entry)?.size?.brotli;
  const row = (label: string, l: SearchLatency) =>
    [`| ${label}: in-memory index + facets | ${ms(l.memoryIndex.p50)} | ${ms(l.memoryIndex.p95)} | ${ms(l.memoryIndex.p99)} |`,
      `| ${label}, baseline: naive LIKE | ${ms(l.naiveLike.p50)} | ${ms(l.naiveLike.p95)} | ${ms(l.naiveLike.p99)} |`,
      `| ${label}: baseline ÷ index | ${speedup(l).p50}× | ${speedup(l).p95}× | |`];
  const md = [
    `# DVC Kit benchmark — ${report.date}`,
    '',
    `Node ${report.node}, ${report.cores} cores; dataset: ${dataset}. Each figure sits beside a baseline measured in the same run.`,
    '',
    '## Goals',
    '',
    '| figure | goal | measured | met |',
    '| --- | --- | --- | --- |',
    ...goals.map((g) => `| ${g.figure} | ${g.goal} | ${g.measured} | ${g.met ? 'yes' : '**no**'} |`),
    '',
    '## Search, in process',
    `${latencySqlite.queries} keystroke queries × 3 rounds, the same on both engines.`,
    '',
    '| | p50 | p95 | p99 |',
    '| --- | --- | --- | --- |',
    ...row('SQLite', latencySqlite),
    ...row('PostgreSQL', latencyPostgres),
    '',
    `## Under load (autocannon on loopback, the server in its own process, ${CONNECTIONS} connections per process, ${LOAD_SECONDS} s each)`,
    '',
    `The server is the CLI's sandbox with its per-client rate limits out of reach (bench/serve-for-load.ts): autocannon is one client.`,
    `Autocannon runs on the same ${report.cores} cores as the servers (and PostgreSQL).`,
    '',
    'Cores used meanwhile: by the server processes, by autocannon (the bench process), by everything else (PostgreSQL, other programs).',
    '',
    '| | req/s | p99 | errors | non-2xx | cores: servers / autocannon / rest |',
    '| --- | --- | --- | --- | --- | --- |',
    `| SQLite, one process: GET /procedures?q=… | ${searchLoad.requestsPerSecond} | ${searchLoad.p99Ms} ms | ${searchLoad.errors} | ${searchLoad.non2xx} | ${cores(searchCpu)} |`,
    `| SQLite, baseline: GET /health | ${healthLoad.requestsPerSecond} | ${healthLoad.p99Ms} ms | ${healthLoad.errors} | ${healthLoad.non2xx} | ${cores(healthCpu)} |`,
    `| search ÷ health throughput | ${searchShareOfHealth}× | | | | |`,
    `| PostgreSQL, two processes: GET /procedures?q=… | ${twoProcesses.requestsPerSecond} (${twoProcesses.perProcess.map((r) => r.requestsPerSecond).join(' + ')}) | ${twoProcesses.perProcess.map((r) => `${r.p99Ms} ms`).join(', ')} | ${twoProcesses.errors} | ${twoProcesses.non2xx} | ${cores(twoCpu)} |`,
    `| PostgreSQL, baseline: one process | ${oneProcess.requestsPerSecond} | ${oneProcess.p99Ms} ms | ${oneProcess.errors} | ${oneProcess.non2xx} | ${cores(oneCpu)} |`,
    `| two ÷ one process | ${twoOverOne}× | | | | |`,
    '',
    `## Mixed load, two processes on PostgreSQL (${MIXED_SECONDS} s, ${MIXED_CONCURRENCY} requests at once)`,
    '',
    `Search, dossier lookup, payment creation (new and repeated Idempotency-Keys) for ${dossiers.length} payable dossiers, and the gateway's`,
    `confirmation of about a tenth of the payments created, each request to either process; the CLI's default rate limits, one loopback address per simulated citizen.`,
    '',
    `${mixed.requests} requests (${mixed.requestsPerSecond} req/s): ${Object.entries(mixed.answers).map(([op, statuses]) => `${op} ${JSON.stringify(statuses)}`).join(', ')}.`,
    `Errors (5xx or no answer): **${mixedErrors}**; other unexpected answers: ${mixed.unexpectedCount - mixedErrors}. Dossiers paid: ${paidDossiers}.`,
    `Double payments (a dossier paid twice, two payments pending, or one pending beside a paid one): **${doubles.length}**${doubles.length ? ` — ${doubles.map((d) => `${d.dossierCode} ${d.kind} ×${d.payments}`).join('; ')}` : ''}.`,
    `Cores used (servers / load generator / rest): ${cores(mixedCpu)}. Exit codes after SIGTERM: ${mixedExitCodes.join(', ')}.`,
    ...(mixed.unexpected.length ? ['', 'Unexpected answers (first 20):', '', ...mixed.unexpected.map((u) => `- ${u}`)] : []),
    '',
    ...(browser && bundles && minimalLit ? [
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
      `Baseline, a bare GET /health round trip: p50 ${ms(browser.apiRoundTrip.p50)}, p95 ${ms(browser.apiRoundTrip.p95)}; keystroke p95 ÷ round-trip p95 = ${report.browser?.keystrokeP95VsRoundTripP95 ? (1 / report.browser.keystrokeP95VsRoundTripP95).toFixed(2) : '–'}×.`,
      '',
      '## CDN bundles as sent (entry + static chunks, each compressed on its own; the Vietnamese messages included)',
      '',
      '| entry | gzip | brotli | ceiling (brotli) | within | vs minimal Lit | vs previous run |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      ...bundles.map((b) => `| \`${b.entry}\` | ${kb(b.size.gzip)} | ${kb(b.size.brotli)} | ${b.ceilingBrotli === null ? '–' : kb(b.ceilingBrotli)} | ${b.withinCeiling ? 'yes' : '**no**'} | ${(b.size.brotli / minimalLit.brotli).toFixed(2)}× | ${before(b.entry) ? `${(b.size.brotli / before(b.entry)!).toFixed(2)}×` : '–'} |`),
      `| baseline: minimal LitElement | ${kb(minimalLit.gzip)} | ${kb(minimalLit.brotli)} | | | 1× | |`,
      '',
    ] : []),
    ...(firstPaint ? firstPaintMarkdown(firstPaint) : []),
    ...(lighthouse ? lighthouseMarkdown(lighthouse) : []),
  ].join('\n');
  writeFileSync(join(resultsDir, `${name}.md`), md);
  console.log(`\n${md}`);
  log(`written bench/results/${name}.json and ${name}.md`);
} finally {
  await Promise.all(processes.map((s) => s.stop()));
  for (const sandbox of sandboxes) await sandbox.app.close();
  await cluster.stop();
  rmSync(work, { recursive: true, force: true });
}
