/**
 * Lighthouse's own score (version 13, mobile profile, its simulated Slow-4G throttling and 4× CPU)
 * for the pages a department has: the demo portal as `npm start` serves it, the README's one-widget
 * page, that page with the prerendered markup, and the baseline (a plain labelled input, no script),
 * each served as a CDN serves the kit. System Chromium, driven through puppeteer-core; median of
 * three runs a page.
 */
import { createServer, type Server } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';
import { createStaticHandler } from '../scripts/static-server.mjs';
import { startPortal, startSandbox } from '../packages/audit/test/support/servers.ts';
import { ensureChromium } from '../scripts/system-packages.mjs';
import { baselinePage, prerenderedPage, readmePage } from './first-paint.ts';
import { kitMessages } from '../packages/elements/journeys/kit-messages.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 3;
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

/** The targets for the demo portal. */
export const LIGHTHOUSE_BUDGETS = { score: 95, cls: 0.02, tbtMs: 150 };

export interface LighthouseFigures {
  page: string;
  /** Performance score, 0–100. */
  score: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  speedIndexMs: number;
  /** Every score of the runs, to show the spread. */
  scores: number[];
}

export interface LighthouseResults {
  version: string;
  pages: LighthouseFigures[];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)));
}

async function measure(chromium: string, page: string, url: string): Promise<LighthouseFigures & { version: string }> {
  const runs: (Omit<LighthouseFigures, 'page' | 'scores'> & { version: string })[] = [];
  for (let run = 0; run < RUNS; run++) {
    // A fresh browser a run: a cold cache, as Lighthouse's own CLI has.
    const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: CHROMIUM_FLAGS });
    try {
      const tab = await browser.newPage();
      const result = await lighthouse(url, { logLevel: 'error', output: 'json', onlyCategories: ['performance'] }, undefined, tab);
      if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`Lighthouse, ${page}: ${lhr.runtimeError.message}`);
      const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
      runs.push({
        version: lhr.lighthouseVersion,
        score: Math.round((lhr.categories['performance']?.score ?? 0) * 100),
        fcpMs: audit('first-contentful-paint'),
        lcpMs: audit('largest-contentful-paint'),
        tbtMs: audit('total-blocking-time'),
        cls: audit('cumulative-layout-shift'),
        speedIndexMs: audit('speed-index'),
      });
    } finally {
      await browser.close();
    }
  }
  const of = (key: 'score' | 'fcpMs' | 'lcpMs' | 'tbtMs' | 'cls' | 'speedIndexMs') => median(runs.map((r) => r[key]));
  return {
    page, version: runs[0]!.version, score: of('score'), fcpMs: of('fcpMs'), lcpMs: of('lcpMs'), tbtMs: of('tbtMs'), cls: of('cls'),
    speedIndexMs: of('speedIndexMs'), scores: runs.map((r) => r.score),
  };
}

export async function measureLighthouse(chromium: string, cdnDir: string, apiBase: string): Promise<LighthouseResults> {
  const dir = await mkdtemp(join(tmpdir(), 'dvc-lighthouse-'));
  await writeFile(join(dir, 'one-widget.html'), await readmePage(apiBase));
  await writeFile(join(dir, 'prerendered.html'), await prerenderedPage(apiBase, cdnDir));
  const label = (await kitMessages()).find((m) => m.source === 'Search for a procedure')?.target ?? 'Tìm thủ tục';
  await writeFile(join(dir, 'baseline.html'), baselinePage(label));
  const site = createServer(createStaticHandler({ routes: [['/cdn/', cdnDir], ['/', dir]] }));
  const [siteUrl, portal] = await Promise.all([listen(site), startPortal(cdnDir, apiBase)]);
  try {
    const pages = [];
    for (const [page, url] of [
      ['demo portal', portal.url],
      ['README one-widget page', `${siteUrl}one-widget.html`],
      ['README page, prerendered markup', `${siteUrl}prerendered.html`],
      ['baseline: plain input, no script', `${siteUrl}baseline.html`],
    ] as const) pages.push(await measure(chromium, page, url));
    return { version: pages[0]!.version, pages: pages.map(({ version: _version, ...figures }) => figures) };
  } finally {
    await portal.stop();
    site.closeAllConnections();
    await new Promise((resolve) => site.close(resolve));
    await rm(dir, { recursive: true, force: true });
  }
}

/** The report's section: each page's score and metrics, the portal's against the targets. */
export function lighthouseMarkdown(r: LighthouseResults): string[] {
  const portal = r.pages[0]!;
  const met = (ok: boolean) => (ok ? 'met' : '**not met**');
  return [
    `## Lighthouse ${r.version}, mobile profile (its simulated throttling), median of ${RUNS} runs`,
    '',
    '| target, demo portal | measured | |',
    '| --- | --- | --- |',
    `| performance ≥ ${LIGHTHOUSE_BUDGETS.score} | ${portal.score} | ${met(portal.score >= LIGHTHOUSE_BUDGETS.score)} |`,
    `| CLS ≤ ${LIGHTHOUSE_BUDGETS.cls} | ${portal.cls.toFixed(3)} | ${met(portal.cls <= LIGHTHOUSE_BUDGETS.cls)} |`,
    `| TBT ≤ ${LIGHTHOUSE_BUDGETS.tbtMs} ms | ${portal.tbtMs.toFixed(0)} ms | ${met(portal.tbtMs <= LIGHTHOUSE_BUDGETS.tbtMs)} |`,
    '',
    '| page | score (runs) | FCP | LCP | TBT | CLS | Speed Index |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...r.pages.map((p) => `| ${p.page} | ${p.score} (${p.scores.join(', ')}) | ${(p.fcpMs / 1000).toFixed(2)} s | ${(p.lcpMs / 1000).toFixed(2)} s `
      + `| ${p.tbtMs.toFixed(0)} ms | ${p.cls.toFixed(3)} | ${(p.speedIndexMs / 1000).toFixed(2)} s |`),
    '',
  ];
}

// `node --conditions=source bench/lighthouse.ts`: this section alone (`npm run bench` runs it with
// the rest), on dist/cdn as `npm run build` left it and a throwaway sandbox.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sandbox = await startSandbox();
  try {
    console.log(lighthouseMarkdown(await measureLighthouse(ensureChromium(), join(ROOT, 'dist/cdn'), sandbox.url)).join('\n'));
  } finally {
    await sandbox.stop();
  }
}
