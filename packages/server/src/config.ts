import type { RateLimit } from './http/rate-limit.ts';

export interface SandboxOptions {
  /** SQLite file path, or `:memory:`. */
  database: string;
  /** The procedures loaded into an empty catalogue. Default: the curated seed. */
  seedFile?: URL | string;
  /** Serve `/_sandbox/*` (reset, test dossiers, gateway page). On by default; off in anything public. */
  adminRoutes: boolean;
  /** Origins allowed by CORS; `localhost` allows any http(s)://localhost or 127.0.0.1 port. */
  allowedOrigins: string[] | 'localhost';
  /** The API root as browsers reach it, for gateway links. */
  publicApiUrl: string;
  applicantKey: string;
  gatewaySecret: string;
  /** Key of the dossier access tokens (HMAC-SHA256). */
  tokenSecret: string;
  /** How long a dossier access token proves the applicant, in ms. Default 30 minutes. */
  tokenTtlMs: number;
  /** Per-client limits by operationId. */
  rateLimits: Partial<Record<string, RateLimit>>;
  /** Log requests (never bodies, never identity numbers). */
  logger: boolean | { level: string; stream?: NodeJS.WritableStream };
  now: () => Date;
}

export const API_PREFIX = '/api/v1';

export const DEFAULT_TOKEN_TTL_MS = 30 * 60_000;

export const DEFAULT_RATE_LIMITS: Record<string, RateLimit> = {
  lookupDossier: { max: 10, windowMs: 60_000 },
  createPayment: { max: 20, windowMs: 60_000 },
  submitSurvey: { max: 10, windowMs: 60_000 },
  searchProcedures: { max: 600, windowMs: 60_000 },
};

export function defaultOptions(overrides: Partial<SandboxOptions> = {}): SandboxOptions {
  return {
    database: ':memory:',
    adminRoutes: true,
    allowedOrigins: 'localhost',
    publicApiUrl: `http://localhost:4010${API_PREFIX}`,
    // Sandbox-only secrets: a real deployment sets its own through the environment.
    applicantKey: 'dvc-sandbox-applicant-key',
    gatewaySecret: 'dvc-sandbox-gateway-secret',
    tokenSecret: 'dvc-sandbox-token-secret',
    tokenTtlMs: DEFAULT_TOKEN_TTL_MS,
    rateLimits: DEFAULT_RATE_LIMITS,
    logger: false,
    now: () => new Date(),
    ...overrides,
  };
}
