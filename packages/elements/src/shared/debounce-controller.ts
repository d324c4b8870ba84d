/**
 * Delays a call until input pauses, so typing "dang ky khai sinh" sends one request rather than
 * seventeen. Cancelled when the host leaves the page, so no request starts after removal.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class DebounceController implements ReactiveController {
  readonly delay: number;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #pending: (() => void) | undefined;

  constructor(host: ReactiveControllerHost, delay = 250) {
    this.delay = delay;
    host.addController(this);
  }

  /** Runs `fn` after `delay` ms unless another call comes first. */
  schedule(fn: () => void): void {
    this.cancel();
    this.#pending = fn;
    this.#timer = setTimeout(() => this.flush(), this.delay);
  }

  /** Runs the waiting call now (Enter pressed), if any. */
  flush(): void {
    const fn = this.#pending;
    this.cancel();
    fn?.();
  }

  /** Drops the waiting call. */
  cancel(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#pending = undefined;
  }

  get pending(): boolean {
    return this.#pending !== undefined;
  }

  hostDisconnected(): void {
    this.cancel();
  }
}
