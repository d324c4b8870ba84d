#!/usr/bin/env node
/**
 * dvc-audit <url> [--out DIR] [--format json,html,junit] [--tour] [--browser chromium|firefox] [--wait SECONDS]
 *
 * Exit status: 0 no violations (warnings allowed), 1 violations, 2 the audit could not run or
 * complete (bad arguments, no browser, page unreachable, a tour step that broke).
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { runAudit } from './audit.ts';
import { AuditSetupError, BUSY_TIMEOUT_MS, DEFINE_TIMEOUT_MS } from './browser.ts';
import { writeHtmlReport } from './reports/html.ts';
import { writeJsonReport } from './reports/json.ts';
import { writeJunitReport } from './reports/junit.ts';
import type { AuditReport, BrowserName } from './types.ts';

export const USAGE = `Usage: dvc-audit <url> [--out DIR] [--format json,html,junit] [--tour] [--browser chromium|firefox]
                 [--wait SECONDS]

Audits a page's accessibility (WCAG 2.2 A/AA) in a headless browser: axe-core inside shadow roots,
keyboard access and focus visibility, target size, reflow at 320 px, text spacing, forced colours.

  --out DIR        where the reports go (default ./dvc-audit-report)
  --format LIST    which reports: json, html, junit (default all three)
  --tour           also drive every DVC widget through its states (its tour), auditing each
  --browser NAME   chromium (default) or firefox (Firefox ESR; forced colours cannot run there)
  --wait SECONDS   how long a widget may stay undefined once the page has stopped fetching scripts,
                   before the audit says its script did not load (default ${DEFINE_TIMEOUT_MS / 1000})
  -h, --help       this text
  --version        the version of dvc-audit

Exit status: 0 no violations (warnings allowed), 1 violations found, 2 the audit could not complete.
Environment: CHROME_PATH, FIREFOX_PATH choose the browser executable.`;

export type Format = 'json' | 'html' | 'junit';
const FORMATS: readonly Format[] = ['json', 'html', 'junit'];

export interface CliOptions {
  url: string;
  outDir: string;
  formats: Format[];
  tour: boolean;
  browser: BrowserName;
  /** How long a custom element may stay undefined once the page has stopped fetching. */
  defineWaitMs: number;
}

/** The longest --wait: the tool waits no longer than that for a page that keeps fetching either. */
const MAX_WAIT_SECONDS = BUSY_TIMEOUT_MS / 1000;

