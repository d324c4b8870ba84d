#!/usr/bin/env node
/**
 * `dvc-sandbox` — serves the DVC Kit API on SQLite.
 *
 *   dvc-sandbox [serve] [--port 4010] [--host 127.0.0.1] [--db FILE|:memory:] [--no-admin]
 *   dvc-sandbox import [--db FILE] [--from ../shared/data/dichvucong]
 *
 * Environment: PORT, HOST, DVC_DB, DVC_ADMIN_ROUTES=0, DVC_ALLOWED_ORIGINS (comma-separated),
 * DVC_PUBLIC_API_URL, DVC_APPLICANT_KEY, DVC_GATEWAY_SECRET, DVC_TOKEN_SECRET, DVC_TOKEN_TTL_SECONDS.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { createSandbox } from './app.ts';
import { API_PREFIX } from './config.ts';
import { importPublicCatalogue } from './catalog/import-command.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    db: { type: 'string' },
    from: { type: 'string' },
    'no-admin': { type: 'boolean' },
    quiet: { type: 'boolean' },
  },
});

const command = positionals[0] ?? 'serve';
const env = process.env;
const port = Number(values.port ?? env['PORT'] ?? 4010);
// 'localhost' binds both 127.0.0.1 and ::1: browsers may resolve localhost to either.
const host = values.host ?? env['HOST'] ?? 'localhost';
const database = values.db ?? env['DVC_DB'] ?? resolve('.data/dvc-sandbox.db');

/** The dossier tokens' lifetime from the environment: whole seconds, at least 1; unset, the default. */
function tokenTtlMs(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const seconds = Number(value);
  if (!Number.isInteger(seconds) || seconds < 1) {
    console.error(`DVC_TOKEN_TTL_SECONDS must be a whole number of seconds (at least 1), not "${value}".`);
    process.exit(2);
  }
  return seconds * 1000;
}

if (command === 'import') {
  const from = resolve(values.from ?? '../shared/data/dichvucong');
  const { read, stored, skipped } = await importPublicCatalogue(database, from);
  console.log(`Read ${read} procedures from ${from}; ${database} now holds ${stored} (${skipped} malformed lines skipped).`);
} else if (command === 'serve') {
  const publicApiUrl = env['DVC_PUBLIC_API_URL'] ?? `http://localhost:${port}${API_PREFIX}`;
  const ttl = tokenTtlMs(env['DVC_TOKEN_TTL_SECONDS']);
  const { app } = await createSandbox({
    databaseUrl: database,
    adminRoutes: !(values['no-admin'] || env['DVC_ADMIN_ROUTES'] === '0'),
    allowedOrigins: env['DVC_ALLOWED_ORIGINS'] ? env['DVC_ALLOWED_ORIGINS'].split(',').map((o) => o.trim()) : 'localhost',
    publicApiUrl,
    ...(env['DVC_APPLICANT_KEY'] ? { applicantKey: env['DVC_APPLICANT_KEY'] } : {}),
    ...(env['DVC_GATEWAY_SECRET'] ? { gatewaySecret: env['DVC_GATEWAY_SECRET'] } : {}),
    ...(env['DVC_TOKEN_SECRET'] ? { tokenSecret: env['DVC_TOKEN_SECRET'] } : {}),
    ...(ttl !== undefined ? { tokenTtlMs: ttl } : {}),
    logger: values.quiet ? false : { level: 'info' },
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void app.close().then(() => process.exit(0)));
  }
  await app.listen({ port, host });
  console.log(`DVC Kit sandbox API: ${publicApiUrl} (database: ${database})`);
} else {
  console.error(`Unknown command "${command}". Use "serve" or "import".`);
  process.exit(2);
}
