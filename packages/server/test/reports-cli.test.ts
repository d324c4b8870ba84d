// `dvc-server reports` as staff run it: the CLI spawned from its sources on a database seeded with
// evaluations and payments, in a clean environment. The figures are the API's (the same modules);
// here: the command line, its output as JSON and as CSV (to a file and to standard output), its
// refusals and exit statuses. Runs again on PostgreSQL for what touches the database.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { main } from '../src/cli/main.ts';
import { openStorage } from '../src/storage/open.ts';
import { migrate } from '../src/storage/migrate.ts';
import { freshDatabaseUrl, TEST_ENGINE } from './support/test-database.ts';
import { sheetRows, unzip } from './support/xlsx-reader.ts';
import { testSecret } from './support/sandbox.ts';

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const AGENCY = '000.00.20.H29';
const OTHER = '000.00.20.H2';

/** What touches no database is the same on every engine: defined on the SQLite pass only. */
const describeOnce = TEST_ENGINE === 'sqlite' ? describe : () => undefined;

interface Result { code: number | null; stdout: string; stderr: string; raw: Buffer }

/** The CLI with only PATH and `env` set, in the temporary working directory. */
function run(args: string[], env: Record<string, string> = {}): Promise<Result> {
  const child = spawn(process.execPath, ['--conditions=source', CLI, ...args], {
    cwd: work, env: { PATH: process.env['PATH'] ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: Buffer[] = [];
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  return new Promise((done) => child.on('close', (code) => {
    const raw = Buffer.concat(out);
    done({ code, stdout: raw.toString('utf8'), stderr, raw });
  }));
}

let work: string;
let db: string;

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'dvc-server-reports-'));
  db = TEST_ENGINE === 'sqlite' ? join(work, 'reports.db') : await freshDatabaseUrl();
  const storage = openStorage(db);
  try {
    await migrate(storage);
    const dossier = (code: string, procedure: string, name: string, agency: string) => storage.run(`INSERT INTO dossiers
      (code, procedure_code, procedure_name, agency, applicant_digest, status, received_at) VALUES (?, ?, ?, ?, 'digest', 'decided', '2025-02-20T02:00:00.000Z')`,
    [code, procedure, name, agency]);
    const evaluation = (id: string, code: string, overall: number, at: string) => storage.run(`INSERT INTO survey_responses
      (id, form_id, form_version, kind, dossier_code, answers, submitted_at) VALUES (?, 'one-stop-evaluation', 1, 'dossier', ?, ?, ?)`,
    [id, code, JSON.stringify({ contacts: 2, agencies: 2, 'one-stop': 2, attitude: overall, overall }), at]);
    const payment = (id: string, code: string, state: string, kind: string, amount: number, created: string, paid: string | null) => storage.run(`INSERT INTO payments
      (id, dossier_code, state, lines, total, method, return_url, created_at, paid_at) VALUES (?, ?, ?, ?, ?, 'vnpay', 'http://localhost/', ?, ?)`,
    [id, code, state, JSON.stringify([{ kind, description: 'Lệ phí', amount }]), amount, created, paid]);

    await dossier(`${AGENCY}-250301-0001`, '1.001193', 'Thủ tục đăng ký khai sinh', 'Bộ phận "Một cửa", phường');
    await dossier(`${AGENCY}.05-250301-0002`, '1.001193', 'Thủ tục đăng ký khai sinh', 'Tổ một cửa 05');
    await dossier(`${OTHER}-250301-0003`, '1.001193', 'Thủ tục đăng ký khai sinh', 'Một cửa H2');
    // The first day begins at 00:00 in Vietnam, 17:00 UTC the day before.
    await evaluation('srv_1', `${AGENCY}-250301-0001`, 2, '2025-02-28T17:00:00.000Z');
    await evaluation('srv_2', `${AGENCY}.05-250301-0002`, 0, '2025-03-31T16:59:59.999Z');
    await evaluation('srv_3', `${OTHER}-250301-0003`, 1, '2025-03-10T00:00:00.000Z');
    await payment('pay_1', `${AGENCY}-250301-0001`, 'paid', 'fee', 8000, '2025-03-01T02:00:00.000Z', '2025-03-01T02:01:00.000Z');
    await payment('pay_2', `${AGENCY}.05-250301-0002`, 'failed', 'charge', 50000, '2025-03-02T02:00:00.000Z', null);
    await payment('pay_3', `${OTHER}-250301-0003`, 'paid', 'charge', 30000, '2025-03-03T02:00:00.000Z', '2025-03-03T02:01:00.000Z');
  } finally {
    await storage.close();
  }
});

