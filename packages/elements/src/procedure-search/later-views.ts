/**
 * What <dvc-procedure-search> shows only after a request: the results, their pages and a
 * procedure's detail. Loaded with the first search (procedure-search.ts), beside its request, so the
 * search box paints without them and the results wait for nothing more than their answer.
 */
export { detailSpeech, detailView } from './procedure-detail.ts';
export { paginationView } from './pagination.ts';
export { foundMessage, pageMessage, resultItem } from './result-item.ts';
