import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { sanitizeState } from './search-state.ts';
import type { SearchState } from './search-state.ts';

/** Our parameters carry a prefix so they never collide with the portal's own. */
const PARAMS: Record<keyof SearchState, string> = {
  query: 'dvc_q',
  field: 'dvc_field',
  level: 'dvc_level',
  agency: 'dvc_agency',
  online: 'dvc_online',
  page: 'dvc_page',
  procedure: 'dvc_procedure',
};

/**
 * Mirrors the search in the page's query string (`sync-url`), so shared links, reload, back and
 * forward work. Typing replaces the history entry; a new page, filter or detail adds one.
 * Only search terms and public codes go into the URL — never anything personal.
 */
export class UrlSyncController implements ReactiveController {
  readonly #onPopState: (state: SearchState) => void;
  #enabled = () => false;

  constructor(host: ReactiveControllerHost, enabled: () => boolean, onPopState: (state: SearchState) => void) {
    this.#enabled = enabled;
    this.#onPopState = onPopState;
    host.addController(this);
  }

  /** The state the URL describes, or null when it names none of ours. */
  read(): SearchState | null {
    const params = new URLSearchParams(location.search);
    if (!Object.values(PARAMS).some((name) => params.has(name))) return null;
    const raw: Partial<Record<keyof SearchState, string>> = {};
    for (const [key, name] of Object.entries(PARAMS) as [keyof SearchState, string][]) {
      const value = params.get(name);
      if (value !== null) raw[key] = value;
    }
    return sanitizeState(raw);
  }

  write(state: SearchState, mode: 'push' | 'replace'): void {
    if (!this.#enabled()) return;
    const url = new URL(location.href);
    for (const [key, name] of Object.entries(PARAMS) as [keyof SearchState, string][]) {
      const value = state[key];
      const keep = key === 'page' ? value !== 1 : value !== '';
      if (keep) url.searchParams.set(name, String(value));
      else url.searchParams.delete(name);
    }
    if (url.href === location.href) return;
    if (mode === 'push') history.pushState(history.state, '', url);
    else history.replaceState(history.state, '', url);
  }

  hostConnected(): void {
    window.addEventListener('popstate', this.#handlePopState);
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.#handlePopState);
  }

  readonly #handlePopState = () => {
    if (!this.#enabled()) return;
    this.#onPopState(this.read() ?? sanitizeState({}));
  };
}
