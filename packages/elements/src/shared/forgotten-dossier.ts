import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { holdsProof } from './dossier-access.ts';

/**
 * A page the browser brings back from its back-forward cache (Back, twice, past the payment gateway)
 * shows what it showed when it was left, in memory: a dossier, its fees, its history. Should the tab
 * have let the dossier go since ("Look up another" on a later page, for the next person at a shared
 * computer), the widget lets it go too, at once, before anyone reads it or a request is sent with
 * what the page still held.
 */
export class ForgottenDossierController implements ReactiveController {
  readonly #shown: () => string | undefined;
  readonly #forget: (dossierCode: string) => void;

  /**
   * @param shown The dossier whose data the widget shows, proved with the tab's token (or none).
   * @param forget Lets it go, as the widget does when the tracker is cleared.
   */
  constructor(host: ReactiveControllerHost, shown: () => string | undefined, forget: (dossierCode: string) => void) {
    this.#shown = shown;
    this.#forget = forget;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('pageshow', this.#onPageShow);
  }

  hostDisconnected(): void {
    window.removeEventListener('pageshow', this.#onPageShow);
  }

  readonly #onPageShow = (event: PageTransitionEvent): void => {
    if (!event.persisted) return;
    const dossierCode = this.#shown();
    if (dossierCode && !holdsProof(dossierCode)) this.#forget(dossierCode);
  };
}
