import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { eurostatComext10, eurostatExtSt20, imfSdmx10, imfSdmx20, writeText } from '@/lib/testing/import-fixtures';
import { readWith } from '@/lib/testing/reference-data';
import { lastUpdateVintage, SdmxCsvReader } from './sdmx-csv-reader';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sdmx-reader-'));
const read = (name: string, text: string, vintage?: string) =>
  readWith((ctx) => new SdmxCsvReader(ctx), writeText(path.join(dir, name), text), { vintage });

describe('SdmxCsvReader', () => {
  it('reads SDMX-CSV 2.0 from the IMF: COUNTRY, INDICATOR, COUNTERPART_COUNTRY, UNIT_MULT, OBS_STATUS', async () => {
    const { rows, problems, reader } = await read(
      'imf20.csv',
      imfSdmx20([
        { reporter: 'KAZ', partner: 'CHN', indicator: 'XG_FOB_USD', period: '2023', value: '15423.7' },
        { reporter: 'KAZ', partner: 'CHN', indicator: 'MG_CIF_USD', period: '2023', value: '16011.2', status: 'E' },
        { reporter: 'KAZ', partner: 'W00', indicator: 'XG_FOB_USD', period: '2023-M01', value: '6000' },
      ]),
    );
    expect(problems.problems).toEqual([]);
    expect(
      rows.map((r) => [
        r.reporterCode,
        r.partnerCode,
        r.indicatorCode,
        r.year,
        r.period,
        r.value,
        r.unit,
        r.scale,
        r.flag,
      ]),
    ).toEqual([
      ['KAZ', 'CHN', 'export', 2023, 'FY', '15423.7', 'USD', 6, ''],
      ['KAZ', 'CHN', 'import', 2023, 'FY', '16011.2', 'USD', 6, 'e'],
      ['KAZ', 'AGG_WORLD', 'export', 2023, '2023-01', '6000', 'USD', 6, ''],
    ]);
    expect(rows[0]?.note).toBe('FOB; IMF.STA:IMTS(1.0.0) XG_FOB_USD; imf20.csv');
    expect(reader.sourceMetadata?.()).toMatchObject({
      publisher: 'International Monetary Fund',
      title: 'International Monetary Fund: IMTS (SDMX-CSV 2.0)',
    });
  });

  it('reads labelled headers and cells ("ID: label") and semicolons', async () => {
    const text = imfSdmx20(
      [
        {
          reporter: 'KAZ: Kazakhstan',
          partner: 'DEU: Germany',
          indicator: 'XG_FOB_USD: Exports, FOB',
          period: '2022',
          value: '1.5',
        },
      ],
      { labels: true, delimiter: ';' },
    );
    const { rows, problems } = await read('labels.csv', text);
    expect(problems.problems).toEqual([]);
    expect(rows[0]).toMatchObject({ reporterCode: 'KAZ', partnerCode: 'DEU', indicatorCode: 'export', value: '1.5' });
  });

  it('reads SDMX-CSV 1.0 from the IMF with alpha-2 codes', async () => {
    const { rows, problems } = await read(
      'imf10.csv',
      imfSdmx10([{ reporter: 'KZ', partner: 'RU', indicator: 'TMG_CIF_USD', period: '2019', value: '16587.4' }]),
    );
    expect(problems.problems).toEqual([]);
    expect(rows[0]).toMatchObject({ reporterCode: 'KAZ', partnerCode: 'RUS', indicatorCode: 'import', scale: 0 });
  });

  it('reads Eurostat Comext: flow 1 and 2, VALUE_IN_EUROS, EU27_2020, EL, LAST UPDATE as vintage', async () => {
    const { rows, problems, reader } = await read(
      'comext.csv',
      eurostatComext10([
        { reporter: 'EU27_2020', partner: 'KZ', flow: '1', period: '2024', value: '27012345678' },
        { reporter: 'EL', partner: 'KZ', flow: '2', period: '2024-03', value: '1234567', flag: 'p' },
        { reporter: 'DE', partner: 'KZ', flow: '2', period: '2024', value: ':' },
      ]),
    );
    expect(problems.problems).toEqual([]);
    expect(
      rows.map((r) => [r.reporterCode, r.partnerCode, r.indicatorCode, r.period, r.unit, r.scale, r.vintage]),
    ).toEqual([
      ['AGG_EU27', 'KAZ', 'import', 'FY', 'EUR', 0, 'last update 2025-04-15 23:00'],
      ['GRC', 'KAZ', 'export', '2024-03', 'EUR', 0, 'last update 2025-04-15 23:00'],
    ]);
    expect(rows[1]?.note).toContain('OBS_FLAG p');
    expect(reader.rowCount).toBe(2);
    expect(reader.sourceMetadata?.()).toMatchObject({ publisher: 'Eurostat', vintage: 'last update 2025-04-15 23:00' });
  });

  it('reads Eurostat SDMX-CSV 2.0 with labels and the million-euro indicators', async () => {
    const { rows, problems } = await read(
      'extst.csv',
      eurostatExtSt20([{ geo: 'EU27_2020', partner: 'KZ', indicator: 'MIO_EXP_VAL', period: '2023', value: '9876.5' }]),
    );
    expect(problems.problems).toEqual([]);
    expect(rows[0]).toMatchObject({
      reporterCode: 'AGG_EU27',
      partnerCode: 'KAZ',
      indicatorCode: 'export',
      unit: 'EUR',
      scale: 6,
    });
  });

  it('reports unknown partners and indicators by name with their line, never guessing', async () => {
    const { rows, problems } = await read(
      'unknown.csv',
      imfSdmx20([
        { reporter: 'KAZ', partner: 'CHN', indicator: 'XG_FOB_USD', period: '2023', value: '1' },
        { reporter: 'KAZ', partner: 'G998: Other Asia', indicator: 'XG_FOB_USD', period: '2023', value: '1' },
        { reporter: 'KAZ', partner: 'CHN', indicator: 'TBG_USD: Trade balance', period: '2023', value: '1' },
        { reporter: 'KAZ', partner: 'CHN', indicator: 'XG_FOB_USD', period: '2023-Q1', value: 'n/a1' },
      ]),
    );
    expect(rows).toHaveLength(1);
    expect(problems.problems).toEqual([
      expect.objectContaining({ line: 3, column: 'COUNTERPART_COUNTRY', found: 'G998 (Other Asia)' }),
      expect.objectContaining({ line: 4, column: 'INDICATOR', found: 'TBG_USD (Trade balance)' }),
      expect.objectContaining({ line: 5, column: 'TIME_PERIOD', found: '2023-Q1' }),
      expect.objectContaining({ line: 5, column: 'OBS_VALUE', found: 'n/a1' }),
    ]);
    expect(problems.rejectedRows).toBe(3);
  });

  it('refuses commodity breakdowns and files without the SDMX columns', async () => {
    const breakdown = await read(
      'product.csv',
      eurostatComext10([{ reporter: 'DE', partner: 'KZ', flow: '1', period: '2024', value: '5', product: '27' }]),
    );
    expect(breakdown.problems.problems[0]).toMatchObject({ column: 'product', found: '27' });
    const noPartner = await read(
      'nopartner.csv',
      'DATAFLOW,COUNTRY,INDICATOR,TIME_PERIOD,OBS_VALUE\nX,KAZ,XG_FOB_USD,2020,1\n',
    );
    expect(noPartner.problems.fileLevel).toBe(true);
    expect(noPartner.problems.problems[0]).toMatchObject({
      line: 1,
      column: '(header)',
      expected: expect.stringContaining('COUNTERPART_COUNTRY'),
    });
  });

  it.each([
    ['22/05/26 11:00:00', '2026-05-22 11:00'],
    ['2025-04-29', '2025-04-29'],
    ['01/10/2026', '2026-10-01'],
  ])('reads LAST UPDATE %s as %s', (text, vintage) => {
    expect(lastUpdateVintage(text)).toBe(vintage);
  });
});
