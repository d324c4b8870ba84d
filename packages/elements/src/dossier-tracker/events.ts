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

export interface DossierTrackerEventMap {
  'dvc-dossier-found': DvcDossierFoundEventDetail;
  'dvc-payment-requested': DvcPaymentRequestedEventDetail;
  'dvc-survey-requested': DvcSurveyRequestedEventDetail;
}

/** A bubbling, composed event, so the page hears it through the shadow root. */
export function trackerEvent<K extends keyof DossierTrackerEventMap>(
  type: K,
  detail: DossierTrackerEventMap[K],
): CustomEvent<DossierTrackerEventMap[K]> {
  return new CustomEvent(type, { bubbles: true, composed: true, detail });
}
