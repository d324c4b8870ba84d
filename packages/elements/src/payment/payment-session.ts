/**
 * What the widget remembers, for this browser tab, about paying one dossier: the Idempotency-Key of
 * the current attempt (with the amount and method it was made for) and, once the API has made it,
 * the payment id. Kept in sessionStorage so a double click, a reload, or the way back from the
 * gateway finds the same payment instead of making a second one. Also the method the citizen chose
 * last, so a reload shows it chosen still.
 *
 * Never stored: the identity number, or anything else personal. The dossier code names the record.
 */
import { newIdempotencyKey } from '@dvc-kit/sdk';
import { PAYMENT_ATTEMPT_PREFIX as PREFIX, PAYMENT_METHOD_PREFIX } from '../shared/dossier-access.ts';
import { tabStorage, type TabStorage } from '../shared/tab-storage.ts';
import { PAYMENT_ID_PATTERN } from './return-params.ts';

export interface PaymentAttempt {
  /** Sent as Idempotency-Key: the same key finds the same payment again. */
  idempotencyKey: string;
  /** The total (VND) the key was made for: another amount is another attempt. */
  amount: number;
  /** The method the key was made for (null: the API's default). */
  method: string | null;
  /** The payment the API made for this key, once known. */
  paymentId: string | null;
}

const KEY_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

/** A stored record, when it is whole and well-formed (storage is shared with the page's scripts). */
function parse(raw: string | null): PaymentAttempt | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<PaymentAttempt>;
    const ok = typeof value.idempotencyKey === 'string' && KEY_PATTERN.test(value.idempotencyKey)
      && Number.isSafeInteger(value.amount) && (value.amount as number) >= 0
      && (value.method === null || typeof value.method === 'string')
      && (value.paymentId === null || (typeof value.paymentId === 'string' && PAYMENT_ID_PATTERN.test(value.paymentId)));
    return ok ? (value as PaymentAttempt) : null;
  } catch {
    return null;
  }
}

export class PaymentSession {
  readonly #storage: TabStorage;

  /** `storage`: this tab's sessionStorage (shared/tab-storage.ts), or a stand-in for tests. */
  constructor(storage: TabStorage = tabStorage()) {
    this.#storage = storage;
  }

  /** The current attempt for a dossier, if any. */
  read(dossierCode: string): PaymentAttempt | null {
    return parse(this.#storage.get(PREFIX + dossierCode));
  }

  /**
   * The attempt for this amount and method: the remembered one when it matches, else a new one with
   * a fresh key. Saved before it is returned, so a reload while the request is on its way re-uses
   * the key (a request that did reach the server is then found, not repeated).
   */
  attemptFor(dossierCode: string, amount: number, method: string | null): PaymentAttempt {
    const current = this.read(dossierCode);
    if (current && current.amount === amount && current.method === method) return current;
    const attempt: PaymentAttempt = { idempotencyKey: newIdempotencyKey(), amount, method, paymentId: null };
    this.#write(dossierCode, attempt);
    return attempt;
  }

  /**
   * The dossier whose attempt made `paymentId`: how a page without `dossier-code` knows, back from
   * the gateway, which dossier the payer was paying for.
   */
  dossierOfPayment(paymentId: string): string | undefined {
    return this.#storage.keys()
      .filter((key) => key.startsWith(PREFIX))
      .map((key) => key.slice(PREFIX.length))
      .find((code) => this.read(code)?.paymentId === paymentId);
  }

  /** Notes the payment the API made for the current attempt. */
  rememberPayment(dossierCode: string, paymentId: string): void {
    const current = this.read(dossierCode);
    if (current) this.#write(dossierCode, { ...current, paymentId });
  }

  /** The method the citizen chose last for this dossier, kept so a reload does not quietly change it. */
  chosenMethod(dossierCode: string): string | null {
    return this.#storage.get(PAYMENT_METHOD_PREFIX + dossierCode);
  }

  chooseMethod(dossierCode: string, method: string): void {
    this.#storage.set(PAYMENT_METHOD_PREFIX + dossierCode, method);
  }

  /** Ends the current attempt (paid, failed, cancelled, or refused): the next one gets a new key. */
  forget(dossierCode: string): void {
    this.#storage.remove(PREFIX + dossierCode);
  }

  #write(dossierCode: string, attempt: PaymentAttempt): void {
    // Storage full or blocked: the tab storage keeps it for this page at least, rather than lose the key.
    this.#storage.set(PREFIX + dossierCode, JSON.stringify(attempt));
  }
}
