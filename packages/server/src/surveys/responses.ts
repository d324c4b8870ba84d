import { randomUUID } from 'node:crypto';
import { IDENTITY_NUMBER_MASK, maskedAnswers, type components } from '@dvc-kit/sdk';
import type { components as sandboxComponents } from '../generated/sandbox-openapi.ts';
import type { ServerContext } from '../context.ts';
import type { Queryable } from '../storage/storage.ts';
import { ApiProblem } from '../http/problem.ts';
import { findDossier, findDossierFor, vnTime } from '../dossiers/repository.ts';
import { checkApplicantProof } from '../dossiers/access-token.ts';
import { digestsEqual, keyedDigest } from '../dossiers/applicant-digest.ts';
import { CLOSED_WITHOUT_RESULT, FINISHED } from '../dossiers/statuses.ts';
import { getProcedure } from '../procedures/repository.ts';
import { FORMS } from './forms.ts';

type Schemas = components['schemas'];
type Submission = Schemas['SurveySubmission'];
type SurveyForm = Schemas['SurveyForm'];
type Receipt = Schemas['SurveyReceipt'];
type StoredResponse = sandboxComponents['schemas']['SandboxSurveyResponseList']['items'][number];

interface ResponseRow {
  id: string;
  form_id: string;
  form_version: number;
  kind: Schemas['SurveyKind'];
  dossier_code: string | null;
  procedure_code: string | null;
  page_url: string | null;
  answers: string;
  submitted_at: string;
}

/**
 * What an Idempotency-Key is compared on: the whole submission, canonical (answers in id order), as
 * createPayment compares its request. Keyed (HMAC with the applicant key) rather than a bare hash:
 * the body carries the applicant's identity number, which is stored nowhere in the clear.
 */
function requestDigest(ctx: ServerContext, submission: Submission): string {
  const answers = Object.entries(submission.answers).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const canonical = JSON.stringify([
    submission.formId, submission.formVersion, submission.dossierCode ?? null, submission.applicantId ?? null,
    submission.procedureCode ?? null, submission.pageUrl ?? null, answers, submission.website || null,
  ]);
  return keyedDigest(canonical, ctx.applicantKey);
}

/** Checks answers against the form: known questions, values on the scale, required ones present. */
function validateAnswers(form: SurveyForm, answers: Submission['answers']): void {
  const errors: { path: string; message: string }[] = [];
  const questions = new Map(form.questions.map((q) => [q.id, q]));
  for (const [id, value] of Object.entries(answers)) {
    const question = questions.get(id);
    if (!question) {
      errors.push({ path: `/body/answers/${id}`, message: 'unknown question' });
    } else if (question.type === 'rating' && !(question.scale ?? []).some((s) => s.value === value)) {
      errors.push({ path: `/body/answers/${id}`, message: 'not a value of the scale' });
    } else if (question.type === 'text' && (typeof value !== 'string' || value.length > (question.maxLength ?? 2000))) {
      errors.push({ path: `/body/answers/${id}`, message: 'text too long or not text' });
    }
  }
  for (const question of form.questions) {
    const value = answers[question.id];
    if (question.required && (value === undefined || value === '')) {
      errors.push({ path: `/body/answers/${question.id}`, message: 'required' });
    }
  }
  if (errors.length > 0) throw new ApiProblem(422, 'validation_failed', 'Some answers are missing or invalid.', { errors });
}

/** The answers as stored: text answers without identity numbers (the SDK's identity-mask.ts). */
function storedAnswers(answers: Submission['answers']): string {
  return JSON.stringify(maskedAnswers(answers, IDENTITY_NUMBER_MASK));
}

export function findForm(kind: Schemas['SurveyKind'], forms: readonly SurveyForm[] = FORMS): SurveyForm {
  return forms.find((f) => f.kind === kind)!;
}