after(async () => {
  await rm(work, { recursive: true, force: true });
});

const PERIOD = ['--from', '2025-03-01', '--to', '2025-03-31'];

describe('dvc-server reports', () => {
  it('prints the survey results of an agency as JSON, by receiving unit', async () => {
    const result = await run(['reports', 'surveys', ...PERIOD, '--agency', AGENCY, '--by', 'unit', '--db', db]);
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout);
    assert.equal(report.agency, AGENCY);
    assert.deepEqual(report.groups.map((g: { code: string; name: string; evaluations: number }) => [g.code, g.name, g.evaluations]),
      [[AGENCY, 'Bộ phận "Một cửa", phường', 1], [`${AGENCY}.05`, 'Tổ một cửa 05', 1]]);
    const overall = report.total.criteria.find((c: { id: string }) => c.id === 'overall');
    assert.deepEqual(overall, {
      id: 'overall', answered: 2, distribution: [{ value: 2, count: 1 }, { value: 1, count: 0 }, { value: 0, count: 1 }],
      average: 1, satisfied: 1, satisfiedPercent: 50,
    });
  });

  it('writes an Excel workbook to a file: a title saying the agency and the days, then the CSV\'s rows, typed', async () => {
    const file = join(work, 'khao-sat.xlsx');
    const written = await run(['reports', 'surveys', ...PERIOD, '--agency', AGENCY, '--format', 'xlsx', '--output', file, '--db', db]);
    assert.equal(written.code, 0, written.stderr);
    assert.equal(written.stdout, '');
    const [title, header, first] = sheetRows(unzip(await readFile(file)).get('xl/worksheets/sheet1.xml')!);
    assert.deepEqual(title, [{ text: `Kết quả đánh giá mức độ hài lòng theo thủ tục, đơn vị ${AGENCY}, từ ngày 01/03/2025 đến ngày 31/03/2025`, type: 'string' }]);
    assert.equal(header?.[0]?.text, 'Mã thủ tục');
    assert.deepEqual(first?.slice(0, 3), [{ text: '1.001193', type: 'string' }, { text: 'Thủ tục đăng ký khai sinh', type: 'string' }, { text: '2', type: 'number' }]);
  });

  it('says when no dossier at all is under the agency named (a code mistyped), and still answers', async () => {
    const mistyped = await run(['reports', 'payments', ...PERIOD, '--agency', '000.00.15.H2', '--db', db]);
    assert.equal(mistyped.code, 0, mistyped.stderr);
    assert.equal(mistyped.stderr.trim(), 'No dossier in the database has a code under 000.00.15.H2: check --agency. The report counts nothing.');
    assert.equal(JSON.parse(mistyped.stdout).states[0].count, 0);
    for (const agency of [AGENCY, `${AGENCY}.05`, '000.00']) {
      const known = await run(['reports', 'payments', ...PERIOD, '--agency', agency, '--db', db]);
      assert.equal(known.stderr, '', agency);
    }
  });

  it('covers every agency without --agency', async () => {
    const result = await run(['reports', 'payments', ...PERIOD, '--db', db]);
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout);
    assert.equal(report.agency, '');
    assert.deepEqual(report.states.map((s: { state: string; count: number; amount: number }) => [s.state, s.count, s.amount]),
      [['paid', 2, 38000], ['pending', 0, 0], ['failed', 1, 50000], ['cancelled', 0, 0], ['refunded', 0, 0]]);
  });

  it('writes CSV for Excel to a file, and the same bytes to standard output; its last row says the period', async () => {
    const file = join(work, 'thanh-toan.csv');
    const written = await run(['reports', 'payments', ...PERIOD, '--agency', AGENCY, '--format', 'csv', '--output', file, '--db', db]);
    assert.equal(written.code, 0, written.stderr);
    assert.equal(written.stdout, '');
    assert.match(written.stderr, /Wrote the payments report for 2025-03-01 to 2025-03-31 to .*thanh-toan\.csv/);
    const bytes = await readFile(file);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(bytes.toString('utf8'), '\uFEFFTrạng thái,Mã trạng thái,Số giao dịch,Phí (VND),Lệ phí (VND),Tổng tiền (VND)\r\n' +
      'Đã thanh toán,paid,1,0,8000,8000\r\nĐang chờ thanh toán,pending,0,0,0,0\r\nKhông thành công,failed,1,50000,0,50000\r\n' +
      'Đã hủy,cancelled,0,0,0,0\r\nĐã hoàn tiền,refunded,0,0,0,0\r\nCần hoàn tiền (đã thu cho giao dịch đã đóng),refund-due,0,0,0,0\r\n'
      + '"Nộp thừa do giảm phí, lệ phí sau khi đã nộp (số hồ sơ; hoàn hoặc bù trừ)",overpaid,0,0,0,0\r\n'
      + `Ghi chú,"Thanh toán trực tuyến phí, lệ phí, đơn vị ${AGENCY}, từ ngày 01/03/2025 đến ngày 31/03/2025.",,,,\r\n`);
    const printed = await run(['reports', 'payments', ...PERIOD, '--agency', AGENCY, '--format', 'csv', '--db', db]);
    assert.equal(printed.code, 0, printed.stderr);
    assert.deepEqual(printed.raw, bytes);

    const surveys = await run(['reports', 'surveys', ...PERIOD, '--agency', AGENCY, '--by', 'unit', '--format', 'csv', '--db', db]);
    assert.equal(surveys.code, 0, surveys.stderr);
    const lines = surveys.stdout.replace(/^\uFEFF/, '').split('\r\n');
    assert.equal(lines.at(-1), '', 'the last line ends with CRLF too');
    assert.ok(lines.includes(`${AGENCY},"Bộ phận ""Một cửa"", phường",1,overall,Mức độ hài lòng chung của Ông/Bà,1,1,0,0,2,1,100`), lines.join('\n'));
    assert.ok(lines.includes(',Tổng cộng,2,overall,Mức độ hài lòng chung của Ông/Bà,2,1,0,1,1,1,50'), lines.join('\n'));
    assert.equal(lines.at(-2), `Ghi chú,"Kết quả đánh giá mức độ hài lòng theo đơn vị tiếp nhận, đơn vị ${AGENCY}, từ ngày 01/03/2025 đến ngày 31/03/2025.",,,,,,,,,,`);
  });
});

