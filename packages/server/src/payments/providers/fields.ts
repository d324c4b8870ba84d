/**
 * Small checks and conversions the gateway modules share: field lengths, http(s) URLs, and JSON
 * values written the way the gateways' signed texts write them.
 */

/** Throws a RangeError naming the field unless `value` has `min`–`max` characters. */
export function checkLength(value: string, min: number, max: number, name: string): void {
  if (value.length < min || value.length > max) throw new RangeError(`${name} must be ${min}–${max} characters.`);
}

/** The URL, or a RangeError naming the field unless `text` is an absolute http(s) URL. */
export function checkHttpUrl(text: string, name: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new RangeError(`${name} is not a URL.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new RangeError(`${name} must be an http(s) URL.`);
  return url;
}

/**
 * A received JSON value as a signed text writes it: a string as it is, a finite number in decimal
 * (the gateways send amounts and codes as JSON numbers and sign their decimal digits), anything
 * else (missing, null, an object) as nothing.
 */
export function plainValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}
