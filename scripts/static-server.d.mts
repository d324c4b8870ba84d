import type { IncomingMessage, ServerResponse } from 'node:http';

/** Content types by extension; anything else is application/octet-stream. */
export const CONTENT_TYPES: Record<string, string>;
/** A chunk of the CDN build (`chunks/<name>-<8-character hash>.js`, and its map): its bytes never change. */
export const HASHED_CHUNK: RegExp;
/** Cache-Control of a hashed chunk. */
export const IMMUTABLE: string;
/** Cache-Control of the entries and other files (a few minutes, then revalidated by ETag). */
export const SHORT: string;
/** Cache-Control of HTML pages (revalidated on every visit). */
export const PAGE: string;
/** The encoding to send for an `accept-encoding` header: brotli, else gzip, else none. */
export function chooseEncoding(header: string | undefined): 'br' | 'gzip' | 'identity';
/** The file a URL path names inside one of the routes, or the status to answer instead (400 for a path that climbs out). */
export function resolveRequest(rawUrl: string, routes: Array<[string, string]>): { file: string; relative: string } | { status: 400 | 404 };
/** A request handler for `http.createServer` serving static files from the given folders as a CDN would. */
export function createStaticHandler(options: {
  /** URL prefix (ending in "/") → folder, first match wins. */
  routes: Array<[string, string]>;
  /** Sent with every answer (a CSP, say). */
  headers?: Record<string, string>;
  /** Changes an HTML page's text before it is sent. */
  rewriteHtml?: (html: string) => string;
}): (request: IncomingMessage, response: ServerResponse) => Promise<void>;
