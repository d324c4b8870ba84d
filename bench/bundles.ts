import { readFileSync, readdirSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const kB = 1024;

/**
 * The size ceilings `npm test` enforces (bench/check-sizes.ts): brotli bytes per CDN entry, counting
 * the entry, the chunks it imports and the Vietnamese message chunks it loads. Each is the size
 * measured when it was set, rounded up by at most 1 kB: a ratchet against growth, lowered whenever
 * the bundle shrinks. Raising one is a deliberate change, in a commit that says what the growth bought.
 */
export const CEILINGS: Record<string, number> = {
  // 0.1 kB for the contract's two API-key problem codes, which the widgets' exhaustive message
  // switch names (a citizen meets them only from a misconfigured service).
  'dvc-kit.js': 50.6 * kB,
  // The shared core (base element, error summary, focus controller) is in every widget now; dates in
  // the official Vietnamese style and the error wording in all four; the search's voice feedback,
  // filters disclosure and field list, the tracker's status shapes and apology dates; the journey
  // (the dossier access token kept per tab, the hand-over from the tracker, the payment's way back
  // from the gateway on any page, the survey's status before its form).
  'dvc-procedure-search.js': 31 * kB,
  // The tracker also pays 0.1 kB for the date formatters made once instead of per date.
  'dvc-dossier-tracker.js': 29.5 * kB,
  'dvc-payment.js': 31 * kB,
  'dvc-satisfaction-survey.js': 28.5 * kB,
};

export interface Size {
  raw: number;
  gzip: number;
  brotli: number;
}

function size(code: Buffer): Size {
  return {
    raw: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** An entry and every chunk it imports statically (what a page downloads before the widget runs). */
function closure(dir: string, file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join(dir, file), 'utf8');
  for (const match of code.matchAll(/(?:import|export)[^'"]*?from\s*["']\.\/?([^"']+)["']|import\s*["']\.\/?([^"']+)["']/g)) {
    const target = join(dirname(file), match[1] ?? match[2]!).replace(/^\.\//, '');
    closure(dir, target, seen);
  }
  return seen;
}

export interface BundleEntry {
  entry: string;
  /** Entry plus statically imported chunks. */
  size: Size;
  /** Plus the lazily loaded Vietnamese message chunks it asks for (what a vi page downloads). */
  withViLocale: Size;
  viChunks: string[];
  /** Its ceiling (CEILINGS), or null for an entry that has none. */
  ceilingBrotli: number | null;
  withinCeiling: boolean;
}

/** The Vietnamese message chunks the given files load lazily (`import("./vi-<part>-….js")`). */
function viChunks(dir: string, files: Iterable<string>): string[] {
  const found = new Set<string>();
  for (const file of files) {
    const code = readFileSync(join(dir, file), 'utf8');
    for (const match of code.matchAll(/import\(\s*["']\.\/?((?:[\w-]+\/)*vi-[\w-]+\.js)["']\s*\)/g)) {
      found.add(join(dirname(file), match[1]!).replace(/^\.\//, ''));
    }
  }
  return [...found].sort();
}

/** Sizes of the CDN entries in dist/cdn (run `rollup -c` first). */
export function measureBundles(dir: string): BundleEntry[] {
  const entries = readdirSync(dir).filter((f) => f.endsWith('.js'));
  return entries.map((entry) => {
    const files = [...closure(dir, entry)];
    const code = Buffer.concat(files.map((f) => readFileSync(join(dir, f))));
    const vi = viChunks(dir, files);
    const withVi = Buffer.concat([code, ...vi.map((f) => readFileSync(join(dir, f)))]);
    const ceilingBrotli = CEILINGS[entry] ?? null;
    const withViLocale = size(withVi);
    return { entry, size: size(code), withViLocale, viChunks: vi, ceilingBrotli, withinCeiling: ceilingBrotli !== null && withViLocale.brotli <= ceilingBrotli };
  });
}

/** The floor any Lit widget pays: a minimal LitElement, bundled and minified the same way. */
export async function measureMinimalLit(root: string): Promise<Size> {
  const dir = mkdtempSync(join(tmpdir(), 'dvc-lit-'));
  try {
    const entry = join(dir, 'minimal.js');
    writeFileSync(entry, `import { LitElement, html } from '${join(root, 'node_modules/lit/index.js')}';
class MinimalElement extends LitElement { render() { return html\`<p>Xin chào</p>\`; } }
customElements.define('minimal-element', MinimalElement);`);
    const bundle = await rollup({ input: entry, plugins: [nodeResolve(), terser({ ecma: 2022, module: true, format: { comments: false } })] });
    const { output } = await bundle.generate({ format: 'es' });
    await bundle.close();
    return size(Buffer.from(output.map((o) => (o.type === 'chunk' ? o.code : '')).join('')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
