/**
 * The satisfaction survey report: the dossier evaluations of one agency's dossiers submitted in a
 * period, by procedure or by receiving unit, with each criterion's scores.
 */
import type { components } from '@dvc-kit/sdk';
import type { Storage } from '../storage/storage.ts';
import { findForm } from '../surveys/responses.ts';
import { FORMS } from '../surveys/forms.ts';
import type { CsvCell } from './csv.ts';
import { agencyFilter, coverageText, periodBounds } from './period.ts';
import type { ReportSheet } from './answer.ts';
import type { ReportPeriod } from './period.ts';

type Schemas = components['schemas'];
type SurveyForm = Schemas['SurveyForm'];
type SurveyReport = Schemas['SurveyReport'];
type Criterion = Schemas['SurveyReportCriterion'];
type CriterionResult = Schemas['SurveyCriterionResult'];
export type SurveyReportGrouping = Schemas['SurveyReportGrouping'];

export interface SurveyReportQuery extends ReportPeriod {
  /** The agency code: its dossiers are those whose code begins with it (whole segments); empty for all. */
  agency: string;
  groupBy: SurveyReportGrouping;
}

interface EvaluationRow {
  dossier_code: string;
  form_version: number;
  answers: string;
  procedure_code: string;
  procedure_name: string;
  agency: string;
}

/**
 * The lowest score counted as "satisfied or better" on a scale. The one-stop rules rate on three
 * levels (very satisfied / satisfied / not satisfied) and some portals on five (very satisfied /
 * satisfied / neutral / not satisfied / not at all): either way it is the two best levels. A scale
 * of two levels (yes / no) has one good level, the best.
 */
export function satisfiedFrom(scale: readonly { value: number }[]): number {
  const values = scale.map((s) => s.value).sort((a, b) => b - a);
  return values.length >= 3 ? values[1]! : values[0]!;
}

/** Rounded half up to 2 decimals, from an exact fraction (no binary rounding on the way). */
function hundredths(numerator: number, denominator: number): number {
  return Math.round((numerator * 100) / denominator) / 100;
}

/** The receiving unit of a dossier: the identifier its code begins with, before `-YYMMDD-NNNN`. */
export function receivingUnit(dossierCode: string): string {
  const dash = dossierCode.indexOf('-');
  return dash === -1 ? dossierCode : dossierCode.slice(0, dash);
}

/** The form's rating questions, each with the score from which it counts as satisfied. */
function criteriaOf(form: SurveyForm): Criterion[] {
  return form.questions
    .filter((q) => q.type === 'rating' && (q.scale ?? []).length > 0)
    .map((q) => {
      const scale = [...q.scale!].sort((a, b) => b.value - a.value);
      return { id: q.id, label: q.label, scale, satisfiedFrom: satisfiedFrom(scale) };
    });
}

/** Counts the scores given to each criterion by a set of evaluations. */
class Tally {
  evaluations = 0;
  readonly #counts: Map<number, number>[];
  readonly #criteria: readonly Criterion[];

  constructor(criteria: readonly Criterion[]) {
    this.#criteria = criteria;
    this.#counts = criteria.map((c) => new Map(c.scale.map((s) => [s.value, 0])));
  }

  add(answers: Record<string, unknown>): void {
    this.evaluations += 1;
    this.#criteria.forEach((criterion, index) => {
      const value = answers[criterion.id];
      const counts = this.#counts[index]!;
      // Answers were checked against the form when submitted; a value off the scale is not a score.
      if (typeof value === 'number' && counts.has(value)) counts.set(value, counts.get(value)! + 1);
    });
  }

  results(): CriterionResult[] {
    return this.#criteria.map((criterion, index) => {
      const distribution = criterion.scale.map((s) => ({ value: s.value, count: this.#counts[index]!.get(s.value)! }));
      const answered = distribution.reduce((sum, d) => sum + d.count, 0);
      const total = distribution.reduce((sum, d) => sum + d.value * d.count, 0);
      const satisfied = distribution.filter((d) => d.value >= criterion.satisfiedFrom).reduce((sum, d) => sum + d.count, 0);
      return {
        id: criterion.id,
        answered,
        distribution,
        average: answered === 0 ? null : hundredths(total, answered),
        satisfied,
        satisfiedPercent: answered === 0 ? null : hundredths(satisfied * 100, answered),
      };
    });
  }
}

/**
 * The report. Counted: the evaluations of the current dossier form, in its current version, submitted
 * from `from` 00:00 to `to` 24:00 in Vietnam time, for the agency's dossiers. A procedure is named
 * as on its latest evaluated dossier (a renamed procedure reads as it is now called). A receiving
 * unit, whose own name no record carries, is named by the processing agencies of its evaluated
 * dossiers, the most evaluated first: one dossier handled elsewhere does not rename the unit.
 * Evaluations on another version of the form are only counted apart (`form.otherVersions`): each
 * version scores on its own scales, and the current one's would misread them.
 */
