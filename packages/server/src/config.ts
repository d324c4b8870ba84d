import type { RateLimit } from './http/rate-limit.ts';
import type { GatewaySettings } from './payments/gateways/settings.ts';
import { gatewayProductionProblems } from './payments/gateways/settings.ts';

/**
 * `sandbox`: the test controls (`/_sandbox/*`), the simulated gateway, the demo dossiers, built-in
 * secrets and migrations at start. `production`: none of that; every secret comes from the
 * environment and the schema is migrated by `dvc-server migrate`.
 */
export type ServerMode = 'sandbox' | 'production';

export interface ServerOptions {
  mode: ServerMode;
  /** DATABASE_URL: a SQLite file path, `:memory:`, or `postgres://…`. */
  databaseUrl: string;
  /** PostgreSQL connections per process. */
  poolSize?: number;
  /** The procedures loaded into an empty catalogue (sandbox). Default: the curated seed. */
  seedFile?: URL | string;
  /** Serve `/_sandbox/*` (reset, test dossiers, gateway page). Sandbox only; on by default there. */
  adminRoutes: boolean;
  /** Origins allowed by CORS; `localhost` allows any http(s)://localhost or 127.0.0.1 port. */
  allowedOrigins: string[] | 'localhost';
  /** The API root as browsers reach it, for gateway links. */
  publicApiUrl: string;
  applicantKey: string;
  /**
   * The payment gateways and their merchant credentials. Left out in the sandbox (with its test
   * controls on), the simulated VNPay and MoMo; left out in production, no payment is taken.
   */
  gateways?: GatewaySettings;
  /** How long a payer has at the gateway (VNPay's vnp_ExpireDate). Default 15 minutes. */
  paymentExpiryMs: number;
  /** Reconciliation: how old a pending payment must be before its gateway is asked, and how often (0: never). */
  reconcileAfterMs: number;
  reconcileEveryMs: number;
  /**
   * Production: whether this server records the secrets it serves with (storage/shared-secrets.ts);
   * a command that only works on the database (`payments reconcile`) compares them. Default true.
   */
  recordsSecrets?: boolean;
  /** Key of the dossier access tokens (HMAC-SHA256). */
  tokenSecret: string;
  /** How long a dossier access token proves the applicant, in ms. Default 30 minutes. */
  tokenTtlMs: number;
  /**
   * The deployment's own status numbers for synced records, as JSON (`{"11": "processing"}`),
   * merged over the national portal's 1–10.
   */
  syncStatusTable?: string;
  /** Per-client limits by operationId. */
  rateLimits: Partial<Record<string, RateLimit>>;
  /**
   * The proxies in front of the server (a load balancer, a reverse proxy) whose X-Forwarded-For
   * names the client: how many hops, or their addresses and ranges. Unset, the client is the peer
   * of the connection, as it is when the server is reached directly.
   */
  trustProxy?: number | string[];
  /** Log requests as JSON lines (never bodies, identity numbers, tokens or keys). */
  logger: boolean | { level: string; stream?: NodeJS.WritableStream };
  now: () => Date;
}

export const API_PREFIX = '/api/v1';

export const DEFAULT_TOKEN_TTL_MS = 30 * 60_000;
export const DEFAULT_PAYMENT_EXPIRY_MS = 15 * 60_000;
/** VNPay retries a notification for up to 50 minutes; the status query needs no such wait. */
export const DEFAULT_RECONCILE_AFTER_MS = 20 * 60_000;
export const DEFAULT_RECONCILE_EVERY_MS = 5 * 60_000;

export const DEFAULT_RATE_LIMITS: Record<string, RateLimit> = {
  lookupDossier: { max: 10, windowMs: 60_000 },
  createPayment: { max: 20, windowMs: 60_000 },
  submitSurvey: { max: 10, windowMs: 60_000 },
  searchProcedures: { max: 600, windowMs: 60_000 },
  // A one-stop system sends batches of up to 100 records, often several a second after an outage.
  syncDossiers: { max: 600, windowMs: 60_000 },
  syncProgress: { max: 600, windowMs: 60_000 },
  // Staff read a report at a time; each reads a period's surveys or payments whole.
  getSurveyReport: { max: 60, windowMs: 60_000 },
  getPaymentReport: { max: 60, windowMs: 60_000 },
};

/** The sandbox's own secrets: public, so never accepted in production. */
export const SANDBOX_SECRETS = {
  applicantKey: 'dvc-sandbox-applicant-key',
  tokenSecret: 'dvc-sandbox-token-secret',
} as const;

