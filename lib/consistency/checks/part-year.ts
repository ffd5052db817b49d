// A figure for part of a year against the whole year of the same series.
import 'server-only';
import { z } from 'zod';
import { buildCheck, stat } from '@/lib/consistency/check';
import {
  figureLabel,
  figurePeriod,
  figureSchema,
  toCheckValue,
  toStatedFigure,
  type Figure,
} from '@/lib/consistency/figure';
import { assessPartWithinWhole } from '@/lib/consistency/outcome';
import { preferenceReason, rankFigures } from '@/lib/consistency/preference';
import { APPROXIMATE_RELATIVE_TOLERANCE, relativeDifference, statedInterval } from '@/lib/consistency/tolerance';
import { text } from '@/lib/consistency/text';
import type { CheckItem, CheckProse, ConsistencyCheck } from '@/lib/consistency/types';
import { runQuery } from '@/lib/queries/run-query';
import { sql } from '@/lib/sql';
import {
  codesOfKey,
  figureColumns,
  figuresCte,
  nullableFiguresSchema,
  officialFigures,
  fromSources,
  readStatedSourceIds,
} from './sql';

// Its title, description, why and tolerance: Consistency.checks.part-year in the catalogues.
export const PART_YEAR: CheckProse = {
  id: 'part-year',
  values: { approx: APPROXIMATE_RELATIVE_TOLERANCE * 100 },
};

const rowSchema = z.object({ part: figureSchema, wholes: nullableFiguresSchema });

export async function getPartYearCheck(): Promise<ConsistencyCheck> {
  const rows = await runQuery('getPartYearCheck', null, async () => {
    const statedIds = await readStatedSourceIds();
    return z.array(rowSchema).parse(
      await sql`
        WITH ${figuresCte(
          'parts',
          sql`${fromSources(statedIds)}
              AND o.period_kind = 'MONTHS_TO_DATE' AND o.indicator_code IN ('export', 'import', 'turnover')
              AND o.year IS NOT NULL AND o.series_key = ''`,
        )}
        SELECT to_jsonb(p) AS part,
               (SELECT jsonb_agg(to_jsonb(w) ORDER BY w.source_id, w.id) FROM (
                  ${officialFigures(
                    sql`os.reporter_code = p.reporter_key AND os.partner_code = p.partner_key
                        AND os.indicator_code = p.indicator_code AND os.year = p.year`,
                  )}
                  UNION ALL
                  SELECT ${figureColumns()}
                  FROM observation o JOIN source src ON src.id = o.source_id
                  WHERE o.reporter_code = ANY (${codesOfKey(sql`p.reporter_key`)}) AND o.indicator_code = p.indicator_code
                    AND o.year = p.year AND o.partner_code = ANY (${codesOfKey(sql`p.partner_key`)})
                    AND o.period = 'FY' AND o.series_key = '' AND o.unit = p.unit
                    AND NOT EXISTS (SELECT 1 FROM official_series os WHERE os.observation_id = o.id)
                ) w WHERE w.unit = p.unit) AS wholes
        FROM parts p
        ORDER BY p.reporter_code, p.partner_code, p.indicator_code, p.year, p.source_id, p.id`,
    );
  });

  const compared = rows.filter((row) => row.wholes.length > 0);
  const items = compared.map(({ part, wholes }) => partItem(part, wholes));
  return buildCheck(PART_YEAR, {
    items,
    stats: [
      stat(text('partYear.stats.parts'), rows.length),
      stat(text('partYear.stats.withWhole'), items.length),
      stat(text('partYear.stats.without'), rows.length - items.length),
    ],
  });
}

function partItem(part: Figure, wholes: readonly Figure[]): CheckItem {
  const ranked = rankFigures(wholes);
  const whole = ranked[0] as Figure;
  const outcome = assessPartWithinWhole(toStatedFigure(part), toStatedFigure(whole));
  const partRange = statedInterval(toStatedFigure(part));
  const wholeRange = statedInterval(toStatedFigure(whole));
  return {
    key: `part-year:${part.id}`,
    title: text('partYear.title', {
      title: figureLabel(part),
      period: figurePeriod(part),
      source: part.sourceId,
      whole: figurePeriod(whole),
    }),
    outcome,
    values: [
      toCheckValue(part, text('partYear.roles.part'), {
        relativeToReference: relativeDifference(part.value, whole.value),
      }),
      toCheckValue(whole, text(whole.official ? 'partYear.roles.wholeOfficial' : 'partYear.roles.whole'), {
        preferred: true,
      }),
      ...ranked
        .slice(1)
        .map((other) =>
          toCheckValue(other, text('partYear.roles.wholeOther'), { note: preferenceReason(whole, other) }),
        ),
    ],
    difference: {
      value: part.value - whole.value,
      unit: part.unit,
      relative: relativeDifference(part.value, whole.value),
    },
    ranges: [
      {
        label: text('partYear.partRange'),
        low: partRange.low,
        high: finite(partRange.high),
        unit: part.unit,
      },
      {
        label: text('partYear.wholeRange'),
        low: wholeRange.low,
        high: finite(wholeRange.high),
        unit: part.unit,
      },
    ],
    explanation: text(outcome === 'pass' ? 'partYear.within' : 'partYear.larger'),
  };
}

const finite = (value: number) => (Number.isFinite(value) ? value : null);
