import type { AuditStep } from './types.ts';

/**
 * The states `dvc-audit --tour` checks in `<dvc-payment>` (see ./types.ts). Each sets the dossier code as a
 * portal does, and first unsets `applicantId`, so the payer types the number even on a page that
 * knows it. "due" and "method-chosen" use demo dossier 0014, "nothing-due" demo dossier 0010.
 * Paying is not toured: it leaves for the payment gateway. Each step that looks the dossier up
 * runs only against a sandbox: a lookup counts against its dossier code's guesses unless the
 * number is right, which on a live API the demo number is not.
 */
const COUNTS_A_GUESS = 'it would count a wrong identity number against a dossier code (a guess; spent guesses lock the code)';

export const paymentTour: readonly AuditStep[] = [
  { name: 'ask', description: 'A dossier to pay for: the form asking for the identity number', actions: [
    { kind: 'setProperty', name: 'applicantId', value: null }, { kind: 'setProperty', name: 'dossierCode', value: '000.00.15.H26-261102-0014' },
    { kind: 'waitFor', selector: '[part~="form"]' }] },
  { name: 'validation-errors', description: 'The identity number form submitted empty: error summary and field error', actions: [
    { kind: 'setProperty', name: 'applicantId', value: null }, { kind: 'setProperty', name: 'dossierCode', value: '000.00.15.H26-261102-0014' },
    { kind: 'click', selector: '[part~="continue-button"]' }, { kind: 'waitFor', selector: '[part~="error-summary"]' }] },
  { name: 'due', description: 'What is due: a charge and a fee, the total, the payment methods and the pay button', needsDemoData: true, sandboxOnly: COUNTS_A_GUESS, actions: [
    { kind: 'setProperty', name: 'applicantId', value: null }, { kind: 'setProperty', name: 'dossierCode', value: '000.00.15.H26-261102-0014' },
    { kind: 'fill', selector: '[part~="input"]', text: '001099000014' }, { kind: 'click', selector: '[part~="continue-button"]' },
    { kind: 'waitFor', selector: '[part~="methods"]' }] },
  { name: 'method-chosen', description: 'What is due, with the second payment method chosen', needsDemoData: true, sandboxOnly: COUNTS_A_GUESS, actions: [
    { kind: 'setProperty', name: 'applicantId', value: null }, { kind: 'setProperty', name: 'dossierCode', value: '000.00.15.H26-261102-0014' },
    { kind: 'fill', selector: '[part~="input"]', text: '001099000014' }, { kind: 'click', selector: '[part~="continue-button"]' },
    { kind: 'click', selector: '[part~="method"]:nth-of-type(2)' }, { kind: 'waitFor', selector: '[part~="method"]:nth-of-type(2) input:checked' }] },
  { name: 'nothing-due', description: 'A finished dossier with nothing to pay', needsDemoData: true, sandboxOnly: COUNTS_A_GUESS, actions: [
    { kind: 'setProperty', name: 'applicantId', value: null }, { kind: 'setProperty', name: 'dossierCode', value: '000.00.15.H26-261102-0010' },
    { kind: 'fill', selector: '[part~="input"]', text: '001099000010' }, { kind: 'click', selector: '[part~="continue-button"]' },
    { kind: 'waitFor', selector: '[part~="state"][data-state="nothing-due"]' }] },
  { name: 'lookup-error', description: 'The page\'s identity number does not match the dossier: the lookup\'s error', sandboxOnly: COUNTS_A_GUESS, actions: [
    { kind: 'setProperty', name: 'applicantId', value: '001099000001' }, { kind: 'setProperty', name: 'dossierCode', value: '000.00.15.H26-261102-0014' },
    { kind: 'waitFor', selector: '[part~="state"][data-state="lookup-error"] [part~="error"][data-problem="dossier_not_found"]' }] },
];