/** Thrown for a command line that cannot be run (exit 2, with the usage). */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Parses the command line; `null` means "print the usage and exit 0". */
export function parseCli(argv: string[], cwd = process.cwd()): CliOptions | null {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        format: { type: 'string', multiple: true },
        tour: { type: 'boolean', default: false },
        browser: { type: 'string', default: 'chromium' },
        wait: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return null;
  if (positionals.length !== 1) throw new UsageError(positionals.length ? `one URL, not ${positionals.length}` : 'a URL is required');
  const browser = values.browser;
  if (browser !== 'chromium' && browser !== 'firefox') throw new UsageError(`--browser must be chromium or firefox, not ${browser}`);
  const formats = (values.format ?? ['json,html,junit']).flatMap((f) => f.split(',')).map((f) => f.trim()).filter(Boolean);
  for (const format of formats) {
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format ${format} (json, html, junit)`);
  }
  if (formats.length === 0) throw new UsageError('--format needs at least one of json, html, junit');
  const waitSeconds = values.wait === undefined ? DEFINE_TIMEOUT_MS / 1000 : Number(values.wait);
  if (!/^\d+(\.\d+)?$/.test(values.wait ?? '0') || waitSeconds <= 0 || waitSeconds > MAX_WAIT_SECONDS) {
    throw new UsageError(`--wait takes seconds, more than 0 and at most ${MAX_WAIT_SECONDS}, not ${values.wait}`);
  }
  return {
    url: toUrl(positionals[0]!, cwd),
    outDir: resolve(cwd, values.out ?? 'dvc-audit-report'),
    formats: [...new Set(formats as Format[])],
    tour: values.tour,
    browser,
    defineWaitMs: Math.round(waitSeconds * 1000),
  };
}

/** A URL as given, or a local file turned into a file: URL (to audit a saved page or a report). */
function toUrl(target: string, cwd: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) {
    const url = new URL(target);
    if (!['http:', 'https:', 'file:'].includes(url.protocol)) throw new UsageError(`cannot audit a ${url.protocol} URL`);
    return url.href;
  }
  const path = resolve(cwd, target);
  if (existsSync(path)) return pathToFileURL(path).href;
  throw new UsageError(`${target} is neither a URL nor a file`);
}

/** Writes the chosen reports; returns their paths. */
export async function writeReports(report: AuditReport, options: CliOptions): Promise<string[]> {
  await mkdir(options.outDir, { recursive: true });
  const written: string[] = [];
  if (options.formats.includes('json')) written.push(await writeJsonReport(report, options.outDir));
  if (options.formats.includes('html')) written.push(await writeHtmlReport(report, options.outDir));
  if (options.formats.includes('junit')) written.push(await writeJunitReport(report, options.outDir));
  return written;
}

/** A file-system error as a person reads it: what is wrong, then the code (EACCES…) for a search. */
function fsReason(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  const reasons: Record<string, string> = {
    EACCES: 'permission denied', EPERM: 'permission denied', EROFS: 'the file system is read-only',
    ENOSPC: 'the disk is full', EDQUOT: 'the disk quota is used up',
  };
  return code ? `${reasons[code] ?? message} (${code})` : message;
}

/**
 * Why the reports cannot go to `dir`, in a sentence, or null when they can: it is made if missing,
 * and a file is written in it and removed (only writing shows that it can be written to: root
 * passes every permission check, a read-only mount fails none).
 */
export async function outDirProblem(dir: string): Promise<string | null> {
  const isFile = async (path: string) => (await stat(path).catch(() => null))?.isFile() ?? false;
  if (await isFile(dir)) return `--out ${dir} is a file: give a directory for the reports (one that exists, or one to make)`;
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR' || (error as NodeJS.ErrnoException).code === 'EEXIST') {
      let above = dirname(dir);
      while (above !== dirname(above) && !(await isFile(above))) above = dirname(above);
      if (await isFile(above)) return `--out ${dir} cannot be made: ${above} is a file, not a directory; give a directory for the reports`;
    }
    return `--out ${dir} cannot be made: ${fsReason(error)}; give a directory the reports can be written to`;
  }
  const probe = join(dir, `.dvc-audit-write-test-${process.pid}`);
  try {
    await writeFile(probe, '');
  } catch (error) {
    return `--out ${dir} cannot be written to: ${fsReason(error)}; give a directory the reports can be written to`;
  }
  await rm(probe, { force: true });
  return null;
}

/** The package's version (package.json beside src/ and dist/ alike). */
export function version(): string {
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

/** Each check or tour step that could not complete, with why: one line each (the report has them too). */
export function incomplete(report: AuditReport): string[] {
  return report.states.flatMap((state) => state.checks.filter((c) => c.status === 'error').map((c) =>
    `${state.widget ?? 'page'} · ${state.state} · ${c.check}: ${(c.reason ?? 'no reason given').replace(/\s+/g, ' ')}`));
}

/** Runs the CLI; resolves to the exit status. */
export async function main(argv: string[]): Promise<number> {
  if (argv.length === 1 && argv[0] === '--version') {
    console.log(`dvc-audit ${version()}`);
    return 0;
  }
  let options: CliOptions | null;
  try {
    options = parseCli(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`dvc-audit: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (!options) {
    console.log(USAGE);
    return 0;
  }
  // Before the browser starts: a report folder that cannot be made or written to (a file in the
  // way, no permission) would lose the whole audit at the end.
  const unusable = await outDirProblem(options.outDir);
  if (unusable) {
    console.error(`dvc-audit: ${unusable}`);
    return 2;
  }
  let report: AuditReport;
  try {
    report = await runAudit({
      url: options.url,
      browser: options.browser,
      tour: options.tour,
      defineWaitMs: options.defineWaitMs,
      outDir: options.outDir,
      screenshots: options.formats.includes('json') || options.formats.includes('html'),
      log: (line) => console.error(line),
    });
  } catch (error) {
    const known = error instanceof AuditSetupError;
    console.error(`dvc-audit: ${known ? error.message : (error as Error).stack ?? String(error)}`);
    return 2;
  }
  let written: string[];
  try {
    written = await writeReports(report, options);
  } catch (error) {
    // The folder was usable at the start; something changed it during the run.
    console.error(`dvc-audit: the audit ran, but its reports could not be written to ${options.outDir}: ${fsReason(error)}`);
    return 2;
  }
  const { summary } = report;
  console.log(`${summary.violations} violations, ${summary.warnings} warnings in ${summary.states} states (${(report.durationMs / 1000).toFixed(1)} s).`);
  for (const line of summary.notRun) console.log(`Not run: ${line}`);
  if (summary.errors) {
    console.log(`${summary.errors} checks or tour steps could not complete:`);
    for (const line of incomplete(report)) console.log(`  ${line}`);
  }
  for (const path of written) console.log(`Report: ${path}`);
  return summary.exitCode;
}

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2));
}
