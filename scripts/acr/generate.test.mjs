// The accessibility conformance report generator (scripts/acr/generate.mjs) and the two reporters that
// feed it, in Node: claims checked against results, errors that stop it, drift in --check mode.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildReports, checkSource, globToRegExp, loadClaims, matchTests, md } from './generate.mjs';
import { source, test as testRef } from './evidence.mjs';
import { CONFORMANCE, CRITERIA } from './wcag22.mjs';
import { flattenResults, parseBrowserVersion, resultsDocument } from './wtr-results-reporter.mjs';
import widgetList from '../../packages/elements/widgets.json' with { type: 'json' };

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const GENERATE = here('./generate.mjs');
const temp = mkdtempSync(join(tmpdir(), 'dvc-acr-'));
after(() => rmSync(temp, { recursive: true, force: true }));

const FILE = 'packages/elements/src/example/example.test.ts';
const TITLE = 'asks for the code and passes axe';

/** A widget whose every criterion is "not applicable", except those given. */
function widget(claims = {}) {
  const all = Object.fromEntries(CRITERIA.map((c) => [c.sc, { level: 'not applicable', remarks: `Nothing about ${c.name}.` }]));
  return { widget: 'example', tag: 'dvc-example', title: 'Example', description: 'An example.', scope: 'The example alone.', claims: { ...all, ...claims } };
}

/** A results document: every test given, as web-test-runner's reporter writes it. */
const results = (...tests) => ({
  schemaVersion: 1, runner: 'web-test-runner', fileErrors: [],
  browsers: [{ launcher: 'Chrome', product: 'Chromium', version: '156.0.8078.79' }, { launcher: 'Firefox', product: 'Firefox ESR', version: '153.7.0' }],
  tests: tests.map(([title, browser, status = 'passed', suite = ['<dvc-example>']]) => ({ file: FILE, suite, title, browser, status })),
});
const bothPass = () => results([TITLE, 'Chromium'], [TITLE, 'Firefox ESR']);
const keyboardClaim = { '2.1.1': { level: 'supports', remarks: 'Works from the keyboard.', evidence: [testRef(FILE, TITLE)] } };

