import type { FastifyBaseLogger } from 'fastify';
import type { Storage } from './storage/storage.ts';
import type { CatalogueIndexes } from './procedures/search-index.ts';
import type { StatusTable } from './sync/status-table.ts';
import type { PaymentGateways } from './payments/gateways/gateways.ts';
import type { RateLimiter } from './http/rate-limit.ts';
import type { DatabaseGate } from './storage/schema-gate.ts';

/** What every part of the server needs: the storage, its settings, and the clock. */
export interface ServerContext {
  storage: Storage;
  /** The counters of requests per client (and of identity-number guesses per dossier code), in the storage. */
  rateLimiter: RateLimiter;
  /** The catalogue's search index, kept current with the storage. */
  catalogue: CatalogueIndexes;
  /** Key of the applicant-id digests. */
  applicantKey: string;
  /** The payment gateways configured (none: no payment is taken), and how long a payment stays open at them. */
  gateways: PaymentGateways;
  paymentExpiryMs: number;
  /** Key of the dossier access tokens (HMAC-SHA256), and how long one lasts (ms). */
  tokenSecret: string;
  tokenTtlMs: number;
  /** The API root as browsers reach it, e.g. `http://localhost:4010/api/v1`, for gateway links. */
  publicApiUrl: string;
  /** Whether a browser origin may call the API (CORS) and be a payment's return address. */
  allowsOrigin: (origin: string) => boolean;
  /** The one-stop system's status numbers (TrangThaiHoSo) as the contract's statuses. */
  statusTable: StatusTable;
  /** The server's log (JSON lines): never identity numbers, tokens or keys. */
  log: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
  /** Whether the database can serve (storage/schema-gate.ts): `open`, or why not. */
  database: DatabaseGate;
  /** The clock; tests pass a fixed one. */
  now: () => Date;
}
