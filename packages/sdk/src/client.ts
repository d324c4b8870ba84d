import ky, { isHTTPError, isNetworkError, isTimeoutError, type KyInstance, type Options } from 'ky';
import type { components, operations } from './generated/openapi.ts';
import { newIdempotencyKey } from './idempotency-key.ts';
import { isApiRoot } from './api-root.ts';
import {
  DvcApiError, DvcError, DvcNetworkError, DvcResponseError, DvcTimeoutError, isApiProblem, parseRetryAfter, toProblem,
} from './errors.ts';

/** Every schema of the contract (openapi/dvc.yaml), by name: `Schemas['Procedure']`. */
export type Schemas = components['schemas'];
export type Procedure = Schemas['Procedure'];
export type ProcedureSummary = Schemas['ProcedureSummary'];
export type ProcedureSearchResult = Schemas['ProcedureSearchResult'];
export type ProcedureSearchParams = NonNullable<operations['searchProcedures']['parameters']['query']>;
export type Field = Schemas['Field'];
export type Agency = Schemas['Agency'];
export type Dossier = Schemas['Dossier'];
export type DossierLookupRequest = Schemas['DossierLookupRequest'];
/** What `dossiers.lookup` answers: the dossier and its access token (`access`). */
export type DossierLookupResult = Schemas['DossierLookupResult'];
/** A dossier access token and when it expires. */
export type DossierAccess = Schemas['DossierAccess'];
/** Whether a dossier can be evaluated now, and its procedure (`surveys.status`). */
export type DossierSurveyStatus = Schemas['DossierSurveyStatus'];
export type Payment = Schemas['Payment'];
export type PaymentCreateRequest = Schemas['PaymentCreateRequest'];
export type ReceiptBundle = Schemas['ReceiptBundle'];
export type SurveyForm = Schemas['SurveyForm'];
export type SurveyFormParams = NonNullable<operations['getSurveyForm']['parameters']['query']>;
export type SurveySubmission = Schemas['SurveySubmission'];
export type SurveyReceipt = Schemas['SurveyReceipt'];
export type Health = Schemas['Health'];

export interface RetryOptions {
  /** Attempts after the first. Default 2. */
  limit?: number;
  /** Give up rather than wait when the server asks for a longer pause than this. Default 5000 ms. */
  maxRetryAfterMs?: number;
}

export interface DvcClientOptions {
  /** The API root, e.g. `https://dichvucong.example.gov.vn/api/v1`. */
  baseUrl: string | URL;
  /** A fetch implementation (tests, proxies). Default: the global fetch. */
  fetch?: typeof fetch;
  /** Per-attempt timeout in ms. Default 10000. */
  timeout?: number;
  /** Retries of idempotent requests. `false` turns them off. */
  retry?: RetryOptions | false;
  /** Headers sent with every request (an API key, say). */
  headers?: Record<string, string>;
}

export interface CallOptions {
  signal?: AbortSignal;
}

/** The request header that carries a dossier access token. */
export const DOSSIER_TOKEN_HEADER = 'Dvc-Dossier-Token';

export interface DossierTokenOptions {
  /**
   * The dossier access token from `dossiers.lookup` (`access.token`), which proves the applicant
   * in place of the identity number: sent as the `Dvc-Dossier-Token` header, never in the URL.
   */
  dossierToken?: string;
}

export interface CreatePaymentOptions extends CallOptions, DossierTokenOptions {
  /** Reuse the same key to find the same payment again (double click, reload). Made when absent. */
  idempotencyKey?: string;
}

export interface SubmitSurveyOptions extends CallOptions, DossierTokenOptions {
  /**
   * Send the same answers again with the same key (a retry after an error whose outcome is unknown)
   * and the API answers the first receipt instead of storing them twice. A new key for other
   * answers. Made when absent.
   */
  idempotencyKey?: string;
}

/** Options of the reads a dossier access token proves (`dossiers.get`, `surveys.status`). */
export type DossierReadOptions = SurveyStatusOptions;

export interface SurveyStatusOptions extends CallOptions {
  /** The dossier access token from `dossiers.lookup` (`access.token`). */
  dossierToken: string;
}

