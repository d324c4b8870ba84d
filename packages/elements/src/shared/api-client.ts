/**
 * Gives a widget its API client. The base URL comes from the widget's own `api-base` attribute,
 * else from a page-wide default (`setDefaultApiBase()` or `window.dvcKit.apiBase`), so a portal with
 * many widgets configures the API once. Clients are cached per URL: widgets on a page share one.
 */
import { createDvcClient, type DvcClient } from '@dvc-kit/sdk';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

declare global {
  interface Window {
    /** Page-wide settings for DVC Kit widgets, settable before the script loads. */
    dvcKit?: {
      /** The API root for widgets without `api-base`. */
      apiBase?: string;
      /** The portal's payment page, for trackers on pages without a `<dvc-payment>`. */
      paymentUrl?: string;
      /** The portal's evaluation page, for trackers on pages without a `<dvc-satisfaction-survey>`. */
      surveyUrl?: string;
    };
  }
}

/** Thrown when no API base URL is configured anywhere. */
export class DvcConfigError extends Error {
  override name = 'DvcConfigError';
}

let defaultApiBase: string | undefined;
const clients = new Map<string, DvcClient>();

/** Sets the API root used by widgets without an `api-base` attribute. */
export function setDefaultApiBase(url: string | undefined): void {
  defaultApiBase = url;
}

/** The client for an API root, created once per (absolute) URL. */
export function clientFor(base: string): DvcClient {
  // Resolve relative roots ("/api/v1") against the page, so equal URLs share one client.
  const absolute = typeof document === 'undefined' ? base : new URL(base, document.baseURI).href;
  let client = clients.get(absolute);
  if (!client) {
    client = createDvcClient({ baseUrl: absolute });
    clients.set(absolute, client);
  }
  return client;
}

/** Resolves a widget's client from its `api-base` attribute or the page-wide default. */
export class ApiClientController implements ReactiveController {
  readonly #ownBase: () => string | null | undefined;

  /**
   * `ownBase` reads the host's setting; by default the `api-base` attribute. A host with an
   * `apiBase` property passes it, since a property set from script reflects only after the update.
   */
  constructor(host: ReactiveControllerHost & HTMLElement, ownBase?: () => string | null | undefined) {
    this.#ownBase = ownBase ?? (() => host.getAttribute('api-base'));
    host.addController(this);
  }

  hostConnected(): void {}

  /** The API root in effect, or undefined when none is configured. */
  get baseUrl(): string | undefined {
    const own = this.#ownBase()?.trim();
    const pageWide = typeof window === 'undefined' ? undefined : window.dvcKit?.apiBase;
    return own || defaultApiBase || pageWide || undefined;
  }

  /** The client; throws `DvcConfigError` when no API root is configured. */
  get client(): DvcClient {
    const base = this.baseUrl;
    if (!base) throw new DvcConfigError('DVC Kit: set the api-base attribute or call setDefaultApiBase().');
    return clientFor(base);
  }
}