describe('acr: claims against results', () => {
  it('renders a claim whose evidence passed, with the test, its file and its browsers', () => {
    const { files, errors } = buildReports({ widgets: [widget(keyboardClaim)], documents: [bothPass()], axeVersion: '4.14.1' });
    assert.deepEqual(errors, []);
    const report = files.get('example.md');
    const row = report.split('\n').find((line) => line.startsWith('| [2.1.1 Keyboard]'));
    assert.equal(row, '| [2.1.1 Keyboard](https://www.w3.org/WAI/WCAG22/Understanding/keyboard.html) (Level A) | Supports | Works from the keyboard. | `example.test.ts` › \\<dvc-example\\> › asks for the code and passes axe (Chromium, Firefox ESR) |');
    assert.match(report, /\| Browsers tested \| Chromium, Firefox ESR; axe-core 4\.14\.1 \|/);
    assert.match(report, /\| Level A \(31\) \| 1 supports, 0 partially supports, 0 does not support, 30 not applicable \|/);
    assert.match(files.get('README.md'), /\| `<dvc-example>` \| 1 \| 0 \| 0 \| 54 \| \[example\.md\]\(example\.md\) \|/);
  });

  it('stops, saying why, when the evidence failed in one browser, was skipped, or matches no test', () => {
    const cases = [
      [results([TITLE, 'Chromium'], [TITLE, 'Firefox ESR', 'failed']), /^packages\/elements\/src\/example\/example\.test\.ts › <dvc-example> › asks for the code and passes axe: failed in Firefox ESR — cited by example 2\.1\.1 \(supports\)$/],
      [results([TITLE, 'Chromium', 'skipped']), /example\.test\.ts › <dvc-example> › asks for the code and passes axe: skipped in Chromium — cited by example 2\.1\.1 \(supports\)$/],
      [results(['another test', 'Chromium']), /^evidence test\(.*example\.test\.ts, "asks for the code and passes axe"\) matched no test in this run's results — cited by example 2\.1\.1 \(supports\)$/],
    ];
    for (const [document, message] of cases) {
      const { files, errors } = buildReports({ widgets: [widget(keyboardClaim)], documents: [document] });
      assert.equal(errors.length, 1, errors.join('\n'));
      assert.match(errors[0], message);
      assert.equal(files.size, 0, 'nothing is written');
    }
  });

  it('names a failing test once, with every claim that cites it', () => {
    const claims = { ...keyboardClaim, '2.4.3': { level: 'partially supports', remarks: 'Partly.', evidence: [testRef(FILE, /axe/)] } };
    const { errors } = buildReports({ widgets: [widget(claims)], documents: [results([TITLE, 'Chromium', 'failed'], [TITLE, 'Firefox ESR', 'failed'])] });
    assert.deepEqual(errors, [`${FILE} › <dvc-example> › asks for the code and passes axe: failed in Chromium, Firefox ESR — cited by example 2.1.1 (supports); example 2.4.3 (partially supports)`]);
  });

  it('never lets a claim of support stand without evidence, or with a list entry that matches nothing', () => {
    const bare = buildReports({ widgets: [widget({ '2.1.1': { level: 'partially supports', remarks: 'Some of it.' } })], documents: [bothPass()] });
    assert.deepEqual(bare.errors, ['example 2.1.1 (partially supports): no evidence (a claim of partially supports needs at least one test or source check)']);
    const list = buildReports({ widgets: [widget({ '2.1.1': { level: 'supports', remarks: 'Yes.', evidence: [testRef(FILE, [TITLE, 'a renamed test'])] } })], documents: [bothPass()] });
    assert.equal(list.errors.length, 1);
    assert.match(list.errors[0], /"a renamed test"\) \(one of a list\) matched no test/);
  });

  it('stops on a criterion forgotten, one not in WCAG 2.2 A/AA, a wrong level or no remarks', () => {
    const claims = widget({ '4.1.1': { level: 'supports', remarks: 'Parses.' }, '1.3.1': { level: 'supported', remarks: 'x' }, '1.4.3': { level: 'not applicable', remarks: ' ' } }).claims;
    delete claims['2.4.11'];
    const { errors } = buildReports({ widgets: [{ ...widget(), claims }], documents: [bothPass()] });
    assert.deepEqual(errors.sort(), [
      'example 1.3.1: level "supported" is not one of supports, partially supports, does not support, not applicable',
      'example 1.4.3 (not applicable): no remarks',
      'example 2.4.11: Focus Not Obscured (Minimum) has no claim (every A and AA criterion needs one)',
      'example 4.1.1: not a WCAG 2.2 A or AA success criterion',
    ]);
  });

  it('stops when the test run did not complete (a file that failed to load)', () => {
    const document = { ...bothPass(), fileErrors: [{ file: FILE, browser: 'Firefox ESR', message: 'SyntaxError' }] };
    const { errors } = buildReports({ widgets: [widget(keyboardClaim)], documents: [document] });
    assert.deepEqual(errors, [`the test run did not complete: ${FILE} (Firefox ESR): SyntaxError`]);
  });

  it('writes the same bytes whatever order the results come in', () => {
    const claims = { '2.1.1': { level: 'supports', remarks: 'Yes.', evidence: [testRef('packages/**/*.test.ts', /./)] } };
    const tests = [['b', 'Firefox ESR'], ['a', 'Chromium'], ['b', 'Chromium'], ['a', 'Firefox ESR'], ['c', 'Chromium'], ['d', 'Chromium']];
    const one = buildReports({ widgets: [widget(claims)], documents: [results(...tests)] });
    const two = buildReports({ widgets: [widget(claims)], documents: [results(...tests.reverse())] });
    assert.deepEqual([...one.files], [...two.files]);
    assert.match(one.files.get('example.md'), /`example\.test\.ts` › 4 tests: titles matching \/\.\/ \(Chromium, Firefox ESR\)/);
  });

  it('escapes test titles for a Markdown table', () => {
    assert.equal(md('a | b <c> *d* `e` [f]'), 'a \\| b \\<c\\> \\*d\\* \\`e\\` \\[f\\]');
  });
});

