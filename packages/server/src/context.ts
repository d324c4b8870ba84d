import type { Storage } from './storage/storage.ts';
import type { CatalogueIndexes } from './procedures/search-index.ts';
import type { StatusTable } from './sync/status-table.ts';

/** What every part of the server needs: the storage, its settings, and the clock. */
export interface ServerContext {
  storage: Storage;
  /** The catalogue's search index, kept current with the storage. */
  catalogue: CatalogueIndexes;
  /** Key of the applicant-id digests. */
  applicantKey: string;
  /** Whether payments go to the sandbox's simulated gateway; without it no gateway is configured. */
  simulatedGateway: boolean;
  /** Shared secret of the simulated payment gateway (HMAC-SHA512). */
  gatewaySecret: string;
  /** Key of the dossier access tokens (HMAC-SHA256), and how long one lasts (ms). */
  tokenSecret: string;
  tokenTtlMs: number;
  /** The API root as browsers reach it, e.g. `http://localhost:4010/api/v1`, for gateway links. */
  publicApiUrl: string;
  /** Whether a browser origin may call the API (CORS) and be a payment's return address. */
  allowsOrigin: (origin: string) => boolean;
  /** The one-stop system's status numbers (TrangThaiHoSo) as the contract's statuses. */
  statusTable: StatusTable;
  /** The clock; tests pass a fixed one. */
  now: () => Date;
}
