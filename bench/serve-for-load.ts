/**
 * The server for the throughput figures: as `dvc-server serve` runs it (sandbox mode, its own
 * process, the same arguments), but with the per-client rate limits out of reach. The load
 * generator is one client, 127.0.0.1, sending what many citizens would; with the default limits
 * nearly every request would be a 429. Each request still counts itself in the database as under
 * the real limits, so the figures include that cost.
 *
 *   node --conditions=source bench/serve-for-load.ts serve --port N --host 127.0.0.1 --db URL [--quiet]
 */
import { parseArgs } from 'node:util';
import { createSandbox, DEFAULT_RATE_LIMITS } from '../packages/server/src/index.ts';

const { values } = parseArgs({
  allowPositionals: true,
  options: { port: { type: 'string' }, host: { type: 'string' }, db: { type: 'string' }, quiet: { type: 'boolean' } },
});
const port = Number(values.port);
const host = values.host ?? '127.0.0.1';
if (!values.db || !Number.isInteger(port)) {
  console.error('usage: serve-for-load.ts serve --port N [--host ADDRESS] --db DATABASE_URL [--quiet]');
  process.exit(2);
}

const unreachable = Object.fromEntries(Object.entries(DEFAULT_RATE_LIMITS).map(([operation, limit]) => [operation, { ...limit, max: 1e9 }]));
const { app } = await createSandbox({
  databaseUrl: values.db,
  rateLimits: unreachable,
  publicApiUrl: `http://${host}:${port}/api/v1`,
  logger: values.quiet ? false : { level: 'info' },
});
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => void app.close().then(() => process.exit(0), () => process.exit(1)));
}
await app.listen({ port, host });
