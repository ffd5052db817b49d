// Breaks in the official series: the known ones (series_break) and signals of ones not yet known.
import 'server-only';
import { z } from 'zod';
import type { SeriesBreak } from '@/lib/charts/series-breaks';
import {
  COVERAGE_MAX_SHARE,
  coverageSignal,
  explainingBreaks,
  isMirrorJump,
  MIRROR_MIN_FLOW_USD_MN,
  MIRROR_RATIO_JUMP_FACTOR,
  mirrorRatio,
  PARTNER_COUNT_MAX_CHANGE,
  PARTNER_COUNT_MIN_TURNOVER_USD_MN,
  ratioMove,
  type CoverageSignal,
  type CoverageYear,
  type MirrorPoint,
} from '@/lib/consistency/break-signals';
import { buildCheck, stat } from '@/lib/consistency/check';
import { computedValue } from '@/lib/consistency/figure';
import { list, num, percent, period, text, type Text, type TextArg } from '@/lib/consistency/text';
import type { CheckItem, CheckProse, CheckValue, ConsistencyCheck } from '@/lib/consistency/types';
import { REPORTER_KAZ, WORLD_PARTNER_CODE } from '@/lib/constants';
import { runQuery } from '@/lib/queries/run-query';
import { getSeriesBreaks } from '@/lib/queries/series-breaks';
import { sql } from '@/lib/sql';

// Its title, description, why and tolerance: Consistency.checks.series-breaks in the catalogues.
export const SERIES_BREAKS: CheckProse = {
  id: 'series-breaks',
  values: {
    factor: MIRROR_RATIO_JUMP_FACTOR,
    minFlow: MIRROR_MIN_FLOW_USD_MN,
    minTurnover: PARTNER_COUNT_MIN_TURNOVER_USD_MN,
    countChange: PARTNER_COUNT_MAX_CHANGE * 100,
    coverageShare: COVERAGE_MAX_SHARE * 100,
  },
};

const pairSchema = z.object({
  partner_code: z.string(),
  partner_name: z.string(),
  partner_name_ru: z.string().nullable(),
  year: z.number().int(),
  reported: z.number(),
  mirror: z.number(),
  prev_reported: z.number(),
  prev_mirror: z.number(),
  source_id: z.string(),
});

const movingPartnerSchema = z.object({
  code: z.string(),
  name: z.string(),
  name_ru: z.string().nullable(),
  value: z.number(),
});

const coverageSchema = z.object({
  year: z.number().int(),
  has_previous: z.boolean(),
  partners: z.number().int(),
  prev_partners: z.number().int().nullable(),
  all_partners: z.number().int(),
  entering: z.number(),
  leaving: z.number(),
  world: z.number().nullable(),
  prev_world: z.number().nullable(),
  top_entering: z.array(movingPartnerSchema).nullable(),
  top_leaving: z.array(movingPartnerSchema).nullable(),
  source_id: z.string(),
});

type Pair = z.infer<typeof pairSchema>;
type Coverage = z.infer<typeof coverageSchema>;

const mn = (valueUsdMn: number) => valueUsdMn * 1e6;

/** Consecutive years of each partner whose two views both reach the size floor, from official_series. */
async function readMirrorPairs(reporter: string): Promise<Pair[]> {
  return z.array(pairSchema).parse(
    await sql`
      WITH points AS (
        SELECT s.partner_code, p.name AS partner_name, p.name_ru AS partner_name_ru, s.year, s.value_usd_mn AS reported,
               (m.value * power(10::numeric, m.scale - 6))::float8 AS mirror, s.source_id
        FROM official_series s
        JOIN partner p ON p.code = s.partner_code AND p.kind IN ('COUNTRY', 'HISTORICAL')
        -- The partner's own report of the same trade, from the source of the series' year: one index probe.
        JOIN observation m ON m.reporter_code = s.partner_code AND m.indicator_code = 'export' AND m.year = s.year
          AND m.partner_code = s.reporter_code AND m.source_id = s.source_id AND m.period = 'FY'
          AND m.series_key = '' AND m.unit = 'USD'
        WHERE s.reporter_code = ${reporter} AND s.indicator_code = 'import' AND s.value_usd_mn > 0 AND m.value > 0
      ),
      pairs AS (
        SELECT *, lag(year) OVER w AS prev_year, lag(reported) OVER w AS prev_reported, lag(mirror) OVER w AS prev_mirror
        FROM points WINDOW w AS (PARTITION BY partner_code ORDER BY year)
      )
      SELECT partner_code, partner_name, partner_name_ru, year, reported, mirror, prev_reported, prev_mirror, source_id
      FROM pairs
      WHERE prev_year = year - 1 AND greatest(reported, mirror) >= ${MIRROR_MIN_FLOW_USD_MN}
        AND greatest(prev_reported, prev_mirror) >= ${MIRROR_MIN_FLOW_USD_MN}
      ORDER BY year, partner_code`,
  );
}

