/**
 * dvc-audit against a page with known faults (fixtures/broken.html and its <dvc-broken-widget>):
 * it must find each one, nothing else, exit 1, and write reports that parse back. Then the same
 * page in Firefox ESR must give axe the same findings. One CLI run per browser, shared by the tests
 * (plus one audit of the HTML report itself).
 */
import assert from 'node:assert/strict';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { AuditReport, Finding, StateResult } from '../src/types.ts';
import { freePort, runCli, startFixtures, type CliRun, type Running } from './support/servers.ts';
import { parseXml, type XmlElement } from './support/xml.ts';

/** Every fault in the fixture: rule → the element it must be reported on (and nothing else). */
const OWN_CHECK_FAULTS: Array<[string, string, string]> = [
  ['tabindex-positive', '#jump', '2.4.3'],
  ['focus-order', '#jump', '2.4.3'],
  ['focus-visible', '#no-ring', '2.4.7'],
  ['focus-visible', '#faint-ring', '2.4.7'],
  ['target-size', '#tiny', '2.5.8'],
  ['reflow', '#wide', '1.4.10'],
  ['text-spacing-clipped', '#tight', '1.4.12'],
  ['forced-colors-invisible-control', '#swatch', '1.4.11'],
  ['forced-colors-focus-visible', '#no-ring', '2.4.7'],
  ['forced-colors-focus-visible', '#shadow-ring', '2.4.7'],
];
const AXE_FAULTS: Array<[string, string, string]> = [
  ['color-contrast', '#faint', '1.4.3'],
  ['label', 'dvc-broken-widget >>> #nameless', '4.1.2'],
  ['target-size', '#tiny', '2.5.8'],
];

const key = (rule: string, selector: string) => `${rule} @ ${selector}`;
/** Our selectors start at the document (`html > body > main > dvc-broken-widget >>> …`); match on the end. */
const keys = (findings: Finding[]) => findings.map((f) => key(f.rule, f.selector.replace(/^.*?(dvc-broken-widget >>> )/, '$1'))).sort();
const state = (report: AuditReport, widget: string | null, name: string): StateResult => {
  const found = report.states.find((s) => s.widget === widget && s.state === name);
  assert.ok(found, `no state ${widget ?? 'page'} · ${name}`);
  return found;
};

let fixtures: Running;
let url: string;
/** The Chromium run's report, which the Firefox run is compared with. */
let chromium: AuditReport | undefined;

before(async () => {
  fixtures = await startFixtures();
  url = `${fixtures.url}broken.html`;
});
after(() => fixtures.stop());

