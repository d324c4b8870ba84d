/**
 * `dvc-server serve`: the API over HTTP until SIGTERM or SIGINT, then a graceful stop — no new
 * connections, the requests in progress answered, the storage closed — within a time limit.
 */
import type { FastifyInstance } from 'fastify';
import { createServer } from '../app.ts';
import { SettingsError, settingsFromEnvironment } from '../settings.ts';
import { readinessOf } from '../storage/readiness.ts';
import { unreachableReason } from '../error-reason.ts';
import { DATABASE_HELP, DATABASE_OPTIONS, EXIT, EXIT_HELP, parseCommandLine } from './command.ts';
import type { Command, Io } from './command.ts';

const OPTIONS = {
  ...DATABASE_OPTIONS,
  port: { type: 'string' },
  host: { type: 'string' },
  'no-admin': { type: 'boolean' },
  quiet: { type: 'boolean' },
} as const;

const HELP = `dvc-server serve — serves the DVC Kit API (the default command)

Usage: dvc-server [serve] [options]

Listens for HTTP requests under /api/v1 until stopped. SIGTERM or SIGINT (Ctrl+C) stops it
gracefully: new connections are refused, requests in progress are answered, the database is
closed, and it exits with status 0. A second signal, or a stop taking longer than
DVC_SHUTDOWN_TIMEOUT_SECONDS, ends it at once with status 1.

Sandbox mode (the default) migrates and seeds its database at start, uses the public sandbox
secrets unless others are set, and serves the test controls under /api/v1/_sandbox/. Production
mode serves only the public API, requires DATABASE_URL, the two secrets and
DVC_ALLOWED_ORIGINS, and leaves the schema to "dvc-server migrate": if any setting is missing
or unsafe it lists every problem and exits with status 78. Until the schema is current, or while
the database cannot be reached (at start too), it answers 503 with Retry-After, and serves once
the database can, without a restart; /api/v1/ready says which.

Logs are JSON lines on standard output, one per request (no bodies, identity numbers, tokens or
keys). The start line (mode, API address, database) goes to standard error.

Options (each with its environment variable):
${DATABASE_HELP}
  --port N        PORT. Default: 4010.
  --host ADDRESS  HOST. Default: localhost (each address the machine gives it: 127.0.0.1, and ::1
                  where /etc/hosts lists it). 0.0.0.0 for every interface.
  --no-admin      DVC_ADMIN_ROUTES=0. Sandbox without the test controls (always off in production).
  --quiet         No request logs (warnings and errors are still logged).
  -h, --help      This help.

Environment variables:
  DVC_ALLOWED_ORIGINS     The portal origins allowed to call the API (CORS) and to be a payment's
                          return address, comma-separated, e.g. https://dichvucong.example.gov.vn.
                          Required in production; the sandbox allows any localhost origin.
  DVC_PUBLIC_API_URL      The API's address as browsers reach it, for links the server makes.
                          Default: http://localhost:PORT/api/v1.
  DVC_APPLICANT_KEY       Key of the applicant identity digests.      In production: required,
  DVC_TOKEN_SECRET        Key of the dossier access tokens.           random, 32+ characters, the
                                                                      same on every server of the
                                                                      database (the applicant key
                                                                      never changes once dossiers
                                                                      are stored), two different
                                                                      secrets (openssl rand
                                                                      -base64 48).
  DVC_VNPAY_TMN_CODE, DVC_VNPAY_HASH_SECRET, DVC_VNPAY_PAYMENT_URL, DVC_VNPAY_QUERY_URL
                          A VNPay 2.1 merchant (the "bank-qr" method): all four, or none.
  DVC_MOMO_PARTNER_CODE, DVC_MOMO_ACCESS_KEY, DVC_MOMO_SECRET_KEY, DVC_MOMO_ENDPOINT
                          A MoMo v3 merchant (the "e-wallet" method): all four, or none.
                          Without either, production takes no payment online (409); the sandbox pays
                          through its simulated VNPay and MoMo.
  DVC_PAYMENT_EXPIRY_MINUTES   How long a payer has at the gateway. Default: 15.
  DVC_RECONCILE_AFTER_MINUTES  Pending this long, a payment's gateway is asked. Default: 20.
  DVC_RECONCILE_EVERY_MINUTES  How often that runs; 0 never (run "payments reconcile"). Default: 5.
  DVC_TOKEN_TTL_SECONDS   How long a dossier access token is valid. Default: 1800.
  DVC_PG_POOL_SIZE        PostgreSQL connections of this process, 2 to 100. Default: 10.
  DVC_TRUST_PROXY         Behind a load balancer or reverse proxy: how many stand in front (1 to
                          10), or their addresses and ranges, e.g. 10.0.0.0/8. The client is then
                          who X-Forwarded-For names (rate limits, the payer's address to VNPay).
                          Unset: the connection's peer.
  DVC_SYNC_STATUS_TABLE   The one-stop system's own status numbers, as JSON merged over the
                          national portal's 1–10, e.g. {"11": "processing"}.
  DVC_SHUTDOWN_TIMEOUT_SECONDS
                          The longest a graceful stop may take. Default: 10.

Examples:
  dvc-server serve --db .data/sandbox.db
  DVC_MODE=production DATABASE_URL=postgres://dvc:secret@db.internal/dvc \\
    DVC_APPLICANT_KEY=… DVC_TOKEN_SECRET=… DVC_VNPAY_TMN_CODE=… DVC_VNPAY_HASH_SECRET=… … \\
    DVC_ALLOWED_ORIGINS=https://dichvucong.example.gov.vn dvc-server serve --host 0.0.0.0 --port 8080

${EXIT_HELP}`;

