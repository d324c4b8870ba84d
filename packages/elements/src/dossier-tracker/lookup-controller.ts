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
  readonly #host: ReactiveControllerHost;
  readonly #client: () => Promise<DvcClient>;
  // Set by lookup() and taken by the task in the same tick; undefined at every other moment.
  #applicantId: string | undefined;
  /** A newer reading of the dossier shown, taken by refresh() without a lookup on screen. */
  #fresh: Dossier | undefined;

  constructor(host: ReactiveControllerHost, client: () => Promise<DvcClient>) {
    host.addController(this);
    this.#host = host;
    this.#client = client;
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

  /** The dossier of the last successful lookup (or its newer reading, once refreshed). */
  get dossier(): Dossier | undefined {
    const shown = this.#request.status === 'success' ? this.#request.value : undefined;
    return shown && this.#fresh?.code === shown.code ? this.#fresh : shown;
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
    this.#fresh = undefined;
    this.#applicantId = applicantId;
    const run = this.#request.run({ code });
    // The task has already taken it; this also covers a task that threw before taking it.
    this.#applicantId = undefined;
    return run;
  }

  /** Shows a dossier again with the token an earlier lookup in this tab gave (no identity number). */
  resume(code: string, dossierToken: string): Promise<void> {
    this.#fresh = undefined;
    return this.#request.run({ code, dossierToken });
  }

  /**
   * Reads the dossier shown again, quietly: it stays on screen meanwhile (no loading view, nothing
   * said), the newer reading replaces it on success, and a failure leaves it as it was.
   */
  async refresh(dossierToken: string): Promise<void> {
    const shown = this.dossier;
    if (!shown) return;
    try {
      const fresh = await (await this.#client()).dossiers.get(shown.code, { dossierToken });
      if (this.dossier?.code !== shown.code) return;
      this.#fresh = fresh;
      this.#host.requestUpdate();
    } catch {
      // Kept as shown: the citizen asked for nothing, so nothing failed for them.
    }
  }

  /** Aborts any lookup and forgets the result. */
  reset(): void {
    this.#applicantId = undefined;
    this.#fresh = undefined;
    this.#request.reset();
  }
}
