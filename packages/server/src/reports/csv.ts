/**
 * CSV that Excel opens as it is: RFC 4180 (fields quoted when they hold a comma, a quote or a line
 * break; quotes doubled; CRLF line ends), UTF-8 with a byte order mark, without which Excel reads
 * the file in the machine's legacy code page and garbles the Vietnamese.
 */

/** A cell: text, a number (written plainly, `.` before decimals), or nothing. */
export type CsvCell = string | number | null;

const BOM = '\uFEFF';

/** Characters with which Excel starts a formula when a cell begins with them ("CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

function field(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') {
    // No thousands separator and no exponent: Excel reads plain digits as the number in any locale
    // whose decimal mark is the point. Counts and VND are integers; averages have 2 decimals.
    if (!Number.isFinite(cell)) throw new RangeError(`A CSV number must be finite, not ${cell}`);
    return String(cell);
  }
  // Names come from the one-stop system: a name such as "=HYPERLINK(…)" stays text in Excel.
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The rows as one CSV document: the byte order mark, then each row and its CRLF. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return BOM + rows.map((row) => `${row.map(field).join(',')}\r\n`).join('');
}

/** The CSV media type, with its charset. */
export const CSV_TYPE = 'text/csv; charset=utf-8';