describe('dvc-audit on the broken fixture, Chromium, with the tour', () => {
  let out: string;
  let run: CliRun;
  let report: AuditReport;

  before(async () => {
    out = await mkdtemp(join(tmpdir(), 'dvc-audit-broken-'));
    // A folder an earlier run wrote to: its screenshot of a state must not stay beside this run's
    // report; a picture of the auditor's own there stays.
    await mkdir(join(out, 'screenshots'));
    await writeFile(join(out, 'screenshots/dvc-broken-widget--demo-only.png'), 'an earlier run\'s');
    await writeFile(join(out, 'screenshots/mine.png'), 'the auditor\'s');
    await writeFile(join(out, 'report.json'), JSON.stringify({ states: [{ screenshot: 'screenshots/dvc-broken-widget--demo-only.png', violations: [] }] }));
    run = await runCli([url, '--tour', '--out', out]);
    report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as AuditReport;
    chromium = report;
  }, { timeout: 120_000 });
  after(() => rm(out, { recursive: true, force: true }));

  it('exits 1 and says how many violations it found', () => {
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /^\d+ violations, \d+ warnings in 6 states/m);
    // As it goes, a state not reached says whether it is a warning or an error.
    assert.match(run.stderr, /dvc-broken-widget · demo-only: not reached, a warning \(it needs the sandbox's demo data\): dvc-broken-widget: #never did not appear/);
    assert.equal(report.summary.exitCode, 1);
  });

  it('fails a focus outline too faint to see, naming its measured contrast', () => {
    const faint = state(report, null, 'page').violations.find((f) => f.rule === 'focus-visible' && f.selector.endsWith('#faint-ring'));
    assert.match(faint?.message ?? '', /^The focus outline cannot be seen: rgb\(253, 253, 253\), 1\.02:1 against rgb\(255, 255, 255\), the colour painted around it; a focus indicator needs at least 3:1/);
  });

  it('counts every warning of the page as loaded in its line, the tour\'s about a widget it cannot drive included', () => {
    const page = state(report, null, 'page');
    assert.ok(page.warnings.some((w) => w.rule === 'tour-missing'));
    assert.match(run.stderr, new RegExp(`^  page · page: ${page.violations.length} violations, ${page.warnings.length} warnings`, 'm'));
  });

  it('finds each of its own checks\' known faults, and only those', () => {
    const page = state(report, null, 'page');
    const own = page.violations.filter((f) => f.check !== 'axe');
    assert.deepEqual(keys(own), OWN_CHECK_FAULTS.map(([rule, selector]) => key(rule, selector)).sort());
    for (const [rule, selector, sc] of OWN_CHECK_FAULTS) {
      const finding = own.find((f) => f.rule === rule && f.selector.endsWith(selector))!;
      assert.deepEqual(finding.wcag, [sc], rule);
      assert.equal(finding.severity, 'failure');
      assert.ok(finding.html.startsWith('<'), `${rule} has the element's HTML`);
    }
  });

  it('finds the axe faults inside and outside the shadow root, with their success criteria', () => {
    const axe = state(report, null, 'page').violations.filter((f) => f.check === 'axe');
    assert.deepEqual(keys(axe), AXE_FAULTS.map(([rule, selector]) => key(rule, selector)).sort());
    for (const [rule, , sc] of AXE_FAULTS) assert.ok(axe.find((f) => f.rule === rule)!.wcag.includes(sc), rule);
    // Best practices are warnings, not failures: axe's own tabindex rule on #jump.
    assert.ok(state(report, null, 'page').warnings.some((w) => w.rule === 'tabindex' && w.selector === '#jump'));
  });

  it('labels results by widget and state, and finds a fault only the tour reaches', () => {
    assert.deepEqual(report.states.map((s) => `${s.widget ?? 'page'} · ${s.state} · ${s.status}`), [
      'page · page · reached',
      'dvc-broken-widget · initial · reached',
      'dvc-broken-widget · opened · reached',
      'dvc-broken-widget · demo-only · unreached',
      'dvc-broken-widget · opened-not-closed · unreached',
      'dvc-broken-widget · hidden-control · unreached',
    ]);
    const altless = (s: StateResult) => s.violations.some((f) => f.rule === 'image-alt' && f.selector === 'dvc-broken-widget >>> #no-alt');
    assert.equal(altless(state(report, null, 'page')), false);
    assert.equal(altless(state(report, 'dvc-broken-widget', 'opened')), true);
    const unreached = state(report, 'dvc-broken-widget', 'demo-only');
    assert.deepEqual(unreached.warnings.map((w) => w.rule), ['tour-state-unreached']);
    // It says what the widget showed instead of the state it waited for.
    assert.equal(unreached.warnings[0]!.message,
      'dvc-broken-widget: #never did not appear within 500 ms; the widget shows a failure (dossier_not_found): "No dossier matches this code."');
    assert.ok(unreached.checks[0]!.durationMs >= 500, 'the time the step took');
    // With no failure shown, the state it shows: the first of its parts on screen that is not a
    // wrapper around the rest (here the panel in the widget's `body`), by its data-state.
    assert.equal(state(report, 'dvc-broken-widget', 'opened-not-closed').warnings[0]!.message,
      'dvc-broken-widget: #never did not appear within 500 ms; the widget shows opened instead');
    // A hidden control is not clicked: the step is not reached, and says why (the run goes on).
    const hidden = state(report, 'dvc-broken-widget', 'hidden-control');
    assert.deepEqual(hidden.warnings.map((w) => [w.rule, w.message]), [['tour-state-unreached', 'dvc-broken-widget: #later is not rendered']]);
  });

  it('screenshots every failure (a PNG named in the report) and every reached state', async () => {
    const reached = report.states.filter((s) => s.status === 'reached');
    for (const s of reached) {
      assert.ok(s.screenshot, `${s.state} has a screenshot`);
      for (const finding of s.violations) assert.ok(finding.screenshot, `${finding.rule} @ ${finding.selector}`);
    }
    const files = new Set(reached.flatMap((s) => [s.screenshot!, ...s.violations.map((f) => f.screenshot!)]));
    for (const file of files) {
      const bytes = await readFile(join(out, file));
      assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', file);
    }
    // This run's and the auditor's own: the earlier run's picture of a state not reached now is gone.
    assert.deepEqual((await readdir(join(out, 'screenshots'))).map((file) => `screenshots/${file}`).sort(), [...files, 'screenshots/mine.png'].sort());
  });

  it('writes report.json with the documented schema', () => {
    assert.equal(report.schemaVersion, 1);
    assert.equal(report.page, url);
    assert.equal(report.browser.name, 'chromium');
    assert.ok(!Number.isNaN(Date.parse(report.date)));
    assert.equal(report.tour, true);
    for (const s of report.states) {
      for (const f of [...s.violations, ...s.warnings]) {
        for (const field of ['check', 'rule', 'severity', 'impact', 'wcag', 'help', 'message', 'selector', 'html'] as const) {
          assert.ok(field in f, `${f.rule} has ${field}`);
        }
      }
    }
    const page = state(report, null, 'page');
    assert.deepEqual(page.checks.map((c) => c.check), ['widgets', 'axe', 'keyboard', 'target-size', 'forced-colors', 'text-spacing', 'reflow']);
    const [widgets, ...checks] = page.checks;
    // The page's own never-defined <dvc-site-banner> is not the kit's: no error, the tour only says so.
    assert.deepEqual({ ...widgets, durationMs: 0 }, { check: 'widgets', status: 'passed', summary: 'no DVC Kit widget on the page', durationMs: 0 });
    assert.deepEqual(page.warnings.filter((w) => w.rule === 'tour-missing').map((w) => w.message), ['dvc-site-banner is not defined on this page']);
    assert.ok(checks.every((c) => c.status === 'failed'), JSON.stringify(page.checks));
  });

  it('writes report.xml: JUnit, one testsuite per state, one testcase per check', async () => {
    const xml = parseXml(await readFile(join(out, 'report.xml'), 'utf8'));
    assert.equal(xml.name, 'testsuites');
    const suites = xml.children.filter((c) => c.name === 'testsuite');
    assert.deepEqual(suites.map((s) => s.attributes['name']), [
      'page', 'dvc-broken-widget · initial', 'dvc-broken-widget · opened', 'dvc-broken-widget · demo-only',
      'dvc-broken-widget · opened-not-closed', 'dvc-broken-widget · hidden-control',
    ]);
    const cases = (suite: XmlElement) => suite.children.filter((c) => c.name === 'testcase');
    const [page] = suites;
    assert.deepEqual(cases(page!).map((c) => c.attributes['name']), ['widgets', 'axe', 'keyboard', 'target-size', 'forced-colors', 'text-spacing', 'reflow']);
    assert.equal(page!.attributes['tests'], '7');
    assert.equal(page!.attributes['failures'], '6');
    const [widgets, ...checks] = cases(page!);
    assert.deepEqual(widgets!.children, [], 'the widget loaded: passed');
    for (const testcase of checks) {
      const failure = testcase.children.find((c) => c.name === 'failure');
      assert.ok(failure, `${testcase.attributes['name']} failed`);
      assert.match(failure.attributes['message']!, /violation/);
    }
    const keyboard = cases(page!).find((c) => c.attributes['name'] === 'keyboard')!;
    assert.match(keyboard.children.find((c) => c.name === 'failure')!.text, /tabindex-positive \(WCAG 2\.4\.3\)[\s\S]*<button id="jump"/);
    const total = suites.reduce((n, s) => n + cases(s).length, 0);
    assert.equal(xml.attributes['tests'], String(total));
    // A state the page's data did not allow is skipped, not passed, with the reason and its time.
    const demoOnly = suites.find((s) => s.attributes['name'] === 'dvc-broken-widget · demo-only')!;
    assert.equal(demoOnly.attributes['skipped'], '1');
    const [tour] = cases(demoOnly);
    assert.match(tour!.children.find((c) => c.name === 'skipped')!.attributes['message']!, /#never did not appear within 500 ms/);
    assert.ok(Number(tour!.attributes['time']) >= 0.5);
    assert.equal(xml.attributes['skipped'], '3');
  });

  it('writes report.html: failures grouped under WCAG headings in order, element HTML escaped, self-contained', async () => {
    const html = await readFile(join(out, 'report.html'), 'utf8');
    const headings = [...html.matchAll(/<h3 id="sc-[\d-]+">([^<]+?) — \d+ failures?<\/h3>/g)].map((m) => m[1]);
    assert.deepEqual(headings, [
      '1.1.1 Non-text Content (A)', '1.4.3 Contrast (Minimum) (AA)', '1.4.10 Reflow (AA)', '1.4.11 Non-text Contrast (AA)',
      '1.4.12 Text Spacing (AA)', '2.4.3 Focus Order (A)', '2.4.7 Focus Visible (AA)', '2.5.8 Target Size (Minimum) (AA)',
      '4.1.2 Name, Role, Value (A)',
    ]);
    assert.ok(html.includes('&lt;button id=&quot;jump&quot; class=&quot;ok&quot; type=&quot;button&quot; tabindex=&quot;2&quot;&gt;'));
    assert.ok(!html.includes('<button id="jump"'), 'the fixture\'s HTML never appears unescaped');
    assert.match(html, /<img src="data:image\/png;base64,[A-Za-z0-9+/=]{100,}" alt="Screenshot: the element #jump/);
    assert.doesNotMatch(html, /<script|<link|src="(?!data:)/, 'no scripts, style sheets or external images');
  });

  it('writes a report.html that passes its own audit', async () => {
    const self = await mkdtemp(join(tmpdir(), 'dvc-audit-self-'));
    try {
      const audit = await runCli([join(out, 'report.html'), '--out', self, '--format', 'json']);
      const result = JSON.parse(await readFile(join(self, 'report.json'), 'utf8')) as AuditReport;
      assert.equal(audit.code, 0, JSON.stringify(result.states[0]?.violations, null, 2));
      assert.deepEqual(result.states[0]!.warnings, []);
    } finally {
      await rm(self, { recursive: true, force: true });
    }
  });
});

describe('dvc-audit on the broken fixture, Firefox ESR', () => {
  let out: string;
  let run: CliRun;
  let report: AuditReport;

  before(async () => {
    out = await mkdtemp(join(tmpdir(), 'dvc-audit-firefox-'));
    run = await runCli([url, '--browser', 'firefox', '--out', out, '--format', 'json']);
    report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as AuditReport;
  }, { timeout: 120_000 });
  after(() => rm(out, { recursive: true, force: true }));

  it('runs in Firefox and exits 1', () => {
    assert.equal(run.code, 1, run.stderr);
    assert.equal(report.browser.name, 'firefox');
    assert.match(report.browser.version, /firefox/i);
  });

  // Compared with the Chromium run's "page as loaded" state (the tour only adds states after it).
  it('gives axe the same findings as Chromium', () => {
    assert.ok(chromium, 'the Chromium run came first');
    const axe = (r: AuditReport) => keys(state(r, null, 'page').violations.filter((f) => f.check === 'axe'));
    assert.deepEqual(axe(report), axe(chromium));
    assert.deepEqual(axe(report), AXE_FAULTS.map(([rule, selector]) => key(rule, selector)).sort());
    // The same rule also needs review elsewhere: that reaches the report too, as a warning.
    const review = (r: AuditReport) => keys(state(r, null, 'page').warnings.filter((f) => f.check === 'axe' && f.rule === 'color-contrast'));
    assert.deepEqual(review(report), review(chromium!));
    assert.ok(review(report).includes(key('color-contrast', '#over-image')), review(report).join(', '));
  });

  it('finds the same keyboard, target-size, text-spacing and reflow faults', () => {
    const own = (r: AuditReport) => keys(state(r, null, 'page').violations.filter((f) => f.check !== 'axe' && f.check !== 'forced-colors'));
    assert.deepEqual(own(report), own(chromium!));
  });

  it('marks forced colours as not run, and says why', () => {
    const check = state(report, null, 'page').checks.find((c) => c.check === 'forced-colors')!;
    assert.equal(check.status, 'not-run');
    assert.match(check.reason!, /Firefox/);
    assert.equal(report.summary.notRun.length, 1);
    assert.match(run.stdout, /Not run: forced-colors/);
  });
});

describe('dvc-audit when it cannot audit', () => {
  it('exits 2, with the reason, when the page does not load', async () => {
    const port = await freePort();
    const run = await runCli([`http://127.0.0.1:${port}/`, '--out', join(tmpdir(), 'dvc-audit-unreachable'), '--format', 'json']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /Could not load http:\/\/127\.0\.0\.1:\d+\/: net::ERR_CONNECTION_REFUSED/);
  });

  it('exits 2, saying so, when the address is not a web page (a script, JSON), rather than audit the browser\'s viewer of it', async () => {
    const out = await mkdtemp(join(tmpdir(), 'dvc-audit-not-a-page-'));
    try {
      const run = await runCli([`${fixtures.url}broken-widget.js`, '--out', out, '--format', 'json']);
      assert.equal(run.code, 2, run.stdout + run.stderr);
      assert.match(run.stderr, /broken-widget\.js is not a web page: it is served as text\/javascript, and only an HTML page can be audited/);
      assert.deepEqual(await readdir(out), [], 'no report of a page that was never audited');
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  /** How the widgets check says it waited for a widget that never came, in seconds. */
  const WAITED = /^dvc-procedure-search never became defined in the (\d+\.\d) s the tool waited after the page's last request that could bring a script ended \((\d+\.\d) s after it asked for the page\): the widget's script did not load/;

  /** dvc-audit on a fixture whose widget never loads, waiting 2 s for it (`--wait`, not the default 10 s): exit 2, the widgets check an error. */
  async function auditNeverLoaded(fixture: string, browser = 'chromium'): Promise<{ run: CliRun; reason: string; sinceQuiet: number; sinceAsked: number }> {
    const out = await mkdtemp(join(tmpdir(), 'dvc-audit-never-loaded-'));
    try {
      const run = await runCli([`${fixtures.url}${fixture}`, '--wait', '2', '--browser', browser, '--out', out, '--format', 'json']);
      assert.equal(run.code, 2, run.stdout + run.stderr);
      const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as AuditReport;
      const widgets = state(report, null, 'page').checks.find((c) => c.check === 'widgets')!;
      assert.equal(widgets.status, 'error');
      const [, sinceQuiet, sinceAsked] = WAITED.exec(widgets.reason!) ?? assert.fail(widgets.reason);
      return { run, reason: widgets.reason!, sinceQuiet: Number(sinceQuiet), sinceAsked: Number(sinceAsked) };
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }

  it('exits 2, naming the widget, when a widget never loads (its script tag points nowhere), rather than pass a page with nothing drawn', async () => {
    const { run, reason, sinceQuiet, sinceAsked } = await auditNeverLoaded('unloaded.html');
    // It says how long it waited: counted from the page's last request (the loader's, which failed).
    assert.ok(sinceQuiet >= 2 && sinceQuiet < 10 && sinceAsked >= sinceQuiet, reason);
    assert.match(run.stdout, /1 checks or tour steps could not complete/);
    // The console says which and why, not only the report.
    assert.match(run.stdout, /^ {2}page · page · widgets: dvc-procedure-search never became defined in the \d+\.\d s the tool waited after the page's last request that could bring a script ended \(\d+\.\d s after it asked for the page\): the widget's script did not load/m);
  });

  for (const browser of ['chromium', 'firefox']) {
    it(`does not wait out its busy timeout on a page that polls its API for ever: its answers bring no script (${browser})`, async () => {
      const { run, reason, sinceQuiet, sinceAsked } = await auditNeverLoaded('unloaded.html?poll', browser);
      assert.ok(sinceQuiet >= 2 && sinceAsked < 15, reason);
      // The busy timeout is 60 s; the whole run (a browser started, the page audited) takes far less.
      assert.ok(run.ms < 40_000, `the audit took ${run.ms} ms`);
    });
  }

  it('exits 2 with one line, before starting a browser, when the report folder cannot be made', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dvc-audit-out-'));
    try {
      await writeFile(join(dir, 'a-file'), '');
      const run = await runCli([url, '--out', join(dir, 'a-file', 'reports')]);
      assert.equal(run.code, 2);
      assert.equal(run.stderr.trim(),
        `dvc-audit: --out ${join(dir, 'a-file', 'reports')} cannot be made: ${join(dir, 'a-file')} is a file, not a directory; give a directory for the reports`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 with one line, before starting a browser, when --out is a file, saying to give a directory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dvc-audit-out-'));
    try {
      await writeFile(join(dir, 'report.json'), 'an earlier report, kept');
      const run = await runCli([url, '--out', join(dir, 'report.json')]);
      assert.equal(run.code, 2);
      assert.equal(run.stderr.trim(), `dvc-audit: --out ${join(dir, 'report.json')} is a file: give a directory for the reports (one that exists, or one to make)`);
      assert.equal(await readFile(join(dir, 'report.json'), 'utf8'), 'an earlier report, kept');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 with one line, before starting a browser, when the report folder cannot be written to', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dvc-audit-out-'));
    try {
      const locked = join(dir, 'locked');
      await mkdir(locked);
      await chmod(dir, 0o755);
      await chmod(locked, 0o555);
      // Root may write anywhere: run the tool as nobody then, as a CI job without the rights would.
      const run = await runCli([url, '--out', locked], process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined);
      assert.equal(run.code, 2, run.stdout + run.stderr);
      assert.equal(run.stderr.trim(), `dvc-audit: --out ${locked} cannot be written to: permission denied (EACCES); give a directory the reports can be written to`);
      assert.deepEqual(await readdir(locked), []);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 with the usage for a bad command line, before starting a browser', async () => {
    const run = await runCli(['http://localhost/', '--browser', 'safari']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--browser must be chromium or firefox[\s\S]*Usage: dvc-audit/);
  });
});
