/**
 * Whether a production server's database can serve the contract yet. The server may start before
 * `dvc-server migrate` has run, or while its PostgreSQL is still starting or down: it listens all
 * the same (a supervisor restarting it in a loop helps nobody), answers every operation but
 * `/health`, `/ready` and the gateways' notifications with 503 and Retry-After, and looks again at
 * most once a second, in the background: a request is answered at once from the last look (`/ready`
 * alone waits for a fresh look, so that it never says ready while the API refuses). Once
 * the schema is current it claims the database and serves, without a restart. A database it must
 * not serve (another mode's) is `refused`: `/ready` says so and the log says why. A schema newer
 * than this server's (a newer release migrated it during a rolling upgrade) is served: each schema
 * step keeps the release before it working (storage/migrations.ts).
 */
import type { Storage } from './storage.ts';
import { migrationStatus } from './migrate.ts';
import { unreachableReason } from '../error-reason.ts';

/** Why the database cannot serve yet, or that it can. */
export type GateState = 'open' | 'schema-pending' | 'unreachable' | 'refused';

/** Looked at again at most this often while closed. */
const RECHECK_MS = 1_000;

export interface SchemaGateOptions {
  /** What the server found at start. */
  initial: GateState;
  /** Run once, when the schema is first found current after start (claim the database, say). */
  onOpen: () => Promise<void>;
  /** Told each time the state changes. */
  onChange: (state: GateState, reason?: string) => void;
}

/** What the rest of the server sees of the gate. */
export interface DatabaseGate {
  /** The state as last seen (a look is started when it is stale). */
  readonly state: GateState;
  /** The state now: looked at again first while closed (so `/ready` and the API never disagree). */
  refresh(): Promise<GateState>;
}

export class SchemaGate implements DatabaseGate {
  readonly #storage: Storage;
  readonly #options: SchemaGateOptions;
  #state: GateState;
  #checkedAt = 0;
  #checking: Promise<GateState> | null = null;

  constructor(storage: Storage, options: SchemaGateOptions) {
    this.#storage = storage;
    this.#options = options;
    this.#state = options.initial;
  }

  /** The state as last seen; while closed, a look is started when the last one is over a second old. */
  get state(): GateState {
    if (this.#state !== 'open' && !this.#checking && Date.now() - this.#checkedAt >= RECHECK_MS) void this.refresh();
    return this.#state;
  }

  refresh(): Promise<GateState> {
    if (this.#state === 'open') return Promise.resolve('open');
    // One look at a time: requests meanwhile share it.
    this.#checking ??= this.check().finally(() => {
      this.#checking = null;
      this.#checkedAt = Date.now();
    });
    return this.#checking;
  }

  /** Looks at the database now; never throws. */
  async check(): Promise<GateState> {
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
      next = this.#storage.isUnreachable(error) ? 'unreachable' : 'refused';
      reason = next === 'unreachable' ? unreachableReason(error) : (error as Error).message;
    }
    if (next !== this.#state) this.#options.onChange(next, reason);
    this.#state = next;
    return next;
  }
}
