/**
 * The API as a department's server with no payment gateway answers it: the real sandbox's answers
 * with every dossier payment's `methods` emptied (what `createServer({ gateways: {} })` sends;
 * packages/server/test/payment-gateways.test.ts checks that side). Returns the undo.
 */
export function withoutPaymentGateways(): () => void {
  const original = window.fetch;
  const empty = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (Array.isArray(record['methods']) && Array.isArray(record['lines'])) record['methods'] = [];
    for (const child of Object.values(record)) empty(child);
  };
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await original.call(window, input, init);
    if (!response.ok || !(response.headers.get('content-type') ?? '').includes('json')) return response;
    const body: unknown = await response.json();
    empty(body);
    return new Response(JSON.stringify(body), { status: response.status, statusText: response.statusText, headers: response.headers });
  };
  return () => {
    window.fetch = original;
  };
}
