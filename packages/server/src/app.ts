import Fastify, { LogController } from 'fastify';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import cors from '@fastify/cors';
import compress from '@fastify/compress';
import { constants as zlib } from 'node:zlib';
import openapiGlue from 'fastify-openapi-glue';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { maskIdentityNumbers } from '@dvc-kit/sdk';
import type { ServerContext } from './context.ts';
import { API_PREFIX, defaultOptions, productionProblems } from './config.ts';
import type { ServerOptions } from './config.ts';
import { openStorage } from './storage/open.ts';
import { migrate, migrationStatus } from './storage/migrate.ts';
import { SchemaGate } from './storage/schema-gate.ts';
import { unreachableReason } from './error-reason.ts';
import type { GateState } from './storage/schema-gate.ts';
import { CatalogueIndexes } from './procedures/search-index.ts';
import { loadStatusTable } from './sync/status-table.ts';
import { noSuchDate } from './calendar/plain-date.ts';
import { ApiProblem } from './http/problem.ts';
import { RateLimiter } from './http/rate-limit.ts';
import { FAULT_HEADER, FaultInjector } from './http/faults.ts';
import { createHandlers } from './http/handlers.ts';
import { DOSSIER_TOKEN_HEADER } from './dossiers/access-token.ts';
import { answerOnlyMediaTypes, loadContract, operationIdOf } from './http/contract.ts';
import { resetDatabase, seedDatabase } from './seed/load.ts';
import { claimDatabase, refuseOtherMode } from './storage/deployment-mode.ts';
import { checkSharedSecrets } from './storage/shared-secrets.ts';
import { registerGatewaySimulators } from './payments/simulators/register.ts';
import { PaymentGateways } from './payments/gateways/gateways.ts';
import { sandboxGatewaySettings } from './payments/gateways/settings.ts';
import { startReconciliation } from './payments/reconcile.ts';
import { DATABASE_RETRY_SECONDS } from './storage/readiness.ts';
import { checkApiKeys } from './auth/key-check.ts';

const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export interface Server {
  app: FastifyInstance;
  context: ServerContext;
  options: ServerOptions;
}

/** The server cannot start as configured; `problems` says what to change. */
export class ConfigurationError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`The server cannot start in production mode:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

function isAllowedOrigin(origin: string, allowed: ServerOptions['allowedOrigins']): boolean {
  if (allowed === 'localhost') {
    try {
      const { hostname, protocol } = new URL(origin);
      return (protocol === 'http:' || protocol === 'https:') && ['localhost', '127.0.0.1', '[::1]'].includes(hostname);
    } catch {
      return false;
    }
  }
  return allowed.includes(origin);
}

const BODY_LIMIT = 64 * 1024;
/**
 * A PostgreSQL query of a request with no answer after this long fails, answered 503 (the SDK gives
 * up after 10 s): a database frozen on the connections held open would otherwise hang every request.
 */
const SERVING_QUERY_TIMEOUT_MS = 8000;
const SYNC_BODY_LIMIT = 1024 * 1024;
const SYNC_OPERATIONS = new Set(['syncDossiers', 'syncProgress']);

/**
 * The path of the first string (or key) holding a NUL character, if any. Walked with a stack of
 * its own, not by recursion: a body of JSON nested thousands deep (a gateway's notification allows
 * any fields) must not overflow the call stack.
 */
function findNul(value: unknown, path: string): string | undefined {
  // Each with whether its key holds one; pushed in reverse, so fields are looked at in order.
  const pending: [unknown, string, boolean][] = [[value, path, false]];
  while (pending.length > 0) {
    const [item, at, keyHasNul] = pending.pop()!;
    if (keyHasNul || (typeof item === 'string' && item.includes('\u0000'))) return at;
    if (item === null || typeof item !== 'object') continue;
    const entries = Array.isArray(item) ? [...item.entries()] : Object.entries(item);
    for (let index = entries.length - 1; index >= 0; index--) {
      const [key, child] = entries[index]!;
      pending.push([child, `${at}/${key}`, typeof key === 'string' && key.includes('\u0000')]);
    }
  }
  return undefined;
}

/**
 * Answered whatever the database's state: liveness and readiness are how an operator learns it; a
 * gateway's notification is answered in its own protocol (VNPay's 99 makes it send again).
 */
const NOT_GATED = new Set(['getHealth', 'getReadiness', 'receiveVnpayNotification', 'receiveMomoNotification']);

/** The database cannot serve just now: a passing state that clients may retry. */
const databaseUnavailable = (detail: string) => new ApiProblem(503, 'service_unavailable', detail, { retryAfter: DATABASE_RETRY_SECONDS });


/** 64 KB, 1 MB: a body limit as the problem says it. */
const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} KB`);

