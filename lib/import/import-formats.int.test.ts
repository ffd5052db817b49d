// Every format through the shared write path, against the seeded throwaway database. Each test
// owns its source ids (test_*), so the tests do not depend on each other or on the bundled data.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { connectTestDatabase, databaseFingerprint } from '@/lib/testing/database';
import {
  comtradeCsv,
  eurostatComext10,
  imfSdmx20,
  UZBEKISTAN_DOTS,
  writeDotsWorkbook,
  writeText,
  type ComtradeRow,
  type DotsWorkbook,
} from '@/lib/testing/import-fixtures';
import { sharedDir } from '@/lib/testing/shared-dir';
import { canonicalDecimal } from './decimal';
import { importFile, ImportOptionsError, type ImportOptions } from './import-file';
import { ImportRejectedError } from './problems';
import { TIDY_COLUMNS } from './tidy-row';

const sql = connectTestDatabase();
const dir = mkdtempSync(path.join(os.tmpdir(), 'import-formats-'));
const at = (name: string) => path.join(dir, name);
const RAW_DOTS = path.join(sharedDir(), 'data', 'raw', 'imf_dots_DOTS_103_kazakhstan_original.xlsx');
type Row = Record<string, string>;

afterAll(async () => {
  await sql.end();
});

async function expectRefused(
  file: string,
  options: ImportOptions,
  expected: { line?: number; column?: string; sheet?: string; cell?: string; found?: unknown },
) {
  const before = await databaseFingerprint(sql);
  const error = await importFile(sql, file, options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportRejectedError);
  expect((error as ImportRejectedError).problems[0]).toMatchObject(expected);
  expect(await databaseFingerprint(sql)).toBe(before);
}

const valuesOf = async (sourceId: string) => {
  const rows = await sql<
    { partner_code: string; indicator_code: string; year: number; period: string; value: string; flag: string }[]
  >`
    SELECT partner_code, indicator_code, year, period, value::text, flag FROM observation WHERE source_id = ${sourceId}`;
  return new Map(
    rows.map((r) => [
      `${r.partner_code}|${r.indicator_code}|${r.year}|${r.period}`,
      `${canonicalDecimal(r.value)}|${r.flag}`,
    ]),
  );
};

