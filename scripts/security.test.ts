// Static guarantees about the code, checked on every `npm test`:
// - raw SQL goes through parameterised tagged templates; the few places that splice text into SQL
//   (postgres.js `unsafe`, Prisma.raw) are listed below with what they splice, and any new one
//   fails this test until it is reviewed and listed;
// - sort keys reach SQL only from allow-lists, whatever the URL says;
// - nothing writes over HTTP: route handlers answer GET only, and there are no server actions.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseObservationQuery } from '@/lib/validations/observations';
import { OBSERVATION_SORT_KEYS } from '@/lib/validations/observation-parameters';
import { COMPARE_SORT_KEYS } from '@/lib/search-params/compare';
import { parseCompareSearchParams } from '@/lib/search-params/compare-parse';
import { parseDataSearchParams } from '@/lib/search-params/data-parse';
import { PARTNER_SORT_KEYS } from '@/lib/search-params/overview';
import { parseOverviewSearchParams } from '@/lib/search-params/overview-parse';
import { PARTNER_LIST_SORT_KEYS } from '@/lib/search-params/partner-list';
import { parsePartnerListSearchParams } from '@/lib/search-params/partner-list-parse';

const ROOT = path.resolve(import.meta.dirname, '..');
const SKIP = new Set(['node_modules', '.next', '.data', 'generated', 'test-results', '.git']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    if (SKIP.has(entry)) return [];
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js|mjs)$/.test(entry) ? [full] : [];
  });
}

const FILES = ['app', 'components', 'lib', 'prisma', 'scripts', 'e2e']
  .flatMap((d) => sourceFiles(path.join(ROOT, d)))
  .concat(['proxy.ts', 'next.config.js'].map((f) => path.join(ROOT, f)))
  // This file quotes the reviewed calls; it runs none of them.
  .filter((f) => f !== import.meta.filename);
const rel = (file: string) => path.relative(ROOT, file);
/** Code the server runs for HTTP requests (scripts and tests are commands run by hand). */
const SERVED = /^(app|components|lib)\/|^proxy\.ts$/;

/** The call starting at `start` (at its opening parenthesis), through its balanced closing one. */
function callText(text: string, start: number): string {
  let depth = 0;
  for (let i = start; i < text.length; i += 1) {
    if (text[i] === '(') depth += 1;
    if (text[i] === ')' && --depth === 0) return text.slice(start, i + 1);
  }
  return text.slice(start);
}

