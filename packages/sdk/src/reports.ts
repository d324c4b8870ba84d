import type { operations } from './generated/openapi.ts';
import { transport } from './client.ts';
import type { CallOptions, DvcClientOptions, Schemas } from './client.ts';

/** Survey results for a period (`reports.surveys`). */
export type SurveyReport = Schemas['SurveyReport'];
/** Payments for a period, by state and fee kind (`reports.payments`). */
export type PaymentReport = Schemas['PaymentReport'];
/** `from` and `to` (`YYYY-MM-DD`, days in Vietnam time, both included) and `groupBy` (`procedure` or `unit`). */
export type SurveyReportParams = operations['getSurveyReport']['parameters']['query'];
/** `from` and `to` (`YYYY-MM-DD`, days in Vietnam time, both included). */
export type PaymentReportParams = operations['getPaymentReport']['parameters']['query'];

export interface DvcReportsClientOptions extends DvcClientOptions {
  /**
   * The agency's key of the `reports` scope (`dvc-server keys create --scope reports --agency …`),
   * sent as `Authorization: Bearer`. It reads every evaluation and payment of the agency: keep it
   * on a server or in a staff tool, never in a web page.
   */
  apiKey: string;
}

export interface DvcReportsClient {
  readonly baseUrl: string;
  /** Survey results by procedure or by receiving unit: evaluations, every score, averages, satisfied or better. */
  surveys(params: SurveyReportParams, options?: CallOptions): Promise<SurveyReport>;
  /** The same figures as CSV for Excel, as sent: UTF-8 text with its byte order mark, ready to save as a `.csv` file. */
  surveysCsv(params: SurveyReportParams, options?: CallOptions): Promise<string>;
  /** Payments by state (paid, pending, failed, cancelled, refunded) with their amounts by fee kind. */
  payments(params: PaymentReportParams, options?: CallOptions): Promise<PaymentReport>;
  /** The same figures as CSV for Excel, as sent (byte order mark included). */
  paymentsCsv(params: PaymentReportParams, options?: CallOptions): Promise<string>;
  /**
   * The same figures as an Excel workbook (`.xlsx`), its bytes: under a title naming the agency and
   * the days, codes kept as text and figures as numbers, in any regional format.
   */
  surveysXlsx(params: SurveyReportParams, options?: CallOptions): Promise<Uint8Array>;
  /** The same figures as an Excel workbook (`.xlsx`), its bytes. */
  paymentsXlsx(params: PaymentReportParams, options?: CallOptions): Promise<Uint8Array>;
}

const CSV = { accept: 'text/csv, application/problem+json' };
const XLSX = { accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/problem+json' };

/**
 * Creates a client for the agency's reports (`/reports/*`), authenticated by its `reports` key.
 * A module apart from `createDvcClient`, so no widget bundle carries it. Reads only, retried as
 * every GET is; errors as `createDvcClient`'s: `DvcApiError` 401 `api_key_invalid` (no key, an
 * unknown or revoked one), 403 `api_key_out_of_scope` (a sync key), 400 `validation_failed` naming
 * `/querystring/from` or `/querystring/to` (a date that is not one, a period backwards or longer
 * than 366 days).
 */
export function createDvcReportsClient({ apiKey, ...options }: DvcReportsClientOptions): DvcReportsClient {
  const { baseUrl, call } = transport({ ...options, headers: { ...options.headers, authorization: `Bearer ${apiKey}` } });
  const surveyQuery = ({ from, to, groupBy }: SurveyReportParams) => ({ from, to, ...(groupBy ? { groupBy } : {}) });
  const paymentQuery = ({ from, to }: PaymentReportParams) => ({ from, to });
  return {
    baseUrl,
    surveys: (params, { signal } = {}) => call('reports/surveys', { method: 'get', searchParams: surveyQuery(params), signal }),
    surveysCsv: (params, { signal } = {}) =>
      call('reports/surveys', { method: 'get', searchParams: surveyQuery(params), signal, headers: CSV, as: 'text' }),
    payments: (params, { signal } = {}) => call('reports/payments', { method: 'get', searchParams: paymentQuery(params), signal }),
    paymentsCsv: (params, { signal } = {}) =>
      call('reports/payments', { method: 'get', searchParams: paymentQuery(params), signal, headers: CSV, as: 'text' }),
    surveysXlsx: (params, { signal } = {}) =>
      call('reports/surveys', { method: 'get', searchParams: surveyQuery(params), signal, headers: XLSX, as: 'bytes' }),
    paymentsXlsx: (params, { signal } = {}) =>
      call('reports/payments', { method: 'get', searchParams: paymentQuery(params), signal, headers: XLSX, as: 'bytes' }),
  };
}