/**
 * Stops the server on SIGTERM/SIGINT: app.close() refuses new connections, waits for the requests
 * in progress and closes the storage (an onClose hook); then the process exits 0. A second signal
 * is an operator who does not want to wait; a stop that hangs is ended after `timeoutMs`.
 */
function stopOnSignals(app: FastifyInstance, timeoutMs: number, io: Io): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      io.err(`${signal} again: stopping at once.`);
      process.exit(EXIT.failure);
    }
    stopping = true;
    io.err(`${signal}: finishing the requests in progress, then stopping (at most ${timeoutMs / 1000} s).`);
    const timer = setTimeout(() => {
      io.err(`The requests in progress did not finish within ${timeoutMs / 1000} s: stopping anyway.`);
      process.exit(EXIT.failure);
    }, timeoutMs);
    timer.unref();
    // close() ends the connections idle when it is called; a keep-alive connection whose request
    // was in progress goes idle later and would hold the stop until its keep-alive timeout.
    const sweep = setInterval(() => app.server.closeIdleConnections(), 100);
    sweep.unref();
    app.close().then(
      () => process.exit(EXIT.ok),
      (error: unknown) => {
        io.err(`Stopping failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(EXIT.failure);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

export const serve: Command = {
  name: 'serve',
  summary: 'serve the API over HTTP (the default command)',
  help: HELP,
  async run(args, io) {
    const { values } = parseCommandLine('serve', args, OPTIONS);
    const settings = settingsFromEnvironment(io.env, {
      mode: values.mode, db: values.db, port: values.port, host: values.host, noAdmin: values['no-admin'], serving: true,
    });
    // Throws ConfigurationError (every problem listed) before it opens anything.
    const { app, context } = await createServer({
      ...settings.options,
      // Quiet: no line per request, but what an operator must hear (warnings, errors) all the same.
      logger: { level: values.quiet ? 'warn' : 'info' },
    });
    try {
      await app.listen({ port: settings.port, host: settings.host });
    } catch (error) {
      await app.close();
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE') throw new SettingsError([`Port ${settings.port} on ${settings.host} is in use by another program: choose another with PORT (or --port), or stop that program.`]);
      if (code === 'EADDRNOTAVAIL') throw new SettingsError([`${settings.host} is not an address of this machine: check HOST (or --host).`]);
      if (code === 'EACCES') throw new SettingsError([`Port ${settings.port} needs privileges this user does not have: use a port above 1023 (PORT or --port) behind the reverse proxy.`]);
      throw error;
    }
    stopOnSignals(app, settings.shutdownTimeoutMs, io);
    io.err(`DVC Kit API, ${settings.mode} mode: ${settings.options.publicApiUrl} ` +
      `(listening on ${settings.host}:${settings.port}; database ${context.storage.description})`);
    if (settings.mode === 'production') {
      const unreachable = await context.storage.ping().then(() => undefined, (error: unknown) => unreachableReason(error));
      const readiness = unreachable === undefined ? await readinessOf(context.storage) : undefined;
      if (unreachable !== undefined) {
        io.err(`The database (${context.storage.description}) cannot be reached: ${unreachable}. If it is not down, check the host, port and name in DATABASE_URL. ` +
          'Until it can be reached the API answers 503; it serves then without a restart (/api/v1/ready says when).');
      } else if (readiness?.checks.migrations === 'pending') {
        io.err(`The database schema is at version ${readiness.schemaVersion} of ${readiness.latestSchemaVersion}: run "dvc-server migrate" (until then the API answers 503, and /api/v1/ready says why).`);
      }
    }
    // Serving goes on until a signal; stopOnSignals ends the process.
    return new Promise<number>(() => {});
  },
};
