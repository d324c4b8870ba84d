import type { components } from '@dvc-kit/sdk';
import type { ServerContext } from '../context.ts';
import type { ApiKey } from '../auth/api-keys.ts';
import { applicantDigest, digestsEqual, keyedDigest } from '../dossiers/applicant-digest.ts';
import { completionAfter, ENDED, FINISHED } from '../dossiers/statuses.ts';
import type { DossierStatus } from '../dossiers/statuses.ts';
import { applyFeeRevision, reportRevision } from '../payments/new-amount.ts';
import { closePaymentsOfClosedDossier } from '../payments/dossier-closed.ts';
import { isPaidInFull, outstandingFor } from '../payments/outstanding.ts';
import type { DossierRow } from '../dossiers/repository.ts';
import { lockDossier } from '../dossiers/repository.ts';
import { AGENCY_OUT_OF_SCOPE, isWithinAgency } from './agency-scope.ts';
import { readIsUpdating } from './is-updating.ts';
import { dossierCodeOf, readDossierRecord, readProgressRecord } from './records.ts';
import type { ReadResult, SyncedDossier, SyncedProgress } from './records.ts';
import type { SyncFieldError } from './record-reader.ts';

type Schemas = components['schemas'];
type RecordResult = Schemas['SyncRecordResult'];
type Outcome = Schemas['SyncOutcome'];

/**
 * The one-stop system's records, stored. Each record is read, checked against the key's agency
 * and stored in its own transaction, so one bad record never loses the others. The same record
 * again changes nothing: a dossier keeps the keyed digest of the last record applied, a history
 * step the digest of what identifies it (dossier, time, action).
 */
function rejected(index: number, raw: unknown, errors: SyncFieldError[]): RecordResult {
  return { index, dossierCode: dossierCodeOf(raw), outcome: 'rejected', errors };
}

function summarize(results: RecordResult[]): Schemas['SyncResult'] {
  const refused = results.filter((r) => r.outcome === 'rejected').length;
  return { results, accepted: results.length - refused, rejected: refused };
}

/** The dossier as stored from a record: the columns, and a digest of all of them. */
function dossierColumns(ctx: ServerContext, dossier: SyncedDossier) {
  const columns = {
    procedure_code: dossier.procedureCode,
    procedure_name: dossier.procedureName,
    agency: dossier.agency,
    applicant_digest: applicantDigest(dossier.applicantId.reveal(), ctx.applicantKey),
    status: dossier.status,
    received_at: dossier.receivedAt.toISOString(),
    due_at: dossier.dueAt?.toISOString() ?? null,
    // Finished with no end date in the record: not known yet (a progress step may say, or a record
    // stored before did). Never the due date, which made every such dossier "on time".
    completed_at: dossier.completedAt?.toISOString() ?? null,
    supplement: dossier.supplement ? JSON.stringify({
      requestedAt: dossier.supplement.requestedAt.toISOString(),
      reason: dossier.supplement.reason || 'Hồ sơ cần bổ sung giấy tờ theo quy định.',
      documents: dossier.supplement.documents,
      resolvedAt: dossier.supplement.resolvedAt?.toISOString() ?? null,
    }) : null,
    apology: dossier.apology ? JSON.stringify({
      reason: dossier.apology.reason,
      newDueAt: dossier.apology.newDueAt.toISOString(),
      issuedAt: dossier.apology.issuedAt.toISOString(),
    }) : null,
    fees: JSON.stringify(dossier.fees),
  };
  // Keyed like the identity digests: the columns hold one, and a plain hash of them would not.
  return { columns, digest: keyedDigest(JSON.stringify([dossier.code, columns]), ctx.applicantKey) };
}

