/**
 * Payment gateway signatures, for integrators' servers and the sandbox alike (VNPay 2.1 style):
 * HMAC-SHA512 over the parameters sorted by name, each `name=value` URL-encoded as a form
 * (space → "+"), joined with "&", the hash parameters themselves excluded. Amounts are VND × 100.
 *
 * Web Crypto is used so the same code runs in browsers and Node; `subtle.verify` compares in
 * constant time, so a forged hash cannot be guessed byte by byte from timing.
 */

/** The parameter that carries the signature, and its optional algorithm name, never signed. */
export const SECURE_HASH_PARAM = 'vnp_SecureHash';
const UNSIGNED_PARAMS: ReadonlySet<string> = new Set([SECURE_HASH_PARAM, 'vnp_SecureHashType']);

export type GatewayParams = Readonly<Record<string, string>>;

/** The exact string that is signed. Exposed so integrators can compare when debugging. */
export function gatewaySigningData(params: GatewayParams): string {
  return Object.keys(params)
    .filter((name) => !UNSIGNED_PARAMS.has(name) && params[name] !== undefined && params[name] !== '')
    .sort()
    .map((name) => `${formEncode(name)}=${formEncode(params[name] ?? '')}`)
    .join('&');
}

/** Signs the parameters and returns the lower-case hex HMAC-SHA512. */
export async function signGatewayParams(params: GatewayParams, secret: string): Promise<string> {
  const key = await hmacKey(secret, ['sign']);
  const signature = await crypto.subtle.sign('HMAC', key, utf8(gatewaySigningData(params)));
  return toHex(new Uint8Array(signature));
}

/**
 * True when `params[vnp_SecureHash]` is the HMAC-SHA512 of the other parameters. Case-insensitive
 * hex; a missing or malformed hash is simply false.
 */
export async function verifyGatewaySignature(params: GatewayParams, secret: string): Promise<boolean> {
  const claimed = fromHex(params[SECURE_HASH_PARAM] ?? '');
  if (claimed === null || claimed.length !== 64) return false;
  const key = await hmacKey(secret, ['verify']);
  return crypto.subtle.verify('HMAC', key, claimed, utf8(gatewaySigningData(params)));
}

function hmacKey(secret: string, usages: KeyUsage[]): Promise<CryptoKey> {
  if (secret.length === 0) throw new TypeError('The gateway secret must not be empty.');
  return crypto.subtle.importKey('raw', utf8(secret), { name: 'HMAC', hash: 'SHA-512' }, false, usages);
}

function formEncode(value: string): string {
  // encodeURIComponent leaves !'()* alone and writes spaces as %20; form encoding (what the gateway
  // signs) escapes them and writes "+".
  return encodeURIComponent(value)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

function utf8(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text);
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function fromHex(hex: string): Uint8Array<ArrayBuffer> | null {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return null;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}
