// Localisation pipeline for @dvc-kit/elements (lit-localize, runtime mode; config: lit-localize.json).
//
//   node scripts/locales.mjs extract   messages in the source → packages/elements/xliff/vi.xlf
//   node scripts/locales.mjs build     xliff → packages/elements/src/locales/generated/*.ts;
//                                      fails when a message has no translation
//   node scripts/locales.mjs --check   builds into a temp dir and fails when the checked-in
//                                      generated files differ (drift), or a translation is missing
//
// lit-localize itself only warns on a missing translation and ships the English text: in a
// Vietnamese portal that is a bug, so it is an error here.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const configPath = join(root, 'lit-localize.json');
const config = JSON.parse(readFileSync(configPath, 'utf8'));
const cli = join(root, 'node_modules/@lit/localize-tools/bin/lit-localize.js');

const mode = process.argv[2];
if (mode === 'extract') {
  run(['extract'], configPath);
} else if (mode === 'build') {
  const output = run(['build'], configPath);
  failOnMissing(output);
  console.log(`Built ${config.targetLocales.join(', ')} into ${config.output.outputDir}.`);
} else if (mode === '--check' || mode === 'check') {
  check();
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

function check() {
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

function listFiles(dir) {
  return existsSync(dir) ? readdirSync(dir).filter((name) => !name.startsWith('.')) : [];
}