describe('acr: matching', () => {
  it('globs: * within a folder, ** across folders', () => {
    assert.ok(globToRegExp('packages/*/src/**/*.test.ts').test('packages/elements/src/payment/payment.test.ts'));
    assert.ok(globToRegExp('packages/**/x.ts').test('packages/x.ts'));
    assert.ok(!globToRegExp('packages/*.ts').test('packages/a/b.ts'));
    assert.ok(!globToRegExp('a.ts').test('abts'), 'a dot is a dot');
  });

  it('titles by substring, RegExp or list; suites by their path', () => {
    const tests = [
      { file: FILE, suite: ['<dvc-example>', 'keyboard'], title: 'works (vi)', env: 'Chromium', status: 'passed' },
      { file: FILE, suite: ['<dvc-example>', 'keyboard'], title: 'works (vi)', env: 'Firefox ESR', status: 'passed' },
      { file: FILE, suite: ['<dvc-example>', 'layout'], title: 'fits (en)', env: 'Chromium', status: 'passed' },
    ];
    assert.deepEqual(matchTests(testRef(FILE, 'works'), tests).map((m) => [m.title, m.runs.length]), [['works (vi)', 2]]);
    assert.equal(matchTests(testRef(FILE, /\((vi|en)\)$/), tests).length, 2);
    assert.equal(matchTests(testRef(FILE, ['fits', 'works']), tests).length, 2);
    assert.equal(matchTests(testRef(FILE, /./, { suite: '› layout' }), tests).length, 1);
    assert.equal(matchTests(testRef('packages/other/*.test.ts', /./), tests).length, 0);
  });

  it('source checks: a forbidden pattern found fails with its place; test files are not read', () => {
    mkdirSync(join(temp, 'src/w'), { recursive: true });
    writeFileSync(join(temp, 'src/w/w.ts'), 'html`<input @input=${x}>`;\nhtml`<div @keydown=${y}>`;\n');
    writeFileSync(join(temp, 'src/w/w.test.ts'), 'html`<div @pointerdown=${y}>`;\n');
    const keys = source('src/**/*.ts', { absent: /@keydown=/ }, 'no key handlers');
    assert.deepEqual(checkSource(keys, temp), ['source check "no key handlers" does not hold: src/w/w.ts:2: @keydown=']);
    assert.deepEqual(checkSource(source('src/**/*.ts', { absent: /pointerdown/ }, 'no pointer'), temp), []);
    assert.deepEqual(checkSource(source('src/**/*.ts', { present: /@input=/ }, 'input'), temp), []);
    assert.match(checkSource(source('nowhere/**/*.ts', { absent: /x/ }, 'x'), temp)[0], /names no file/);
  });
});

