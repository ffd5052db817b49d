// Observations with their provenance: the one query module behind the data screen (/data), the API
// and the exports. Filtering, sorting and paging run in PostgreSQL; exports read the same SELECT
// through a postgres.js cursor on their own connection (or as COPY: lib/export/observations-csv.ts),
// so that millions of rows keep the server's memory flat.
import 'server-only';
import { cachedQuery } from '@/lib/cache';
import type postgres from 'postgres';
import { EU27_CODE, EU_CODE, IMF_DOTS_SOURCE_ID, REPORTER_KAZ } from '@/lib/constants';
import { withEuAliases } from '@/lib/partner-codes';
import { MEMBERSHIP_GROUP_CODES, type MembershipGroupCode } from '@/lib/membership-groups';
import { budgetedSql, sql } from '@/lib/sql';
import { type ObservationQuery } from '@/lib/validations/observations';
import {
  DEFAULT_PAGE_SIZE,
  type ObservationSort,
  type ObservationSortKey,
} from '@/lib/validations/observation-parameters';
import type { Locale } from '@/lib/i18n/locales';
import { countObservationRevisions } from './observation-revisions';
import { partnerNames, type PartnerNames } from './partner-names';
import { runQuery } from './run-query';

/** One observation as the data screen shows it and the API and exports write it: the tidy layout plus provenance. */
export interface ObservationRecord {
  /** Database id, only to key table rows; never exported (it differs between databases). */
  id: string;
  source_id: string;
  reporter: string;
  reporter_code: string;
  partner: string;
  partner_code: string;
  year: number | null;
  period: string;
  flow: string;
  /** Exact decimal text as published (PostgreSQL numeric), never a float. */
  value: string;
  unit: string;
  /** Power of ten: 0, 3, 6 or 9. */
  scale: number;
  flag: string;
  note: string | null;
  qualifier: string;
  derivation: string;
  derivation_note: string | null;
  stated_growth_pct: string | null;
  locator: string | null;
  series_key: string;
  period_kind: string;
  period_start: string | null;
  period_end: string | null;
  vintage: string | null;
  indicator_label: string;
  source_title: string;
  source_publisher: string;
  source_url: string | null;
  source_kind: string;
  is_estimate: boolean;
  /** The partner's own statistics (mirror data), not Kazakhstan's. */
  partner_reported: boolean;
  /** The official series (official_series) uses this row for its partner, flow and year. */
  is_official: boolean;
  /**
   * The value in one unit for every money row: USD million, converted from euros at the ECB annual
   * average of the row's year (then `usd_converted`); null for counts and years without a rate.
   */
  usd_mn: number | null;
  usd_converted: boolean;
  /** Values newer vintages replaced (observation_revision); set on the data screen's pages only, when any. */
  revision_count?: number;
}

export type Fragment = postgres.PendingQuery<postgres.Row[]>;

/**
 * Whose statistics: mirror rows (another reporter's trade with Kazakhstan) and figures a source
 * attributes to the partner's statistics. XXX marks rows whose source does not say.
 */
const PARTNER_REPORTED = `(o.reporter_code NOT IN ('KAZ', 'XXX') OR o.flag LIKE 'partner_statistics%')`;

/** Allow-listed ORDER BY expressions: the URL's sort key is only ever a key of this map. */
const ORDER_BY: Record<ObservationSortKey, readonly string[]> = {
  // Names in the language's alphabetical order (lib/i18n/collation.ts), joined by fromClause.
  reporter: ['rn.place', 'o.reporter_code'],
  partner: ['pn.place', 'o.partner_code'],
  flow: ['i.label', 'o.indicator_code'],
  year: ['o.year'],
  // Periods as text ("FY", "2019-01", "H1") do not order; their dates do.
  period: ['o.period_start', 'o.period_end', 'o.period'],
  // Compared in units, not as published: 3.1 billion is more than 900 million. In float8, which
  // sorts a million rows twice as fast as numeric; values closer than 15 significant digits fall
  // back to the natural key, so the order stays total and the same on screen and in files.
  value: ['(o.value::float8 * power(10::float8, o.scale))'],
  unit: ['o.unit', 'o.scale'],
  qualifier: ['o.qualifier'],
  source: ['s.title', 'o.source_id'],
};

