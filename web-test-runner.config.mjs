// Browser tests: every *.test.ts under packages/elements, in the system's Chromium and, where it is
// installed, Firefox ESR (driven by puppeteer-core over WebDriver BiDi), against a real sandbox API
// (scripts/with-sandbox.mjs starts it and passes DVC_SANDBOX_URL).
// FIREFOX_PATH points at another Firefox; FIREFOX_PATH=none runs Chromium only.
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findChromium } from './scripts/find-chromium.mjs';

const sandboxUrl = process.env.DVC_SANDBOX_URL ?? 'http://127.0.0.1:4010/api/v1';
const firefoxPath = findFirefox();
const chromiumFlags = [
  '--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

export default {
  files: ['packages/elements/src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['source', 'browser'] },
  rootDir: fileURLToPath(new URL('.', import.meta.url)),
  // Tests share one sandbox database: run files one after another.
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: 120_000,
  testFramework: { config: { timeout: 10_000 } },
  plugins: [
    // The browser's own accessibility tree (roles, names, states), for the screen-reader snapshots.
    a11ySnapshotPlugin(),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
  ],
  browsers: [
    chromeLauncher({ launchOptions: { executablePath: findChromium(), headless: true, args: chromiumFlags } }),
    ...(firefoxPath ? [firefox(firefoxPath)] : []),
  ],
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="vi">
  <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"></head>
  <body>
    <script>window.DVC_SANDBOX_URL = ${JSON.stringify(sandboxUrl)};</script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
};

/** FIREFOX_PATH (which must exist; `none` turns Firefox off), else Debian's firefox-esr if installed. */
function findFirefox() {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv === 'none') return undefined;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`FIREFOX_PATH is set to ${fromEnv}, which does not exist.`);
  }
  return existsSync('/usr/bin/firefox-esr') ? '/usr/bin/firefox-esr' : undefined;
}

/** Firefox through the same launcher (puppeteer-core speaks WebDriver BiDi to it). */
function firefox(executablePath) {
  const launcher = chromeLauncher({ launchOptions: { browser: 'firefox', executablePath, headless: true } });
  // Without this both launchers call themselves "Chrome" in the runner's summary.
  launcher.name = 'Firefox';
  return launcher;
}
