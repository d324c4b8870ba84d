/**
 * A dossier's charges and fees (`DanhSachLePhi`) as the contract's payment lines.
 *
 * Phí (`charge`) or lệ phí (`fee`) is read from the line's name. `LoaiPhiLePhi` does not say it in
 * the systems seen: one sends "1" for every line, another uses 1 ordinary, 2 licensing appraisal,
 * 3 extension. By the Law on Charges and Fees every catalogue name begins with "Phí" or "Lệ phí".
 */
import type { components } from '@dvc-kit/sdk';
import { foldedWords } from '@dvc-kit/sdk';
import type { RecordReader } from './record-reader.ts';

export type PaymentLine = components['schemas']['PaymentLine'];
type PaymentLineKind = PaymentLine['kind'];

/**
 * Whole đồng, up to 12 digits. "8000.00" from a money column is accepted; "8.000" is refused, as
 * Vietnamese writes thousands with a dot and it could mean either 8 or 8 000.
 */
const AMOUNT = /^([0-9]{1,12})(\.0{1,2})?$/;

/**
 * The kind a line's name says: "lệ phí" anywhere makes it a fee, else "phí" a charge. A name that
 * says neither (free text such as a payment note) is a fee: what a dossier pays at the desk usually is.
 */
export function feeKindOf(name: string): PaymentLineKind {
  const folded = ` ${foldedWords(name).join(' ')} `;
  if (folded.includes(' le phi ')) return 'fee';
  if (folded.includes(' phi ')) return 'charge';
  return 'fee';
}

/** The lines owed, free lines left out; problems are added to `reader`. */
export function readFeeLines(reader: RecordReader): PaymentLine[] {
  const lines: PaymentLine[] = [];
  for (const line of reader.list('DanhSachLePhi')) {
    const name = line.text('TenPhiLePhi', { maxLength: 500 });
    const amount = line.matching('Gia', AMOUNT, 'a whole number of VND (digits only)', { required: true, maxLength: 20 });
    if (amount === undefined) continue;
    const value = Number(AMOUNT.exec(amount)![1]);
    if (value === 0) continue;
    const kind = feeKindOf(name ?? '');
    lines.push({ kind, description: name || (kind === 'fee' ? 'Lệ phí' : 'Phí'), amount: value });
  }
  return lines;
}