/**
 * The natural key, which is unique: appended after the chosen keys, it makes the order total, so
 * the screen, every page and every export list the same rows in the same order. It is also the
 * default order, read straight from the unique index.
 */
const NATURAL_ORDER = 'o.source_id, o.reporter_code, o.partner_code, o.indicator_code, o.period_key, o.series_key';

/** The ORDER BY keys of a sort, the natural key last, each with its direction. */
function orderKeys(sort: readonly ObservationSort[] | undefined): { expr: string; direction: string }[] {
  return [
    ...(sort ?? []).flatMap((s) =>
      ORDER_BY[s.id].map((expr) => ({ expr, direction: `${s.desc ? 'DESC' : 'ASC'} NULLS LAST` })),
    ),
    ...NATURAL_ORDER.split(', ').map((expr) => ({ expr, direction: 'ASC' })),
  ];
}

function orderByClause(sort: readonly ObservationSort[] | undefined): Fragment {
  return sql.unsafe(
    `ORDER BY ${orderKeys(sort)
      .map((k) => `${k.expr} ${k.direction}`)
      .join(', ')}`,
  );
}

/** `%`, `_` and `\` are wildcards to ILIKE; a search for "50%" means the text "50%". */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Only allow-listed group codes reach SQL, but the type narrows them anyway. */
const groupCodes = (groups: readonly MembershipGroupCode[]) =>
  groups.filter((g) => (MEMBERSHIP_GROUP_CODES as readonly string[]).includes(g));

function whereClause(q: ObservationQuery, names: PartnerNames): Fragment {
  const conditions: Fragment[] = [];
  if (q.reporter) conditions.push(sql`o.reporter_code = ANY(${q.reporter})`);
  // partner=AGG_EU is the EU over all years, whichever code its source writes (lib/partner-codes.ts).
  if (q.partner) conditions.push(sql`o.partner_code = ANY(${withEuAliases(q.partner)})`);
  if (q.flow) conditions.push(sql`o.indicator_code = ANY(${q.flow})`);
  if (q.source) conditions.push(sql`o.source_id = ANY(${q.source})`);
  if (q.kind) conditions.push(sql`s.kind::text = ANY(${q.kind})`);
  if (q.from !== undefined) conditions.push(sql`o.year >= ${q.from}`);
  if (q.to !== undefined) conditions.push(sql`o.year <= ${q.to}`);
  if (q.group) {
    // Members whose membership covers the whole calendar year of the row (lib/membership-groups.ts).
    conditions.push(sql`EXISTS (
      SELECT 1 FROM group_membership gm
      WHERE gm.member_code = o.partner_code AND gm.group_code = ANY(${groupCodes(q.group)})
        AND gm.valid_from <= make_date(o.year, 1, 1)
        AND (gm.valid_to IS NULL OR gm.valid_to >= make_date(o.year, 12, 31)))`);
  }
  if (q.flags) {
    const any: Fragment[] = [];
    if (q.flags.includes('official'))
      any.push(sql`EXISTS (SELECT 1 FROM official_series os WHERE os.observation_id = o.id)`);
    if (q.flags.includes('estimate')) any.push(sql`o.is_estimate`);
    if (q.flags.includes('derived')) any.push(sql`o.derivation = 'DERIVED'`);
    if (q.flags.includes('partner')) any.push(sql.unsafe(PARTNER_REPORTED));
    if (any.length > 0) conditions.push(sql`(${any.reduce((acc, c) => sql`${acc} OR ${c}`)})`);
  }
  if (q.q) {
    const pattern = likePattern(q.q);
    const code = q.q.toUpperCase();
    // Names live in the small reference tables: match them there and filter the observations by
    // code (index-backed), rather than joining and matching every row's names. Period and note
    // are per row; on millions of rows they are the slow part (a trigram index would help).
    // English names from the table, Russian and Kazakh ones from partnerNames.
    const named = sql`
      SELECT code FROM partner WHERE name ILIKE ${pattern} OR code = ${code}
      UNION ALL
      SELECT n.code FROM unnest(${names.codes}::text[], ${names.ru}::text[], ${names.kk}::text[]) AS n(code, ru, kk)
      WHERE n.ru ILIKE ${pattern} OR n.kk ILIKE ${pattern}`;
    conditions.push(sql`(
      o.partner_code IN (${named})
      OR o.reporter_code IN (${named})
      OR o.indicator_code IN (SELECT code FROM indicator WHERE label ILIKE ${pattern} OR code = ${q.q.toLowerCase()})
      OR o.source_id IN (SELECT id FROM source WHERE title ILIKE ${pattern} OR id ILIKE ${pattern})
      OR o.period ILIKE ${pattern} OR o.note ILIKE ${pattern})`);
  }
  if (conditions.length === 0) return sql``;
  return sql`WHERE ${conditions.reduce((acc, c) => sql`${acc} AND ${c}`)}`;
}

