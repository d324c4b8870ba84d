/**
 * The API as a department's server with no payment gateway answers it: the real sandbox's answers
 * with every dossier payment's `methods` emptied, and a new payment refused with 409
 * `payments_not_offered` (what `createServer({ gateways: {} })` sends;
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
    // Read without taking the body: a Request made from another takes its body over.
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    const url = input instanceof Request ? input.url : String(input);
    if (method.toUpperCase() === 'POST' && new URL(url, location.href).pathname.endsWith('/payments')) {
      const problem = { type: 'about:blank', title: 'This server takes no payment online.', status: 409, code: 'payments_not_offered' };
      return new Response(JSON.stringify(problem), { status: 409, headers: { 'content-type': 'application/problem+json' } });
    }
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