/** Per year: partner countries reported, and the turnover of those that appear or disappear. */
async function readCoverage(reporter: string): Promise<Coverage[]> {
  return z.array(coverageSchema).parse(
    await sql`
      WITH present AS MATERIALIZED (
        SELECT s.partner_code, p.name, p.name_ru, s.year, s.value_usd_mn, s.edition_id
        FROM official_series s
        JOIN partner p ON p.code = s.partner_code AND p.kind IN ('COUNTRY', 'HISTORICAL')
        WHERE s.reporter_code = ${reporter} AND s.indicator_code = 'turnover'
      ),
      years AS (
        SELECT year, count(*) FILTER (WHERE value_usd_mn >= ${PARTNER_COUNT_MIN_TURNOVER_USD_MN})::int AS partners,
               count(*)::int AS all_partners, min(edition_id) AS source_id
        FROM present GROUP BY year
      ),
      world AS (
        SELECT year, value_usd_mn FROM official_series
        WHERE reporter_code = ${reporter} AND partner_code = ${WORLD_PARTNER_CODE} AND indicator_code = 'turnover'
      ),
      moving AS (
        SELECT y.year, 'entering' AS direction, c.partner_code, c.name, c.name_ru, c.value_usd_mn
        FROM years y JOIN present c ON c.year = y.year
        WHERE NOT EXISTS (SELECT 1 FROM present d WHERE d.year = y.year - 1 AND d.partner_code = c.partner_code)
        UNION ALL
        SELECT y.year, 'leaving', c.partner_code, c.name, c.name_ru, c.value_usd_mn
        FROM years y JOIN present c ON c.year = y.year - 1
        WHERE NOT EXISTS (SELECT 1 FROM present d WHERE d.year = y.year AND d.partner_code = c.partner_code)
      ),
      ranked AS (
        SELECT *, row_number() OVER (PARTITION BY year, direction ORDER BY value_usd_mn DESC, partner_code) AS rank
        FROM moving
      )
      SELECT y.year, p.year IS NOT NULL AS has_previous, y.partners, p.partners AS prev_partners, y.all_partners,
             coalesce((SELECT sum(value_usd_mn) FROM moving m WHERE m.year = y.year AND m.direction = 'entering'), 0)::float8 AS entering,
             coalesce((SELECT sum(value_usd_mn) FROM moving m WHERE m.year = y.year AND m.direction = 'leaving'), 0)::float8 AS leaving,
             (SELECT value_usd_mn FROM world w WHERE w.year = y.year) AS world,
             (SELECT value_usd_mn FROM world w WHERE w.year = y.year - 1) AS prev_world,
             (SELECT jsonb_agg(jsonb_build_object('code', r.partner_code, 'name', r.name, 'name_ru', r.name_ru, 'value', r.value_usd_mn) ORDER BY r.rank)
                FROM ranked r WHERE r.year = y.year AND r.direction = 'entering' AND r.rank <= 3) AS top_entering,
             (SELECT jsonb_agg(jsonb_build_object('code', r.partner_code, 'name', r.name, 'name_ru', r.name_ru, 'value', r.value_usd_mn) ORDER BY r.rank)
                FROM ranked r WHERE r.year = y.year AND r.direction = 'leaving' AND r.rank <= 3) AS top_leaving,
             y.source_id
      FROM years y LEFT JOIN years p ON p.year = y.year - 1
      ORDER BY y.year`,
  );
}

interface Signal {
  key: string;
  year: number;
  /** Null for a signal about the whole series (coverage). */
  partnerCode: string | null;
  title: Text;
  values: CheckValue[];
  summary: Text;
  explainedBy: SeriesBreak[];
}

