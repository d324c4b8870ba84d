// `npm start`: builds the CDN bundle, then serves the sandbox API (http://localhost:4010/api/v1)
// and the demo portal (http://localhost:8080/) until Ctrl+C.
// Ports: SANDBOX_PORT (or PORT) and PORTAL_PORT. Extra arguments go to the sandbox (e.g. --db FILE).
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createStaticHandler } from './static-server.mjs';

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

// The demo portal is a plain static site, served as a CDN would (scripts/static-server.mjs): /cdn/* is
// the bundle, everything else is demo/.
const portal = createServer(createStaticHandler({
  routes: [['/cdn/', join(root, 'dist/cdn')], ['/', join(root, 'demo')]],
  headers: {
    'content-security-policy': `default-src 'self'; connect-src 'self' http://localhost:${apiPort}; style-src 'self' 'unsafe-inline'; form-action 'self' http://localhost:${apiPort}`,
  },
}));
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
