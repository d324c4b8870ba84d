import type { AuditStep } from './types.ts';

/**
 * The states `dvc-audit --tour` checks in `<dvc-satisfaction-survey>` (see ./types.ts), each in the instance's own mode.
 * Each step sets the dossier code as a portal does (demo dossier 0010, finished): a dossier-mode
 * instance shows its evaluation, a page-mode one (`mode="page"`) ignores it. "sent" answers the
 * required questions of either form: each click names a dossier question, or the page form's
 * one question (already answered, the click changes nothing). It stores an answer, so it runs
 * only against a sandbox (a live portal would keep a fake rating); in dossier mode it needs one
 * where 0010 has not been evaluated yet (a fresh or reset one).
 */
/** A page-feedback survey asks about the page: its steps need no demo dossier. */
const PAGE_MODE = { attribute: 'mode', value: 'page' };

export const satisfactionSurveyTour: readonly AuditStep[] = [
  { name: 'initial', description: 'The empty form (a dossier evaluation asks for the identity number too)', needsDemoData: true, noDemoDataWhen: PAGE_MODE, actions: [
    { kind: 'setProperty', name: 'dossierCode', value: '000.00.15.H26-261102-0010' }, { kind: 'waitFor', selector: '[part~="form"]' }] },
  { name: 'validation-errors', description: 'The form submitted empty: error summary and field errors', needsDemoData: true, noDemoDataWhen: PAGE_MODE, actions: [
    { kind: 'setProperty', name: 'dossierCode', value: '000.00.15.H26-261102-0010' }, { kind: 'waitFor', selector: '[part~="submit-button"]' },
    { kind: 'click', selector: '[part~="submit-button"]' }, { kind: 'waitFor', selector: '[part~="error-summary"]' }] },
  { name: 'sent', description: 'The answers sent: the thank-you message', needsDemoData: true, noDemoDataWhen: PAGE_MODE,
    sandboxOnly: 'it would store an evaluation', actions: [
    { kind: 'setProperty', name: 'dossierCode', value: '000.00.15.H26-261102-0010' }, { kind: 'setProperty', name: 'applicantId', value: '001099000010' },
    { kind: 'waitFor', selector: '[part~="submit-button"]' },
    { kind: 'click', selector: '#q-contacts [part~="option"], #q-useful [part~="option"]' },
    { kind: 'click', selector: '#q-agencies [part~="option"], #q-useful [part~="option"]' },
    { kind: 'click', selector: '#q-one-stop [part~="option"], #q-useful [part~="option"]' },
    { kind: 'click', selector: '#q-attitude [part~="option"], #q-useful [part~="option"]' },
    { kind: 'click', selector: '#q-overall [part~="option"], #q-useful [part~="option"]' },
    { kind: 'click', selector: '[part~="submit-button"]' }, { kind: 'waitFor', selector: '[part~="thanks"]' }] },
];
