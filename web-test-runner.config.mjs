// Browser tests: every *.test.ts under packages/elements, in the system's Chromium and, where it is
// installed, Firefox ESR (driven by puppeteer-core over WebDriver BiDi), against a real sandbox API
// (scripts/with-sandbox.mjs starts it and passes DVC_SANDBOX_URL). With a sandbox for each browser
// (`with-sandbox.mjs --sandboxes 2`, as `npm run test:browser` does: DVC_SANDBOX_URLS) the two
// browsers run at the same time; with one, they take turns.
// FIREFOX_PATH points at another Firefox; FIREFOX_PATH=none runs Chromium only.
// The accessibility-tree snapshots (*.a11y-tree.test.ts) read Chromium's tree over CDP, which Firefox
// over BiDi does not offer: a full run gives them to Chromium only (the "a11y-tree" group). With
// --files on the command line, exactly those files run, in every browser: add FIREFOX_PATH=none for
// a tree file, or run `--group a11y-tree`.
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { fileURLToPath } from 'node:url';
import { findChromium, findFirefox } from './scripts/system-packages.mjs';
import { defaultReporter } from '@web/test-runner';
import { testResultsReporter } from './scripts/acr/wtr-results-reporter.mjs';
import { viewportScreenshotPlugin } from './scripts/wtr-viewport-screenshot-plugin.mjs';

// Chromium's sandbox first, then Firefox's. Tests arm faults in their sandbox and count what it
// stored, so two browsers at once need two: most of a test's time is spent waiting (debounces,
// timeouts, a slow answer), so the browsers share two cores well.
const sandboxUrls = (process.env.DVC_SANDBOX_URLS ?? process.env.DVC_SANDBOX_URL ?? 'http://127.0.0.1:4010/api/v1').split(',');
const sandboxFor = { chromium: sandboxUrls[0], firefox: sandboxUrls[1] ?? sandboxUrls[0] };
const firefoxPath = findFirefox();
const chromiumFlags = [
  '--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];
const chromium = chromeLauncher({ launchOptions: { executablePath: findChromium(), headless: true, args: chromiumFlags } });
const A11Y_TREE_TESTS = 'packages/elements/src/**/*.a11y-tree.test.ts';
const filesOnCommandLine = process.argv.some((arg) => arg === '--files' || arg.startsWith('--files='));

export default {
  files: ['packages/elements/src/**/*.test.ts', `!${A11Y_TREE_TESTS}`],
  groups: filesOnCommandLine ? [] : [{ name: 'a11y-tree', files: [A11Y_TREE_TESTS], browsers: [chromium] }],
  nodeResolve: { exportConditions: ['source', 'browser'] },
  rootDir: fileURLToPath(new URL('.', import.meta.url)),
  // The tests of a browser share its sandbox database: its files run one after another.
  concurrency: 1,
  concurrentBrowsers: sandboxUrls.length > 1 ? 2 : 1,
  testsFinishTimeout: 120_000,
  testFramework: { config: { timeout: 10_000 } },
  // The default console output, plus every test's result as JSON for the accessibility conformance
  // reports (docs/acr, scripts/acr/generate.mjs).
  reporters: [
    defaultReporter(),
    testResultsReporter({ file: 'reports/test-results/browser-tests.json', executables: { Chrome: findChromium(), Firefox: firefoxPath } }),
  ],
  plugins: [
    // The browser's own accessibility tree (roles, names, states), for the screen-reader snapshots.
    a11ySnapshotPlugin(),
    // What was painted, for contrast measured in pixels (test-support/non-text-contrast.ts).
    viewportScreenshotPlugin(),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
  ],
  browsers: [
    chromium,
    ...(firefoxPath ? [firefox(firefoxPath)] : []),
  ],
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="vi">
  <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"></head>
  <body>
    <script>window.DVC_SANDBOX_URL = navigator.userAgent.includes('Firefox/') ? ${JSON.stringify(sandboxFor.firefox)} : ${JSON.stringify(sandboxFor.chromium)};</script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
};

/** Firefox through the same launcher (puppeteer-core speaks WebDriver BiDi to it). */
function firefox(executablePath) {
  const launcher = chromeLauncher({ launchOptions: { browser: 'firefox', executablePath, headless: true } });
  // Without this both launchers call themselves "Chrome" in the runner's summary.
  launcher.name = 'Firefox';
  return launcher;
}
