/**
 * The flow of <dvc-payment>: which state the widget is in and every request that moves it on —
 * looking the dossier up, creating the payment (once, by its Idempotency-Key), sending the payer to
 * the gateway, and asking for the result on the way back (polling while the gateway has not
 * answered). The element only wires properties and views to it.
 *
 * One flow runs at a time, through the kit's RequestController: a newer one (or the widget leaving
 * the page) aborts the older one, whose answers are then dropped.
 */
import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import { DvcApiError, type Dossier, type DvcClient, type Payment } from '@dvc-kit/sdk';
import { checkApplicantId, normaliseApplicantId, reverifyMessage, usableApplicantId } from '../shared/applicant-id.ts';
import { accessExpired, accessFor, forgetAccess, holdsProof, isAccessRefused, rememberAccess } from '../shared/dossier-access.ts';
import type { DvcEventDetailMap, EmitOptions } from '../shared/dvc-element.ts';
import { formatVnd, getLocale } from '../shared/locale.ts';
import { payInPersonMessage } from '../shared/pay-in-person.ts';
import { overpaidMessage, paidBeforeMessage } from '../shared/paid-before.ts';
import { RequestController } from '../shared/request-controller.ts';
import { DOSSIER_CLOSED, failureReason, SUPERSEDED } from './labels.ts';
import { DEFAULT_SCHEDULE, pollPayment, type PollSchedule } from './payment-poller.ts';
import { PaymentSession } from './payment-session.ts';
import { cleanAddressBar, readReturnReference, safeHttpUrl, withoutGatewayParams } from './return-params.ts';
import type { DueNotice, PaymentState } from './state.ts';
import './translations.ts';

/** What the flow needs from the element. */
export interface PaymentFlowHost extends ReactiveControllerHost, HTMLElement {
  readonly dossierCode: string;
  /** The page's identity number (a property), when it set one. */
  readonly applicantId: string | undefined;
  /** The `return-url` attribute ('' for this page). */
  readonly returnUrl: string;
  /** Seconds to keep asking for a pending payment's result. */
  readonly statusTimeout: number;
}

export interface PaymentFlowOptions {
  client(): Promise<DvcClient>;
  /** Sends the browser to the gateway. */
  navigate(url: string): void;
  emit<K extends keyof DvcEventDetailMap>(type: K, detail: DvcEventDetailMap[K], options?: EmitOptions): boolean;
  /** Moves focus to the new state's heading (or to the error summary) after the next render. */
  focus(target: 'heading' | 'error-summary'): void;
  /** Brings the widget into view (the page may keep it hidden until needed). */
  reveal(): void;
  /** Takes the dossier of a payment the gateway sent the payer back with (the widget had none). */
  adoptDossier(dossierCode: string): void;
}

type Due = Extract<PaymentState, { kind: 'due' }>;

/** What proves the payer may pay: the identity number, or the token of a lookup made before. */
type Proof = { applicantId: string } | { dossierToken: string };

function accessToken(dossierCode: string): Proof | undefined {
  const access = accessFor(dossierCode);
  return access ? { dossierToken: access.token } : undefined;
}
type Flow = (signal: AbortSignal) => Promise<void>;

export class PaymentFlow implements ReactiveController {
  readonly #host: PaymentFlowHost;
  readonly #options: PaymentFlowOptions;
  readonly #session = new PaymentSession();
  readonly #flows: RequestController<Flow, void>;

  /** The state shown. */
  view: PaymentState = { kind: 'idle' };

  /**
   * Whether the view shows what only the payer's proof opens: the dossier's fees (a payment's outcome
   * is shown by the payment's own address, which a bank's app may open in a tab with no proof).
   */
  get showsDossier(): boolean {
    return ['due', 'already-paid', 'nothing-due', 'redirecting', 'started'].includes(this.view.kind);
  }
  /** What the live region says, made at render time so it follows the page's language. */
  announcement: (() => string) | undefined;
  /** The payment method chosen. */
  method = '';
  /** The dossier `method` was chosen for: another dossier shown on the same page has its own. */
  #methodOf = '';

