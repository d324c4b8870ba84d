import { createServer, type Server } from 'node:http';
import { createReadStream, existsSync } from 'node:fs';
import { join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import puppeteer from 'puppeteer-core';
import { summarize, type Summary } from './stats.ts';
import widgetList from '../packages/elements/widgets.json' with { type: 'json' };

const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface BrowserResults {
  /** Page start to the bundle's elements being defined. */
  scriptReadyMs: number;
  /** Per widget: insertion to first render, and page start to first render. */
  firstRender: Record<string, { renderMs: number; sincePageStartMs: number }>;
  /** Baseline: a plain custom element (no Lit) rendering a small shadow DOM, in the same page. */
  plainElementRenderMs: number;
  /** Search widget: query set → results rendered, debounce excluded (the immediate path). */
  keystrokeToResults: Summary;
  /** Baseline: a bare fetch round trip to the API (GET /health) from the same page. */
  apiRoundTrip: Summary;
}

function staticServer(root: string): Promise<Server> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    if (path === '/bench.html') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><script>window.__ready = null;</script>
        <script type="module">import '/cdn/dvc-kit.js'; window.__ready = performance.now();</script></head><body></body></html>`);
      return;
    }
    const file = normalize(join(root, path.replace(/^\/cdn\//, '')));
    if (!path.startsWith('/cdn/') || !file.startsWith(root) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Measures in the system Chromium, against a sandbox at `apiBase`, the CDN bundle in `cdnDir`. */
export async function measureInBrowser(chromium: string, cdnDir: string, apiBase: string, sequences: string[][]): Promise<BrowserResults> {
  const server = await staticServer(cdnDir);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage();
    await page.goto(`${origin}/bench.html`, { waitUntil: 'load' });
    await page.waitForFunction(() => (window as unknown as { __ready: number | null }).__ready !== null, { timeout: 30_000 });
    return await page.evaluate(async (api: string, sequences: string[][], widgetTags: string[]) => {
      const scriptReadyMs = (window as unknown as { __ready: number }).__ready;
      type Lit = HTMLElement & { updateComplete: Promise<boolean>; query: string; search(): Promise<void> };
      const tags = widgetTags.filter((t) => customElements.get(t));
      const firstRender: Record<string, { renderMs: number; sincePageStartMs: number }> = {};
      for (const tag of tags) {
        const el = document.createElement(tag) as Lit;
        el.setAttribute('api-base', 'http://127.0.0.1:9/api/v1');
        const t = performance.now();
        document.body.append(el);
        await el.updateComplete;
        firstRender[tag] = { renderMs: performance.now() - t, sincePageStartMs: performance.now() };
        el.remove();
      }
      class PlainElement extends HTMLElement {
        connectedCallback() {
          const root = this.attachShadow({ mode: 'open' });
          const label = document.createElement('label');
          label.textContent = 'Tìm thủ tục';
          const input = document.createElement('input');
          root.append(label, input, document.createElement('p'));
        }
      }
      customElements.define('plain-element', PlainElement);
      let t = performance.now();
      document.body.append(document.createElement('plain-element'));
      const plainElementRenderMs = performance.now() - t;

      const search = document.createElement('dvc-procedure-search') as Lit;
      search.setAttribute('api-base', api);
      document.body.append(search);
      await search.updateComplete;
      const samples: number[] = [];
      for (const steps of sequences) {
        for (const query of steps) {
          const done = new Promise<void>((resolve) => {
            const listener = (event: Event) => {
              if ((event as CustomEvent<{ query: string }>).detail.query !== query) return;
              search.removeEventListener('dvc-search', listener);
              resolve();
            };
            search.addEventListener('dvc-search', listener);
          });
          t = performance.now();
          search.query = query;
          await done;
          await search.updateComplete;
          samples.push(performance.now() - t);
        }
      }
      const roundTrips: number[] = [];
      for (let i = 0; i < samples.length; i++) {
        t = performance.now();
        await (await fetch(`${api}/health`)).json();
        roundTrips.push(performance.now() - t);
      }
      return { scriptReadyMs, firstRender, plainElementRenderMs, samples, roundTrips };
    }, apiBase, sequences, widgetList.widgets.map((widget) => widget.tag)).then((r) => ({
      scriptReadyMs: r.scriptReadyMs,
      firstRender: r.firstRender,
      plainElementRenderMs: r.plainElementRenderMs,
      keystrokeToResults: summarize(r.samples),
      apiRoundTrip: summarize(r.roundTrips),
    }));
  } finally {
    await browser.close();
    server.close();
  }
}
