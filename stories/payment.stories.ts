import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { createDvcClient, type components } from '@dvc-kit/sdk';
import type { components as sandboxComponents } from '@dvc-kit/server/contract-types';
import '../packages/elements/src/payment/index.ts';
import { DvcPayment } from '../packages/elements/src/payment/payment.ts';
import { SANDBOX_API, UNREACHABLE_API, armFault } from './api.ts';

interface Args {
  apiBase: string;
  headingLevel: number;
  statusTimeout: number;
}

/** What a story's loader prepared in the sandbox: its own dossier, so stories never pay each other's. */
interface Prepared {
  code?: string;
  applicantId?: string;
  paymentId?: string;
  /** The page opens the gateway itself (cancels `dvc-payment-started`), so the story stays on screen. */
  pageOpensGateway?: boolean;
  tag?: 'dvc-payment' | 'story-dvc-payment';
}

type Line = components['schemas']['PaymentLine'];
type SandboxSchemas = sandboxComponents['schemas'];
const ONE_CHARGE: Line[] = [{ kind: 'charge', description: 'Phí cung cấp thông tin lý lịch tư pháp', amount: 200_000 }];
const TWO_KINDS: Line[] = [...ONE_CHARGE, { kind: 'fee', description: 'Lệ phí cấp bản sao Phiếu lý lịch tư pháp (2 bản)', amount: 10_000 }];
// Made-up identity numbers (sandbox data), never a real person's.
const APPLICANT = '001200000789';
const DEMO_NOTHING_DUE = { code: '000.00.15.H26-261102-0004', applicantId: '001099000004' };

/** Shows the redirecting state without leaving Storybook: navigation is the widget's overridable seam. */
class StoryPayment extends DvcPayment {
  protected override navigate(): void {}
}
if (!customElements.get('story-dvc-payment')) customElements.define('story-dvc-payment', StoryPayment);

const client = () => createDvcClient({ baseUrl: SANDBOX_API, retry: false });