describe('IMF DOTS workbooks', () => {
  it('imports the raw DOTS_103 workbook as ../shared/data/imf_dots_kaz_reported.csv has it, turnover included', async () => {
    const summary = await importFile(sql, RAW_DOTS, { sourceId: 'test_dots_kaz_raw' });
    const compiled = parse(readFileSync(path.join(sharedDir(), 'data', 'imf_dots_kaz_reported.csv')), {
      columns: true,
    }) as Row[];
    const turnover = compiled.filter((r) => r.flow === 'turnover').length;
    expect(summary).toMatchObject({
      format: 'imf-dots',
      rows: compiled.length - turnover,
      derived: turnover,
      inserted: compiled.length,
      rejected: 0,
      sourceCreated: true,
    });
    expect(summary.notices).toEqual([expect.stringContaining('"Special Categories" (4 values) skipped')]);
    const expected = new Map(
      compiled.map((r) => [`${r.partner_code}|${r.flow}|${r.year}|FY`, `${canonicalDecimal(r.value ?? '')}|${r.flag}`]),
    );
    expect(await valuesOf('test_dots_kaz_raw')).toEqual(expected);

    const [source] = await sql<
      { publisher: string; title: string }[]
    >`SELECT publisher, title FROM source WHERE id = 'test_dots_kaz_raw'`;
    expect(source).toEqual({
      publisher: 'International Monetary Fund',
      title: 'Direction of Trade Statistics (DOTS): Kazakhstan, Rep. of as reporter',
    });

    const before = await databaseFingerprint(sql);
    expect(await importFile(sql, RAW_DOTS, { sourceId: 'test_dots_kaz_raw' })).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: compiled.length,
      batchId: null,
      sourceCreated: false,
    });
    expect(await databaseFingerprint(sql)).toBe(before);
  });

  it('imports another reporter, and a newer vintage updates values and keeps the old ones as revisions', async () => {
    const first = at('uzb-2021.xlsx');
    await writeDotsWorkbook(first, UZBEKISTAN_DOTS);
    const v1 = await importFile(sql, first, { sourceId: 'test_dots_uzb', vintage: '2021-06' });
    // 29 published values; turnover where both sides exist: World, KAZ, CHN × 3 years and EU × 3.
    expect(v1).toMatchObject({ rows: 29, derived: 12, inserted: 41, rejected: 0 });
    const [turnover] = await sql<{ value: string; flag: string }[]>`
      SELECT value::text, flag FROM observation WHERE source_id = 'test_dots_uzb' AND partner_code = 'CHN' AND indicator_code = 'turnover' AND year = 2020`;
    expect(turnover).toEqual({ value: '6410.90', flag: 'derived+e' });

    const revised: DotsWorkbook = structuredClone(UZBEKISTAN_DOTS);
    const kaz = revised.sheets['Exports, FOB']?.partners.find(([name]) => name === 'Kazakhstan, Rep. of');
    if (kaz) kaz[3] = 1_010.75;
    const second = path.join(mkdirTemp('v2'), 'uzb-2021.xlsx');
    await writeDotsWorkbook(second, revised);
    const v2 = await importFile(sql, second, { sourceId: 'test_dots_uzb', vintage: '2022-01' });
    // The export and its derived turnover changed, every other value only got the new vintage.
    expect(v2).toMatchObject({ inserted: 0, updated: 41, revised: 2 });
    const revisions = await sql<
      {
        indicator_code: string;
        old_value: string;
        value: string;
        old_vintage: string;
        new_vintage: string;
        replaced: boolean;
      }[]
    >`
      SELECT o.indicator_code, r.old_value::text, o.value::text, r.old_vintage, r.new_vintage, r.replaced_at IS NOT NULL AS replaced
      FROM observation_revision r JOIN observation o ON o.id = r.observation_id
      WHERE o.source_id = 'test_dots_uzb' ORDER BY o.indicator_code`;
    expect(revisions).toEqual([
      {
        indicator_code: 'export',
        old_value: '1000.25',
        value: '1010.75',
        old_vintage: '2021-06',
        new_vintage: '2022-01',
        replaced: true,
      },
      {
        indicator_code: 'turnover',
        old_value: '2273.05',
        value: '2283.55',
        old_vintage: '2021-06',
        new_vintage: '2022-01',
        replaced: true,
      },
    ]);
    expect(await importFile(sql, second, { sourceId: 'test_dots_uzb', vintage: '2022-01' })).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: 41,
    });
  });

  it('writes nothing on a dry run, and leaves turnover out when asked', async () => {
    const file = at('uzb-dry.xlsx');
    await writeDotsWorkbook(file, UZBEKISTAN_DOTS);
    const before = await databaseFingerprint(sql);
    expect(await importFile(sql, file, { sourceId: 'test_dots_dry', dryRun: true })).toMatchObject({
      inserted: 41,
      dryRun: true,
      batchId: null,
    });
    expect(
      await importFile(sql, file, { sourceId: 'test_dots_dry', dryRun: true, deriveTurnover: false }),
    ).toMatchObject({ inserted: 29, derived: 0 });
    expect(await databaseFingerprint(sql)).toBe(before);
  });
});

function mkdirTemp(name: string): string {
  const d = path.join(dir, name);
  mkdirSync(d, { recursive: true });
  return d;
}

