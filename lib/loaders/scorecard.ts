import 'server-only';
import { incompleteYearBreaks } from '@/lib/charts/series-breaks';
import { getScorecard, getScorecardYears } from '@/lib/queries/scorecard';
import { getSeriesBreaks } from '@/lib/queries/series-breaks';
import { getSourceAttribution } from '@/lib/queries/source-attribution';
import { parseScorecardSearchParams } from '@/lib/search-params/partners';
import type { RawSearchParams } from '@/lib/search-params/shared';

/**
 * The scorecard's parameters (checked against the years with data) and its table, started but not
 * awaited, so the controls render while the table streams in.
 */
export async function loadScorecard(raw: RawSearchParams) {
  const [availableYears, breaks] = await Promise.all([getScorecardYears(), getSeriesBreaks()]);
  const { params, ignored } = parseScorecardSearchParams(raw, { availableYears });
  const year = params.year ?? availableYears.at(-1);
  const table =
    year === undefined
      ? null
      : getScorecard({ year, params }).then(async (scorecard) => ({
          scorecard,
          sources: await getSourceAttribution(scorecard.sourceIds),
          breaks,
        }));
  // Shares and ranks of an incomplete year compare a fraction of Kazakhstan's trade.
  const incomplete = year === undefined ? [] : incompleteYearBreaks(breaks, year);
  return { params, ignored, availableYears, year, table, incomplete };
}