async function post(path: string, body: unknown): Promise<Response> {
  return fetch(`${SANDBOX_API}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

async function newDossier(fees: Line[] = ONE_CHARGE): Promise<Prepared> {
  const input: SandboxSchemas['SandboxDossierInput'] = { procedureCode: '3.000333', applicantId: APPLICANT, status: 'payment-due', fees };
  const response = await post('/_sandbox/dossiers', input);
  const { code } = (await response.json()) as { code: string };
  return { code, applicantId: APPLICANT };
}

/** A payment made and taken to the gateway, where the payer chose `outcome` (or nothing yet). */
async function paidThrough(outcome: 'success' | 'failure' | 'cancel' | null, fees: Line[] = TWO_KINDS): Promise<Prepared> {
  const prepared = await newDossier(fees);
  const payment = await client().payments.create({
    dossierCode: prepared.code!, applicantId: APPLICANT, returnUrl: location.href, expectedAmount: fees.reduce((sum, l) => sum + l.amount, 0),
  });
  if (outcome && payment.redirectUrl) {
    // What the payer does on the sandbox gateway's page: press one of its outcome buttons.
    const page = new DOMParser().parseFromString(await (await fetch(payment.redirectUrl)).text(), 'text/html');
    const form = page.querySelector('form')!;
    const body = new URLSearchParams();
    for (const input of form.querySelectorAll<HTMLInputElement>('input[type="hidden"]')) body.set(input.name, input.value);
    body.set('scenario', outcome);
    // The 303 back to this page is not followed: the story shows the return itself.
    await fetch(new URL(form.getAttribute('action')!, payment.redirectUrl), { method: 'POST', body, redirect: 'manual' });
  }
  return { ...prepared, paymentId: payment.id };
}

const widget = (canvas: HTMLElement) => canvas.querySelector<DvcPayment>('dvc-payment, story-dvc-payment')!;
const inShadow = <T extends Element>(canvas: HTMLElement, selector: string) => widget(canvas).shadowRoot!.querySelector<T>(selector);

async function until(check: () => boolean, timeout = 10_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!check() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 100));
}

const state = (canvas: HTMLElement) => inShadow(canvas, '[part="state"]')?.getAttribute('data-state');

const meta: Meta<Args> = {
  title: 'Widgets/Payment',
  component: 'dvc-payment',
  args: { apiBase: SANDBOX_API, headingLevel: 2, statusTimeout: 45 },
  render: ({ apiBase, headingLevel, statusTimeout }, { loaded }) => {
    const prepared = (loaded['prepared'] ?? {}) as Prepared;
    const started = prepared.pageOpensGateway ? (event: Event) => event.preventDefault() : undefined;
    return prepared.tag === 'story-dvc-payment'
      ? html`<story-dvc-payment api-base=${apiBase} dossier-code=${prepared.code ?? nothing} heading-level=${headingLevel}
          status-timeout=${statusTimeout} .applicantId=${prepared.applicantId}></story-dvc-payment>`
      : html`<dvc-payment api-base=${apiBase} dossier-code=${prepared.code ?? nothing} heading-level=${headingLevel}
          status-timeout=${statusTimeout} .applicantId=${prepared.applicantId} @dvc-payment-started=${started}></dvc-payment>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

/** The page does not know the payer: the widget asks for the 12-digit identity number. */
export const AskForIdentityNumber: Story = {
  loaders: [async () => ({ prepared: { code: (await newDossier()).code } })],
};

/** The identity number was checked in the GOV.UK pattern: error summary (focused) and the error next to the field. */
export const IdentityNumberError: Story = {
  loaders: [async () => ({ prepared: { code: (await newDossier()).code } })],
  play: async ({ canvasElement }) => {
    await until(() => state(canvasElement) === 'ask');
    inShadow<HTMLInputElement>(canvasElement, '#applicant-id')!.value = '12345';
    inShadow<HTMLButtonElement>(canvasElement, '[part="continue-button"]')!.click();
  },
};

/** Looking up what is due (the sandbox holds the answer back for 30 s). */
export const Loading: Story = {
  loaders: [async () => {
    const prepared = await newDossier();
    await armFault({ operationId: 'lookupDossier', kind: 'delay', delayMs: 30_000 });
    return { prepared };
  }],
};

/** What is due: one charge (phí), the total, the method choice and the pay button stating the amount. */
export const WhatIsDue: Story = {
  loaders: [async () => ({ prepared: await newDossier(ONE_CHARGE) })],
};

/** A charge (phí) and a fee (lệ phí), each with its kind. */
export const ChargeAndFee: Story = {
  loaders: [async () => ({ prepared: await newDossier(TWO_KINDS) })],
};

/** The payer picks another method (native radios in a fieldset). */
export const MethodChoice: Story = {
  loaders: [async () => ({ prepared: await newDossier(TWO_KINDS) })],
  play: async ({ canvasElement }) => {
    await until(() => state(canvasElement) === 'due');
    const radio = inShadow<HTMLInputElement>(canvasElement, 'input[type="radio"][value="e-wallet"]')!;
    radio.click();
    radio.focus();
  },
};

/** "Pay" pressed: the payment is being created (the sandbox holds the answer back for 30 s). */
export const Paying: Story = {
  loaders: [async () => ({ prepared: await newDossier(TWO_KINDS) })],
  play: async ({ canvasElement }) => {
    await until(() => state(canvasElement) === 'due');
    await armFault({ operationId: 'createPayment', kind: 'delay', delayMs: 30_000 });
    inShadow<HTMLButtonElement>(canvasElement, '[part="pay-button"]')!.click();
  },
};

/** The payment is made; the browser is on its way to the gateway (navigation not performed in Storybook). */
export const Redirecting: Story = {
  loaders: [async () => ({ prepared: { ...(await newDossier(TWO_KINDS)), tag: 'story-dvc-payment' } })],
  play: async ({ canvasElement }) => {
    await until(() => state(canvasElement) === 'due');
    inShadow<HTMLButtonElement>(canvasElement, '[part="pay-button"]')!.click();
  },
};

/** The page opens the gateway itself (it cancelled `dvc-payment-started`): "complete your payment". */
export const PageOpensGateway: Story = {
  loaders: [async () => ({ prepared: { ...(await newDossier(TWO_KINDS)), pageOpensGateway: true } })],
  play: async ({ canvasElement }) => {
    await until(() => state(canvasElement) === 'due');
    inShadow<HTMLButtonElement>(canvasElement, '[part="pay-button"]')!.click();
  },
};

/** Back from the gateway with no answer yet: polling with backoff, then "not known yet" and "check again". */
export const ReturnedPending: Story = {
  args: { statusTimeout: 8 },
  loaders: [async () => ({ prepared: { ...(await paidThrough(null)), applicantId: undefined } })],
  play: async ({ canvasElement, loaded }) => widget(canvasElement).checkPayment((loaded['prepared'] as Prepared).paymentId),
};

/** Paid: e-receipt numbers per fee kind and the printable receipt (opens in a new tab). */
export const Success: Story = {
  loaders: [async () => ({ prepared: { ...(await paidThrough('success')), applicantId: undefined } })],
  play: async ({ canvasElement, loaded }) => widget(canvasElement).checkPayment((loaded['prepared'] as Prepared).paymentId),
};

/** The bank refused (not enough money): the reason, and "Pay again". */
export const Failed: Story = {
  loaders: [async () => ({ prepared: await paidThrough('failure') })],
  play: async ({ canvasElement, loaded }) => widget(canvasElement).checkPayment((loaded['prepared'] as Prepared).paymentId),
};

/** The payer cancelled on the gateway: nothing paid, "Pay again". */
export const Cancelled: Story = {
  loaders: [async () => ({ prepared: await paidThrough('cancel') })],
  play: async ({ canvasElement, loaded }) => widget(canvasElement).checkPayment((loaded['prepared'] as Prepared).paymentId),
};

/** A dossier already paid: its receipts instead of a pay button. */
export const AlreadyPaid: Story = {
  loaders: [async () => ({ prepared: await paidThrough('success') })],
};

/** The agency revised the fees after they were shown: the server refuses, the widget explains and shows the new amount. */
export const AmountChanged: Story = {
  loaders: [async () => ({ prepared: await newDossier(ONE_CHARGE) })],
  play: async ({ canvasElement, loaded }) => {
    await until(() => state(canvasElement) === 'due');
    const { code } = loaded['prepared'] as Prepared;
    const change: SandboxSchemas['SandboxStatusChange'] = {
      status: 'payment-due', fees: [{ kind: 'charge', description: 'Phí cung cấp thông tin lý lịch tư pháp', amount: 250_000 }],
    };
    await post(`/_sandbox/dossiers/${encodeURIComponent(code!)}/status`, change);
    inShadow<HTMLButtonElement>(canvasElement, '[part="pay-button"]')!.click();
  },
};

/** A dossier with nothing to pay. */
export const NothingToPay: Story = {
  loaders: [() => ({ prepared: DEMO_NOTHING_DUE })],
};

/** The API cannot be reached: a localised message and "Try again". */
export const NetworkError: Story = {
  args: { apiBase: UNREACHABLE_API },
  loaders: [() => ({ prepared: { code: '000.00.15.H26-261102-0006', applicantId: '001099000006' } })],
};
