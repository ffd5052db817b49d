import 'server-only';
import { getPartnerAgreementList, type PartnerAgreementList } from './agreements';
import { getContextCoverage, type ContextCoverage } from './coverage';
import { getPartnerEventList, type PartnerEventItem } from './events';
import { FDI_INDICATORS, getNewsFigures, type NewsFigure } from './news-figures';
import { getPartnerPresence, type PresenceFigure } from './presence';

// Everything the profile's context sections need, loaded in parallel by one call from the page.

export interface PartnerContext {
  coverage: ContextCoverage;
  agreements: PartnerAgreementList;
  events: PartnerEventItem[];
  presence: PresenceFigure[];
  investment: NewsFigure[];
  /** Documents signed at visits and similar counts; the stated "in force" counts and entry into force are in `agreements`. */
  quotedCounts: NewsFigure[];
  /** Every source the sections cite, for the page's source list. */
  sourceIds: string[];
}

const QUOTED_COUNT_INDICATORS = ['documents_signed', 'commercial_agreements_signed', 'agreements_cumulative'];

export async function getPartnerContext(code: string): Promise<PartnerContext> {
  const [coverage, agreements, events, presence, investment, quotedCounts] = await Promise.all([
    getContextCoverage(),
    getPartnerAgreementList(code),
    getPartnerEventList(code),
    getPartnerPresence(code),
    getNewsFigures({ partnerCodes: [code], indicators: [...FDI_INDICATORS], limit: 100 }),
    getNewsFigures({ partnerCodes: [code], includeMirror: true, indicators: QUOTED_COUNT_INDICATORS, limit: 100 }),
  ]);
  const sourceIds = [
    ...agreements.rows.flatMap((a) => a.citations.map((c) => c.sourceId)),
    ...agreements.statedCounts.map((c) => c.citation.sourceId),
    ...events.map((e) => e.citation.sourceId),
    ...presence.map((p) => p.citation.sourceId),
    ...investment.map((f) => f.sourceId),
    ...quotedCounts.map((f) => f.sourceId),
  ];
  return { coverage, agreements, events, presence, investment, quotedCounts, sourceIds: [...new Set(sourceIds)] };
}