const FROM = sql`
  FROM observation o
  JOIN partner r ON r.code = o.reporter_code
  JOIN partner p ON p.code = o.partner_code
  JOIN indicator i ON i.code = o.indicator_code
  JOIN source s ON s.id = o.source_id`;

const sortsBy = (q: ObservationQuery, id: ObservationSortKey) => q.sort?.some((s) => s.id === id) ?? false;

/** The names' alphabetical places (`pn`, `rn`), joined only when the sort reads them. */
function placesJoins(q: ObservationQuery, names: PartnerNames): Fragment {
  const places = (alias: string, column: string) =>
    sql`LEFT JOIN unnest(${names.codes}::text[], ${names.places}::int[]) AS ${sql(alias)}(code, place)
        ON ${sql(alias)}.code = o.${sql(column)}`;
  return sql`
    ${sortsBy(q, 'partner') ? places('pn', 'partner_code') : sql``}
    ${sortsBy(q, 'reporter') ? places('rn', 'reporter_code') : sql``}`;
}

/** FROM, with the names' alphabetical places joined only when the sort reads them. */
function fromClause(q: ObservationQuery, names: PartnerNames): Fragment {
  return sql`${FROM} ${placesJoins(q, names)}`;
}

/**
 * FROM of a page's keys (pageSelect) and of the CSV export's values: only the tables a filter or a
 * sort key reads. Every row has exactly one reporter, partner, indicator and source (foreign keys,
 * not null), so leaving a join out drops no row.
 */
export function keysFromClause(q: ObservationQuery, names: PartnerNames): Fragment {
  return sql`FROM observation o
    ${q.kind || sortsBy(q, 'source') ? sql`JOIN source s ON s.id = o.source_id` : sql``}
    ${sortsBy(q, 'flow') ? sql`JOIN indicator i ON i.code = o.indicator_code` : sql``}
    ${placesJoins(q, names)}`;
}

/**
 * The count needs a joined table only when a filter reads it (the source kind): every
 * observation has exactly one of each (foreign keys, not null), so without those filters counting
 * the observation table alone gives the same number, much faster on millions of rows.
 */
function countFrom(q: ObservationQuery): Fragment {
  if (q.kind) return sql`FROM observation o JOIN source s ON s.id = o.source_id`;
  return sql`FROM observation o`;
}

/**
 * Whether the official series uses the row. For a page, one index probe per row shown: as EXISTS,
 * PostgreSQL hashed the whole official series first, planning for the rows before the LIMIT, and
 * that was most of the data screen's statement. For a download of every row the hash is right.
 */