export function defaultOptions(overrides: Partial<ServerOptions> = {}): ServerOptions {
  const mode = overrides.mode ?? 'sandbox';
  return {
    mode,
    databaseUrl: ':memory:',
    adminRoutes: mode === 'sandbox',
    allowedOrigins: 'localhost',
    publicApiUrl: `http://localhost:4010${API_PREFIX}`,
    ...SANDBOX_SECRETS,
    tokenTtlMs: DEFAULT_TOKEN_TTL_MS,
    paymentExpiryMs: DEFAULT_PAYMENT_EXPIRY_MS,
    reconcileAfterMs: DEFAULT_RECONCILE_AFTER_MS,
    reconcileEveryMs: DEFAULT_RECONCILE_EVERY_MS,
    rateLimits: DEFAULT_RATE_LIMITS,
    logger: false,
    now: () => new Date(),
    ...overrides,
  };
}

/** How to replace the token secret, which can be changed (a rotation), and what changing it does. */
const NEW_TOKEN_SECRET = 'Give DVC_TOKEN_SECRET a new one (openssl rand -base64 48) on every server of the database at once: '
  + 'the dossier tokens given before stop working, and citizens type their identity number again.';

/** What an operator is told of a placeholder secret; the caller says what to do about it. */
export const placeholderProblem = (variable: string): string => `${variable} has too few different characters to be a random secret.`;

/**
 * A placeholder ("aaaa…", "1111…") left in a deployment file rather than a random secret: fewer than
 * 10 different characters, where a random one of 32 has far more. Not a strength meter.
 */
export const isPlaceholderSecret = (value: string): boolean => new Set(value).size < 10;

/**
 * What stops a production server from starting, in words an operator can act on; empty when
 * nothing does. Sandbox secrets and wildcard origins are refused as if missing.
 */
export function productionProblems(options: ServerOptions): string[] {
  const problems: string[] = [];
  if (options.databaseUrl === ':memory:' || options.databaseUrl === '') {
    problems.push('DATABASE_URL must name the database: a SQLite file path (one machine) or postgres://… (several).');
  }
  const secrets = [
    ['applicantKey', 'DVC_APPLICANT_KEY'], ['tokenSecret', 'DVC_TOKEN_SECRET'],
  ] as const;
  for (const [option, variable] of secrets) {
    const value = options[option];
    if (!value || Object.values(SANDBOX_SECRETS).includes(value as never)) problems.push(`${variable} must be set (a random secret of at least 32 characters).`);
    else if (value.length < 32) problems.push(`${variable} must be at least 32 characters long.`);
  }
  // The token secret can be changed at any time (a rotation); the applicant key only before
  // dossiers are stored under it, which the database knows (storage/shared-secrets.ts).
  if (options.tokenSecret.length >= 32 && isPlaceholderSecret(options.tokenSecret)) {
    problems.push(`${placeholderProblem('DVC_TOKEN_SECRET')} ${NEW_TOKEN_SECRET}`);
  }
  if (options.applicantKey && options.applicantKey === options.tokenSecret) {
    problems.push(`DVC_APPLICANT_KEY and DVC_TOKEN_SECRET must be two different secrets: one found out must not give away the other. Keep DVC_APPLICANT_KEY; ${NEW_TOKEN_SECRET}`);
  }
  if (options.allowedOrigins === 'localhost' || options.allowedOrigins.length === 0) {
    problems.push('DVC_ALLOWED_ORIGINS must list the portal origins that embed the widgets, e.g. https://dichvucong.example.gov.vn.');
  } else {
    for (const origin of options.allowedOrigins) {
      let url: URL | null = null;
      try {
        url = new URL(origin);
      } catch { /* refused below */ }
      if (url === null || url.origin !== origin) {
        problems.push(`DVC_ALLOWED_ORIGINS: "${origin}" is not an origin such as https://dichvucong.example.gov.vn (scheme and host, no path).`);
      } else if (url.protocol !== 'https:' && url.hostname !== 'localhost') {
        problems.push(`DVC_ALLOWED_ORIGINS: "${origin}" must be https: a portal page on plain http can be altered on its way to the citizen (http is taken for localhost only).`);
      }
    }
  }
  if (options.adminRoutes) problems.push('The sandbox routes cannot be served in production.');
  if (options.gateways) {
    problems.push(...gatewayProductionProblems(options.gateways));
    // MoMo is told this address with each payment, and VNPay's registered IPN URL is under it.
    if (!options.publicApiUrl.startsWith('https://')) {
      problems.push('DVC_PUBLIC_API_URL must be the API\'s public https address when a payment gateway is configured: the gateways send their notifications there.');
    }
  }
  return problems;
}
