// The demo department site as `npm start` serves it, and as the tests, journeys and bench serve it:
// demo/ with the CDN bundle under /cdn/, served as a CDN would (scripts/static-server.mjs), its
// widgets pointed at the sandbox actually running, under the Content Security Policy a careful
// department sets.
import { fileURLToPath } from 'node:url';
import { createStaticHandler } from './static-server.mjs';

const DEMO = fileURLToPath(new URL('../demo', import.meta.url));
/** The API root written in demo/index.html: the sandbox on `npm start`'s default port. */
export const DEMO_API = 'http://localhost:4010/api/v1';

/**
 * A request handler for the demo portal.
 * @param {{ cdnDir: string, apiUrl: string }} options the CDN bundle's folder, and the API root the widgets call
 */
export function createDemoPortalHandler({ cdnDir, apiUrl }) {
  const apiOrigin = new URL(apiUrl).origin;
  return createStaticHandler({
    routes: [['/cdn/', cdnDir], ['/', DEMO]],
    headers: {
      'content-security-policy': `default-src 'self'; connect-src 'self' ${apiOrigin}; style-src 'self' 'unsafe-inline'; form-action 'self' ${apiOrigin}`,
    },
    // Another port or host than the page's default (SANDBOX_PORT, DVC_PUBLIC_API_URL): the widgets follow it.
    rewriteHtml: (html) => html.replaceAll(DEMO_API, apiUrl),
  });
}
