/**
 * A module a widget needs only after its first view (the API client, a view shown after a request),
 * loaded on first need, once for the page; again after a failure, since the network may be back.
 * The one way the widgets load code late: the first view paints without it, and whoever needs it
 * first (a request, the first sign of use) starts its download.
 */
import { DvcNetworkError } from '@dvc-kit/sdk';

export interface Later<M> {
  /** The module once it has loaded; undefined before. */
  readonly value: M | undefined;
  /** Starts loading it (once) and resolves with it; rejects with `DvcNetworkError` when it could not be fetched. */
  load(): Promise<M>;
}

export function later<M>(importer: () => Promise<M>): Later<M> {
  let value: M | undefined;
  let loading: Promise<M> | undefined;
  return {
    get value() {
      return value;
    },
    load() {
      loading ??= importer().then((module) => (value = module), (cause: unknown) => {
        loading = undefined;
        // The browser could not fetch it: said, and retried, as any request that found no network.
        throw new DvcNetworkError('DVC Kit: a part of the widget could not be loaded.', { cause });
      });
      return loading;
    },
  };
}
