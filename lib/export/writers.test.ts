import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parseTidyRow, TIDY_COLUMNS, type ObservationRow } from '@/lib/import/tidy-row';
import { csvCell, csvStream } from './csv-writer';
import { exportFileName, listPart, yearRangePart } from './file-name';
import { jsonStream } from './json-writer';
import {
  OBSERVATION_EXPORT_COLUMNS,
  observationExportFileName,
  observationProvenance,
  TIDY_EXPORT_KEYS,
  type ObservationExportRow,
} from './observation-export';
import { inMemoryBatches, type ExportColumn } from './types';
import { xlsxCell, xlsxStream } from './xlsx-writer';

const readAll = async (stream: ReadableStream<Uint8Array>) => Buffer.from(await new Response(stream).arrayBuffer());

function row(overrides: Partial<ObservationExportRow> = {}): ObservationExportRow {
  return {
    source_id: 'imf_dots_2022_via_SamLeBlanc',
    reporter: 'Kazakhstan',
    reporter_code: 'KAZ',
    partner: 'Germany',
    partner_code: 'DEU',
    year: 2020,
    period: 'FY',
    flow: 'export',
    value: '1234.5',
    unit: 'USD',
    scale: 6,
    flag: '',
    note: 'FOB',
    qualifier: 'EXACT',
    derivation: 'PUBLISHED',
    derivation_note: null,
    stated_growth_pct: null,
    locator: null,
    series_key: '',
    period_kind: 'YEAR',
    period_start: '2020-01-01',
    period_end: '2020-12-31',
    vintage: null,
    indicator_label: 'Exports',
    source_title: 'Direction of Trade Statistics',
    source_publisher: 'International Monetary Fund',
    source_url: 'https://data.imf.org/',
    ...overrides,
  };
}

/** Rows that exercise every writer rule: formulas in text, negative and long decimals, scales, empty reporters. */
const ROWS: ObservationExportRow[] = [
  row(),
  row({
    partner_code: 'FRA',
    partner: 'France',
    value: '-12.75',
    note: '=HYPERLINK("http://evil","x")',
    flag: 'e',
    qualifier: 'ESTIMATE',
  }),
  row({
    partner_code: 'CHN',
    partner: 'China',
    note: '+7 per cent',
    value: '5351587.74833999',
    scale: 3,
    period: '2019-03',
    year: 2019,
    period_kind: 'MONTH',
    period_start: '2019-03-01',
    period_end: '2019-03-31',
  }),
  row({
    partner_code: 'ITA',
    partner: 'Italy',
    note: '-5 drop',
    locator: '@A1',
    unit: 'EUR',
    scale: 9,
    value: '0.5',
    flag: 'rounded',
    qualifier: 'ABOUT',
  }),
  row({
    reporter_code: 'XXX',
    reporter: 'Unspecified',
    note: '\tTabbed',
    derivation_note: '\rCR',
    value: '12',
    flag: 'lower_bound',
    qualifier: 'MORE_THAN',
  }),
  row({
    partner_code: 'AGG_EU',
    partner: 'European Union',
    flow: 'turnover',
    flag: 'derived',
    derivation: 'DERIVED',
    derivation_note: 'derived: export + import',
    stated_growth_pct: '-3.2',
    value: '0',
  }),
  row({
    year: null,
    period: 'cumulative 2005-2023',
    period_kind: 'MULTI_YEAR',
    period_start: null,
    period_end: null,
    unit: 'count',
    scale: 0,
    value: '3',
    series_key: 'desta:54',
  }),
];

const provenance = observationProvenance({
  query: {
    partner: ['DEU', 'FRA'],
    flow: ['export'],
    from: 2019,
    to: 2020,
    sort: [{ id: 'year', desc: true }],
    format: 'xlsx',
  },
  viewUrl: 'http://localhost/data?partner=DEU,FRA',
  generatedAt: new Date('2026-11-23T10:00:00Z'),
  loadSources: async (ids) =>
    ids.map((id) => ({
      id,
      title: `Title of ${id}`,
      publisher: 'Publisher',
      url: 'https://example.org/',
      attribution: `=Credit ${id}`,
      vintage: 'v1',
      publishedOn: null,
    })),
});

