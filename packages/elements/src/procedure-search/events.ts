/** The events <dvc-procedure-search> fires. */
import type { FilterName } from './search-state.ts';

/** Detail of the `dvc-search` event. */
export interface DvcSearchEventDetail {
  query: string;
  /** The filters in effect: only those that are set. */
  filters: Partial<Record<FilterName, string>>;
  total: number;
}

/** Detail of the cancelable `dvc-procedure-select` event. */
export interface DvcProcedureSelectEventDetail {
  code: string;
}

declare module '../shared/dvc-element.ts' {
  interface DvcEventDetailMap {
    'dvc-search': DvcSearchEventDetail;
    'dvc-procedure-select': DvcProcedureSelectEventDetail;
  }
}