describe('SDMX-CSV', () => {
  it('imports an IMF file (2.0) with its source created from the dataflow, and finds it unchanged the second time', async () => {
    const file = writeText(
      at('imts.csv'),
      imfSdmx20([
        { reporter: 'KAZ', partner: 'TUR', indicator: 'XG_FOB_USD', period: '2024', value: '2890.5' },
        { reporter: 'KAZ', partner: 'TUR', indicator: 'MG_CIF_USD', period: '2024', value: '1210.25', status: 'E' },
        { reporter: 'KAZ', partner: 'W00', indicator: 'XG_FOB_USD', period: '2024', value: '80001.1' },
      ]),
    );
    expect(await importFile(sql, file, { sourceId: 'test_sdmx_imf' })).toMatchObject({
      format: 'sdmx-csv',
      rows: 3,
      derived: 1,
      inserted: 4,
      sourceCreated: true,
    });
    expect(await valuesOf('test_sdmx_imf')).toEqual(
      new Map([
        ['TUR|export|2024|FY', '2890.5|'],
        ['TUR|import|2024|FY', '1210.25|e'],
        ['TUR|turnover|2024|FY', '4100.75|derived+e'],
        ['AGG_WORLD|export|2024|FY', '80001.1|'],
      ]),
    );
    const [source] = await sql<{ publisher: string }[]>`SELECT publisher FROM source WHERE id = 'test_sdmx_imf'`;
    expect(source?.publisher).toBe('International Monetary Fund');
    expect(await importFile(sql, file, { sourceId: 'test_sdmx_imf' })).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: 4,
    });
  });

  it('imports a Eurostat Comext file with the vintage from LAST UPDATE; a new release keeps the old value', async () => {
    const rows = [
      { reporter: 'EU27_2020', partner: 'KZ', flow: '1', period: '2024', value: '27000000000' },
      { reporter: 'EU27_2020', partner: 'KZ', flow: '2', period: '2024', value: '12000000000' },
    ] as const;
    const file = writeText(at('comext.csv'), eurostatComext10([...rows], '15/04/25 23:00:00'));
    expect(await importFile(sql, file, { sourceId: 'test_sdmx_estat' })).toMatchObject({ inserted: 3, derived: 1 });
    const newer = writeText(
      path.join(mkdirTemp('estat-v2'), 'comext.csv'),
      eurostatComext10([{ ...rows[0], value: '27100000000' }, rows[1]], '15/05/25 23:00:00'),
    );
    expect(await importFile(sql, newer, { sourceId: 'test_sdmx_estat' })).toMatchObject({ updated: 3, revised: 2 });
    const [revision] = await sql<{ old_value: string; old_vintage: string; new_vintage: string }[]>`
      SELECT r.old_value::text, r.old_vintage, r.new_vintage FROM observation_revision r JOIN observation o ON o.id = r.observation_id
      WHERE o.source_id = 'test_sdmx_estat' AND o.indicator_code = 'import'`;
    expect(revision).toEqual({
      old_value: '27000000000',
      old_vintage: 'last update 2025-04-15 23:00',
      new_vintage: 'last update 2025-05-15 23:00',
    });
  });

  it('imports the valid rows with skipInvalid and lists the others by line', async () => {
    const file = writeText(
      at('skip.csv'),
      imfSdmx20([
        { reporter: 'KAZ', partner: 'ARM', indicator: 'XG_FOB_USD', period: '2024', value: '1' },
        { reporter: 'KAZ', partner: 'QQQ', indicator: 'XG_FOB_USD', period: '2024', value: '2' },
      ]),
    );
    const summary = await importFile(sql, file, { sourceId: 'test_sdmx_skip', skipInvalid: true });
    expect(summary).toMatchObject({ inserted: 1, rejected: 1 });
    expect(summary.problems).toEqual([
      expect.objectContaining({ line: 3, column: 'COUNTERPART_COUNTRY', found: 'QQQ' }),
    ]);

    const allBad = writeText(
      at('all-bad.csv'),
      imfSdmx20([{ reporter: 'KAZ', partner: 'QQQ', indicator: 'XG_FOB_USD', period: '2024', value: '2' }]),
    );
    await expectRefused(
      allBad,
      { sourceId: 'test_sdmx_all_bad', skipInvalid: true },
      { line: 2, column: 'COUNTERPART_COUNTRY' },
    );
  });
});

describe('UN Comtrade', () => {
  const KAZ: ComtradeRow['reporter'] = ['398', 'KAZ', 'Kazakhstan'];
  const rows: ComtradeRow[] = [
    { reporter: KAZ, partner: ['384', 'CIV', "Côte d'Ivoire"], flow: 'X', year: 2022, value: '1500000' },
    { reporter: KAZ, partner: ['384', 'CIV', "Côte d'Ivoire"], flow: 'M', year: 2022, value: '250000.5' },
    { reporter: KAZ, partner: ['0', 'W00', 'World'], flow: 'X', year: 2022, month: 12, value: '7000000000' },
  ];

  it('imports a UTF-8 download, then finds the same data saved as Latin-1 unchanged', async () => {
    const utf8 = writeText(path.join(mkdirTemp('utf8'), 'kaz-2022.csv'), comtradeCsv(rows));
    expect(await importFile(sql, utf8, { sourceId: 'test_comtrade' })).toMatchObject({
      format: 'comtrade',
      rows: 3,
      derived: 1,
      inserted: 4,
      sourceCreated: true,
    });
    expect(await valuesOf('test_comtrade')).toEqual(
      new Map([
        ['CIV|export|2022|FY', '1500000|'],
        ['CIV|import|2022|FY', '250000.5|'],
        ['CIV|turnover|2022|FY', '1750000.5|derived'],
        ['AGG_WORLD|export|2022|2022-12', '7000000000|'],
      ]),
    );
    const latin1 = writeText(path.join(mkdirTemp('latin1'), 'kaz-2022.csv'), comtradeCsv(rows), 'latin1');
    expect(await importFile(sql, latin1, { sourceId: 'test_comtrade' })).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: 4,
    });
  });
});

