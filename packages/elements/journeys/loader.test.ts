/**
 * The CDN loader (`dvc-loader.js`) in a real browser, on the built bundle served from another origin
 * and a deep CDN path as a public CDN would: a page gets only the widgets it holds (each with its
 * first view, asked for first, and Lit's hydration), a widget added later is loaded too, an unknown
 * `dvc-*` tag is left alone. And the demo portal's static server
 * (scripts/static-server.mjs, behind `npm start` and the journeys' portal): compression, caching,
 * revalidation and refused paths, over raw HTTP.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest, createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'puppeteer-core';
import { launchBrowser } from '../../audit/src/browser.ts';
import type { BrowserName } from '../../audit/src/types.ts';
import { buildBundle, ROOT, startPortal, type Running } from '../../audit/test/support/servers.ts';
import { chooseEncoding, createStaticHandler, IMMUTABLE } from '../../../scripts/static-server.mjs';
import widgetList from '../widgets.json' with { type: 'json' };

const BROWSERS: BrowserName[] = process.env['FIREFOX_PATH'] === 'none' ? ['chromium'] : ['chromium', 'firefox'];
const TAGS = widgetList.widgets.map((widget) => widget.tag);
/** Where the "CDN" serves the bundle: a folder deep in a versioned path, as on a public npm CDN. */
const CDN_PATH = '/npm/@dvc-kit/elements@0.1.0/dist/cdn/';

/** A page holding the loader and `body`; no favicon request (its 404 would be a console error). */
const page = (loaderUrl: string, body: string): string => `<!doctype html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <title>Trang thử</title>
  <link rel="icon" href="data:,">
  <script type="module" src="${loaderUrl}"></script>
</head>
<body>
  <main>${body}</main>
</body>
</html>`;

let bundle: { dir: string; remove(): Promise<void> };
let pagesDir: string;
let pages: Running;
let cdn: Running;
let portal: Running;
let loaderUrl: string;

function listen(server: Server, host: string): Promise<Running> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    resolve({
      url: `http://${host}:${port}/`,
      stop: () => new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
    });
  }));
}

before(async () => {
  bundle = await buildBundle();
  // The bundle on its own origin (127.0.0.1, the pages being on localhost), allowed cross-origin as
  // a public CDN allows it.
  cdn = await listen(createServer(createStaticHandler({
    routes: [[CDN_PATH, bundle.dir]],
    headers: { 'access-control-allow-origin': '*' },
  })), '127.0.0.1');
  loaderUrl = new URL(`${CDN_PATH}dvc-loader.js`, cdn.url).href;
  pagesDir = await mkdtemp(join(tmpdir(), 'dvc-loader-pages-'));
  // An API base no request should reach: these widgets render their forms without one.
  const api = 'api-base="http://localhost:9/api/v1"';
  await writeFile(join(pagesDir, 'tracker.html'), page(loaderUrl, `<dvc-dossier-tracker ${api}></dvc-dossier-tracker>`));
  await writeFile(join(pagesDir, 'unknown-tag.html'), page(loaderUrl, `<dvc-nonsense></dvc-nonsense><dvc-dossier-tracker ${api}></dvc-dossier-tracker>`));
  await writeFile(join(pagesDir, 'empty.html'), page(loaderUrl, '<p>Chưa có tiện ích nào.</p>'));
  // A page whose citizen is signed in: its script gives the tracker the identity number at once,
  // before the loader has defined the element (as the README says to).
  await writeFile(join(pagesDir, 'signed-in.html'), page(loaderUrl, `<dvc-dossier-tracker ${api}></dvc-dossier-tracker>
  <script>document.querySelector('dvc-dossier-tracker').applicantId = '001099000011';</script>`));
  pages = await listen(createServer(createStaticHandler({ routes: [['/', pagesDir]] })), 'localhost');
  portal = await startPortal(bundle.dir, 'http://localhost:9/api/v1');
});

after(async () => {
  await Promise.all([pages?.stop(), cdn?.stop(), portal?.stop()]);
  await bundle?.remove();
  if (pagesDir) await rm(pagesDir, { recursive: true, force: true });
});

