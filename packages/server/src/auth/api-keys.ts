import { createHash, randomBytes } from 'node:crypto';
import { digestsEqual } from '../dossiers/applicant-digest.ts';
import type { Storage } from '../storage/storage.ts';
import { ApiProblem } from '../http/problem.ts';

/**
 * Keys of the agency's own systems: `sync` for its one-stop system pushing dossiers, `reports` for
 * its staff's reports. A key is shown once, when made; only its SHA-256 digest is stored (a key is
 * 256 random bits, so a plain digest cannot be reversed by guessing). Each key is bound to an
 * agency code and acts for that agency only.
 */
export const API_KEY_SCOPES = ['sync', 'reports'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export interface ApiKey {
  id: string;
  scope: ApiKeyScope;
  /** The agency code the key acts for, e.g. `000.00.15.H26`. */
  agency: string;
  label: string;
  createdAt: string;
  revokedAt: string | null;
}

interface ApiKeyRow {
  id: string;
  digest: string;
  scope: ApiKeyScope;
  agency: string;
  label: string;
  created_at: string;
  revoked_at: string | null;
}

/** An agency code as dossier codes begin with it: segments of letters and digits joined by dots, at most 40 characters. */
export const AGENCY_CODE = /^(?=.{1,40}$)[0-9A-Z]+(?:\.[0-9A-Z]+)*$/;

const digestOf = (key: string) => createHash('sha256').update(key).digest('hex');

const toApiKey = (row: ApiKeyRow): ApiKey => ({
  id: row.id, scope: row.scope, agency: row.agency, label: row.label, createdAt: row.created_at, revokedAt: row.revoked_at,
});

/** Makes a key; the key itself is in the answer and nowhere else. */
export async function createApiKey(
  storage: Storage,
  input: { scope: ApiKeyScope; agency: string; label?: string; now?: () => Date },
): Promise<{ id: string; key: string }> {
  if (!API_KEY_SCOPES.includes(input.scope)) throw new Error(`The scope must be one of: ${API_KEY_SCOPES.join(', ')}.`);
  if (!AGENCY_CODE.test(input.agency)) throw new Error(`"${input.agency}" is not an agency code such as 000.00.15.H26.`);
  const id = `key_${randomBytes(6).toString('hex')}`;
  const key = `dvc_${input.scope}_${randomBytes(32).toString('base64url')}`;
  await storage.run('INSERT INTO api_keys (id, digest, scope, agency, label, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
    id, digestOf(key), input.scope, input.agency, input.label ?? '', (input.now?.() ?? new Date()).toISOString(),
  ]);
  return { id, key };
}

export async function listApiKeys(storage: Storage): Promise<ApiKey[]> {
  return (await storage.all<ApiKeyRow>('SELECT * FROM api_keys ORDER BY created_at, id')).map(toApiKey);
}

/** Revokes a key for good; false when no such key is active. */
export async function revokeApiKey(storage: Storage, id: string, now: () => Date = () => new Date()): Promise<boolean> {
  return (await storage.run('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [now().toISOString(), id])) === 1;
}

/**
 * The key an `Authorization: Bearer …` header presents, for an operation of `scope`. Missing,
 * unknown and revoked keys are one answer (401); a key of another scope is 403.
 */
export async function authenticateApiKey(storage: Storage, authorization: string | undefined, scope: ApiKeyScope): Promise<ApiKey> {
  // The scheme's case does not matter (RFC 9110): "bearer" is "Bearer".
  const presented = /^Bearer ([A-Za-z0-9_-]{1,200})$/i.exec(authorization?.trim() ?? '')?.[1];
  const digest = digestOf(presented ?? '');
  const row = presented ? await storage.one<ApiKeyRow>('SELECT * FROM api_keys WHERE digest = ?', [digest]) : undefined;
  // The lookup is by digest; the compare is in constant time all the same.
  const matches = row !== undefined && digestsEqual(row.digest, digest);
  if (!row || !matches || row.revoked_at !== null) throw new ApiProblem(401, 'api_key_invalid');
  if (row.scope !== scope) throw new ApiProblem(403, 'api_key_out_of_scope');
  return toApiKey(row);
}