  /** The identity number the payer typed, in memory only, until the payment is done. */
  #typedApplicantId: string | undefined;
  /** The payment being created: a second click joins it instead of sending another request. */
  #paying: Promise<void> | undefined;
  /** Focus follows state changes only after the payer acted (or came back from the gateway). */
  #interacted = false;
  /** Left the page in the middle of a request: start again when back. */
  #interrupted = false;

  constructor(host: PaymentFlowHost, options: PaymentFlowOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
    this.#flows = new RequestController(host, (flow, signal) => flow(signal));
  }

  hostConnected(): void {
    window.addEventListener('pageshow', this.#onPageShow);
    if (this.#interrupted) {
      this.#interrupted = false;
      this.start();
    }
  }

  /**
   * Back from the gateway with the browser's Back button, the page comes out of the back-forward
   * cache as it was left: "Taking you to the payment gateway…", for good. Start again from what
   * the server knows now: paid, or still due (the payment started there goes on when paid).
   */
  readonly #onPageShow = (event: PageTransitionEvent): void => {
    // A dossier the tab has let go of since ("Look up another" on a later page) is not started
    // again: the widget lets it go (shared/forgotten-dossier.ts).
    if (event.persisted && this.view.kind === 'redirecting' && holdsProof(this.#host.dossierCode)) this.start();
  };

  hostDisconnected(): void {
    window.removeEventListener('pageshow', this.#onPageShow);
    const view = this.view;
    const midRequest = view.kind === 'loading' || view.kind === 'checking'
      || ((view.kind === 'ask' || view.kind === 'due') && view.busy);
    // The running flow is aborted (RequestController); a payment request already sent is found
    // again by its key.
    if (midRequest) this.#interrupted = true;
    this.#paying = undefined;
  }

  // ---------- what the element calls ----------

  /** Where to begin: back from the gateway, back after a reload mid-payment, or from the start. */
  start(): void {
    // Prerendered (on the server) there is no address: the first view is what shows.
    const ref = isServer ? undefined : readReturnReference(location.href);
    if (!this.#host.dossierCode) {
      if (ref) {
        // Back from the gateway in a tab that did not start the payment (a banking app opens the
        // return address in a new one): the payment names its dossier.
        this.#interacted = true;
        this.#run((signal) => this.#adopt(ref, signal));
        return;
      }
      this.#flows.reset();
      // No dossier (the tracker beside it let the last one go, say): focus stays where the citizen is.
      this.#update({ kind: 'idle' });
      // Nothing left in the live region of a dossier let go ("To pay: …" of the last person).
      this.#announce(undefined);
      return;
    }
    if (ref) {
      // The payer is back from the gateway: the result is what this page is for now.
      this.#interacted = true;
      this.#run((signal) => this.#check(ref, 'return', signal));
      return;
    }
    const remembered = this.#session.read(this.#host.dossierCode)?.paymentId;
    if (remembered) {
      this.#run((signal) => this.#resume(remembered, signal));
      return;
    }
    this.#run((signal) => this.#lookupOrAsk(signal));
  }

  async #adopt(paymentId: string, signal: AbortSignal): Promise<void> {
    this.#setView({ kind: 'checking', paymentId });
    this.#announce(() => msg('Checking your payment…'));
    try {
      const payment = await (await this.#options.client()).payments.get(paymentId, { signal });
      if (signal.aborted) return;
      // The widget starts again for that dossier, and shows this payment's result.
      this.#options.adoptDossier(payment.dossierCode);
    } catch (error) {
      if (signal.aborted) return;
      if (error instanceof DvcApiError && !error.retryable) {
        // Not a payment the API knows: the parameters were only a hint.
        cleanAddressBar();
        this.#update({ kind: 'idle' });
        this.#announce(undefined);
        return;
      }
      // A payment that may well be this payer's, its result not known: shown, with "Check again".
      this.#options.reveal();
      this.#showUnknown(paymentId, error);
    }
  }

  /** The dossier the payer was paying for when they left for the gateway, read back on return. */
  returningDossier(): string | undefined {
    const ref = readReturnReference(location.href);
    return ref ? this.#session.dossierOfPayment(ref) : undefined;
  }

  /** The tracker handed a dossier over: the payer acted, so focus follows the states from here. */
  handedOver(): void {
    this.#interacted = true;
  }

  /** Another dossier: what was typed for the last one is forgotten. */
  dossierChanged(): void {
    this.#typedApplicantId = undefined;
    this.start();
  }

  /** The page set the identity number while the widget was asking for it (or had failed without it). */
  applicantIdChanged(): void {
    const waiting = (this.view.kind === 'ask' && !this.view.busy) || this.view.kind === 'lookup-error';
    if (waiting && usableApplicantId(this.#host.applicantId)) this.start();
  }

  /** The identity number typed in the form. */
  submitApplicantId(raw: string): void {
    if (this.view.kind === 'ask' && this.view.busy) return;
    this.#interacted = true;
    const id = normaliseApplicantId(raw);
    const problem = checkApplicantId(id);
    if (problem) {
      this.#flows.reset();
      this.#updateAsk({ busy: false, problem });
      this.#options.focus('error-summary');
      return;
    }
    this.#run((signal) => this.#lookup(id, signal, { typed: true }));
  }

  /** Pays what is shown; a second press while the first is on its way joins it. */
  pay(): Promise<void> {
    if (this.#paying) return this.#paying;
    this.#interacted = true;
    const paying = this.#payNow().finally(() => {
      if (this.#paying === paying) this.#paying = undefined;
    });
    this.#paying = paying;
    return paying;
  }

  chooseMethod(id: string): void {
    this.method = id;
    if (this.#host.dossierCode) this.#session.chooseMethod(this.#host.dossierCode, id);
    this.#host.requestUpdate();
  }

  retryLookup(): void {
    this.#interacted = true;
    this.#run((signal) => this.#lookupOrAsk(signal));
  }

  payAgain(): void {
    this.#interacted = true;
    // The finished attempt's key must not be re-used: the next payment is a new one.
    this.#session.forget(this.#host.dossierCode);
    this.#run((signal) => this.#lookupOrAsk(signal));
  }

  /**
   * Asks the API for the result of a payment and shows it: by default the payment this tab started
   * for the dossier.
   */
  checkPayment(paymentId?: string): Promise<void> {
    const view = this.view;
    const id = paymentId
      ?? (view.kind === 'started' ? view.payment.id : view.kind === 'unknown' ? view.paymentId : undefined)
      ?? this.#session.read(this.#host.dossierCode)?.paymentId;
    if (!id) return Promise.resolve();
    this.#interacted = true;
    if (!this.#host.dossierCode) return this.#run((signal) => this.#adopt(id, signal));
    return this.#run((signal) => this.#check(id, 'manual', signal));
  }

  /** "Open the payment gateway again" after the page took the gateway over. */
  reopenGateway(): void {
    const view = this.view;
    if (view.kind !== 'started') return;
    this.#interacted = true;
    this.#openGateway(view.payment, view.url);
  }

  // ---------- flows ----------

  #run(flow: Flow): Promise<void> {
    this.#paying = undefined;
    return this.#flows.run(flow);
  }

  get #applicantIdInEffect(): string | undefined {
    return usableApplicantId(this.#host.applicantId) ?? this.#typedApplicantId;
  }

  async #lookupOrAsk(signal: AbortSignal): Promise<void> {
    const applicantId = this.#applicantIdInEffect;
    if (applicantId) {
      await this.#lookup(applicantId, signal);
      return;
    }
    const access = accessFor(this.#host.dossierCode);
    if (access) {
      await this.#read(access.token, signal);
      return;
    }
    const reverify = accessExpired(this.#host.dossierCode);
    forgetAccess(this.#host.dossierCode);
    this.#setView(reverify ? { kind: 'ask', busy: false, reverify } : { kind: 'ask', busy: false });
  }

  /** The dossier read with the token the tracker's lookup gave: no identity number to ask for. */
  async #read(dossierToken: string, signal: AbortSignal, notice?: DueNotice): Promise<void> {
    this.#setView({ kind: 'loading' });
    this.#announce(() => msg('Looking up what you need to pay…'));
    let dossier: Dossier;
    try {
      dossier = await (await this.#options.client()).dossiers.get(this.#host.dossierCode, { dossierToken, signal });
    } catch (error) {
      if (signal.aborted) return;
      this.#announce(undefined);
      if (this.#tokenRefused(error)) return;
      this.#setView({ kind: 'lookup-error', error });
      return;
    }
    if (signal.aborted) return;
    this.#showDossier(dossier, notice);
  }

  /**
   * The API no longer takes the token (expired, or not this dossier's): forget it and ask for the
   * identity number again, saying why. True when that was the error.
   */
  #tokenRefused(error: unknown): boolean {
    if (!isAccessRefused(error)) return false;
    forgetAccess(this.#host.dossierCode);
    this.#setView({ kind: 'ask', busy: false, reverify: true });
    // In place of "Starting the payment…", which would otherwise stay said.
    this.#announce(reverifyMessage);
    return true;
  }

  async #lookup(applicantId: string, signal: AbortSignal, options: { notice?: DueNotice | undefined; typed?: boolean } = {}): Promise<void> {
    const fromForm = options.typed === true;
    if (fromForm) this.#updateAsk({ busy: true });
    else this.#setView({ kind: 'loading' });
    this.#announce(() => msg('Looking up what you need to pay…'));
    let dossier: Dossier;
    try {
      dossier = await (await this.#options.client()).dossiers.lookup({ code: this.#host.dossierCode, applicantId }, { signal });
    } catch (error) {
      if (signal.aborted) return;
      this.#announce(undefined);
      if (!fromForm) {
        this.#setView({ kind: 'lookup-error', error });
      } else if (error instanceof DvcApiError && error.code === 'dossier_not_found') {
        // Only the number can be wrong here (the page gave the code): say so next to it.
        this.#updateAsk({ busy: false, problem: 'not-found' });
        this.#options.focus('error-summary');
      } else {
        this.#updateAsk({ busy: false, error });
      }
      return;
    }
    if (signal.aborted) return;
    if (fromForm) this.#typedApplicantId = applicantId;
    // Proved once: the survey (here or on another page) need not ask again.
    if (dossier.access) rememberAccess(dossier.code, dossier.access);
    this.#showDossier(dossier, options.notice);
  }

  #showDossier(dossier: Dossier, notice?: DueNotice): void {
    const payment = dossier.payment;
    const code = this.#host.dossierCode;
    if (!payment) {
      this.#setView({ kind: 'nothing-due', refunded: false });
      this.#announce(() => msg('Nothing to pay.'));
      return;
    }
    if (payment.state === 'paid') {
      this.#session.forget(code);
      this.#setView({ kind: 'already-paid', dossier, payment });
      this.#announce(() => msg('This dossier is already paid.'));
      return;
    }
    if (payment.state === 'refunded' || dossier.status !== 'payment-due' || payment.total <= 0 || payment.lines.length === 0) {
      this.#setView({ kind: 'nothing-due', refunded: payment.state === 'refunded' });
      this.#announce(() => msg('Nothing to pay.'));
      return;
    }
    const attempt = this.#session.read(code);
    // That attempt is over: the next one needs a new key.
    if ((payment.state === 'failed' || payment.state === 'cancelled') && attempt?.paymentId === payment.paymentId) {
      this.#session.forget(code);
    }
    // "The amount has changed" only when it has (a refusal for another reason re-reads the dossier too).
    const changed = notice?.kind === 'amount-changed' && notice.previousTotal === payment.total ? undefined : notice;
    const shown: DueNotice | undefined = changed ?? (
      payment.state === 'pending' ? { kind: 'pending' }
      : payment.state === 'failed' ? { kind: 'failed-before' }
      : payment.state === 'cancelled' ? { kind: 'cancelled-before' }
      : undefined);
    if (this.#methodOf !== code || !payment.methods.some((m) => m.id === this.method)) {
      // The citizen's last choice for this dossier (a reload or a dropped tab must not change it
      // unseen), else the method of an unfinished attempt, so continuing it re-uses its key.
      const remembered = [this.#session.chosenMethod(code), this.#session.read(code)?.method];
      this.method = remembered.find((id) => payment.methods.some((m) => m.id === id)) ?? payment.methods[0]?.id ?? '';
      this.#methodOf = code;
    }
    this.#setView({ kind: 'due', dossier, payment, busy: false, ...(shown ? { notice: shown } : {}) });
    this.#announce(() => {
      const before = paidBeforeMessage(payment);
      const amount = shown?.kind === 'amount-changed'
        ? msg(str`The amount to pay has changed. It is now ${formatVnd(payment.total)}.`)
        : before ? msg(str`Left to pay: ${formatVnd(payment.total)}.`) : msg(str`To pay: ${formatVnd(payment.total)}.`);
      // Paid before: why it is asked again, before the amount; paid beyond a lowered line, after it.
      const due = [before, amount, overpaidMessage(payment)].filter(Boolean).join(' ');
      // No pay button to find: where to pay is said with the amount.
      return payment.methods.length === 0 ? `${due} ${payInPersonMessage()}` : due;
    });
  }

  /** After a reload: the payment this tab started may have been paid (a lost return) meanwhile. */
  async #resume(paymentId: string, signal: AbortSignal): Promise<void> {
    this.#setView({ kind: 'loading' });
    try {
      const payment = await (await this.#options.client()).payments.get(paymentId, { signal });
      if (signal.aborted) return;
      if (payment.dossierCode === this.#host.dossierCode && payment.state === 'paid') {
        this.#showOutcome(payment);
        return;
      }
    } catch {
      if (signal.aborted) return;
      // The lookup below tells the state anyway.
    }
    await this.#lookupOrAsk(signal);
  }

  async #payNow(): Promise<void> {
    const view = this.view;
    if (view.kind !== 'due') return;
    const applicantId = this.#applicantIdInEffect;
    const proof: Proof | undefined = applicantId ? { applicantId } : accessToken(this.#host.dossierCode);
    if (!proof) {
      this.#setView({ kind: 'ask', busy: false });
      return;
    }
    await this.#flows.run((signal) => this.#create(view, proof, signal));
  }

  /** Looks the dossier up again with the same proof (after the amount changed, say). */
  #again(proof: Proof, signal: AbortSignal, notice?: DueNotice): Promise<void> {
    return 'applicantId' in proof ? this.#lookup(proof.applicantId, signal, { notice }) : this.#read(proof.dossierToken, signal, notice);
  }

  async #create(view: Due, proof: Proof, signal: AbortSignal): Promise<void> {
    const code = this.#host.dossierCode;
    const total = view.payment.total;
    const method = view.payment.methods.length > 0 ? this.method || view.payment.methods[0]!.id : null;
    this.#update({ ...view, busy: true, error: undefined });
    this.#announce(() => msg('Starting the payment…'));

    let attempt = this.#session.attemptFor(code, total, method);
    for (let tries = 0; ; tries++) {
      let payment: Payment;
      try {
        // The gateway's pages speak the page's language too.
        const request = {
          dossierCode: code, returnUrl: this.#returnAddress(), expectedAmount: total, language: getLocale(), ...(method ? { method } : {}),
        };
        const client = await this.#options.client();
        payment = 'applicantId' in proof
          ? await client.payments.create({ ...request, applicantId: proof.applicantId }, { idempotencyKey: attempt.idempotencyKey, signal })
          : await client.payments.create(request, { idempotencyKey: attempt.idempotencyKey, signal, dossierToken: proof.dossierToken });
      } catch (error) {
        if (signal.aborted) return;
        if (this.#tokenRefused(error)) return;
        if (error instanceof DvcApiError) {
          switch (error.code) {
            case 'payment_amount_changed':
              // The payer never pays an amount they did not see: show the new one, ask again.
              this.#session.forget(code);
              await this.#again(proof, signal, { kind: 'amount-changed', previousTotal: total });
              return;
            case 'payment_already_paid':
            case 'payment_not_due':
            case 'payments_not_offered':
              // Read the dossier again: it says what is due now and, with no method, where to pay
              // instead; should the amount have changed too, that is said (showDossier checks).
              this.#session.forget(code);
              await this.#again(proof, signal, { kind: 'amount-changed', previousTotal: total });
              return;
            case 'idempotency_key_reused':
              // The key was used with other details (another return URL, say): a new attempt; the
              // API still finds an open payment of this dossier rather than making a second.
              if (tries === 0) {
                this.#session.forget(code);
                attempt = this.#session.attemptFor(code, total, method);
                continue;
              }
              break;
            default:
              break;
          }
        }
        // The connection or the server: "Try again" re-uses the same key, so a request that did
        // reach the server finds its payment instead of making another.
        this.#update({ ...view, busy: false, error });
        this.#announce(undefined);
        return;
      }
      if (signal.aborted) return;
      if (payment.state === 'pending') {
        this.#toGateway(payment, view);
        return;
      }
      if (payment.state === 'paid') {
        this.#showOutcome(payment);
        return;
      }
      // The key's payment is finished (failed, cancelled): one new attempt, then show what happened.
      this.#session.forget(code);
      if (tries === 0) {
        attempt = this.#session.attemptFor(code, total, method);
        continue;
      }
      this.#showOutcome(payment);
      return;
    }
  }

  #toGateway(payment: Payment, due: Due): void {
    const url = safeHttpUrl(payment.redirectUrl);
    if (!url) {
      this.#update({ ...due, busy: false, error: new Error('The payment has no gateway address.') });
      return;
    }
    this.#session.rememberPayment(this.#host.dossierCode, payment.id);
    this.#openGateway(payment, url);
  }

  #openGateway(payment: Payment, url: string): void {
    const proceed = this.#options.emit('dvc-payment-started', { paymentId: payment.id }, { cancelable: true });
    if (!proceed) {
      this.#setView({ kind: 'started', payment, url });
      this.#announce(() => msg('Payment started. Complete it on the payment gateway.'));
      return;
    }
    this.#setView({ kind: 'redirecting', payment, url });
    this.#announce(() => msg('Taking you to the payment gateway…'));
    this.#options.navigate(url);
  }

  /** Asks for a payment's result, polling while it is pending, and shows it. */
  async #check(paymentId: string, source: 'return' | 'manual', signal: AbortSignal): Promise<void> {
    this.#setView({ kind: 'checking', paymentId });
    this.#announce(() => msg('Checking your payment…'));
    // Back from the gateway with this tab's own payment: shown at once, whatever the API then
    // answers (a citizen who has just paid must never meet a page with nothing on it).
    const ours = source === 'return' && this.#session.dossierOfPayment(paymentId) === this.#host.dossierCode;
    if (ours) this.#options.reveal();
    let client: DvcClient;
    let first: Payment;
    try {
      client = await this.#options.client();
      first = await client.payments.get(paymentId, { signal });
    } catch (error) {
      if (signal.aborted) return;
      if (error instanceof DvcApiError && !error.retryable) {
        // Not a payment the API knows: the reference was only a hint.
        if (source === 'return') cleanAddressBar();
        await this.#lookupOrAsk(signal);
        return;
      }
      this.#showUnknown(paymentId, error);
      return;
    }
    if (signal.aborted) return;
    if (first.dossierCode !== this.#host.dossierCode) {
      // Another dossier's payment (another widget on this page may own it): leave its parameters.
      await this.#lookupOrAsk(signal);
      return;
    }
    // The gateway's answer naming this payment leaves the address bar: on return, or once "Check
    // again" has the word of it the return could not have (the API was away).
    if (readReturnReference(location.href) === paymentId) cleanAddressBar();
    if (source === 'return' && !ours) this.#options.reveal();
    const result = await pollPayment((pollSignal) => client.payments.get(paymentId, { signal: pollSignal }), signal, this.#schedule, first);
    if (!result || signal.aborted) return;
    if (!result.settled) {
      this.#showUnknown(paymentId, result.error);
      return;
    }
    // Asked again by the payer: the outcome is held in view as on return, while the tracker above
    // reads the dossier again (a failure there, now a whole dossier, would push it off the screen).
    if (source === 'manual') this.#options.reveal();
    this.#showOutcome(result.payment);
  }

  get #schedule(): PollSchedule {
    const timeout = this.#host.statusTimeout;
    const seconds = Number.isFinite(timeout) && timeout > 0 ? timeout : DEFAULT_SCHEDULE.budgetMs / 1000;
    return { ...DEFAULT_SCHEDULE, budgetMs: seconds * 1000 };
  }

  #showUnknown(paymentId: string, error: unknown): void {
    this.#setView({ kind: 'unknown', paymentId, ...(error === undefined ? {} : { error }) });
    this.#announce(() => msg('The result of your payment is not known yet.'));
  }

  #showOutcome(payment: Payment): void {
    const code = this.#host.dossierCode;
    switch (payment.state) {
      case 'paid':
        this.#session.forget(code);
        // The number has done its job.
        this.#typedApplicantId = undefined;
        this.#setView({ kind: 'paid', payment });
        this.#announce(() => msg('Payment successful. Your receipts are ready.'));
        this.#options.emit('dvc-payment-succeeded', { paymentId: payment.id, receiptNumbers: payment.receipts.map((r) => r.number) });
        return;
      case 'failed':
        this.#session.forget(code);
        this.#setView({ kind: 'failed', payment });
        this.#announce(() => `${msg('Payment failed.')} ${failureReason(payment.failureCode)}`);
        this.#options.emit('dvc-payment-failed', { paymentId: payment.id, code: payment.failureCode || 'failed' });
        return;
      case 'cancelled':
        this.#session.forget(code);
        this.#setView({ kind: 'cancelled', payment });
        this.#announce(() => (payment.failureCode === SUPERSEDED ? msg('Payment replaced.')
          : payment.failureCode === DOSSIER_CLOSED ? msg('Payment closed.') : msg('Payment cancelled.')));
        return;
      case 'refunded':
        this.#session.forget(code);
        this.#setView({ kind: 'nothing-due', refunded: true });
        this.#announce(() => msg('Nothing to pay.'));
        return;
      default:
        this.#showUnknown(payment.id, undefined);
    }
  }

  #returnAddress(): string {
    const own = this.#host.returnUrl.trim();
    return own ? new URL(own, document.baseURI).href : withoutGatewayParams(location.href);
  }

  /** A new state: its heading takes focus once the payer has acted. */
  #setView(view: PaymentState): void {
    this.#update(view);
    if (this.#interacted) this.#options.focus('heading');
  }

  /** The same state, changed (busy, an error under the form): focus stays where it is. */
  #update(view: PaymentState): void {
    this.view = view;
    this.#host.requestUpdate();
  }

  /** The identity-number form, changed: why the number is asked for again, when it is, stays said. */
  #updateAsk(change: Omit<Extract<PaymentState, { kind: 'ask' }>, 'kind' | 'reverify'>): void {
    const reverify = this.view.kind === 'ask' && this.view.reverify === true;
    this.#update({ kind: 'ask', ...change, ...(reverify ? { reverify } : {}) });
  }

  #announce(text: (() => string) | undefined): void {
    this.announcement = text;
    this.#host.requestUpdate();
  }
}