export async function getSeriesBreaksCheck(input: { reporter?: string } = {}): Promise<ConsistencyCheck> {
  const reporter = input.reporter ?? REPORTER_KAZ;
  const [pairs, coverage, breaks] = await Promise.all([
    runQuery('getSeriesBreaksCheck.mirror', input, () => readMirrorPairs(reporter)),
    runQuery('getSeriesBreaksCheck.coverage', input, () => readCoverage(reporter)),
    getSeriesBreaks({ reporter }),
  ]);

  const signals: Signal[] = [];
  for (const pair of pairs) {
    const before: MirrorPoint = {
      year: pair.year - 1,
      reportedUsdMn: pair.prev_reported,
      mirrorUsdMn: pair.prev_mirror,
    };
    const after: MirrorPoint = { year: pair.year, reportedUsdMn: pair.reported, mirrorUsdMn: pair.mirror };
    if (!isMirrorJump(before, after)) continue;
    signals.push(mirrorSignal(pair, before, after, breaks));
  }
  for (const year of coverage) {
    const signal = coverageSignal(toCoverageYear(year), year.has_previous ? year.prev_partners : null);
    if (signal.reasons.length > 0) signals.push(coverageItemSignal(year, signal, breaks));
  }

  const explained = signals.filter((s) => s.explainedBy.length > 0);
  const items: CheckItem[] = [
    ...breaks.map((b) =>
      knownBreakItem(
        b,
        explained.filter((s) => s.explainedBy.includes(b)),
      ),
    ),
    ...signals
      .filter((s) => s.explainedBy.length === 0)
      .map((s): CheckItem => ({
        key: `break-signal:${s.key}`,
        title: s.title,
        outcome: 'review',
        values: s.values,
        difference: null,
        ranges: [],
        explanation: text('breaks.unexplained', { summary: s.summary }),
      })),
  ];
  return buildCheck(SERIES_BREAKS, {
    items,
    outcome: pairs.length === 0 && coverage.length === 0 ? 'not_checkable' : undefined,
    stats: [
      stat(text('breaks.stats.pairs'), pairs.length),
      stat(text('breaks.stats.years'), coverage.filter((c) => c.has_previous).length),
      stat(text('breaks.stats.known'), breaks.length),
      stat(text('breaks.stats.explained'), explained.length),
      stat(text('breaks.stats.toReview'), signals.length - explained.length),
    ],
  });
}

const partnerOf = (code: string, name: string, nameRu: string | null): TextArg => ({
  kind: 'partner',
  code,
  name,
  nameRu,
});

function mirrorSignal(pair: Pair, before: MirrorPoint, after: MirrorPoint, breaks: readonly SeriesBreak[]): Signal {
  const ratioBefore = mirrorRatio(before) ?? 0;
  const ratioAfter = mirrorRatio(after) ?? 0;
  const move = ratioMove(before, after) ?? 0;
  const partner = partnerOf(pair.partner_code, pair.partner_name, pair.partner_name_ru);
  const value = (role: Text, label: Text, year: number, usdMn: number) =>
    computedValue({
      role,
      label,
      value: mn(usdMn),
      unit: 'USD',
      period: period(year, 'FY'),
      sourceIds: [pair.source_id],
      derivation: null,
    });
  const ratio = (year: number, r: number) =>
    computedValue({
      role: text('breaks.roles.ratio'),
      label: text('breaks.ratioLabel'),
      value: r,
      unit: 'times',
      period: period(year, 'FY'),
      sourceIds: [pair.source_id],
    });
  const kazReported = text('breaks.roles.kazReported');
  const partnerReported = text('breaks.roles.partnerReported');
  const kazImports = text('breaks.kazImportsFrom', { partner });
  const partnerExports = text('breaks.partnerExportsTo', { partner });
  return {
    key: `mirror:${pair.partner_code}:${pair.year}`,
    year: pair.year,
    partnerCode: pair.partner_code,
    title: text('breaks.mirrorTitle', { year: String(pair.year), partner, code: pair.partner_code }),
    values: [
      value(kazReported, kazImports, before.year, before.reportedUsdMn),
      value(partnerReported, partnerExports, before.year, before.mirrorUsdMn),
      ratio(before.year, ratioBefore),
      value(kazReported, kazImports, after.year, after.reportedUsdMn),
      value(partnerReported, partnerExports, after.year, after.mirrorUsdMn),
      ratio(after.year, ratioAfter),
    ],
    summary: text('breaks.mirrorSummary', {
      partner,
      before: num(ratioBefore, 2),
      beforeYear: String(before.year),
      after: num(ratioAfter, 2),
      afterYear: String(after.year),
      factor: num(move, 2),
    }),
    explainedBy: explainingBreaks(breaks, pair.year, pair.partner_code),
  };
}

