/**
 * A fresh Idempotency-Key: 32 random hex characters (128 bits). From `crypto.getRandomValues`, which
 * browsers offer on any page; `crypto.randomUUID` only exists on HTTPS (and localhost) pages.
 *
 * A module of its own, apart from the client: a page makes its key without loading the transport.
 */
export function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