const isOfficialColumn = (paged: boolean) =>
  paged
    ? sql`(SELECT true FROM official_series os WHERE os.observation_id = o.id LIMIT 1) IS NOT NULL`
    : sql`EXISTS (SELECT 1 FROM official_series os WHERE os.observation_id = o.id)`;

/** The columns of an ObservationRecord; FROM must be in scope. */
const observationColumns = (paged: boolean) => sql`
  o.id::text AS id, o.source_id, r.name AS reporter, o.reporter_code, p.name AS partner, o.partner_code, o.year,
  o.period, o.indicator_code AS flow, o.value::text AS value, o.unit, o.scale, o.flag, o.note,
  o.qualifier::text AS qualifier, o.derivation::text AS derivation, o.derivation_note,
  o.stated_growth_pct::text AS stated_growth_pct, o.locator, o.series_key, o.period_kind::text AS period_kind,
  o.period_start::text AS period_start, o.period_end::text AS period_end, o.vintage, i.label AS indicator_label,
  s.title AS source_title, s.publisher AS source_publisher, s.url AS source_url, s.kind::text AS source_kind,
  o.is_estimate, ${sql.unsafe(PARTNER_REPORTED)} AS partner_reported,
  ${isOfficialColumn(paged)} AS is_official,
  CASE WHEN o.unit = 'USD' THEN (o.value * power(10::numeric, o.scale - 6))::float8
       WHEN o.unit = 'EUR' THEN (o.value * power(10::numeric, o.scale - 6) * (
         SELECT er.rate FROM exchange_rate er
         WHERE er.year = o.year AND er.base_currency = 'EUR' AND er.quote_currency = 'USD'))::float8
  END AS usd_mn,
  o.unit = 'EUR' AS usd_converted`;

/**
 * FROM, WHERE, ORDER BY and paging of the data screen's SELECT; orderedObservations wraps it for the
 * CSV export and for a page's keys (pageSelect, which passes a narrower `from`).
 */
function observationsFromWhereOrder(
  q: ObservationQuery,
  names: PartnerNames,
  limit?: { size: number; offset: number },
  from: Fragment = fromClause(q, names),
): Fragment {
  return sql`
    ${from}
    ${whereClause(q, names)}
    ${orderByClause(q.sort)}
    ${limit ? sql`LIMIT ${limit.size} OFFSET ${limit.offset}` : sql``}`;
}

/**
 * The data screen's rows in its order, with `columns` (FROM in scope), as a subquery `x` for a
 * query that computes more from them: `SELECT <expressions over x> ${from} ${orderBy}`. The
 * outer expressions then run once per row, after the sort and over the subquery's columns;
 * PostgreSQL computes a query's select list before its sort otherwise, so the sort would carry
 * them. The sort keys come out as columns `order_<n>`, and the outer ORDER BY on them keeps the
 * order certain at no cost (PostgreSQL sees the subquery is already in that order). `from`
 * replaces the subquery's FROM (by default the data screen's, every name joined).
 */
export function orderedObservations(
  q: ObservationQuery,
  names: PartnerNames,
  columns: Fragment,
  limit?: { size: number; offset: number },
  from?: Fragment,
): { from: Fragment; orderBy: Fragment } {
  const keys = orderKeys(q.sort);
  const keyColumns = keys.map((k, n) => `${k.expr} AS order_${n}`).join(', ');
  return {
    from: sql`FROM (SELECT ${columns}, ${sql.unsafe(keyColumns)} ${observationsFromWhereOrder(q, names, limit, from)}) x`,
    orderBy: sql.unsafe(`ORDER BY ${keys.map((k, n) => `x.order_${n} ${k.direction}`).join(', ')}`),
  };
}

/**
 * One page as a deferred join: the inner query sorts only ids and sort keys, from the tables its
 * filters and keys read, and keeps the page; the page's rows are then read by id, with their
 * names and computed columns, and put back in the same order (the natural key makes it total).
 * Sorting whole rows read every matching row's columns and joins before the LIMIT: 156 ms of the
 * data screen's first render at 10,000,000 rows (docs/performance.md).
 */
