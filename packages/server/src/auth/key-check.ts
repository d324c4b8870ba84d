import type { FastifyInstance, FastifyRequest } from 'fastify';
import { operationIdOf } from '../http/contract.ts';
import type { OpenApiDocument } from '../http/contract.ts';
import type { Storage } from '../storage/storage.ts';
import { authenticateApiKey } from './api-keys.ts';
import type { ApiKey, ApiKeyScope } from './api-keys.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The agency system's key that the operation asks for, once checked (null for other operations). */
    apiKey: ApiKey | null;
  }
}

/** The contract's security schemes for agency systems, and the key scope each one means. */
const SCOPE_OF_SCHEME: Readonly<Record<string, ApiKeyScope>> = { syncKey: 'sync', reportsKey: 'reports' };

/** For each operation that asks for an agency system's key (the contract's `security`), its scope. */
export function keyScopesOf(contract: OpenApiDocument): Map<string, ApiKeyScope> {
  const scopes = new Map<string, ApiKeyScope>();
  for (const path of Object.values(contract.paths)) {
    for (const operation of Object.values(path) as { operationId?: string; security?: Record<string, unknown>[] }[]) {
      const scheme = Object.keys(operation?.security?.[0] ?? {})[0];
      if (operation?.operationId && scheme !== undefined) {
        const scope = SCOPE_OF_SCHEME[scheme];
        if (!scope) throw new Error(`The contract's operation ${operation.operationId} asks for ${scheme}, which the server does not know`);
        scopes.set(operation.operationId, scope);
      }
    }
  }
  return scopes;
}

/**
 * Checks the key as the request arrives, before its body is parsed: a caller without a valid key is
 * refused (401, 403) without the server buffering or parsing a batch of up to 1 MB, and its answer
 * does not depend on what it sent.
 */
export function checkApiKeys(app: FastifyInstance, storage: Storage, contract: OpenApiDocument): void {
  const scopes = keyScopesOf(contract);
  app.decorateRequest('apiKey', null);
  app.addHook('onRequest', async (request) => {
    const operationId = operationIdOf(request);
    const scope = operationId === undefined ? undefined : scopes.get(operationId);
    if (scope) request.apiKey = await authenticateApiKey(storage, request.headers.authorization, scope);
  });
}

/** The key checked for this request; an operation the contract does not guard has none. */
export function apiKeyOf(request: FastifyRequest): ApiKey {
  if (!request.apiKey) throw new Error(`The operation at ${request.routeOptions.url} is not guarded by a key in the contract`);
  return request.apiKey;
}
