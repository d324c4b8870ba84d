import type { Database } from './db/database.ts';

/** What every part of the sandbox needs: the database, its settings, and the clock. */
export interface SandboxContext {
  db: Database;
  /** Key of the applicant-id digests. */
  applicantKey: string;
  /** Shared secret of the simulated payment gateway (HMAC-SHA512). */
  gatewaySecret: string;
  /** Key of the dossier access tokens (HMAC-SHA256), and how long one lasts (ms). */
  tokenSecret: string;
  tokenTtlMs: number;
  /** The API root as browsers reach it, e.g. `http://localhost:4010/api/v1`, for gateway links. */
  publicApiUrl: string;
  /** Whether a browser origin may call the API (CORS) and be a payment's return address. */
  allowsOrigin: (origin: string) => boolean;
  /** The clock; tests pass a fixed one. */
  now: () => Date;
}
