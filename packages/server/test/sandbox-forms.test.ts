import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { components } from '@dvc-kit/sdk';
import { createTestSandbox } from './support/test-database.ts';
import type { components as sandboxComponents } from '../src/generated/sandbox-openapi.ts';
import { DOSSIER_FORM, PAGE_FORM } from '../src/surveys/forms.ts';
import { DEMO } from './support/sandbox.ts';

type Sandbox = Awaited<ReturnType<typeof createTestSandbox>>;
type SurveyForm = components['schemas']['SurveyForm'];

const HOSTILE = '<img src=x onerror="alert(1)">';

/** A page form whose every text is hostile, as the hostile-data browser tests seed it. */
const hostileForm: SurveyForm = {
  id: 'hostile-page', version: 3, kind: 'page',
  title: { vi: HOSTILE, en: HOSTILE },
  description: { vi: HOSTILE, en: HOSTILE },
  questions: [
    {
      id: 'q1', type: 'rating', required: true, label: { vi: HOSTILE, en: HOSTILE }, hint: { vi: HOSTILE, en: HOSTILE },
      scale: [{ value: 1, label: { vi: HOSTILE, en: HOSTILE } }, { value: 0, label: { vi: 'Không', en: 'No' } }],
    },
  ],
};

describe('sandbox survey forms (POST /_sandbox/survey-forms)', () => {
  let sandbox: Sandbox;
  before(async () => { sandbox = await createTestSandbox({ rateLimits: {} }); });
  after(() => sandbox.app.close());
  const put = (form: unknown) => sandbox.app.inject({ method: 'POST', url: '/api/v1/_sandbox/survey-forms', payload: form as object });
  const formOf = async (kind: 'dossier' | 'page') =>
    JSON.parse((await sandbox.app.inject({ method: 'GET', url: `/api/v1/surveys/form?kind=${kind}` })).body) as SurveyForm;
  const submit = (payload: object) => sandbox.app.inject({ method: 'POST', url: '/api/v1/surveys/responses', payload });

  test('replaces the form of its kind (the other stays), answers are checked against it, a reset restores the regulation\'s', async () => {
    const created = await put(hostileForm);
    assert.equal(created.statusCode, 201);
    assert.deepEqual(JSON.parse(created.body), hostileForm);
    assert.deepEqual(await formOf('page'), hostileForm);
    assert.deepEqual(await formOf('dossier'), DOSSIER_FORM);

    const page = { formId: 'hostile-page', formVersion: 3, procedureCode: '1.001193' };
    assert.equal((await submit({ ...page, answers: { q1: 1 } })).statusCode, 201);
    assert.equal((await submit({ ...page, answers: { q1: 7 } })).statusCode, 422, 'not a value of the replaced scale');
    assert.equal((await submit({ formId: PAGE_FORM.id, formVersion: 1, procedureCode: '1.001193', answers: { useful: 1 } })).statusCode, 422,
      'the replaced form is gone until a reset');

    assert.equal((await sandbox.app.inject({ method: 'POST', url: '/api/v1/_sandbox/reset' })).statusCode, 204);
    assert.deepEqual(await formOf('page'), PAGE_FORM);
    assert.equal((await submit({ formId: PAGE_FORM.id, formVersion: 1, procedureCode: '1.001193', answers: { useful: 1 } })).statusCode, 201);
  });

  test('a dossier evaluation uses the replaced dossier form', async () => {
    const form: SurveyForm = { ...hostileForm, id: 'hostile-dossier', kind: 'dossier' };
    assert.equal((await put(form)).statusCode, 201);
    const ok = await submit({ formId: 'hostile-dossier', formVersion: 3, dossierCode: DEMO.decided.code, applicantId: DEMO.decided.applicantId, answers: { q1: 0 } });
    assert.equal(ok.statusCode, 201);
    assert.equal((JSON.parse((await sandbox.app.inject({ method: 'GET', url: `/api/v1/surveys/form?dossierCode=${DEMO.decided.code}` })).body) as SurveyForm).id,
      'hostile-dossier');
    await sandbox.app.inject({ method: 'POST', url: '/api/v1/_sandbox/reset' });
  });

  test('refuses a form that does not match the contract (400), and is absent with admin routes off (404)', async () => {
    assert.equal((await put({ ...hostileForm, kind: 'other' })).statusCode, 400);
    assert.equal((await put({ ...hostileForm, questions: [{ ...hostileForm.questions[0], id: 'Not An Id' }] })).statusCode, 400);
    const locked = await createTestSandbox({ adminRoutes: false });
    try {
      assert.equal((await locked.app.inject({ method: 'POST', url: '/api/v1/_sandbox/survey-forms', payload: hostileForm })).statusCode, 404);
    } finally {
      await locked.app.close();
    }
  });
});

describe('sandbox faults with a problem detail', () => {
  test('a status fault carries `detail` when given, the fixed sentence otherwise', async () => {
    const sandbox = await createTestSandbox({ rateLimits: {} });
    try {
      const arm = (fault: sandboxComponents['schemas']['SandboxFault']) => sandbox.app.inject({ method: 'POST', url: '/api/v1/_sandbox/faults', payload: fault });
      assert.equal((await arm({ operationId: 'getHealth', kind: 'status', status: 500, detail: HOSTILE })).statusCode, 201);
      const hostile = await sandbox.app.inject({ method: 'GET', url: '/api/v1/health' });
      assert.equal(hostile.statusCode, 500);
      assert.match(String(hostile.headers['content-type']), /^application\/problem\+json/);
      assert.equal((JSON.parse(hostile.body) as { detail: string; code: string }).detail, HOSTILE);
      await arm({ operationId: 'getHealth', kind: 'status', status: 503 });
      assert.equal((JSON.parse((await sandbox.app.inject({ method: 'GET', url: '/api/v1/health' })).body) as { detail: string }).detail,
        'Injected by the sandbox.');
      assert.equal((await arm({ operationId: 'getHealth', kind: 'status', detail: 'x'.repeat(2001) })).statusCode, 400);
    } finally {
      await sandbox.app.close();
    }
  });
});
