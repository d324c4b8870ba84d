/**
 * What <dvc-payment> shows: one state at a time, each with its own heading (focused when the state
 * changes after the payer acted) and its own announcement.
 */
import type { Dossier, Payment } from '@dvc-kit/sdk';
import type { ApplicantIdProblem } from '../shared/applicant-id.ts';

export type DossierPayment = NonNullable<Dossier['payment']>;

/** Why the "what is due" view shows a note above the lines. */
export type DueNotice =
  /** The server refused the amount shown before: `previousTotal` is what the payer saw. */
  | { kind: 'amount-changed'; previousTotal: number }
  /** A payment was started and not finished: paying continues it (same payment, no second charge). */
  | { kind: 'pending' }
  | { kind: 'failed-before' }
  | { kind: 'cancelled-before' };

export type PaymentState =
  /** No dossier code: nothing to do. */
  | { kind: 'idle' }
  /**
   * The page did not give the identity number: the widget asks for it. `reverify`: the tracker's
   * proof has expired (or was refused), so it is asked again, saying why.
   */
  | { kind: 'ask'; busy: boolean; problem?: ApplicantIdProblem; error?: unknown; reverify?: boolean }
  /** Looking the dossier up (or, after a reload, the payment this tab started). */
  | { kind: 'loading' }
  /** The lookup failed: `error` says why. */
  | { kind: 'lookup-error'; error: unknown }
  /** What is due, line by line, with the method choice and the pay button. */
  | { kind: 'due'; dossier: Dossier; payment: DossierPayment; busy: boolean; notice?: DueNotice; error?: unknown }
  /** The payment is made; the browser is on its way to the gateway. */
  | { kind: 'redirecting'; payment: Payment; url: string }
  /** The page took over the gateway (it cancelled `dvc-payment-started`). */
  | { kind: 'started'; payment: Payment; url: string }
  /** Asking the API for the result (on return from the gateway, or "check again"). */
  | { kind: 'checking'; paymentId: string }
  /** Still pending after the polling time, or the API could not be reached: the result is unknown. */
  | { kind: 'unknown'; paymentId: string; error?: unknown }
  | { kind: 'paid'; payment: Payment }
  | { kind: 'failed'; payment: Payment }
  | { kind: 'cancelled'; payment: Payment }
  /** The lookup says the dossier is paid: its receipts instead of a pay button. */
  | { kind: 'already-paid'; dossier: Dossier; payment: DossierPayment }
  /** Nothing to pay now (no fees, not awaiting payment, or refunded). */
  | { kind: 'nothing-due'; refunded: boolean };

export type PaymentStateKind = PaymentState['kind'];
