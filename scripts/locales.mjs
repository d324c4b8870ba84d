// Localisation pipeline for @dvc-kit/elements (lit-localize, runtime mode; config: lit-localize.json).
//
//   node scripts/locales.mjs extract   messages in the source → packages/elements/xliff/vi.xlf
//   node scripts/locales.mjs build     xliff → packages/elements/src/locales/generated/<locale>/*.ts,
//                                      one module per widget plus `shared`; fails when a message
//                                      has no translation
//   node scripts/locales.mjs --check   builds into a temp dir and fails when the checked-in
//                                      generated files differ (drift), or a translation is missing
//
// lit-localize itself only warns on a missing translation and ships the English text: in a
// Vietnamese portal that is a bug, so it is an error here.
//
// lit-localize writes one module per locale with every widget's messages. A page that embeds only
// the tracker should not download the survey's Vietnamese, so the build splits that module by the
// folder each message is used in (packages/elements/src/<widget>/); messages used by shared code
// or by more than one widget go to `shared`. shared/locale.ts merges the parts a page has loaded.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import widgetList from '../packages/elements/widgets.json' with { type: 'json' };

const root = fileURLToPath(new URL('..', import.meta.url));
const configPath = join(root, 'lit-localize.json');
const config = JSON.parse(readFileSync(configPath, 'utf8'));
const cli = join(root, 'node_modules/@lit/localize-tools/bin/lit-localize.js');
// Each widget's messages become their own module per locale (see splitByWidget), named by its folder
// in packages/elements/widgets.json.
const WIDGET_FOLDERS = widgetList.widgets.map((widget) => widget.folder);
const elementsSource = resolve(root, 'packages/elements/src');

const mode = process.argv[2];
if (mode === 'extract') {
  run(['extract'], configPath);
} else if (mode === 'build') {
  const output = run(['build'], configPath);
  failOnMissing(output);
  await splitByWidget(resolve(root, config.output.outputDir));
  console.log(`Built ${config.targetLocales.join(', ')} into ${config.output.outputDir}.`);
} else if (mode === '--check' || mode === 'check') {
  await check();
} else {
  console.error('usage: node scripts/locales.mjs extract | build | --check');
  process.exit(2);
}

/** Runs lit-localize with a config file; returns its combined output, exits on failure. */
function run(args, config) {
  // process.execPath: the same Node that runs this script (24), not whatever `node` is on PATH.
  const result = spawnSync(process.execPath, [cli, `--config=${config}`, ...args], { cwd: root, encoding: 'utf8' });
  const output = `${result.stdout}${result.stderr}`;
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  if (result.status !== 0) process.exit(result.status ?? 1);
  return output;
}

/** Trans-units without a non-empty <target>, per locale, read from the xliff files. */
function untranslated() {
  const missing = [];
  for (const locale of config.targetLocales) {
    const file = join(root, config.interchange.xliffDir, `${locale}.xlf`);
    if (!existsSync(file)) {
      missing.push(`${locale}: ${file} does not exist (run: node scripts/locales.mjs extract)`);
      continue;
    }
    const xliff = readFileSync(file, 'utf8');
    for (const [, id, body] of xliff.matchAll(/<trans-unit id="([^"]+)"[^>]*>([\s\S]*?)<\/trans-unit>/g)) {
      if (!/<target[^>]*>[\s\S]*?\S[\s\S]*?<\/target>/.test(body)) {
        const source = /<source>([\s\S]*?)<\/source>/.exec(body)?.[1] ?? '';
        missing.push(`${locale} ${id}: ${source}`);
      }
    }
  }
  return missing;
}

/**
 * Fails on missing translations: both units without <target> in the xliff and lit-localize's own
 * "is missing" warnings (a message in the source that was never extracted into the xliff).
 */
function failOnMissing(output) {
  const missing = untranslated();
  for (const [, locale, id] of output.matchAll(/^(\S+) message (\S+) is missing/gm)) {
    if (!missing.some((line) => line.startsWith(`${locale} ${id}:`))) missing.push(`${locale} ${id}: not in the xliff (run extract)`);
  }
  if (missing.length > 0) {
    console.error(`\n${missing.length} message(s) have no translation:\n  ${missing.join('\n  ')}`);
    console.error(`Add a <target> for each in ${config.interchange.xliffDir}/.`);
    process.exit(1);
  }
}

