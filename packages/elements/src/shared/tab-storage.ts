/**
 * This tab's sessionStorage, or a stand-in for this page when it is blocked (private modes, storage
 * full, sandboxed frames). Widgets keep only what a reload or the way back from a gateway must not
 * lose, never personal data; whatever they read back is checked, since the page's scripts share it.
 */

export interface TabStorage {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
  /** Every key held. */
  keys(): string[];
}

const memory = new Map<string, string>();

const inMemory: TabStorage = {
  get: (key) => memory.get(key) ?? null,
  set: (key, value) => void memory.set(key, value),
  remove: (key) => void memory.delete(key),
  keys: () => [...memory.keys()],
};

function session(): Storage | undefined {
  try {
    const storage = window.sessionStorage;
    const probe = 'dvc-probe';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return storage;
  } catch {
    return undefined;
  }
}

/** The tab's storage; every call falls back to memory on its own, so one failure loses nothing. */
export function tabStorage(): TabStorage {
  const storage = session();
  if (!storage) return inMemory;
  return {
    get: (key) => {
      try {
        return storage.getItem(key) ?? memory.get(key) ?? null;
      } catch {
        return memory.get(key) ?? null;
      }
    },
    set: (key, value) => {
      try {
        storage.setItem(key, value);
      } catch {
        memory.set(key, value);
      }
    },
    remove: (key) => {
      memory.delete(key);
      try {
        storage.removeItem(key);
      } catch {
        // Nothing stored, nothing to remove.
      }
    },
    keys: () => {
      const held = new Set(memory.keys());
      try {
        for (let i = 0; i < storage.length; i++) {
          const key = storage.key(i);
          if (key !== null) held.add(key);
        }
      } catch {
        // Unreadable now: what this page kept in memory is all there is.
      }
      return [...held];
    },
  };
}