describe('acr: the claims in scripts/acr/claims', () => {
  it('answer every WCAG 2.2 A and AA criterion (55, without 4.1.1) for every widget, with remarks', async () => {
    assert.equal(CRITERIA.length, 55);
    assert.equal(CRITERIA.filter((c) => c.level === 'A').length, 31);
    assert.ok(!CRITERIA.some((c) => c.sc === '4.1.1'));
    for (const sc of ['2.4.11', '2.5.7', '2.5.8', '3.2.6', '3.3.7', '3.3.8']) assert.ok(CRITERIA.some((c) => c.sc === sc), sc);
    const widgets = await loadClaims(here('./claims'));
    assert.deepEqual(widgets.map((w) => w.tag).sort(), widgetList.widgets.map((w) => w.tag).sort());
    for (const w of widgets) {
      assert.deepEqual(Object.keys(w.claims).sort(), CRITERIA.map((c) => c.sc).sort(), w.widget);
      for (const [sc, claim] of Object.entries(w.claims)) {
        assert.ok(CONFORMANCE.includes(claim.level), `${w.widget} ${sc}: ${claim.level}`);
        assert.ok(claim.remarks.trim().length > 0, `${w.widget} ${sc}: remarks`);
        if (claim.level === 'supports' || claim.level === 'partially supports') assert.ok(claim.evidence?.length > 0, `${w.widget} ${sc}: evidence`);
      }
    }
  });

  it('use the same numbers, names and levels as dvc-audit', async () => {
    const { SUCCESS_CRITERIA } = await import(pathToFileURL(here('../../packages/audit/src/wcag.ts')).href);
    assert.deepEqual(Object.fromEntries(CRITERIA.map((c) => [c.sc, [c.name, c.level]])), SUCCESS_CRITERIA);
  });

  it('hold their source checks against the current source', async () => {
    for (const w of await loadClaims(here('./claims'))) {
      for (const [sc, claim] of Object.entries(w.claims)) {
        for (const ref of (claim.evidence ?? []).filter((r) => r.kind === 'source')) assert.deepEqual(checkSource(ref), [], `${w.widget} ${sc}`);
      }
    }
  });
});

describe('acr: the command', () => {
  const claimsDir = join(temp, 'claims');
  const resultsDir = join(temp, 'results');
  const outDir = join(temp, 'docs');
  const run = (...args) => spawnSync(process.execPath, [GENERATE, '--claims', claimsDir, '--results', resultsDir, '--out', outDir, ...args], { encoding: 'utf8' });

  it('says what to run when there are no results', () => {
    const { status, stderr } = run();
    assert.equal(status, 1);
    assert.match(stderr, /No test results at .*browser-tests\.json.*audit-tests\.json: run the browser tests and the dvc-audit tests first/);
  });

  it('writes the reports, then --check passes; an edited, missing or extra page is drift', () => {
    mkdirSync(claimsDir, { recursive: true });
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(join(claimsDir, 'example.mjs'), `export default ${JSON.stringify(widget({ '2.1.1': { level: 'supports', remarks: 'Works.', evidence: [{ kind: 'test', file: FILE, title: TITLE }] } }))};\n`);
    writeFileSync(join(resultsDir, 'browser-tests.json'), JSON.stringify(bothPass()));
    writeFileSync(join(resultsDir, 'audit-tests.json'), JSON.stringify({ schemaVersion: 1, runner: 'node:test', tests: [] }));

    const check = run('--check');
    assert.equal(check.status, 1);
    assert.match(check.stderr, /out of date .*example\.md is missing; README\.md is missing\. Run: npm run acr/);

    const write = run();
    assert.equal(write.status, 0, write.stderr);
    assert.match(readFileSync(join(outDir, 'example.md'), 'utf8'), /asks for the code and passes axe \(Chromium, Firefox ESR\)/);
    assert.equal(run('--check').status, 0);

    writeFileSync(join(outDir, 'example.md'), `${readFileSync(join(outDir, 'example.md'), 'utf8')}edited\n`);
    writeFileSync(join(outDir, 'old-widget.md'), 'stale\n');
    const drift = run('--check');
    assert.equal(drift.status, 1);
    assert.match(drift.stderr, /example\.md differs; old-widget\.md is not generated by any claims file/);
  });

  it('exits 1 and writes nothing when this run does not show a claim', () => {
    rmSync(outDir, { recursive: true, force: true });
    writeFileSync(join(resultsDir, 'browser-tests.json'), JSON.stringify(results([TITLE, 'Chromium'], [TITLE, 'Firefox ESR', 'failed'])));
    const { status, stderr } = run();
    assert.equal(status, 1);
    assert.match(stderr, /1 problem, the claims are not shown by this run:\n {2}✗ .*example\.test\.ts › .* failed in Firefox ESR — cited by example 2\.1\.1 \(supports\)/);
    assert.match(stderr, /Nothing was written\./);
    assert.throws(() => readFileSync(join(outDir, 'example.md')), /ENOENT/);
  });
});