async function storeDossier(ctx: ServerContext, dossier: SyncedDossier, isUpdating: boolean): Promise<Outcome | SyncFieldError> {
  const { columns, digest } = dossierColumns(ctx, dossier);
  return ctx.storage.transaction(async (tx) => {
    const names = Object.keys(columns);
    const values = Object.values(columns);
    const inserted = await tx.run(`INSERT INTO dossiers (code, ${names.join(', ')}, sync_digest)
      VALUES (?, ${names.map(() => '?').join(', ')}, ?) ON CONFLICT (code) DO NOTHING`, [dossier.code, ...values, digest]);
    if (inserted === 1) return 'created';
    // Locked, as payments lock it: a payment settled meanwhile is seen before the status is written.
    const known = (await lockDossier(tx, dossier.code)) as DossierRow & { sync_digest: string | null };
    if (known.sync_digest !== null && digestsEqual(known.sync_digest, digest)) return 'unchanged';
    // A record not marked as an update must not take over another applicant's or procedure's dossier.
    const sameDossier = digestsEqual(known.applicant_digest, columns.applicant_digest) && known.procedure_code === columns.procedure_code;
    if (!isUpdating && !sameDossier) {
      return { field: 'MaHoSo', code: 'dossier_exists', message: 'is another dossier\'s code: send the record with isUpdating to replace it' } as SyncFieldError;
    }
    // A record does not reopen an ended dossier: one saying it is still in hand was written before
    // it ended (a batch sent again after a lost answer, a queue sent late), so all it says is older
    // than what is known (its due date, fees, supplement request too). A dated step can reopen it.
    if (ENDED.has(known.status as DossierStatus) && !ENDED.has(dossier.status)) {
      ctx.log.info({ dossierCode: dossier.code, status: known.status, recordStatus: dossier.status },
        'a dossier record older than the dossier\'s end: left as it was');
      return 'unchanged';
    }
    // What the record does not say stays as known: a finished dossier's end (from an earlier record
    // or step), the fees when the list is left out, and a payment made here (a record still asking
    // for it was sent before it).
    const keep = (name: keyof typeof columns, value: string | null) => {
      values[names.indexOf(name)] = value;
    };
    if (columns.completed_at === null && FINISHED.has(dossier.status) && known.completed_at !== null) keep('completed_at', known.completed_at);

    if (!dossier.feesSent) keep('fees', known.fees);
    // Asking for what was paid here already: it goes on being processed (a correction back to what
    // was paid, after more was asked, included).
    if (columns.status === 'payment-due' && isPaidInFull(await outstandingFor(tx, dossier.code, values[names.indexOf('fees')] as string))) {
      keep('status', known.status === 'payment-due' ? 'processing' : known.status);
    }
    await tx.run(`UPDATE dossiers SET ${names.map((n) => `${n} = ?`).join(', ')}, sync_digest = ? WHERE code = ?`, [...values, digest, dossier.code]);
    await closePaymentsOfClosedDossier(ctx, tx, dossier.code, values[names.indexOf('status')] as DossierStatus);
    if (dossier.feesSent && columns.fees !== known.fees) reportRevision(ctx, dossier.code, await applyFeeRevision(tx, known, columns.fees, ctx.now()));
    return 'updated';
  });
}

/**
 * Each record of a batch in turn: read (every bad field named), checked against the key's agency,
 * then stored by `store` in its own transaction.
 */
async function storeEach<T extends { code: string }>(
  key: ApiKey, records: unknown[], read: (raw: unknown) => ReadResult<T>, store: (record: T) => Promise<Outcome | SyncFieldError>,
): Promise<Schemas['SyncResult']> {
  const results: RecordResult[] = [];
  for (const [index, raw] of records.entries()) {
    const record = read(raw);
    if (!record.ok) {
      results.push(rejected(index, raw, record.errors));
      continue;
    }
    if (!isWithinAgency(record.value.code, key.agency)) {
      results.push(rejected(index, raw, [AGENCY_OUT_OF_SCOPE]));
      continue;
    }
    const outcome = await store(record.value);
    results.push(typeof outcome === 'string'
      ? { index, dossierCode: record.value.code, outcome, errors: [] }
      : rejected(index, raw, [outcome]));
  }
  return summarize(results);
}

