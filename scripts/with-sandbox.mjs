// Runs a command with a fresh in-memory sandbox API:
//   node scripts/with-sandbox.mjs [--sandboxes N] <command> [args…]
// The sandbox listens on a free loopback port; the command gets its URL as DVC_SANDBOX_URL.
// With --sandboxes N, N sandboxes start, each with a database of its own, and the command also gets
// all their URLs, comma-separated, as DVC_SANDBOX_URLS: the browser tests give each browser one, so
// that the browsers can run at the same time without one's faults and dossiers reaching the other.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const argv = process.argv.slice(2);
let count = 1;
if (argv[0] === '--sandboxes') {
  count = Number(argv[1]);
  argv.splice(0, 2);
}
const [command, ...args] = argv;
if (!command || !Number.isInteger(count) || count < 1) {
  console.error('usage: node scripts/with-sandbox.mjs [--sandboxes N] <command> [args…]');
  process.exit(2);
}

const cli = fileURLToPath(new URL('../packages/server/src/cli.ts', import.meta.url));
const sandboxes = [];
process.on('exit', () => {
  for (const sandbox of sandboxes) if (sandbox.exitCode === null) sandbox.kill('SIGTERM');
});

/** A free loopback port. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Starts one sandbox and waits for its /health, up to 20 s; resolves to its API root. */
async function startSandbox() {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/api/v1`;
  const sandbox = spawn(process.execPath, ['--conditions=source', cli, 'serve', '--port', String(port), '--db', ':memory:', '--quiet'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DVC_PUBLIC_API_URL: url },
  });
  sandboxes.push(sandbox);
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return url;
    } catch {
      // not listening yet
    }
    if (sandbox.exitCode !== null || Date.now() > deadline) {
      console.error('The sandbox did not start.');
      process.exit(1);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
}

const urls = await Promise.all(Array.from({ length: count }, startSandbox));
const env = { ...process.env, DVC_SANDBOX_URL: urls[0], ...(count > 1 ? { DVC_SANDBOX_URLS: urls.join(',') } : {}) };
const child = spawn(command, args, { stdio: 'inherit', env, shell: false });
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
