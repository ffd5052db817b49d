import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTestDatabase, databaseFingerprint } from '@/lib/testing/database';
import { deleteReporterRows, registerOfficialSources, testReporterCode } from '@/lib/testing/trade-fixtures';
import { ImportRejectedError, importTidyCsv } from './tidy-import';
import { TIDY_COLUMNS } from './tidy-row';

const sql = connectTestDatabase();
const dir = mkdtempSync(path.join(os.tmpdir(), 'tidy-import-'));
const HEADER = TIDY_COLUMNS.join(',');
const SOURCE = 'imf_dots_2022_via_SamLeBlanc';
// Mirror-like rows of a reporter the bundled data does not have (Antarctica, with Kazakhstan as
// partner), so these tests own their rows and never enter Kazakhstan's official series.
const row = (year: number, flow: string, value: string, flag = '') =>
  `${SOURCE},Antarctica,ATA,Kazakhstan,KAZ,${year},FY,${flow},${value},USD,1e6,${flag},test row`;
const write = (name: string, content: string | Buffer) => {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
};

beforeAll(async () => {
  await sql`INSERT INTO partner (code, name, kind) VALUES ('ATA', 'Antarctica', 'COUNTRY') ON CONFLICT DO NOTHING`;
});
afterAll(async () => {
  await sql.end();
});

async function expectRefused(file: string, expected: { line?: number; column: string }) {
  const before = await databaseFingerprint(sql);
  const error = await importTidyCsv(sql, file).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportRejectedError);
  const problems = (error as ImportRejectedError).problems;
  expect(problems[0]).toMatchObject(expected.line === undefined ? { column: expected.column } : expected);
  expect(await databaseFingerprint(sql)).toBe(before);
}

describe('importTidyCsv and the official series', () => {
  // A code the tidy layout accepts (alpha-3 or AGG_*), unique per worker.
  const reporter = testReporterCode('tidy_series').replace(/^ZZ_/, 'AGG_ZZ_').toUpperCase();
  afterAll(() => deleteReporterRows(sql, [reporter]));

  it('refreshes the series in the import’s own transaction', async () => {
    await registerOfficialSources(sql, reporter);
    const bureau = (partner: string, flow: string, value: string) =>
      `bns_312101_via_makenerzhan,Test reporter,${reporter},${partner},${partner},2022,FY,${flow},${value},USD,1e6,,test row`;
    const file = write(
      'series.csv',
      [HEADER, bureau('CHN', 'export', '30'), bureau('CHN', 'import', '10'), bureau('DEU', 'export', '5')].join('\n'),
    );
    await importTidyCsv(sql, file);
    const series = await sql<{ partner: string; flow: string; value: number; same_transaction: boolean }[]>`
      SELECT s.partner_code AS partner, s.indicator_code AS flow, s.value_usd_mn AS value,
             s.xmin::text = (SELECT DISTINCT o.xmin::text FROM observation o WHERE o.reporter_code = ${reporter}) AS same_transaction
      FROM official_series s WHERE s.reporter_code = ${reporter}
      ORDER BY s.partner_code, s.indicator_code`;
    // The bureau's table has no world row: its total is the sum of its partners, flow by flow.
    expect(series.map((r) => [r.partner, r.flow, r.value])).toEqual([
      ['AGG_WORLD', 'balance', 25],
      ['AGG_WORLD', 'export', 35],
      ['AGG_WORLD', 'import', 10],
      ['CHN', 'balance', 20],
      ['CHN', 'export', 30],
      ['CHN', 'import', 10],
      ['DEU', 'export', 5],
    ]);
    // Written by the same transaction as the observations: no reader sees one without the other.
    expect(series.every((r) => r.same_transaction)).toBe(true);
  });

  // Each row's xmin names the transaction that last wrote it.
  const writers = async () =>
    new Map(
      (
        await sql<{ key: string; xmin: string }[]>`
          SELECT concat_ws(' ', partner_code, indicator_code, year) AS key, xmin::text AS xmin
          FROM official_series WHERE reporter_code = ${reporter}`
      ).map((r) => [r.key, r.xmin]),
    );
  const rewritten = (before: Map<string, string>, after: Map<string, string>) =>
    [...after].filter(([key, xmin]) => before.get(key) !== xmin).map(([key]) => key);

  it('leaves the series untouched when an import has no official rows', async () => {
    const before = await writers();
    await importTidyCsv(sql, write('unofficial.csv', `${HEADER}\n${row(1996, 'export', '4')}\n`));
    const after = await writers();
    expect(after.size).toBeGreaterThan(0);
    expect(rewritten(before, after)).toEqual([]);
  });

  it('rewrites only the rows whose value or share a changed figure moves', async () => {
    const before = await writers();
    const line = `bns_312101_via_makenerzhan,Test reporter,${reporter},CHN,CHN,2022,FY,export,31,USD,1e6,,test row`;
    await importTidyCsv(sql, write('series-changed.csv', `${HEADER}\n${line}\n`));
    // China's export and balance; the world's export (the sum of partners) and balance; Germany's
    // export, whose share of the world's export moves. Imports keep their values and shares.
    expect(rewritten(before, await writers()).sort()).toEqual([
      'AGG_WORLD balance 2022',
      'AGG_WORLD export 2022',
      'CHN balance 2022',
      'CHN export 2022',
      'DEU export 2022',
    ]);
  });

  it('removes the rows of an edition that a better one replaces for the year', async () => {
    const imf = (partner: string, value: string) =>
      `${SOURCE},Test reporter,${reporter},${partner},${partner},2019,FY,export,${value},USD,1e6,,test row`;
    await importTidyCsv(sql, write('series-imf.csv', [HEADER, imf('AGG_WORLD', '100'), imf('FRA', '7')].join('\n')));
    const year2019 = () => sql<{ key: string; value: number; source: string }[]>`
      SELECT concat_ws(' ', partner_code, indicator_code) AS key, value_usd_mn AS value, source_id AS source
      FROM official_series WHERE reporter_code = ${reporter} AND year = 2019 ORDER BY 1`;
    expect(await year2019()).toEqual([
      { key: 'AGG_WORLD export', value: 100, source: SOURCE },
      { key: 'FRA export', value: 7, source: SOURCE },
    ]);
    const bureau = `bns_312101_via_makenerzhan,Test reporter,${reporter},CHN,CHN,2019,FY,export,3,USD,1e6,,test row`;
    await importTidyCsv(sql, write('series-bureau-2019.csv', `${HEADER}\n${bureau}\n`));
    // The year is now the bureau's, whole: France's IMF row is gone, the world is the sum of partners.
    expect(await year2019()).toEqual([
      { key: 'AGG_WORLD export', value: 3, source: 'bns_312101_via_makenerzhan' },
      { key: 'CHN export', value: 3, source: 'bns_312101_via_makenerzhan' },
    ]);
  });
});

