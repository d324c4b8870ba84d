// Runs a command with a throwaway PostgreSQL cluster: `node scripts/with-postgres.mjs <command> [args]`.
// The command gets a fresh, empty database's URL as DATABASE_URL; the cluster is removed when it exits.
// Needs Node 24 (node_modules/.bin/node, as npm scripts use): it imports the TypeScript module directly.
import { spawn } from 'node:child_process';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node scripts/with-postgres.mjs <command> [args…]');
  process.exit(2);
}

const { startPostgres } = await import('../packages/server/test/support/postgres-cluster.ts');

let child;
// Before the command runs, a signal just ends this process; the cluster module's exit hook stops the server.
// After, the command gets the signal and its exit stops the cluster.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (child && child.exitCode === null) child.kill(signal);
    else process.exit(130);
  });
}

const cluster = await startPostgres().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
const url = await cluster.createDatabase('test');

child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, DATABASE_URL: url }, shell: false });
child.on('error', (error) => {
  console.error(`${command}: ${error.message}`);
});
child.on('close', async (code) => {
  await cluster.stop();
  // null: ended by a signal; negative: it could not be started.
  process.exit(code === null ? 1 : code < 0 ? 127 : code);
});
