// Importing this module registers <dvc-procedure-search>.
import { defineElement } from '../shared/define.ts';
import { DvcProcedureSearch } from './procedure-search.ts';

defineElement('dvc-procedure-search', DvcProcedureSearch);

export { DvcProcedureSearch };
export type { DvcSearchEventDetail, DvcProcedureSelectEventDetail } from './procedure-search.ts';
