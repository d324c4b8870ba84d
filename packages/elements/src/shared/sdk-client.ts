/**
 * The SDK's client and its transport (ky), in a module of their own: the widgets import it only
 * when they first need the API (api-client.ts), so a widget paints without it. Nothing else may
 * import it statically, or the transport comes back into every widget's first download.
 */
export { createDvcClient } from '@dvc-kit/sdk';
