import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../packages/elements/src/satisfaction-survey/index.ts';
import type { DvcSatisfactionSurvey } from '../packages/elements/src/satisfaction-survey/index.ts';
import type { components } from '@dvc-kit/sdk';
import type { components as sandboxComponents } from '@dvc-kit/server/contract-types';
import { SANDBOX_API, UNREACHABLE_API } from './api.ts';

interface Args {
  apiBase: string;
  mode: '' | components['schemas']['SurveyKind'];
  dossierCode: string;
  procedureCode: string;
  /** A property on the element, never an attribute. */
  applicantId: string;
}

/** Demo dossier `…-0009`: decided, so it can be evaluated (once: later views say "already evaluated"). */
const DECIDED = { dossierCode: '000.00.15.H26-261102-0009', applicantId: '001099000009' };
/** Demo dossier `…-0004`: still processing. */
const PROCESSING = { dossierCode: '000.00.15.H26-261102-0004', applicantId: '001099000004' };
/** Demo dossier `…-0007`: withdrawn by its applicant, closed without a result. */
const WITHDRAWN = { dossierCode: '000.00.15.H26-261102-0007', applicantId: '001099000007' };

const meta: Meta<Args> = {
  title: 'Widgets/Satisfaction survey',
  component: 'dvc-satisfaction-survey',
  args: { apiBase: SANDBOX_API, mode: '', dossierCode: DECIDED.dossierCode, procedureCode: '', applicantId: DECIDED.applicantId },
  argTypes: { mode: { control: 'select', options: ['', 'dossier', 'page'] } },
  render: ({ apiBase, mode, dossierCode, procedureCode, applicantId }, { loaded }) => {
    const dossier = (loaded as { dossier?: TestDossier }).dossier;
    return html`<dvc-satisfaction-survey
      api-base=${apiBase}
      mode=${mode || nothing}
      dossier-code=${dossier?.code ?? (dossierCode || nothing)}
      procedure-code=${procedureCode || nothing}
      .applicantId=${dossier?.applicantId ?? applicantId}
    ></dvc-satisfaction-survey>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

interface TestDossier {
  code: string;
  applicantId: string;
}

/** A fresh decided dossier from the sandbox, so a story can send an evaluation every time it is viewed. */
async function decidedDossier(): Promise<TestDossier> {
  const applicantId = `0${String(Math.floor(Math.random() * 1e11)).padStart(11, '0')}`;
  const response = await fetch(`${SANDBOX_API}/_sandbox/dossiers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ procedureCode: '1.001193', applicantId, status: 'decided' } satisfies sandboxComponents['schemas']['SandboxDossierInput']),
  });
  const { code } = (await response.json()) as { code: string };
  return { code, applicantId };
}

/** Already evaluated: a fresh dossier with an evaluation stored. */
async function evaluatedDossier(): Promise<TestDossier> {
  const dossier = await decidedDossier();
  await fetch(`${SANDBOX_API}/surveys/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      formId: 'one-stop-evaluation', formVersion: 1, dossierCode: dossier.code, applicantId: dossier.applicantId,
      answers: { contacts: 2, agencies: 2, 'one-stop': 2, attitude: 2, overall: 2 },
    }),
  });
  return dossier;
}

/** Holds the page's requests whose URL contains `path` until the story is left (loading and sending states). */
function holdRequests(path: string): () => void {
  const original = window.fetch;
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.includes(path)) await gate;
    return original.call(window, input, init);
  };
  return () => {
    window.fetch = original;
    release();
  };
}

async function survey(canvas: HTMLElement): Promise<DvcSatisfactionSurvey> {
  const el = canvas.querySelector('dvc-satisfaction-survey')!;
  for (let i = 0; i < 100 && !el.shadowRoot?.querySelector('form'); i++) await new Promise((r) => setTimeout(r, 50));
  return el;
}

function choose(el: DvcSatisfactionSurvey, questions: string[], value: number): void {
  for (const id of questions) el.shadowRoot!.querySelector<HTMLInputElement>(`input[name="q-${id}"][value="${value}"]`)?.click();
}

async function answerAndSend(canvas: HTMLElement): Promise<void> {
  const el = await survey(canvas);
  choose(el, ['contacts', 'agencies', 'one-stop', 'attitude', 'overall'], 2);
  await el.updateComplete;
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit-button"]')!.click();
}

/** The form is on its way (the request is held while the story is shown). */
export const Loading: Story = {
  beforeEach: () => holdRequests('/surveys/form'),
};

/** The regulation's evaluation for a decided dossier: native radio groups, a limited comment. */
export const Form: Story = {};

/** Sent with required answers missing: the error summary takes focus and links to each question. */
export const ValidationErrors: Story = {
  play: async ({ canvasElement }) => {
    const el = await survey(canvasElement);
    choose(el, ['agencies'], 2);
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit-button"]')!.click();
  },
};

/** Sending: the button says so and stays focusable (aria-disabled); a second press sends nothing. */
export const Submitting: Story = {
  loaders: [async () => ({ dossier: await decidedDossier() })],
  beforeEach: () => holdRequests('/surveys/responses'),
  play: async ({ canvasElement }) => answerAndSend(canvasElement),
};

/** Stored: focus moves to the thank-you. */
export const Success: Story = {
  loaders: [async () => ({ dossier: await decidedDossier() })],
  play: async ({ canvasElement }) => answerAndSend(canvasElement),
};

/** The dossier was evaluated before (409): said kindly, not as an error. */
export const AlreadyEvaluated: Story = {
  loaders: [async () => ({ dossier: await evaluatedDossier() })],
  play: async ({ canvasElement }) => answerAndSend(canvasElement),
};

/** The dossier is still being processed (409 survey_not_available): evaluate once it is decided. */
export const NotYetAvailable: Story = {
  args: PROCESSING,
  play: async ({ canvasElement }) => answerAndSend(canvasElement),
};

/** The dossier was withdrawn (409 survey_closed): closed without a result, nothing to evaluate. */
export const Closed: Story = {
  args: WITHDRAWN,
  play: async ({ canvasElement }) => answerAndSend(canvasElement),
};

/** The form cannot be loaded: a localised message and a retry. */
export const LoadError: Story = { name: 'Error', args: { apiBase: UNREACHABLE_API } };

/** Sending fails (the API went away after the form loaded): the answers stay, "Try again" resends. */
export const SendError: Story = {
  loaders: [async () => ({ dossier: await decidedDossier() })],
  play: async ({ canvasElement }) => {
    const el = await survey(canvasElement);
    el.apiBase = UNREACHABLE_API;
    await answerAndSend(canvasElement);
  },
};

/** Quick page feedback about a procedure: "Thông tin này có hữu ích không?" yes / no and a comment. */
export const PageFeedback: Story = {
  args: { mode: 'page', dossierCode: '', applicantId: '', procedureCode: '1.001193' },
};

/** Page feedback sent: the thank-you has focus. */
export const PageFeedbackThanks: Story = {
  args: { mode: 'page', dossierCode: '', applicantId: '', procedureCode: '1.001193' },
  play: async ({ canvasElement }) => {
    const el = await survey(canvasElement);
    choose(el, ['useful'], 1);
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit-button"]')!.click();
  },
};
