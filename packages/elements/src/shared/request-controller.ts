/**
 * Runs one async task at a time for a widget. Starting a task aborts the previous one, and an
 * answer from an older task is dropped even if it arrives late, so a slow reply for "dang" can
 * never replace the results for "dang ky khai sinh".
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type RequestStatus = 'idle' | 'loading' | 'success' | 'error';

export type RequestTask<A, T> = (args: A, signal: AbortSignal) => Promise<T>;

export class RequestController<A, T> implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #task: RequestTask<A, T>;
  #abort: AbortController | undefined;
  #args: A | undefined;
  #hasArgs = false;
  #run = 0;

  status: RequestStatus = 'idle';
  value: T | undefined;
  error: unknown;

  constructor(host: ReactiveControllerHost, task: RequestTask<A, T>) {
    this.#host = host;
    this.#task = task;
    host.addController(this);
  }

  /** Starts the task with `args`, aborting any running one. Resolves when this run settles. */
  async run(args: A): Promise<void> {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.#args = args;
    this.#hasArgs = true;
    const run = ++this.#run;
    this.status = 'loading';
    this.error = undefined;
    this.#host.requestUpdate();
    try {
      const value = await this.#task(args, abort.signal);
      if (run !== this.#run) return;
      this.value = value;
      this.status = 'success';
    } catch (error) {
      // Superseded or aborted: a newer run (or reset) owns the state now.
      if (run !== this.#run || abort.signal.aborted) return;
      this.error = error;
      this.status = 'error';
    }
    this.#host.requestUpdate();
  }

  /** Runs the last task again (the error view's "Try again"). */
  retry(): Promise<void> {
    return this.#hasArgs ? this.run(this.#args as A) : Promise.resolve();
  }

  /** Aborts any running task and goes back to idle. */
  reset(): void {
    this.#abort?.abort();
    this.#abort = undefined;
    this.#run++;
    this.status = 'idle';
    this.value = undefined;
    this.error = undefined;
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    // Nobody will see the answer; free the connection. A reconnect can call retry().
    if (this.status === 'loading') {
      this.#abort?.abort();
      this.#run++;
      this.status = 'idle';
    }
  }
}