describe('acr: the reporters', () => {
  it('web-test-runner: browser versions, suites flattened, results sorted', () => {
    assert.deepEqual(parseBrowserVersion('Chromium 156.0.8078.79 built on Debian GNU/Linux 12 (bookworm)\n'), { product: 'Chromium', version: '156.0.8078.79' });
    assert.deepEqual(parseBrowserVersion('Mozilla Firefox 153.7.0esr'), { product: 'Firefox ESR', version: '153.7.0' });
    assert.equal(parseBrowserVersion('nothing useful'), undefined);
    const tree = { name: '', tests: [{ name: 'top', passed: true, skipped: false }], suites: [{ name: 'outer', tests: [{ name: 'b', passed: false, skipped: false }, { name: 'a', passed: true, skipped: true }], suites: [] }] };
    assert.deepEqual(flattenResults(tree), [
      { suite: [], title: 'top', status: 'passed' },
      { suite: ['outer'], title: 'b', status: 'failed' },
      { suite: ['outer'], title: 'a', status: 'skipped' },
    ]);
    const root = here('../..');
    const session = (browser, testResults, extra = {}) => ({ testFile: join(root, FILE), browser: { name: browser }, testResults, errors: [], passed: true, ...extra });
    const doc = resultsDocument([session('Firefox', tree), session('Chrome', tree), session('Chrome', undefined, { errors: [{ message: 'boom' }], passed: false })],
      [{ launcher: 'Chrome', product: 'Chromium', version: '156.0' }]);
    assert.deepEqual(doc.tests.map((t) => `${t.file} ${t.suite.join('/')} ${t.title} ${t.browser} ${t.status}`), [
      `${FILE} outer a Chromium skipped`, `${FILE} outer a Firefox skipped`, `${FILE} outer b Chromium failed`, `${FILE} outer b Firefox failed`,
      `${FILE}  top Chromium passed`, `${FILE}  top Firefox passed`,
    ]);
    assert.deepEqual(doc.fileErrors, [{ file: FILE, browser: 'Chromium', message: 'boom' }]);
  });

  it('node:test: every test with its suites and status, beside spec', () => {
    const dir = join(temp, 'node-reporter');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'sample.test.mjs'), [
      "import { describe, it, before } from 'node:test';",
      "describe('outer', () => { describe('inner', () => { it('passes', () => {}); it('fails', () => { throw new Error('x'); }); it.skip('skipped', () => {}); }); });",
      "describe('broken before', () => { before(() => { throw new Error('no'); }); it('under it', () => {}); });",
      "it('at the top', () => {});",
    ].join('\n'));
    const out = join(dir, 'out.json');
    const child = spawnSync(process.execPath, ['--test', '--test-reporter=spec', '--test-reporter-destination=stdout',
      `--test-reporter=${pathToFileURL(here('./node-results-reporter.mjs')).href}`, `--test-reporter-destination=${out}`, join(dir, 'sample.test.mjs')],
    // Not as a child of this test run (which would report to it instead of to the reporters).
    { encoding: 'utf8', env: Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_TEST_CONTEXT')) });
    assert.equal(child.status, 1, 'the sample has failures');
    assert.match(child.stdout, /ℹ pass 2/, 'spec still prints its totals');
    const { runner, tests } = JSON.parse(readFileSync(out, 'utf8'));
    assert.equal(runner, 'node:test');
    assert.deepEqual(tests.map((t) => [t.suite.join('/'), t.title, t.status]), [
      ['', 'at the top', 'passed'], ['broken before', 'under it', 'failed'],
      ['outer/inner', 'fails', 'failed'], ['outer/inner', 'passes', 'passed'], ['outer/inner', 'skipped', 'skipped'],
    ]);
    assert.ok(tests.every((t) => t.file.endsWith('sample.test.mjs') && t.browser === null));
  });
});
