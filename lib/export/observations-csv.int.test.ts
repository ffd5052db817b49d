// The CSV export is written by PostgreSQL (COPY TO STDOUT, copyObservationsCsv). It must give the
// same bytes as the writers over the cursor (csvStream over streamObservations), which the XLSX
// and JSON exports still use and which defined the format: same header, quoting, empty cells,
// formula neutralisation, "unspecified" reporter, scale labels and decimal text.
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { csvHeader, csvStream } from '@/lib/export/csv-writer';
import { OBSERVATION_EXPORT_COLUMNS } from '@/lib/export/observation-export';
import { inlineParameters } from '@/lib/queries/inline-parameters';
import { streamObservations } from '@/lib/queries/observations';
import { sql as appSql } from '@/lib/sql';
import { connectTestDatabase, connectTestObserver } from '@/lib/testing/database';
import { testDownload } from '@/lib/testing/download';
import type { ObservationQuery } from '@/lib/validations/observations';
import { MAX_CONCURRENT_EXPORTS } from './export-limits';
import { exportsRunning } from './export-slots';
import {
  copyObservationsCsv,
  explainPlan,
  observationsCsvSelect,
  planSorts,
  prepareExportSession,
} from './observations-csv';

const sql = connectTestDatabase();
/** Watches the app's connections (pg_stat_activity shows a role only its own statements). */
const observer = connectTestObserver();
const tag = `${process.env.VITEST_POOL_ID ?? '0'}_${process.pid}`;
const SOURCE = `test_csv_${tag}`;
const BIG_SOURCE = `test_csv_big_${tag}`;
const PARTNER = `AGG_TEST_CSV_${tag}`;
const INDICATOR = `test_csv_${tag}`;
const BIG_ROWS = 120_000;

// Text a spreadsheet or a CSV parser can trip over.
const HOSTILE = [
  '=1+1',
  '+7',
  '-3 (not a number)',
  '@SUM(A1)',
  '\tleading tab',
  '\rleading carriage return',
  "'=already neutralised",
  "''+two apostrophes",
  'a "quoted" word',
  'comma, inside',
  'line\nbreak',
  'crlf\r\nbreak',
  'Алматы — Қазақстан, 中文, é',
  '',
  ' ',
  'back\\slash',
  '$1 and $2',
  "O'Brien",
  '-',
  "'",
  '"',
  ',',
  '\n',
  'trailing tab\t',
  '\\.',
  'NULL',
  '50% of it_',
];
const DECIMALS = ['-5.25', '0', '123456789012345.123456', '0.000001', '-0.5', '1000000'];

let seededSources: string[] = [];

async function insertRow(
  i: number,
  text: string | null,
  extra: {
    reporter?: string;
    year?: number | null;
    scale?: number;
    growth?: string | null;
    value?: string;
    periodStart?: string;
  } = {},
) {
  const year = extra.year === undefined ? 1990 + (i % 30) : extra.year;
  const period = year === null ? (text ?? 'cumulative') : i % 7 === 0 ? `${year}-0${1 + (i % 9)}` : 'FY';
  await sql`
    INSERT INTO observation (source_id, reporter_code, partner_code, indicator_code, year, period, period_kind, period_start, period_end,
                             period_key, series_key, value, unit, scale, flag, is_estimate, derivation, derivation_note, stated_growth_pct,
                             note, locator, vintage, qualifier)
    VALUES (${SOURCE}, ${extra.reporter ?? 'KAZ'}, ${i % 2 === 0 ? PARTNER : 'DEU'}, ${i % 3 === 0 ? INDICATOR : 'export'}, ${year}, ${period},
            ${year === null ? 'MULTI_YEAR' : 'YEAR'}, ${extra.periodStart ?? (year === null ? null : `${year}-01-01`)}::text::date, ${year === null ? null : `${year}-12-31`},
            ${`${year ?? ''}|${period}`}, ${`k${i}${text ?? ''}`}, ${extra.value ?? DECIMALS[i % DECIMALS.length] ?? '1'}, 'USD', ${extra.scale ?? [0, 3, 6, 9][i % 4] ?? 0},
            ${i % 5 === 0 ? 'e' : ''}, ${i % 5 === 0}, ${i % 4 === 1 ? 'DERIVED' : 'PUBLISHED'}, ${i % 4 === 1 ? text : null},
            ${extra.growth === undefined ? (i % 3 === 0 ? null : (DECIMALS[(i + 1) % DECIMALS.length] ?? null)) : extra.growth},
            ${text}, ${i % 2 === 0 ? text : null}, ${i % 3 === 1 ? text : null}, ${i % 6 === 0 ? 'ABOUT' : 'EXACT'})`;
}

