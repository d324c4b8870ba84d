/**
 * The payment report: one agency's payments in a period, by state, with their amounts by fee kind
 * (phí, lệ phí).
 */
import type { components } from '@dvc-kit/sdk';
import { paymentLineKinds } from '@dvc-kit/sdk';
import type { Overpayment } from '../payments/new-amount.ts';
import type { Storage } from '../storage/storage.ts';
import type { CsvCell } from './csv.ts';
import { agencyFilter, coverageText, periodBounds } from './period.ts';
import type { ReportSheet } from './answer.ts';
import type { ReportPeriod } from './period.ts';

type Schemas = components['schemas'];
type PaymentReport = Schemas['PaymentReport'];
type PaymentState = Schemas['PaymentState'];
type PaymentLineKind = Schemas['PaymentLineKind'];

export interface PaymentReportQuery extends ReportPeriod {
  /** The agency code: its dossiers are those whose code begins with it (whole segments); empty for all. */
  agency: string;
}

/**
 * The states a payment can be in, each listed in the report, in the order people read them.
 * (`unpaid` is a dossier's state before any payment, never a payment's.)
 */
export const REPORTED_STATES: readonly PaymentState[] = ['paid', 'pending', 'failed', 'cancelled', 'refunded'];

/** The states and kinds as the CSV names them. */
const STATE_LABELS: Record<PaymentState, string> = {
  unpaid: 'Chưa thanh toán',
  pending: 'Đang chờ thanh toán',
  paid: 'Đã thanh toán',
  refunded: 'Đã hoàn tiền',
  cancelled: 'Đã hủy',
  failed: 'Không thành công',
};
const KIND_LABELS: Record<PaymentLineKind, string> = { charge: 'Phí', fee: 'Lệ phí' };

interface PaymentRow {
  dossier_code: string;
  state: PaymentState;
  lines: string;
  total: number;
  refund_due: string | null;
}

/**
 * The report. A paid or refunded payment counts on the day it was paid, when the money moved; any
 * other on the day it was started (it has no other date). Days are Vietnam time, `from` 00:00 to
 * `to` 24:00. Amounts are what each payment asked for, split by its fee lines' kinds. Then the
 * money to give back: payments closed here but paid at the gateway (on their payment's day), and
 * dossiers whose fees were lowered below what was paid online (on the day they were lowered).
 */
export async function paymentReport(storage: Storage, query: PaymentReportQuery): Promise<PaymentReport> {
  const { start, end } = periodBounds(query);
  const agency = agencyFilter(query.agency);
  const rows = (await storage.all<PaymentRow>(`
    SELECT dossier_code, state, lines, total, refund_due FROM payments
    WHERE COALESCE(paid_at, created_at) >= ? AND COALESCE(paid_at, created_at) < ? AND dossier_code LIKE ?`,
  [start, end, agency.like])).filter(agency.keep);

  const states = new Map(REPORTED_STATES.map((state) => [state, newTally()]));
  const refundsDue = newTally();
  for (const row of rows) {
    const lines = JSON.parse(row.lines) as Schemas['PaymentLine'][];
    if (row.refund_due !== null) add(refundsDue, Number(row.total), lines);
    let entry = states.get(row.state);
    // A state this list does not know yet is reported all the same, after the others.
    if (!entry) states.set(row.state, (entry = newTally()));
    add(entry, Number(row.total), lines);
  }

  const overpaid = newTally();
  // Few rows: only dossiers whose fees were lowered after a payment.
  const overpaidRows = (await storage.all<{ code: string; overpaid: string }>(
    'SELECT code, overpaid FROM dossiers WHERE overpaid IS NOT NULL AND code LIKE ?', [agency.like]))
    .filter((row) => agency.keep({ dossier_code: row.code }));
  for (const row of overpaidRows) {
    const overpayment = JSON.parse(row.overpaid) as Overpayment;
    if (overpayment.at >= start && overpayment.at < end) {
      add(overpaid, overpayment.byKind.reduce((sum, { amount }) => sum + amount, 0), overpayment.byKind);
    }
  }

  return {
    agency: query.agency,
    period: { from: query.from, to: query.to },
    states: [...states.entries()].map(([state, tally]) => ({ state, ...figures(tally) })),
    refundsDue: figures(refundsDue),
    overpaid: figures(overpaid),
  };
}

/** How many (payments, or dossiers owed money back), their amount, and that amount by fee kind. */
interface Tally { count: number; amount: number; byKind: Map<PaymentLineKind, number> }

const newTally = (): Tally => ({ count: 0, amount: 0, byKind: new Map(paymentLineKinds.map((kind) => [kind, 0])) });

/** Counts one more, of `total`, split by its lines' kinds. */
function add(tally: Tally, total: number, lines: readonly { kind: PaymentLineKind; amount: number }[]): void {
  tally.count += 1;
  tally.amount += total;
  for (const line of lines) tally.byKind.set(line.kind, (tally.byKind.get(line.kind) ?? 0) + line.amount);
}

const figures = ({ count, amount, byKind }: Tally) => ({
  count, amount, byKind: [...byKind.entries()].map(([kind, kindAmount]) => ({ kind, amount: kindAmount })),
});

/** The report as a table (its CSV, its workbook): its title, rows and file name. */
export function paymentReportSheet(report: PaymentReport): ReportSheet {
  return {
    title: `Thanh toán trực tuyến phí, lệ phí, ${coverageText(report.agency, report.period)}`,
    rows: paymentReportRows(report),
    name: `bao-cao-thanh-toan-${report.period.from}-${report.period.to}`,
  };
}

/** The report's rows: a header, one row per state, then the money to give back. */
function paymentReportRows(report: PaymentReport): CsvCell[][] {
  const amounts = (byKind: Schemas['AmountByKind']) => paymentLineKinds.map((kind) => byKind.find((b) => b.kind === kind)?.amount ?? 0);
  return [
    ['Trạng thái', 'Mã trạng thái', 'Số giao dịch', ...paymentLineKinds.map((kind) => `${KIND_LABELS[kind]} (VND)`), 'Tổng tiền (VND)'],
    ...report.states.map((s): CsvCell[] => [STATE_LABELS[s.state], s.state, s.count, ...amounts(s.byKind), s.amount]),
    ['Cần hoàn tiền (đã thu cho giao dịch đã đóng)', 'refund-due', report.refundsDue.count, ...amounts(report.refundsDue.byKind), report.refundsDue.amount],
    ['Nộp thừa do giảm phí, lệ phí sau khi đã nộp (số hồ sơ; hoàn hoặc bù trừ)', 'overpaid', report.overpaid.count, ...amounts(report.overpaid.byKind), report.overpaid.amount],
  ];
}
