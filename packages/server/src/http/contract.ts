/**
 * The contract the sandbox serves and validates against: openapi/dvc.yaml, the public API, and,
 * with the admin routes on, openapi/sandbox.yaml, the sandbox's test controls, merged into one
 * document for fastify-openapi-glue. sandbox.yaml refers to the public components as
 * `./dvc.yaml#/components/…`; in the merged document those are local references again.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { FastifyRequest } from 'fastify';
import { parse as parseYaml } from 'yaml';

/**
 * A contract file: the copy the build puts beside the built code (dist/openapi/, so the installed
 * package has its contract), else the repository's openapi/, which the sources read as it is edited.
 */
function contractFile(name: string): URL {
  const built = new URL(`../openapi/${name}`, import.meta.url);
  return existsSync(built) ? built : new URL(`../../../../openapi/${name}`, import.meta.url);
}

export const PUBLIC_CONTRACT = contractFile('dvc.yaml');
export const SANDBOX_CONTRACT = contractFile('sandbox.yaml');
const PUBLIC_REF = './dvc.yaml#';

type Json = Record<string, unknown>;
export interface OpenApiDocument extends Json {
  paths: Record<string, Json>;
  tags?: { name: string }[];
  components?: Record<string, Json>;
}

const read = (url: URL) => parseYaml(readFileSync(url, 'utf8')) as OpenApiDocument;

/** A copy of `node` with `./dvc.yaml#/…` references made local; any other file reference is refused. */
function localRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(localRefs);
  if (!node || typeof node !== 'object') return node;
  const copy: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string' && !value.startsWith('#')) {
      if (!value.startsWith(PUBLIC_REF)) throw new Error(`sandbox.yaml: unsupported reference ${value}`);
      copy[key] = `#${value.slice(PUBLIC_REF.length)}`;
    } else {
      copy[key] = localRefs(value);
    }
  }
  return copy;
}

/** Adds `extra`'s entries to `into`; a name both define is a mistake in the contracts. */
function addAll(into: Json, extra: Json | undefined, where: string): void {
  for (const [name, value] of Object.entries(extra ?? {})) {
    if (name in into) throw new Error(`sandbox.yaml redefines ${where}/${name} of dvc.yaml`);
    into[name] = value;
  }
}

/**
 * The public contract plus the sandbox's: its paths, tags and components added after the public
 * ones (the info, servers and security are the public contract's).
 */
export function mergeContracts(publicDoc: OpenApiDocument, sandboxDoc: OpenApiDocument): OpenApiDocument {
  const merged = structuredClone(publicDoc);
  const sandbox = localRefs(sandboxDoc) as OpenApiDocument;
  addAll(merged.paths, sandbox.paths, 'paths');
  merged.tags = [...(merged.tags ?? []), ...(sandbox.tags ?? [])];
  merged.components ??= {};
  for (const [section, entries] of Object.entries(sandbox.components ?? {})) {
    addAll((merged.components[section] ??= {}), entries, `components/${section}`);
  }
  return merged;
}

/** The contract's operation a request was routed to, if any. */
export const operationIdOf = (request: FastifyRequest): string | undefined =>
  (request.routeOptions.schema as { operationId?: string } | undefined)?.operationId;

/** The document to serve: the public contract, with the sandbox's test controls when `sandbox` is on. */
export function loadContract({ sandbox }: { sandbox: boolean }): OpenApiDocument {
  const publicDoc = read(PUBLIC_CONTRACT);
  return sandbox ? mergeContracts(publicDoc, read(SANDBOX_CONTRACT)) : publicDoc;
}

/**
 * The media types the contract only answers with (a report as CSV, the HTML receipt, problems),
 * never takes as a request body. fastify-openapi-glue asks for a body parser for every media type a
 * contract names and warns at every start for each one missing; the server refuses these as 415.
 */
export function answerOnlyMediaTypes(doc: OpenApiDocument): string[] {
  const answered = new Set<string>();
  const taken = new Set<string>();
  const walk = (node: unknown, inRequest: boolean): void => {
    if (Array.isArray(node)) return node.forEach((item) => walk(item, inRequest));
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'content' && value && typeof value === 'object' && !Array.isArray(value)) {
        for (const type of Object.keys(value)) (inRequest ? taken : answered).add(type);
      }
      walk(value, inRequest || key === 'requestBody' || key === 'requestBodies');
    }
  };
  walk(doc, false);
  return [...answered].filter((type) => !taken.has(type)).sort();
}
