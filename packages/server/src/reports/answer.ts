/**
 * How a report is answered over HTTP: JSON by default, CSV for a client that asks for `text/csv`
 * first (as a download named after the report and its period); a refused period as the API's 400.
 */
import type { FastifyReply } from 'fastify';
import { ApiProblem } from '../http/problem.ts';
import { CSV_TYPE, toCsv } from './csv.ts';
import type { CsvCell } from './csv.ts';
import { ReportPeriodError } from './period.ts';

/** Whether the Accept header puts CSV before JSON. */
export function prefersCsv(accept: string | undefined): boolean {
  const csv = accept?.indexOf('text/csv') ?? -1;
  const json = accept?.indexOf('application/json') ?? -1;
  return csv >= 0 && (json < 0 || csv < json);
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