export async function surveyReport(storage: Storage, query: SurveyReportQuery, forms: readonly SurveyForm[] = FORMS): Promise<SurveyReport> {
  const { start, end } = periodBounds(query);
  const agency = agencyFilter(query.agency);
  const form = findForm('dossier', forms);
  const criteria = criteriaOf(form);
  const rows = (await storage.all<EvaluationRow>(`
    SELECT r.dossier_code, r.form_version, r.answers, d.procedure_code, d.procedure_name, d.agency
    FROM survey_responses r JOIN dossiers d ON d.code = r.dossier_code
    WHERE r.kind = 'dossier' AND r.form_id = ? AND r.submitted_at >= ? AND r.submitted_at < ? AND r.dossier_code LIKE ?
    ORDER BY r.submitted_at, r.${storage.insertionOrder}`,
  [form.id, start, end, agency.like])).filter(agency.keep);

  const total = new Tally(criteria);
  const groups = new Map<string, { names: Names; tally: Tally }>();
  let otherVersions = 0;
  for (const row of rows) {
    if (row.form_version !== form.version) {
      otherVersions += 1;
      continue;
    }
    const answers = JSON.parse(row.answers) as Record<string, unknown>;
    const [code, name] = query.groupBy === 'unit' ? [receivingUnit(row.dossier_code), row.agency] : [row.procedure_code, row.procedure_name];
    let group = groups.get(code);
    if (!group) groups.set(code, (group = { names: new Names(), tally: new Tally(criteria) }));
    group.names.add(name);
    group.tally.add(answers);
    total.add(answers);
  }

  return {
    agency: query.agency,
    period: { from: query.from, to: query.to },
    groupBy: query.groupBy,
    form: { id: form.id, version: form.version, otherVersions },
    criteria,
    groups: [...groups.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([code, { names, tally }]) => ({
        code, name: query.groupBy === 'unit' ? names.mostFrequent() : names.latest(), evaluations: tally.evaluations, criteria: tally.results(),
      })),
    total: { evaluations: total.evaluations, criteria: total.results() },
  };
}

/** How many agencies a unit's name lists before it says how many more there are. */
const NAMES_LISTED = 3;

/** The names a group's rows give, oldest first, with how often and how lately each came. */
class Names {
  readonly #seen = new Map<string, { count: number; last: number }>();
  #rows = 0;

  add(name: string): void {
    this.#rows += 1;
    this.#seen.set(name, { count: (this.#seen.get(name)?.count ?? 0) + 1, last: this.#rows });
  }

  /** The name of the latest row. */
  latest(): string {
    return this.#ranked((a, b) => b.last - a.last)[0]!;
  }

  /** Every name, the most frequent first (the latest first among equals): the first few, then how many more. */
  mostFrequent(): string {
    const ranked = this.#ranked((a, b) => b.count - a.count || b.last - a.last);
    const listed = ranked.slice(0, NAMES_LISTED).join('; ');
    return ranked.length > NAMES_LISTED ? `${listed} và ${ranked.length - NAMES_LISTED} đơn vị khác` : listed;
  }

  #ranked(order: (a: { count: number; last: number }, b: { count: number; last: number }) => number): string[] {
    return [...this.#seen.entries()].sort(([, a], [, b]) => order(a, b)).map(([name]) => name);
  }
}

/** The label of the total's rows in the CSV. */
export const TOTAL_LABEL = 'Tổng cộng';

/** The report as a table (its CSV, its workbook): its title, rows and file name. */
export function surveyReportSheet(report: SurveyReport): ReportSheet {
  const grouping = report.groupBy === 'unit' ? 'theo đơn vị tiếp nhận' : 'theo thủ tục';
  const { version, otherVersions } = report.form;
  return {
    title: `Kết quả đánh giá mức độ hài lòng ${grouping}, ${coverageText(report.agency, report.period)}`,
    rows: surveyReportRows(report),
    // Said in the file itself: a reader of the figures alone must not take the total for every evaluation.
    notes: otherVersions > 0 ? [`Không tính ${otherVersions} lượt đánh giá theo phiên bản khác của mẫu phiếu (báo cáo tính theo phiên bản ${version}).`] : [],
    name: `bao-cao-khao-sat-${report.period.from}-${report.period.to}`,
  };
}

/**
 * The report's rows: a header, then one row per group and criterion, then the total's, with one
 * column per score of the scales (best first; empty where a criterion's scale lacks it).
 */
function surveyReportRows(report: SurveyReport): CsvCell[][] {
  const scores = [...new Set(report.criteria.flatMap((c) => c.scale.map((s) => s.value)))].sort((a, b) => b - a);
  const labels = new Map(report.criteria.map((c) => [c.id, c.label.vi]));
  const header = [
    ...(report.groupBy === 'unit' ? ['Mã đơn vị tiếp nhận', 'Đơn vị xử lý'] : ['Mã thủ tục', 'Tên thủ tục']),
    'Số lượt đánh giá', 'Mã tiêu chí', 'Tiêu chí', 'Số lượt trả lời',
    ...scores.map((score) => `Số lượt điểm ${score}`),
    'Điểm trung bình', 'Số lượt hài lòng trở lên', 'Tỷ lệ hài lòng trở lên (%)',
  ];
  const rowsOf = (code: string, name: string, evaluations: number, results: CriterionResult[]) => results.map((r): CsvCell[] => [
    code, name, evaluations, r.id, labels.get(r.id) ?? r.id, r.answered,
    ...scores.map((score) => r.distribution.find((d) => d.value === score)?.count ?? null),
    r.average, r.satisfied, r.satisfiedPercent,
  ]);
  return [
    header,
    ...report.groups.flatMap((g) => rowsOf(g.code, g.name, g.evaluations, g.criteria)),
    ...rowsOf('', TOTAL_LABEL, report.total.evaluations, report.total.criteria),
  ];
}
