/**
 * A report as an Excel workbook (Office Open XML, `.xlsx`): one sheet with the report's title, then
 * the same header and rows as its CSV. Unlike CSV, each cell carries its type: a code such as
 * 2.001610 stays the text it is (a CSV cell Excel reads as the number 2.00161), and a number is a
 * number whatever the computer's regional format (a Vietnamese one reads "4.5" as text). Text cells
 * are never formulas, so a name beginning with "=" needs no apostrophe.
 */
import { zip } from './zip.ts';
import type { CsvCell } from './csv.ts';

/** The XLSX media type. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const SHEET_NAME = 'Báo cáo';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE_RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** The style of the title and the header (cellXfs 1 in STYLES: bold). */
const BOLD = 1;
/**
 * A number's style in the rows, with a thousands separator (258.000 đồng, not 258000): Excel's
 * built-in formats 3 (#,##0) and 4 (#,##0.00), shown with the reader's own separators.
 */
const WHOLE_NUMBER = 2;
const DECIMAL_NUMBER = 3;
/** The title is row 1 and the header row 2; the rows follow. */
const HEADER_ROW = 2;

// XML 1.0 allows no C0 control character but tab, line feed and carriage return.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

const escapeXml = (text: string) => text.replace(NOT_XML, '').replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** A, B, …, Z, AA, … for column `index` (0-based). */
function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/**
 * `style` (the title's and the header's), else a number's: to two places for a whole column that holds
 * a fraction anywhere (an average of 2 reads "2.00" under "1.67"), whole otherwise.
 */
function cell(value: CsvCell, ref: string, style: number, decimalColumn: boolean): string {
  if (value === null || value === '') return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`A spreadsheet number must be finite, not ${value}`);
    const numberStyle = style || (decimalColumn ? DECIMAL_NUMBER : WHOLE_NUMBER);
    return `<c r="${ref}" s="${numberStyle}"><v>${value}</v></c>`;
  }
  const s = style ? ` s="${style}"` : '';
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
}

/** Each column as wide as its longest value (in characters, within 8 and 60); the title left out, which may run on. */
function columnWidths(rows: readonly (readonly CsvCell[])[]): number[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((value, index) => {
      const length = value === null ? 0 : String(value).length;
      widths[index] = Math.max(widths[index] ?? 8, Math.min(60, length + 2));
    });
  }
  return widths;
}

/** The table's last column and row: the header and the rows, under the title. */
function tableEnd(rows: readonly (readonly CsvCell[])[]): { column: string; row: number } {
  return { column: columnName(Math.max(1, ...rows.map((row) => row.length)) - 1), row: HEADER_ROW - 1 + rows.length };
}

function worksheet(title: string, rows: readonly (readonly CsvCell[])[], notes: readonly string[]): string {
  const end = tableEnd(rows);
  const last = `${end.column}${end.row}`;
  const decimalColumns = new Set(rows.flatMap((row) => row.flatMap((value, column) => (typeof value === 'number' && !Number.isInteger(value) ? [column] : []))));
  // The notes under the table, a row apart: outside its filter, so sorting it never moves them.
  const noted = notes.map((note): CsvCell[] => [note]);
  const lines = [[title] as CsvCell[], ...rows, ...(notes.length > 0 ? [[], ...noted] : [])].map((row, index) => {
    const r = index + 1;
    const style = r <= HEADER_ROW ? BOLD : 0;
    return `<row r="${r}">${row.map((value, column) => cell(value, `${columnName(column)}${r}`, style, decimalColumns.has(column))).join('')}</row>`;
  });
  const cols = columnWidths(rows).map((width, index) => `<col min="${index + 1}" max="${index + 1}" width="${width}" customWidth="1"/>`).join('');
  return `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${OFFICE_RELATIONSHIP}">`
    + `<dimension ref="A1:${notes.length > 0 ? `${end.column}${end.row + 1 + notes.length}` : last}"/>`
    // The title and the header stay in view as the rows scroll.
    + `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${HEADER_ROW}" topLeftCell="A${HEADER_ROW + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`
    + `<cols>${cols}</cols>`
    + `<sheetData>${lines.join('')}</sheetData>`
    + `<autoFilter ref="A${HEADER_ROW}:${last}"/>`
    + '</worksheet>';
}

function workbook(rows: readonly (readonly CsvCell[])[]): string {
  const end = tableEnd(rows);
  // The filter's range, as Excel itself names it.
  const range = `'${SHEET_NAME}'!$A$${HEADER_ROW}:$${end.column}$${end.row}`;
  return `${XML}<workbook xmlns="${MAIN}" xmlns:r="${OFFICE_RELATIONSHIP}">`
    + `<sheets><sheet name="${escapeXml(SHEET_NAME)}" sheetId="1" r:id="rId1"/></sheets>`
    + `<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">${escapeXml(range)}</definedName></definedNames>`
    + '</workbook>';
}

const CONTENT_TYPES = `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
  + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
  + '<Default Extension="xml" ContentType="application/xml"/>'
  + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
  + '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
  + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
  + '</Types>';

const PACKAGE_RELS = `${XML}<Relationships xmlns="${RELATIONSHIPS}">`
  + `<Relationship Id="rId1" Type="${OFFICE_RELATIONSHIP}/officeDocument" Target="xl/workbook.xml"/>`
  + '</Relationships>';

const WORKBOOK_RELS = `${XML}<Relationships xmlns="${RELATIONSHIPS}">`
  + `<Relationship Id="rId1" Type="${OFFICE_RELATIONSHIP}/worksheet" Target="worksheets/sheet1.xml"/>`
  + `<Relationship Id="rId2" Type="${OFFICE_RELATIONSHIP}/styles" Target="styles.xml"/>`
  + '</Relationships>';

/** The cell styles: the default, bold (the title and the header), and numbers with a thousands separator, whole and with two decimals. */
const STYLES = `${XML}<styleSheet xmlns="${MAIN}">`
  + '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
  + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
  + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
  + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
  + '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
  + '<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
  + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
  + '</styleSheet>';

/** The workbook: `title` in its first row, then `rows`, the first of them the header, then `notes`. */
export function toXlsx(title: string, rows: readonly (readonly CsvCell[])[], notes: readonly string[] = []): Buffer {
  const file = (name: string, text: string) => ({ name, data: Buffer.from(text, 'utf8') });
  return zip([
    file('[Content_Types].xml', CONTENT_TYPES),
    file('_rels/.rels', PACKAGE_RELS),
    file('xl/workbook.xml', workbook(rows)),
    file('xl/_rels/workbook.xml.rels', WORKBOOK_RELS),
    file('xl/styles.xml', STYLES),
    file('xl/worksheets/sheet1.xml', worksheet(title, rows, notes)),
  ]);
}