/**
 * Stores a response. A dossier evaluation needs the dossier's applicant, a decided dossier, and no
 * earlier evaluation (409). Page feedback needs a procedure code or page URL. A filled honeypot is
 * answered like a success and not stored, so a bot learns nothing.
 *
 * The applicant of a dossier is proved by the identity number or by a dossier token (header),
 * exactly one of them; a token is checked first, whatever the form, and needs the dossier code.
 *
 * With an Idempotency-Key, as createPayment: the same key and the same submission get the first
 * receipt again (`replayed`) and store nothing, even for a dossier already evaluated by that very
 * request; the same key with another submission is refused (422). The key is stored in the same
 * transaction as the response, and only when the submission succeeds. A honeypot submission's key
 * is kept with its receipt, so a replay cannot tell a bot that it was caught.
 */
export async function submitSurvey(
  ctx: ServerContext, submission: Submission, forms: readonly SurveyForm[] = FORMS, idempotencyKey?: string, dossierToken?: string,
): Promise<{ receipt: Receipt; replayed: boolean }> {
  checkApplicantProof(ctx, submission.dossierCode, submission.applicantId, dossierToken);
  const digest = idempotencyKey === undefined ? undefined : requestDigest(ctx, submission);
  const replay = async () => {
    const known = await ctx.storage.one<{ request_digest: string; receipt_id: string; created_at: string }>(
      'SELECT request_digest, receipt_id, created_at FROM survey_idempotency_keys WHERE key = ?', [idempotencyKey!]);
    if (!known) return undefined;
    if (!digestsEqual(known.request_digest, digest!)) throw new ApiProblem(422, 'idempotency_key_reused');
    return { receipt: { id: known.receipt_id, submittedAt: vnTime(known.created_at) }, replayed: true };
  };
  if (idempotencyKey !== undefined) {
    const replayed = await replay();
    if (replayed) return replayed;
  }

  const submittedAt = ctx.now();
  const receipt = { id: `srv_${randomUUID().replaceAll('-', '')}`, submittedAt: vnTime(submittedAt.toISOString()) };
  /** Keeps the key with this receipt; false when the same key landed meanwhile (another process). */
  const rememberKey = async (db: Queryable) => idempotencyKey === undefined ||
    (await db.run('INSERT INTO survey_idempotency_keys (key, request_digest, receipt_id, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO NOTHING',
      [idempotencyKey, digest!, receipt.id, submittedAt.toISOString()])) === 1;
  /**
   * Whether the key is stored now. An insert that met another request's row waited for it to commit
   * (or roll back); this read, a statement after it, sees that commit (READ COMMITTED, which the
   * PostgreSQL storage pins; SQLite runs one writer at a time).
   */
  const keyStored = async (db: Queryable) => idempotencyKey !== undefined &&
    (await db.one('SELECT 1 AS found FROM survey_idempotency_keys WHERE key = ?', [idempotencyKey])) !== undefined;
  /** Stores the response and its key together; a key taken meanwhile undoes it and replays. */
  const store = async (work: (tx: Queryable) => Promise<void>) => {
    try {
      await ctx.storage.transaction(async (tx) => {
        await work(tx);
        if (!(await rememberKey(tx))) throw KEY_TAKEN;
      });
    } catch (error) {
      if (error !== KEY_TAKEN) throw error;
      return (await replay())!;
    }
    return { receipt, replayed: false };
  };

  const form = forms.find((f) => f.id === submission.formId && f.version === submission.formVersion);
  if (!form) throw new ApiProblem(422, 'validation_failed', 'Unknown form or version.', { errors: [{ path: '/body/formId', message: 'unknown form' }] });
  if (submission.website) return store(async () => undefined);
  validateAnswers(form, submission.answers);

  if (form.kind === 'dossier') {
    if (!submission.dossierCode) {
      throw new ApiProblem(400, 'validation_failed', 'A dossier evaluation needs dossierCode.', {
        errors: [{ path: '/body/dossierCode', message: 'required for a dossier evaluation' }],
      });
    }
    if (!submission.applicantId && dossierToken === undefined) {
      throw new ApiProblem(400, 'validation_failed', 'A dossier evaluation needs applicantId or a Dvc-Dossier-Token header.', {
        errors: [{ path: '/body/applicantId', message: 'required for a dossier evaluation without a Dvc-Dossier-Token header' }],
      });
    }
    // A token was checked on the way in, for this very dossier code.
    const dossier = submission.applicantId
      ? await findDossierFor(ctx, submission.dossierCode, submission.applicantId)
      : await findDossier(ctx, submission.dossierCode);
    if (!dossier) throw new ApiProblem(404, 'dossier_not_found');
    // Not "yet" for a dossier closed without a result: no waiting makes it one to evaluate.
    if (CLOSED_WITHOUT_RESULT.has(dossier.status)) throw new ApiProblem(409, 'survey_closed');
    if (!FINISHED.has(dossier.status)) throw new ApiProblem(409, 'survey_not_available');
    return store(async (tx) => {
      const inserted = await tx.run(`
        INSERT INTO survey_responses (id, form_id, form_version, kind, dossier_code, answers, submitted_at)
        VALUES (?, ?, ?, 'dossier', ?, ?, ?) ON CONFLICT (dossier_code) DO NOTHING`,
      [receipt.id, form.id, form.version, dossier.code, storedAnswers(submission.answers), submittedAt.toISOString()]);
      if (inserted > 0) return;
      // Evaluated meanwhile: by this very request sent twice (a double tap, a retry racing the
      // first), whose key the other has stored, it is a replay; by any other, a second evaluation.
      if (await keyStored(tx)) throw KEY_TAKEN;
      throw new ApiProblem(409, 'survey_already_submitted');
    });
  }

  if (!submission.procedureCode && !submission.pageUrl) {
    throw new ApiProblem(400, 'validation_failed', 'Page feedback needs procedureCode or pageUrl.', {
      errors: [{ path: '/body/procedureCode', message: 'procedureCode or pageUrl is required' }],
    });
  }
  if (submission.procedureCode && !(await getProcedure(ctx, submission.procedureCode))) throw new ApiProblem(404, 'procedure_not_found');
  return store(async (tx) => {
    await tx.run(`
      INSERT INTO survey_responses (id, form_id, form_version, kind, procedure_code, page_url, answers, submitted_at)
      VALUES (?, ?, ?, 'page', ?, ?, ?, ?)`,
    [receipt.id, form.id, form.version, submission.procedureCode ?? null, submission.pageUrl ?? null,
      storedAnswers(submission.answers), submittedAt.toISOString()]);
  });
}