export interface DvcClient {
  readonly baseUrl: string;
  procedures: {
    search(params?: ProcedureSearchParams, options?: CallOptions): Promise<ProcedureSearchResult>;
    get(code: string, options?: CallOptions): Promise<Procedure>;
    fields(options?: CallOptions): Promise<Field[]>;
    agencies(options?: CallOptions): Promise<Agency[]>;
  };
  dossiers: {
    /** The dossier, and `access`: a token that proves the applicant for a while without the identity number. */
    lookup(request: DossierLookupRequest, options?: CallOptions): Promise<DossierLookupResult>;
    /** The dossier again, proved by its access token (no new token is issued). */
    get(code: string, options: DossierReadOptions): Promise<Dossier>;
  };
  payments: {
    /** The applicant proved by the identity number (`applicantId`). */
    create(request: PaymentCreateRequest & { applicantId: string }, options?: CreatePaymentOptions & { dossierToken?: undefined }): Promise<Payment>;
    /** The applicant proved by a dossier token (`{ dossierToken }`), without the identity number. */
    create(request: PaymentCreateRequest & { applicantId?: undefined }, options: CreatePaymentOptions & { dossierToken: string }): Promise<Payment>;
    get(id: string, options?: CallOptions): Promise<Payment>;
    receipt(id: string, options?: CallOptions): Promise<ReceiptBundle>;
  };
  surveys: {
    form(params: SurveyFormParams, options?: CallOptions): Promise<SurveyForm>;
    /**
     * A dossier evaluation proves the applicant by exactly one of `applicantId` and
     * `{ dossierToken }`; page feedback needs neither.
     */
    submit(submission: SurveySubmission, options?: SubmitSurveyOptions): Promise<SurveyReceipt>;
    /** Before showing the evaluation form: whether the dossier is open, already evaluated or not yet available. */
    status(dossierCode: string, options: SurveyStatusOptions): Promise<DossierSurveyStatus>;
  };
  health(options?: CallOptions): Promise<Health>;
}

const IDEMPOTENT_METHODS = ['get', 'put', 'head', 'delete', 'options'];
/** For one call whose POST carries an Idempotency-Key: POST retried too (the rest as configured). */
const RETRY_WITH_KEY = { methods: [...IDEMPOTENT_METHODS, 'post'] };

/** One request through the transport: its JSON answer (nothing for 204), with `as: 'text'` its text as sent, with `as: 'bytes'` its bytes. */
export type Call = <T>(path: string, request: Options & CallOptions & { as?: 'text' | 'bytes' }) => Promise<T>;

/** The page's address in a browser; undefined elsewhere (Deno throws when it was started without one). */
function pageAddress(): string | undefined {
  try {
    return (globalThis as { location?: { href: string } }).location?.href;
  } catch {
    return undefined;
  }
}

/**
 * The transport of the SDK's clients (this one and the reports client, reports.ts): ky on the API
 * root with the timeout, the retries of idempotent requests (Retry-After honoured, a long one
 * refused) and the SDK's errors. Not exported by the package.
 */
export function transport(options: DvcClientOptions): { baseUrl: string; call: Call } {
  // Said plainly for callers without types: not "cannot read properties of undefined".
  if (!options?.baseUrl) throw new TypeError('A DVC Kit client needs { baseUrl }: the API root, e.g. https://dichvucong.example.gov.vn/api/v1.');
  const baseUrl = String(options.baseUrl).replace(/\/+$/, '') + '/';
  // Refused now, not met as a network error (or a 404) on each call.
  if (!isApiRoot(baseUrl, pageAddress())) {
    throw new TypeError(`baseUrl "${String(options.baseUrl)}" is not a web address: write it whole, with https:// (e.g. https://dichvucong.example.gov.vn/api/v1).`);
  }
  const retry = options.retry === false ? { limit: 0 } : options.retry ?? {};
  const maxRetryAfterMs = retry.maxRetryAfterMs ?? 5000;

  const http: KyInstance = ky.create({
    prefix: baseUrl,
    timeout: options.timeout ?? 10_000,
    headers: { accept: 'application/json, application/problem+json', ...options.headers },
    ...(options.fetch ? { fetch: options.fetch } : {}),
    retry: {
      limit: retry.limit ?? 2,
      methods: IDEMPOTENT_METHODS,
      statusCodes: [408, 429, 500, 502, 503, 504],
      afterStatusCodes: [429, 503],
      backoffLimit: 4000,
      jitter: true,
      shouldRetry: ({ error }) => {
        // A long Retry-After is the server asking people to wait: tell them, don't hang silently.
        if (isHTTPError(error)) {
          const wait = parseRetryAfter(error.response.headers.get('retry-after'));
          if (wait !== undefined && wait * 1000 > maxRetryAfterMs) return false;
        }
        return undefined;
      },
    },
  });

  const timeoutMs = options.timeout ?? 10_000;

  async function call<T>(path: string, { as, ...request }: Options & CallOptions & { as?: 'text' | 'bytes' }): Promise<T> {
    // ky's time limit ends with the answer's headers: the body is read under one of its own, and
    // stopped should it stall (a connection that hangs half-way on a phone's network).
    const body = new AbortController();
    const signal = !request.signal ? body.signal
      : typeof AbortSignal.any === 'function' ? AbortSignal.any([request.signal, body.signal]) : request.signal;
    let response: Response;
    try {
      response = await http(path, { ...request, signal });
    } catch (error) {
      throw await translateError(error, request.signal, baseUrl);
    }
    if (response.status === 204) return undefined as T;
    if (request.signal?.aborted) throw request.signal.reason;
    // Given up on (the timer, or the caller): a fetch that does not stop reading is not waited for.
    const done = new AbortController();
    const stalled = new Promise<never>((_, reject) => {
      for (const stop of [body.signal, request.signal]) stop?.addEventListener('abort', () => reject(stop.reason as Error), { once: true, signal: done.signal });
    });
    const timer = setTimeout(() => body.abort(new DvcTimeoutError('The API did not answer in time.')), timeoutMs);
    try {
      return await Promise.race([readAnswer<T>(response, as, request.headers), stalled]);
    } catch (error) {
      if (request.signal?.aborted) throw request.signal.reason;
      if (body.signal.aborted) throw body.signal.reason;
      // The connection broke while the body came ("terminated").
      throw error instanceof DvcError ? error : new DvcNetworkError('The API could not be reached.', { cause: error });
    } finally {
      clearTimeout(timer);
      done.abort();
    }
  }

  return { baseUrl, call };
}

