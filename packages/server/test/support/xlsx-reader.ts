/**
 * Reads back what reports/xlsx.ts writes, as a spreadsheet program would find it: the ZIP archive's
 * central directory, each entry inflated and its CRC-32 checked, then the sheet's cells with their
 * types, each part parsed as XML. Enough for the kit's own workbooks (inline strings and numbers),
 * not for any workbook.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import { parseXml, type XmlElement } from '../../../audit/test/support/xml.ts';

/** Every file in the archive, by name, as UTF-8 text; throws on a bad signature or CRC. */
export function unzip(archive: Buffer): Map<string, string> {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('no end of central directory record');
  const count = archive.readUInt16LE(end + 10);
  let at = archive.readUInt32LE(end + 16);
  const files = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    if (archive.readUInt32LE(at) !== 0x02014b50) throw new Error(`no central directory header at ${at}`);
    const [method, crc, packedSize, size, nameLength, extraLength, commentLength, local] = [
      archive.readUInt16LE(at + 10), archive.readUInt32LE(at + 16), archive.readUInt32LE(at + 20), archive.readUInt32LE(at + 24),
      archive.readUInt16LE(at + 28), archive.readUInt16LE(at + 30), archive.readUInt16LE(at + 32), archive.readUInt32LE(at + 42),
    ] as const;
    const name = archive.subarray(at + 46, at + 46 + nameLength).toString('ascii');
    if (archive.readUInt32LE(local) !== 0x04034b50) throw new Error(`${name}: no local header at ${local}`);
    const start = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    const packed = archive.subarray(start, start + packedSize);
    const data = method === 8 ? inflateRawSync(packed) : packed;
    if (data.length !== size || crc32(data) !== crc) throw new Error(`${name}: size or CRC-32 does not match`);
    files.set(name, data.toString('utf8'));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

export type SheetCell = { text: string; type: 'string' | 'number' } | null;

/** The column index of a cell reference's letters (A → 0, AA → 26). */
const columnIndex = (letters: string) => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;

const child = (element: XmlElement | undefined, name: string) => element?.children.find((c) => c.name === name);

/** The sheet's rows, each cell typed; empty cells are null. Throws on XML that is not well-formed. */
export function sheetRows(sheetXml: string): SheetCell[][] {
  const rows = child(parseXml(sheetXml), 'sheetData')?.children.filter((c) => c.name === 'row') ?? [];
  return rows.map((row) => {
    const cells: SheetCell[] = [];
    for (const c of row.children.filter((cell) => cell.name === 'c')) {
      const column = columnIndex(/^[A-Z]+/.exec(c.attributes['r'] ?? '')?.[0] ?? 'A');
      while (cells.length < column) cells.push(null);
      cells.push(c.attributes['t'] === 'inlineStr'
        ? { text: child(child(c, 'is'), 't')?.text ?? '', type: 'string' }
        : { text: child(c, 'v')?.text ?? '', type: 'number' });
    }
    return cells;
  });
}
