/**
 * The parts that need no browser: the command line, the tour contract's validation, WCAG tags,
 * focus order, and the report writers fed with awkward text.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { main, parseCli, UsageError, version } from '../src/cli.ts';
import { longestInOrder } from '../src/checks/keyboard.ts';
import { escapeHtml, renderHtml } from '../src/reports/html.ts';
import { renderJunit } from '../src/reports/junit.ts';
import { sandboxOnlyVerdict, unreachedVerdict } from '../src/audit.ts';
import { TourStepError, validateTour, type AuditStep } from '../src/tour.ts';
import { tourFor, tours } from '../src/tours/index.ts';
import { SCHEMA_VERSION, type AuditReport } from '../src/types.ts';
import { compareCriteria, criteriaFromTags, criterionTitle, understandingUrl } from '../src/wcag.ts';
import { parseXml } from './support/xml.ts';

describe('command line', () => {
  it('defaults: Chromium, all three formats, ./dvc-audit-report, no tour', () => {
    assert.deepEqual(parseCli(['https://example.gov.vn/'], '/work'), {
      url: 'https://example.gov.vn/', outDir: '/work/dvc-audit-report', formats: ['json', 'html', 'junit'], tour: false, browser: 'chromium', defineWaitMs: 10_000,
    });
  });

  it('reads --out, --format lists, --tour, --browser and --wait', () => {
    const options = parseCli(['http://localhost:8080', '--out', 'evidence', '--format', 'junit,json', '--format', 'json', '--tour', '--browser', 'firefox', '--wait', '2.5'], '/ci');
    assert.deepEqual(options, { url: 'http://localhost:8080/', outDir: '/ci/evidence', formats: ['junit', 'json'], tour: true, browser: 'firefox', defineWaitMs: 2_500 });
    assert.equal(parseCli(['http://x', '--wait', '60'])!.defineWaitMs, 60_000);
  });

  it('turns a local file into a file: URL', () => {
    assert.equal(parseCli(['package.json'], process.cwd())!.url, new URL(`file://${process.cwd()}/package.json`).href);
  });

  it('refuses what it cannot run', () => {
    assert.throws(() => parseCli([]), UsageError);
    assert.throws(() => parseCli(['a', 'b']), UsageError);
    assert.throws(() => parseCli(['http://x', '--browser', 'safari']), /chromium or firefox/);
    assert.throws(() => parseCli(['http://x', '--format', 'pdf']), /unknown format pdf/);
    assert.throws(() => parseCli(['javascript:alert(1)']), /cannot audit/);
    assert.throws(() => parseCli(['no-such-file.html']), /neither a URL nor a file/);
    assert.throws(() => parseCli(['http://x', '--colour']), UsageError);
    for (const wait of ['0', '-1', 'ten', '1e3', '61', '']) {
      assert.throws(() => parseCli(['http://x', `--wait=${wait}`]), /^UsageError: --wait takes seconds, more than 0 and at most 60/, wait);
    }
    assert.equal(parseCli(['--help']), null);
  });
});

describe('--version', () => {
  it('prints the package\'s version and exits 0; beside anything else it is an unknown option', async () => {
    const said: string[] = [];
    const log = console.log;
    console.log = (line: string) => void said.push(line);
    try {
      assert.equal(await main(['--version']), 0);
    } finally {
      console.log = log;
    }
    assert.match(version(), /^\d+\.\d+\.\d+/);
    assert.deepEqual(said, [`dvc-audit ${version()}`]);
    assert.throws(() => parseCli(['http://x', '--version']), UsageError);
  });
});

describe('tour contract', () => {
  it('accepts the contract\'s steps and actions', () => {
    const { steps, problems } = validateTour([
      { name: 'initial', description: 'As loaded', actions: [] },
      {
        name: 'found', description: 'Found', needsDemoData: true, actions: [
          { kind: 'fill', selector: '#code', text: 'X' }, { kind: 'press', key: 'Enter' }, { kind: 'click', selector: 'button' },
          { kind: 'waitFor', selector: '[part~="result"]', timeoutMs: 5000 }, { kind: 'setProperty', name: 'applicantId', value: '001099000014' },
          { kind: 'setLang', lang: 'en' },
        ],
      },
    ]);
    assert.deepEqual(problems, []);
    assert.deepEqual(steps.map((s) => [s.name, s.actions.length, s.needsDemoData ?? false]), [['initial', 0, false], ['found', 6, true]]);
  });

  it('reads noDemoDataWhen, and refuses one without a string attribute and value', () => {
    const step = { name: 'sent', needsDemoData: true, noDemoDataWhen: { attribute: 'mode', value: 'page' }, actions: [] };
    assert.deepEqual(validateTour([step]).steps[0]!.noDemoDataWhen, { attribute: 'mode', value: 'page' });
    assert.deepEqual(validateTour([{ ...step, noDemoDataWhen: { attribute: 'mode' } }]).problems, ['sent: noDemoDataWhen needs a string "attribute" and "value"']);
  });

  it('reads sandboxOnly, and refuses one that does not say what the step would do', () => {
    const step = { name: 'sent', sandboxOnly: 'it would store an evaluation', actions: [] };
    assert.equal(validateTour([step]).steps[0]!.sandboxOnly, 'it would store an evaluation');
    for (const sandboxOnly of [true, ' ']) {
      assert.deepEqual(validateTour([{ ...step, sandboxOnly }]).problems, ['sent: sandboxOnly needs a string saying what the step would do to the server']);
    }
  });

  it('marks sandboxOnly each step of the four tours that stores data or sends an identity number', () => {
    const marked = Object.entries(tours).flatMap(([tag, tour]) => tour.filter((s) => s.sandboxOnly).map((s) => `${tag} · ${s.name}`));
    assert.deepEqual(marked, [
      'dvc-dossier-tracker · found', 'dvc-dossier-tracker · not-found',
      'dvc-payment · due', 'dvc-payment · method-chosen', 'dvc-payment · nothing-due', 'dvc-payment · lookup-error',
      'dvc-satisfaction-survey · sent',
    ]);
    // The other steps send nothing a live API keeps: no identity number, no answers.
    const sends = (step: AuditStep) => step.actions.some((a) => (a.kind === 'setProperty' && a.name === 'applicantId' && a.value !== null)
      || (a.kind === 'fill' && /applicant|part~="input"/.test(a.selector) && /^\d{12}$/.test(a.text)));
    for (const [tag, tour] of Object.entries(tours)) {
      for (const step of tour.filter(sends)) assert.ok(step.sandboxOnly, `${tag} · ${step.name}`);
    }
  });

  it('keeps a sandboxOnly step from an API that is not a sandbox (a warning), and from one it could not ask (an error)', () => {
    const step = { sandboxOnly: 'it would store an evaluation' };
    const root = 'https://dichvucong.example.gov.vn/api/v1/';
    assert.equal(sandboxOnlyVerdict(step, { kind: 'sandbox', root }), null);
    assert.equal(sandboxOnlyVerdict({}, { kind: 'not-sandbox', root, answered: 'GET … answered 404' }), null);
    assert.deepEqual(sandboxOnlyVerdict(step, { kind: 'not-sandbox', root, answered: 'GET … answered 404' }), {
      warning: true, why: `it would store an evaluation in ${root}, which is not a sandbox`, detail: 'GET … answered 404',
    });
    const down = sandboxOnlyVerdict(step, { kind: 'no-answer', root, problem: 'network', detail: 'GET … failed' });
    assert.deepEqual(down, { warning: false, why: 'the widget\'s API could not be reached (is its server up, and api-base right?)', detail: 'GET … failed' });
    assert.equal(sandboxOnlyVerdict(step, { kind: 'no-answer', root: null, problem: 'configuration', detail: '' })!.warning, false);
  });

  it('calls a state not reached an error when the widget\'s API stopped it, a warning when it needs demo data, by the failure\'s own name only', () => {
    const demo = { needsDemoData: true };
    assert.deepEqual(unreachedVerdict(demo, new TourStepError('…', 'network')),
      { warning: false, why: 'the widget\'s API could not be reached (is its server up, and api-base right?)' });
    assert.deepEqual(unreachedVerdict(demo, new TourStepError('…', 'dossier_not_found')), { warning: true, why: 'it needs the sandbox\'s demo data' });
    assert.deepEqual(unreachedVerdict({}, new TourStepError('…')), { warning: false, why: 'the step could not be performed' });
    // A widget from the page names its failures as it likes: a name that happens to be a property
    // every object has is no API problem.
    for (const name of ['constructor', 'toString', '__proto__']) {
      assert.deepEqual(unreachedVerdict(demo, new TourStepError('…', name)), { warning: true, why: 'it needs the sandbox\'s demo data' }, name);
    }
  });

  it('reports malformed tours instead of running them', () => {
    assert.deepEqual(validateTour({}).problems, ['auditTour is not an array']);
    const { steps, problems } = validateTour([
      { name: 'Bad Name', actions: [] },
      { name: 'a', actions: [{ kind: 'eval', code: 'alert(1)' }] },
      { name: 'b', actions: [{ kind: 'fill', selector: '#q' }] },
      { name: 'c', actions: [] },
      { name: 'c', actions: [] },
    ]);
    assert.deepEqual(steps.map((s) => s.name), ['c']);
    assert.equal(problems.length, 4);
    assert.match(problems.join('\n'), /unknown action.*eval/);
    assert.match(problems.join('\n'), /fill needs a string "text"/);
    assert.match(problems.join('\n'), /used twice/);
  });

  it('carries a valid tour for each of the four DVC Kit widgets, and none for other tags', () => {
    assert.deepEqual(Object.keys(tours).sort(), ['dvc-dossier-tracker', 'dvc-payment', 'dvc-procedure-search', 'dvc-satisfaction-survey']);
    for (const [tag, tour] of Object.entries(tours)) {
      const { steps, problems } = validateTour(tour);
      assert.deepEqual(problems, [], tag);
      assert.equal(steps.length, tour.length, tag);
    }
    assert.equal(tourFor('dvc-broken-widget'), undefined);
    assert.equal(tourFor('constructor'), undefined);
  });
});

describe('WCAG', () => {
  it('maps axe tags to success criteria', () => {
    assert.deepEqual(criteriaFromTags(['cat.color', 'wcag2aa', 'wcag143', 'wcag1410', 'wcag2411', 'best-practice']), ['1.4.3', '1.4.10', '2.4.11']);
    assert.deepEqual(['2.5.8', '1.4.10', '1.4.3', '1.1.1'].sort(compareCriteria), ['1.1.1', '1.4.3', '1.4.10', '2.5.8']);
    assert.equal(criterionTitle('2.5.8'), '2.5.8 Target Size (Minimum) (AA)');
    assert.equal(understandingUrl('1.4.3'), 'https://www.w3.org/WAI/WCAG22/Understanding/contrast-minimum.html');
    assert.equal(understandingUrl('4.1.2'), 'https://www.w3.org/WAI/WCAG22/Understanding/name-role-value.html');
  });

  it('reports only the controls that jump out of page order', () => {
    // A control with tabindex="5" (page position 9) comes first, then the rest in order.
    assert.deepEqual([...longestInOrder([9, 1, 2, 3, 12])].sort(), [1, 2, 3, 4]);
    assert.deepEqual([...longestInOrder([1, 2, 3])].sort(), [0, 1, 2]);
    assert.deepEqual([...longestInOrder([])], []);
  });
});

describe('report writers', () => {
  const nasty = '<script>alert("x")</script> & ]]> \u0001 “quotes” \'apostrophe\'';
  const report: AuditReport = {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'dvc-audit', version: '0.1.0', axeVersion: '4.14.1' },
    page: 'http://localhost/?a=1&b=<2>', title: nasty,
    browser: { name: 'chromium', version: 'HeadlessChrome/156' },
    date: '2026-11-22T10:00:00.000Z', durationMs: 1234, viewport: { width: 1280, height: 800 }, tour: true,
    states: [{
      widget: 'dvc-x', state: 'opened', description: nasty, status: 'reached', startedAt: '2026-11-22T10:00:01.250Z',
      checks: [
        { check: 'axe', status: 'failed', summary: nasty, durationMs: 10 },
        { check: 'forced-colors', status: 'not-run', reason: 'Firefox <cannot>', durationMs: 0 },
        { check: 'reflow', status: 'error', reason: 'boom & bust', durationMs: 3 },
      ],
      violations: [{
        check: 'axe', rule: 'label', severity: 'failure', impact: 'critical', wcag: ['4.1.2', '1.3.1'], help: nasty, helpUrl: 'https://x/?a=1&b=2',
        message: nasty, selector: 'dvc-x >>> input[name="q"]', html: '<input name="q" onfocus="alert(1)">',
      }],
      warnings: [{
        check: 'axe', rule: 'region', severity: 'warning', impact: 'moderate', wcag: [], help: nasty, helpUrl: '',
        message: nasty, selector: 'p', html: '<p>',
      }],
    }],
    summary: { states: 1, violations: 1, warnings: 1, notRun: ['forced-colors: Firefox <cannot>'], errors: 1, exitCode: 2 },
  };

  it('JUnit: well-formed XML whatever the text, with failure, skipped and error', () => {
    const xml = parseXml(renderJunit(report));
    const suite = xml.children[0]!;
    assert.equal(suite.attributes['name'], 'dvc-x · opened');
    // When this state began, in JUnit's form (no zone, no fraction), not the audit's start.
    assert.equal(suite.attributes['timestamp'], '2026-11-22T10:00:01');
    assert.deepEqual([suite.attributes['tests'], suite.attributes['failures'], suite.attributes['errors'], suite.attributes['skipped']], ['3', '1', '1', '1']);
    const [axe, forced, reflow] = suite.children.filter((c) => c.name === 'testcase');
    assert.ok(axe!.children.find((c) => c.name === 'failure')!.text.includes('<input name="q" onfocus="alert(1)">'));
    assert.ok(axe!.children.find((c) => c.name === 'system-out')!.text.includes('region'));
    assert.equal(forced!.children[0]!.name, 'skipped');
    assert.equal(forced!.children[0]!.attributes['message'], 'Firefox <cannot>');
    assert.equal(reflow!.children[0]!.name, 'error');
    assert.ok(!renderJunit(report).includes('\u0001'));
  });

  it('HTML: every piece of page text is escaped, the finding is listed under each of its criteria', async () => {
    const html = await renderHtml(report, '/nonexistent');
    assert.ok(!html.includes('<script>alert'));
    assert.ok(!html.includes('<input name="q"'));
    assert.ok(html.includes(escapeHtml('<input name="q" onfocus="alert(1)">')));
    assert.match(html, /<h3 id="sc-1-3-1">1\.3\.1 Info and Relationships \(A\) — 1 failure<\/h3>[\s\S]*<h3 id="sc-4-1-2">4\.1\.2 Name, Role, Value \(A\) — 1 failure<\/h3>/);
    assert.match(html, /The audit could not be completed/);
    // Its title says so too: a tab or a list of reports shows the title, not the summary.
    assert.match(html, /<title>Accessibility audit incomplete \(1 error\): 1 violations — /);
    assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});
