/**
 * A clock for the tests of rate limits. A limit's windows are aligned on the clock, so a burst of
 * requests that happens to start late in a window is split across two, and lets one too many
 * through: a test that counts them would fail now and then. `startWindow()` moves this clock on
 * to where the next window starts (never back, at most one window ahead of the wall clock, as
 * time passing would), so the requests that follow fall in one window.
 */
export class WindowClock {
  #ahead = 0;

  /** The time now: the wall clock's, plus what `startWindow()` moved on. */
  readonly now = (): Date => new Date(Date.now() + this.#ahead);

  /** Milliseconds since the epoch, for a `RateLimiter` made directly. */
  readonly epochMs = (): number => this.now().getTime();

  /** Moves on to the start of the next window of `windowMs` (a minute, by default). */
  startWindow(windowMs = 60_000): void {
    this.#ahead += windowMs - (this.epochMs() % windowMs);
  }

  /** A clock at the start of a window of `windowMs` (a minute, by default): what follows is counted in it. */
  static atWindowStart(windowMs = 60_000): WindowClock {
    const clock = new WindowClock();
    clock.startWindow(windowMs);
    return clock;
  }
}