function toCoverageYear(year: Coverage): CoverageYear {
  return {
    year: year.year,
    partners: year.partners,
    enteringUsdMn: year.entering,
    leavingUsdMn: year.leaving,
    worldUsdMn: year.world,
    previousWorldUsdMn: year.prev_world,
  };
}

/** The largest partners that appear or disappear, with their turnover; null when there are none. */
const names = (partners: z.infer<typeof movingPartnerSchema>[] | null): TextArg | null =>
  partners && partners.length > 0
    ? list(
        partners.map((p) =>
          text('breaks.partnerWithTurnover', {
            partner: partnerOf(p.code, p.name, p.name_ru),
            amount: num(Math.round(p.value), 0),
          }),
        ),
      )
    : null;

function coverageItemSignal(year: Coverage, signal: CoverageSignal, breaks: readonly SeriesBreak[]): Signal {
  const previous = year.year - 1;
  const years = { year: String(year.year), previous: String(previous) };
  const min = num(PARTNER_COUNT_MIN_TURNOVER_USD_MN, 0);
  const count = (label: Text, y: number, value: number | null) =>
    computedValue({
      role: text('breaks.roles.partners'),
      label,
      value,
      unit: 'count',
      period: period(y, 'FY'),
      sourceIds: [year.source_id],
    });
  const parts: Text[] = [];
  if (signal.reasons.includes('count') && signal.countChange !== null)
    parts.push(
      text('breaks.countChanged', {
        min,
        from: year.prev_partners ?? 0,
        to: year.partners,
        change: list([signal.countChange > 0 ? '+' : '−', percent(Math.abs(signal.countChange))], ''),
      }),
    );
  if (signal.reasons.includes('entering') && signal.enteringShare !== null)
    parts.push(
      text('breaks.entering', {
        ...years,
        share: percent(signal.enteringShare),
        names: names(year.top_entering) ?? '',
      }),
    );
  if (signal.reasons.includes('leaving') && signal.leavingShare !== null)
    parts.push(
      text('breaks.leaving', { ...years, share: percent(signal.leavingShare), names: names(year.top_leaving) ?? '' }),
    );
  const largeCount = text('breaks.largePartners', { min });
  return {
    key: `coverage:${year.year}`,
    year: year.year,
    partnerCode: null,
    title: text('breaks.coverageTitle', years),
    values: [
      count(largeCount, previous, year.prev_partners),
      count(largeCount, year.year, year.partners),
      count(text('breaks.anyPartners'), year.year, year.all_partners),
      computedValue({
        role: text('breaks.roles.appearing'),
        label: text('breaks.appearingLabel', years),
        value: mn(year.entering),
        unit: 'USD',
        period: period(year.year, 'FY'),
        sourceIds: [year.source_id],
        note: names(year.top_entering),
      }),
      computedValue({
        role: text('breaks.roles.disappearing'),
        label: text('breaks.disappearingLabel', years),
        value: mn(year.leaving),
        unit: 'USD',
        period: period(previous, 'FY'),
        sourceIds: [year.source_id],
        note: names(year.top_leaving),
      }),
      computedValue({
        role: text('breaks.roles.worldTotal'),
        label: text('breaks.worldLabel'),
        value: year.world === null ? null : mn(year.world),
        unit: 'USD',
        period: period(year.year, 'FY'),
        sourceIds: [year.source_id],
        derivation: null,
      }),
    ],
    summary: text('breaks.summary', { parts: list(parts, ' ') }),
    explainedBy: explainingBreaks(breaks, year.year, null),
  };
}

function knownBreakItem(b: SeriesBreak, signals: readonly Signal[]): CheckItem {
  const years = b.firstYear === b.lastYear ? `${b.firstYear}` : `${b.firstYear}–${b.lastYear}`;
  const found =
    signals.length > 0
      ? text('breaks.explains', {
          summaries: list(
            signals.map((s) => s.summary),
            ' ',
          ),
        })
      : text('breaks.noSignal');
  return {
    key: `known-break:${b.key}`,
    title: text('breaks.knownTitle', {
      years,
      label: { kind: 'break', key: b.key, part: 'label', asStored: b.label },
    }),
    outcome: 'info',
    values: signals.flatMap((s) => s.values),
    difference: null,
    ranges: [],
    explanation: text('breaks.knownExplanation', {
      description: { kind: 'break', key: b.key, part: 'description', asStored: b.description },
      found,
    }),
  };
}
