import type { AuditStep } from './types.ts';

/** The states `dvc-audit --tour` checks in `<dvc-procedure-search>` (see ./types.ts). */
export const procedureSearchTour: readonly AuditStep[] = [
  { name: 'initial', description: 'The empty search form, before any search', actions: [] },
  { name: 'validation-errors', description: 'Search pressed with nothing to search for: error summary and field error', actions: [
    { kind: 'click', selector: '[part~="submit-button"]' }, { kind: 'waitFor', selector: '[part~="error-summary"]' }] },
  { name: 'results', description: 'A query typed, with its results listed', actions: [
    { kind: 'fill', selector: '[part~="input"]', text: 'dang ky khai sinh' }, { kind: 'waitFor', selector: '[part~="item"]' }] },
  { name: 'no-results', description: 'A query that finds nothing: the empty state', actions: [
    { kind: 'fill', selector: '[part~="input"]', text: 'xqzwvkj' }, { kind: 'waitFor', selector: '[part~="empty"]' }] },
  { name: 'detail', description: 'A procedure\'s detail opened from the results', actions: [
    { kind: 'fill', selector: '[part~="input"]', text: 'dang ky khai sinh' }, { kind: 'waitFor', selector: '[part~="name"]' },
    { kind: 'click', selector: '[part~="name"]' }, { kind: 'waitFor', selector: '[part~="detail-title"]' }] },
];
