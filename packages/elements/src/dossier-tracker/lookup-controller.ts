/**
 * Runs dossier lookups for <dvc-dossier-tracker> and keeps the identity number out of memory.
 *
 * The shared RequestController remembers its arguments for `retry()`; the identity number must not
 * outlive the request, so it is not an argument: `lookup()` parks it in a private field that the
 * task empties the moment it starts, and a retry is a fresh submission of the form.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DvcApiError, type Dossier, type DvcClient } from '@dvc-kit/sdk';
import { RequestController, type RequestStatus } from '../shared/request-controller.ts';

/** How a failed lookup is shown: each kind gets different help. */
export type LookupFailure =
  /** Unknown code or wrong identity number: the API answers both alike, and so do we. */
  | 'not-found'
  /** 429: wait `retryAfter` seconds. */
  | 'rate-limited'
  /** The request itself was refused (400): trying the same again will not help. */
  | 'rejected'
  /** Network, timeout, unreadable answer, 5xx: trying again may work. */
  | 'retryable';

export function lookupFailure(error: unknown): LookupFailure {
  if (error instanceof DvcApiError) {
    // Only the API's own answer: a bare 404 (a wrong api-base, a proxy) is not "no such dossier".
    if (error.code === 'dossier_not_found') return 'not-found';
    if (error.status === 429) return 'rate-limited';
    if (error.status < 500) return 'rejected';
  }
  return 'retryable';
}

export class DossierLookupController implements ReactiveController {
  readonly #request: RequestController<{ code: string }, Dossier>;
  // Set by lookup() and taken by the task in the same tick; undefined at every other moment.
  #applicantId: string | undefined;

  constructor(host: ReactiveControllerHost, client: () => DvcClient) {
    host.addController(this);
    this.#request = new RequestController(host, ({ code }, signal) => {
      const applicantId = this.#applicantId ?? '';
      this.#applicantId = undefined;
      return client().dossiers.lookup({ code, applicantId }, { signal });
    });
  }

  hostConnected(): void {}

  get status(): RequestStatus {
    return this.#request.status;
  }

  /** The dossier of the last successful lookup. */
  get dossier(): Dossier | undefined {
    return this.#request.status === 'success' ? this.#request.value : undefined;
  }

  get error(): unknown {
    return this.#request.error;
  }

  get failure(): LookupFailure | undefined {
    return this.#request.status === 'error' ? lookupFailure(this.#request.error) : undefined;
  }

  /** Looks up a dossier (aborting any lookup under way); resolves when it settles. */
  lookup(code: string, applicantId: string): Promise<void> {
    this.#applicantId = applicantId;
    const run = this.#request.run({ code });
    // The task has already taken it; this also covers a task that threw before taking it.
    this.#applicantId = undefined;
    return run;
  }

  /** Aborts any lookup and forgets the result. */
  reset(): void {
    this.#applicantId = undefined;
    this.#request.reset();
  }
}
