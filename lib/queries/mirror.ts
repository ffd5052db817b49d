// Where Kazakhstan's statistics and its partners' disagree: the same trade as each side records it,
// for every partner and year, from one database (IMF DOTS, one release) so that the gap is between
// reporters, not between databases. Sorting and paging run in PostgreSQL.
import 'server-only';
import { z } from 'zod';
import { cachedQuery } from '@/lib/cache';
import { EU_CODE, IMF_DOTS_SOURCE_ID, REPORTER_KAZ } from '@/lib/constants';
import type { Locale } from '@/lib/i18n/locales';
import { alphabeticalPlaces } from '@/lib/i18n/collation';
import { withPartnerNames } from '@/lib/i18n/partner-names';
import { MIRROR_FLOWS, type MirrorFlow, type MirrorSortKey } from '@/lib/search-params/mirror';
import { sql } from '@/lib/sql';
import { runQuery } from './run-query';

/** Allow-listed ORDER BY expressions: a sort key from the URL is only ever a key of this map. */
const ORDER_BY: Record<MirrorSortKey, string> = {
  // The name's place in the page's language's alphabet (ln, from partnerNames; lib/i18n/collation.ts).
  partner: 'ln.place',
  year: 'g.year',
  kaz: 'g.kaz',
  partner_value: 'g.partner_value',
  // The size of the disagreement, whichever side records more.
  abs_gap: 'abs(g.gap)',
  // How many times one side's figure is the other's, whichever is larger: 4 and 1/4 rank alike.
  ratio: 'greatest(g.kaz / nullif(g.partner_value, 0), g.partner_value / nullif(g.kaz, 0))',
};

export interface MirrorGapRow {
  partnerCode: string;
  partnerName: string;
  year: number;
  flow: MirrorFlow;
  /** Kazakhstan's record of the flow, USD million (its exports FOB, or its imports CIF). */
  kazUsdMn: number;
  /** The partner's record of the same flow (its imports CIF from Kazakhstan, or its exports FOB). */
  partnerUsdMn: number;
  /** kaz − partner, USD million. */
  gapUsdMn: number;
  /** kaz / partner; null when the partner records zero. */
  ratio: number | null;
  hasEstimate: boolean;
}

export interface MirrorGapsInput {
  flow: MirrorFlow;
  /** Omit for every year. */
  year?: number | undefined;
  /** Only pairs where the larger side is at least this large, USD million. */
  minUsdMn: number;
  sort: { id: MirrorSortKey; desc: boolean }[];
  page: number;
  size: number;
  reporter?: string;
  /** Names partners in this language and sorts by those names; English (the table's names) by default. */
  locale?: Locale;
}

export interface MirrorGaps {
  rows: MirrorGapRow[];
  total: number;
  pageCount: number;
  /** First and last year with both sides, for the year picker and the "data end in" notice. */
  firstYear: number | null;
  lastYear: number | null;
  sourceId: string;
}

const rowSchema = z.object({
  partnerCode: z.string(),
  partnerName: z.string(),
  year: z.number().int(),
  flow: z.enum(MIRROR_FLOWS),
  kazUsdMn: z.number(),
  partnerUsdMn: z.number(),
  gapUsdMn: z.number(),
  ratio: z.number().nullable(),
  hasEstimate: z.boolean(),
  total: z.number().int(),
});

const nameSchema = z.object({ code: z.string(), name: z.string(), nameRu: z.string().nullable() });

/** Every partner's name in `locale` and its alphabetical place, as parallel arrays for unnest(). */
async function partnerNames(locale: Locale): Promise<{ codes: string[]; names: string[]; places: number[] }> {
  const partners = withPartnerNames(
    locale,
    z.array(nameSchema).parse(await sql`SELECT code, name, name_ru AS "nameRu" FROM partner ORDER BY code`),
  );
  const codes = partners.map((p) => p.code);
  const names = partners.map((p) => p.name);
  return { codes, names, places: alphabeticalPlaces(locale, names, codes) };
}

async function getMirrorGapsUncached(input: MirrorGapsInput): Promise<MirrorGaps> {
  const reporter = input.reporter ?? REPORTER_KAZ;
  // The partner records the opposite flow: Kazakhstan's exports are the partner's imports.
  const partnerFlow = input.flow === 'export' ? 'import' : 'export';
  const orderBy = sql.unsafe(
    [
      ...input.sort.map((s) => `${ORDER_BY[s.id]} ${s.desc ? 'DESC' : 'ASC'} NULLS LAST`),
      'ln.place',
      'g.year DESC',
    ].join(', '),
  );
  const pairs = () => sql`
    SELECT k.partner_code, k.year,
           (k.value * power(10::numeric, k.scale - 6))::float8 AS kaz,
           (m.value * power(10::numeric, m.scale - 6))::float8 AS partner_value,
           (k.is_estimate OR m.is_estimate) AS has_estimate
    FROM observation k
    JOIN observation m ON m.source_id = k.source_id AND m.reporter_code = k.partner_code AND m.partner_code = k.reporter_code
                      AND m.indicator_code = ${partnerFlow} AND m.year = k.year
                      AND m.period = 'FY' AND m.unit = 'USD' AND m.series_key = ''
    JOIN partner p ON p.code = k.partner_code
    WHERE k.source_id = ${IMF_DOTS_SOURCE_ID} AND k.reporter_code = ${reporter} AND k.indicator_code = ${input.flow}
      AND k.period = 'FY' AND k.unit = 'USD' AND k.series_key = ''
      -- Countries, and the EU (it reports as one); the IMF's regions and the world are not partners that report.
      AND (p.kind IN ('COUNTRY', 'HISTORICAL') OR k.partner_code = ${EU_CODE})`;
  const [rows, [span]] = await runQuery('getMirrorGaps', input, async () => {
    const names = await partnerNames(input.locale ?? 'en');
    return Promise.all([
      sql`
        WITH g AS (
          SELECT *, kaz - partner_value AS gap FROM (${pairs()}) x
          WHERE greatest(kaz, partner_value) >= ${input.minUsdMn}
            AND (${input.year ?? null}::int IS NULL OR year = ${input.year ?? null}::int)
        )
        SELECT g.partner_code AS "partnerCode", ln.name AS "partnerName", g.year, ${input.flow}::text AS flow,
               g.kaz AS "kazUsdMn", g.partner_value AS "partnerUsdMn", g.gap AS "gapUsdMn",
               g.kaz / nullif(g.partner_value, 0) AS ratio, g.has_estimate AS "hasEstimate",
               count(*) OVER ()::int AS total
        FROM g
        JOIN unnest(${names.codes}::text[], ${names.names}::text[], ${names.places}::int[]) AS ln(code, name, place)
          ON ln.code = g.partner_code
        ORDER BY ${orderBy}
        LIMIT ${input.size} OFFSET ${(input.page - 1) * input.size}`,
      sql<{ firstYear: number | null; lastYear: number | null }[]>`
        SELECT min(year) AS "firstYear", max(year) AS "lastYear" FROM (${pairs()}) x`,
    ]);
  });
  const parsed = z.array(rowSchema).parse(rows);
  const total = parsed[0]?.total ?? 0;
  return {
    rows: parsed.map(({ total: _total, ...row }) => row),
    total,
    pageCount: Math.max(1, Math.ceil(total / input.size)),
    firstYear: span?.firstYear ?? null,
    lastYear: span?.lastYear ?? null,
    sourceId: IMF_DOTS_SOURCE_ID,
  };
}

export const getMirrorGaps = cachedQuery('mirror.getMirrorGaps', getMirrorGapsUncached);