/** Calls that send text to the database as SQL, unparameterised. */
const SPLICE = /(\.unsafe|\$queryRawUnsafe|\$executeRawUnsafe|Prisma\.raw)\s*(?:<[^>(]*>)?\s*(?=\()/g;

/**
 * Every reviewed splice: the file, the exact call, and why the spliced text cannot come from a user.
 */
const ALLOWED_SPLICES: { file: string; call: string; why: string }[] = [
  {
    file: 'lib/import/write-observations.ts',
    call: "tx.unsafe(STAGE_COLUMNS.join(','))",
    why: 'a constant list of column names',
  },
  {
    file: 'lib/queries/observations.ts',
    call: "sql.unsafe(`ORDER BY ${orderKeys(sort).map((k) => `${k.expr} ${k.direction}`).join(', ')}`)",
    why: 'orderKeys: values of the ORDER_BY map, looked up by sort ids the zod schema took from OBSERVATION_SORT_KEYS, and NATURAL_ORDER, a constant; constant directions',
  },
  {
    file: 'lib/queries/observations.ts',
    call: 'sql.unsafe(keyColumns)',
    why: "orderKeys' expressions (as above) with constant aliases order_<n>",
  },
  {
    file: 'lib/queries/observations.ts',
    call: "sql.unsafe(`ORDER BY ${keys.map((k, n) => `x.order_${n} ${k.direction}`).join(', ')}`)",
    why: "the aliases order_<n> and orderKeys' constant directions",
  },
  {
    file: 'lib/queries/observations.ts',
    call: 'sql.unsafe(PARTNER_REPORTED)',
    why: 'a constant condition',
  },
  {
    file: 'lib/queries/partner-list.ts',
    call: "sql.unsafe([...params.sort.map((s) => `${ORDER_BY[s.id]} ${s.desc ? 'DESC' : 'ASC'} NULLS LAST`), 'b.name_place ASC', 'b.code ASC',].join(', '),)",
    why: 'values of the ORDER_BY map, looked up by sort ids the parser took from PARTNER_LIST_SORT_KEYS',
  },
  {
    file: 'lib/queries/mirror.ts',
    call: "sql.unsafe([...input.sort.map((s) => `${ORDER_BY[s.id]} ${s.desc ? 'DESC' : 'ASC'} NULLS LAST`), 'ln.place', 'g.year DESC',].join(', '),)",
    why: 'values of the ORDER_BY map, looked up by sort ids the parser took from MIRROR_SORT_KEYS, and constants',
  },
  {
    file: 'lib/queries/overview.ts',
    call: "sql.unsafe(`${PARTNER_ORDER_BY[input.sort]} ${input.dir === 'asc' ? 'ASC' : 'DESC'} NULLS LAST`)",
    why: 'a value of the PARTNER_ORDER_BY map, looked up by a sort key the zod schema took from PARTNER_SORT_KEYS, and a constant direction',
  },
  {
    file: 'lib/export/observations-csv.ts',
    call: 'download.db.unsafe(csvCopyStatement(select))',
    why: "the CSV export's COPY: the data screen's own query text (constants, allow-listed ORDER BY, column aliases from OBSERVATION_EXPORT_COLUMNS as quoted identifiers) with each bound value written by inlineParameters as an escapeLiteral-quoted literal cast to the type PostgreSQL described (COPY takes no parameters; property-tested in lib/export/observations-csv.int.test.ts)",
  },
  {
    file: 'lib/export/observations-csv.ts',
    call: "db.unsafe<{ 'QUERY PLAN': [{ Plan: PlanNode }] }[]>(`EXPLAIN (FORMAT JSON) ${select}`)",
    why: "the CSV export's own SELECT (observationsCsvSelect), the same text its COPY runs",
  },
  {
    file: 'lib/export/observations-csv.int.test.ts',
    call: 'appSql.unsafe<{ text: string; list: string[]; n: number; same: boolean }[]>(inlined)',
    why: 'the test of inlineParameters: runs its output to compare with the bound values',
  },
  {
    file: 'lib/queries/observations.ts',
    call: 'sql.unsafe(NATURAL_ORDER)',
    why: 'a constant ORDER BY list (the partner profile export)',
  },
  // Benchmark scripts (never served): table names are constants, columns come from a constant
  // list, file paths from mkdtemp, constraint definitions from pg_get_constraintdef on the same
  // throwaway database, and the COPY statement is the export's own (observationsCsvCopyStatement).
  {
    file: 'scripts/bench.ts',
    call: "c.unsafe(\n      `COPY (SELECT ${columns} FROM observation WHERE id > ${Number(before?.id ?? 0)} ORDER BY id) TO '${dump}'`,\n    )",
    why: 'a constant column list, a number and a mkdtemp path',
  },
  {
    file: 'scripts/bench.ts',
    call: "c.unsafe(`COPY ${twin} (${columns}) FROM '${dump}'`)",
    why: 'a constant table name (TWIN or INDEXED_TWIN) and column list, and a mkdtemp path',
  },
  {
    file: 'scripts/bench.ts',
    call: "c.unsafe(`COPY (SELECT 1 WHERE false) TO '${dump}'`)",
    why: 'a mkdtemp path',
  },
  {
    file: 'scripts/bench.ts',
    call: "c.unsafe(`COPY bare_copy FROM '${segment.file.replace(/'/g, \"''\")}' WITH (FORMAT csv, HEADER true)`)",
    why: 'a temporary table of its own and a mkdtemp path (quotes doubled)',
  },
  {
    file: 'scripts/lib/download-probe-child.ts',
    call: 'db.unsafe(csvCopyStatement(select))',
    why: "the bench's export SELECTs: the export's own (observationsCsvSelect) for fixed benchmark parameters, and SELECT o.* with a constant source id and reporter codes the benchmark's own reference query returned (partner codes, [A-Z]{3})",
  },
  {
    file: 'scripts/bench.ts',
    call: 'c.unsafe<ExplainRow[]>(`EXPLAIN (ANALYZE, BUFFERS, TIMING false, FORMAT JSON) ${select}`)',
    why: "the export's own SELECT (observationsCsvSelect) and bareSelect above",
  },
  {
    file: 'scripts/bench-export.ts',
    call: 'sql.unsafe(statement)',
    why: "the CSV export's own COPY statement (observationsCsvCopyStatement) for fixed benchmark parameters",
  },
  {
    file: 'scripts/lib/copy-baseline.ts',
    call: 'sql.unsafe(fk.def)',
    why: 'a constraint definition read from pg_catalog of the same database',
  },
  {
    file: 'scripts/lib/copy-baseline.ts',
    call: 'sql.unsafe(`COPY ${TWIN} (${columns}) FROM STDIN`)',
    why: 'a constant table name and column list',
  },
  {
    file: 'scripts/lib/database-roles.int.test.ts',
    call: 'tx.unsafe(statement)',
    why: "the test's own constant statements, run as the reader to see them refused",
  },
];

describe('raw SQL', () => {
  const found = FILES.flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return [...text.matchAll(SPLICE)].map((m) => {
      const open = text.indexOf('(', (m.index ?? 0) + m[0].length - 1);
      const receiver = text.slice(0, m.index).match(/[\w$.]*$/)?.[0] ?? '';
      return {
        file: rel(file),
        call: `${m[1]?.startsWith('.') ? receiver : ''}${text.slice(m.index, open)}${callText(text, open)}`,
      };
    });
  });

  // Compared without white space and trailing commas, so that the formatter's line breaks do not matter.
  const bare = (call: string) => call.replace(/\s+/g, '').replace(/,([)\]])/g, '$1');
  const same = (a: { file: string; call: string }, b: { file: string; call: string }) =>
    a.file === b.file && bare(a.call) === bare(b.call);

  it('splices text into SQL only where listed and reviewed', () => {
    const unknown = found.filter((f) => !ALLOWED_SPLICES.some((a) => same(a, f)));
    expect(unknown).toEqual([]);
  });

  it('finds every listed splice (the list is not stale)', () => {
    const missing = ALLOWED_SPLICES.filter((a) => !found.some((f) => same(a, f)));
    expect(missing).toEqual([]);
  });

  it('never builds SQL for node-postgres from template literals in served code', () => {
    const offenders = FILES.filter((f) => SERVED.test(rel(f))).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return [...text.matchAll(/\.query\(\s*`[^`]*\$\{/g)].map((m) => `${rel(file)}: ${m[0]}`);
    });
    expect(offenders).toEqual([]);
  });
});

