/** The tours dvc-audit carries, by tag: the DVC Kit widgets' auditable states (see ./types.ts). */
import type { AuditStep } from './types.ts';
import { dossierTrackerTour } from './dvc-dossier-tracker.ts';
import { paymentTour } from './dvc-payment.ts';
import { procedureSearchTour } from './dvc-procedure-search.ts';
import { satisfactionSurveyTour } from './dvc-satisfaction-survey.ts';

export type * from './types.ts';

export const tours: Readonly<Record<string, readonly AuditStep[]>> = {
  'dvc-dossier-tracker': dossierTrackerTour,
  'dvc-payment': paymentTour,
  'dvc-procedure-search': procedureSearchTour,
  'dvc-satisfaction-survey': satisfactionSurveyTour,
};

/** The tour dvc-audit carries for a tag, if any. */
export function tourFor(tag: string): readonly AuditStep[] | undefined {
  return Object.hasOwn(tours, tag) ? tours[tag] : undefined;
}