beforeAll(async () => {
  seededSources = (
    await sql<{ id: string }[]>`SELECT id FROM source WHERE id NOT LIKE 'test%' AND id NOT LIKE 'bench%' ORDER BY id`
  ).map((r) => r.id);
  await sql`INSERT INTO partner (code, name, kind) VALUES (${PARTNER}, ${'=HYPERLINK("http://x", "a, b")\nsecond line'}, 'OTHER')`;
  await sql`INSERT INTO indicator (code, label, unit_kind, category, definition) VALUES (${INDICATOR}, ${'@label\twith a tab'}, 'OTHER', 'OTHER', 'test')`;
  await sql`
    INSERT INTO source (id, kind, title, publisher, url, attribution)
    VALUES (${SOURCE}, 'RESEARCH_DATASET', ${'+title "quoted", with comma'}, ${'-publisher'}, NULL, 'test')`;
  await sql`INSERT INTO source (id, kind, title, publisher, url, attribution) VALUES (${BIG_SOURCE}, 'RESEARCH_DATASET', 'big', 'p', ${''}, 'test')`;
  let i = 0;
  for (const text of HOSTILE) await insertRow(i++, text);
  await insertRow(i++, null);
  await insertRow(i++, null, { reporter: 'XXX' });
  await insertRow(i++, '=unspecified and hostile', { reporter: 'XXX', year: null });
  await insertRow(i++, 'no growth', { growth: null, scale: 9 });
  // The one text of a numeric or a date column that the formula rule changes: a minus before a word.
  await insertRow(i++, 'infinite', { value: '-Infinity', growth: 'Infinity', periodStart: '-infinity' });
  await sql`
    INSERT INTO observation (source_id, reporter_code, partner_code, indicator_code, year, period, period_kind, period_start, period_end,
                             period_key, series_key, value, unit, scale, flag, note)
    SELECT ${BIG_SOURCE}, 'KAZ', 'DEU', 'export', 1990 + n % 30, 'FY', 'YEAR', make_date(1990 + n % 30, 1, 1), make_date(1990 + n % 30, 12, 31),
           (1990 + n % 30) || '|FY', 'big-' || n, n, 'USD', 3, '', 'row ' || n || ', padded to be a few hundred bytes long ' || repeat('x', 150)
    FROM generate_series(1, ${BIG_ROWS}::int) AS n`;
  // As an import does (lib/import/after-import.ts): the plans below follow the table's statistics.
  await sql`ANALYZE observation`;
});

afterAll(async () => {
  await sql`DELETE FROM observation WHERE source_id IN (${SOURCE}, ${BIG_SOURCE})`;
  await sql`DELETE FROM source WHERE id IN (${SOURCE}, ${BIG_SOURCE})`;
  await sql`DELETE FROM partner WHERE code = ${PARTNER}`;
  await sql`DELETE FROM indicator WHERE code = ${INDICATOR}`;
  await sql.end();
  await observer.end();
  await appSql.end();
});

const query = (extra: Partial<ObservationQuery>): ObservationQuery => ({ format: 'csv', ...extra });
const writersCsv = async (q: ObservationQuery) =>
  Buffer.from(
    await new Response(csvStream(streamObservations(q, { db: appSql }), OBSERVATION_EXPORT_COLUMNS)).arrayBuffer(),
  );
/** The CSV as a route handler sends it: on a download's connection, the body watched. */
async function copyBody(q: ObservationQuery, client?: AbortController): Promise<ReadableStream<Uint8Array>> {
  const download = await testDownload(client);
  return download.watch(await copyObservationsCsv(download, q));
}
const copyCsv = async (q: ObservationQuery) => Buffer.from(await new Response(await copyBody(q)).arrayBuffer());