describeOnce('dvc-server reports on a wrong command line', () => {
  it('refuses a SQLite file that is not there (a mistyped --db), rather than make and report on an empty one', async () => {
    const typo = join(work, 'typo', 'reprots.db');
    for (const mode of ['sandbox', 'production']) {
      const result = await run(['reports', 'surveys', ...PERIOD, '--mode', mode, '--db', typo], {
        DVC_APPLICANT_KEY: testSecret('applicant'), DVC_TOKEN_SECRET: testSecret('token'), DVC_ALLOWED_ORIGINS: 'https://dichvucong.example.gov.vn',
      });
      assert.equal(result.code, 78, result.stderr);
      assert.match(result.stderr, new RegExp(`There is no database at ${typo.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      assert.equal(result.stdout, '');
    }
    assert.equal(existsSync(join(work, 'typo')), false, 'nothing made at the mistyped path');
    // A file: URL names a file that is there.
    const asUrl = await run(['reports', 'payments', ...PERIOD, '--db', pathToFileURL(db).href]);
    assert.equal(asUrl.code, 0, asUrl.stderr);
  });

  it('has --help', async () => {
    for (const args of [['reports', '--help'], ['help', 'reports'], ['reports', 'surveys', '-h']]) {
      const result = await run(args);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /^dvc-server reports — /);
      assert.match(result.stdout, /--format json\|csv/);
    }
    assert.match((await run(['--help'])).stdout, /^ {2}reports {3}survey results and payments/m);
  });

  it('refuses a wrong command line with status 2, naming what is wrong', async () => {
    // The table runs in process (main() with a captured Io): the same code path, without a Node
    // start per case; the spawned CLI is checked once for the status and the streams.
    const spawned = await run(['reports', 'surveys', '--from', '2025-02-30', '--to', '2025-03-31']);
    assert.equal(spawned.code, 2, spawned.stderr);
    assert.equal(spawned.stdout, '');
    assert.match(spawned.stderr, /^dvc-server reports: --from: 2025-02-30 does not exist \(February 2025 has days 01 to 28\)\.\nRun "dvc-server help reports" for its options\.\n$/);
    const cases: [string[], RegExp][] = [
      [['reports'], /needs a report: surveys or payments/],
      [['reports', 'fees', ...PERIOD], /unknown report "fees"/],
      [['reports', 'surveys', '--from', '2025-03-01'], /needs the period/],
      [['reports', 'surveys', '--from', '2025-02-30', '--to', '2025-03-31'], /--from: 2025-02-30 does not exist \(February 2025 has days 01 to 28\)\.$/],
      [['reports', 'surveys', '--from', '2025-03-01', '--to', '2025-13-01'], /--to: 2025-13-01 does not exist \(a year has months 01 to 12\)\.$/],
      [['reports', 'surveys', '--from', '2025-03-01', '--to', '31/03/2025'], /--to: must be a date, YYYY-MM-DD\.$/],
      [['reports', 'surveys', '--from', '2025-03-31', '--to', '2025-03-01'], /--to: must not be before from/],
      [['reports', 'payments', '--from', '2024-01-01', '--to', '2025-01-01'], /--to: the period must be at most 366 days/],
      [['reports', 'payments', '--from', '0226-03-01', '--to', '0226-03-31'], /--from: must be 2000-01-01 or later/],
      [['reports', 'payments', ...PERIOD, '--output', '/nonexistent-folder/r.csv'], /--output: the folder \/nonexistent-folder does not exist: make it, or name a file in another\./],
      [['reports', 'surveys', '--from', '9999-01-01', '--to', '9999-01-31'], /--from: must not be after today \(Vietnam time\): the period has not begun/],
      [['reports', 'payments', ...PERIOD, '--by', 'unit'], /--by groups the survey results only/],
      [['reports', 'surveys', ...PERIOD, '--by', 'agency'], /--by must be procedure or unit/],
      [['reports', 'surveys', ...PERIOD, '--format', 'ods'], /--format must be json, csv or xlsx, not "ods"/],
      [['reports', 'surveys', ...PERIOD, '--format', 'xlsx'], /--format xlsx writes a file: name it with --output/],
      [['reports', 'surveys', ...PERIOD, '--agency', 'h29; drop'], /not an agency code/],
      [['reports', 'surveys', ...PERIOD, '--agency', `${AGENCY}.`], /not an agency code/],
      [['reports', 'surveys', ...PERIOD, '--agency', '000..15'], /not an agency code/],
      [['reports', 'surveys', ...PERIOD, '--colour'], /Unknown option '--colour'/],
    ];
    for (const [args, message] of cases) {
      const out: string[] = [];
      const err: string[] = [];
      const code = await main(args, { env: {}, out: (line) => out.push(line), err: (line) => err.push(line) });
      assert.equal(code, 2, `${args.join(' ')}: ${err.join('\n')}`);
      assert.deepEqual(out, [], args.join(' '));
      assert.match(err[0] ?? '', message, args.join(' '));
      assert.match(err[1] ?? '', /Run "dvc-server help reports"/);
    }
  });

  it('needs a database named in production (status 78)', async () => {
    const result = await run(['reports', 'surveys', ...PERIOD, '--mode', 'production']);
    assert.equal(result.code, 78, result.stderr);
    assert.match(result.stderr, /DATABASE_URL/);
  });
});
