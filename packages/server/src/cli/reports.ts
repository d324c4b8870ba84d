/**
 * `dvc-server reports`: the agency's reports (survey results, payments) read straight from the
 * database, as the API's `/reports/*` answer them, for staff working on the server itself.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { AGENCY_CODE } from '../auth/api-keys.ts';
import { reportFile } from '../reports/answer.ts';
import type { ReportFormat, ReportSheet } from '../reports/answer.ts';
import { paymentReport, paymentReportSheet } from '../reports/payment-report.ts';
import { agencyHasDossiers, checkPeriod, MAX_PERIOD_DAYS, ReportPeriodError } from '../reports/period.ts';
import { surveyReport, surveyReportSheet } from '../reports/survey-report.ts';
import type { Storage } from '../storage/storage.ts';
import { DATABASE_HELP, DATABASE_OPTIONS, EXIT, EXIT_HELP, parseCommandLine, UsageError } from './command.ts';
import type { Command } from './command.ts';
import { databaseSettings, withStorage } from './database.ts';
import { currentSchema } from './keys.ts';

const OPTIONS = {
  ...DATABASE_OPTIONS,
  from: { type: 'string' },
  to: { type: 'string' },
  agency: { type: 'string' },
  by: { type: 'string' },
  format: { type: 'string' },
  output: { type: 'string' },
} as const;

const HELP = `dvc-server reports — the agency's reports: survey results and payments for a period

Usage:
  dvc-server reports surveys --from YYYY-MM-DD --to YYYY-MM-DD [--agency CODE] [--by procedure|unit]
                             [--format json|csv|xlsx] [--output FILE] [options]
  dvc-server reports payments --from YYYY-MM-DD --to YYYY-MM-DD [--agency CODE]
                             [--format json|csv|xlsx] [--output FILE] [options]

surveys   The dossier evaluations submitted in the period: per procedure (--by procedure, the
          default) or per receiving unit (--by unit, the identifier that begins the dossier
          code), the number of evaluations and, for each criterion of the form, how many gave
          each score, the average score and the share who were satisfied or better. Only the
          form's current version is scored; evaluations on another one are counted apart.
payments  The payments of the period by state (paid, pending, failed, cancelled, refunded): how
          many, their amount and that amount by fee kind (phí, lệ phí). A paid or refunded payment
          counts on the day it was paid, any other on the day it was started.

The same figures as GET /api/v1/reports/surveys and /reports/payments with a reports key.

Options (each with its environment variable):
  --from DATE     The first day, in Vietnam time.
  --to DATE       The last day, in Vietnam time, included. At most ${MAX_PERIOD_DAYS} days from --from.
  --agency CODE   Only this agency's dossiers: those whose code begins with CODE (whole
                  segments), e.g. 000.00.15.H26. Default: every dossier in the database
                  (the JSON's "agency" is then "", as no code narrows it).
  --by procedure|unit
                  How to group the survey results. Default: procedure.
  --format json|csv|xlsx
                  JSON (the default); CSV: UTF-8 with a byte order mark, Vietnamese headers,
                  one row per group and criterion (surveys) or per state (payments); or xlsx,
                  the same rows as an Excel workbook under a title saying the agency and the
                  days, codes kept as text and numbers as numbers in any regional format
                  (needs --output).
  --output FILE   Write the report to FILE (replacing it) instead of standard output.
${DATABASE_HELP}
  -h, --help      This help.

Examples:
  dvc-server reports surveys --from 2026-01-01 --to 2026-03-31 --agency 000.00.15.H26 --by unit
  dvc-server reports payments --from 2026-03-01 --to 2026-03-31 --format xlsx --output thanh-toan-thang-3.xlsx

${EXIT_HELP}`;

type ReportName = 'surveys' | 'payments';

export const reports: Command = {
  name: 'reports',
  summary: 'survey results and payments for a period, as JSON or CSV for Excel',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandLine('reports', args, OPTIONS, 1);
    const name = positionals[0];
    if (name === undefined) throw new UsageError('reports', 'reports needs a report: surveys or payments.');
    if (name !== 'surveys' && name !== 'payments') throw new UsageError('reports', `unknown report "${name}": surveys or payments.`);
    if (!values.from || !values.to) throw new UsageError('reports', 'reports needs the period: --from YYYY-MM-DD --to YYYY-MM-DD.');
    const agency = values.agency?.trim() ?? '';
    if (values.agency !== undefined && !AGENCY_CODE.test(agency)) {
      throw new UsageError('reports', `--agency "${values.agency}" is not an agency code such as 000.00.15.H26.`);
    }
    const groupBy = values.by ?? 'procedure';
    if (groupBy !== 'procedure' && groupBy !== 'unit') throw new UsageError('reports', `--by must be procedure or unit, not "${groupBy}".`);
    if (values.by !== undefined && name !== 'surveys') throw new UsageError('reports', '--by groups the survey results only.');
    const format = values.format ?? 'json';
    if (format !== 'json' && format !== 'csv' && format !== 'xlsx') throw new UsageError('reports', `--format must be json, csv or xlsx, not "${format}".`);
    const period = { from: values.from, to: values.to };
    // Checked before the database is read, as backup checks its --to.
    const output = values.output === undefined ? undefined : resolve(values.output);
    // A workbook is a ZIP archive: bytes for a file, not lines for a terminal.
    if (format === 'xlsx' && output === undefined) throw new UsageError('reports', '--format xlsx writes a file: name it with --output, e.g. --output bao-cao.xlsx.');
    if (output && !existsSync(dirname(output))) throw new UsageError('reports', `--output: the folder ${dirname(output)} does not exist: make it, or name a file in another.`);
    try {
      checkPeriod(period, new Date());
    } catch (error) {
      if (error instanceof ReportPeriodError) throw new UsageError('reports', `--${error.field}: ${error.message}.`);
      throw error;
    }

    const settings = databaseSettings(io, values);
    const content = await withStorage(settings, async (storage) => {
      await currentSchema(storage, settings);
      // A mistyped code (one segment short, a letter wrong) reads as an agency with nothing to report.
      if (agency && !(await agencyHasDossiers(storage, agency))) {
        io.err(`No dossier in the database has a code under ${agency}: check --agency. The report counts nothing.`);
      }
      return render(storage, name, { agency, ...period, groupBy }, format);
    });
    if (output === undefined) {
      // One call per line: the CSV's last CRLF is completed by the line end out() adds.
      io.out(format === 'csv' ? String(content).slice(0, -1) : String(content));
    } else {
      await writeFile(output, format === 'json' ? `${String(content)}\n` : content);
      io.err(`Wrote the ${name} report for ${period.from} to ${period.to} to ${output}.`);
    }
    return EXIT.ok;
  },
};

/** The report: JSON indented for people, the CSV document, or the workbook's bytes, as the API answers them. */
async function render(
  storage: Storage, name: ReportName, query: { agency: string; from: string; to: string; groupBy: 'procedure' | 'unit' }, format: ReportFormat,
): Promise<string | Buffer> {
  const as = <T>(report: T, sheet: (report: T) => ReportSheet) => (format === 'json' ? JSON.stringify(report, null, 2) : reportFile(format, sheet(report)));
  return name === 'surveys'
    ? as(await surveyReport(storage, query), surveyReportSheet)
    : as(await paymentReport(storage, query), paymentReportSheet);
}