describe('CSV writer', () => {
  it('starts with the 13 tidy columns in order', async () => {
    expect(TIDY_EXPORT_KEYS).toEqual([...TIDY_COLUMNS]);
    const text = (await readAll(csvStream(inMemoryBatches(ROWS), OBSERVATION_EXPORT_COLUMNS))).toString('utf8');
    expect(text.split('\n')[0]).toBe(OBSERVATION_EXPORT_COLUMNS.map((c) => c.key).join(','));
  });

  it('neutralises every text cell that could run as a formula, and only those', async () => {
    const text = (await readAll(csvStream(inMemoryBatches(ROWS), OBSERVATION_EXPORT_COLUMNS))).toString('utf8');
    const records = parse(text, { columns: true }) as Record<string, string>[];
    for (const record of records) {
      for (const column of OBSERVATION_EXPORT_COLUMNS) {
        const cell = record[column.key] ?? '';
        if (column.type === 'text') expect(cell, column.key).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
    expect(records[1]?.note).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(records[3]?.locator).toBe(`'@A1`);
    expect(records[4]?.derivation_note).toBe(`'\rCR`);
  });

  it('keeps numbers as numbers, with their sign and every digit', async () => {
    const text = (await readAll(csvStream(inMemoryBatches(ROWS), OBSERVATION_EXPORT_COLUMNS))).toString('utf8');
    const records = parse(text, { columns: true }) as Record<string, string>[];
    expect(records.map((r) => r.value)).toEqual(['1234.5', '-12.75', '5351587.74833999', '0.5', '12', '0', '3']);
    expect(records.map((r) => r.scale)).toEqual(['1e6', '1e6', '1e3', '1e9', '1e6', '1e6', '1']);
    expect(records[5]?.stated_growth_pct).toBe('-3.2');
    expect(csvCell('number', -1)).toBe('-1');
    // Text posing as a number in a number column is text, so it is neutralised.
    expect(csvCell('number', '=1+1')).toBe(`'=1+1`);
  });

  it('writes the unspecified reporter as an empty code', async () => {
    const text = (await readAll(csvStream(inMemoryBatches(ROWS), OBSERVATION_EXPORT_COLUMNS))).toString('utf8');
    const records = parse(text, { columns: true }) as Record<string, string>[];
    expect(records[4]).toMatchObject({ reporter: 'unspecified', reporter_code: '' });
  });

  it('round-trips: export → import → export gives the same bytes', async () => {
    const first = (await readAll(csvStream(inMemoryBatches(ROWS), OBSERVATION_EXPORT_COLUMNS))).toString('utf8');
    const records = parse(first, { columns: true }) as Record<string, string>[];
    const reimported = records.map((record, index) => {
      const parsed = parseTidyRow(record, index + 2);
      if (!('row' in parsed)) throw new Error(`line ${index + 2}: ${JSON.stringify(parsed.problems)}`);
      return fromImported(parsed.row, record);
    });
    const second = (await readAll(csvStream(inMemoryBatches(reimported), OBSERVATION_EXPORT_COLUMNS))).toString('utf8');
    expect(second).toBe(first);
  });
});

/** What the database would hold after the import, with the names it joins in from reference tables. */
function fromImported(r: ObservationRow, record: Record<string, string>): ObservationExportRow {
  return {
    source_id: r.sourceId,
    reporter: r.reporterCode === 'XXX' ? 'Unspecified' : (record.reporter ?? ''),
    reporter_code: r.reporterCode,
    partner: record.partner ?? '',
    partner_code: r.partnerCode,
    year: r.year,
    period: r.period,
    flow: r.indicatorCode,
    value: r.value,
    unit: r.unit,
    scale: r.scale,
    flag: r.flag,
    note: r.note,
    qualifier: r.qualifier,
    derivation: r.derivation,
    derivation_note: r.derivationNote,
    stated_growth_pct: r.statedGrowthPct,
    locator: r.locator,
    series_key: r.seriesKey,
    period_kind: r.periodKind,
    period_start: r.periodStart,
    period_end: r.periodEnd,
    vintage: r.vintage,
    indicator_label: record.indicator_label ?? '',
    source_title: record.source_title ?? '',
    source_publisher: record.source_publisher ?? '',
    source_url: record.source_url ?? null,
  };
}

describe('JSON writer', () => {
  it('writes an array of records with exact numbers and raw text', async () => {
    const text = (await readAll(jsonStream(inMemoryBatches(ROWS, 2), OBSERVATION_EXPORT_COLUMNS))).toString('utf8');
    expect(text).toContain('"value":5351587.74833999');
    const records = JSON.parse(text) as Record<string, unknown>[];
    expect(records).toHaveLength(ROWS.length);
    expect(records[1]).toMatchObject({
      partner_code: 'FRA',
      value: -12.75,
      note: '=HYPERLINK("http://evil","x")',
      year: 2020,
      scale: '1e6',
    });
    expect(records[6]).toMatchObject({ year: null, value: 3, stated_growth_pct: null });
  });

  it('writes an empty array for no rows, and survives empty batches', async () => {
    expect(
      JSON.parse((await readAll(jsonStream(inMemoryBatches([]), OBSERVATION_EXPORT_COLUMNS))).toString('utf8')),
    ).toEqual([]);
    async function* gappy() {
      yield [];
      yield [ROWS[0] as ObservationExportRow];
      yield [];
      yield [ROWS[1] as ObservationExportRow];
    }
    expect(JSON.parse((await readAll(jsonStream(gappy(), OBSERVATION_EXPORT_COLUMNS))).toString('utf8'))).toHaveLength(
      2,
    );
  });
});

describe('XLSX writer', () => {
  async function workbook(rows: readonly ObservationExportRow[]) {
    const buffer = await readAll(xlsxStream(inMemoryBatches(rows, 3), OBSERVATION_EXPORT_COLUMNS, provenance));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer as unknown as ArrayBuffer);
    return book;
  }

  it('has Data, Sources, Flags and README sheets', async () => {
    const book = await workbook(ROWS);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Data', 'Sources', 'Flags', 'README']);
  });

  it('writes numbers as numbers with their scale as a number, and text as text, never a formula', async () => {
    const book = await workbook(ROWS);
    const data = book.getWorksheet('Data');
    if (!data) throw new Error('no Data sheet');
    const header = OBSERVATION_EXPORT_COLUMNS.map((_, i) => data.getRow(1).getCell(i + 1).text);
    expect(header).toEqual(OBSERVATION_EXPORT_COLUMNS.map((c) => c.key));
    const col = (key: string) => header.indexOf(key) + 1;
    expect(data.rowCount).toBe(ROWS.length + 1);
    const values = ROWS.map((_, i) => data.getRow(i + 2).getCell(col('value')).value);
    expect(values).toEqual([1234.5, -12.75, 5351587.74833999, 0.5, 12, 0, 3]);
    expect(ROWS.map((_, i) => data.getRow(i + 2).getCell(col('scale')).value)).toEqual([
      1e6, 1e6, 1e3, 1e9, 1e6, 1e6, 1,
    ]);
    expect(data.getRow(2).getCell(col('unit')).text).toBe('USD');
    expect(data.getRow(3).getCell(col('qualifier')).text).toBe('ESTIMATE');
    expect(data.getRow(3).getCell(col('note')).text).toBe(`'=HYPERLINK("http://evil","x")`);
    data.eachRow((r) =>
      r.eachCell((cell) => {
        expect(cell.type, cell.address).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof cell.value !== 'number') expect(cell.text, cell.address).not.toMatch(/^[=+\-@\t\r]/);
      }),
    );
  });

  it('lists each source used, with its attribution and row count', async () => {
    const book = await workbook(ROWS);
    const sources = book.getWorksheet('Sources');
    expect(sources?.getRow(2).getCell(1).text).toBe('imf_dots_2022_via_SamLeBlanc');
    // Attribution text starting with "=" is neutralised on every sheet, not only Data.
    expect(sources?.getRow(2).getCell(6).text).toBe(`'=Credit imf_dots_2022_via_SamLeBlanc`);
    expect(sources?.getRow(2).getCell(8).value).toBe(ROWS.length);
  });

  it('explains flags and states the query, date and citation', async () => {
    const book = await workbook(ROWS);
    const flags = book.getWorksheet('Flags');
    const flagValues: string[] = [];
    flags?.eachRow((r) => flagValues.push(`${r.getCell(1).text}=${r.getCell(2).text}`));
    expect(flagValues).toContain('flag=e');
    expect(flagValues).toContain('qualifier=MORE_THAN');
    const readme: string[] = [];
    book.getWorksheet('README')?.eachRow((r) => readme.push(`${r.getCell(1).text} ${r.getCell(2).text}`));
    const text = readme.join('\n');
    expect(text).toContain('2026-11-23T10:00:00.000Z');
    expect(text).toContain('Partners: DEU, FRA');
    expect(text).toContain('How to cite');
    expect(text).toContain(`Rows ${ROWS.length}`);
  });

  it('writes a cell per type', () => {
    expect(xlsxCell('number', '12.50')).toBe(12.5);
    expect(xlsxCell('number', null)).toBeNull();
    expect(xlsxCell('text', '-x')).toEqual({ richText: [{ text: `'-x` }] });
    expect(xlsxCell('boolean', true)).toBe(true);
  });
});

