import { problemCodes } from './generated/enums.ts';
import type { components } from './generated/openapi.ts';

export type Problem = components['schemas']['Problem'];
export type ProblemCode = components['schemas']['ProblemCode'];

/** Base class of every error the SDK throws (an aborted call rejects with the signal's reason instead). */
export class DvcError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }

  /**
   * Whether sending the same request again may succeed: true for the connection, a timeout, an
   * unreadable answer, the server's own trouble (5xx, 408) and a rate limit (429, after
   * `retryAfter`); false when the API refused the request itself (400, 404, 409…). A user interface
   * offers "Try again" exactly when this is true.
   */
  get retryable(): boolean {
    return true;
  }
}

/**
 * The API answered with an error status. `code` is the contract's stable problem code — map it to
 * a localised message; never show `problem.title` or `detail` to citizens (they are English, for
 * developers).
 */
export class DvcApiError extends DvcError {
  readonly status: number;
  readonly code: ProblemCode;
  readonly problem: Problem;
  /** Seconds the server asked us to wait (Retry-After), when it said. */
  readonly retryAfter: number | undefined;

  constructor(problem: Problem, retryAfter?: number) {
    // For developers and their logs: the detail says what was wrong ("to: must not be before from"),
    // and so does each part of a request the contract refused ("/querystring/pageSize must be <= 50")
    // that the detail does not say already.
    const parts = problem.errors?.filter((error) => !problem.detail?.includes(error.message))
      .map((error) => `${error.path} ${error.message}`).join('; ');
    // The API has no operation at that path: most often a baseUrl without its /api/v1.
    const where = problem.code === 'not_found' ? ' Check baseUrl: the API\'s address ends in its base path, /api/v1.' : '';
    super(`${problem.status} ${problem.code}: ${problem.title}${problem.detail ? ` ${problem.detail}` : ''}${parts ? ` (${parts})` : ''}${where}`);
    this.status = problem.status;
    this.code = problem.code;
    this.problem = problem;
    this.retryAfter = retryAfter ?? problem.retryAfter;
  }

  override get retryable(): boolean {
    return this.status >= 500 || this.status === 408 || this.status === 429;
  }
}

/** No answer arrived: offline, DNS, connection refused, CORS refused. */
export class DvcNetworkError extends DvcError {}

/** No answer within the client's `timeout`. */
export class DvcTimeoutError extends DvcError {}

/**
 * An answer arrived but could not be read (not JSON, or not what the contract promises), or it did
 * not come from the API: a 404 page at a wrong address (the API's own 404s are problem documents).
 */
export class DvcResponseError extends DvcError {
  readonly status: number;
  constructor(message: string, status: number, options?: ErrorOptions) {
    super(message, options);
    this.status = status;
  }

  /** Not after a 4xx: nothing at that address answers as the API, and asking again changes nothing. */
  override get retryable(): boolean {
    return this.status < 400 || this.status >= 500;
  }
}

const knownCodes: ReadonlySet<string> = new Set<string>(problemCodes);

/**
 * Turns whatever body an error response had into a Problem. Proxies and load balancers answer with
 * HTML or nothing at all, so the status decides the code when the body does not.
 */
export function toProblem(status: number, body: unknown): Problem {
  if (isProblemLike(body) && knownCodes.has(body.code)) {
    return { ...body, status } as Problem;
  }
  const code: ProblemCode =
    status === 404 ? 'not_found'
    : status === 429 ? 'rate_limited'
    : status === 413 ? 'payload_too_large'
    : status === 415 ? 'unsupported_media_type'
    : status === 406 ? 'not_acceptable'
    : status === 503 || status === 502 || status === 504 ? 'service_unavailable'
    : status >= 500 ? 'internal_error'
    : 'validation_failed';
  return { type: 'about:blank', title: `HTTP ${status}`, status, code };
}

/**
 * A problem document, as the API answers with: by its body (any code, a newer server's too) or, when
 * the body could not be read, by its content type.
 */
export function isApiProblem(body: unknown, contentType: string | null): boolean {
  return isProblemLike(body) || (contentType ?? '').startsWith('application/problem+json');
}

function isProblemLike(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && typeof (body as { code?: unknown }).code === 'string';
}

/** Parses a Retry-After header (seconds or an HTTP date) into seconds. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}
