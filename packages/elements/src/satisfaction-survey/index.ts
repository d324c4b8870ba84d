// Importing this module registers <dvc-satisfaction-survey>.
import { defineElement } from '../shared/define.ts';
import { DvcSatisfactionSurvey } from './satisfaction-survey.ts';

defineElement('dvc-satisfaction-survey', DvcSatisfactionSurvey);

export { DvcSatisfactionSurvey };
export type { DvcSurveySubmittedEventDetail, SurveyMode } from './satisfaction-survey.ts';