describe('generic columns', () => {
  interface Small {
    name: string;
    amount: number | null;
  }
  const columns: ExportColumn<Small>[] = [
    { key: 'name', type: 'text', value: (r) => r.name, description: 'name' },
    { key: 'amount_usd_mn', type: 'number', value: (r) => r.amount, description: 'amount' },
  ];

  it('writes any row type the same way', async () => {
    const rows = [
      { name: '@home', amount: -1.5 },
      { name: 'Plain', amount: null },
    ];
    const csv = (await readAll(csvStream(inMemoryBatches(rows), columns))).toString('utf8');
    expect(csv).toBe("name,amount_usd_mn\n'@home,-1.5\nPlain,\n");
    const json = (await readAll(jsonStream(inMemoryBatches(rows), columns))).toString('utf8');
    expect(JSON.parse(json)).toEqual([
      { name: '@home', amount_usd_mn: -1.5 },
      { name: 'Plain', amount_usd_mn: null },
    ]);
  });
});

describe('file names', () => {
  const date = new Date('2026-11-23T12:00:00Z');

  it('say what is inside', () => {
    expect(
      observationExportFileName(
        { flow: ['turnover'], partner: ['DEU', 'FRA'], from: 2000, to: 2025, format: 'csv' },
        date,
      ),
    ).toBe('kaz-trade-turnover-DEU-FRA-2000-2025-2026-11-23');
    expect(observationExportFileName({ format: 'csv' }, date)).toBe('kaz-trade-observations-2026-11-23');
    expect(observationExportFileName({ group: ['AGG_EU'], source: ['news:exim'], format: 'csv' }, date)).toBe(
      'kaz-trade-observations-EU-source-news_exim-2026-11-23',
    );
  });

  it('stay short and safe', () => {
    expect(listPart(['A', 'B', 'C', 'D', 'E', 'F'])).toBe('A-B-C-D-and-2-more');
    expect(yearRangePart(2000, undefined)).toBe('from-2000');
    const long = exportFileName(
      Array.from({ length: 40 }, (_, i) => `part${i}`),
      date,
    );
    expect(long.length).toBeLessThanOrEqual(120);
    expect(long.endsWith('-2026-11-23')).toBe(true);
    expect(exportFileName(['a/b"c;d'], date)).toBe('kaz-trade-a_b_c_d-2026-11-23');
  });
});
