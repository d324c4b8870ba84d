import { readFileSync, readdirSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { join, dirname, relative, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const kB = 1024;

/**
 * The size ceilings `npm test` enforces (bench/check-sizes.ts): brotli bytes per CDN entry as sent,
 * the entry and the chunks it imports each compressed on its own (as a CDN does), the Vietnamese
 * messages included (they are bundled with their widget). Each is the size
 * measured when it was set, rounded up by at most 1 kB: a ratchet against growth, lowered whenever
 * the bundle shrinks. Raising one is a deliberate change, in a commit that says what the growth bought.
 */
export const CEILINGS: Record<string, number> = {
  // Measured as sent (each file compressed on its own), the Vietnamese messages in the widgets' own
  // files, since the API client and ky (8.4 kB) load on first need and the search's results and
  // detail (2.6 kB) with its first request, the survey's form with its form's request: what a widget
  // downloads before it paints.
  // Then what the tracker, the payment and the survey say where scripts do not run (0.1 kB).
  // Then the search's error summary, when Search is pressed with nothing to search for: the one error
  // pattern, now shared by all four (0.3 kB). Then, in every widget, saying that a widget is set up
  // wrongly (no api-base, or one where no API answers), the widget's own sheets adopted over
  // prerendered markup whose inline styles a CSP refuses, and no space held without scripting (0.3 kB).
  // Then the survey's draft keeping no identity number typed in a comment (the server's mask), and
  // an error summary's items keeping their places as they are put right (0.1 kB). Then a paid dossier's
  // printable receipt linked from the tracker, and live regions and alerts that stay quiet when the
  // page switches language rather than say their last message again (0.4 kB). Then sizes in a rem of
  // at least 16 px, so a portal whose root font is 62.5% or 10px still gets 16 px text and 44 px
  // targets, and the payment and the evaluation shown again after a reload (0.3 kB). Then the payment
  // method a payer chose kept over a reload (0.1 kB). Then focus kept where the citizen is when the
  // search's "Try again" or a procedure's detail that fails to open takes away the button pressed, and
  // left where the citizen moved it meanwhile (0.2 kB). Then the console saying what to fix when
  // api-base leads to no API, in every widget, and the search's paste longer than it takes, said
  // rather than cut (0.3 kB); then one check of an API root, shared with the SDK, and the search's
  // long text counted as it looks (0.1 kB); then a hidden section shown a frame before it is scrolled
  // to, and everything above a widget held in view left out of the browser's scroll anchoring, so that
  // nothing in view jumps on the way back from the gateway (0.2 kB); then that held across shadow
  // roots and slots, two holds at once, a reveal undone within its two frames, and a section
  // `hidden="until-found"` hidden again as it was (0.2 kB). Then the payment's "checking" holding the
  // place of the outcome it waits for, by page width and language, and the browser's scroll anchor
  // kept on the widget as its views change, so that nothing moves when the outcome comes (0.2 kB);
  // then focus moved into a widget being brought into view, or held there, not scrolling the page
  // itself, and the reveal's scroll waiting for a frame in which the page above has stopped moving
  // the widget (0.1 kB); then the page's scroll restoration taken over while a widget the kit
  // brought into view is shown, so that a reload's restoring does not undo it (0.1 kB); then the
  // page survey holding its form's height, by page width and language, while the form loads (0.1 kB);
  // then the payment closed with its dossier (not accepted, withdrawn, stopped), said as such with
  // nothing to pay again, and the tracker saying "pay again" only where it offers to (0.4 kB); then
  // focus kept in the tracker, the payment and the survey after "Try again", by one wait in the
  // shared focus controller that the search's own gave way to (0.1 kB); then the payment's reason
  // for asking the number again kept while it is checked, and the survey's "answers kept" said only
  // when there are answers (0.1 kB).
  'dvc-kit.js': 59.2 * kB,
  // The shared messages every widget holds grew with what the tracker and the payment say of a
  // payment made before the fees changed (0.1 kB as sent); then the error summary (0.8 kB); then
  // the shared words for a widget set up wrongly and a survey of a dossier closed without a result (0.1 kB);
  // then sizes in a rem of at least 16 px, as for dvc-kit.js (0.1 kB); then focus kept after "Try
  // again" and a detail that fails to open, as for dvc-kit.js (0.2 kB); then, as for dvc-kit.js, the
  // console on an api-base that leads to no API and a paste longer than the search takes (0.3 kB);
  // then, as for dvc-kit.js, the API root's check and the long text counted as it looks (0.1 kB).
  'dvc-procedure-search.js': 27.7 * kB,
  // Letting go of a dossier in a page the browser brings back after "Look up another" (0.2 kB);
  // then, as for dvc-kit.js, a widget set up wrongly, a CSP over prerendered markup (0.3 kB); then the
  // receipt link of a paid dossier, whose code it now shares with the payment in their common chunk,
  // and the quiet live region after a switch of language (0.6 kB); then sizes in a rem of at least
  // 16 px, as for dvc-kit.js (0.1 kB); then the reload's note of the widgets handed the dossier,
  // which it shares with them, kept to its page and its time (0.1 kB); then where focus goes on a
  // failure, one function in the shared chunk for every widget (under 0.1 kB); then, as for
  // dvc-kit.js, the console on an api-base that leads to no API and the API root's check (0.1 kB);
  // then the way back from the gateway without a jump, in the chunk it shares, as for dvc-kit.js (0.4 kB);
  // then focus not scrolling a widget brought into view, as for dvc-kit.js (under 0.1 kB); then the
  // reveal's wait and the scroll restoration taken over, in the chunk it shares, as for dvc-kit.js (0.1 kB);
  // then a held height's part that does not grow with the text, in the chunk it shares (under 0.1 kB);
  // then "pay again" said only where it offers to, and nothing to pay on a dossier closed without a
  // result, as for dvc-kit.js (0.1 kB); then focus kept after "Try again", with the wait it shares
  // in the shared chunk, as for dvc-kit.js (0.3 kB).
  'dvc-dossier-tracker.js': 30.0 * kB,
  // The receipt link moved into the chunk it shares with the tracker (0.1 kB); then the payment and
  // the evaluation a citizen was at shown again when the page is loaded again (0.1 kB); then sizes in
  // a rem of at least 16 px, as for dvc-kit.js (0.2 kB); then that reload's note kept to its page,
  // only the widget handed the dossier last brought into view (0.1 kB); then the method a payer chose
  // kept over a reload, and where focus goes on a failure, shared as for the tracker (0.1 kB); then
  // the console on an api-base that leads to no API, as for dvc-kit.js (under 0.1 kB); then the way
  // back from the gateway without a jump, as for dvc-kit.js (0.4 kB); then "checking" holding the
  // outcome's place and the scroll anchor kept on the widget, as for dvc-kit.js (0.2 kB); then focus
  // not scrolling a widget brought into view, as for dvc-kit.js (under 0.1 kB); then the reveal's
  // wait and the scroll restoration taken over, as for dvc-kit.js (0.1 kB); then a held height's
  // part that does not grow with the text, as for the tracker (under 0.1 kB); then a payment closed
  // with its dossier, said as such, as for dvc-kit.js (0.2 kB); then focus kept after "Try again",
  // as for dvc-kit.js (0.2 kB); then its reason for asking the number again kept while the number
  // is checked (under 0.1 kB).
  'dvc-payment.js': 32.0 * kB,
  // Its draft keeping no identity number typed in a comment, masked as the server masks it (0.1 kB);
  // then its error summary, failures and character count staying quiet when the page switches
  // language, and the chunk it shares with the tracker and the payment (0.4 kB); then sizes in a rem of
  // at least 16 px, as for dvc-kit.js, and the evaluation shown again after a reload (0.2 kB), kept
  // to its page (0.1 kB); then the console on an api-base that leads to no API, as for dvc-kit.js
  // (under 0.1 kB); then its section shown without a jump, as for dvc-kit.js (0.4 kB); then focus not
  // scrolling a widget brought into view, and the reveal's scroll waiting for the page above, as for
  // dvc-kit.js (0.1 kB); then the scroll restoration taken over, as for dvc-kit.js (0.1 kB); then in
  // page mode its form's height held while it loads, by page width and language (0.2 kB); then focus
  // kept after "Try again" when its form failed to load, as for dvc-kit.js (0.2 kB); then "your
  // answers are kept" said only when there are answers (under 0.1 kB).
  'dvc-satisfaction-survey.js': 27.1 * kB,
  // The loader: the widget list and each widget's chunk names, which it preloads, the few lines that
  // paint a bare widget's first view, and the retries of a widget's entry; and painting a first
  // view again when the page's language changes before the widget comes, keeping what was typed
  // (0.5 kB as sent); then telling a page's policy that refuses the kit from a network that failed,
  // so no entry is asked for again in vain, and the space held for a view that failed let go (0.2 kB);
  // then a widget that failed asked for again, under a new address, by a tag added later, and the
  // search page of pasted markup kept when it is painted in another language (under 0.1 kB).
  'dvc-loader.js': 2.5 * kB,
  // Lit's hydration, which the loader adds for prerendered widgets: its own file 1.8 kB, the rest
  // Lit's chunk, which the widgets load anyway.
  'dvc-hydrate.js': 9.5 * kB,
};

export interface Size {
  raw: number;
  gzip: number;
  brotli: number;
}

/**
 * The ceiling of each widget's first view as the loader paints it (`prerendered/<tag>.<lang>.js`,
 * scripts/prerender.mjs): with the loader, what a bare tag needs to paint and take input. It holds
 * both of its failure messages: the network's, and a page's policy that refuses the kit (0.1 kB).
 */
export const FIRST_VIEW_CEILING = 3.3 * kB;

export function size(code: Buffer): Size {
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
  /** The entry and every chunk it imports statically: what a page downloads before the widget runs. */
  files: string[];
  /** Their sizes summed, each file compressed on its own, as a CDN sends them. */
  size: Size;
  /** The parts of the Vietnamese messages bundled in those files (`shared`, a widget's folder). */
  viParts: string[];
  /** The source modules bundled in those files (from their source maps), relative to the repository. */
  sources: string[];
  /** Its ceiling (CEILINGS), or null for an entry that has none. */
  ceilingBrotli: number | null;
  withinCeiling: boolean;
}

const GENERATED_VI = fileURLToPath(new URL('../packages/elements/src/locales/generated/vi/', import.meta.url));

/** Each part of the Vietnamese messages and its message ids (which survive minification as keys). */
function viMessageIds(): Map<string, string[]> {
  const parts = new Map<string, string[]>();
  for (const file of readdirSync(GENERATED_VI).filter((f) => f.endsWith('.ts'))) {
    const ids = [...readFileSync(join(GENERATED_VI, file), 'utf8').matchAll(/^\s*'([\w-]+)':/gm)].map((m) => m[1]!);
    parts.set(file.replace(/\.ts$/, ''), ids);
  }
  return parts;
}

const REPOSITORY = fileURLToPath(new URL('..', import.meta.url));

/** The source modules of bundled files, from their source maps (`<file>.map`), relative to the repository. */
function sourcesOf(dir: string, files: string[]): string[] {
  const sources = new Set<string>();
  for (const file of files) {
    const map = JSON.parse(readFileSync(join(dir, `${file}.map`), 'utf8')) as { sources: string[] };
    for (const source of map.sources) sources.add(relative(REPOSITORY, resolve(dirname(join(dir, file)), source)));
  }
  return [...sources].sort();
}

/** Sizes of the CDN entries in dist/cdn (build it first: scripts/build.mjs's buildCdnBundle). */
export function measureBundles(dir: string): BundleEntry[] {
  const entries = readdirSync(dir).filter((f) => f.endsWith('.js'));
  const messageIds = viMessageIds();
  return entries.map((entry) => {
    const files = [...closure(dir, entry)];
    const sizes = files.map((f) => size(readFileSync(join(dir, f))));
    const total = sizes.reduce((sum, s) => ({ raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip, brotli: sum.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });
    const code = files.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
    const viParts = [...messageIds].filter(([, ids]) => ids.some((id) => code.includes(`${id}:`) || code.includes(`"${id}"`) || code.includes(`'${id}'`)))
      .map(([part]) => part).sort();
    const ceilingBrotli = CEILINGS[entry] ?? null;
    return { entry, files, size: total, viParts, sources: sourcesOf(dir, files), ceilingBrotli, withinCeiling: ceilingBrotli !== null && total.brotli <= ceilingBrotli };
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
