/**
 * A fixed-window counter per client and bucket, in memory (the sandbox is one process). Enough to
 * make lookups and payments unattractive to script, and to let tests see a real 429.
 */
export interface RateLimit {
  max: number;
  windowMs: number;
}

export class RateLimiter {
  readonly #windows = new Map<string, { start: number; count: number }>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** Counts one request; returns the seconds to wait when over the limit, else 0. */
  hit(bucket: string, client: string, limit: RateLimit): number {
    const key = `${bucket}\u0000${client}`;
    const now = this.#now();
    let window = this.#windows.get(key);
    if (!window || now - window.start >= limit.windowMs) {
      window = { start: now, count: 0 };
      this.#windows.set(key, window);
      if (this.#windows.size > 50_000) this.#sweep(now, limit.windowMs);
    }
    window.count++;
    return window.count > limit.max ? Math.max(1, Math.ceil((window.start + limit.windowMs - now) / 1000)) : 0;
  }

  clear(): void {
    this.#windows.clear();
  }

  #sweep(now: number, windowMs: number): void {
    for (const [key, window] of this.#windows) if (now - window.start >= windowMs) this.#windows.delete(key);
  }
}
