// Accessibility conformance reports (WCAG 2.2 A/AA, in the manner of a VPAT / ITI ACR), one per widget,
// from hand-written claims (scripts/acr/claims/*.mjs) checked against the results of a test run
// (reports/test-results/*.json, written by web-test-runner and dvc-audit's node:test run, see
// scripts/acr/*-reporter.mjs).
//
//   node scripts/acr/generate.mjs            writes docs/acr/<widget>.md and docs/acr/README.md
//   node scripts/acr/generate.mjs --check    fails (exit 1) when the committed docs differ from what
//                                            this run's results and the claims generate
//   options: --claims DIR, --results DIR, --out DIR (defaults: scripts/acr/claims, reports/test-results, docs/acr)
//
// Every claim's evidence must hold: a test reference that matches no test, or a matched test that
// failed or was skipped in any browser, a source check that does not hold, a criterion missing or
// answered twice, a "supports" or "partially supports" without evidence: each is an error, printed
// with the reason, and nothing is written (exit 1). A claim is never downgraded silently.
// The output is deterministic (sorted, no dates), so --check can compare it byte for byte.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CONFORMANCE, CRITERIA } from './wcag22.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RESULT_FILES = ['browser-tests.json', 'audit-tests.json'];
/** Above this many matches, a reference is shown as one line (count, label, browsers). */
const LIST_AT_MOST = 3;
const BROWSER_ORDER = ['Chromium', 'Firefox ESR'];

// ---------- matching ----------

/** `*` (within a folder), `**` (any folders), `?` (one character); everything else literal. */
export function globToRegExp(glob) {
  let pattern = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      i++;
      if (glob[i + 1] === '/') {
        i++;
        pattern += '(?:.*/)?';
      } else {
        pattern += '.*';
      }
    } else if (c === '*') {
      pattern += '[^/]*';
    } else if (c === '?') {
      pattern += '[^/]';
    } else {
      pattern += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${pattern}$`);
}

/** A substring, a RegExp, or a list of them (any one matching). */
const matchesText = (wanted, text) => (Array.isArray(wanted)
  ? wanted.some((one) => matchesText(one, text))
  : wanted instanceof RegExp ? new RegExp(wanted.source, wanted.flags.replace('g', '')).test(text) : text.includes(wanted));
const showPattern = (wanted) => (Array.isArray(wanted) ? `[${wanted.map(showPattern).join(', ')}]` : wanted instanceof RegExp ? String(wanted) : JSON.stringify(wanted));
const sep = ' › ';

/** All results as one list: { file, suite, title, env, status }; env is the browser, or "node:test". */
export function normaliseResults(documents) {
  const tests = [];
  const problems = [];
  for (const document of documents) {
    for (const t of document.tests ?? []) tests.push({ file: t.file, suite: t.suite ?? [], title: t.title, env: t.browser ?? document.runner ?? 'node:test', status: t.status });
    for (const e of document.fileErrors ?? []) problems.push(`${e.file} (${e.browser}): ${e.message}`);
  }
  return { tests, problems };
}

/** The tests a reference names, grouped per test (file, suite, title) with the environments it ran in. */
export function matchTests(ref, tests) {
  const file = globToRegExp(ref.file);
  const groups = new Map();
  for (const t of tests) {
    if (!file.test(t.file) || !matchesText(ref.title, t.title)) continue;
    if (ref.suite !== undefined && !matchesText(ref.suite, t.suite.join(sep))) continue;
    const key = [t.file, ...t.suite, t.title].join('\u0000');
    const group = groups.get(key) ?? { file: t.file, suite: t.suite, title: t.title, runs: [] };
    group.runs.push({ env: t.env, status: t.status });
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => compareKeys([a.file, ...a.suite, a.title], [b.file, ...b.suite, b.title]));
}

function compareKeys(a, b) {
  const x = a.join('\u0000');
  const y = b.join('\u0000');
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Files under the repository a glob names, test files and helpers left out. */
function sourceFiles(root, glob) {
  const staticPart = glob.slice(0, glob.search(/[*?]/) === -1 ? glob.length : glob.search(/[*?]/));
  const start = staticPart.includes('/') ? staticPart.slice(0, staticPart.lastIndexOf('/')) : '.';
  const pattern = globToRegExp(glob);
  const out = [];
  const walk = (dir) => {
    const abs = join(root, dir);
    if (!existsSync(abs)) return;
    for (const name of readdirSync(abs).sort()) {
      if (name === 'node_modules' || name === '__snapshots__' || name === 'dist') continue;
      const rel = dir === '.' ? name : `${dir}/${name}`;
      if (statSync(join(root, rel)).isDirectory()) walk(rel);
      else if (pattern.test(rel) && !/\.test\.[cm]?[jt]s$|(?:^|\/)test-support\//.test(rel)) out.push(rel);
    }
  };
  walk(start);
  return out;
}

/** Runs a source check; returns the problems (empty when it holds). */
export function checkSource(ref, root = ROOT) {
  const files = [...new Set(ref.files.flatMap((glob) => sourceFiles(root, glob)))].sort();
  if (files.length === 0) return [`source ${ref.files.join(', ')} names no file`];
  const pattern = ref.absent ?? ref.present;
  const flags = pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`;
  const hits = [];
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8');
    for (const m of text.matchAll(new RegExp(pattern.source, flags))) {
      const line = text.slice(0, m.index).split('\n').length;
      hits.push(`${file}:${line}: ${m[0]}`);
    }
  }
  if (ref.absent) return hits.map((hit) => `source check "${ref.label}" does not hold: ${hit}`);
  return hits.length > 0 ? [] : [`source check "${ref.label}" does not hold: ${pattern} is in none of ${ref.files.join(', ')}`];
}

