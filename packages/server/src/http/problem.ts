import type { components } from '@dvc-kit/sdk';

type ProblemCode = components['schemas']['ProblemCode'];
type Problem = components['schemas']['Problem'];

const TITLES: Record<ProblemCode, string> = {
  validation_failed: 'The request does not match the API contract.',
  not_found: 'Nothing was found at this address.',
  procedure_not_found: 'No procedure has this code.',
  dossier_not_found: 'No dossier matches this code and identity number.',
  dossier_token_invalid: 'The dossier token is not valid for this dossier: look the dossier up again.',
  dossier_token_expired: 'The dossier token has expired: look the dossier up again.',
  payment_not_found: 'No payment has this reference.',
  payment_not_due: 'This dossier has nothing to pay now.',
  payment_already_paid: 'This dossier has already been paid.',
  payment_amount_changed: 'The amount due has changed since it was shown.',
  payment_not_paid: 'This payment has not been paid, so it has no receipt.',
  payments_not_offered: 'No online payment method here takes this payment.',
  idempotency_key_reused: 'This Idempotency-Key was used for a different request.',
  survey_not_available: 'This dossier is not finished yet: it can be evaluated once decided.',
  survey_closed: 'This dossier was closed without a result (not accepted, withdrawn or stopped): there is nothing to evaluate.',
  survey_already_submitted: 'This dossier has already been evaluated.',
  rate_limited: 'Too many requests: wait before trying again.',
  payload_too_large: 'The request body is too large.',
  unsupported_media_type: 'The request body must be JSON.',
  not_acceptable: 'The answer cannot be sent in any type the Accept header accepts.',
  internal_error: 'The server failed to answer this request.',
  service_unavailable: 'The service is unavailable for now.',
  api_key_invalid: 'The API key is missing, unknown or revoked.',
  api_key_out_of_scope: 'The API key does not allow this operation.',
};

/**
 * An error that becomes an RFC 9457 problem response. Modules throw it; the HTTP layer renders it.
 * `detail` is for developers and never carries personal data.
 */
export class ApiProblem extends Error {
  readonly status: number;
  readonly code: ProblemCode;
  readonly extra: Partial<Problem>;

  constructor(status: number, code: ProblemCode, detail?: string, extra: Partial<Problem> = {}) {
    super(detail ?? TITLES[code]);
    this.status = status;
    this.code = code;
    this.extra = detail ? { ...extra, detail } : extra;
  }

  toProblem(instance?: string): Problem {
    return {
      type: `https://dvc-kit.dev/problems/${this.code.replaceAll('_', '-')}`,
      title: TITLES[this.code],
      status: this.status,
      code: this.code,
      ...(instance ? { instance } : {}),
      ...this.extra,
    };
  }
}
