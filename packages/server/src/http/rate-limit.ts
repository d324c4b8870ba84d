import { createHash } from 'node:crypto';
import type { Storage } from '../storage/storage.ts';

/**
 * Fixed-window counters per client and bucket, kept in the database so a client is counted the
 * same whichever process its requests reach. Windows are aligned on the clock (every process
 * agrees where one starts), and one upsert counts a request and reads the total atomically.
 * Enough to make lookups and payments unattractive to script, and to let tests see a real 429.
 *
 * A limit of hundreds a window (the search, a one-stop system's sync) is counted in batches: the
 * database is written once every `max / 20` requests of a client to a process, not on every one,
 * which for the search (a request a keystroke, its answer cached) was most of its cost, and on
 * PostgreSQL a lock on one row that every process waited for when many citizens share an address
 * (a mobile network's, a one-stop desk's). Within one process the count stays exact; across P
 * processes a client may get about P × `max / 20` requests more before each process has seen the
 * others' counts. A limit under 40 (lookups, payments, identity-number guesses) is counted exactly.
 */
export interface RateLimit {
  max: number;
  windowMs: number;
}

/** Old windows are swept now and then, not on every request. */
const SWEEP_EVERY = 1_000;

/** A batched limit writes to the database once every this share of its `max` requests (see above). */
const BATCH_SHARE = 20;

/** How many of a client's requests a process counts before writing them: 1 is every request. */
export function batchSize(limit: RateLimit): number {
  return Math.max(1, Math.floor(limit.max / BATCH_SHARE));
}

/** One client's count in one bucket's window, as this process knows it (batched limits). */
interface LocalCount {
  windowStart: number;
  windowEnd: number;
  /** The window's count in the database when this process last wrote to it: every process's requests. */
  shared: number;
  /** Requests written, the database's answer not come yet. */
  sending: number;
  /** Requests not written yet. */
  unsent: number;
}

export class RateLimiter {
  readonly #storage: Storage;
  readonly #now: () => number;
  #sinceSweep = 0;
  /** Batched limits' counts, by bucket and client digest. */
  readonly #local = new Map<string, LocalCount>();

  constructor(storage: Storage, now: () => number = Date.now) {
    this.#storage = storage;
    this.#now = now;
  }

  /** Counts one request; returns the seconds to wait when over the limit, else 0. */
  async hit(bucket: string, client: string, limit: RateLimit): Promise<number> {
    const now = this.#now();
    const windowStart = Math.floor(now / limit.windowMs) * limit.windowMs;
    const who = clientDigest(client);
    if (++this.#sinceSweep >= SWEEP_EVERY) {
      this.#sinceSweep = 0;
      for (const [key, count] of this.#local) if (count.windowEnd <= now) this.#local.delete(key);
      await this.#storage.run('DELETE FROM rate_limit_windows WHERE window_start < ?', [now - 24 * 3_600_000]);
    }
    const batch = batchSize(limit);
    let hits: number;
    if (batch === 1) {
      hits = await this.#add(bucket, who, windowStart, 1);
    } else {
      const key = localKey(bucket, who);
      let count = this.#local.get(key);
      if (count?.windowStart !== windowStart) {
        count = { windowStart, windowEnd: windowStart + limit.windowMs, shared: 0, sending: 0, unsent: 0 };
        this.#local.set(key, count);
      }
      count.unsent++;
      if (count.unsent >= batch && count.sending === 0) await this.#send(bucket, who, count);
      hits = count.shared + count.sending + count.unsent;
    }
    return hits > limit.max ? secondsLeft(windowStart, limit, now) : 0;
  }

  /** Takes back one request counted in this window (one that turned out not to count: a right answer). */
  async forgive(bucket: string, client: string, limit: RateLimit): Promise<void> {
    const windowStart = Math.floor(this.#now() / limit.windowMs) * limit.windowMs;
    const who = clientDigest(client);
    const count = this.#local.get(localKey(bucket, who));
    if (count?.windowStart === windowStart && count.unsent > 0) {
      count.unsent--;
      return;
    }
    await this.#storage.run('UPDATE rate_limit_windows SET hits = hits - 1 WHERE bucket = ? AND client = ? AND window_start = ? AND hits > 0',
      [bucket, who, windowStart]);
  }

  /** Forgets what this process counted and has not written (the sandbox's reset, which empties the table). */
  forgetUnwritten(): void {
    this.#local.clear();
  }

  /** Adds `hits` to a window's count in the database; returns the window's count there now. */
  async #add(bucket: string, who: string, windowStart: number, hits: number): Promise<number> {
    const row = await this.#storage.one<{ hits: number }>(`
      INSERT INTO rate_limit_windows (bucket, client, window_start, hits) VALUES (?, ?, ?, ?)
      ON CONFLICT (bucket, client) DO UPDATE SET
        hits = CASE WHEN rate_limit_windows.window_start = excluded.window_start THEN rate_limit_windows.hits + excluded.hits ELSE excluded.hits END,
        window_start = excluded.window_start
      RETURNING hits`, [bucket, who, windowStart, hits]);
    return Number(row!.hits);
  }

  /** Writes a batched count's unsent requests, and learns what every process has counted. */
  async #send(bucket: string, who: string, count: LocalCount): Promise<void> {
    count.sending = count.unsent;
    count.unsent = 0;
    try {
      count.shared = await this.#add(bucket, who, count.windowStart, count.sending);
    } catch (error) {
      // Not counted: they are sent with the next batch.
      count.unsent += count.sending;
      throw error;
    } finally {
      count.sending = 0;
    }
  }
}

/** A batched count's key in this process: its bucket and client, as the database's row has them. */
function localKey(bucket: string, who: string): string {
  return `${bucket}\u0000${who}`;
}

/** What a client is written down as: an address (or a dossier code) is personal data, so only a digest of it. */
function clientDigest(client: string): string {
  return createHash('sha256').update(client).digest('base64url').slice(0, 22);
}

function secondsLeft(windowStart: number, limit: RateLimit, now: number): number {
  return Math.max(1, Math.ceil((windowStart + limit.windowMs - now) / 1000));
}
