import { nameCollator } from '@/lib/i18n/collation';
import 'server-only';
import { getTranslations } from 'next-intl/server';
import { shapeCompareSeries, type CompareSeriesShape } from '@/lib/charts/compare-series';
import { EU_CODE } from '@/lib/constants';
import { type CompareSearchParams } from '@/lib/search-params/compare';
import { parseCompareSearchParams } from '@/lib/search-params/compare-parse';
import type { IgnoredSearchParam, RawSearchParams } from '@/lib/search-params/shared';
import {
  getCompareSeries,
  getGroupMembersOn,
  getPartnerOptions,
  getTopPartnersByTurnover,
  getTradeYearRange,
  getUsdPerEurRates,
  type PartnerOption,
  type TradeYearRange,
} from '@/lib/queries/compare';
import { getNewsFigures } from '@/lib/queries/news-figures';
import { getYearToDate } from '@/lib/queries/overview';
import { getGroupMemberTrade } from '@/lib/queries/partner-profile';
import { getSeriesBreaks } from '@/lib/queries/series-breaks';
import { getSourceAttribution, type SourceAttribution } from '@/lib/queries/source-attribution';
import { localizeBreaks, type SeriesBreak } from '@/lib/charts/series-breaks';
import { chartTexts } from '@/lib/i18n/chart-texts';
import type { Locale } from '@/lib/i18n/locales';
import { partnerName, withPartnerNames } from '@/lib/i18n/partner-names';

// One loader for the compare page and its export route, so the download is always the view on
// screen: same parser, same queries, same shaping. The page passes its language (partner names,
// units, notes, break labels); the export keeps English.

export interface CompareView {
  params: CompareSearchParams;
  ignored: IgnoredSearchParam[];
  range: TradeYearRange;
  options: PartnerOption[];
  shape: CompareSeriesShape;
  /** Pairs of selected codes where one contains the other (the EU and Germany): never to be added. */
  overlaps: { group: string; member: string }[];
  sources: SourceAttribution[];
  breaks: SeriesBreak[];
}

export async function getCompareView(
  raw: RawSearchParams | URLSearchParams,
  locale: Locale = 'en',
): Promise<CompareView> {
  const texts = chartTexts(locale);
  const [allOptions, range, rates, allBreaks] = await Promise.all([
    getPartnerOptions(),
    getTradeYearRange(),
    getUsdPerEurRates(),
    getSeriesBreaks(),
  ]);
  const collator = nameCollator(locale);
  const options = withPartnerNames(locale, allOptions).sort((a, b) => collator.compare(a.name, b.name));
  const breaks = localizeBreaks(allBreaks, texts);
  const { params, ignored } = parseCompareSearchParams(raw, {
    texts,
    partnerCodes: new Set(options.map((o) => o.code)),
    ...range,
  });
  const [series, memberships] = await Promise.all([
    getCompareSeries({ partners: params.partners, flow: params.flow, fromYear: params.from, toYear: params.to }),
    getGroupMembersOn({
      groupCodes: params.partners.filter((code) => options.find((o) => o.code === code)?.kind === 'GROUP'),
      date: `${params.to}-12-31`,
    }),
  ]);
  const shape = shapeCompareSeries(
    {
      partners: series.partners.map((p) => ({ code: p.code, name: partnerName(locale, p) })),
      points: series.points,
      world: series.world,
      mode: params.mode,
      scale: params.scale,
      currency: params.currency,
      fromYear: params.from,
      toYear: params.to,
      rates: rates.rates,
      breaks,
    },
    texts,
  );
  const overlaps = memberships.flatMap((group) =>
    params.partners
      .filter((code) => group.memberCodes.includes(code))
      .map((member) => ({ group: group.groupCode, member })),
  );
  const sourceIds = [...shape.sourceIds, ...(params.currency !== 'USD' ? [rates.sourceId] : [])];
  const sources = await getSourceAttribution(sourceIds);
  return { params, ignored, range, options, shape, overlaps, sources, breaks };
}