/** Thrown inside the transaction to undo it when the Idempotency-Key was taken meanwhile. */
const KEY_TAKEN = Symbol('idempotency key taken');

/** The stored responses, oldest first (sandbox only: tests check what was stored, and how often). */
export async function listSurveyResponses(
  ctx: ServerContext, filter: { dossierCode?: string; procedureCode?: string; pageUrl?: string } = {},
): Promise<StoredResponse[]> {
  const conditions: string[] = [];
  const params: string[] = [];
  for (const [column, value] of [['dossier_code', filter.dossierCode], ['procedure_code', filter.procedureCode], ['page_url', filter.pageUrl]] as const) {
    if (value === undefined) continue;
    conditions.push(`${column} = ?`);
    params.push(value);
  }
  const rows = await ctx.storage.all<ResponseRow>(`SELECT * FROM survey_responses
    ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''} ORDER BY submitted_at, ${ctx.storage.insertionOrder}`, params);
  return rows.map((row) => ({
    id: row.id,
    formId: row.form_id,
    formVersion: row.form_version,
    kind: row.kind,
    ...(row.dossier_code ? { dossierCode: row.dossier_code } : {}),
    ...(row.procedure_code ? { procedureCode: row.procedure_code } : {}),
    ...(row.page_url ? { pageUrl: row.page_url } : {}),
    answers: JSON.parse(row.answers) as StoredResponse['answers'],
    submittedAt: vnTime(row.submitted_at),
  }));
}