function pageSelect(
  q: ObservationQuery,
  names: PartnerNames,
  limit: { size: number; offset: number },
  db: postgres.Sql,
) {
  const page = orderedObservations(q, names, sql`o.id`, limit, keysFromClause(q, names));
  return db<ObservationRecord[]>`
    SELECT ${observationColumns(true)}
    ${page.from}
    JOIN observation o ON o.id = x.id
    JOIN partner r ON r.code = o.reporter_code
    JOIN partner p ON p.code = o.partner_code
    JOIN indicator i ON i.code = o.indicator_code
    JOIN source s ON s.id = o.source_id
    ${page.orderBy}`;
}

/**
 * The data screen's SELECT, unexecuted: pages run it on the budgeted pool, exports on the
 * download's own connection (`db`).
 */
export function selectObservations(
  q: ObservationQuery,
  names: PartnerNames,
  limit: { size: number; offset: number } | undefined,
  db: postgres.Sql,
) {
  if (limit) return pageSelect(q, names, limit, db);
  return db<ObservationRecord[]>`SELECT ${observationColumns(false)} ${observationsFromWhereOrder(q, names)}`;
}

export interface ObservationPage {
  rows: ObservationRecord[];
  /** Rows matching the filters, over all pages. */
  total: number;
  page: number;
  size: number;
  pageCount: number;
  /**
   * PostgreSQL could not compute the page within PAGE_QUERY_BUDGET_MS (a sort or text search over
   * millions of rows): no rows and no total, and the screen says why. Like any page of the
   * dataset version, this outcome is kept by the query cache until the next import.
   */
  overBudget: boolean;
}

/** A statement cancelled by statement_timeout (SQLSTATE 57014, query_canceled). */
export function isOverBudget(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '57014';
}

/** One page of the data screen: the rows and the total, counted with the same filters in PostgreSQL. */
async function getObservationsPageUncached(q: ObservationQuery, locale: Locale = 'en'): Promise<ObservationPage> {
  const size = q.size ?? DEFAULT_PAGE_SIZE;
  const page = q.page ?? 1;
  return runQuery('getObservationsPage', q, async () => {
    const names = await partnerNames(locale);
    let rows: ObservationRecord[];
    let count: { total: string } | undefined;
    try {
      // Both at once, on two connections of the budgeted pool.
      [rows, [count]] = await Promise.all([
        selectObservations(q, names, { size, offset: (page - 1) * size }, budgetedSql),
        budgetedSql<{ total: string }[]>`SELECT count(*)::text AS total ${countFrom(q)} ${whereClause(q, names)}`,
      ]);
    } catch (error) {
      if (!isOverBudget(error)) throw error;
      return { rows: [], total: 0, page, size, pageCount: 1, overBudget: true };
    }
    const total = Number(count?.total ?? 0);
    // Only for the page's rows (at most 100 index probes), never in exports.
    const revised = await countObservationRevisions(rows.map((r) => r.id));
    const withRevisions = rows.map((r) => (revised.has(r.id) ? { ...r, revision_count: revised.get(r.id) } : r));
    return {
      rows: withRevisions,
      total,
      page,
      size,
      pageCount: Math.max(1, Math.ceil(total / size)),
      overBudget: false,
    };
  });
}

/**
 * Every row matching the filters, in the data screen's order, in batches: the caller writes each
 * batch before the next is read. Paging parameters, when given (API callers), select one page.
 * `db` is the download's own connection; a download passes `names` read before it took the
 * connection, so that the statement starts at once and a cancel never comes before it.
 */
export async function* streamObservations(
  q: ObservationQuery,
  { db, batchSize = 5000, names }: { db: postgres.Sql; batchSize?: number; names?: PartnerNames },
): AsyncGenerator<ObservationRecord[]> {
  try {
    names ??= await partnerNames('en');
    for await (const rows of selectObservations(q, names, exportLimit(q), db).cursor(batchSize)) yield rows;
  } catch (error) {
    console.error('[queries] streamObservations failed', { q, error });
    throw new Error('Could not load data (observations).');
  }
}

