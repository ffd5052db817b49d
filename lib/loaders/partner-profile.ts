// One partner's profile: the partner (or null for a code that names none), then everything its
// sections show, in one parallel round plus the source credits.
import 'server-only';
import { EU27_CODE, EU_CODE, UNSPECIFIED_REPORTER } from '@/lib/constants';
import { toProfileTradeChart, toShareOfWorldRows } from '@/lib/charts/partner-profile';
import { getUsdPerEurRates } from '@/lib/queries/compare';
import { getNewsFigures, TRADE_NEWS_INDICATORS } from '@/lib/queries/news-figures';
import { getPartnerContext } from '@/lib/queries/partner-context';
import {
  findPartnerCode,
  getGroupMemberTrade,
  getMirrorComparison,
  getPartner,
  getPartnerMemberships,
  getPartnerTrade,
  type PartnerSummary,
} from '@/lib/queries/partner-profile';
import { getSeriesBreaks } from '@/lib/queries/series-breaks';
import { getSourceAttribution } from '@/lib/queries/source-attribution';

function decoded(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    // A segment with a malformed escape (`%FF%FE`) names no partner: the 404, not a URIError.
    return null;
  }
}

/** The partner of a profile address, or null; XXX (an unspecified reporter) is not a partner. */
export async function findPartner(rawCode: string): Promise<PartnerSummary | null> {
  const code = decoded(rawCode);
  if (code === null || code === UNSPECIFIED_REPORTER) return null;
  return getPartner(code);
}

/** For an address that is not an exact code: the code it names (other case, alpha-2, the name), or null. */
export async function canonicalPartnerCode(rawCode: string): Promise<string | null> {
  const text = decoded(rawCode);
  if (text === null) return null;
  const code = await findPartnerCode(text);
  return code === UNSPECIFIED_REPORTER ? null : code;
}

export async function loadPartnerProfile(partner: PartnerSummary) {
  const code = partner.code;
  const isEu = code === EU_CODE || code === EU27_CODE;
  const [trade, mirror, memberships, context, tradeNews, rates, memberTrade, breaks] = await Promise.all([
    getPartnerTrade({ code }),
    getMirrorComparison({ code }),
    getPartnerMemberships(isEu ? EU_CODE : code),
    getPartnerContext(code),
    getNewsFigures({ partnerCodes: [code], includeMirror: true, indicators: [...TRADE_NEWS_INDICATORS], limit: 100 }),
    getUsdPerEurRates(),
    partner.kind === 'GROUP' ? getGroupMemberTrade({ code }) : Promise.resolve(null),
    getSeriesBreaks(),
  ]);
  const chart = toProfileTradeChart(trade.points);
  const shares = toShareOfWorldRows(
    trade.points.filter((p) => p.flow === 'turnover'),
    trade.worldTurnover,
  );
  const latest = chart.rows.filter((r) => r.turnover !== null).at(-1) ?? chart.rows.at(-1);
  const latestShare = latest ? (shares.find((s) => s.year === latest.year)?.share ?? null) : null;
  const tradeSourceIds = [...new Set([...chart.sourceIds, ...trade.worldTurnover.map((p) => p.sourceId)])];
  const usesEuro = tradeNews.some((f) => f.unit === 'EUR') || context.investment.some((f) => f.unit === 'EUR');
  const [tradeSources, mirrorSources, allSources] = await Promise.all([
    getSourceAttribution(chart.sourceIds),
    getSourceAttribution([mirror.sourceId]),
    getSourceAttribution([
      ...new Set([
        ...tradeSourceIds,
        mirror.sourceId,
        ...tradeNews.map((f) => f.sourceId),
        ...context.sourceIds,
        ...(usesEuro ? ['ecb_eurofxref_annual'] : []),
      ]),
    ]),
  ]);
  return {
    partner,
    isEu,
    trade,
    chart,
    shares,
    latest,
    latestShare,
    mirror,
    memberships,
    context,
    tradeNews,
    rates,
    memberTrade,
    breaks,
    tradeSources,
    mirrorSources,
    allSources,
  };
}

/** A profile's charts alone (their embed routes): the trade and mirror queries of the profile, no more. */
export async function loadPartnerCharts(partner: PartnerSummary) {
  const code = partner.code;
  const [trade, mirror, breaks] = await Promise.all([
    getPartnerTrade({ code }),
    getMirrorComparison({ code }),
    getSeriesBreaks(),
  ]);
  const chart = toProfileTradeChart(trade.points);
  const shares = toShareOfWorldRows(
    trade.points.filter((p) => p.flow === 'turnover'),
    trade.worldTurnover,
  );
  const [tradeSources, mirrorSources] = await Promise.all([
    getSourceAttribution(chart.sourceIds),
    getSourceAttribution([mirror.sourceId]),
  ]);
  return { chart, shares, mirror, breaks, tradeSources, mirrorSources };
}
