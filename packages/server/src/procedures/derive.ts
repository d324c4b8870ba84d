import type { components } from '@dvc-kit/sdk';
import type { ProcedureRecord } from '../catalog/record.ts';

type Schemas = components['schemas'];
type ProcedureSummary = Schemas['ProcedureSummary'];
type ProcessingTime = Schemas['ProcessingTime'];

/** Rough size of one unit in working hours, only to compare channels' processing times. */
const UNIT_WEIGHT: Record<ProcessingTime['unit'], number> = {
  hours: 1,
  'working-days': 8,
  days: 8 * 5 / 7,
  months: 8 * 22,
  text: Number.POSITIVE_INFINITY,
};

/** The list view of a procedure: what search results show, derived from the stored record. */
export function summarize(record: ProcedureRecord): ProcedureSummary {
  const channels = [...new Set(record.channelDetails.map((detail) => detail.channel))];

  let shortest: ProcedureSummary['shortestProcessingTime'] = null;
  let shortestWeight = Number.POSITIVE_INFINITY;
  for (const detail of record.channelDetails) {
    const { value, unit } = detail.processingTime;
    if (value === null) continue;
    const weight = value * UNIT_WEIGHT[unit];
    if (weight < shortestWeight) {
      shortestWeight = weight;
      shortest = { channel: detail.channel, processingTime: detail.processingTime };
    }
  }

  let lowestFee: ProcedureSummary['lowestFee'] = null;
  for (const detail of record.channelDetails) {
    if (detail.fees.length === 0) continue;
    const setByProvince = detail.fees.some((fee) => fee.setByProvince);
    const known = detail.fees.every((fee) => fee.amount !== null);
    const total = known ? detail.fees.reduce((sum, fee) => sum + (fee.amount ?? 0), 0) : null;
    if (lowestFee === null || (total !== null && (lowestFee.amount === null || total < lowestFee.amount))) {
      lowestFee = { amount: total, setByProvince: total === null && setByProvince };
    }
  }

  return {
    code: record.code,
    name: record.name,
    field: record.field,
    levels: record.levels,
    onlineLevel: record.onlineLevel,
    agencies: record.agencyDetails.executing,
    channels,
    shortestProcessingTime: shortest,
    lowestFee,
  };
}
