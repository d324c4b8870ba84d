import { createTestSandbox } from './test-database.ts';
import { freePort } from '../../../../scripts/free-port.mjs';
import type { ServerOptions } from '../../src/index.ts';

/**
 * A real sandbox listening on a free loopback port, with its API root. Its public address is that
 * port, so its simulated gateways link to it and send their notifications to it.
 */
export async function startSandbox(overrides: Partial<ServerOptions> = {}) {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}/api/v1`;
  const sandbox = await createTestSandbox({ rateLimits: {}, publicApiUrl: baseUrl, ...overrides });
  await sandbox.app.listen({ port, host: '127.0.0.1' });
  return { ...sandbox, baseUrl, close: () => sandbox.app.close() };
}

export const DEMO = {
  paymentDue: { code: '000.00.15.H26-261102-0006', applicantId: '001099000006' },
  paymentDueTwoKinds: { code: '000.00.15.H26-261102-0014', applicantId: '001099000014' },
  processing: { code: '000.00.15.H26-261102-0004', applicantId: '001099000004' },
  withdrawn: { code: '000.00.15.H26-261102-0007', applicantId: '001099000007' },
  decided: { code: '000.00.15.H26-261102-0009', applicantId: '001099000009' },
  overdue: { code: '000.00.15.H26-261102-0011', applicantId: '001099000011' },
} as const;

/** A secret production mode takes (long, varied, each name its own): never a placeholder such as "aaaa…". */
export const testSecret = (name: string) => `${name}-secret-of-the-tests-0123456789`;
