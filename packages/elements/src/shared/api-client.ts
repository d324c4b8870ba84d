/**
 * Gives a widget its API client. The base URL comes from the widget's own `api-base` attribute,
 * else from a page-wide default (`setDefaultApiBase()` or `window.dvcKit.apiBase`), so a portal with
 * many widgets configures the API once. Clients are cached per URL: widgets on a page share one.
 *
 * The client and its transport load on first need, not with the widget: a widget paints and takes
 * input without them. Loading starts at the first sign of use (a pointer over the widget, focus in
 * it) or the first request, so it has usually arrived before a request is sent.
 */
import { isApiRoot, type DvcClient } from '@dvc-kit/sdk';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { later } from './later.ts';
import { getLocale } from './locale.ts';

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

/** Thrown when no API root is configured anywhere, or the one configured is not a web address. */
export class DvcConfigError extends Error {
  override name = 'DvcConfigError';
}

/** What the console has been told, so a widget asked again does not say it again. */
const toldTheConsole = new Set<string>();

/** Says `message` in the console for the webmaster, once: the citizen's message cannot name the attribute. */
export function tellTheConsoleOnce(message: string): void {
  if (toldTheConsole.has(message)) return;
  toldTheConsole.add(message);
  console.error(message);
}

function configError(message: string): DvcConfigError {
  tellTheConsoleOnce(message);
  return new DvcConfigError(message);
}

let defaultApiBase: string | undefined;
const clients = new Map<string, DvcClient>();
const sdk = later(() => import('./sdk-client.ts'));

/** Sets the API root used by widgets without an `api-base` attribute. */
export function setDefaultApiBase(url: string | undefined): void {
  defaultApiBase = url;
}


/** An API root as an absolute URL ending in "/": relative roots ("/api/v1") resolved against the page. */
export function absoluteApiRoot(base: string): string {
  const absolute = typeof document === 'undefined' ? base : new URL(base, document.baseURI).href;
  return absolute.replace(/\/+$/, '') + '/';
}

/** The client for an API root, created once per (absolute) URL, once the client has loaded. */
export async function clientFor(base: string): Promise<DvcClient> {
  const root = absoluteApiRoot(base);
  const { createDvcClient } = await sdk.load();
  let client = clients.get(root);
  if (!client) {
    client = createDvcClient({ baseUrl: root });
    clients.set(root, client);
  }
  return client;
}

/**
 * What shows that a widget is about to be used: the client starts loading then. A touch fires
 * pointerover before it presses, so no press handler is needed (nor wanted: actions are clicks).
 */
const FIRST_USE = ['pointerover', 'focusin'] as const;

/** Resolves a widget's client from its `api-base` attribute or the page-wide default. */
export class ApiClientController implements ReactiveController {
  readonly #ownBase: () => string | null | undefined;
  readonly #host: HTMLElement;
  readonly #firstUse = (): void => {
    this.#stopWatching();
    // Errors are the first request's to report.
    sdk.load().catch(() => undefined);
  };

  /**
   * `ownBase` reads the host's setting; by default the `api-base` attribute. A host with an
   * `apiBase` property passes it, since a property set from script reflects only after the update.
   */
  constructor(host: ReactiveControllerHost & HTMLElement, ownBase?: () => string | null | undefined) {
    this.#host = host;
    this.#ownBase = ownBase ?? (() => host.getAttribute('api-base'));
    host.addController(this);
  }

  hostConnected(): void {
    if (sdk.value) return;
    for (const type of FIRST_USE) this.#host.addEventListener(type, this.#firstUse, { passive: true });
  }

  hostDisconnected(): void {
    this.#stopWatching();
  }

  #stopWatching(): void {
    for (const type of FIRST_USE) this.#host.removeEventListener(type, this.#firstUse);
  }

  /** The API root in effect, or undefined when none is configured. */
  get baseUrl(): string | undefined {
    const own = this.#ownBase()?.trim();
    const pageWide = typeof window === 'undefined' ? undefined : window.dvcKit?.apiBase;
    return own || defaultApiBase || pageWide || undefined;
  }

  /**
   * A payment's printable e-receipt page, in the widget's language (a language code holds nothing
   * personal); throws `DvcConfigError` when no API is configured.
   */
  receiptUrl(paymentId: string): string {
    const url = new URL(`payments/${encodeURIComponent(paymentId)}/receipt`, this.root);
    url.searchParams.set('lang', getLocale());
    return url.href;
  }

  /** The API root in effect as an absolute URL ending in "/" (for links into the API); throws `DvcConfigError` when none is configured. */
  get root(): string {
    return absoluteApiRoot(this.#configured());
  }

  /** The client, once loaded; rejects with `DvcConfigError` when no API root is configured. */
  async client(): Promise<DvcClient> {
    return clientFor(this.#configured());
  }

  #configured(): string {
    const base = this.baseUrl;
    if (!base) throw configError('DVC Kit: set the api-base attribute to the API root (e.g. https://dichvucong.example.gov.vn/api/v1), or call setDefaultApiBase().');
    if (!isApiRoot(base, typeof document === 'undefined' ? undefined : document.baseURI)) {
      throw configError(`DVC Kit: ${this.#source()} "${base}" is not a web address: write it whole, with https:// (e.g. https://dichvucong.example.gov.vn/api/v1), or from the site's root (/api/v1).`);
    }
    return base;
  }

  /** Where the API root in effect was set, for the webmaster reading the console. */
  #source(): string {
    if (this.#ownBase()?.trim()) return 'api-base';
    return defaultApiBase ? 'setDefaultApiBase()' : 'window.dvcKit.apiBase';
  }
}
