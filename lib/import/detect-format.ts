// Tells the formats apart from the first bytes: an .xlsx workbook is a ZIP archive; the CSV
// formats differ in their header (the tidy columns, SDMX's TIME_PERIOD and OBS_VALUE, Comtrade's
// typeCode ... primaryValue). Anything else is refused with what was found on line 1.
import { open } from 'node:fs/promises';
import { ImportRejectedError, type RowProblem } from './problems';
import type { ImportFormat } from './reader';
import { TIDY_COLUMNS } from './tidy-row';

const SNIFF_BYTES = 64 * 1024;

/** Header cells of a first line, split on the delimiter, unquoted, "ID: label" reduced to ID. */
export function headerCells(line: string, delimiter: string): string[] {
  return line.split(delimiter).map((cell) =>
    cell
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .replace(/:.*$/, '')
      .trim(),
  );
}

/** The delimiter of an SDMX-CSV header: comma, semicolon or tab, whichever shows the columns. */
export function sdmxDelimiter(line: string): string | null {
  for (const delimiter of [',', ';', '\t']) {
    const cells = headerCells(line, delimiter).map((c) => c.toUpperCase());
    if (cells.includes('TIME_PERIOD') && cells.includes('OBS_VALUE')) return delimiter;
  }
  return null;
}

export function formatOfHeader(line: string): ImportFormat | null {
  for (const delimiter of [',', ';', '\t']) {
    const cells = headerCells(line, delimiter);
    // A tidy header with the wrong delimiter still counts as tidy, so that its reader can say so.
    if (TIDY_COLUMNS.every((c, i) => cells[i] === c)) return 'tidy';
    if (cells.includes('typeCode') && cells.includes('freqCode') && cells.includes('primaryValue')) return 'comtrade';
  }
  return sdmxDelimiter(line) ? 'sdmx-csv' : null;
}

function refuse(file: string, found: string, expected: string): never {
  const problem: RowProblem = { line: 1, column: '(file)', found, expected };
  throw new ImportRejectedError(file, [problem], 1);
}

async function firstBytes(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The first line of a text file (decoded as Latin-1, which never fails), without a byte-order mark. */
export async function readFirstLine(file: string): Promise<string> {
  const text = (await firstBytes(file)).toString('latin1').replace(/^\u00ef\u00bb\u00bf/, '');
  return text.split(/\r?\n/, 1)[0] ?? '';
}

export async function detectFormat(file: string): Promise<ImportFormat> {
  const bytes = await firstBytes(file);
  if (bytes.length === 0) refuse(file, 'an empty file', 'a CSV file with a header row, or an .xlsx workbook');
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'imf-dots';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    refuse(file, 'an Excel 97-2003 (.xls) workbook', 'an .xlsx workbook (open it in Excel and save as .xlsx)');
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    refuse(file, 'UTF-16 text', 'UTF-8 text (save the file as "CSV UTF-8")');
  }
  const firstLine = await readFirstLine(file);
  const format = formatOfHeader(firstLine);
  if (!format) {
    refuse(
      file,
      firstLine.length > 100 ? `${firstLine.slice(0, 97)}...` : firstLine,
      'a known layout: the tidy header (source_id,reporter,...), SDMX-CSV (TIME_PERIOD and OBS_VALUE columns), ' +
        'a UN Comtrade download (typeCode, freqCode, ..., primaryValue) or an IMF DOTS .xlsx workbook; or pass --format',
    );
  }
  return format;
}