describe('importTidyCsv', () => {
  it('inserts, then finds the same file unchanged, then keeps a revision when a value changes', async () => {
    const first = write('v1.csv', `${HEADER}\n${row(1990, 'export', '1.5')}\n${row(1990, 'import', '2.25', 'e')}\n`);
    expect(await importTidyCsv(sql, first)).toMatchObject({ inserted: 2, updated: 0, unchanged: 0, rejected: 0 });
    const again = await importTidyCsv(sql, first);
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 2, batchId: null });

    const second = write('v2.csv', `${HEADER}\n${row(1990, 'export', '1.75')}\n${row(1990, 'import', '2.25', 'e')}\n`);
    expect(await importTidyCsv(sql, second)).toMatchObject({ inserted: 0, updated: 1, unchanged: 1 });
    const [obs] = await sql<{ value: string; old: string }[]>`
      SELECT o.value::text, r.old_value::text AS old FROM observation o JOIN observation_revision r ON r.observation_id = o.id
      WHERE o.reporter_code = 'ATA' AND o.indicator_code = 'export' AND o.year = 1990`;
    expect(obs).toEqual({ value: '1.75', old: '1.5' });
  });

  it('inserts new keys on both sides of a stored one, where the first plain INSERT gives up part-way', async () => {
    // In key order 1980 comes before the stored 1981: the plain INSERT writes it, then meets 1981,
    // and its savepoint takes 1980 back before INSERT ... ON CONFLICT writes both new years.
    const first = write('around-1.csv', `${HEADER}\n${row(1981, 'export', '3.5')}\n`);
    expect(await importTidyCsv(sql, first)).toMatchObject({ inserted: 1, unchanged: 0 });
    const second = write(
      'around-2.csv',
      `${HEADER}\n${row(1982, 'export', '4.5')}\n${row(1981, 'export', '3.5')}\n${row(1980, 'export', '2.5')}\n`,
    );
    const summary = await importTidyCsv(sql, second);
    expect(summary).toMatchObject({ inserted: 2, updated: 0, unchanged: 1 });
    const rows = await sql<{ year: number; value: string; batch: number }[]>`
      SELECT year, value::text, import_batch_id AS batch FROM observation
      WHERE reporter_code = 'ATA' AND indicator_code = 'export' AND year BETWEEN 1980 AND 1982 ORDER BY year`;
    expect(rows.map((r) => [r.year, r.value, r.batch === summary.batchId])).toEqual([
      [1980, '2.5', true],
      [1981, '3.5', false],
      [1982, '4.5', true],
    ]);
  });

  it('keeps every digit of the published value', async () => {
    const file = write('digits.csv', `${HEADER}\n${row(1991, 'export', '5351587.74833999')}\n`);
    await importTidyCsv(sql, file);
    const [obs] = await sql<
      { value: string }[]
    >`SELECT value::text FROM observation WHERE reporter_code = 'ATA' AND year = 1991`;
    expect(obs?.value).toBe('5351587.74833999');
  });

  it('writes nothing on a dry run', async () => {
    const before = await databaseFingerprint(sql);
    const file = write('dry.csv', `${HEADER}\n${row(1992, 'export', '9')}\n`);
    expect(await importTidyCsv(sql, file, { dryRun: true })).toMatchObject({ inserted: 1, dryRun: true });
    expect(await databaseFingerprint(sql)).toBe(before);
  });

  it('refuses the whole file for one bad row, and writes the good rows with skipInvalid', async () => {
    const content = `${HEADER}\n${row(1993, 'export', '1')}\n${row(1993, 'import', 'n/a')}\n`;
    await expectRefused(write('bad-number.csv', content), { line: 3, column: 'value' });
    const result = await importTidyCsv(sql, write('skip.csv', content), { skipInvalid: true });
    expect(result).toMatchObject({ inserted: 1, rejected: 1 });
    expect(result.problems[0]).toMatchObject({ line: 3, column: 'value', found: 'n/a' });
  });

  it.each([
    ['empty file', '', { line: 1, column: '(file)' }],
    ['header only', `${HEADER}\n`, { line: 2, column: '(file)' }],
    [
      'wrong delimiter',
      `${HEADER.replaceAll(',', ';')}\n${row(1994, 'export', '1').replaceAll(',', ';')}\n`,
      { line: 1, column: '(header)' },
    ],
    [
      'truncated row',
      `${HEADER}\n${row(1994, 'export', '1')}\nimf_dots_2022_via_SamLeBlanc,Kazakhstan,KAZ\n`,
      { line: 3, column: '(row)' },
    ],
    ['unclosed quote', `${HEADER}\n${row(1994, 'export', '1')}\n"${row(1994, 'import', '1')}\n`, { column: '(file)' }],
    [
      'unknown partner',
      `${HEADER}\n${row(1994, 'export', '1').replace(',KAZ,', ',ZZZ,')}\n`,
      { line: 2, column: 'partner_code' },
    ],
    ['unknown indicator', `${HEADER}\n${row(1994, 'exports', '1')}\n`, { line: 2, column: 'flow' }],
    [
      'duplicate keys',
      `${HEADER}\n${row(1994, 'export', '1')}\n${row(1994, 'export', '2')}\n`,
      { line: 3, column: '(row)' },
    ],
  ])('refuses %s with its line and leaves the database unchanged', async (_name, content, expected) => {
    await expectRefused(write(`${_name.replace(/\W/g, '-')}.csv`, content), expected);
  });

  it('refuses a file that is not UTF-8', async () => {
    const latin1 = Buffer.from(`${HEADER}\n${row(1995, 'export', '1').replace('test row', 'Côte')}\n`, 'latin1');
    await expectRefused(write('latin1.csv', latin1), { column: '(file)' });
  });

  it('refuses a large file of garbage quickly and without writing', async () => {
    const garbage = Buffer.from(Uint8Array.from({ length: 5_000_000 }, (_, i) => (i * 7919) % 251));
    await expectRefused(write('garbage.bin', garbage), { column: '(file)' });
  });
});

