import type { components as sandboxComponents } from '@dvc-kit/server/contract-types';

/** The sandbox API the stories talk to: `npm start` serves it; STORYBOOK_DVC_API overrides. */
export const SANDBOX_API: string =
  (import.meta as { env?: Record<string, string | undefined> }).env?.['STORYBOOK_DVC_API'] ?? 'http://localhost:4010/api/v1';

/** A port nothing listens on: the widgets' network-error state. */
export const UNREACHABLE_API = 'http://127.0.0.1:9/api/v1';

/** Arms a sandbox fault (slow or failing answers) for a story; see `sandboxAddFault` in openapi/sandbox.yaml. */
export async function armFault(fault: sandboxComponents['schemas']['SandboxFault']): Promise<void> {
  await fetch(`${SANDBOX_API}/_sandbox/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fault),
  }).catch(() => undefined);
}
