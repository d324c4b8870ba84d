/**
 * The one-stop system's status numbers (TrangThaiHoSo, TrangThai) → the contract's DossierStatus.
 * Deployments differ (one system sends 9 for 5, 6 and 8; another numbers its own statuses per site),
 * so a deployment can override entries instead of patching the code.
 */
import { dossierStatuses } from '@dvc-kit/sdk';
import type { DossierStatus } from '../dossiers/statuses.ts';

/** Status number as sent ("1"–"10", no leading zero) → status. */
export type StatusTable = Readonly<Record<string, DossierStatus>>;

/** The national portal's numbering, the order of the contract's DossierStatus. */
export const DEFAULT_STATUS_TABLE: StatusTable = Object.freeze({
  1: 'submitted',
  2: 'received',
  3: 'rejected',
  4: 'processing',
  5: 'supplement-requested',
  6: 'payment-due',
  7: 'withdrawn',
  8: 'stopped',
  9: 'decided',
  10: 'result-delivered',
});

const STATUS_NUMBER = /^[1-9][0-9]{0,2}$/;
const KNOWN_STATUSES: ReadonlySet<string> = new Set(dossierStatuses);

/**
 * The default table with a deployment's overrides merged in: `json` is an object of status number →
 * status, e.g. `{"9": "result-delivered"}`. Throws an Error naming the bad entry, so a deployment
 * fails at start-up rather than on the first record.
 */
export function loadStatusTable(json?: string): StatusTable {
  if (json === undefined || json.trim() === '') return DEFAULT_STATUS_TABLE;
  let overrides: unknown;
  try {
    overrides = JSON.parse(json);
  } catch (error) {
    throw new Error(`Sync status table: not valid JSON (${(error as Error).message}).`);
  }
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) {
    throw new Error('Sync status table: must be a JSON object of status number → dossier status, e.g. {"9": "decided"}.');
  }
  const table: Record<string, DossierStatus> = { ...DEFAULT_STATUS_TABLE };
  for (const [number, status] of Object.entries(overrides)) {
    if (!STATUS_NUMBER.test(number)) {
      throw new Error(`Sync status table: key ${JSON.stringify(number)} is not a status number (1–999, no leading zero).`);
    }
    if (typeof status !== 'string' || !KNOWN_STATUSES.has(status)) {
      throw new Error(`Sync status table: entry ${JSON.stringify(number)}: ${JSON.stringify(status)} is not a dossier status (one of ${dossierStatuses.join(', ')}).`);
    }
    table[number] = status as DossierStatus;
  }
  return Object.freeze(table);
}

/** The status a number stands for; leading zeros and spaces are tolerated ("09" is 9). */
export function statusFor(table: StatusTable, number: string): DossierStatus | undefined {
  const digits = number.trim();
  if (!/^[0-9]{1,3}$/.test(digits)) return undefined;
  return Object.hasOwn(table, String(Number(digits))) ? table[String(Number(digits))] : undefined;
}