/** The answer's body as asked for: JSON (the default), text kept as sent, or bytes. */
async function readAnswer<T>(response: Response, as: 'text' | 'bytes' | undefined, headers: Options['headers']): Promise<T> {
  if (as) {
    // A file asked for by its type: an answer of another type (an older server's JSON) is not it.
    const asked = new Headers(headers as HeadersInit).get('accept')?.split(',')[0]?.trim().toLowerCase() ?? '';
    const type = response.headers.get('content-type')?.toLowerCase() ?? '';
    if (asked && !type.startsWith(asked)) {
      throw new DvcResponseError(`The API answered ${type || 'with no content type'} where ${asked} was asked for: is the server older than this SDK?`, response.status);
    }
  }
  // As sent: a CSV's byte order mark, which Excel needs, is kept (Response.text() drops it).
  if (as === 'text') return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer()) as T;
  if (as === 'bytes') return new Uint8Array(await response.arrayBuffer()) as T;
  const text = await response.text();
  try {
    return JSON.parse(text) as T;
  } catch (cause) {
    throw new DvcResponseError('The API answered with something that is not JSON.', response.status, { cause });
  }
}

/**
 * Creates a client for the DVC Kit API.
 *
 * Errors are `DvcApiError` (the API answered an error), `DvcNetworkError`, `DvcTimeoutError` or
 * `DvcResponseError`; an aborted call rejects with the signal's reason. GET requests, and POSTs that
 * carry an Idempotency-Key (`payments.create`, `surveys.submit`: each makes one when none is given),
 * are retried on network errors, 408, 429, 5xx, honouring Retry-After; `dossiers.lookup` is not.
 * Retries reuse the key, so a POST whose answer was lost is not done twice.
 */