async function expectSameBytes(q: ObservationQuery): Promise<Buffer> {
  const [expected, actual] = await Promise.all([writersCsv(q), copyCsv(q)]);
  // Compared as text first for a readable diff, then byte for byte.
  expect(actual.toString('utf8')).toBe(expected.toString('utf8'));
  expect(actual.equals(expected)).toBe(true);
  return actual;
}

describe('the CSV export written by PostgreSQL', () => {
  it('starts with the header of OBSERVATION_EXPORT_COLUMNS, in order', async () => {
    const csv = (await copyCsv(query({ source: [SOURCE], size: 1 }))).toString('utf8');
    const header = csv.slice(0, csv.indexOf('\n') + 1);
    expect(header).toBe(`${OBSERVATION_EXPORT_COLUMNS.map((c) => c.key).join(',')}\n`);
    expect(header).toBe(csvHeader(OBSERVATION_EXPORT_COLUMNS));
  });

  it('gives the same bytes as the writers for hostile text, NULL and empty strings, in every sort', async () => {
    const csv = await expectSameBytes(query({ source: [SOURCE] }));
    // The cases are really there: neutralised formulas, quoted line breaks, empty and unspecified cells.
    const text = csv.toString('utf8');
    expect(text).toContain(`"'=HYPERLINK(""http://x"", ""a, b"")\nsecond line"`);
    expect(text).toContain("'\tleading tab");
    expect(text).toContain('"\'\rleading carriage return"');
    expect(text).toContain(',unspecified,,');
    expect(text).toContain(',-5.25,');
    expect(text).toContain(',1e9,');
    await expectSameBytes(
      query({
        source: [SOURCE],
        sort: [
          { id: 'value', desc: true },
          { id: 'partner', desc: false },
        ],
      }),
    );
    await expectSameBytes(
      query({
        source: [SOURCE],
        sort: [
          { id: 'year', desc: false },
          { id: 'reporter', desc: true },
          { id: 'flow', desc: false },
        ],
      }),
    );
    await expectSameBytes(
      query({
        source: [SOURCE],
        sort: [
          { id: 'period', desc: true },
          { id: 'qualifier', desc: false },
          { id: 'unit', desc: false },
          { id: 'source', desc: false },
        ],
      }),
    );
  });

  it('gives the same bytes for one page, and for searches with quotes, wildcards and placeholders', async () => {
    const page = await expectSameBytes(query({ source: [SOURCE], page: 2, size: 5 }));
    expect(parse(page)).toHaveLength(1 + 5);
    for (const search of ["O'Brien", '$1 and $2', '50%', 'back\\slash', 'comma, inside', '=1+1']) {
      const csv = await expectSameBytes(query({ source: [SOURCE], q: search }));
      expect(parse(csv).length).toBeGreaterThan(1);
    }
  });

  it('gives the same bytes as the writers over the seeded data, with each kind of filter', async () => {
    const all = await expectSameBytes(query({ source: seededSources }));
    expect(parse(all).length).toBeGreaterThan(1000);
    await expectSameBytes(
      query({
        source: seededSources,
        reporter: ['KAZ'],
        flow: ['export', 'import'],
        from: 2005,
        to: 2020,
        sort: [{ id: 'year', desc: true }],
      }),
    );
    await expectSameBytes(query({ source: seededSources, group: ['AGG_EU'], sort: [{ id: 'value', desc: false }] }));
    await expectSameBytes(
      query({ source: seededSources, partner: ['CHN', 'RUS', 'DEU'], flags: ['estimate', 'partner', 'derived'] }),
    );
    await expectSameBytes(query({ source: seededSources, kind: ['NEWS_ARTICLE', 'OFFICIAL_STATEMENT'], q: 'china' }));
  });

  it('gives the same bytes for any text a source may hold (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => s.replace(/\0/g, '')),
          { minLength: 1, maxLength: 4 },
        ),
        async (texts) => {
          const source = `${SOURCE}_p`;
          await sql`INSERT INTO source (id, kind, title, publisher, attribution) VALUES (${source}, 'RESEARCH_DATASET', ${texts[0] ?? ''}, ${texts.at(-1) ?? ''}, 'test')`;
          try {
            for (const [i, note] of texts.entries()) {
              await sql`
              INSERT INTO observation (source_id, reporter_code, partner_code, indicator_code, year, period, period_kind, period_key, series_key,
                                       value, unit, scale, flag, note, locator)
              VALUES (${source}, 'KAZ', 'DEU', 'export', 2000, 'FY', 'YEAR', '2000|FY', ${`p${i}`}, 1, 'USD', 0, ${[...note].slice(0, 3).join('')}, ${note}, ${`${note}${note}`})`;
            }
            await expectSameBytes(query({ source: [source] }));
          } finally {
            await sql`DELETE FROM observation WHERE source_id = ${source}`;
            await sql`DELETE FROM source WHERE id = ${source}`;
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('prepareExportSession', () => {
  const PARALLEL = 'max_parallel_workers_per_gather';
  /** The setting before and after, and the plan of the export's SELECT under the session's settings. */
  const prepared = async (q: ObservationQuery, noSorts = false) => {
    const db = await appSql.reserve();
    try {
      // Which plan PostgreSQL picks for a few test rows is its own affair: with sorts turned off it
      // can only read the natural key's index in order, so the test sees that branch for certain.
      if (noSorts)
        await db`SELECT set_config('enable_sort', 'off', false), set_config('enable_incremental_sort', 'off', false)`;
      const [before] = await db<{ value: string }[]>`SELECT current_setting(${PARALLEL}) AS value`;
      const select = await observationsCsvSelect(q, db);
      await prepareExportSession(db, q, select);
      const [after] = await db<{ value: string }[]>`SELECT current_setting(${PARALLEL}) AS value`;
      const plan = await explainPlan(db, select);
      await db`RESET ALL`;
      return { before: before?.value, after: after?.value, plan };
    } finally {
      db.release();
    }
  };

  it('allows one parallel worker for the natural order when the plan reads the natural key in order', async () => {
    const { after, plan } = await prepared(query({ source: [BIG_SOURCE] }), true);
    expect(plan && planSorts(plan)).toBe(false);
    expect(after).toBe('1');
  });

  it('turns parallel plans off for the natural order when the plan would sort the rows', async () => {
    // A few rows of one partner: PostgreSQL reads them by the partner's index and sorts them.
    const { after, plan } = await prepared(query({ partner: ['DEU'], flow: ['export'] }));
    expect(after).toBe('0');
    expect(plan && planSorts(plan)).toBe(true);
  });

  it('leaves them as they were when a sort is chosen, which a parallel sort does faster', async () => {
    const { before, after } = await prepared(query({ source: [SOURCE], sort: [{ id: 'value', desc: true }] }));
    expect(after).toBe(before);
  });
});

describe('planSorts', () => {
  it('finds a sort at any depth of the plan', () => {
    const scan = { 'Node Type': 'Index Scan' };
    expect(planSorts({ 'Node Type': 'Nested Loop', Plans: [scan, scan] })).toBe(false);
    expect(planSorts({ 'Node Type': 'Gather Merge', Plans: [{ 'Node Type': 'Sort', Plans: [scan] }] })).toBe(true);
    expect(planSorts({ 'Node Type': 'Limit', Plans: [{ 'Node Type': 'Incremental Sort' }] })).toBe(true);
  });
});

describe('inlineParameters', () => {
  const tricky = fc.oneof(
    fc.constantFrom('$1', '$2 $10', "'; DROP TABLE observation; --", "\\'", "E'\\x41'", '$$', '\\'),
    fc.string({ unit: 'grapheme' }).map((s) => s.replace(/\0/g, '')),
  );
  it('writes any value as a literal that means the same as the bound parameter (property)', async () => {
    await fc.assert(
      fc.asyncProperty(tricky, fc.array(tricky), fc.integer(), async (text, list, n) => {
        const inlined = await inlineParameters(
          appSql`SELECT ${text}::text AS text, ${list}::text[] AS list, ${n}::int AS n, ${text} = ${text} AS same`,
        );
        const [row] = await appSql.unsafe<{ text: string; list: string[]; n: number; same: boolean }[]>(inlined);
        expect(row).toEqual({ text, list, n, same: true });
      }),
      { numRuns: 100 },
    );
  });
});

describe('streaming', () => {
  const big = query({ source: [BIG_SOURCE] });
  const activeCopies = async () =>
    Number(
      (
        await observer<
          { n: string }[]
        >`SELECT count(*)::text AS n FROM pg_stat_activity WHERE query LIKE 'COPY (%' AND state = 'active' AND pid <> pg_backend_pid()`
      )[0]?.n,
    );
  const countLines = (chunk: Uint8Array) => {
    let lines = 0;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines += 1;
    return lines;
  };

  it('streams every row of a large result', async () => {
    let bytes = 0;
    let lines = 0;
    for await (const chunk of await copyBody(big)) {
      bytes += chunk.byteLength;
      lines += countLines(chunk);
    }
    expect(lines).toBe(BIG_ROWS + 1);
    expect(bytes).toBeGreaterThan(BIG_ROWS * 150);
    await vi.waitFor(() => expect(exportsRunning()).toBe(0), { timeout: 10_000 });
  });

  it("closes each download's connection after a client slower than PostgreSQL read the whole file", async () => {
    // Slow reads keep postgres.js's buffer full, so the last rows arrive while its socket is paused.
    for (let i = 0; i < 3; i += 1) {
      const reader = (await copyBody(big)).getReader();
      let lines = 0;
      for (;;) {
        await new Promise((resolve) => setImmediate(resolve));
        const next = await reader.read();
        if (next.done) break;
        lines += countLines(next.value);
      }
      expect(lines).toBe(BIG_ROWS + 1);
    }
    // Each download's connection is closed after it, none left behind (a deaf one would still be open).
    await vi.waitFor(() => expect(exportsRunning()).toBe(0), { timeout: 10_000 });
    await vi.waitFor(
      async () => {
        const [left] = await observer<{ n: number }[]>`
          SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'kaz-trade-dashboard-export'`;
        expect(left?.n).toBe(0);
      },
      { timeout: 10_000 },
    );
  }, 180_000);

  it('ends the statement and gives the connection back when the client goes away mid-file, more times than there are connections', async () => {
    for (let i = 0; i < MAX_CONCURRENT_EXPORTS + 2; i += 1) {
      const client = new AbortController();
      const reader = (await copyBody(big, client)).getReader();
      const first = await reader.read();
      expect(first.value?.byteLength).toBeGreaterThan(0);
      // What Next.js does when the client disconnects: the request's signal aborts.
      client.abort();
      await vi.waitFor(() => expect(exportsRunning()).toBe(0), { timeout: 10_000 });
    }
    expect(await activeCopies()).toBe(0);
  }, 180_000);

  it('lets other queries run while copies are being downloaded', async () => {
    // Found under load: postgres.js pipelined the data screen's lookups onto a connection in the middle
    // of a COPY, and they failed with COPY_IN_PROGRESS. Copies now reserve their connection.
    const readers = [];
    for (let i = 0; i < 3; i += 1) {
      const reader = (await copyBody(big)).getReader();
      expect((await reader.read()).value?.byteLength).toBeGreaterThan(0);
      readers.push(reader);
    }
    try {
      const queries = Array.from({ length: 20 }, (_, i) =>
        appSql<{ n: number }[]>`SELECT ${i}::int AS n`.then(([r]) => r?.n),
      );
      expect(await Promise.all(queries)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    } finally {
      for (const reader of readers) await reader.cancel();
    }
    await vi.waitFor(() => expect(exportsRunning()).toBe(0), { timeout: 10_000 });
    expect(await activeCopies()).toBe(0);
  }, 180_000);

  it('ends the body with an error, not a shorter file, when the statement fails mid-stream', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const reader = (await copyBody(big)).getReader();
      let bytes = (await reader.read()).value?.byteLength ?? 0;
      const [cancelled] = await observer<{ ok: boolean }[]>`
        SELECT bool_or(pg_cancel_backend(pid)) AS ok FROM pg_stat_activity WHERE query LIKE 'COPY (%' AND state = 'active' AND pid <> pg_backend_pid()`;
      expect(cancelled?.ok).toBe(true);
      const drain = async () => {
        for (;;) {
          const next = await reader.read();
          if (next.done) return bytes;
          bytes += next.value.byteLength;
        }
      };
      await expect(drain()).rejects.toThrow(/cancel/i);
      expect(error).toHaveBeenCalledWith('[export] copyObservationsCsv failed while streaming', expect.anything());
    } finally {
      error.mockRestore();
    }
    await vi.waitFor(() => expect(exportsRunning()).toBe(0), { timeout: 10_000 });
  });
});
