// `npm start`: builds the CDN bundle, then serves the sandbox API (http://localhost:4010/api/v1)
// and the demo portal (http://localhost:8080/) until Ctrl+C.
// Ports: SANDBOX_PORT (or PORT) and PORTAL_PORT. Extra arguments go to the sandbox (e.g. --db FILE).
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const apiPort = Number(process.env.SANDBOX_PORT ?? process.env.PORT ?? 4010);
const portalPort = Number(process.env.PORTAL_PORT ?? 8080);

console.log('Building the CDN bundle (rollup)…');
const build = spawnSync(join(root, 'node_modules/.bin/rollup'), ['-c', '--silent'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const sandbox = spawn(process.execPath, ['--conditions=source', join(root, 'packages/server/src/cli.ts'), 'serve', '--port', String(apiPort), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, DVC_PUBLIC_API_URL: process.env.DVC_PUBLIC_API_URL ?? `http://localhost:${apiPort}/api/v1` },
});

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.map': 'application/json', '.svg': 'image/svg+xml' };
// The demo portal is a plain static site: /cdn/* is the bundle, everything else is demo/.
const portal = createServer(async (request, response) => {
  const { pathname } = new URL(request.url ?? '/', 'http://localhost');
  const [base, rest] = pathname.startsWith('/cdn/') ? ['dist/cdn', pathname.slice(5)] : ['demo', pathname.slice(1) || 'index.html'];
  const file = normalize(join(root, base, decodeURIComponent(rest)));
  if (!file.startsWith(join(root, base))) return void response.writeHead(403).end();
  try {
    const info = await stat(file);
    const target = info.isDirectory() ? join(file, 'index.html') : file;
    response.writeHead(200, {
      'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
      'content-security-policy': `default-src 'self'; connect-src 'self' http://localhost:${apiPort}; style-src 'self' 'unsafe-inline'; form-action 'self' http://localhost:${apiPort}`,
    });
    createReadStream(target).pipe(response);
  } catch {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
  }
});
portal.listen(portalPort, () => console.log(`Demo portal: http://localhost:${portalPort}/`));

const stop = () => {
  portal.close();
  sandbox.kill('SIGTERM');
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
sandbox.on('exit', (code) => {
  portal.close();
  process.exit(code ?? 0);
});
