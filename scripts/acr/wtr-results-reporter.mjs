// A web-test-runner reporter that writes every test's result as JSON, for the accessibility
// conformance reports (scripts/acr/generate.mjs). It prints nothing: it runs beside the default
// reporter, whose console output stays as it was.
//
//   reporters: [defaultReporter(), testResultsReporter({ file: 'reports/test-results/browser-tests.json',
//     executables: { Chrome: '/usr/bin/chromium', Firefox: '/usr/bin/firefox-esr' } })]
//
// The file: { schemaVersion, runner, browsers: [{ launcher, product, version }], files, fileErrors,
// tests: [{ file, suite: [describe titles…], title, browser, status: passed|failed|skipped }] }.
// `file` is relative to the repository root; `browser` is the product the launcher ran ("Chromium",
// "Firefox ESR"), read from the executable's `--version` (the launcher's name when unknown).
import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * "Chromium 156.0.8078.79 built on Debian…" → Chromium, 156.0.8078.79;
 * "Mozilla Firefox 153.7.0esr" → Firefox ESR, 153.7.0. Undefined when it cannot tell.
 */
export function parseBrowserVersion(output) {
  const match = /^(?:Mozilla )?(.+?) (\d+(?:\.\d+)+)(esr)?\b/m.exec(String(output).trim());
  if (!match) return undefined;
  return { product: match[3] ? `${match[1]} ESR` : match[1], version: match[2] };
}

/** Every test of a session's result tree, with the titles of the suites around it. */
export function flattenResults(suite, path = []) {
  if (!suite) return [];
  const here = suite.name ? [...path, suite.name] : path;
  return [
    ...(suite.tests ?? []).map((test) => ({
      suite: here,
      title: test.name,
      status: test.skipped ? 'skipped' : test.passed ? 'passed' : 'failed',
    })),
    ...(suite.suites ?? []).flatMap((child) => flattenResults(child, here)),
  ];
}

/** The JSON document for a finished run: sorted, so two runs of the same tests compare equal. */
export function resultsDocument(sessions, browsers) {
  const productOf = (launcher) => browsers.find((b) => b.launcher === launcher)?.product ?? launcher;
  const tests = [];
  const fileErrors = [];
  const files = new Set();
  for (const session of sessions) {
    const file = relative(root, session.testFile).split('\\').join('/');
    const browser = productOf(session.browser.name);
    files.add(file);
    for (const test of flattenResults(session.testResults)) tests.push({ file, ...test, browser });
    // A file that failed to load or threw outside a test: its tests are missing, and it failed.
    for (const error of session.errors ?? []) fileErrors.push({ file, browser, message: String(error.message ?? error) });
    if (session.passed === false && (session.errors ?? []).length === 0 && !flattenResults(session.testResults).some((t) => t.status === 'failed')) {
      fileErrors.push({ file, browser, message: 'the test file failed' });
    }
  }
  const key = (t) => [t.file, ...t.suite, t.title, t.browser].join('\u0000');
  tests.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  fileErrors.sort((a, b) => `${a.file} ${a.browser} ${a.message}`.localeCompare(`${b.file} ${b.browser} ${b.message}`));
  return { schemaVersion: 1, runner: 'web-test-runner', browsers, files: [...files].sort(), fileErrors, tests };
}

/** Asks each executable its version, once per run. */
async function browserVersions(executables) {
  const run = promisify(execFile);
  const out = [];
  for (const [launcher, path] of Object.entries(executables ?? {})) {
    if (!path) continue;
    let parsed;
    try {
      parsed = parseBrowserVersion((await run(path, ['--version'], { timeout: 20_000 })).stdout);
    } catch {
      parsed = undefined;
    }
    out.push({ launcher, product: parsed?.product ?? launcher, version: parsed?.version ?? null });
  }
  return out;
}

/**
 * @param {{ file: string, executables?: Record<string, string | undefined> }} options
 *   `file` relative to the repository root; `executables`: launcher name → browser executable.
 * @returns {import('@web/test-runner').Reporter}
 */
export function testResultsReporter({ file, executables }) {
  const target = resolve(root, file);
  let versions = Promise.resolve([]);
  let written = Promise.resolve();
  return {
    async start() {
      // No results from an earlier run survive a run that does not finish.
      await rm(target, { force: true });
      versions = browserVersions(executables);
    },
    onTestRunFinished({ sessions }) {
      written = (async () => {
        const document = resultsDocument(sessions, await versions);
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, `${JSON.stringify(document, null, 2)}\n`);
      })();
    },
    async stop() {
      await written;
    },
  };
}
