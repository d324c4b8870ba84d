/**
 * The events <dvc-payment> fires. Pages forward them to analytics and to their own flows, so the
 * details carry payment ids, receipt numbers and gateway codes only: never the identity number.
 */

/** Detail of `dvc-payment-started` (cancelable: the page may open the gateway itself). */
export interface DvcPaymentStartedEventDetail {
  paymentId: string;
}

/** Detail of `dvc-payment-succeeded`. */
export interface DvcPaymentSucceededEventDetail {
  paymentId: string;
  /** One e-receipt number per fee kind, e.g. `BL-2026-000123`. */
  receiptNumbers: string[];
}

/** Detail of `dvc-payment-failed`. */
export interface DvcPaymentFailedEventDetail {
  paymentId: string;
  /** The gateway's response code (e.g. `51`, not enough money), or `failed` when it gave none. */
  code: string;
}

declare module '../shared/dvc-element.ts' {
  interface DvcEventDetailMap {
    'dvc-payment-started': DvcPaymentStartedEventDetail;
    'dvc-payment-succeeded': DvcPaymentSucceededEventDetail;
    'dvc-payment-failed': DvcPaymentFailedEventDetail;
  }
}