describe('options', () => {
  it('requires --source-id for formats that do not name their source, and writes nothing', async () => {
    const file = writeText(at('nosource.csv'), comtradeCsv([]));
    const before = await databaseFingerprint(sql);
    await expect(importFile(sql, file)).rejects.toThrow(ImportOptionsError);
    await expect(importFile(sql, file, { sourceId: 'bad id!' })).rejects.toThrow(/letters, digits/);
    expect(await databaseFingerprint(sql)).toBe(before);
  });
});

// ---------------------------------------------------------------------------------------------
// Malformed input: every case is refused with its line (or sheet and cell), nothing is written.

const SDMX_HEADER = imfSdmx20([]).trim();

const TIDY_SOURCE = { sourceId: 'imf_dots_2022_via_SamLeBlanc' };
/** A tidy file of one valid row (of a bundled source), with some cells replaced. */
function tidyFile(cells: Partial<Record<(typeof TIDY_COLUMNS)[number], string>>): string {
  const row: Record<(typeof TIDY_COLUMNS)[number], string> = {
    source_id: 'imf_dots_2022_via_SamLeBlanc',
    reporter: 'Kazakhstan',
    reporter_code: 'KAZ',
    partner: 'Germany',
    partner_code: 'DEU',
    year: '2019',
    period: 'FY',
    flow: 'export',
    value: '1.5',
    unit: 'USD',
    scale: '1e6',
    flag: '',
    note: 'limits test',
    ...cells,
  };
  return `${TIDY_COLUMNS.join(',')}\n${TIDY_COLUMNS.map((c) => row[c]).join(',')}\n`;
}
const sdmxLine = (partner: string, value: string, indicator = 'XG_FOB_USD') =>
  imfSdmx20([{ reporter: 'KAZ', partner, indicator, period: '2021', value }]).split('\n')[1] ?? '';
const comtradeLines = (r: Partial<ComtradeRow> = {}) =>
  comtradeCsv([
    {
      reporter: ['398', 'KAZ', 'Kazakhstan'],
      partner: ['51', 'ARM', 'Armenia'],
      flow: 'X',
      year: 2021,
      value: '10',
      ...r,
    },
  ])
    .trim()
    .split('\r\n');
const garbage = () => Buffer.from(Uint8Array.from({ length: 5_000_000 }, (_, i) => (i * 7919) % 251));

