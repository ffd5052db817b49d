// Every consistency check, in the order the page shows them: first the official series the screens
// read (its world total, its breaks, the same figure elsewhere), then derived rows, then what news
// and official pages state. One file per check beside this one, each with its prose and its tests.
import 'server-only';
import { cachedQuery } from '@/lib/cache';
import { countOutcomes } from '@/lib/consistency/outcome';
import type { ConsistencyCheck, ConsistencyReport } from '@/lib/consistency/types';
import { getEu27MembersSumCheck } from './eu27-members-sum';
import { getPartYearCheck } from './part-year';
import { getReporterPartnerCheck } from './reporter-vs-partner';
import { getSameFigureCheck } from './same-figure';
import { getSeriesBreaksCheck } from './series-breaks';
import { getStatedGrowthCheck } from './stated-growth';
import { getStatedTotalsCheck } from './stated-totals';
import { getStatedTurnoverPartsCheck } from './stated-turnover-parts';
import { getTurnoverShareCheck } from './turnover-share';
import { getTurnoverSumCheck } from './turnover-sum';
import { getWorldTotalCheck } from './world-total';

export const CHECKS: readonly (() => Promise<ConsistencyCheck>)[] = [
  () => getWorldTotalCheck(),
  () => getSeriesBreaksCheck(),
  getSameFigureCheck,
  getTurnoverSumCheck,
  getEu27MembersSumCheck,
  getStatedGrowthCheck,
  getTurnoverShareCheck,
  getPartYearCheck,
  getStatedTurnoverPartsCheck,
  getStatedTotalsCheck,
  getReporterPartnerCheck,
];

/** Runs every check against the current data and counts the checks by outcome. */
async function getConsistencyReportUncached(): Promise<ConsistencyReport> {
  const checks = await Promise.all(CHECKS.map((run) => run()));
  return { checkedAt: new Date().toISOString(), checks, counts: countOutcomes(checks) };
}

// Cached per dataset version (lib/cache.ts): an import invalidates it on every server replica.
export const getConsistencyReport = cachedQuery('consistency.getConsistencyReport', getConsistencyReportUncached);