type ValidationIssue = NonNullable<FastifyError['validation']>[number];

/** Ajv's own message, with the values allowed when it says only "one of the allowed values". */
function issueMessage(issue: ValidationIssue): string {
  const allowed = (issue.params as { allowedValues?: unknown[] } | undefined)?.allowedValues;
  if (issue.keyword === 'enum' && Array.isArray(allowed)) return `must be one of: ${allowed.map((value) => JSON.stringify(value)).join(', ')}`;
  return issue.message ?? 'invalid';
}

/** The value an issue is about: its instance path in the part of the request validated. */
function issueValue(request: FastifyRequest, where: string, issue: ValidationIssue): unknown {
  const parts: Record<string, unknown> = { querystring: request.query, body: request.body, params: request.params, headers: request.headers };
  return issue.instancePath.split('/').slice(1).map((key) => key.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), parts[where]);
}

/**
 * A date written right but naming no day (2026-02-30, 2026-13-01), said as such, with its value:
 * Ajv says only that it "must match format "date"", which reads as a wrong format.
 */
function noSuchDateOf(request: FastifyRequest, where: string, issue: ValidationIssue): string | undefined {
  if (issue.keyword !== 'format' || (issue.params as { format?: unknown } | undefined)?.format !== 'date') return undefined;
  const value = issueValue(request, where, issue);
  return typeof value === 'string' ? noSuchDate(value) : undefined;
}

/** Maps Fastify's own errors (validation, body parsing, limits) to the contract's problems. */
function toApiProblem(error: FastifyError, bodyLimit: number, request: FastifyRequest): ApiProblem {
  if (error instanceof ApiProblem) return error;
  if (error.validation) {
    const where = error.validationContext ?? 'request';
    const details: string[] = [];
    const errors = error.validation.map((issue) => {
      const missing = (issue.params as { missingProperty?: string } | undefined)?.missingProperty;
      const path = `/${where}${issue.instancePath}${missing ? `/${missing}` : ''}`;
      const noDay = noSuchDateOf(request, where, issue);
      // Said in the detail too, as the reports say a period they refuse: "from: … ."
      if (noDay) details.push(`${issue.instancePath.slice(1)}: ${noDay}.`);
      return { path, message: noDay ?? issueMessage(issue) };
    });
    return new ApiProblem(400, 'validation_failed', details.length > 0 ? details.join(' ') : undefined, { errors });
  }
  switch (error.statusCode) {
    case 400: return new ApiProblem(400, 'validation_failed', 'The request body could not be read.');
    case 404: return new ApiProblem(404, 'not_found');
    case 413: return new ApiProblem(413, 'payload_too_large', `The request body must be at most ${sizeText(bodyLimit)} for this operation.`);
    case 415: return new ApiProblem(415, 'unsupported_media_type');
    default: return new ApiProblem(500, 'internal_error');
  }
}

/**
 * Builds the server: the contract's routes on the storage DATABASE_URL names. In sandbox mode the
 * schema is migrated and the demo data seeded; in production the configuration is checked first
 * and the schema is left to `dvc-server migrate` (`/ready` says whether it is current).
 * Call `app.listen()` to serve, or `app.inject()` in tests.
 */
