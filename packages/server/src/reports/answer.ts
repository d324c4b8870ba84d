/**
 * How a report is answered over HTTP: JSON by default, CSV for a client that asks for `text/csv`
 * first (as a download named after the report and its period); a refused period as the API's 400.
 */
import type { FastifyReply } from 'fastify';
import { ApiProblem } from '../http/problem.ts';
import { CSV_TYPE, toCsv } from './csv.ts';
import type { CsvCell } from './csv.ts';
import { ReportPeriodError } from './period.ts';

interface MediaRange { range: string; q: number; position: number }

/** The range of an Accept header that decides for `type` (RFC 9110 §12.5.1): the most specific that matches. */
function rangeFor(ranges: MediaRange[], type: string): MediaRange | undefined {
  const [major] = type.split('/');
  return ranges.find((r) => r.range === type) ?? ranges.find((r) => r.range === `${major}/*`) ?? ranges.find((r) => r.range === '*/*');
}

/**
 * Whether the Accept header wants CSV more than JSON: by q, then by which is listed first
 * (`text/csv, application/json`). `text/*` asks for CSV too. JSON when neither is named, for
 * `*\/*`, and when nothing acceptable is offered.
 */
export function prefersCsv(accept: string | undefined): boolean {
  if (!accept) return false;
  const ranges = accept.split(',').map((part, position): MediaRange => {
    const [range = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    const value = q === undefined ? 1 : Number(q.slice(2));
    return { range, q: Number.isFinite(value) ? value : 0, position };
  });
  const csv = rangeFor(ranges, 'text/csv');
  if (!csv || csv.q <= 0) return false;
  const json = rangeFor(ranges, 'application/json');
  if (!json || json.q < csv.q) return true;
  return json.q === csv.q && csv.position < json.position;
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

/** The report as JSON, or as CSV named `file` when the client asks for it. */
export function answerReport<T>(accept: string | undefined, reply: FastifyReply, report: T, rows: (report: T) => CsvCell[][], file: string): T | string {
  if (!prefersCsv(accept)) return report;
  reply.type(CSV_TYPE).header('content-disposition', `attachment; filename="${file}"`);
  return toCsv(rows(report));
}
