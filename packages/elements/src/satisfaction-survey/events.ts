/** The events <dvc-satisfaction-survey> fires. */

/** Detail of the `dvc-survey-submitted` event. No answers and no personal data. */
export interface DvcSurveySubmittedEventDetail {
  /** The stored response's id (the API's receipt). */
  responseId: string;
  /** The evaluated dossier (dossier mode). */
  dossierCode?: string;
  /** The procedure the feedback is about (page mode with `procedure-code`). */
  procedureCode?: string;
}

declare module '../shared/dvc-element.ts' {
  interface DvcEventDetailMap {
    'dvc-survey-submitted': DvcSurveySubmittedEventDetail;
  }
}
