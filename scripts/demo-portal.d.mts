import type { IncomingMessage, ServerResponse } from 'node:http';

/** The API root written in demo/index.html: the sandbox on `npm start`'s default port. */
export const DEMO_API: string;
/** A request handler for the demo portal: demo/ with the CDN bundle under /cdn/, its widgets pointed at `apiUrl`. */
export function createDemoPortalHandler(options: { cdnDir: string; apiUrl: string }): (request: IncomingMessage, response: ServerResponse) => void;
