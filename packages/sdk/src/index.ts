/**
 * @dvc-kit/sdk — a typed client for the DVC Kit API, for browsers and Node.
 * Types come from openapi/dvc.yaml (generated); transport is ky.
 */
export type { components, paths, operations } from './generated/openapi.ts';
// Every enum of the contract as an `as const` array (`dossierStatuses`, `procedureLevels`, …), generated.
export * from './generated/enums.ts';
export { createDvcClient, DOSSIER_TOKEN_HEADER } from './client.ts';
export { newIdempotencyKey } from './idempotency-key.ts';
export { isApiRoot } from './api-root.ts';
export type {
  Schemas, DvcClient, DvcClientOptions, CallOptions, CreatePaymentOptions, SubmitSurveyOptions, RetryOptions,
  DossierTokenOptions, SurveyStatusOptions, DossierReadOptions, DossierLookupResult, DossierAccess, DossierSurveyStatus,
  Procedure, ProcedureSummary, ProcedureSearchResult, ProcedureSearchParams, Field, Agency,
  Dossier, DossierLookupRequest, Payment, PaymentCreateRequest, ReceiptBundle,
  SurveyForm, SurveyFormParams, SurveySubmission, SurveyReceipt, Health,
} from './client.ts';
// The agency's reports, with its `reports` key: a module of its own, for servers and staff tools.
export { createDvcReportsClient } from './reports.ts';
export type {
  DvcReportsClient, DvcReportsClientOptions, SurveyReport, PaymentReport, SurveyReportParams, PaymentReportParams,
} from './reports.ts';
export { DvcError, DvcApiError, DvcNetworkError, DvcTimeoutError, DvcResponseError, toProblem, parseRetryAfter } from './errors.ts';
export type { Problem, ProblemCode } from './errors.ts';
export { foldVietnamese, foldedWords, slugify, findMatches, otherSpelling, oneSpelling } from './text/fold.ts';
export type { TextRange } from './text/fold.ts';
export { IDENTITY_NUMBER_MASK, maskIdentityNumbers, maskedAnswers } from './text/identity-mask.ts';
