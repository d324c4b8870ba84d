/**
 * Reads back what reports/xlsx.ts writes, as a spreadsheet program would find it: the ZIP archive's
 * central directory, each entry inflated and its CRC-32 checked, then the sheet's cells with their
 * types. Enough for the kit's own workbooks (inline strings and numbers), not for any workbook.
 */
import { crc32, inflateRawSync } from 'node:zlib';

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

const unescapeXml = (text: string) => text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&amp;', '&');

/** The column index of a cell reference's letters (A → 0, AA → 26). */
const columnIndex = (letters: string) => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;

/** The sheet's rows, each cell typed; empty cells are null. */
export function sheetRows(sheetXml: string): SheetCell[][] {
  const rows: SheetCell[][] = [];
  for (const [, body = ''] of sheetXml.matchAll(/<row r="\d+">(.*?)<\/row>/g)) {
    const row: SheetCell[] = [];
    for (const [, letters = '', type, inner = ''] of body.matchAll(/<c r="([A-Z]+)\d+"(?: s="\d+")?(?: t="(\w+)")?>(.*?)<\/c>/g)) {
      while (row.length < columnIndex(letters)) row.push(null);
      row.push(type === 'inlineStr'
        ? { text: unescapeXml(/<t[^>]*>(.*?)<\/t>/s.exec(inner)?.[1] ?? ''), type: 'string' }
        : { text: /<v>(.*?)<\/v>/.exec(inner)?.[1] ?? '', type: 'number' });
    }
    rows.push(row);
  }
  return rows;
}