export async function createServer(overrides: Partial<ServerOptions> = {}): Promise<Server> {
  const options = defaultOptions(overrides);
  if (options.mode === 'production') {
    const problems = productionProblems(options);
    if (problems.length > 0) throw new ConfigurationError(problems);
  }
  const storage = openStorage(options.databaseUrl, { poolSize: options.poolSize, queryTimeoutMs: SERVING_QUERY_TIMEOUT_MS });
  // The sandbox pays through its own simulated VNPay and MoMo unless told otherwise.
  const gatewaySettings = options.gateways ?? (options.mode === 'sandbox' && options.adminRoutes ? sandboxGatewaySettings(options.publicApiUrl) : {});
  const rateLimiter = new RateLimiter(storage, () => options.now().getTime());
  const context: ServerContext = {
    storage,
    rateLimiter,
    catalogue: new CatalogueIndexes(storage),
    statusTable: loadStatusTable(options.syncStatusTable),
    gateways: new PaymentGateways(gatewaySettings, options.publicApiUrl),
    paymentExpiryMs: options.paymentExpiryMs,
    applicantKey: options.applicantKey,
    tokenSecret: options.tokenSecret,
    tokenTtlMs: options.tokenTtlMs,
    publicApiUrl: options.publicApiUrl,
    allowsOrigin: (origin) => isAllowedOrigin(origin, options.allowedOrigins),
    // Replaced by the app's log once it exists (below); until then nothing is logged.
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    // Replaced by the gate once it exists (below).
    database: { state: 'open', refresh: async () => 'open' },
    now: options.now,
  };
  // What opening the database found that the log should say; said once the log exists.
  let tokenSecretReplaced = false;
  let placeholderApplicantKey = false;
  const claimAndIndex = async () => {
    if (options.mode === 'production') {
      await claimDatabase(storage, 'production', options.now());
      const found = await checkSharedSecrets(storage, options, { record: options.recordsSecrets ?? true });
      // Said once opened: an opening that failed after recording it still says so on the next.
      tokenSecretReplaced ||= found.tokenSecretChanged;
      placeholderApplicantKey = found.placeholderApplicantKey;
    }
    await context.catalogue.current();
  };
  let initial: GateState = 'schema-pending';
  let initialReason: string | undefined;
  try {
    if (options.mode === 'sandbox') {
      await refuseOtherMode(storage, 'sandbox');
      await migrate(storage);
      await claimDatabase(storage, 'sandbox', options.now());
      await seedDatabase(context, options.seedFile);
    }
    // The first search should not pay for building the index; a database not yet migrated has
    // no catalogue to index (and is not ready, nor claimed: `dvc-server migrate` claims it).
    if ((await migrationStatus(storage)).pending.length === 0) {
      await claimAndIndex();
      initial = 'open';
    }
  } catch (error) {
    // Production waits for its database (the gate below); the sandbox cannot seed without one.
    if (options.mode === 'production' && storage.isUnreachable(error)) {
      initial = 'unreachable';
      initialReason = unreachableReason(error);
    } else {
      await storage.close();
      throw error;
    }
  }

  const faults = new FaultInjector();
  const app = Fastify({
    // Behind a load balancer, the client is who X-Forwarded-For names, as far as the trusted
    // proxies vouch: what rate limits count and what a gateway is told is the payer's address.
    trustProxy: typeof options.trustProxy === 'number' ? trustHops(options.trustProxy) : options.trustProxy ?? false,
    // One id per request in every log line, and in the response for a citizen's support call.
    genReqId: () => randomUUID(),
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    logger: options.logger === false ? false : {
      level: options.logger === true ? 'info' : options.logger.level,
      ...(options.logger !== true && options.logger.stream ? { stream: options.logger.stream } : {}),
      // Bodies are never logged; nor are query strings (a citizen's search words, a gateway's signed
      // parameters); the path carries no identifier and no token by design. Headers are dropped
      // (the dossier token travels in one), and redacted should one reach a log line anyway.
      serializers: {
        // A client that put an identity number in the path by mistake (/dossiers/001099000006) leaves none in the log.
        req: (req: { method: string; url: string }) => ({ method: req.method, url: maskIdentityNumbers(req.url.split('?')[0] ?? '', '[masked]') }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      redact: ['applicantId', '*.applicantId', 'req.headers', 'body', `headers["${DOSSIER_TOKEN_HEADER}"]`, `*.headers["${DOSSIER_TOKEN_HEADER}"]`, 'access', '*.access'],
    },
    // The one-stop system's batches (below); every other operation keeps to 64 KB.
    bodyLimit: SYNC_BODY_LIMIT,
    // Long path parameters reach schema validation (a 400 naming the parameter); beyond this the
    // router refuses them itself, answered as a problem too (frameworkErrors).
    routerOptions: { maxParamLength: 2048 },
    frameworkErrors: (error, request, reply) => {
      const problem = new ApiProblem(error.statusCode === 414 ? 414 : 400, 'validation_failed', 'The address is malformed or too long.');
      (reply as unknown as FastifyReply).code(problem.status).type('application/problem+json')
        .send(problem.toProblem(request.url.split('?')[0]?.slice(0, 200)));
    },
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true, allowUnionTypes: true } },
  });
  app.addHook('onRoute', (route) => {
    const operationId = (route.schema as { operationId?: string } | undefined)?.operationId;
    if (!SYNC_OPERATIONS.has(operationId ?? '')) route.bodyLimit = BODY_LIMIT;
  });
  context.log = app.log;
  app.addHook('onClose', async () => storage.close());
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // Bodies are validated per declared content type: a JSON body sent as text/plain would skip the
  // contract's schema. Without a text/plain parser such requests are refused (415) before routing.
  app.removeContentTypeParser('text/plain');

  // Answers sent compressed when the client takes it (the catalogue's lists are tens of kB of JSON
  // for a phone on a slow network). Brotli at a middle quality: a good ratio at a small CPU cost
  // per answer; a CDN or proxy in front may compress again at higher effort.
  await app.register(compress, {
    encodings: ['br', 'gzip'],
    threshold: 1024,
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } },
  });

  await app.register(cors, {
    origin: (origin, callback) => callback(null, origin === undefined || context.allowsOrigin(origin)),
    methods: ['GET', 'POST'],
    allowedHeaders: ['content-type', 'idempotency-key', 'accept', DOSSIER_TOKEN_HEADER],
    exposedHeaders: ['retry-after', 'idempotent-replayed', 'x-request-id'],
    maxAge: 600,
  });

  // What opening the database found: a schema a newer release migrated (a rolling upgrade), served
  // all the same; a token secret other servers of the database do not share; a placeholder
  // applicant key that dossiers are stored under.
  const sayWhatOpeningFound = async () => {
    if (placeholderApplicantKey) {
      app.log.warn('DVC_APPLICANT_KEY is a placeholder, not a random secret, and this database stores its dossiers\' identity numbers under it: '
        + 'anyone with a copy of the database who guesses the key can work out every identity number in it (there are few enough to try them all). '
        + 'It cannot be changed now: keep the database and its backups closed to all but these servers');
    }
    if (tokenSecretReplaced) {
      app.log.warn('DVC_TOKEN_SECRET differs from the one another server of this database started with: a dossier token one issues, the other refuses. '
        + 'Give every server the same secret; after changing it, restart them all');
    }
    const { current, latest } = await migrationStatus(storage);
    if (current > latest) {
      app.log.warn({ schemaVersion: current, latestSchemaVersion: latest },
        'database schema newer than this server: serving it (each schema step keeps the release before it working); upgrade this server');
    }
  };
  function announceDatabase(state: GateState, reason?: string): void {
    if (state === 'open') {
      app.log.info('database ready: serving');
      void sayWhatOpeningFound().catch(() => undefined);
    }
    else if (state === 'unreachable') app.log.warn({ reason }, 'database unreachable: answering 503 until it is back');
    else if (state === 'refused') app.log.error({ reason }, 'database refused: answering 503; fix what the reason names and restart');
    else app.log.warn('database schema not current: run "dvc-server migrate"; answering 503 until then');
  }
  // Until the database can serve (schema-gate.ts), every operation but those in NOT_GATED is a 503
  // that says when to try again; after the CORS headers, so a widget can read it.
  const gate = new SchemaGate(storage, { initial, onOpen: claimAndIndex, onChange: announceDatabase });
  context.database = gate;
  if (initial !== 'open') announceDatabase(initial, initialReason);
  // Only a log line: a database that blinks meanwhile does not stop the server from starting.
  else await sayWhatOpeningFound().catch(() => undefined);
  app.addHook('onRequest', async (request) => {
    const operationId = operationIdOf(request);
    if (operationId === undefined || NOT_GATED.has(operationId)) return;
    const state = gate.state;
    if (state === 'unreachable') throw databaseUnavailable('The database cannot be reached just now.');
    if (state !== 'open') throw databaseUnavailable('The service is being set up: its database is not ready yet.');
  });

  app.addHook('onRequest', async (request, reply) => {
    const operationId = operationIdOf(request);
    if (operationId && options.adminRoutes && (await faults.apply(operationId, request, reply))) return reply;
    const limit = operationId ? options.rateLimits[operationId] : undefined;
    if (!limit) return;
    // The connection closed while the request waited its turn (a citizen pressing again aborts the
    // last one): there is no address to count and no one to answer.
    if (request.socket.destroyed) {
      request.log.debug('the client left before its request was counted');
      return reply.hijack();
    }
    const wait = await rateLimiter.hit(operationId!, request.ip, limit);
    // The error handler says when to come back (Retry-After), for this limit and any other.
    if (wait > 0) throw new ApiProblem(429, 'rate_limited', undefined, { retryAfter: wait });
  });

  // The public contract; with the admin routes on, the sandbox's test controls too (/_sandbox/*).
  const contract = loadContract({ sandbox: options.adminRoutes });
  // The agency systems' keys, after the limits above and before any body is parsed.
  checkApiKeys(app, storage, contract);

  // Three rules the contract's schemas cannot say, for every operation: every request body the
  // contract declares is required, and one not sent at all is not validated (only one that came
  // is); the validator coerces a query's "1e309" to Infinity, which no bound refuses (Ajv checks
  // bounds before coercing); and PostgreSQL cannot store a NUL character, so no engine is given one
  // (both answer alike). A sync batch's records are read one by one, each refused on its own for
  // one (sync/record-reader.ts).
  app.addHook('preHandler', async (request) => {
    const errors: { path: string; message: string }[] = [];
    if (request.body === undefined && request.routeOptions.schema?.body !== undefined) errors.push({ path: '/body', message: 'required' });
    for (const [name, value] of Object.entries((request.query ?? {}) as Record<string, unknown>)) {
      if (typeof value === 'number' && !Number.isFinite(value)) errors.push({ path: `/querystring/${name}`, message: 'must be a finite number' });
    }
    const body = SYNC_OPERATIONS.has(operationIdOf(request) ?? '') && typeof request.body === 'object' && request.body !== null
      ? { ...request.body, data: [] } : request.body;
    for (const [where, value] of [['querystring', request.query], ['params', request.params], ['body', body]] as const) {
      const found = findNul(value, `/${where}`);
      if (found) errors.push({ path: found, message: 'must not contain a NUL character' });
    }
    if (errors.length > 0) throw new ApiProblem(400, 'validation_failed', undefined, { errors });
  });

  // Before the headers below, which see the fault header: a `drop-after-commit` fault's request has
  // done its work; here its answer is lost.
  app.addHook('onSend', async (request, reply, payload) => faults.loseAnswer(request, reply, payload));

  // Stopping: an answer still on its way closes its connection, so the client opens a new one (to
  // another server) rather than send its next request on one this server is about to close, which
  // would reach nobody and leave the client unsure whether it was done.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    if (!String(reply.getHeader('content-type') ?? '').startsWith('text/html')) {
      reply.header('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
    }
    const cacheable = request.method === 'GET' && reply.statusCode === 200 && !reply.hasHeader(FAULT_HEADER) &&
      /^\/api\/v1\/(procedures|fields|agencies)/.test(request.url);
    reply.header('cache-control', cacheable ? 'public, max-age=60' : 'no-store');
    return payload;
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    // The database down, restarting or out of connections: a passing outage that clients may retry,
    // logged in one line (every request fails alike meanwhile; a stack each would bury the log).
    const unreachable = storage.isUnreachable(error);
    const problem = unreachable
      ? databaseUnavailable('The database cannot be reached just now.')
      : toApiProblem(error, request.routeOptions.bodyLimit ?? SYNC_BODY_LIMIT, request);
    if (unreachable && storage.needsOperator(error)) request.log.error({ err: { message: error.message, code: (error as { code?: unknown }).code } }, 'request failed: the database cannot be written (disk, file rights): fix it');
    else if (unreachable) request.log.warn({ err: { message: error.message, code: (error as { code?: unknown }).code } }, 'request failed: database unreachable');
    // A 5xx answered on purpose (the gate's, a gateway's) was said once where it was decided; only
    // the unexpected is logged with its stack.
    else if (problem.status >= 500 && !(error instanceof ApiProblem)) request.log.error({ err: { message: error.message, stack: error.stack } }, 'request failed');
    // The scheme to authenticate with (RFC 9110 asks it of every 401): a system's key, or a dossier token.
    if (problem.status === 401) reply.header('www-authenticate', problem.code === 'api_key_invalid' ? 'Bearer' : 'Dvc-Dossier-Token');
    // Any limit met (per client, or a dossier's identity-number guesses), or an outage, says when to come back.
    if ((problem.status === 429 || problem.status === 503) && problem.extra.retryAfter !== undefined) reply.header('retry-after', String(problem.extra.retryAfter));
    reply.code(problem.status).type('application/problem+json').send(problem.toProblem(request.url.split('?')[0]));
  });
  app.setNotFoundHandler((request, reply) => {
    reply.code(404).type('application/problem+json').send(new ApiProblem(404, 'not_found').toProblem(request.url.split('?')[0]));
  });

  // Glue wants a body parser for every content type the contract names, responses included (the
  // HTML receipt, a report as CSV, problem+json). Requests never send those: refuse them as 415.
  for (const type of answerOnlyMediaTypes(contract)) {
    app.addContentTypeParser(type, (_request, _payload, done) => done(new ApiProblem(415, 'unsupported_media_type'), undefined));
  }
  await app.register(openapiGlue, {
    specification: contract,
    serviceHandlers: createHandlers(context, {
      version: VERSION,
      adminRoutes: options.adminRoutes,
      faults,
      reset: async () => {
        faults.clear();
        await resetDatabase(context);
      },
    }),
    prefix: API_PREFIX,
  });
  if (options.adminRoutes) registerGatewaySimulators(app, context, API_PREFIX);
  if (options.reconcileEveryMs > 0 && (context.gateways.vnpay || context.gateways.momo)) {
    const stop = startReconciliation(context, { olderThanMs: options.reconcileAfterMs, everyMs: options.reconcileEveryMs });
    app.addHook('onClose', stop);
  }

  return { app, context, options };
}

/** The nearest `hops` proxies are trusted (Fastify's own rule for a number, which its types leave out). */
function trustHops(hops: number): (address: string, hop: number) => boolean {
  return (_address, hop) => hop < hops;
}

/** The server in sandbox mode (the default mode), as tests and `npm start` use it. */
export function createSandbox(overrides: Partial<ServerOptions> = {}): Promise<Server> {
  return createServer({ ...overrides, mode: 'sandbox' });
}