/** Paging parameters, when an API caller gives them, select one page of the export. */
export function exportLimit(q: ObservationQuery): { size: number; offset: number } | undefined {
  if (q.page === undefined && q.size === undefined) return undefined;
  const size = q.size ?? DEFAULT_PAGE_SIZE;
  return { size, offset: ((q.page ?? 1) - 1) * size };
}

/** Whether the export of `q` has more than `rows` rows: one index walk that stops there, not a count. */
export async function exportHasMoreRowsThan(
  q: ObservationQuery,
  names: PartnerNames,
  rows: number,
  db: postgres.Sql = sql,
): Promise<boolean> {
  const limit = exportLimit(q);
  if (limit && limit.size <= rows) return false;
  return runQuery('exportHasMoreRowsThan', q, async () => {
    const [row] = await db<{ more: boolean }[]>`
      SELECT EXISTS (SELECT 1 ${countFrom(q)} ${whereClause(q, names)} OFFSET ${rows} LIMIT 1) AS more`;
    return row?.more ?? false;
  });
}

/** Which of the given codes are unknown, so a typo gets a 400 instead of an empty result. */
export async function findUnknownCodes(q: ObservationQuery): Promise<{ parameter: string; codes: string[] }[]> {
  return runQuery('findUnknownCodes', q, async () => {
    const checks: { parameter: string; codes: string[]; known: Promise<{ code: string }[]> }[] = [];
    const partnerCodes = [...(q.reporter ?? []), ...(q.partner ?? [])];
    if (partnerCodes.length) {
      const known = sql<{ code: string }[]>`SELECT code FROM partner WHERE code = ANY(${partnerCodes})`;
      if (q.reporter) checks.push({ parameter: 'reporter', codes: q.reporter, known });
      if (q.partner) checks.push({ parameter: 'partner', codes: q.partner, known });
    }
    if (q.flow)
      checks.push({
        parameter: 'flow',
        codes: q.flow,
        known: sql<{ code: string }[]>`SELECT code FROM indicator WHERE code = ANY(${q.flow})`,
      });
    if (q.source)
      checks.push({
        parameter: 'source',
        codes: q.source,
        known: sql<{ code: string }[]>`SELECT id AS code FROM source WHERE id = ANY(${q.source})`,
      });
    const results = await Promise.all(
      checks.map(async (c) => {
        const known = new Set((await c.known).map((r) => r.code));
        return { parameter: c.parameter, codes: c.codes.filter((code) => !known.has(code)) };
      }),
    );
    return results.filter((r) => r.codes.length > 0);
  });
}

// ---------------------------------------------------------------------------------------------
// Filter options

export interface FacetOption {
  value: string;
  label: string;
}

export interface ObservationFacets {
  reporters: FacetOption[];
  partners: FacetOption[];
  indicators: FacetOption[];
  sources: (FacetOption & { kind: string })[];
  /** First and last year with data, for the year inputs' bounds. */
  minYear: number | null;
  maxYear: number | null;
}

/**
 * The values each filter offers: only codes that occur. Distinct codes are read with a loose index
 * scan (one index probe per distinct value), so the cost follows the number of partners, not of rows.
 */