// ---------- claims ----------

const LEVELS = new Set(CONFORMANCE);
const refName = (ref) => (ref.kind === 'source'
  ? `source(${ref.files.join(', ')}, ${ref.absent ? 'absent' : 'present'} ${ref.absent ?? ref.present})`
  : `test(${ref.file}, ${showPattern(ref.title)}${ref.suite !== undefined ? `, suite ${showPattern(ref.suite)}` : ''})`);

/**
 * Checks one widget's claims against the criteria and the results. Returns the resolved claims (in
 * the criteria's order), the errors in the claims themselves, and the evidence that does not hold
 * (`problems`: what is wrong → the claims that cite it).
 */
export function resolveWidget(widget, tests, root = ROOT, problems = new Map()) {
  const errors = [];
  const cite = (who) => (problem) => problems.set(problem, [...(problems.get(problem) ?? []), who]);
  const where = (sc, level) => `${widget.widget} ${sc}${level ? ` (${level})` : ''}`;
  for (const field of ['widget', 'tag', 'title', 'description', 'scope']) {
    if (typeof widget[field] !== 'string' || widget[field].trim() === '') errors.push(`${widget.widget ?? '(a claims file)'}: "${field}" is missing`);
  }
  const known = new Set(CRITERIA.map((c) => c.sc));
  for (const sc of Object.keys(widget.claims ?? {})) {
    if (!known.has(sc)) errors.push(`${where(sc)}: not a WCAG 2.2 A or AA success criterion`);
  }
  const resolved = [];
  for (const criterion of CRITERIA) {
    const claim = widget.claims?.[criterion.sc];
    if (!claim) {
      errors.push(`${where(criterion.sc)}: ${criterion.name} has no claim (every A and AA criterion needs one)`);
      continue;
    }
    if (!LEVELS.has(claim.level)) errors.push(`${where(criterion.sc)}: level "${claim.level}" is not one of ${CONFORMANCE.join(', ')}`);
    if (typeof claim.remarks !== 'string' || claim.remarks.trim() === '') errors.push(`${where(criterion.sc, claim.level)}: no remarks`);
    const evidence = claim.evidence ?? [];
    if ((claim.level === 'supports' || claim.level === 'partially supports') && evidence.length === 0) {
      errors.push(`${where(criterion.sc, claim.level)}: no evidence (a claim of ${claim.level} needs at least one test or source check)`);
    }
    resolved.push({ ...criterion, claim, evidence: evidence.map((ref) => resolveRef(ref, tests, root, cite(where(criterion.sc, claim.level)))) });
  }
  const methods = (widget.methods ?? []).map((method) => ({
    ...method,
    evidence: (method.evidence ?? []).map((ref) => resolveRef(ref, tests, root, cite(`${widget.widget} evaluation method "${method.name}"`))),
  }));
  return { resolved, methods, errors, problems };
}

