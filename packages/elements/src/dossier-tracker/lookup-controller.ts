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

export class DossierLookupController implements ReactiveController {
  readonly #request: RequestController<{ code: string; dossierToken?: string }, Dossier>;
  // Set by lookup() and taken by the task in the same tick; undefined at every other moment.
  #applicantId: string | undefined;

  constructor(host: ReactiveControllerHost, client: () => Promise<DvcClient>) {
    host.addController(this);
    this.#request = new RequestController(host, async ({ code, dossierToken }, signal) => {
      if (dossierToken) return (await client()).dossiers.get(code, { dossierToken, signal });
      // Taken before the client is awaited: the number never waits in this field for a download.
      const applicantId = this.#applicantId ?? '';
      this.#applicantId = undefined;
      return (await client()).dossiers.lookup({ code, applicantId }, { signal });
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

  /**
   * The API's own "no dossier matches" (an unknown code and a wrong identity number are answered
   * alike, and so are they here). A bare 404 (a wrong api-base, a proxy) is not that.
   */
  get notFound(): boolean {
    const error = this.#request.error;
    return this.#request.status === 'error' && error instanceof DvcApiError && error.code === 'dossier_not_found';
  }

  /** Looks up a dossier (aborting any lookup under way); resolves when it settles. */
  lookup(code: string, applicantId: string): Promise<void> {
    this.#applicantId = applicantId;
    const run = this.#request.run({ code });
    // The task has already taken it; this also covers a task that threw before taking it.
    this.#applicantId = undefined;
    return run;
  }

  /** Shows a dossier again with the token an earlier lookup in this tab gave (no identity number). */
  resume(code: string, dossierToken: string): Promise<void> {
    return this.#request.run({ code, dossierToken });
  }

  /** Aborts any lookup and forgets the result. */
  reset(): void {
    this.#applicantId = undefined;
    this.#request.reset();
  }
}