async function getObservationFacetsUncached(): Promise<ObservationFacets> {
  return runQuery('getObservationFacets', null, async () => {
    const [reporters, partners, indicators, sources, [years]] = await Promise.all([
      sql<FacetOption[]>`
        WITH RECURSIVE codes AS (
          (SELECT reporter_code AS code FROM observation ORDER BY reporter_code LIMIT 1)
          UNION ALL
          SELECT (SELECT o.reporter_code FROM observation o WHERE o.reporter_code > c.code ORDER BY o.reporter_code LIMIT 1)
          FROM codes c WHERE c.code IS NOT NULL
        )
        SELECT p.code AS value, p.name AS label FROM codes c JOIN partner p ON p.code = c.code ORDER BY p.name, p.code`,
      sql<FacetOption[]>`
        WITH RECURSIVE codes AS (
          (SELECT partner_code AS code FROM observation ORDER BY partner_code LIMIT 1)
          UNION ALL
          SELECT (SELECT o.partner_code FROM observation o WHERE o.partner_code > c.code ORDER BY o.partner_code LIMIT 1)
          FROM codes c WHERE c.code IS NOT NULL
        )
        SELECT p.code AS value, p.name AS label FROM codes c JOIN partner p ON p.code = c.code ORDER BY p.name, p.code`,
      sql<FacetOption[]>`
        SELECT i.code AS value, i.label FROM indicator i
        WHERE EXISTS (SELECT 1 FROM observation o WHERE o.indicator_code = i.code)
        ORDER BY i.sort_order, i.label`,
      sql<(FacetOption & { kind: string })[]>`
        SELECT s.id AS value, s.title AS label, s.kind::text AS kind FROM source s
        WHERE EXISTS (SELECT 1 FROM observation o WHERE o.source_id = s.id)
        ORDER BY s.kind, s.title, s.id`,
      // Per indicator through the (indicator_code, year) index: a handful of probes, not a scan.
      sql<{ min_year: number | null; max_year: number | null }[]>`
        SELECT min(y.lo)::int AS min_year, max(y.hi)::int AS max_year
        FROM indicator i
        CROSS JOIN LATERAL (
          SELECT (SELECT min(year) FROM observation o WHERE o.indicator_code = i.code) AS lo,
                 (SELECT max(year) FROM observation o WHERE o.indicator_code = i.code) AS hi
        ) y`,
    ]);
    return {
      reporters: [...reporters],
      partners: [...partners],
      indicators: [...indicators],
      sources: [...sources],
      minYear: years?.min_year ?? null,
      maxYear: years?.max_year ?? null,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// One partner's profile as observations

/**
 * The observations behind a partner profile's trade figures, in the tidy layout: first the rows
 * the official series (official_series) uses for the partner's exports, imports and turnover,
 * then the partner's own reports of the same trade (IMF DOTS mirror rows). Ordered by year and
 * indicator, as the profile's tables. The EU is one series under AGG_EU, as on the page.
 */
export async function* streamPartnerTradeObservations(input: {
  code: string;
  /** The download's own connection. */
  db: postgres.Sql;
  batchSize?: number;
}): AsyncGenerator<ObservationRecord[]> {
  const seriesCode = input.code === EU27_CODE ? EU_CODE : input.code;
  const reporter = REPORTER_KAZ;
  const query = input.db<ObservationRecord[]>`
    SELECT ${observationColumns(false)}
    ${FROM}
    WHERE o.id IN (
            SELECT observation_id FROM official_series
            WHERE reporter_code = ${reporter} AND partner_code = ${seriesCode} AND observation_id IS NOT NULL
          )
       OR (o.source_id = ${IMF_DOTS_SOURCE_ID} AND o.reporter_code = ${seriesCode} AND o.partner_code = ${reporter}
           AND o.period = 'FY' AND o.unit = 'USD' AND o.series_key = '' AND o.indicator_code IN ('export', 'import'))
    ORDER BY (o.reporter_code <> ${reporter}), o.year, o.indicator_code, ${sql.unsafe(NATURAL_ORDER)}`;
  try {
    for await (const rows of query.cursor(input.batchSize ?? 2000)) yield rows;
  } catch (error) {
    console.error('[queries] streamPartnerTradeObservations failed', { input, error });
    throw new Error('Could not load data (partner observations).');
  }
}

// Cached per dataset version (lib/cache.ts): an import invalidates them on every server replica.
export const getObservationsPage = cachedQuery('observations.getObservationsPage', getObservationsPageUncached);
export const getObservationFacets = cachedQuery('observations.getObservationFacets', getObservationFacetsUncached);