function resolveRef(ref, tests, root, fail) {
  if (ref.kind === 'source') {
    for (const problem of checkSource(ref, root)) fail(problem);
    return { ref };
  }
  if (ref.kind !== 'test') {
    fail(`evidence ${JSON.stringify(ref)} is neither test() nor source()`);
    return { ref, matches: [] };
  }
  const matches = matchTests(ref, tests);
  if (matches.length === 0) fail(`evidence ${refName(ref)} matched no test in this run's results`);
  else if (Array.isArray(ref.title)) {
    // Each title of a list names a test of its own: one that matches nothing was renamed or removed.
    for (const one of ref.title) {
      if (!matchTests({ ...ref, title: one }, tests).length) fail(`evidence test(${ref.file}, ${showPattern(one)}) (one of a list) matched no test in this run's results`);
    }
  }
  for (const match of matches) {
    for (const status of ['failed', 'skipped']) {
      const where = envs(match.runs.filter((run) => run.status === status));
      if (where) fail(`${match.file} › ${[...match.suite, match.title].join(sep)}: ${status} in ${where}`);
    }
  }
  return { ref, matches };
}

// ---------- Markdown ----------

/** Text from titles and patterns, safe in a Markdown table cell. */
export const md = (text) => String(text).replace(/[\\`*_[\]<>|]/g, '\\$&');
/** Hand-written remarks keep their `code` spans; only what would break the table is escaped. */
const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\n+/g, ' ');

function envOrder(a, b) {
  const ia = BROWSER_ORDER.indexOf(a);
  const ib = BROWSER_ORDER.indexOf(b);
  if (ia !== -1 || ib !== -1) return (ia === -1 ? 99 : ia) - (ib === -1 ? 99 : ib);
  return a < b ? -1 : a > b ? 1 : 0;
}
const envs = (runs) => [...new Set(runs.map((r) => r.env))].sort(envOrder).join(', ');

/** One line per test, or one per reference that names more than LIST_AT_MOST tests (with its label). */
function evidenceLines(items) {
  const lines = [];
  for (const { ref, matches } of items) {
    if (ref.kind === 'source') {
      lines.push(`source check: ${md(ref.label)} (${ref.files.map((f) => `\`${f}\``).join(', ')})`);
    } else if (matches.length > LIST_AT_MOST) {
      const files = [...new Set(matches.map((m) => basename(m.file)))].map((f) => `\`${f}\``).join(', ');
      const what = ref.label ?? `titles matching ${showPattern(ref.title)}`;
      lines.push(`${files} › ${matches.length} tests: ${md(what)} (${envs(matches.flatMap((m) => m.runs))})`);
    } else {
      for (const m of matches) lines.push(`\`${basename(m.file)}\` › ${md([...m.suite, m.title].join(sep))} (${envs(m.runs)})`);
    }
  }
  return lines;
}

const LEVEL_WORDS = { supports: 'Supports', 'partially supports': 'Partially Supports', 'does not support': 'Does Not Support', 'not applicable': 'Not Applicable' };

function counts(resolved, level) {
  const out = Object.fromEntries(CONFORMANCE.map((c) => [c, 0]));
  for (const r of resolved) if (!level || r.level === level) out[r.claim.level]++;
  return out;
}
const countLine = (c) => CONFORMANCE.map((level) => `${c[level]} ${level}`).join(', ');

function browsersLine(documents) {
  const browsers = documents.flatMap((d) => d.browsers ?? []);
  const shown = [...new Map(browsers.map((b) => [b.product, b])).values()]
    .sort((a, b) => envOrder(a.product, b.product))
    // Names only: the versions change with every Debian security update, and the report would drift.
    .map((b) => b.product);
  return shown.length > 0 ? shown.join(', ') : 'none recorded';
}

