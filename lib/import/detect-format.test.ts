import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  comtradeCsv,
  eurostatComext10,
  imfSdmx20,
  UZBEKISTAN_DOTS,
  writeDotsWorkbook,
} from '@/lib/testing/import-fixtures';
import { detectFormat } from './detect-format';
import { ImportRejectedError } from './problems';
import { TIDY_COLUMNS } from './tidy-row';

const dir = mkdtempSync(path.join(os.tmpdir(), 'detect-'));
const file = (name: string, content: string | Buffer) => {
  const f = path.join(dir, name);
  writeFileSync(f, content);
  return f;
};

describe('detectFormat', () => {
  it('tells the four formats apart by their first bytes', async () => {
    const xlsx = path.join(dir, 'dots.xlsx');
    await writeDotsWorkbook(xlsx, UZBEKISTAN_DOTS);
    expect(await detectFormat(xlsx)).toBe('imf-dots');
    expect(await detectFormat(file('tidy.csv', `\uFEFF${TIDY_COLUMNS.join(',')},vintage\n`))).toBe('tidy');
    expect(await detectFormat(file('tidy-semicolon.csv', `${TIDY_COLUMNS.join(';')}\n`))).toBe('tidy');
    expect(await detectFormat(file('imf.csv', imfSdmx20([])))).toBe('sdmx-csv');
    expect(await detectFormat(file('estat.csv', eurostatComext10([])))).toBe('sdmx-csv');
    expect(await detectFormat(file('comtrade.csv', comtradeCsv([])))).toBe('comtrade');
  });

  it.each([
    ['empty.csv', '', 'an empty file'],
    ['other.csv', 'a,b,c\n1,2,3\n', 'a,b,c'],
    ['old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), 'an Excel 97-2003 (.xls) workbook'],
    ['utf16.csv', Buffer.from('\uFEFFsource_id', 'utf16le'), 'UTF-16 text'],
  ])('refuses %s, naming line 1', async (name, content, found) => {
    const error = await detectFormat(file(name, content)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportRejectedError);
    expect((error as ImportRejectedError).problems[0]).toMatchObject({ line: 1, column: '(file)', found });
  });
});
