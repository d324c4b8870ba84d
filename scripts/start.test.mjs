// `npm start`, the README's first command, as a new user runs it: it builds the CDN bundle with the
// widgets' first views, then serves the sandbox and the demo portal on the ports asked for, the
// portal's widgets pointed at that sandbox, until stopped.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import widgetList from '../packages/elements/widgets.json' with { type: 'json' };
import { DEMO_API } from './demo-portal.mjs';
import { freePort } from './free-port.mjs';
import { firstViewFile, LANGUAGES } from './prerender.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
let start;
let exited;
let output = '';
let portal;
let api;

/** Resolves once `url` answers 200, or fails after `ms`. */
async function answered(url, ms) {
  const deadline = Date.now() + ms;
  for (;;) {
    const response = await fetch(url).catch(() => null);
    if (response?.ok) return response;
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${ms} ms; npm start wrote:\n${output}`);
    await new Promise((done) => setTimeout(done, 250));
  }
}

before(async () => {
  const [apiPort, portalPort] = [await freePort(), await freePort()];
  portal = `http://localhost:${portalPort}/`;
  api = `http://localhost:${apiPort}/api/v1`;
  // As `npm start` runs it (package.json), on ports other than the defaults.
  const env = { ...process.env };
  delete env.DVC_PUBLIC_API_URL;
  start = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...env, SANDBOX_PORT: String(apiPort), PORTAL_PORT: String(portalPort) },
  });
  exited = new Promise((done) => start.on('exit', (code, signal) => done({ code, signal })));
  for (const stream of [start.stdout, start.stderr]) stream.on('data', (chunk) => (output += chunk));
  await Promise.all([answered(`${api}/health`, 180_000), answered(portal, 180_000)]);
});

after(async () => {
  if (start.exitCode === null) start.kill('SIGTERM');
  await exited;
});

test('the demo portal points its widgets at the sandbox on the port asked for, and its CSP lets them reach it', async () => {
  const page = await answered(portal, 1_000);
  const html = await page.text();
  assert.ok(html.includes(`api-base="${api}"`), 'the widgets call the sandbox started');
  assert.ok(!html.includes(DEMO_API), 'no widget is left on the default port');
  const csp = page.headers.get('content-security-policy') ?? '';
  assert.match(csp, new RegExp(`connect-src 'self' ${new URL(api).origin.replace(/[.]/g, '\\.')}(;|$)`));
});

test('the portal serves the loader and every widget\'s first view in every language, compressed', async () => {
  const files = ['dvc-loader.js', ...widgetList.widgets.flatMap(({ tag }) => LANGUAGES.map((lang) => firstViewFile(tag, lang)))];
  for (const file of files) {
    const response = await fetch(new URL(`cdn/${file}`, portal), { headers: { 'accept-encoding': 'br' } });
    assert.equal(response.status, 200, file);
    assert.match(response.headers.get('content-type') ?? '', /^text\/javascript/, file);
    assert.equal(response.headers.get('content-encoding'), 'br', file);
    assert.ok((await response.text()).length > 0, file);
  }
});

test('the sandbox answers with the real procedure data, and stops with npm start', async () => {
  const response = await fetch(`${api}/procedures?q=khai%20sinh`);
  assert.equal(response.status, 200);
  const body = await response.json();
  assert.ok(body.items.length > 0, 'the search finds birth registration');
  start.kill('SIGTERM');
  const { code, signal } = await exited;
  assert.ok(code === 0 || signal === 'SIGTERM', `npm start stopped cleanly (code ${code}, signal ${signal})`);
  await assert.rejects(fetch(portal), 'the portal is closed');
});