function renderWidget(widget, resolved, methods, context) {
  const out = [];
  out.push(`<!-- Generated by scripts/acr/generate.mjs from scripts/acr/claims/${widget.widget}.mjs and the results of a test run. Do not edit: change the claims or the tests, then run \`npm run acr\`. -->`);
  out.push('', `# Accessibility Conformance Report: ${widget.title} (\`<${widget.tag}>\`)`, '');
  out.push('WCAG 2.2 Level A and AA, in the manner of a VPAT® / ITI Accessibility Conformance Report. Every claim below was checked by `npm test` against the results of its own test run: each cited test passed in every browser it ran in, and each source check held.', '');
  out.push('| | |', '| --- | --- |');
  out.push(`| Product | DVC Kit, \`@dvc-kit/elements\`: \`<${widget.tag}>\` |`);
  out.push(`| Description | ${cell(widget.description)} |`);
  out.push('| Standard | [WCAG 2.2](https://www.w3.org/TR/WCAG22/), Level A and AA: 55 success criteria (4.1.1 Parsing is obsolete in WCAG 2.2 and not listed) |');
  out.push(`| Browsers tested | ${context.browsers}; axe-core ${context.axeVersion} |`);
  const a = counts(resolved, 'A');
  const aa = counts(resolved, 'AA');
  out.push(`| Level A (31) | ${countLine(a)} |`);
  out.push(`| Level AA (24) | ${countLine(aa)} |`);
  out.push('', '## Scope', '', widget.scope.trim(), '');
  out.push('## Evaluation methods', '');
  for (const method of methods) {
    const lines = evidenceLines(method.evidence);
    out.push(`- **${method.name}.** ${method.text.trim()}${lines.length > 0 ? ` Shown by: ${lines.join('; ')}.` : ''}`);
  }
  out.push('', '## How to read this report', '');
  out.push('- **Supports**: the widget meets the criterion in every state the cited tests drive it into, in every browser they ran in.');
  out.push('- **Partially Supports**: the cited tests show the criterion met in part; the remarks say what is not met, or not shown by any test.');
  out.push('- **Does Not Support**: the widget does not meet the criterion; the remarks say where.');
  out.push('- **Not Applicable**: the widget has no content the criterion is about (a page-level criterion is the portal\'s); the remarks say why, and a source check, where cited, keeps that true.');
  out.push('- **Evidence** names each test as `file` › describe › title, with the browsers it passed in (`node:test`: a dvc-audit test, which drives a browser itself). A source check is a pattern the generator looks for in the widget\'s source when it runs.');
  for (const [heading, level] of [['Table 1: Success Criteria, Level A', 'A'], ['Table 2: Success Criteria, Level AA', 'AA']]) {
    out.push('', `## ${heading}`, '');
    out.push('| Criteria | Conformance Level | Remarks and Explanations | Evidence |', '| --- | --- | --- | --- |');
    for (const r of resolved.filter((x) => x.level === level)) {
      const evidence = evidenceLines(r.evidence);
      out.push(`| [${r.sc} ${md(r.name)}](${r.url}) (Level ${r.level}) | ${LEVEL_WORDS[r.claim.level]} | ${cell(r.claim.remarks.trim())} | ${evidence.length > 0 ? evidence.join('<br>') : '—'} |`);
    }
  }
  if ((widget.gaps ?? []).length > 0) {
    out.push('', '## Known gaps', '');
    for (const gap of widget.gaps) out.push(`- ${gap.trim()}`);
  }
  out.push('');
  return out.join('\n');
}

function renderIndex(widgets, context) {
  const out = [];
  out.push('<!-- Generated by scripts/acr/generate.mjs. Do not edit: run `npm run acr`. -->', '');
  out.push('# Accessibility conformance reports', '');
  out.push('One report per widget: each WCAG 2.2 Level A and AA success criterion (55), its conformance level, why, and the tests that show it. The claims are written by hand in `scripts/acr/claims/<widget>.mjs`; `scripts/acr/generate.mjs` checks each one against the results of a test run (`reports/test-results/`, written by the browser tests and the dvc-audit tests) and writes these pages. `npm test` regenerates them from its own run and fails when a cited test failed, was skipped or no longer exists, or when the pages here differ from what the run generates. After changing a claim or a cited test: run the tests, then `npm run acr`.', '');
  out.push(`Browsers tested: ${context.browsers}; axe-core ${context.axeVersion}.`, '');
  out.push('| Widget | Supports | Partially Supports | Does Not Support | Not Applicable | Report |', '| --- | --- | --- | --- | --- | --- |');
  for (const { widget, resolved } of widgets) {
    const c = counts(resolved);
    out.push(`| \`<${widget.tag}>\` | ${c.supports} | ${c['partially supports']} | ${c['does not support']} | ${c['not applicable']} | [${widget.widget}.md](${widget.widget}.md) |`);
  }
  out.push('', 'A claim of conformance for a portal also needs the portal\'s own pages checked (`dvc-audit --tour`, see `packages/audit/README.md`) and testing with people who use assistive technologies: automated tests and snapshots cannot judge everything.', '');
  return out.join('\n');
}

// ---------- the run ----------

