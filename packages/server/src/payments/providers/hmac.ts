/**
 * The keyed-hash primitive both gateways use: HMAC over UTF-8 text, written as lowercase hex
 * (VNPay 2.1: HMAC-SHA512, 128 hex characters; MoMo v3: HMAC-SHA256, 64 hex characters), and a
 * constant-time comparison of a received signature with the expected one.
 */
import { createHmac } from 'node:crypto';
import { digestsEqual } from '../../dossiers/applicant-digest.ts';

/** The hash functions the gateways publish: VNPay 2.1 uses SHA-512, MoMo v3 SHA-256. */
export type HmacAlgorithm = 'sha256' | 'sha512';

/**
 * HMAC of `data` (UTF-8) keyed with `secret` (UTF-8), as lowercase hex: what VNPay's and MoMo's
 * samples compute with `hash_hmac` / `createHmac(...).digest('hex')`.
 * An empty secret is a configuration mistake, never a valid key: it throws.
 */
export function hmacHex(algorithm: HmacAlgorithm, secret: string, data: string): string {
  if (secret.length === 0) throw new TypeError('The gateway secret must not be empty.');
  return createHmac(algorithm, Buffer.from(secret, 'utf8')).update(Buffer.from(data, 'utf8')).digest('hex');
}

/**
 * True when `received` is the same hex digest as `expected` (either letter case). The bytes are
 * compared with `timingSafeEqual`, so the time taken does not tell how many leading bytes of a
 * forged signature were right. Anything that is not hex of exactly the expected length is false
 * before any comparison (its length is not a secret).
 */
export function hexDigestsEqual(expected: string, received: unknown): boolean {
  if (typeof received !== 'string') return false;
  if (received.length !== expected.length || !/^[0-9a-fA-F]*$/.test(received)) return false;
  return digestsEqual(expected, received);
}
