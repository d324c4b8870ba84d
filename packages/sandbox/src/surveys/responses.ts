import { randomUUID } from 'node:crypto';
import type { components } from '@dvc-kit/sdk';
import type { SandboxContext } from '../context.ts';
import { ApiProblem } from '../http/problem.ts';
import { findDossierFor, vnTime } from '../dossiers/repository.ts';
import { FINISHED } from '../dossiers/statuses.ts';
import { getProcedure } from '../procedures/repository.ts';
import { FORMS } from './forms.ts';

type Schemas = components['schemas'];
type Submission = Schemas['SurveySubmission'];
type SurveyForm = Schemas['SurveyForm'];

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

export function findForm(kind: 'dossier' | 'page', forms: readonly SurveyForm[] = FORMS): SurveyForm {
  return forms.find((f) => f.kind === kind)!;
}

/**
 * Stores a response. A dossier evaluation needs the dossier's applicant, a decided dossier, and no
 * earlier evaluation (409). Page feedback needs a procedure code or page URL. A filled honeypot is
 * answered like a success and not stored, so a bot learns nothing.
 */
export function submitSurvey(ctx: SandboxContext, submission: Submission, forms: readonly SurveyForm[] = FORMS): Schemas['SurveyReceipt'] {
  const submittedAt = ctx.now();
  const receipt = { id: `srv_${randomUUID().replaceAll('-', '')}`, submittedAt: vnTime(submittedAt.toISOString()) };
  const form = forms.find((f) => f.id === submission.formId && f.version === submission.formVersion);
  if (!form) throw new ApiProblem(422, 'validation_failed', 'Unknown form or version.', { errors: [{ path: '/body/formId', message: 'unknown form' }] });
  if (submission.website) return receipt;
  validateAnswers(form, submission.answers);

  if (form.kind === 'dossier') {
    if (!submission.dossierCode || !submission.applicantId) {
      throw new ApiProblem(400, 'validation_failed', 'A dossier evaluation needs dossierCode and applicantId.', {
        errors: [{ path: '/body/dossierCode', message: 'required for a dossier evaluation' }],
      });
    }
    const dossier = findDossierFor(ctx, submission.dossierCode, submission.applicantId);
    if (!dossier) throw new ApiProblem(404, 'dossier_not_found');
    if (!FINISHED.has(dossier.status)) throw new ApiProblem(409, 'survey_not_available');
    const result = ctx.db.prepare(`
      INSERT INTO survey_responses (id, form_id, form_version, kind, dossier_code, answers, submitted_at)
      VALUES (?, ?, ?, 'dossier', ?, ?, ?) ON CONFLICT(dossier_code) DO NOTHING`,
    ).run(receipt.id, form.id, form.version, dossier.code, JSON.stringify(submission.answers), submittedAt.toISOString());
    if (result.changes === 0) throw new ApiProblem(409, 'survey_already_submitted');
    return receipt;
  }

  if (!submission.procedureCode && !submission.pageUrl) {
    throw new ApiProblem(400, 'validation_failed', 'Page feedback needs procedureCode or pageUrl.', {
      errors: [{ path: '/body/procedureCode', message: 'procedureCode or pageUrl is required' }],
    });
  }
  if (submission.procedureCode && !getProcedure(ctx.db, submission.procedureCode)) throw new ApiProblem(404, 'procedure_not_found');
  ctx.db.prepare(`
    INSERT INTO survey_responses (id, form_id, form_version, kind, procedure_code, page_url, answers, submitted_at)
    VALUES (?, ?, ?, 'page', ?, ?, ?, ?)`,
  ).run(receipt.id, form.id, form.version, submission.procedureCode ?? null, submission.pageUrl ?? null,
    JSON.stringify(submission.answers), submittedAt.toISOString());
  return receipt;
}
