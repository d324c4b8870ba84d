import { createHash } from 'node:crypto';
import type { Storage } from '../storage/storage.ts';

/**
 * Fixed-window counters per client and bucket, kept in the database so a client is counted the
 * same whichever process its requests reach. Windows are aligned on the clock (every process
 * agrees where one starts), and one upsert counts a request and reads the total atomically.
 * Enough to make lookups and payments unattractive to script, and to let tests see a real 429.
 */
export interface RateLimit {
  max: number;
  windowMs: number;
}

/** Old windows are swept now and then, not on every request. */
const SWEEP_EVERY = 1_000;

export class RateLimiter {
  readonly #storage: Storage;
  readonly #now: () => number;
  #sinceSweep = 0;

  constructor(storage: Storage, now: () => number = Date.now) {
    this.#storage = storage;
    this.#now = now;
  }

  /** Counts one request; returns the seconds to wait when over the limit, else 0. */
  async hit(bucket: string, client: string, limit: RateLimit): Promise<number> {
    const now = this.#now();
    const windowStart = Math.floor(now / limit.windowMs) * limit.windowMs;
    const who = clientDigest(client);
    const row = await this.#storage.one<{ hits: number }>(`
      INSERT INTO rate_limit_windows (bucket, client, window_start, hits) VALUES (?, ?, ?, 1)
      ON CONFLICT (bucket, client) DO UPDATE SET
        hits = CASE WHEN rate_limit_windows.window_start = excluded.window_start THEN rate_limit_windows.hits + 1 ELSE 1 END,
        window_start = excluded.window_start
      RETURNING hits`, [bucket, who, windowStart]);
    if (++this.#sinceSweep >= SWEEP_EVERY) {
      this.#sinceSweep = 0;
      await this.#storage.run('DELETE FROM rate_limit_windows WHERE window_start < ?', [now - 24 * 3_600_000]);
    }
    return row!.hits > limit.max ? secondsLeft(windowStart, limit, now) : 0;
  }

  /** Takes back one request counted in this window (one that turned out not to count: a right answer). */
  async forgive(bucket: string, client: string, limit: RateLimit): Promise<void> {
    const windowStart = Math.floor(this.#now() / limit.windowMs) * limit.windowMs;
    await this.#storage.run('UPDATE rate_limit_windows SET hits = hits - 1 WHERE bucket = ? AND client = ? AND window_start = ? AND hits > 0',
      [bucket, clientDigest(client), windowStart]);
  }
}

/** What a client is written down as: an address (or a dossier code) is personal data, so only a digest of it. */
function clientDigest(client: string): string {
  return createHash('sha256').update(client).digest('base64url').slice(0, 22);
}

function secondsLeft(windowStart: number, limit: RateLimit, now: number): number {
  return Math.max(1, Math.ceil((windowStart + limit.windowMs - now) / 1000));
}
