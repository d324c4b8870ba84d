// A node:test reporter that writes every test's result as JSON, for the accessibility conformance
// reports (scripts/acr/generate.mjs). Used beside `spec`:
//
//   node --test --test-reporter=spec --test-reporter-destination=stdout \
//     --test-reporter=./scripts/acr/node-results-reporter.mjs \
//     --test-reporter-destination=reports/test-results/audit-tests.json packages/audit/test/*.test.ts
//
// The file: { schemaVersion, runner: "node:test", tests: [{ file, suite: [describe titles…], title,
// browser: null, status: passed|failed|skipped }] }, sorted. Suites (`describe`) are not tests: a
// failing `before` fails the tests under it, which is how it shows here.
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

const fileOf = (data) => (data.file ? relative(root, data.file).split('\\').join('/') : '(no file)');

export default async function* nodeResultsReporter(source) {
  /** file → the names of the tests and suites open at each nesting level. */
  const open = new Map();
  const tests = [];
  for await (const event of source) {
    const { data } = event;
    if (event.type === 'test:start') {
      const stack = open.get(fileOf(data)) ?? [];
      stack.length = data.nesting;
      stack[data.nesting] = data.name;
      open.set(fileOf(data), stack);
    } else if (event.type === 'test:pass' || event.type === 'test:fail') {
      if (data.details?.type === 'suite') continue;
      const file = fileOf(data);
      const suite = (open.get(file) ?? []).slice(0, data.nesting);
      const status = data.skip !== undefined || data.todo !== undefined ? 'skipped' : event.type === 'test:pass' ? 'passed' : 'failed';
      tests.push({ file, suite, title: data.name, browser: null, status });
    }
  }
  const key = (t) => [t.file, ...t.suite, t.title].join('\u0000');
  tests.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  yield `${JSON.stringify({ schemaVersion: 1, runner: 'node:test', tests }, null, 2)}\n`;
}
