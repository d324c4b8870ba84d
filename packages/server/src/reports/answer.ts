/**
 * How a report is answered over HTTP: JSON by default; CSV or an Excel workbook for a client that
 * asks for one first (as a download named after the report and its period); a refused period as
 * the API's 400, an Accept header that wants none of them as a 406.
 */
import type { FastifyReply } from 'fastify';
import { ApiProblem } from '../http/problem.ts';
import { CSV_TYPE, toCsv } from './csv.ts';
import type { CsvCell } from './csv.ts';
import { XLSX_TYPE, toXlsx } from './xlsx.ts';
import { ReportPeriodError } from './period.ts';

/** A report as a table: what CSV and the workbook hold. */
export interface ReportSheet {
  /**
   * What the report is, for whom and for which days: the workbook's first row; in the CSV, which
   * has no title above its header, the first `Ghi chú` row, so that a file saved to disk still
   * says its period.
   */
  title: string;
  /** The header, then the rows. */
  rows: CsvCell[][];
  /**
   * What a reader of the figures must know that they do not say (evaluations left out): under the
   * table, in the CSV as rows whose first cell is `Ghi chú`, padded to the header's width.
   */
  notes?: string[];
  /** The file's name without its extension, e.g. `bao-cao-thanh-toan-2025-03-01-2025-03-31`. */
  name: string;
}

export type ReportFormat = 'json' | 'csv' | 'xlsx';

/** The first cell of a note's row in the CSV. */
export const NOTE_LABEL = 'Ghi chú';

/** Each format and its media type, in the order preferred when a client likes several as much. */
const FORMATS: readonly (readonly [ReportFormat, string])[] = [['json', 'application/json'], ['csv', 'text/csv'], ['xlsx', XLSX_TYPE]];

interface MediaRange { range: string; q: number; position: number }

/** The range of an Accept header that decides for `type` (RFC 9110 §12.5.1): the most specific that matches. */
function rangeFor(ranges: MediaRange[], type: string): MediaRange | undefined {
  const [major] = type.split('/');
  return ranges.find((r) => r.range === type) ?? ranges.find((r) => r.range === `${major}/*`) ?? ranges.find((r) => r.range === '*/*');
}

/**
 * The format the Accept header wants most: by q, then by which is listed first
 * (`text/csv, application/json`); `text/*` asks for CSV. JSON when no header is sent and for `*\/*`;
 * undefined when the header accepts none of the three (`text/html`, `text/csv;q=0`).
 */
export function reportFormat(accept: string | undefined): ReportFormat | undefined {
  if (!accept) return 'json';
  const ranges = accept.split(',').map((part, position): MediaRange => {
    const [range = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    const value = q === undefined ? 1 : Number(q.slice(2));
    return { range, q: Number.isFinite(value) ? value : 0, position };
  });
  let best: { format: ReportFormat; q: number; position: number } | undefined;
  for (const [format, type] of FORMATS) {
    const range = rangeFor(ranges, type);
    if (range && range.q > 0 && (!best || range.q > best.q || (range.q === best.q && range.position < best.position))) {
      best = { format, q: range.q, position: range.position };
    }
  }
  return best?.format;
}

/** The media types a report is sent as, for a client that accepts none of them. */
const OFFERED = FORMATS.map(([, type]) => type);

/**
 * The format to answer with; an Accept header that wants none of them is a 406 naming what the
 * report can be sent as (answering JSON to a client that says it cannot take JSON only fails later,
 * in its parser or its spreadsheet).
 */
export function acceptedReportFormat(accept: string | undefined): ReportFormat {
  const format = reportFormat(accept);
  if (format) return format;
  throw new ApiProblem(406, 'not_acceptable',
    `This report is sent as JSON (${OFFERED[0]}), CSV (${OFFERED[1]}) or an Excel workbook (${OFFERED[2]}): the Accept header asks for none of them.`,
    { errors: [{ path: '/headers/accept', message: `must accept ${OFFERED.slice(0, -1).join(', ')} or ${OFFERED.at(-1)}` }] });
}

/** Makes the report; a period it refuses is a 400 naming the query parameter at fault. */
export async function reportOrProblem<T>(make: () => Promise<T>): Promise<T> {
  try {
    return await make();
  } catch (error) {
    if (!(error instanceof ReportPeriodError)) throw error;
    throw new ApiProblem(400, 'validation_failed', `${error.field}: ${error.message}.`, {
      errors: [{ path: `/querystring/${error.field}`, message: error.message }],
    });
  }
}

/** The report as a file of `format` (not JSON): its bytes or text. */
export function reportFile(format: Exclude<ReportFormat, 'json'>, sheet: ReportSheet): string | Buffer {
  const notes = sheet.notes ?? [];
  if (format === 'xlsx') return toXlsx(sheet.title, sheet.rows, notes);
  const width = sheet.rows[0]?.length ?? 2;
  // After the rows, not above the header: a reader of the CSV takes its first row for the header.
  return toCsv([...sheet.rows, ...[`${sheet.title}.`, ...notes].map((note): CsvCell[] => [NOTE_LABEL, note, ...Array<CsvCell>(Math.max(0, width - 2)).fill(null)])]);
}

/** The report as JSON, or as the CSV or workbook `format` names, a download named after it. */
export function answerReport<T>(format: ReportFormat, reply: FastifyReply, report: T, sheet: (report: T) => ReportSheet): T | string | Buffer {
  if (format === 'json') return report;
  const table = sheet(report);
  reply.type(format === 'csv' ? CSV_TYPE : XLSX_TYPE).header('content-disposition', `attachment; filename="${table.name}.${format}"`);
  return reportFile(format, table);
}
