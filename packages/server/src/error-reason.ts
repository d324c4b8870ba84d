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