export function syncDossiers(
  ctx: ServerContext, key: ApiKey, batch: { isUpdating?: boolean | string; data: unknown[] },
): Promise<Schemas['SyncResult']> {
  const isUpdating = readIsUpdating(batch.isUpdating) ?? false;
  return storeEach(key, batch.data, (raw) => readDossierRecord(raw, ctx.statusTable, { now: ctx.now() }), (dossier) => storeDossier(ctx, dossier, isUpdating));
}

async function storeProgress(ctx: ServerContext, step: SyncedProgress): Promise<Outcome | SyncFieldError> {
  const identity = keyedDigest(JSON.stringify([step.code, step.at.toISOString(), step.action]), ctx.applicantKey);
  return ctx.storage.transaction(async (tx) => {
    // The dossier's row first, as payments take it: two steps of one dossier sent at once (to two
    // processes, or on two connections of one) follow one another, so the later-dated one always
    // sees the other and the status follows the newest step.
    const dossier = await lockDossier(tx, step.code);
    if (!dossier) {
      return { field: 'MaHoSo', code: 'dossier_not_found', message: 'no dossier has this code: send its DongBoHoSoMC record first' } as SyncFieldError;
    }
    const entry = { unit: step.unit ?? dossier.agency, officer_title: step.officerTitle, status: step.status };
    let outcome: Outcome;
    const inserted = await tx.run(`INSERT INTO dossier_history (dossier_code, at, unit, officer_title, action, status, sync_digest)
      VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sync_digest) DO NOTHING`,
    [step.code, step.at.toISOString(), entry.unit, entry.officer_title, step.action, entry.status, identity]);
    if (inserted === 1) {
      outcome = 'created';
    } else {
      const known = (await tx.one<{ unit: string; officer_title: string | null; status: string }>(
        'SELECT unit, officer_title, status FROM dossier_history WHERE sync_digest = ?', [identity]))!;
      const same = known.unit === entry.unit && known.officer_title === entry.officer_title && known.status === entry.status;
      if (!same) {
        await tx.run('UPDATE dossier_history SET unit = ?, officer_title = ?, status = ? WHERE sync_digest = ?',
          [entry.unit, entry.officer_title, entry.status, identity]);
      }
      outcome = same ? 'unchanged' : 'updated';
    }
    // The one-stop system's newest step says where the dossier stands now (this server's own steps,
    // such as "paid online", do not outrank it); the same step sent again also puts right a status
    // left behind by an earlier race.
    const newest = (await tx.one<{ at: string }>('SELECT max(at) AS at FROM dossier_history WHERE dossier_code = ? AND sync_digest IS NOT NULL', [step.code]))!;
    // A step asking for payment does not undo a payment already made here (it was sent late),
    // unless the agency has asked for more since.
    const paidAlready = step.status === 'payment-due'
      && isPaidInFull(await outstandingFor(tx, step.code, dossier.fees));
    const completedAt = completionAfter(step.status, dossier, step.at.toISOString());
    if (newest.at === step.at.toISOString() && !paidAlready && (dossier.status !== step.status || completedAt !== dossier.completed_at)) {
      await tx.run('UPDATE dossiers SET status = ?, completed_at = ? WHERE code = ?', [step.status, completedAt, step.code]);
      await closePaymentsOfClosedDossier(ctx, tx, step.code, step.status);
      outcome = outcome === 'created' ? 'created' : 'updated';
    }
    return outcome;
  });
}

export function syncProgress(ctx: ServerContext, key: ApiKey, batch: { data: unknown[] }): Promise<Schemas['SyncResult']> {
  return storeEach(key, batch.data, (raw) => readProgressRecord(raw, ctx.statusTable, { now: ctx.now() }), (step) => storeProgress(ctx, step));
}
