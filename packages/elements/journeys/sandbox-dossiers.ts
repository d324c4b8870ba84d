/** The sandbox's test controls, as the journeys use them: a dossier of the journey's own. */
import assert from 'node:assert/strict';

/** POSTs to one of the sandbox's controls (`/_sandbox…`) at `sandboxUrl`, and reads its answer. */
export async function sandboxAdmin<T>(sandboxUrl: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${sandboxUrl}/_sandbox${path}`, {
    method: 'POST',
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  const answer = await response.text();
  assert.ok(response.ok, `${path}: ${response.status} ${answer}`);
  return (answer ? JSON.parse(answer) : undefined) as T;
}

let applicantSerial = 0;

/**
 * A payment-due dossier of its own, for a made-up applicant, on a sandbox reset first (unless told
 * not to: a second dossier beside the first): lookups are rate-limited per client (ten a minute),
 * and every journey comes from one machine.
 */
export async function newDossier(sandboxUrl: string, { reset = true } = {}): Promise<{ code: string; applicantId: string }> {
  if (reset) await sandboxAdmin(sandboxUrl, '/reset');
  const applicantId = `0012${String(Date.now() % 1e6).padStart(6, '0')}${String(++applicantSerial % 100).padStart(2, '0')}`;
  const dossier = await sandboxAdmin<{ code: string }>(sandboxUrl, '/dossiers', {
    procedureCode: '3.000333', applicantId, status: 'payment-due',
    fees: [{ kind: 'fee', description: 'Lệ phí cấp Phiếu lý lịch tư pháp', amount: 200_000 }],
  });
  return { code: dossier.code, applicantId };
}
