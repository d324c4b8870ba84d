import type { AuditStep } from './types.ts';

/**
 * The states `dvc-audit --tour` checks in `<dvc-dossier-tracker>` (see ./types.ts); "found" uses demo dossier 0014.
 * A lookup counts against its dossier code's guesses unless the number is right, which on a live
 * API the demo number is not: "found" and "not-found" run only against a sandbox.
 */
const COUNTS_A_GUESS = 'it would count a wrong identity number against a dossier code (a guess; spent guesses lock the code)';

export const dossierTrackerTour: readonly AuditStep[] = [
  { name: 'initial', description: 'The empty lookup form', actions: [] },
  { name: 'validation-errors', description: 'The form submitted empty: error summary and field errors', actions: [
    { kind: 'click', selector: '[part~="submit-button"]' }, { kind: 'waitFor', selector: '[part~="error-summary"]' }] },
  { name: 'found', description: 'A dossier found (payment due, a charge and a fee)', needsDemoData: true, sandboxOnly: COUNTS_A_GUESS, actions: [
    { kind: 'fill', selector: '#code', text: '000.00.15.H26-261102-0014' }, { kind: 'fill', selector: '#applicant-id', text: '001099000014' },
    { kind: 'click', selector: '[part~="submit-button"]' }, { kind: 'waitFor', selector: '[part~="result"]' }] },
  { name: 'not-found', description: 'No dossier matches the code and identity number', sandboxOnly: COUNTS_A_GUESS, actions: [
    { kind: 'fill', selector: '#code', text: '000.00.15.H26-261102-9999' }, { kind: 'fill', selector: '#applicant-id', text: '001099000001' },
    { kind: 'click', selector: '[part~="submit-button"]' }, { kind: 'waitFor', selector: '[part~="error"][data-problem="dossier_not_found"]' }] },
];