export function createDvcClient(options: DvcClientOptions): DvcClient {
  const { baseUrl, call } = transport(options);

  /** The dossier token's header, when there is a token: a header, so it is never in a URL or an access log. */
  const tokenHeader = (dossierToken: string | undefined): Record<string, string> =>
    dossierToken ? { [DOSSIER_TOKEN_HEADER]: dossierToken } : {};

  /** A POST carrying an Idempotency-Key: retried like a GET, since a repeat never does the work twice. */
  const postWithKey = <T>(path: string, json: unknown, idempotencyKey: string, options: CallOptions & DossierTokenOptions) =>
    call<T>(path, {
      method: 'post', json, signal: options.signal, retry: RETRY_WITH_KEY,
      headers: { 'idempotency-key': idempotencyKey, ...tokenHeader(options.dossierToken) },
    });

  const segment = (value: string) => encodeURIComponent(value);

  return {
    baseUrl,
    procedures: {
      search: (params = {}, { signal } = {}) =>
        call('procedures', { method: 'get', searchParams: definedOnly(params), signal }),
      get: (code, { signal } = {}) => call(`procedures/${segment(code)}`, { method: 'get', signal }),
      fields: async ({ signal } = {}) =>
        (await call<{ items: Field[] }>('fields', { method: 'get', signal })).items,
      agencies: async ({ signal } = {}) =>
        (await call<{ items: Agency[] }>('agencies', { method: 'get', signal })).items,
    },
    dossiers: {
      // POST keeps the identity number out of URLs and logs; not retried (a 429 must reach the person).
      lookup: (request, { signal } = {}) => call('dossiers/lookup', { method: 'post', json: request, signal }),
      get: (code, { signal, dossierToken } = {} as DossierReadOptions) =>
        call(`dossiers/${segment(code)}`, { method: 'get', signal, headers: tokenHeader(dossierToken) }),
    },
    payments: {
      // A repeat with the key finds the same payment instead of making a second.
      create: (request: PaymentCreateRequest, { idempotencyKey = newIdempotencyKey(), ...options }: CreatePaymentOptions = {}) =>
        postWithKey<Payment>('payments', request, idempotencyKey, options),
      get: (id, { signal } = {}) => call(`payments/${segment(id)}`, { method: 'get', signal }),
      receipt: (id, { signal } = {}) => call(`payments/${segment(id)}/receipt`, { method: 'get', signal }),
    },
    surveys: {
      form: (params, { signal } = {}) =>
        call('surveys/form', { method: 'get', searchParams: definedOnly(params), signal }),
      // A repeat with the key answers the first receipt instead of storing again.
      submit: (submission, { idempotencyKey = newIdempotencyKey(), ...options } = {}) =>
        postWithKey('surveys/responses', submission, idempotencyKey, options),
      // The code is no secret (it is in the URL of getSurveyForm too); the token goes in a header.
      status: (dossierCode, { signal, dossierToken } = {} as SurveyStatusOptions) =>
        call(`dossiers/${segment(dossierCode)}/survey-status`, { method: 'get', signal, headers: tokenHeader(dossierToken) }),
    },
    health: ({ signal } = {}) => call('health', { method: 'get', signal }),
  };
}

function definedOnly(params: object): Record<string, string | number | boolean> {
  const result: Record<string, string | number | boolean> = {};
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') result[name] = value as string | number | boolean;
  }
  return result;
}

/** Statuses whose meaning does not depend on who answered: a proxy's is read as the API's would be. */
const PROXY_STATUSES_READ_AS_API = new Set([406, 413, 415, 429]);

/**
 * The cause kept on a transport failure. ky's errors hold the Request, headers and all (a dossier
 * token, a reports key), which a logger printing the cause would write out: the fetch's own error
 * (refused, reset, not found) is kept instead, else the message alone.
 */
function transportCause(error: Error): Error {
  return error.cause instanceof Error ? error.cause : new Error(error.message);
}

async function translateError(error: unknown, signal: AbortSignal | undefined, baseUrl: string): Promise<unknown> {
  if (signal?.aborted) return signal.reason;
  if (isHTTPError(error)) {
    // A 404 that is not the API's own (its 404s are problem documents): the address is wrong, not
    // the thing asked for missing. Told apart, so no one is told "no dossier has this code".
    const { status } = error.response;
    if (!isApiProblem(error.data, error.response.headers.get('content-type'))) {
      if (status === 404) {
        return new DvcResponseError(`No DVC Kit API answers at ${baseUrl} (its 404 is not a problem document): check baseUrl, the API's address, which ends in /api/v1.`, 404);
      }
      // A refusal not in the API's words (a firewall's 403 page, a static host's 405, a proxy's
      // 401) says nothing of what was sent: never "the information entered is not valid". A
      // proxy's 429, 413, 415 or 406 means what the API's would, and is read as such.
      if (status >= 400 && status < 500 && !PROXY_STATUSES_READ_AS_API.has(status)) {
        return new DvcResponseError(`The answer ${status} at ${baseUrl} is not the API's (not a problem document): a proxy or firewall in front of it, or a wrong baseUrl.`, status);
      }
    }
    const retryAfter = parseRetryAfter(error.response.headers.get('retry-after'));
    return new DvcApiError(toProblem(error.response.status, error.data), retryAfter);
  }
  if (isTimeoutError(error)) return new DvcTimeoutError('The API did not answer in time.', { cause: transportCause(error) });
  if (isNetworkError(error)) return new DvcNetworkError('The API could not be reached.', { cause: transportCause(error) });
  if (error instanceof TypeError) return new DvcNetworkError('The API could not be reached.', { cause: error });
  if (error instanceof DvcError) return error;
  return error;
}
