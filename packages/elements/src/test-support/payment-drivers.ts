/**
 * Helpers for <dvc-payment>'s browser tests: the real sandbox (reset, dossiers, faults), the
 * sandbox's simulated gateway driven by fetch as a payer would drive its page, the return to the
 * widget's page, and spies on what the widget sends. Imported by tests only (never by the element).
 */
import { fixture, html, waitUntil } from '@open-wc/testing';
import { createDvcClient, type components, type Dossier, type Payment } from '@dvc-kit/sdk';
import type { components as sandboxComponents } from '@dvc-kit/server/contract-types';
import { sandboxUrl } from './axe.ts';
import '../payment/index.ts';
import type { DvcPayment } from '../payment/payment.ts';
import type { PaymentStateKind } from '../payment/state.ts';

export type FeeLine = components['schemas']['PaymentLine'];

export const ONE_CHARGE: FeeLine[] = [{ kind: 'charge', description: 'Phí cung cấp thông tin lý lịch tư pháp', amount: 200_000 }];
export const TWO_KINDS: FeeLine[] = [
  ...ONE_CHARGE,
  { kind: 'fee', description: 'Lệ phí cấp bản sao Phiếu lý lịch tư pháp (2 bản)', amount: 10_000 },
];
/** Made-up identity numbers: never a real person's. */
export const APPLICANT = '001200000123';

export const api = (): string => sandboxUrl();
export const sdk = () => createDvcClient({ baseUrl: api(), retry: false });

