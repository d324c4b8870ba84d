// `npm start`: builds the CDN bundle with its first views, then serves the sandbox API (http://localhost:4010/api/v1)
// and the demo portal (http://localhost:8080/) until Ctrl+C.
// Ports: SANDBOX_PORT (or PORT) and PORTAL_PORT. Extra arguments go to the sandbox (e.g. --db FILE).
import { spawn } from 'node:child_process';
import { buildCdnBundle } from './build.mjs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDemoPortalHandler } from './demo-portal.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const apiPort = Number(process.env.SANDBOX_PORT ?? process.env.PORT ?? 4010);
const portalPort = Number(process.env.PORTAL_PORT ?? 8080);

// The CDN bundle as `npm run build` writes it, the first views the loader paints included.
console.log('Building the CDN bundle (rollup, then the prerendered first views)…');
buildCdnBundle('dist/cdn', { quiet: true });

const apiUrl = process.env.DVC_PUBLIC_API_URL || `http://localhost:${apiPort}/api/v1`;
const sandbox = spawn(process.execPath, ['--conditions=source', join(root, 'packages/server/src/cli.ts'), 'serve', '--port', String(apiPort), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, DVC_PUBLIC_API_URL: apiUrl },
});

// The demo portal is a plain static site, served as a CDN would: /cdn/* is the bundle, everything else is demo/.
const portal = createServer(createDemoPortalHandler({ cdnDir: join(root, 'dist/cdn'), apiUrl }));
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
