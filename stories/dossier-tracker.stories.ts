import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/dossier-tracker/index.ts';
import type { DvcDossierTracker } from '../packages/elements/src/dossier-tracker/dossier-tracker.ts';
import type { components as sandboxComponents } from '@dvc-kit/server/contract-types';
import { SANDBOX_API, UNREACHABLE_API, armFault } from './api.ts';

/**
 * Stories look dossiers up in the sandbox (`npm start`): the demo dossiers of the README, plus a
 * few made on the spot through `/_sandbox/dossiers`. The sandbox allows 10 lookups a minute per
 * client, as production does: clicking through every story quickly ends in the "too many requests"
 * state (restart the sandbox, or `POST /api/v1/_sandbox/reset`, to clear it).
 */
interface Args {
  apiBase: string;
  code: string;
  /** Passed as the `applicantId` property (never an attribute); empty: the form asks for it. */
  applicantId: string;
}

const meta: Meta<Args> = {
  title: 'Widgets/Dossier tracker',
  component: 'dvc-dossier-tracker',
  args: { apiBase: SANDBOX_API, code: '', applicantId: '' },
  render: ({ apiBase, code, applicantId }, { loaded }) => html`<dvc-dossier-tracker
    api-base=${apiBase}
    code=${(loaded as Loaded).code ?? code}
    .applicantId=${applicantId || undefined}
  ></dvc-dossier-tracker>`,
};
export default meta;

type Story = StoryObj<Args>;
type Loaded = { code?: string };

const widget = (canvas: HTMLElement) => canvas.querySelector<DvcDossierTracker>('dvc-dossier-tracker')!;

/** Presses "Look up", as the citizen would. */
async function submit({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  const el = widget(canvasElement);
  await el.updateComplete;
  await el.lookup();
}

/** A demo dossier from the README table, looked up at once. */
function demo(n: number): Story {
  const suffix = String(n).padStart(2, '0');
  return {
    args: { code: `000.00.15.H26-261102-00${suffix}`, applicantId: `0010990000${suffix}` },
    play: submit,
  };
}

/** A dossier made in the sandbox for the story (a made-up applicant), then looked up. */
function made(input: Omit<sandboxComponents['schemas']['SandboxDossierInput'], 'procedureCode' | 'applicantId'>): Story {
  const applicantId = '079203001234';
  return {
    args: { applicantId },
    loaders: [
      async (): Promise<Loaded> => {
        const response = await fetch(`${SANDBOX_API}/_sandbox/dossiers`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ procedureCode: '3.000333', applicantId, ...input }),
        }).catch(() => undefined);
        return response?.ok ? { code: ((await response.json()) as { code: string }).code } : {};
      },
    ],
    play: submit,
  };
}

// ---------- states of the form ----------

/** Nothing entered yet: the code with its format, and the 12-digit identity number. */
export const Initial: Story = {};

/** The page prefills the code (`code` attribute), e.g. from a link in a notification. */
export const PrefilledCode: Story = { args: { code: '000.00.15.H26-261102-0004' } };

/** A signed-in page passes `applicantId` as a property: the form asks for the code only. */
export const SignedIn: Story = { args: { applicantId: '001099000004' } };

/** Both fields wrong: messages next to the fields and a focused error summary at the top. */
export const ValidationErrors: Story = {
  args: { code: 'HS-2025-42' },
  play: async ({ canvasElement }) => {
    const el = widget(canvasElement);
    await el.updateComplete;
    const id = el.shadowRoot!.querySelector<HTMLInputElement>('#applicant-id')!;
    id.value = '0010990';
    await el.lookup();
  },
};

/** Nothing entered and "Look up" pressed: "enter your …" for both fields. */
export const EmptySubmission: Story = { play: submit };

/** The answer is on its way (the sandbox holds it back; after 10 s the widget reports a timeout). */
export const Loading: Story = {
  ...demo(4),
  loaders: [() => armFault({ operationId: 'lookupDossier', kind: 'delay', delayMs: 30_000 })],
};

/** No dossier matches: an unknown code and a wrong identity number read exactly alike. */
export const NotFound: Story = {
  args: { code: '000.00.15.H26-261102-9999', applicantId: '001099000004' },
  play: submit,
};

/** Too many lookups: the API answers 429 and the widget says how long to wait. */
export const RateLimited: Story = {
  ...demo(4),
  loaders: [() => armFault({ operationId: 'lookupDossier', kind: 'status', status: 429, retryAfter: 42 })],
};

/** The API cannot be reached: a localised message and "Try again", keeping what was typed. */
export const NetworkError: Story = { ...demo(4), args: { ...demo(4).args, apiBase: UNREACHABLE_API } };

/** The API answers 503: "temporarily unavailable", with "Try again". */
export const ServiceUnavailable: Story = {
  ...demo(4),
  loaders: [() => armFault({ operationId: 'lookupDossier', kind: 'status', status: 503 })],
};

// ---------- the ten statuses ----------

/** 1 Submitted online (mới đăng ký). */
export const Submitted: Story = demo(1);
/** 2 Received (được tiếp nhận). */
export const Received: Story = demo(2);
/** 3 Not accepted (không được tiếp nhận): no timeliness. */
export const Rejected: Story = demo(3);
/** 4 Being processed, on schedule. */
export const Processing: Story = demo(4);
/** 5 More documents needed: the documents asked for; the clock is paused. */
export const SupplementRequested: Story = demo(5);
/** 6 Payment due: the charge and a "Pay" button (fires `dvc-payment-requested`). */
export const PaymentDue: Story = demo(6);
/** 7 Withdrawn by the applicant. */
export const Withdrawn: Story = demo(7);
/** 8 Processing stopped. */
export const Stopped: Story = demo(8);
/** 9 Decided, with "Evaluate" (fires `dvc-survey-requested`). */
export const Decided: Story = demo(9);
/** 10 Result delivered. */
export const ResultDelivered: Story = demo(10);

// ---------- timeliness ----------

/** Still processing three working days after the due date: "Quá hạn 3 ngày làm việc". */
export const Overdue: Story = demo(11);

/** Overdue, with the agency's apology, its reason and the new date. */
export const OverdueWithApology: Story = demo(12);

/** Finished before the due date, counted in working days. */
export const FinishedEarly: Story = demo(9);

/** Finished on the due date. */
export const FinishedOnTime: Story = demo(10);

/** Finished two working days late. */
export const FinishedLate: Story = demo(13);

/** Due Friday 13 Feb 2026, finished Monday 23 Feb after Tết: one working day late, not ten days. */
export const LateAcrossTet: Story = made({
  status: 'result-delivered',
  receivedAt: '2026-02-02T09:00:00+07:00',
  dueAt: '2026-02-13T17:00:00+07:00',
  completedAt: '2026-02-23T10:00:00+07:00',
});

/** Due Friday 17:00, finished Monday 10:00: the weekend does not count, one working day late. */
export const LateAcrossWeekend: Story = made({
  status: 'result-delivered',
  receivedAt: '2025-07-07T09:00:00+07:00',
  dueAt: '2025-07-18T17:00:00+07:00',
  completedAt: '2025-07-21T10:00:00+07:00',
});

/** A charge (phí) and a fee (lệ phí) to pay, with the total. */
export const ChargeAndFee: Story = demo(14);
