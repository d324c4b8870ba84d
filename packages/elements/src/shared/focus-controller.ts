/**
 * Moves focus into the host's shadow root once the next render has put the target there: a new
 * state's heading, an error summary after a failed check, a field after a reset. Focus has to wait
 * for the render, because the target may not exist before it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class FocusController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  #selector: string | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  /** Focuses the first match of `selector` in the shadow root after the next update. */
  focusAfterUpdate(selector: string): void {
    this.#selector = selector;
    this.#host.requestUpdate();
  }

  hostUpdated(): void {
    const selector = this.#selector;
    if (!selector) return;
    this.#selector = undefined;
    this.#host.shadowRoot?.querySelector<HTMLElement>(selector)?.focus();
  }

  hostDisconnected(): void {
    this.#selector = undefined;
  }
}
