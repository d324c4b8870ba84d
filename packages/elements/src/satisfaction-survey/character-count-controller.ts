/**
 * Decides when a comment box's remaining characters are announced. The visible count changes on
 * every keystroke; a screen reader hearing that on every keystroke could not follow what it types,
 * so the live region speaks only when the remaining count drops past a threshold (100, 50, 20, 10
 * left, the limit itself, and the first character past it), including a paste that jumps past
 * several at once. Past the limit, an error the citizen must put right, it also says how far past
 * once typing pauses, so what a screen reader finds there is never a count gone stale.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export const ANNOUNCE_THRESHOLDS: readonly number[] = [100, 50, 20, 10, 0];
/** How long typing must pause before the count past the limit is said again. */
export const OVER_LIMIT_PAUSE_MS = 1000;

/** How many thresholds `remaining` has reached (only those below the limit count); past the limit, one more. */
function band(remaining: number, limit: number): number {
  return ANNOUNCE_THRESHOLDS.filter((t) => t < limit && remaining <= t).length + (remaining < 0 ? 1 : 0);
}

export class CharacterCountController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #bands = new Map<string, number>();
  readonly #announced = new Map<string, number>();
  readonly #pauses = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    for (const timer of this.#pauses.values()) clearTimeout(timer);
    this.#pauses.clear();
  }

  /** Sets the starting point without announcing (the form loaded, a draft came back). */
  reset(id: string, length: number, limit: number): void {
    clearTimeout(this.#pauses.get(id));
    this.#pauses.delete(id);
    this.#bands.set(id, band(limit - length, limit));
    this.#announced.delete(id);
  }

  /** Records a change of length; announces the remaining count when a threshold is crossed. */
  update(id: string, length: number, limit: number): void {
    const remaining = limit - length;
    const now = band(remaining, limit);
    const before = this.#bands.get(id) ?? 0;
    this.#bands.set(id, now);
    clearTimeout(this.#pauses.get(id));
    this.#pauses.delete(id);
    if (remaining < 0 && now === before && this.#announced.get(id) !== remaining) {
      this.#pauses.set(id, setTimeout(() => {
        this.#pauses.delete(id);
        this.#announced.set(id, remaining);
        this.#host.requestUpdate();
      }, OVER_LIMIT_PAUSE_MS));
    }
    if (now > before) {
      this.#announced.set(id, remaining);
      this.#host.requestUpdate();
    } else if (now < before && this.#announced.has(id)) {
      // Text deleted back above a threshold: the old announcement is stale; crossing again speaks.
      this.#announced.delete(id);
      this.#host.requestUpdate();
    }
  }

  /** The remaining count to announce for `id` (negative past the limit), or undefined when there is nothing to say. */
  announced(id: string): number | undefined {
    return this.#announced.get(id);
  }
}