async function check() {
  const temp = mkdtempSync(join(tmpdir(), 'dvc-locales-'));
  try {
    // Same config, absolute paths, output redirected; "$schema" stops lit-localize rewriting it.
    const abs = (path) => (path.startsWith('!') ? `!${resolve(root, path.slice(1))}` : resolve(root, path));
    const tempConfig = {
      ...config,
      $schema: config.$schema ?? 'lit-localize',
      ...(config.tsConfig ? { tsConfig: abs(config.tsConfig) } : {}),
      inputFiles: config.inputFiles.map(abs),
      interchange: { ...config.interchange, xliffDir: abs(config.interchange.xliffDir) },
      output: {
        ...config.output,
        outputDir: join(temp, 'out'),
        ...(config.output.localeCodesModule ? { localeCodesModule: join(temp, 'out', 'locale-codes.ts') } : {}),
      },
    };
    const tempConfigPath = join(temp, 'lit-localize.json');
    writeFileSync(tempConfigPath, JSON.stringify(tempConfig, null, 2));
    failOnMissing(run(['build'], tempConfigPath));
    await splitByWidget(join(temp, 'out'));

    const checkedIn = resolve(root, config.output.outputDir);
    const built = join(temp, 'out');
    const names = new Set([...listFiles(built), ...listFiles(checkedIn)]);
    const drift = [...names].filter((name) => {
      const a = join(built, name);
      const b = join(checkedIn, name);
      return !existsSync(a) || !existsSync(b) || readFileSync(a, 'utf8') !== readFileSync(b, 'utf8');
    });
    if (drift.length > 0) {
      console.error(`\nGenerated locale files are out of date: ${drift.join(', ')}`);
      console.error('Run: node scripts/locales.mjs build');
      process.exit(1);
    }
    console.log('Locale files are up to date and fully translated.');
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/** Files under dir, as relative paths (the per-locale folders included). */
function listFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

/** The part a source file's messages belong to: its widget folder, else `shared`. */
function partOf(fileName) {
  const folder = relative(elementsSource, fileName).split(/[\\/]/)[0];
  return WIDGET_FOLDERS.includes(folder) ? folder : 'shared';
}

/** Message id → part, from the same TypeScript analysis lit-localize's extract uses. */
async function messageParts() {
  const { default: ts } = await import('typescript');
  const { default: fastGlob } = await import('fast-glob');
  const { readTsConfig } = await import('@lit/localize-tools/lib/typescript.js');
  const { extractMessagesFromProgram } = await import('@lit/localize-tools/lib/program-analysis.js');
  const { options } = readTsConfig(resolve(root, config.tsConfig));
  const fileNames = fastGlob.sync(config.inputFiles, { cwd: root, absolute: true });
  const program = ts.createProgram(fileNames, options);
  const parts = new Map();
  // The analysis dedupes messages across files; run it one file at a time to see every user.
  for (const file of program.getSourceFiles().filter((sourceFile) => fileNames.includes(sourceFile.fileName))) {
    const { messages, errors } = extractMessagesFromProgram(Object.create(program, { getSourceFiles: { value: () => [file] } }));
    if (errors.length > 0) throw new Error(`lit-localize analysis failed in ${file.fileName}: ${errors.length} error(s)`);
    const part = partOf(file.fileName);
    // A widget module with messages must load them itself (a test or an app may import it alone).
    if (part !== 'shared' && messages.length > 0 && !file.text.includes("import './translations.ts';")) {
      throw new Error(`${relative(root, file.fileName)} calls msg() but does not import './translations.ts'`);
    }
    for (const message of messages) {
      const seen = parts.get(message.name);
      parts.set(message.name, seen === undefined || seen === part ? part : 'shared');
    }
  }
  return parts;
}

/**
 * Splits each generated `<locale>.ts` into `<locale>/<part>.ts`. The generated file has one entry
 * per line (`'id': \`…\`,`), so the split copies lines verbatim: no re-escaping.
 */
async function splitByWidget(outDir) {
  const parts = await messageParts();
  for (const locale of config.targetLocales) {
    const file = join(outDir, `${locale}.ts`);
    const lines = readFileSync(file, 'utf8').split('\n');
    const start = lines.findIndex((line) => /^\s*export const templates = \{\s*$/.test(line));
    const end = lines.findLastIndex((line) => /^\s*\};\s*$/.test(line));
    if (start < 0 || end <= start) throw new Error(`${file}: unexpected layout (no templates object)`);
    const byPart = new Map(['shared', ...WIDGET_FOLDERS].map((part) => [part, []]));
    for (const line of lines.slice(start + 1, end)) {
      const id = /^\s*'([^']+)':/.exec(line)?.[1];
      if (id === undefined) throw new Error(`${file}: cannot read the entry ${JSON.stringify(line.slice(0, 60))}`);
      const part = parts.get(id);
      if (part === undefined) throw new Error(`${file}: message ${id} is not used in the source (run extract)`);
      byPart.get(part).push(line.trim());
    }
    mkdirSync(join(outDir, locale), { recursive: true });
    for (const [part, entries] of byPart) {
      const imports = ['str', 'html'].filter((tag) => entries.some((entry) => entry.includes(`': ${tag}\``)));
      writeFileSync(join(outDir, locale, `${part}.ts`), [
        '// Generated by scripts/locales.mjs from lit-localize\'s output: do not edit.',
        `// The ${locale} messages of ${part === 'shared' ? 'the shared modules (and those several widgets use)' : `<dvc-${part}>`}.`,
        ...(imports.includes('html') ? ["import { html } from 'lit';"] : []),
        ...(imports.includes('str') ? ["import { str } from '@lit/localize';"] : []),
        '',
        '/* eslint-disable no-irregular-whitespace */',
        'export const templates = {',
        ...entries.map((entry) => `  ${entry}`),
        '};',
        '',
      ].join('\n'));
    }
    rmSync(file);
  }
}