export async function sandbox(path: string, body?: unknown): Promise<Response> {
  const response = await fetch(`${api()}${path}`, {
    method: 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response;
}

/** A fresh payment-due dossier of its own (criminal record certificate), owing `fees`. */
export async function createDossier(
  fees: FeeLine[] = TWO_KINDS, status: components['schemas']['DossierStatus'] = 'payment-due', applicantId = APPLICANT,
): Promise<string> {
  const input: sandboxComponents['schemas']['SandboxDossierInput'] = { procedureCode: '3.000333', applicantId, status, fees };
  const response = await sandbox('/_sandbox/dossiers', input);
  return ((await response.json()) as Dossier).code;
}

/** The agency revises what the dossier owes (sandbox-only status change with `fees`). */
export async function reviseFees(code: string, fees: FeeLine[]): Promise<void> {
  const change: sandboxComponents['schemas']['SandboxStatusChange'] = { status: 'payment-due', fees };
  await sandbox(`/_sandbox/dossiers/${encodeURIComponent(code)}/status`, change);
}

/**
 * A dossier owing ONE_CHARGE, paid in full at the sandbox's gateway, whose agency then asks for a
 * further fee (`more`): what is left to pay is `more`, and the charge was paid before.
 */
export async function paidThenAskedMore(more: FeeLine, applicantId = APPLICANT): Promise<{ code: string; paymentId: string }> {
  const code = await createDossier(ONE_CHARGE, 'payment-due', applicantId);
  const paid = await sdk().payments.create({ dossierCode: code, applicantId, returnUrl: `${api()}/health`, expectedAmount: 200_000 });
  await completeAtGateway(paid.id, 'success');
  await reviseFees(code, [...ONE_CHARGE, more]);
  return { code, paymentId: paid.id };
}

export async function armFault(fault: sandboxComponents['schemas']['SandboxFault']): Promise<void> {
  await sandbox('/_sandbox/faults', fault);
}

export const lookup = (code: string, applicantId = APPLICANT): Promise<Dossier> => sdk().dossiers.lookup({ code, applicantId });
export const getPayment = (id: string): Promise<Payment> => sdk().payments.get(id);

export type Outcome = 'success' | 'failure' | 'cancel' | 'return-lost';

/**
 * What the payer does on the sandbox gateway: open its page, press one of its outcome buttons.
 * Returns where the gateway sends the payer back (the return URL with the signed `vnp_*`
 * parameters), or null for "return lost" (no redirect). The widget's return URL must be on the
 * sandbox origin (e.g. `{api}/health`) so the 303 can be followed and read across origins.
 */
export async function completeAtGateway(paymentId: string, outcome: Outcome, gatewayUrl?: string): Promise<URL | null> {
  // A gateway page opened before the payment was closed here is given as it was (closed, it has none now).
  const redirectUrl = gatewayUrl ?? (await getPayment(paymentId)).redirectUrl;
  if (!redirectUrl) throw new Error(`payment ${paymentId} has no gateway address`);
  const page = await fetch(redirectUrl);
  if (!page.ok) throw new Error(`gateway page: ${page.status}`);
  const form = new DOMParser().parseFromString(await page.text(), 'text/html').querySelector('form')!;
  const body = new URLSearchParams();
  for (const input of form.querySelectorAll<HTMLInputElement>('input[type="hidden"]')) body.set(input.name, input.value);
  body.set('scenario', outcome);
  const action = new URL(form.getAttribute('action')!, redirectUrl);
  const response = await fetch(action, { method: 'POST', body });
  if (!response.ok) throw new Error(`gateway complete: ${response.status}`);
  return outcome === 'return-lost' ? null : new URL(response.url);
}

/** As after the gateway's redirect: this page's address now carries the gateway's parameters. */
export function arriveWith(params: URLSearchParams): void {
  const url = new URL(location.href);
  for (const [name, value] of params) url.searchParams.set(name, value);
  history.replaceState(null, '', url);
}

export function gatewayParams(back: URL): URLSearchParams {
  return new URLSearchParams([...back.searchParams].filter(([name]) => name.startsWith('vnp_')));
}

export interface WidgetOptions {
  code: string;
  applicantId?: string;
  returnUrl?: string;
  statusTimeout?: number;
  apiBase?: string;
  tag?: 'dvc-payment' | 'test-dvc-payment';
}

export async function widget(options: WidgetOptions): Promise<DvcPayment> {
  const { code, applicantId, returnUrl = `${api()}/health`, statusTimeout = 45, apiBase = api(), tag = 'dvc-payment' } = options;
  const el = tag === 'dvc-payment'
    ? await fixture<DvcPayment>(html`<dvc-payment api-base=${apiBase} dossier-code=${code} return-url=${returnUrl}
        status-timeout=${statusTimeout} .applicantId=${applicantId}></dvc-payment>`)
    : await fixture<DvcPayment>(html`<test-dvc-payment api-base=${apiBase} dossier-code=${code} return-url=${returnUrl}
        status-timeout=${statusTimeout} .applicantId=${applicantId}></test-dvc-payment>`);
  return el;
}

export const $ = <T extends Element = HTMLElement>(el: DvcPayment, selector: string): T | null =>
  el.shadowRoot!.querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: DvcPayment, selector: string): T[] =>
  [...el.shadowRoot!.querySelectorAll<T>(selector)];
/** Text with every run of white space (NBSP included) as one space. */
export const text = (node: Node | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
export const stateOf = (el: DvcPayment): string | null => $(el, '[part="state"]')?.getAttribute('data-state') ?? null;
export const announcement = (el: DvcPayment): string => text($(el, '[part="announcer"]'));
export const focusedInside = (el: DvcPayment): HTMLElement | null => el.shadowRoot!.activeElement as HTMLElement | null;

export async function waitForState(el: DvcPayment, kind: PaymentStateKind, timeout = 8000): Promise<void> {
  await waitUntil(() => stateOf(el) === kind, `expected state "${kind}", still "${stateOf(el)}"`, { timeout });
  await el.updateComplete;
}

export { setLang } from './page-lang.ts';

/** Every `dvc-payment-*` event on the page; `dvc-payment-started` is cancelled while `cancelStarts`. */
export class EventLog {
  readonly events: CustomEvent[] = [];
  cancelStarts = true;
  readonly #listener = (event: Event) => {
    if (event.type === 'dvc-payment-started' && this.cancelStarts) event.preventDefault();
    this.events.push(event as CustomEvent);
  };

  constructor() {
    for (const type of ['dvc-payment-started', 'dvc-payment-succeeded', 'dvc-payment-failed']) document.addEventListener(type, this.#listener);
  }

  of<T = unknown>(type: string): CustomEvent<T>[] {
    return this.events.filter((event) => event.type === type) as CustomEvent<T>[];
  }

  dispose(): void {
    for (const type of ['dvc-payment-started', 'dvc-payment-succeeded', 'dvc-payment-failed']) document.removeEventListener(type, this.#listener);
  }
}

export interface SentRequest {
  method: string;
  url: string;
  idempotencyKey: string | null;
}

/** Records every request the page sends through fetch (the SDK reads `globalThis.fetch` per call). */
export class FetchSpy {
  readonly requests: SentRequest[] = [];
  readonly #original = window.fetch;

  constructor() {
    const original = this.#original;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(input, init);
      this.requests.push({ method: request.method, url: request.url, idempotencyKey: request.headers.get('idempotency-key') });
      return original.call(window, input, init);
    };
  }

  /** The payment creations the widget sent (retries included). */
  get paymentPosts(): SentRequest[] {
    return this.requests.filter((r) => r.method === 'POST' && new URL(r.url).pathname.endsWith('/payments'));
  }

  dispose(): void {
    window.fetch = this.#original;
  }
}

/** Clicks the pay button, waits for the page to take over (the test cancels the navigation). */
export async function pay(el: DvcPayment, log: EventLog): Promise<string> {
  const before = log.of('dvc-payment-started').length;
  $<HTMLButtonElement>(el, '[part="pay-button"]')!.click();
  await waitUntil(() => log.of('dvc-payment-started').length > before, 'no dvc-payment-started', { timeout: 8000 });
  await waitForState(el, 'started');
  return log.of<{ paymentId: string }>('dvc-payment-started').at(-1)!.detail.paymentId;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Mocha's per-test timeout, for journeys that go through the gateway. */
export function slow(context: unknown, ms = 30_000): void {
  (context as { timeout(ms: number): void }).timeout(ms);
}
