// A partner's statistics of its trade with Kazakhstan next to Kazakhstan's: never the same figure.
import 'server-only';
import { z } from 'zod';
import { buildCheck, convertFigure, stat } from '@/lib/consistency/check';
import { figurePeriod, figureSchema, toCheckValue, type Figure } from '@/lib/consistency/figure';
import { preferenceReason, rankFigures } from '@/lib/consistency/preference';
import { relativeDifference } from '@/lib/consistency/tolerance';
import { list, text, type TextArg } from '@/lib/consistency/text';
import type { CheckItem, CheckProse, ConsistencyCheck } from '@/lib/consistency/types';
import { REPORTER_KAZ } from '@/lib/constants';
import { runQuery } from '@/lib/queries/run-query';
import { sql } from '@/lib/sql';
import {
  codesOfKey,
  figureColumns,
  figuresCte,
  figuresSchema,
  rateColumns,
  rateFields,
  toRate,
  fromSources,
  readStatedSourceIds,
} from './sql';

/** Partner-reported figures from a statistical source are listed only for partners this large (USD million). */
const MIRROR_MIN_TURNOVER_USD_MN = 1000;

// Its title, description, why and tolerance: Consistency.checks.reporter-vs-partner in the catalogues.
export const REPORTER_VS_PARTNER: CheckProse = {
  id: 'reporter-vs-partner',
  values: { billions: MIRROR_MIN_TURNOVER_USD_MN / 1000 },
};

const rowSchema = z
  .object({ partner_view: figureSchema, reporter_views: figuresSchema, ...rateFields })
  .transform((row) => ({ ...row, rate: toRate(row) }));

type Row = z.output<typeof rowSchema>;

export async function getReporterPartnerCheck(): Promise<ConsistencyCheck> {
  const rows = await runQuery('getReporterPartnerCheck', null, async () => {
    const statedIds = await readStatedSourceIds();
    return z.array(rowSchema).parse(
      await sql`
        WITH mirror_years AS (
          SELECT s.source_id,
                 (SELECT max(m.year) FROM observation m
                   WHERE m.partner_code = ${REPORTER_KAZ} AND m.indicator_code = 'turnover' AND m.source_id = s.source_id
                     AND m.reporter_code <> ${REPORTER_KAZ}) AS year
          FROM official_source s WHERE s.reporter_code = ${REPORTER_KAZ}
        ),
        large AS (
          SELECT y.source_id, y.year, os.partner_code
          FROM mirror_years y
          JOIN official_series os ON os.reporter_code = ${REPORTER_KAZ} AND os.indicator_code = 'turnover'
            AND os.year = y.year AND os.value_usd_mn >= ${MIRROR_MIN_TURNOVER_USD_MN}
        ),
        ${figuresCte(
          'secondary_views',
          sql`${fromSources(statedIds)}
              AND o.partner_code = ${REPORTER_KAZ} AND o.reporter_code <> ${REPORTER_KAZ}
              AND o.indicator_code = 'turnover' AND o.series_key = ''`,
        )},
        ${figuresCte(
          'mirror_views',
          sql`(o.source_id, o.year, o.reporter_code) IN (SELECT source_id, year, partner_code FROM large)
              AND o.partner_code = ${REPORTER_KAZ} AND o.indicator_code = 'turnover' AND o.period = 'FY'
              AND o.series_key = ''`,
        )},
        partner_views AS (
          SELECT v.* FROM (SELECT * FROM secondary_views UNION ALL SELECT * FROM mirror_views) v
          -- Countries and the EU: IMF regional aggregates are no one's own statistics.
          JOIN partner r ON r.code = v.reporter_code AND (r.kind = 'COUNTRY' OR v.reporter_key = 'AGG_EU')
        )
        SELECT to_jsonb(p) AS partner_view, k.reporter_views, ${rateColumns(sql`p.year`)}
        FROM partner_views p
        CROSS JOIN LATERAL (
          SELECT jsonb_agg(to_jsonb(f) ORDER BY f.source_id) AS reporter_views FROM (
            SELECT ${figureColumns()}
            FROM observation o JOIN source src ON src.id = o.source_id
            WHERE o.reporter_code = ${REPORTER_KAZ} AND o.indicator_code = 'turnover' AND o.year = p.year
              AND o.partner_code = ANY (${codesOfKey(sql`p.reporter_key`)}) AND o.period = p.period AND o.series_key = ''
          ) f
        ) k
        WHERE k.reporter_views IS NOT NULL
        ORDER BY p.reporter_code, p.year, p.source_id`,
    );
  });

  const items = rows.map(mirrorItem);
  return buildCheck(REPORTER_VS_PARTNER, {
    items,
    outcome: items.length > 0 ? 'info' : 'not_checkable',
    stats: [stat(text('mirror.stats.figures'), items.length)],
  });
}

function mirrorItem({ partner_view: partnerView, reporter_views: kazViews, rate }: Row): CheckItem {
  const ranked = rankFigures(kazViews);
  const shown = ranked[0] as Figure;
  const conversion = convertFigure(partnerView, shown.unit, rate);
  const relative = conversion ? relativeDifference(conversion.value, shown.value) : null;
  const partnerNotes: TextArg[] = [];
  if (conversion?.note) partnerNotes.push(conversion.note);
  if (!conversion) partnerNotes.push(text('mirror.notCompared'));
  // A news page's own wording of its source ("partner_statistics?" = probably the partner's statistics).
  if (partnerView.sourceKind !== 'STATISTICAL_DATASET' && partnerView.flag)
    partnerNotes.push(text('mirror.flag'), { kind: 'asWritten', text: partnerView.flag });
  return {
    key: `mirror:${partnerView.id}`,
    title: text('mirror.title', { reporter: partnerView.reporterCode, period: figurePeriod(partnerView) }),
    outcome: conversion ? 'info' : 'not_checkable',
    values: [
      ...ranked.map((figure, index) =>
        toCheckValue(
          figure,
          text(
            index > 0
              ? 'mirror.roles.kazOther'
              : figure.official
                ? 'mirror.roles.kazOfficial'
                : 'mirror.roles.kazPreferred',
          ),
          {
            preferred: index === 0,
            note: index === 0 ? null : text('common.notShown', { reason: preferenceReason(shown, figure) }),
          },
        ),
      ),
      toCheckValue(partnerView, text('mirror.roles.partner', { reporter: partnerView.reporterCode }), {
        relativeToReference: relative,
        note: partnerNotes.length > 0 ? list(partnerNotes, ' ') : null,
      }),
    ],
    difference: conversion ? { value: conversion.value - shown.value, unit: shown.unit, relative } : null,
    ranges: [],
    explanation: text('mirror.explanation'),
  };
}