const textCases: [
  string,
  string,
  ImportOptions,
  string | Buffer,
  { line?: number; column?: string; found?: unknown },
][] = [
  ['sdmx', 'empty file', { format: 'sdmx-csv' }, '', { line: 1, column: '(file)' }],
  ['sdmx', 'header only', {}, `${SDMX_HEADER}\n`, { line: 1, column: '(file)', found: 'no observations' }],
  [
    'sdmx',
    'truncated',
    {},
    `${SDMX_HEADER}\n${sdmxLine('ARM', '1')}\n${sdmxLine('GEO', '2').slice(0, 30)}`,
    { line: 3, column: '(row)' },
  ],
  [
    'sdmx',
    'wrong delimiter in the rows',
    {},
    `${SDMX_HEADER}\n${sdmxLine('ARM', '1').replaceAll(',', ';')}\n`,
    { line: 2, column: '(row)' },
  ],
  [
    'sdmx',
    'wrong encoding',
    {},
    Buffer.from(`${SDMX_HEADER}\n${sdmxLine('ARM', '1')}\n${sdmxLine('GEO: Géorgie', '2')}\n`, 'latin1'),
    { line: 3, column: '(file)' },
  ],
  [
    'sdmx',
    'bad number',
    {},
    `${SDMX_HEADER}\n${sdmxLine('ARM', '1')}\n${sdmxLine('GEO', '1.234.5')}\n`,
    { line: 3, column: 'OBS_VALUE', found: '1.234.5' },
  ],
  [
    'sdmx',
    'unknown partner',
    {},
    `${SDMX_HEADER}\n${sdmxLine('Narnia', '1')}\n`,
    { line: 2, column: 'COUNTERPART_COUNTRY', found: 'Narnia' },
  ],
  [
    'sdmx',
    'unknown indicator',
    {},
    `${SDMX_HEADER}\n${sdmxLine('ARM', '1', 'TBG_USD')}\n`,
    { line: 2, column: 'INDICATOR', found: 'TBG_USD' },
  ],
  [
    'sdmx',
    'duplicate keys',
    {},
    `${SDMX_HEADER}\n${sdmxLine('ARM', '1')}\n${sdmxLine('ARM', '2')}\n`,
    { line: 3, column: '(row)' },
  ],
  ['sdmx', 'huge file of garbage', { format: 'sdmx-csv' }, garbage(), { column: '(file)' }],
  ['comtrade', 'empty file', { format: 'comtrade' }, '', { line: 1, column: '(file)' }],
  ['comtrade', 'header only', {}, `${comtradeLines()[0]}\r\n`, { line: 1, column: '(file)', found: 'no observations' }],
  [
    'comtrade',
    'truncated',
    {},
    `${comtradeLines().join('\r\n')}\r\n${(comtradeLines()[1] ?? '').slice(0, 40)}`,
    { line: 3, column: '(row)' },
  ],
  [
    'comtrade',
    'wrong delimiter',
    {},
    `${comtradeLines()
      .map((l) => l.replaceAll(',', ';'))
      .join('\r\n')}\r\n`,
    { line: 1, column: '(header)' },
  ],
  [
    'comtrade',
    'wrong encoding (UTF-16)',
    {},
    Buffer.from(`\uFEFF${comtradeLines().join('\r\n')}`, 'utf16le'),
    { line: 1, found: 'UTF-16 text' },
  ],
  [
    'comtrade',
    'bad number',
    {},
    `${comtradeLines({ value: '1 234' }).join('\r\n')}\r\n`,
    { line: 2, column: 'primaryValue', found: '1 234' },
  ],
  [
    'comtrade',
    'unknown partner',
    {},
    `${comtradeLines({ partner: ['900', 'ZZZ', 'Nowhere'] }).join('\r\n')}\r\n`,
    { line: 2, column: 'partnerISO', found: 'Nowhere, ISO ZZZ, code 900' },
  ],
  [
    'comtrade',
    'duplicate keys',
    {},
    `${[...comtradeLines(), comtradeLines()[1]].join('\r\n')}\r\n`,
    { line: 3, column: '(row)' },
  ],
  ['comtrade', 'huge file of garbage', { format: 'comtrade' }, garbage(), { column: '(file)' }],
  ['tidy', 'NUL bytes', {}, `${TIDY_COLUMNS.join(',')}\nx,y\u0000z\n`, { line: 2, column: '(file)' }],
  // Limits for every format (lib/import/row-limits.ts, csv-records.ts).
  [
    'tidy',
    'a value float8 cannot hold',
    TIDY_SOURCE,
    tidyFile({ value: '1e400' }),
    { line: 2, column: 'value', found: '1e400 × 1e6' },
  ],
  [
    'tidy',
    'a value too small to compute with',
    TIDY_SOURCE,
    tidyFile({ value: '1e-400' }),
    { line: 2, column: 'value' },
  ],
  [
    'tidy',
    'an amount beyond 1e15 after its scale',
    TIDY_SOURCE,
    tidyFile({ value: '2000000000', scale: '1e9' }),
    { line: 2, column: 'value', found: '2000000000 × 1e9' },
  ],
  [
    'tidy',
    'a period in another year than its row',
    TIDY_SOURCE,
    tidyFile({ year: '2024', period: '2019-05' }),
    { line: 2, column: 'period', found: '2019-05 with year 2024' },
  ],
  [
    'tidy',
    'a note longer than a spreadsheet cell',
    TIDY_SOURCE,
    tidyFile({ note: 'n'.repeat(40_000) }),
    { line: 2, column: 'note', found: '40,000 characters' },
  ],
  [
    'tidy',
    'a 20 MB note',
    TIDY_SOURCE,
    tidyFile({ note: 'n'.repeat(20_000_000) }),
    { line: 2, column: '(file)', found: 'a field of more than 1,000,000 characters' },
  ],
  [
    'sdmx',
    'a value float8 cannot hold',
    {},
    `${SDMX_HEADER}\n${sdmxLine('ARM', '1e400')}\n`,
    { line: 2, column: 'value', found: expect.stringMatching(/^1e400/) },
  ],
];