test('the built loader names exactly the widgets of widgets.json, and every chunk it preloads exists', async () => {
  const code = await readFile(join(bundle.dir, 'dvc-loader.js'), 'utf8');
  const manifest = /\{("dvc-[^}]*)\}/.exec(code);
  assert.ok(manifest, 'the widget list is written into the loader');
  const widgets = JSON.parse(`{${manifest[1]}}`) as Record<string, string[]>;
  assert.deepEqual(Object.keys(widgets), TAGS);
  const chunks = new Set((await readdir(join(bundle.dir, 'chunks'))).map((name) => `chunks/${name}`));
  for (const [tag, files] of Object.entries(widgets)) {
    assert.ok(files.length > 0, `${tag} preloads its chunks`);
    for (const file of files) assert.ok(chunks.has(file), `${tag}: ${file} is in the bundle`);
  }
  assert.doesNotMatch(code, /__DVC_WIDGETS__/);
});

/** A page in a fresh context (its own cache), recording requests and console errors. */
interface Visit {
  page: Page;
  context: BrowserContext;
  requests: string[];
  errors: string[];
}

async function visit(browser: Browser, path: string): Promise<Visit> {
  const context = await browser.createBrowserContext();
  const opened = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  opened.on('request', (request) => void requests.push(request.url()));
  opened.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  opened.on('pageerror', (error) => void errors.push(String(error)));
  await opened.goto(new URL(path, pages.url).href, { waitUntil: 'load' });
  return { page: opened, context, requests, errors };
}

/** The bundle's files requested, as paths under the CDN folder (`dvc-payment.js`, `chunks/…`). */
const bundleFiles = (requests: string[]): string[] => requests
  .map((url) => new URL(url))
  .filter((url) => url.origin === new URL(cdn.url).origin && url.pathname.startsWith(CDN_PATH))
  .map((url) => url.pathname.slice(CDN_PATH.length));

/** Waits until `tag`'s first element on the page is defined and has rendered something in its shadow root. */
async function rendered(page: Page, tag: string): Promise<void> {
  await page.waitForFunction(
    (t) => customElements.get(t) !== undefined && (document.querySelector(t)?.shadowRoot?.querySelector('*') ?? null) !== null,
    { timeout: 10_000, polling: 50 }, tag,
  );
}

const definedTags = (page: Page): Promise<string[]> =>
  page.evaluate((tags) => tags.filter((tag) => customElements.get(tag) !== undefined), TAGS);

for (const name of BROWSERS) {
  describe(`the loader in ${name}`, () => {
    let browser: Browser;
    before(async () => {
      browser = await launchBrowser(name);
    });
    after(async () => {
      await browser?.close();
    });

    test('a page with only the tracker loads only the tracker: its entry and chunks, each once; no other widget, no dvc-kit.js', async () => {
      const { page, context, requests, errors } = await visit(browser, 'tracker.html');
      try {
        await rendered(page, 'dvc-dossier-tracker');
        assert.ok(await page.evaluate(() => document.querySelector('dvc-dossier-tracker')!.shadowRoot!.querySelector('#code') !== null), 'the tracker shows its form');
        assert.deepEqual(await definedTags(page), ['dvc-dossier-tracker']);
        const files = bundleFiles(requests);
        const entries = files.filter((file) => !file.startsWith('chunks/'));
        // The tracker's first view in the page's language, painted while the rest comes, and Lit's
        // hydration, which then takes it over.
        assert.deepEqual([...entries].sort(), ['dvc-dossier-tracker.js', 'dvc-hydrate.js', 'dvc-loader.js', 'prerendered/dvc-dossier-tracker.vi.js']);
        assert.equal(new Set(files).size, files.length, `each file requested once (the preloads are reused): ${files.join(', ')}`);
        // The loader asked for the tracker's chunks alongside its entry.
        const preloads = await page.evaluate(() => [...document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((link) => link.href));
        assert.ok(preloads.length > 0, 'modulepreload links were added');
        for (const href of preloads) assert.ok(requests.includes(href), `${href} was fetched`);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });

    test('a widget added after the page has loaded is loaded and defined; one already loaded is not asked for again', async () => {
      const { page, context, requests, errors } = await visit(browser, 'tracker.html');
      try {
        await rendered(page, 'dvc-dossier-tracker');
        await page.evaluate(() => {
          // Deep inside a new subtree, as a page script or framework would add it.
          const section = document.createElement('section');
          const payment = document.createElement('dvc-payment');
          payment.setAttribute('api-base', 'http://localhost:9/api/v1');
          section.append(document.createElement('div'), document.createElement('dvc-dossier-tracker'));
          section.firstElementChild!.append(payment);
          document.querySelector('main')!.append(section);
        });
        await rendered(page, 'dvc-payment');
        assert.deepEqual(await definedTags(page), ['dvc-dossier-tracker', 'dvc-payment']);
        const entries = bundleFiles(requests).filter((file) => !file.startsWith('chunks/'));
        assert.deepEqual(entries.sort(), ['dvc-dossier-tracker.js', 'dvc-hydrate.js', 'dvc-loader.js', 'dvc-payment.js',
          'prerendered/dvc-dossier-tracker.vi.js', 'prerendered/dvc-payment.vi.js']);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });

    test('an identity number a signed-in page sets before the widget is defined is kept: the form does not ask for it', async () => {
      const { page, context, errors } = await visit(browser, 'signed-in.html');
      const warnings: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'warn') warnings.push(message.text());
      });
      try {
        await rendered(page, 'dvc-dossier-tracker');
        const form = await page.evaluate(async () => {
          const tracker = document.querySelector('dvc-dossier-tracker') as HTMLElement & { applicantId?: string; updateComplete: Promise<unknown> };
          await tracker.updateComplete;
          await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
          await tracker.updateComplete;
          const root = tracker.shadowRoot!;
          return { applicantId: tracker.applicantId, code: root.querySelector('#code') !== null, asked: root.querySelector('#applicant-id') !== null };
        });
        assert.deepEqual(form, { applicantId: '001099000011', code: true, asked: false });
        assert.deepEqual(errors, []);
        assert.deepEqual(warnings, []);
      } finally {
        await context.close();
      }
    });

    test('an unknown dvc-* tag is left alone: no request, no error', async () => {
      const { page, context, requests, errors } = await visit(browser, 'unknown-tag.html');
      try {
        await rendered(page, 'dvc-dossier-tracker');
        await page.evaluate(() => document.body.append(document.createElement('dvc-nonsense-later')));
        // Give a wrong import, if there were one, the time to be asked for and to fail.
        await new Promise((resolve) => setTimeout(resolve, 300));
        assert.deepEqual(requests.filter((url) => /nonsense/.test(url)), []);
        assert.deepEqual(bundleFiles(requests).filter((file) => !file.startsWith('chunks/')).sort(),
          ['dvc-dossier-tracker.js', 'dvc-hydrate.js', 'dvc-loader.js', 'prerendered/dvc-dossier-tracker.vi.js']);
        assert.equal(await page.evaluate(() => customElements.get('dvc-nonsense') === undefined), true);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });

    test('discover(): a widget in a shadow root of the page\'s own is loaded when the root is handed over', async () => {
      const { page, context, requests, errors } = await visit(browser, 'empty.html');
      try {
        assert.deepEqual(bundleFiles(requests), ['dvc-loader.js'], 'a page with no widget downloads the loader only');
        await page.evaluate(async (url) => {
          const { discover } = await import(url) as { discover(root: ParentNode): void };
          const host = document.createElement('div');
          document.body.append(host);
          const root = host.attachShadow({ mode: 'open' });
          const survey = document.createElement('dvc-satisfaction-survey');
          for (const [name, value] of [['mode', 'page'], ['procedure-code', '1.001193'], ['api-base', 'http://localhost:9/api/v1']]) survey.setAttribute(name!, value!);
          root.append(survey);
          discover(root);
          await customElements.whenDefined('dvc-satisfaction-survey');
        }, loaderUrl);
        assert.deepEqual(await definedTags(page), ['dvc-satisfaction-survey']);
        assert.equal(bundleFiles(requests).filter((file) => file === 'dvc-loader.js').length, 1, 'the page\'s import is the same loader');
        // The survey asks the (absent) API for its form: Chromium logs the refused request, nothing else.
        assert.deepEqual(errors.filter((error) => !error.startsWith('Failed to load resource')), []);
      } finally {
        await context.close();
      }
    });
  });
}

/** One raw HTTP request (the path sent as written, nothing decoded or normalised), its body as bytes. */
function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  const { hostname, port } = new URL(portal.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, path, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the demo portal\'s server (scripts/static-server.mjs)', () => {
  test('sends brotli, gzip or the bytes as they are, as accept-encoding asks, varying on it', async () => {
    const original = await readFile(join(bundle.dir, 'dvc-dossier-tracker.js'));
    const br = await get('/cdn/dvc-dossier-tracker.js', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    assert.equal(br.status, 200);
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(br.headers['content-type'], 'text/javascript; charset=utf-8');
    assert.equal(br.headers['vary'], 'accept-encoding');
    assert.equal(br.headers['access-control-allow-origin'], '*', 'a module script a page on another origin may load');
    assert.ok(br.body.length < original.length / 3, `brotli: ${br.body.length} of ${original.length} bytes`);
    assert.ok(brotliDecompressSync(br.body).equals(original));

    const gz = await get('/cdn/dvc-dossier-tracker.js', { 'accept-encoding': 'gzip' });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.ok(gunzipSync(gz.body).equals(original));

    for (const accept of [undefined, 'identity', 'br;q=0, gzip;q=0']) {
      const plain = await get('/cdn/dvc-dossier-tracker.js', accept === undefined ? {} : { 'accept-encoding': accept });
      assert.equal(plain.headers['content-encoding'], undefined, String(accept));
      assert.ok(plain.body.equals(original), String(accept));
    }
    assert.equal(chooseEncoding('br;q=0, gzip'), 'gzip');
    assert.equal(chooseEncoding('*'), 'br');

    // The page itself is compressed too, with the API address rewritten as the tests need.
    const html = await get('/', { 'accept-encoding': 'br' });
    assert.equal(html.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(html.headers['access-control-allow-origin'], undefined, 'a page is not for other origins to read');
    assert.match(brotliDecompressSync(html.body).toString('utf8'), /<script type="module" src="\/cdn\/dvc-loader\.js"><\/script>/);
  });

  test('caches a hashed chunk for a year; revalidates an entry and a page by ETag (304)', async () => {
    const [chunk] = (await readdir(join(bundle.dir, 'chunks'))).filter((name) => name.endsWith('.js'));
    const hashed = await get(`/cdn/chunks/${chunk}`, { 'accept-encoding': 'br' });
    assert.equal(hashed.status, 200);
    assert.equal(hashed.headers['cache-control'], IMMUTABLE);

    for (const path of ['/cdn/dvc-loader.js', '/']) {
      const first = await get(path, { 'accept-encoding': 'br' });
      assert.doesNotMatch(String(first.headers['cache-control']), /immutable/, path);
      assert.match(String(first.headers['cache-control']), /no-cache|must-revalidate/, path);
      const etag = String(first.headers['etag']);
      assert.match(etag, /^"[\w-]+"$/, path);
      const again = await get(path, { 'accept-encoding': 'br', 'if-none-match': etag });
      assert.equal(again.status, 304, path);
      assert.equal(again.body.length, 0, path);
      assert.equal(again.headers['etag'], etag, path);
      // Another encoding is another representation: the brotli ETag does not match it.
      assert.equal((await get(path, { 'accept-encoding': 'gzip', 'if-none-match': etag })).status, 200, path);
    }
  });

  test('serves nothing outside demo/ and the bundle: climbing paths are refused, in any encoding', async () => {
    const secret = await readFile(join(ROOT, 'package.json'));
    for (const path of [
      '/cdn/../package.json', '/../package.json', '/cdn/%2e%2e/package.json', '/cdn/..%2fpackage.json',
      '/cdn/%2E%2E%2F%2E%2E%2Fpackage.json', '/..%5cpackage.json', '/cdn/%252e%252e/package.json', '/%00index.html', '/cdn/%E0%A4%A',
    ]) {
      const answer = await get(path);
      assert.ok(answer.status === 400 || answer.status === 404, `${path}: ${answer.status}`);
      assert.equal(answer.body.includes(secret.subarray(0, 40)), false, path);
    }
    assert.equal((await get('/cdn/no-such-file.js')).status, 404);
  });
});
