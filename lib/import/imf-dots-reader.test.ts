import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { UZBEKISTAN_DOTS, writeDotsWorkbook } from '@/lib/testing/import-fixtures';
import { readWith } from '@/lib/testing/reference-data';
import { sharedDir } from '@/lib/testing/shared-dir';
import { canonicalDecimal } from './decimal';
import { ImfDotsReader } from './imf-dots-reader';

const RAW = path.join(sharedDir(), 'data', 'raw', 'imf_dots_DOTS_103_kazakhstan_original.xlsx');
const COMPILED = path.join(sharedDir(), 'data', 'imf_dots_kaz_reported.csv');
type Row = Record<string, string>;

describe('ImfDotsReader on the raw DOTS_103 workbook', () => {
  it('reproduces every export and import value and flag of ../shared/data/imf_dots_kaz_reported.csv', async () => {
    const { rows, problems } = await readWith((ctx) => new ImfDotsReader(ctx), RAW);
    expect(problems.problems).toEqual([]);
    const compiled = (parse(readFileSync(COMPILED), { columns: true }) as Row[]).filter((r) => r.flow !== 'turnover');
    const key = (partner: string, flow: string, year: number | string) => `${partner}|${flow}|${year}`;
    const ours = new Map(
      rows.map((r) => [key(r.partnerCode, r.indicatorCode, r.year ?? ''), `${canonicalDecimal(r.value)}|${r.flag}`]),
    );
    const theirs = new Map(
      compiled.map((r) => [
        key(r.partner_code ?? '', r.flow ?? '', r.year ?? ''),
        `${canonicalDecimal(r.value ?? '')}|${r.flag}`,
      ]),
    );
    expect(ours.size).toBe(rows.length);
    expect(ours).toEqual(theirs);
  });
});

describe('ImfDotsReader on workbooks written by the test', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dots-reader-'));

  it('reads another reporter: partners, memorandum aggregates, estimates, text numbers; drops the repeated first row', async () => {
    const file = path.join(dir, 'uzb.xlsx');
    await writeDotsWorkbook(file, UZBEKISTAN_DOTS);
    const { rows, problems, reader } = await readWith((ctx) => new ImfDotsReader(ctx), file, { vintage: '2021-06' });
    expect(problems.problems).toEqual([]);
    expect(
      rows.every((r) => r.reporterCode === 'UZB' && r.unit === 'USD' && r.scale === 6 && r.vintage === '2021-06'),
    ).toBe(true);
    const get = (partner: string, flow: string, year: number) =>
      rows.find((r) => r.partnerCode === partner && r.indicatorCode === flow && r.year === year);
    expect(get('KAZ', 'export', 2019)).toMatchObject({
      value: '1234.5',
      flag: '',
      locator: "'Exports, FOB'!D10",
      note: 'FOB; Uzbekistan-reported; uzb.xlsx/Exports, FOB',
    });
    expect(get('CHN', 'export', 2018)?.value).toBe('1600.123457');
    expect(get('CHN', 'import', 2020)).toMatchObject({
      value: '4561.00',
      flag: 'e',
      isEstimate: true,
      qualifier: 'ESTIMATE',
    });
    expect(get('AGG_EU', 'import', 2020)?.value).toBe('2669.9');
    expect(get('RUS', 'export', 2020)).toBeUndefined();
    // 4 + 1 partners × 3 years per sheet, one gap; the repeated first row is not counted twice.
    expect(rows.length).toBe(29);
    expect(reader.rowCount).toBe(29);
    expect(reader.turnoverNote?.()).toBe(
      'derived here: export(FOB)+import(CIF) of the same reporter/partner/year; Uzbekistan-reported; uzb.xlsx',
    );
    expect(reader.sourceMetadata?.()).toMatchObject({
      publisher: 'International Monetary Fund',
      title: expect.stringContaining('Uzbekistan, Rep. of'),
    });
  });

  it('reports unknown partners and bad cells by sheet and cell, and an unknown title as an unknown indicator', async () => {
    const file = path.join(dir, 'bad.xlsx');
    await writeDotsWorkbook(file, {
      reporter: 'Uzbekistan, Rep. of',
      years: [2019, 2020],
      sheets: {
        'Exports, FOB': {
          title: 'Exports, FOB to Partner Countries',
          partners: [
            ['World', 1, 2],
            ['Atlantis, Rep. of', 3, 4],
            ['Kazakhstan, Rep. of', 'n.a.', 5],
          ],
        },
        'Trade Balance': { title: 'Trade Balance with Partner Countries', partners: [['World', 1, 2]] },
      },
    });
    const { problems } = await readWith((ctx) => new ImfDotsReader(ctx), file);
    expect(problems.problems).toEqual([
      expect.objectContaining({
        sheet: 'Exports, FOB',
        cell: 'B10',
        line: 10,
        column: '(partner)',
        found: 'Atlantis, Rep. of',
      }),
      expect.objectContaining({ sheet: 'Exports, FOB', cell: 'C11', column: '2019', found: 'n.a.' }),
      expect.objectContaining({
        sheet: 'Trade Balance',
        cell: 'B2',
        column: '(indicator)',
        found: 'Trade Balance with Partner Countries',
      }),
    ]);
    expect(problems.rejectedRows).toBe(2 + 1 + 2);
    expect(problems.fileLevel).toBe(false);
  });

  it('refuses a repeated partner with other values, and a workbook that is not a DOTS layout', async () => {
    const file = path.join(dir, 'repeat.xlsx');
    await writeDotsWorkbook(file, {
      reporter: 'Uzbekistan, Rep. of',
      years: [2020],
      sheets: {
        'Exports, FOB': {
          title: 'Exports, FOB to Partner Countries',
          partners: [
            ['World', 9],
            ['Kazakhstan, Rep. of', 1],
            ['Kazakhstan, Rep. of', 2],
          ],
        },
      },
    });
    const repeated = await readWith((ctx) => new ImfDotsReader(ctx), file);
    expect(repeated.problems.problems[0]).toMatchObject({
      cell: 'B11',
      found: expect.stringContaining('again, with other values (as row 10)'),
    });

    const plain = path.join(dir, 'plain.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Data').addRow(['just', 'a', 'table']);
    await workbook.xlsx.writeFile(plain);
    const notDots = await readWith((ctx) => new ImfDotsReader(ctx), plain);
    expect(notDots.problems.fileLevel).toBe(true);
    expect(notDots.problems.problems[0]).toMatchObject({
      column: '(file)',
      found: 'no sheet with a row of years across',
    });
  });

  it('refuses a truncated workbook as unreadable', async () => {
    const file = path.join(dir, 'truncated.xlsx');
    writeFileSync(file, readFileSync(RAW).subarray(0, 40_000));
    const { problems } = await readWith((ctx) => new ImfDotsReader(ctx), file);
    expect(problems.fileLevel).toBe(true);
    expect(problems.problems[0]?.found).toMatch(/cannot be read/);
  });
});
