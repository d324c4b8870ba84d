/**
 * Test support: what the CLI is pointed at. A throwaway sandbox API and the demo portal (demo/ plus
 * a fresh CDN bundle) on free loopback ports — as `npm start` serves them, with the portal's
 * `api-base` pointed at this sandbox — and a static server for the fixtures.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { freePort } from '../../../../scripts/free-port.mjs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDemoPortalHandler } from '../../../../scripts/demo-portal.mjs';
import { prerender } from '../../../../scripts/prerender.mjs';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
/** The CLI's entry point. */
export const CLI = join(ROOT, 'packages/audit/src/cli.ts');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.map': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
};

export { freePort };

export interface Running {
  url: string;
  stop(): Promise<void>;
}

/**
 * A sandbox API, with an in-memory database unless `db` names a SQLite file (which outlives it, so
 * another sandbox can read what this one stored); resolves once /health answers. `testControls:
 * false` serves it without its test controls (`--no-admin`), as a production API answers: no /_sandbox/.
 */
export async function startSandbox({ testControls = true, db = ':memory:' } = {}): Promise<Running> {
  const port = await freePort();
  const url = `http://localhost:${port}/api/v1`;
  const child: ChildProcess = spawn(process.execPath, [
    '--conditions=source', join(ROOT, 'packages/server/src/cli.ts'), 'serve', '--port', String(port), '--db', db, '--quiet',
    ...(testControls ? [] : ['--no-admin']),
  ], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DVC_PUBLIC_API_URL: url } });
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill();
      throw new Error('the sandbox did not start');
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url,
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

/**
 * Builds the CDN bundle and its prerendered views from the current sources into a temporary folder
 * (about 9 s): dist/cdn may be missing or older than the widgets' tours, and a test must not rebuild
 * (or delete) the one `npm start` serves. See rollup.bundle.config.mjs.
 */
export async function buildBundle(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'dvc-audit-cdn-'));
  const config = join(ROOT, 'packages/audit/test/support/rollup.bundle.config.mjs');
  const build = spawnSync(join(ROOT, 'node_modules/.bin/rollup'), ['-c', config, '--silent'], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, DVC_AUDIT_BUNDLE_DIR: dir },
  });
  if (build.status !== 0) throw new Error(`rollup failed:\n${build.stderr}`);
  // The first views the loader paints, as `npm run build` writes them beside the bundle.
  await prerender(dir);
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    resolve(typeof address === 'object' && address ? address.port : 0);
  }));
}

/**
 * Serves `routes` (URL prefix → folder); `rewrite` may change an HTML page's text, and `delayMs`
 * holds back the answer to a path that long (a slow CDN).
 */
export async function serveStatic(
  routes: Array<[string, string]>, headers: Record<string, string>, rewrite?: (html: string) => string, delayMs?: (pathname: string) => number,
): Promise<Running> {
  const server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const delay = delayMs?.(pathname) ?? 0;
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    const route = routes.find(([prefix]) => pathname.startsWith(prefix));
    if (!route) return void response.writeHead(404).end();
    const [prefix, base] = route;
    const file = normalize(join(base, decodeURIComponent(pathname.slice(prefix.length)) || 'index.html'));
    if (!file.startsWith(normalize(base))) return void response.writeHead(403).end();
    try {
      const target = (await stat(file)).isDirectory() ? join(file, 'index.html') : file;
      const type = TYPES[extname(target)] ?? 'application/octet-stream';
      response.writeHead(200, { 'content-type': type, ...headers });
      if (rewrite && extname(target) === '.html') response.end(rewrite(await readFile(target, 'utf8')));
      else createReadStream(target).pipe(response);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    }
  });
  const port = await listen(server);
  return {
    url: `http://localhost:${port}/`,
    stop: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/**
 * The demo portal as scripts/start.mjs serves it (scripts/demo-portal.mjs: compression, caching, the same
 * CSP), its widgets pointed at `apiUrl`.
 */
export async function startPortal(bundleDir: string, apiUrl: string): Promise<Running> {
  const server = createServer(createDemoPortalHandler({ cdnDir: bundleDir, apiUrl }));
  const port = await listen(server);
  return {
    url: `http://localhost:${port}/`,
    stop: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** The audit's fixtures over HTTP. */
export function startFixtures(): Promise<Running> {
  return serveStatic([['/', join(ROOT, 'packages/audit/fixtures')]], {});
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * Runs `dvc-audit` as a user would, in a child process (the exit status is part of the contract);
 * `as` runs it as another user (a test run as root, to whom every folder is writable).
 */
export function runCli(args: string[], as?: { uid: number; gid: number }): Promise<CliRun> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--conditions=source', CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], ...as });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('exit', (code) => resolve({ code: code ?? 1, stdout, stderr, ms: Date.now() - started }));
  });
}
