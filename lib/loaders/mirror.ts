import 'server-only';
import type { Locale } from '@/lib/i18n/locales';
import { getMirrorGaps } from '@/lib/queries/mirror';
import { getSourceAttribution } from '@/lib/queries/source-attribution';
import { parseMirrorSearchParams } from '@/lib/search-params/mirror-parse';
import type { RawSearchParams } from '@/lib/search-params/shared';

/** Years in which both sides are in the bundled IMF release; a year outside is an ignored parameter. */
async function availableYears(): Promise<number[]> {
  const span = await getMirrorGaps({
    flow: 'export',
    minUsdMn: 0,
    sort: [{ id: 'year', desc: false }],
    page: 1,
    size: 1,
  });
  if (span.firstYear === null || span.lastYear === null) return [];
  return Array.from({ length: span.lastYear - span.firstYear + 1 }, (_, i) => (span.firstYear ?? 0) + i);
}

/** The screen's data in `locale`: partner names, sorting by them and the notices of ignored parameters. */
export async function loadMirror(raw: RawSearchParams, locale: Locale = 'en') {
  const years = await availableYears();
  const { params, ignored } = parseMirrorSearchParams(raw, { availableYears: years, locale });
  const gaps = await getMirrorGaps({
    flow: params.flow,
    year: params.year,
    minUsdMn: params.min,
    sort: params.sort,
    page: params.page,
    size: params.size,
    locale,
  });
  const sources = await getSourceAttribution([gaps.sourceId]);
  return { params, ignored, years, gaps, sources };
}
