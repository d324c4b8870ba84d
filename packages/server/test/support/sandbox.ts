import type { AddressInfo } from 'node:net';
import { createTestSandbox } from './test-database.ts';
import type { ServerOptions } from '../../src/index.ts';

/** A real sandbox listening on a free loopback port, with its API root. */
export async function startSandbox(overrides: Partial<ServerOptions> = {}) {
  const sandbox = await createTestSandbox({ rateLimits: {}, ...overrides });
  await sandbox.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = sandbox.app.server.address() as AddressInfo;
  return { ...sandbox, baseUrl: `http://127.0.0.1:${port}/api/v1`, close: () => sandbox.app.close() };
}

export const DEMO = {
  paymentDue: { code: '000.00.15.H26-261102-0006', applicantId: '001099000006' },
  paymentDueTwoKinds: { code: '000.00.15.H26-261102-0014', applicantId: '001099000014' },
  processing: { code: '000.00.15.H26-261102-0004', applicantId: '001099000004' },
  decided: { code: '000.00.15.H26-261102-0009', applicantId: '001099000009' },
  overdue: { code: '000.00.15.H26-261102-0011', applicantId: '001099000011' },
} as const;
