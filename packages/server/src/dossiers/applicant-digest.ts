import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Identity numbers are personal data: the sandbox stores only a keyed digest and compares digests
 * in constant time, so neither the database nor response timing tells them apart.
 */
export function applicantDigest(applicantId: string, key: string): string {
  return keyedDigest(applicantId, key);
}

/** HMAC-SHA-256 of any text that holds an identity number (a request kept for idempotency, too). */
export function keyedDigest(text: string, key: string): string {
  return createHmac('sha256', key).update(text, 'utf8').digest('hex');
}

/** Two hex digests compared in constant time (identity digests, request digests, keys, gateway signatures). */
export function digestsEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