/** The compare page: the view, its shortcuts, and the part-year figures it compares like with like. */
export async function loadComparePage(raw: RawSearchParams, locale: Locale) {
  const view = await getCompareView(raw, locale);
  const [presets, partialFigures, yearToDate] = await Promise.all([
    getComparePresets(view.range, locale),
    view.params.flow === 'balance'
      ? Promise.resolve([])
      : getNewsFigures({
          partnerCodes: view.params.partners,
          includeMirror: true,
          indicators: [view.params.flow],
          limit: 100,
        }),
    getYearToDate(),
  ]);
  return { ...view, presets, partialFigures, yearToDate };
}

export interface ComparePreset {
  id: string;
  label: string;
  description: string;
  /** The state the preset sets (other parameters stay as they are). */
  patch: Partial<CompareSearchParams>;
}

/**
 * Shortcuts: the groups to compare and the questions the screen is for. Group shortcuts select
 * the members (never the group too, so no line is part of another).
 */
export async function getComparePresets(range: TradeYearRange, locale: Locale = 'en'): Promise<ComparePreset[]> {
  const t = await getTranslations({ locale, namespace: 'Compare.presets' });
  const fiveYearsBack = Math.max(range.minYear, range.maxYear - 5);
  const [top, groups, euMembers] = await Promise.all([
    getTopPartnersByTurnover({ year: range.maxYear, limit: 10 }),
    getGroupMembersOn({ groupCodes: ['AGG_EAEU', 'AGG_CENTRAL_ASIA'], date: `${range.maxYear}-12-31` }),
    getGroupMemberTrade({ code: EU_CODE }),
  ]);
  const topCodes = top.map((p) => p.code);
  const withoutKaz = (codes: readonly string[]) => codes.filter((code) => code !== 'KAZ');
  const eaeu = withoutKaz(groups.find((g) => g.groupCode === 'AGG_EAEU')?.memberCodes ?? []);
  const centralAsia = withoutKaz(groups.find((g) => g.groupCode === 'AGG_CENTRAL_ASIA')?.memberCodes ?? []);
  const euTop = euMembers.members.slice(0, 6).map((m) => m.code);
  const presets: ComparePreset[] = [
    {
      id: 'eu-china-russia',
      label: t('euChinaRussia.label'),
      description: t('euChinaRussia.description'),
      patch: {
        partners: [EU_CODE, 'CHN', 'RUS'],
        flow: 'turnover',
        from: Math.max(2000, range.minYear),
        to: range.maxYear,
        mode: 'absolute',
      },
    },
  ];
  if (topCodes.length > 1) {
    presets.push({
      id: 'top-growth',
      label: t('topGrowth.label', { count: topCodes.length, from: String(fiveYearsBack), to: String(range.maxYear) }),
      description: t('topGrowth.description', { count: topCodes.length, year: String(range.maxYear) }),
      patch: {
        partners: topCodes,
        flow: 'turnover',
        from: fiveYearsBack,
        to: range.maxYear,
        mode: 'index',
        sort: { id: 'growth', desc: true },
      },
    });
    presets.push({
      id: 'top-share',
      label: t('topShare.label', { count: topCodes.length, year: String(range.maxYear) }),
      description: t('topShare.description'),
      patch: { partners: topCodes, flow: 'turnover', mode: 'share', sort: { id: 'share', desc: true } },
    });
  }
  if (euTop.length > 1)
    presets.push({
      id: 'eu-members',
      label: t('euMembers.label'),
      description: t('euMembers.description'),
      patch: { partners: euTop },
    });
  if (eaeu.length > 1)
    presets.push({
      id: 'eaeu',
      label: t('eaeu.label'),
      description: t('eaeu.description'),
      patch: { partners: eaeu },
    });
  if (centralAsia.length > 1)
    presets.push({
      id: 'central-asia',
      label: t('centralAsia.label'),
      description: t('centralAsia.description'),
      patch: { partners: centralAsia },
    });
  return presets;
}