/** Every widget's report and the index, or the errors that stop them. */
export function buildReports({ widgets, documents, root = ROOT, axeVersion = 'unknown' }) {
  const errors = [];
  const { tests, problems } = normaliseResults(documents);
  for (const problem of problems) errors.push(`the test run did not complete: ${problem}`);
  const done = [];
  const names = new Set();
  const evidenceProblems = new Map();
  for (const widget of widgets) {
    if (names.has(widget.widget)) errors.push(`${widget.widget}: two claims files for the same widget`);
    names.add(widget.widget);
    const { resolved, methods, errors: widgetErrors } = resolveWidget(widget, tests, root, evidenceProblems);
    errors.push(...widgetErrors);
    done.push({ widget, resolved, methods });
  }
  // One line per thing that does not hold, with every claim that cites it.
  for (const [problem, citedBy] of evidenceProblems) errors.push(`${problem} — cited by ${[...new Set(citedBy)].join('; ')}`);
  const context = { browsers: browsersLine(documents), axeVersion };
  const files = new Map();
  if (errors.length === 0) {
    for (const { widget, resolved, methods } of done) files.set(`${widget.widget}.md`, renderWidget(widget, resolved, methods, context));
    files.set('README.md', renderIndex(done, context));
  }
  return { files, errors, summary: done.map(({ widget, resolved }) => ({ widget: widget.widget, ...counts(resolved) })) };
}

export async function loadClaims(dir) {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.mjs')).sort();
  const widgets = [];
  for (const name of names) widgets.push((await import(pathToFileURL(join(dir, name)).href)).default);
  return widgets;
}

export async function loadResults(dir) {
  const documents = [];
  const missing = [];
  for (const name of RESULT_FILES) {
    const file = join(dir, name);
    if (!existsSync(file)) {
      missing.push(file);
      continue;
    }
    documents.push(JSON.parse(await readFile(file, 'utf8')));
  }
  return { documents, missing };
}

function option(args, name, fallback) {
  const i = args.indexOf(name);
  return i === -1 ? fallback : resolve(args[i + 1]);
}

export async function main(args, log = console) {
  const check = args.includes('--check');
  const claimsDir = option(args, '--claims', join(ROOT, 'scripts/acr/claims'));
  const resultsDir = option(args, '--results', join(ROOT, 'reports/test-results'));
  const outDir = option(args, '--out', join(ROOT, 'docs/acr'));
  const { documents, missing } = await loadResults(resultsDir);
  if (missing.length > 0) {
    log.error(`No test results at ${missing.map((f) => relative(process.cwd(), f)).join(', ')}: run the browser tests and the dvc-audit tests first (npm test runs both, then this).`);
    return 1;
  }
  const axePackage = join(ROOT, 'node_modules/axe-core/package.json');
  const axeVersion = existsSync(axePackage) ? JSON.parse(readFileSync(axePackage, 'utf8')).version : 'unknown';
  const { files, errors, summary } = buildReports({ widgets: await loadClaims(claimsDir), documents, axeVersion });
  if (errors.length > 0) {
    log.error(`Accessibility conformance reports: ${errors.length} problem${errors.length === 1 ? '' : 's'}, the claims are not shown by this run:`);
    for (const error of errors) log.error(`  ✗ ${error}`);
    for (const document of documents) {
      const files = new Set(document.tests.map((t) => t.file)).size;
      log.error(`  (${document.runner}: ${document.tests.length} results from ${files} test files in ${relative(process.cwd(), resultsDir) || '.'}, the last run's: a run of a few files leaves the others' evidence missing)`);
    }
    log.error('Fix the test or the claim (scripts/acr/claims/), then run the tests again. Nothing was written.');
    return 1;
  }
  const rel = (f) => relative(process.cwd(), f) || '.';
  if (check) {
    const drift = [];
    for (const [name, content] of files) {
      const current = await readFile(join(outDir, name), 'utf8').catch(() => undefined);
      if (current !== content) drift.push(current === undefined ? `${name} is missing` : `${name} differs`);
    }
    const present = existsSync(outDir) ? (await readdir(outDir)).filter((n) => n.endsWith('.md')) : [];
    for (const name of present.filter((n) => !files.has(n)).sort()) drift.push(`${name} is not generated by any claims file`);
    if (drift.length > 0) {
      log.error(`${rel(outDir)} is out of date with the claims and this run's results: ${drift.join('; ')}. Run: npm run acr`);
      return 1;
    }
    log.log(`Accessibility conformance reports in ${rel(outDir)} match this run: ${summary.map((s) => `${s.widget} ${s.supports}/${s['partially supports']}/${s['does not support']}/${s['not applicable']}`).join(', ')} (supports/partially/does not/n.a.).`);
    return 0;
  }
  await mkdir(outDir, { recursive: true });
  for (const [name, content] of files) await writeFile(join(outDir, name), content);
  log.log(`Wrote ${[...files.keys()].map((n) => join(rel(outDir), n)).join(', ')}.`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
