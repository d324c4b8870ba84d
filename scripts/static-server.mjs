// The demo portal's static files, served the way a CDN serves the kit: brotli or gzip as the browser
// accepts (compressed once per file version and kept in memory), hashed chunks cached for a year,
// everything else revalidated by ETag, and nothing outside the folders it is given.
// Used by `npm start` (scripts/start.mjs) and by the tests' portal (packages/audit/test/support/servers.ts).
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { promisify } from 'node:util';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Content types by extension; anything else is application/octet-stream. */
export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt']);

/** A chunk of the CDN build: rollup names it `chunks/<name>-<8-character hash>.js`, so its bytes never change. */
export const HASHED_CHUNK = /(?:^|\/)chunks\/[\w.-]+-[\w-]{8}\.js(?:\.map)?$/;

/** Cache-Control of a hashed chunk: a new build gives new names, so a copy never goes stale. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Cache-Control of the entries and other files: kept a few minutes, then revalidated by ETag. */
export const SHORT = 'public, max-age=300, must-revalidate';
/** Cache-Control of HTML pages: revalidated on every visit (a 304 when unchanged). */
export const PAGE = 'no-cache';

/**
 * The encoding to send: brotli, else gzip, else none, as `accept-encoding` allows (`;q=0` refuses one;
 * `*` stands for any not named).
 * @param {string | undefined} header
 * @returns {'br' | 'gzip' | 'identity'}
 */
export function chooseEncoding(header) {
  /** @type {Map<string, number>} */
  const weights = new Map();
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((value) => value !== undefined);
    weights.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const accepts = (name) => (weights.get(name) ?? weights.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return 'identity';
}

/**
 * The file a URL path names inside one of the routes, or a status to answer instead: 400 for a path
 * that is malformed or climbs out (`..`, in any encoding, or a backslash or NUL), 404 for one no
 * route serves.
 * @param {string} rawUrl the request's URL as sent (path and query)
 * @param {Array<[string, string]>} routes URL prefix (ending in "/") → folder, first match wins
 * @returns {{ file: string, relative: string } | { status: 400 | 404 }}
 */
export function resolveRequest(rawUrl, routes) {
  const rawPath = rawUrl.split(/[?#]/, 1)[0] ?? '/';
  let path;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return { status: 400 };
  }
  // Refused as sent, before any normalisation could turn `/cdn/../package.json` into a path inside.
  if (!path.startsWith('/') || /[\\\0]/.test(path) || path.split('/').some((segment) => segment === '..' || segment === '.')) return { status: 400 };
  const route = routes.find(([prefix]) => path.startsWith(prefix));
  if (!route) return { status: 404 };
  const [prefix, folder] = route;
  const base = resolve(folder);
  const relative = path.slice(prefix.length);
  const file = resolve(base, relative);
  // The segment check above already keeps the path inside; this holds even if it did not.
  if (file !== base && !file.startsWith(base + sep)) return { status: 400 };
  return { file, relative };
}

/** Whether an If-None-Match header matches the ETag (weak comparison, as RFC 9110 asks for it). */
function matchesEtag(header, etag) {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = (tag) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => opaque(tag) === opaque(etag));
}

/**
 * A request handler for `http.createServer` that serves static files from the given folders.
 * @param {object} options
 * @param {Array<[string, string]>} options.routes URL prefix (ending in "/") → folder, first match wins; a folder's index.html answers for it
 * @param {Record<string, string>} [options.headers] sent with every answer (a CSP, say)
 * @param {(html: string) => string} [options.rewriteHtml] changes an HTML page's text before it is sent
 * @returns {(request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse) => Promise<void>}
 */
export function createStaticHandler({ routes, headers = {}, rewriteHtml }) {
  /**
   * What has been read and compressed, by file; reused while the file's size and time stay the same.
   * @type {Map<string, { version: string, identity: Buffer, br?: Promise<Buffer>, gzip?: Promise<Buffer>, hash: string }>}
   */
  const cache = new Map();

  async function load(file, info) {
    const version = `${info.size}:${info.mtimeMs}`;
    const cached = cache.get(file);
    if (cached?.version === version) return cached;
    let identity = await readFile(file);
    if (rewriteHtml && extname(file) === '.html') identity = Buffer.from(rewriteHtml(identity.toString('utf8')));
    const hash = createHash('sha256').update(identity).digest('base64url').slice(0, 22);
    const entry = { version, identity, hash };
    cache.set(file, entry);
    return entry;
  }

  /** The bytes in the chosen encoding, compressed on first use (brotli at its best, as for a CDN's precompressed files). */
  function encoded(entry, encoding) {
    if (encoding === 'identity') return Promise.resolve(entry.identity);
    entry[encoding] ??= encoding === 'br'
      ? brotliAsync(entry.identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: entry.identity.length } })
      : gzipAsync(entry.identity, { level: 9 });
    return entry[encoding];
  }

  return async (request, response) => {
    const send = (status, extra = {}, body = '') => {
      response.writeHead(status, { 'x-content-type-options': 'nosniff', ...headers, ...extra });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, { allow: 'GET, HEAD' });
    const target = resolveRequest(request.url ?? '/', routes);
    if ('status' in target) return send(target.status, { 'content-type': 'text/plain; charset=utf-8' }, target.status === 400 ? 'Bad request' : 'Not found');

    let { file, relative } = target;
    let info;
    try {
      info = await stat(file);
      if (info.isDirectory()) {
        file = join(file, 'index.html');
        relative = join(relative, 'index.html');
        info = await stat(file);
      }
      if (!info.isFile()) throw new Error('not a file');
    } catch {
      return send(404, { 'content-type': 'text/plain; charset=utf-8' }, 'Not found');
    }

    const extension = extname(file);
    const compressible = COMPRESSIBLE.has(extension);
    let entry;
    let body;
    let encoding = compressible ? chooseEncoding(request.headers['accept-encoding']) : 'identity';
    try {
      entry = await load(file, info);
      body = await encoded(entry, encoding);
    } catch {
      return send(500, { 'content-type': 'text/plain; charset=utf-8' }, 'Could not read the file');
    }
    // A tiny file may come out larger compressed: then it goes as it is.
    if (body.length >= entry.identity.length) [body, encoding] = [entry.identity, 'identity'];
    // Each encoding is its own representation, so its own (strong) ETag.
    const etag = `"${entry.hash}${encoding === 'identity' ? '' : `-${encoding}`}"`;
    const common = {
      'cache-control': HASHED_CHUNK.test(relative) ? IMMUTABLE : extension === '.html' ? PAGE : SHORT,
      etag,
      ...(compressible ? { vary: 'accept-encoding' } : {}),
      // Module scripts load with CORS: a page on another origin than the bundle's reads them only
      // with this header, as every public CDN sends it.
      ...(extension === '.js' ? { 'access-control-allow-origin': '*' } : {}),
    };
    if (matchesEtag(request.headers['if-none-match'], etag)) return send(304, common);
    send(200, {
      ...common,
      'content-type': CONTENT_TYPES[extension] ?? 'application/octet-stream',
      'content-length': String(body.length),
      ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }),
    }, body);
  };
}
