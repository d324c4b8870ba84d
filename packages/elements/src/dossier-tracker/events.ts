/**
 * The events <dvc-dossier-tracker> fires. Pages forward them to analytics and to their payment and
 * survey flows, so the details carry the dossier code and status only: never the identity number
 * or anything else personal.
 */
import type { DossierStatus } from './labels.ts';

/** Detail of `dvc-dossier-found`. */
export interface DvcDossierFoundEventDetail {
  code: string;
  status: DossierStatus;
}

/** Detail of `dvc-payment-requested`. */
export interface DvcPaymentRequestedEventDetail {
  dossierCode: string;
}

/** Detail of `dvc-survey-requested`. */
export interface DvcSurveyRequestedEventDetail {
  dossierCode: string;
}

declare module '../shared/dvc-element.ts' {
  interface DvcEventDetailMap {
    'dvc-dossier-found': DvcDossierFoundEventDetail;
    'dvc-payment-requested': DvcPaymentRequestedEventDetail;
    'dvc-survey-requested': DvcSurveyRequestedEventDetail;
  }
}