describe('sort keys from allow-lists', () => {
  const hostile = fc.oneof(
    fc.string(),
    fc.constantFrom(
      'year; DROP TABLE observation',
      'o.id',
      '1',
      'value:asc,(SELECT 1)',
      'name desc',
      'turnover--',
      '"x"',
      'year:desc:1',
    ),
    fc
      .array(
        fc.oneof(
          fc.constantFrom(
            ...OBSERVATION_SORT_KEYS,
            ...PARTNER_LIST_SORT_KEYS,
            ...PARTNER_SORT_KEYS,
            ...COMPARE_SORT_KEYS,
          ),
          fc.string({ maxLength: 12 }),
        ),
        { maxLength: 5 },
      )
      .chain((keys) =>
        fc.constantFrom(':asc', ':desc', '', ':x').map((dir) => keys.map((k) => `${k}${dir}`).join(',')),
      ),
  );

  it('data screen and API: every parsed sort id is an observation sort key', () => {
    fc.assert(
      fc.property(hostile, (sort) => {
        const { state } = parseDataSearchParams({ sort });
        for (const s of state.query.sort ?? []) expect(OBSERVATION_SORT_KEYS).toContain(s.id);
        const api = parseObservationQuery(new URLSearchParams({ sort }));
        for (const s of (api.ok && api.query.sort) || []) expect(OBSERVATION_SORT_KEYS).toContain(s.id);
      }),
      { numRuns: 500 },
    );
  });

  it('partner list: every parsed sort id is a partner list sort key', () => {
    fc.assert(
      fc.property(hostile, (sort) => {
        const { params } = parsePartnerListSearchParams({ sort }, { availableYears: [2020, 2021] });
        for (const s of params.sort) expect(PARTNER_LIST_SORT_KEYS).toContain(s.id);
      }),
      { numRuns: 500 },
    );
  });

  // The old grammar (sort=x&dir=y) is still read on these two screens, so `dir` is fuzzed too.
  it('overview: the parsed sort id is allow-listed', () => {
    fc.assert(
      fc.property(hostile, hostile, (sort, dir) => {
        const { params } = parseOverviewSearchParams({ sort, dir });
        expect(PARTNER_SORT_KEYS).toContain(params.sort.id);
        expect(typeof params.sort.desc).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });

  it('compare: the parsed sort id is allow-listed', () => {
    const options = { partnerCodes: new Set(['CHN']), minYear: 1992, maxYear: 2025 };
    fc.assert(
      fc.property(hostile, hostile, (sort, dir) => {
        const { params } = parseCompareSearchParams({ sort, dir }, options);
        expect(COMPARE_SORT_KEYS).toContain(params.sort.id);
        expect(typeof params.sort.desc).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
});

describe('text that PostgreSQL would refuse never reaches it', () => {
  it('a search with a NUL or another control character is refused by the parsers', () => {
    for (const q of ['a\u0000b', '\u0000', 'x\u001b[0m']) {
      expect(parseDataSearchParams({ q }).state.query.q, JSON.stringify(q)).toBeUndefined();
      expect(parseObservationQuery(new URLSearchParams({ q })).ok, JSON.stringify(q)).toBe(false);
      expect(
        parsePartnerListSearchParams({ q }, { availableYears: [2020] }).params.q,
        JSON.stringify(q),
      ).toBeUndefined();
    }
    expect(parseDataSearchParams({ q: 'Germany' }).state.query.q).toBe('Germany');
  });
});

describe('no writes over HTTP', () => {
  const appFiles = FILES.filter((f) => rel(f).startsWith('app/'));

  it('route handlers export GET only (Next.js answers 405 to other methods; proxy.ts refuses them first)', () => {
    const handlers = appFiles.filter((f) => /\/route\.(ts|js)$/.test(f));
    expect(handlers.length).toBeGreaterThan(0);
    for (const file of handlers) {
      const methods = [
        ...readFileSync(file, 'utf8').matchAll(
          /export\s+(?:async\s+)?(?:function|const)\s+(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b/g,
        ),
      ].map((m) => m[1]);
      expect(methods, rel(file)).toEqual(['GET']);
    }
  });

  it('has no server actions', () => {
    const served = FILES.filter((f) => SERVED.test(rel(f)));
    const actions = served.filter((f) => /^\s*['"]use server['"]/m.test(readFileSync(f, 'utf8'))).map(rel);
    expect(actions).toEqual([]);
  });
});
