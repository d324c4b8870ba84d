// `npm test`: every check, in order, stopping at the first failure.
//   lint → typecheck → OpenAPI lint → drift checks (types, locales, manifest) → Node tests →
//   the server's tests again on PostgreSQL → npm builds and their tests → npm start → CDN bundle sizes → TypeDoc →
//   stories (axe) → framework examples → browser tests → the built bundle in browsers (journey, first
//   frame, loader, layout shift, prerendered markup) → dvc-audit → accessibility conformance reports (docs/acr)
// First installs what the machine lacks: chromium, firefox-esr, postgresql (scripts/system-packages.mjs).
// Prints one closing line with the total number of tests that ran.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { ensureChromium, ensureSystemPackages } from './system-packages.mjs';

const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;
const node = process.execPath;

/** Closing numbers of vitest: "Tests  2 failed | 63 passed (65)". */
function countVitest(out) {
  // eslint-disable-next-line no-control-regex -- strips ANSI colour codes
  const line = /^\s*Tests\s+(.*)\(\d+\)\s*$/m.exec(out.replace(/\u001b\[[0-9;]*[A-Za-z]/g, ''))?.[1] ?? '';
  return { pass: Number(/(\d+) passed/.exec(line)?.[1] ?? 0), fail: Number(/(\d+) failed/.exec(line)?.[1] ?? 0) };
}

/** Closing numbers of node:test's spec reporter. */
function countNodeTests(out) {
  return { pass: Number(/ℹ pass (\d+)/.exec(out)?.[1] ?? 0), fail: Number(/ℹ fail (\d+)/.exec(out)?.[1] ?? 0) };
}

// How many Node test files run at once: at least two, where node:test would run one at a time on
// two cores. They spend most of their time waiting on the servers, browsers and child processes
// they start, each with a database and a port of its own. (The journeys measure time and layout:
// one at a time.)
const nodeTestConcurrency = `--test-concurrency=${Math.max(2, availableParallelism() - 1)}`;

const steps = [
  { name: 'ESLint', cmd: bin('eslint'), args: ['.', '--max-warnings=0'] },
  { name: 'TypeScript', cmd: bin('tsc'), args: ['-p', 'tsconfig.json'] },
  { name: 'OpenAPI lint (public contract and sandbox controls)', cmd: bin('redocly'), args: ['lint', '--config', 'openapi/redocly.yaml'] },
  { name: 'OpenAPI types drift', cmd: node, args: ['scripts/gen-types.mjs', '--check'] },
  { name: 'Locales drift and completeness', cmd: node, args: ['scripts/locales.mjs', '--check'] },
  { name: 'Custom Elements Manifest, VS Code data, JSX types drift', cmd: node, args: ['scripts/manifest.mjs', '--check'] },
  {
    name: 'Node tests (SDK, sandbox, strict-CSP page, conformance report generator)',
    cmd: node,
    args: ['--conditions=source', '--test', nodeTestConcurrency, '--test-reporter=spec', 'packages/sdk/test/**/*.test.ts', 'packages/server/test/**/*.test.ts', 'packages/elements/test/**/*.test.ts', 'scripts/acr/*.test.mjs'],
    count: (out) => {
      const pass = Number(/ℹ pass (\d+)/.exec(out)?.[1] ?? 0);
      const fail = Number(/ℹ fail (\d+)/.exec(out)?.[1] ?? 0);
      return { pass, fail };
    },
  },
  {
    name: 'Node tests of the server on PostgreSQL (a throwaway cluster; every server test on the second engine)',
    cmd: node,
    args: ['scripts/with-postgres.mjs', node, '--conditions=source', '--test', nodeTestConcurrency, '--test-reporter=spec', 'packages/server/test/**/*.test.ts'],
    env: { DVC_TEST_ENGINE: 'postgres' },
    count: countNodeTests,
  },
  { name: 'npm builds (packages/sdk/dist, packages/elements/dist, packages/server/dist, with .d.ts)', cmd: node, args: ['scripts/build.mjs', '--npm-only', '--silent'] },
  {
    name: 'npm build tests (the built packages imported from dist in Node; the prerendered markup of every widget and language)',
    cmd: node,
    args: ['--test', '--test-reporter=spec', 'scripts/test-builds/*.test.mjs'],
    count: countNodeTests,
  },
  {
    name: 'The README\'s commands: npm start (the CDN bundle with its first views, the sandbox and the demo portal on the ports asked for); what npm test asks of the machine',
    cmd: node,
    args: ['--test', '--test-reporter=spec', 'scripts/start.test.mjs', 'scripts/system-packages.test.mjs'],
    count: countNodeTests,
  },
  {
    name: 'CDN bundle sizes as sent (brotli ceilings; each widget holds only its own Vietnamese messages)',
    cmd: node,
    args: ['--conditions=source', 'bench/check-sizes.ts'],
  },
  { name: 'TypeDoc for the SDK (docs/sdk, warnings are errors)', cmd: bin('typedoc'), args: ['--logLevel', 'Warn'] },
  {
    name: 'Storybook stories as tests (Chromium, axe, against the sandbox)',
    before: () => { process.env.CHROME_PATH ??= ensureChromium(); },
    cmd: node,
    args: ['scripts/with-sandbox.mjs', node, 'node_modules/vitest/vitest.mjs', 'run', '--project', 'storybook'],
    count: countVitest,
  },
  {
    name: 'Framework examples (React 19, Vue 3) built with Vite, in Chromium against the sandbox',
    before: () => { process.env.CHROME_PATH ??= ensureChromium(); },
    cmd: node,
    args: ['scripts/with-sandbox.mjs', node, '--test', '--test-reporter=spec', 'scripts/test-examples.mjs'],
    count: countNodeTests,
  },
  {
    name: 'Browser tests (Chromium and Firefox ESR, against the sandbox)',
    before: () => { process.env.CHROME_PATH ??= ensureChromium(); },
    cmd: node,
    args: ['scripts/with-sandbox.mjs', '--sandboxes', '2', bin('web-test-runner')],
    count: (out) => {
      // @web/test-runner's progress lines: "Chrome: |███| 12/12 test files | 127 passed, 0 failed",
      // one per browser; the last line of each browser holds its totals.
      // eslint-disable-next-line no-control-regex -- strips ANSI colour codes
      const plain = out.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');
      const last = new Map();
      for (const m of plain.matchAll(/(\w+):\s*\|[^|]*\|\s*\d+\/\d+ test files \| (\d+) passed, (\d+) failed/g)) {
        last.set(m[1], { pass: Number(m[2]), fail: Number(m[3]) });
      }
      return [...last.values()].reduce((sum, b) => ({ pass: sum.pass + b.pass, fail: sum.fail + b.fail }), { pass: 0, fail: 0 });
    },
  },
  {
    name: 'On the built CDN bundle: the citizen journey by keyboard, the first frame\'s language, the loader, layout shift, the prerendered markup with scripting on and off (Chromium and Firefox)',
    before: () => {
      process.env.CHROME_PATH ??= ensureChromium();
    },
    cmd: node,
    args: ['--conditions=source', '--test', '--test-concurrency=1', '--test-reporter=spec', 'packages/elements/journeys/*.test.ts'],
    count: countNodeTests,
  },
  {
    name: 'dvc-audit (the CLI on a broken fixture and on the demo portal, Chromium and Firefox)',
    before: () => {
      process.env.CHROME_PATH ??= ensureChromium();
      mkdirSync('reports/test-results', { recursive: true });
    },
    cmd: node,
    // spec on stdout (counted), and every result as JSON for the conformance reports.
    args: [
      '--conditions=source', '--test', nodeTestConcurrency, '--test-reporter=spec', '--test-reporter-destination=stdout',
      '--test-reporter=./scripts/acr/node-results-reporter.mjs', '--test-reporter-destination=reports/test-results/audit-tests.json',
      'packages/audit/test/**/*.test.ts',
    ],
    count: countNodeTests,
  },
  {
    name: 'Accessibility conformance reports (docs/acr) from this run\'s results',
    cmd: node,
    args: ['scripts/acr/generate.mjs', '--check'],
  },
];

function run(step) {
  return new Promise((resolve) => {
    const child = spawn(step.cmd, step.args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0', ...step.env } });
    let output = '';
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk) => {
        output += chunk;
        (stream === child.stdout ? process.stdout : process.stderr).write(chunk);
      });
    }
    child.on('exit', (code) => resolve({ code: code ?? 1, output }));
  });
}

// What the machine must have (browsers, PostgreSQL), installed first on a fresh Debian machine.
try {
  ensureSystemPackages();
} catch (error) {
  console.error(`✗ ${error.message}`);
  process.exit(1);
}

let passed = 0;
let failed = 0;
const started = Date.now();
for (const step of steps) {
  console.log(`\n▶ ${step.name}`);
  const stepStarted = Date.now();
  try {
    step.before?.();
  } catch (error) {
    console.error(`✗ ${step.name}: ${error.message}`);
    process.exit(1);
  }
  const { code, output } = await run(step);
  if (step.count) {
    const counted = step.count(output);
    passed += counted.pass;
    failed += counted.fail;
  }
  const seconds = ((Date.now() - stepStarted) / 1000).toFixed(1);
  if (code !== 0) {
    console.error(`✗ ${step.name} failed (exit ${code}, ${seconds} s)`);
    console.log(`\ntests: ${passed} passed, ${Math.max(failed, 1)} failed`);
    process.exit(1);
  }
  console.log(`✓ ${step.name} (${seconds} s)`);
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
console.log(`tests: ${passed} passed, ${failed} failed`);
