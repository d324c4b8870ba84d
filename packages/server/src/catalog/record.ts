import type { components } from '@dvc-kit/sdk';

type Procedure = components['schemas']['Procedure'];

/**
 * A procedure as stored: the API's `Procedure` without what is derived from it
 * (`agencies` from `agencyDetails.executing`; `channels`, `shortestProcessingTime` and `lowestFee`
 * from `channelDetails`). The curated seed (`seed/procedures.json`) and the importer of the public
 * catalogue both produce this shape.
 */
export type ProcedureRecord = Omit<Procedure, 'agencies' | 'channels' | 'shortestProcessingTime' | 'lowestFee'>;
