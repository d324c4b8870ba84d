// Importing this module registers <dvc-dossier-tracker>.
import { defineElement } from '../shared/define.ts';
import { DvcDossierTracker } from './dossier-tracker.ts';

defineElement('dvc-dossier-tracker', DvcDossierTracker);

export { DvcDossierTracker };
export type {
  DvcDossierFoundEventDetail, DvcPaymentRequestedEventDetail, DvcSurveyRequestedEventDetail,
} from './events.ts';