describe('malformed files', () => {
  it.each(textCases)(
    '%s: refuses %s with its line and leaves the database unchanged',
    async (format, name, options, content, expected) => {
      const file = at(`${format}-${name.replace(/\W+/g, '-')}.csv`);
      writeFileSync(file, content);
      await expectRefused(file, { sourceId: `test_bad_${format}`, ...options }, expected);
    },
  );

  const dots = (partners: [string, ...(number | string | null)[]][]): DotsWorkbook => ({
    reporter: 'Uzbekistan, Rep. of',
    years: [2020, 2021],
    sheets: {
      'Exports, FOB': { title: 'Exports, FOB to Partner Countries', partners: [['World', 1, 2], ...partners] },
    },
  });
  it.each([
    [
      'unknown partner',
      dots([['Atlantis', 1, 2]]),
      { sheet: 'Exports, FOB', cell: 'B10', column: '(partner)', found: 'Atlantis' },
    ],
    [
      'bad number',
      dots([['Armenia, Rep. of', '1.2.3', 2]]),
      { sheet: 'Exports, FOB', cell: 'C10', column: '2020', found: '1.2.3' },
    ],
    [
      'duplicate partner',
      dots([
        ['Armenia, Rep. of', 1, 2],
        ['Georgia', 1, 2],
        ['Armenia, Rep. of', 1, 3],
      ]),
      { sheet: 'Exports, FOB', cell: 'B12', column: '(partner)' },
    ],
  ] as const)('imf-dots: refuses a workbook with a %s, naming sheet and cell', async (name, spec, expected) => {
    const file = at(`dots-${name.replace(/\W+/g, '-')}.xlsx`);
    await writeDotsWorkbook(file, spec as DotsWorkbook);
    await expectRefused(file, { sourceId: 'test_bad_dots' }, expected);
  });

  it('imf-dots: refuses a workbook that unpacks beyond its limit before loading it', async () => {
    // 600 distinct cells of 30,000 characters: about 18 MB unpacked, a few hundred KB packed.
    const file = at('dots-bomb.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Exports, FOB');
    for (let i = 0; i < 600; i += 1) sheet.getCell(1 + i, 2).value = `${i} ${'x'.repeat(30_000)}`;
    await workbook.xlsx.writeFile(file);
    const load = vi.spyOn(ExcelJS.Workbook.prototype, 'xlsx', 'get');
    try {
      await expectRefused(
        file,
        { sourceId: 'test_bad_dots' },
        { column: '(file)', found: expect.stringContaining('unpacks to more than 16.0 MB') },
      );
      expect(load).not.toHaveBeenCalled();
    } finally {
      load.mockRestore();
    }
  });

  it.each([
    ['empty', Buffer.alloc(0), { line: 1, column: '(file)' }],
    [
      'truncated',
      () => readFileSync(RAW_DOTS).subarray(0, 50_000),
      { column: '(file)', found: expect.stringContaining('cannot be read') },
    ],
    [
      'garbage after a ZIP signature',
      () => Buffer.concat([Buffer.from('PK\u0003\u0004'), garbage()]),
      { column: '(file)' },
    ],
  ] as const)('imf-dots: refuses a %s workbook', async (name, content, expected) => {
    const file = at(`dots-${name.replace(/\W+/g, '-')}.xlsx`);
    writeFileSync(file, typeof content === 'function' ? content() : content);
    await expectRefused(file, { sourceId: 'test_bad_dots', format: name === 'empty' ? 'auto' : 'imf-dots' }, expected);
  });
});
