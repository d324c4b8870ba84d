/**
 * @dvc-kit/elements — accessible, localised custom elements for public-service portals.
 * Importing this entry registers every element.
 */
export { DvcProcedureSearch } from './procedure-search/index.ts';
export type { DvcSearchEventDetail, DvcProcedureSelectEventDetail } from './procedure-search/index.ts';
export { DvcSatisfactionSurvey, type DvcSurveySubmittedEventDetail } from './satisfaction-survey/index.ts';
export { DvcDossierTracker, type DvcDossierFoundEventDetail, type DvcPaymentRequestedEventDetail, type DvcSurveyRequestedEventDetail } from './dossier-tracker/index.ts';
export { DvcPayment, type DvcPaymentStartedEventDetail, type DvcPaymentSucceededEventDetail, type DvcPaymentFailedEventDetail } from './payment/index.ts';

export { defineElement } from './shared/define.ts';
export { setLocale, getLocale, localeReady, resolveLocale, formatVnd, formatDate, formatDateTime, formatNumber } from './shared/locale.ts';
export type { DvcLocale } from './shared/locale.ts';
export { ApiClientController, DvcConfigError, setDefaultApiBase, clientFor } from './shared/api-client.ts';
export { RequestController } from './shared/request-controller.ts';
export type { RequestStatus, RequestTask } from './shared/request-controller.ts';
export { DebounceController } from './shared/debounce-controller.ts';
export { problemMessage, problemCodeMessage } from './shared/problem-messages.ts';
export { loadingView, emptyView, failureView, canRetry, statusStyles } from './shared/status-views.ts';
export type { FailureOptions } from './shared/status-views.ts';
export { DvcElement } from './shared/dvc-element.ts';
export type { DvcEventDetailMap, EmitOptions } from './shared/dvc-element.ts';
export { FocusController } from './shared/focus-controller.ts';
export { errorSummary, errorSummaryStyles } from './shared/error-summary.ts';
export type { ErrorSummaryItem } from './shared/error-summary.ts';
export { tokens } from './shared/tokens.ts';
