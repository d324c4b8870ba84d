// Runs a command with a fresh in-memory sandbox API: `node scripts/with-sandbox.mjs <command> [args]`.
// The sandbox listens on a free loopback port; the command gets its URL as DVC_SANDBOX_URL.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node scripts/with-sandbox.mjs <command> [args…]');
  process.exit(2);
}

const port = await new Promise((resolve, reject) => {
  const probe = createServer().once('error', reject).listen(0, '127.0.0.1', () => {
    const { port: free } = probe.address();
    probe.close(() => resolve(free));
  });
});
const url = `http://127.0.0.1:${port}/api/v1`;
const cli = fileURLToPath(new URL('../packages/server/src/cli.ts', import.meta.url));
const sandbox = spawn(process.execPath, ['--conditions=source', cli, 'serve', '--port', String(port), '--db', ':memory:', '--quiet'], {
  stdio: ['ignore', 'inherit', 'inherit'],
  env: { ...process.env, DVC_PUBLIC_API_URL: url },
});
const stopSandbox = () => sandbox.exitCode === null && sandbox.kill('SIGTERM');
process.on('exit', stopSandbox);

// Wait for /health, up to 20 s.
const deadline = Date.now() + 20_000;
for (;;) {
  try {
    const response = await fetch(`${url}/health`);
    if (response.ok) break;
  } catch {
    // not listening yet
  }
  if (sandbox.exitCode !== null || Date.now() > deadline) {
    console.error('The sandbox did not start.');
    process.exit(1);
  }
  await new Promise((r) => setTimeout(r, 150));
}

const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, DVC_SANDBOX_URL: url }, shell: false });
child.on('exit', (code, signal) => {
  stopSandbox();
  process.exit(code ?? (signal ? 1 : 0));
});
