/**
 * Turns any error a widget can meet into a sentence for citizens in the current locale. The API's
 * `title`/`detail` are English text for developers, so only the stable `code` is used.
 */
import { msg, str } from '@lit/localize';
import { DvcApiError, DvcNetworkError, DvcResponseError, DvcTimeoutError, type ProblemCode } from '@dvc-kit/sdk';
import { DvcConfigError, tellTheConsoleOnce } from './api-client.ts';
import { formatWait } from './locale.ts';
import { payInPersonMessage } from './pay-in-person.ts';

/**
 * The message for a problem code; `retryAfter` (seconds, from Retry-After) says how long to wait in
 * the rate-limit and service-unavailable messages.
 */
export function problemCodeMessage(code: ProblemCode, retryAfter?: number): string {
  switch (code) {
    case 'validation_failed':
      return msg('Some of the information entered is not valid. Please check it and try again.');
    case 'not_found':
      return msg('The information you asked for was not found.');
    case 'procedure_not_found':
      return msg('This procedure was not found. It may have been withdrawn or replaced.');
    case 'dossier_not_found':
      return msg('No dossier matches this code and identification number. Please check them and try again.');
    case 'payment_not_found':
      return msg('This payment was not found.');
    case 'payment_not_due':
      return msg('This dossier has nothing to pay at the moment.');
    case 'payment_already_paid':
      return msg('This fee has already been paid.');
    case 'payment_amount_changed':
      return msg('The amount to pay has changed. Please review the new amount before paying.');
    case 'payments_not_offered':
      return payInPersonMessage();
    case 'payment_not_paid':
      return msg('This payment has not been completed, so there is no receipt yet.');
    case 'idempotency_key_reused':
      return msg('This request was already sent with different details. Please start again.');
    case 'survey_not_available':
      return msg('The satisfaction survey is not available for this dossier.');
    case 'survey_closed':
      return msg('This dossier was closed without a result, so there is nothing to evaluate.');
    case 'dossier_token_invalid':
    case 'dossier_token_expired':
      return msg('For your security, please enter your personal identification number again.');
    case 'survey_already_submitted':
      return msg('You have already answered the survey for this dossier. Thank you.');
    case 'rate_limited':
      return retryAfter !== undefined && retryAfter > 0
        ? msg(str`Too many requests. Please wait ${formatWait(retryAfter)} and try again.`)
        : msg('Too many requests. Please wait a moment and try again.');
    case 'payload_too_large':
      return msg('What you sent is too large.');
    case 'unsupported_media_type':
      return msg('What you sent is in a format the service does not accept.');
    // A server-to-server key (the one-stop system's sync), or a type of answer a widget never asks
    // for (a report's): these reach a citizen only from a misconfigured service.
    case 'not_acceptable':
    case 'api_key_invalid':
    case 'api_key_out_of_scope':
    case 'internal_error':
      return msg('The service had a problem. Please try again later.');
    case 'service_unavailable':
      return retryAfter !== undefined && retryAfter > 0
        ? msg(str`The service is temporarily unavailable. Please try again in ${formatWait(retryAfter)}.`)
        : msg('The service is temporarily unavailable. Please try again in a few minutes.');
    default: {
      // A code added to the contract after this build: fall back to a generic sentence.
      const exhaustive: never = code;
      void exhaustive;
      return msg('Something went wrong. Please try again.');
    }
  }
}

/**
 * The message for any error thrown while talking to the API. Whose trouble it is decides the
 * words: only when the browser says it is offline is the citizen asked to check their connection.
 * The service's own trouble (any 5xx, also a proxy's 502 or 504 with an HTML page, which the SDK
 * turns into a `DvcApiError` by its status) says so; a request that reached nothing says the
 * service could not be reached, never "check your internet connection", since a server failing
 * without CORS headers looks the same to the page as a network failure.
 */
export function problemMessage(error: unknown): string {
  if (setUpWrongly(error)) {
    // A root that is missing or no web address was said when the client was asked for; an answer
    // from the wrong address is said here, where it is first met.
    if (!(error instanceof DvcConfigError)) {
      tellTheConsoleOnce(`DVC Kit: an api-base on this page leads to no DVC Kit API. ${(error as Error).message}`);
    }
    return notSetUpMessage();
  }
  if (error instanceof DvcApiError) {
    if (error.status >= 500 && error.code !== 'service_unavailable' && error.code !== 'internal_error') {
      // A 5xx whose body named another code (a proxy passing on someone's JSON): the status decides.
      return problemCodeMessage(error.status === 502 || error.status === 503 || error.status === 504 ? 'service_unavailable' : 'internal_error', error.retryAfter);
    }
    return problemCodeMessage(error.code, error.retryAfter);
  }
  if (error instanceof DvcTimeoutError) return msg('The service is taking too long to answer. Please try again.');
  if (error instanceof DvcNetworkError) {
    return isOffline()
      ? msg('You are offline. Check your internet connection and try again.')
      : msg('Could not reach the service. Please try again in a few minutes.');
  }
  if (error instanceof DvcResponseError) {
    return error.status >= 500
      ? problemCodeMessage('internal_error')
      : msg('The service sent an answer that could not be read. Please try again later.');
  }
  return msg('Something went wrong. Please try again.');
}

/**
 * What went wrong, as a stable word for the page and for tools (`data-problem` on the failure):
 * the contract's problem code for an API's answer, else `network`, `timeout`, `unreadable-answer`,
 * `configuration` (no API root set, one that is not a web address, or one where no API answers) or
 * `unexpected`. Never shown to citizens.
 */
export function problemKind(error: unknown): string {
  if (setUpWrongly(error)) return 'configuration';
  if (error instanceof DvcApiError) return error.code;
  if (error instanceof DvcTimeoutError) return 'timeout';
  if (error instanceof DvcNetworkError) return 'network';
  if (error instanceof DvcResponseError) return 'unreadable-answer';
  return 'unexpected';
}

/**
 * The widget's API root is missing or not a web address, or wrong: an answer came, but not from
 * the API (a 404 page), or from an API with nothing at that path (`not_found`, which the API gives
 * only for an address it does not serve: a root without /api/v1, another version's).
 */
function setUpWrongly(error: unknown): boolean {
  return error instanceof DvcConfigError
    || (error instanceof DvcResponseError && error.status >= 400 && error.status < 500)
    || (error instanceof DvcApiError && error.status === 404 && error.code === 'not_found');
}

/** The citizen cannot fix it, nor will trying again: the site's people can. */
export function notSetUpMessage(): string {
  return msg('This service is not set up correctly on this page. Please let the website\'s administrators know.');
}

/** The browser knows it has no network (navigator.onLine is false); true is only a maybe. */
function isOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}
