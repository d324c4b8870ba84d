/**
 * Whether a production server's database can serve the contract yet. The server may start before
 * `dvc-server migrate` has run, or while its PostgreSQL is still starting or down: it listens all
 * the same (a supervisor restarting it in a loop helps nobody), answers every operation but
 * `/health` and `/ready` with 503 and Retry-After, and looks again at most once a second. Once the
 * schema is current it claims the database and serves, without a restart.
 */
import type { Storage } from './storage.ts';
import { migrationStatus } from './migrate.ts';

/** Why the database cannot serve yet, or that it can. */
export type GateState = 'open' | 'schema-pending' | 'unreachable';

/** Asked again at most this often while closed: requests in between share the last answer. */
const RECHECK_MS = 1_000;

export interface SchemaGateOptions {
  /** What the server found at start. */
  initial: GateState;
  /** Run once, when the schema is first found current after start (claim the database, say). */
  onOpen: () => Promise<void>;
  /** Told each time the state changes while closed. */
  onChange: (state: GateState, reason?: string) => void;
}

export class SchemaGate {
  readonly #storage: Storage;
  readonly #options: SchemaGateOptions;
  #state: GateState;
  #checkedAt = 0;
  #checking: Promise<GateState> | undefined;

  constructor(storage: Storage, options: SchemaGateOptions) {
    this.#storage = storage;
    this.#options = options;
    this.#state = options.initial;
  }

  /** The state now, asking the database when closed and the last answer is over a second old. */
  state(): Promise<GateState> {
    if (this.#state === 'open' || Date.now() - this.#checkedAt < RECHECK_MS) return Promise.resolve(this.#state);
    this.#checking ??= this.#check().finally(() => {
      this.#checkedAt = Date.now();
      this.#checking = undefined;
    });
    return this.#checking;
  }

  async #check(): Promise<GateState> {
    let next: GateState;
    let reason: string | undefined;
    try {
      if ((await migrationStatus(this.#storage)).pending.length > 0) {
        next = 'schema-pending';
      } else {
        await this.#options.onOpen();
        next = 'open';
      }
    } catch (error) {
      if (!this.#storage.isUnreachable(error)) throw error;
      next = 'unreachable';
      reason = (error as { code?: string }).code ?? (error as Error).message;
    }
    if (next !== this.#state) this.#options.onChange(next, reason);
    this.#state = next;
    return next;
  }
}
