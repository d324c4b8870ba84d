/**
 * An error as one line for the log, with what caused it: fetch says only "fetch failed" and keeps
 * the reason (a name that did not resolve, a refused connection, a bad certificate) in its cause.
 */
export function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  if (cause === undefined || cause === null) return error.message;
  const detail = [cause.code, cause.message].filter((part) => typeof part === 'string' && part !== '').join(' ');
  return detail ? `${error.message}: ${detail}` : error.message;
}

/**
 * Why the database cannot be reached, with where it was sought when the driver says so
 * ("connect ECONNREFUSED 10.0.0.5:5432", "getaddrinfo ENOTFOUND db.internal"): a mistyped
 * DATABASE_URL and an outage look alike otherwise.
 */
export function unreachableReason(error: unknown): string {
  // Node tries each address a name resolves to (::1, 127.0.0.1): its AggregateError's own message is empty.
  if (error instanceof AggregateError && error.errors.length > 0 && !error.message) return error.errors.map(unreachableReason).join('; ');
  const { code, message } = error as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' && message !== '' ? message : String(error);
  return typeof code === 'string' && !text.includes(code) ? `${code}: ${text}` : text;
}
