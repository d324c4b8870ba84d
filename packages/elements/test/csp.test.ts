/**
 * The four widgets on a page with a strict Content Security Policy, in Chromium, against a real
 * sandbox: every widget works and the page sees no `securitypolicyviolation` at all.
 *
 * The policy: `default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' <API>;
 * require-trusted-types-for 'script'; trusted-types lit-html`. What it allows beyond 'self', and why:
 * - `connect-src <API origin>`: the widgets call the API, usually on another origin;
 * - `trusted-types lit-html`: lit-html creates one Trusted Types policy, named "lit-html", for the
 *   template HTML it writes itself (never API data). Nothing else of ours needs a policy, no inline
 *   script or style, no eval: Lit's styles are constructed stylesheets.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { createReadStream, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startSandbox } from '../../server/test/support/sandbox.ts';
import { ensureChromium } from '../../../scripts/system-packages.mjs';
import widgetList from '../widgets.json' with { type: 'json' };

const root = resolve(fileURLToPath(new URL('../../../', import.meta.url)));
const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const FLAGS = ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
let server: Server;
let browser: Browser;
let page: Page;

function serve(apiOrigin: string): Promise<Server> {
  const policy = [
    "default-src 'self'", "script-src 'self'", "style-src 'self'", `connect-src 'self' ${apiOrigin}`,
    "img-src 'self' data:", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'",
    "require-trusted-types-for 'script'", 'trusted-types lit-html',
  ].join('; ');
  const http = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const file = path.startsWith('/cdn/')
      ? normalize(join(root, 'dist/cdn', path.slice(5)))
      : normalize(join(fixtures, path === '/' ? 'csp.html' : path.slice(1)));
    if ((!file.startsWith(join(root, 'dist/cdn')) && !file.startsWith(fixtures)) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      'content-type': file.endsWith('.html') ? 'text/html; charset=utf-8' : 'text/javascript; charset=utf-8',
      'content-security-policy': policy,
    });
    createReadStream(file).pipe(response);
  });
  return new Promise((ready) => http.listen(0, '127.0.0.1', () => ready(http)));
}

/** Runs `action` inside a widget's shadow root. */
const inWidget = <T>(id: string, action: string) =>
  page.evaluate(`(async () => { const el = document.getElementById(${JSON.stringify(id)}); const root = el.shadowRoot; ${action} })()`) as Promise<T>;

before(async () => {
  execFileSync(join(root, 'node_modules/.bin/rollup'), ['-c', '--silent'], { cwd: root, stdio: 'inherit' });
  sandbox = await startSandbox();
  server = await serve(new URL(sandbox.baseUrl).origin);
  browser = await puppeteer.launch({ executablePath: ensureChromium(), headless: true, args: FLAGS });
  page = await browser.newPage();
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await page.goto(`${origin}/csp.html?api=${encodeURIComponent(sandbox.baseUrl)}`, { waitUntil: 'load' });
  await page.waitForFunction((tags: string[]) => tags.every((t) => customElements.get(t)), {}, widgetList.widgets.map((widget) => widget.tag));
});

after(async () => {
  await browser?.close();
  server?.close();
  await sandbox?.close();
});

test('procedure search finds and opens a procedure', async () => {
  await inWidget('search', `el.query = 'dang ky khai sinh';`);
  await page.waitForFunction(() => document.getElementById('search')!.shadowRoot!.querySelector('ul[part="list"] li'), { timeout: 10_000 });
  await inWidget('search', `root.querySelector('ul[part="list"] li .name').click();`);
  await page.waitForFunction(() => document.getElementById('search')!.shadowRoot!.querySelector('#detail-title'), { timeout: 10_000 });
  assert.match(await inWidget<string>('search', `return root.querySelector('#detail-title').textContent;`), /khai sinh/i);
});

test('dossier tracker looks a dossier up', async () => {
  await inWidget('tracker', `
    for (const [id, value] of [['code', '000.00.15.H26-261102-0011'], ['applicant-id', '001099000011']]) {
      const input = root.querySelector('#' + id);
      input.value = value;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    }
    await el.updateComplete;
    root.querySelector('form').requestSubmit();`);
  await page.waitForFunction(() => /Quá hạn/.test(document.getElementById('tracker')!.shadowRoot!.textContent ?? ''), { timeout: 10_000 });
});

test('payment shows what is due', async () => {
  await page.evaluate(() => {
    const el = document.getElementById('payment') as HTMLElement & { applicantId?: string };
    el.applicantId = '001099000006';
    el.setAttribute('dossier-code', '000.00.15.H26-261102-0006');
  });
  await page.waitForFunction(() => /200\.000/.test(document.getElementById('payment')!.shadowRoot!.textContent ?? ''), { timeout: 10_000 });
});

test('page feedback is sent', async () => {
  await page.waitForFunction(() => document.getElementById('survey')!.shadowRoot!.querySelector('input[type="radio"]'), { timeout: 10_000 });
  await inWidget('survey', `
    root.querySelector('input[type="radio"]').click();
    root.querySelector('[part="submit-button"]').click();`);
  await page.waitForFunction(() => document.getElementById('survey')!.shadowRoot!.querySelector('[part="thanks"]'), { timeout: 10_000 });
});

test('no securitypolicyviolation on the whole page', async () => {
  const violations = await page.evaluate(() => (window as unknown as { __violations: unknown[] }).__violations);
  assert.deepEqual(violations, []);
});
