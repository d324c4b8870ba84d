// The framework examples in a real browser (`npm run test:examples`, a step of `npm test`):
// examples/react (React 19) and examples/vue (Vue 3) are built with Vite against the npm build of
// @dvc-kit/elements (run `npm run build:npm` first), served, and driven in Chromium (puppeteer-core)
// against the sandbox that scripts/with-sandbox.mjs starts (DVC_SANDBOX_URL): a property
// (`applicantId`), attributes, `dvc-search`, and `dvc-procedure-select` cancelled by the app.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import puppeteer from 'puppeteer-core';
import { ensureChromium } from './system-packages.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const api = process.env.DVC_SANDBOX_URL;
if (!api) throw new Error('Run under scripts/with-sandbox.mjs (DVC_SANDBOX_URL is not set).');

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };

/** Serves a built app on a free loopback port. */
async function serve(dir) {
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    try {
      const body = await readFile(file.startsWith(dir) ? file : join(dir, 'index.html'));
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

/** Builds an example with Vite; returns the ids of the modules that went into it. */
async function buildExample(name) {
  process.env.VITE_DVC_API = api;
  const result = await build({ configFile: join(root, 'examples', name, 'vite.config.mjs'), logLevel: 'warn', mode: 'production' });
  const outputs = Array.isArray(result) ? result : [result];
  return outputs.flatMap((o) => o.output).flatMap((chunk) => chunk.moduleIds ?? []);
}

/** The text of an element of the app's own page (light DOM). */
const textOf = (page, selector) => page.$eval(selector, (el) => el.textContent?.trim() ?? '');

/** Waits until `selector`'s text matches `pattern`; returns that text. */
async function waitForText(page, selector, pattern, timeout = 15_000) {
  const handle = await page.waitForFunction(
    (sel, source) => {
      const text = document.querySelector(sel)?.textContent?.trim() ?? '';
      return new RegExp(source).test(text) ? text : false;
    },
    { timeout },
    selector,
    pattern.source,
  );
  return handle.jsonValue();
}

let browser;
before(async () => {
  browser = await puppeteer.launch({
    executablePath: ensureChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});
after(() => browser?.close());

for (const [name, framework] of [['react', 'React 19'], ['vue', 'Vue 3']]) {
  describe(`${framework} example (examples/${name})`, () => {
    let site;
    let modules;
    before(async () => {
      modules = await buildExample(name);
      site = await serve(join(root, 'examples', name, 'dist'));
    });
    after(() => site?.server.close());

    it('type-checks with its own tsconfig against the npm build\'s declarations', () => {
      const tsc = join(root, 'node_modules/typescript/bin/tsc');
      try {
        execFileSync(process.execPath, [tsc, '-p', join(root, 'examples', name, 'tsconfig.json')], { encoding: 'utf8', stdio: 'pipe' });
      } catch (error) {
        assert.fail(`tsc -p examples/${name}: ${error.stdout}${error.stderr}`);
      }
    });

    it('is built from the npm build of @dvc-kit/elements, with Lit and the SDK from node_modules', () => {
      assert.ok(modules.some((id) => id.includes('/packages/elements/dist/')), 'no module of packages/elements/dist in the bundle');
      assert.ok(!modules.some((id) => id.includes('/packages/elements/src/') || id.includes('/packages/sdk/src/')), 'TypeScript sources in the bundle');
      assert.ok(modules.some((id) => id.includes('/packages/sdk/dist/')), 'the SDK is not from its npm build');
      assert.equal(modules.filter((id) => /\/node_modules\/lit-element\/lit-element\.js$/.test(id)).length, 1, 'one copy of LitElement');
    });

    it('searches, hears dvc-search, cancels dvc-procedure-select, and passes applicantId as a property', async () => {
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      // "Failed to load resource" messages are reported below with their address.
      page.on('console', (message) => { if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text()); });
      page.on('response', (response) => {
        if (response.status() >= 400 && new URL(response.url()).pathname !== '/favicon.ico') errors.push(`${response.status()} ${response.url()}`);
      });
      page.on('requestfailed', (request) => errors.push(`${request.failure()?.errorText} ${request.url()}`));
      try {
        await page.goto(site.url, { waitUntil: 'load' });
        assert.equal(await textOf(page, 'h1'), `Public services (${framework})`);

        // Search: the widget's own input; the app hears `dvc-search`.
        await page.locator('dvc-procedure-search >>> input[part~="input"]').fill('khai sinh');
        await page.locator('dvc-procedure-search >>> button[part~="submit-button"]').click();
        const status = await waitForText(page, '#search-status', /^[1-9]\d* results for “khai sinh”$/);
        assert.match(status, /results for/);
        // pageSize was set as a property (5): at most 5 results on the page.
        const items = await page.$$('dvc-procedure-search >>> [part~="item"]');
        assert.ok(items.length > 0 && items.length <= 5, `${items.length} results shown`);

        // Choosing a result: the app cancels `dvc-procedure-select` and shows its own page.
        await page.locator('dvc-procedure-search >>> button[part~="name"]').click();
        const chosen = await waitForText(page, '#chosen', /^The portal's own page for procedure \S+$/);
        assert.ok(chosen);
        await new Promise((r) => setTimeout(r, 300));
        const widgetState = await page.$eval('dvc-procedure-search', (el) => ({
          detail: Boolean(el.shadowRoot?.querySelector('[part~="detail"]')),
          list: Boolean(el.shadowRoot?.querySelector('[part~="list"]')),
        }));
        assert.deepEqual(widgetState, { detail: false, list: true }, 'the widget opened its own detail although the app called preventDefault()');

        // The tracker got applicantId as a property: it asks for the dossier code only.
        const tracker = await page.$eval('dvc-dossier-tracker', (el) => ({
          applicantIdAttribute: el.hasAttribute('applicantid') || el.hasAttribute('applicant-id'),
          askedForApplicantId: Boolean(el.shadowRoot?.querySelector('#applicant-id')),
        }));
        assert.deepEqual(tracker, { applicantIdAttribute: false, askedForApplicantId: false });
        await page.locator('dvc-dossier-tracker >>> #code').fill('000.00.15.H26-261102-0006');
        await page.locator('dvc-dossier-tracker >>> button[part~="submit-button"]').click();
        assert.equal(await waitForText(page, '#dossier-status', /^000\.00\.15\.H26-261102-0006: /), '000.00.15.H26-261102-0006: payment-due');

        assert.deepEqual(errors, [], 'errors in the page');
      } finally {
        await page.close();
      }
    });
  });
}