describe('files of more than one chunk', () => {
  // 60,000 rows: two chunks of the write path (50,000 + 10,000), so that a re-import switches to
  // comparing first after the first chunk found every key stored.
  const ROWS = 60_000;
  const big = (name: string, value: (i: number) => string, extra = 0) => {
    const lines = [`${HEADER},series_key`];
    for (let i = 0; i < ROWS + extra; i += 1)
      lines.push(`${row(1900 + (i % 200), 'export', value(i))},chunk_${Math.floor(i / 200)}`);
    return write(name, `${lines.join('\n')}\n`);
  };
  const revisions = async () => {
    const [r] = await sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM observation_revision v JOIN observation o ON o.id = v.observation_id
      WHERE o.reporter_code = 'ATA' AND o.series_key LIKE 'chunk_%'`;
    return r?.n ?? 0;
  };

  it('inserts, finds the same file unchanged, then updates changed rows and inserts new ones in any chunk', async () => {
    expect(
      await importTidyCsv(
        sql,
        big('big-1.csv', (i) => `${i}.5`),
      ),
    ).toMatchObject({ inserted: ROWS, updated: 0, unchanged: 0 });
    const before = await databaseFingerprint(sql);
    expect(
      await importTidyCsv(
        sql,
        big('big-1.csv', (i) => `${i}.5`),
      ),
    ).toMatchObject({ inserted: 0, updated: 0, unchanged: ROWS });
    expect(await databaseFingerprint(sql)).toBe(before);
    // Every 1,000th value changes (in both chunks), and 10 rows are new at the end of the second.
    const changed = (i: number) => (i % 1000 === 0 ? `${i}.75` : `${i}.5`);
    expect(await importTidyCsv(sql, big('big-2.csv', changed, 10))).toMatchObject({
      inserted: 10,
      updated: 60,
      unchanged: ROWS - 60,
      revised: 60,
    });
    expect(await revisions()).toBe(60);
    const [stored] = await sql<{ value: string }[]>`
      SELECT value::text FROM observation WHERE reporter_code = 'ATA' AND series_key = 'chunk_275' AND year = 1900`;
    expect(stored?.value).toBe('55000.75');
  }, 120_000);
});
