// Readable names for the periods and series the checks compare. Shaping only: numbers are
// formatted by lib/format.ts in the components.
import { CHECK_OUTCOMES, type CheckOutcome, type OutcomeCounts } from './types';

/**
 * The tidy layout's (year, period) pair as one label: ("FY", 2022) → "FY 2022",
 * ("Jan-Nov", 2023) → "Jan-Nov 2023", ("2023-01", 2023) → "2023-01". Labels that already name
 * their dates ("2012-2014", "since independence (to 2011-07-29)") are kept as written.
 */
export function periodLabel(year: number | null, period: string): string {
  if (year === null) return period;
  if (period === 'FY') return `FY ${year}`;
  if (/^(Jan-[A-Z][a-z]{2}|H1|H2)$/.test(period)) return `${period} ${year}`;
  if (/\d{4}/.test(period)) return period;
  return `${period} ${year}`;
}

const FLOW_LABELS: Record<string, string> = {
  export: 'exports',
  import: 'imports',
  turnover: 'turnover',
  fdi_gross_inflow: 'FDI gross inflow',
  turnover_share_pct: 'share of total turnover',
};

/** "KAZ → CHN turnover": whose statistics, the counterpart and the indicator. */
export function seriesLabel(reporterCode: string, partnerCode: string, indicatorCode: string): string {
  return `${reporterCode} → ${partnerCode} ${FLOW_LABELS[indicatorCode] ?? indicatorCode.replaceAll('_', ' ')}`;
}

export const OUTCOME_LABELS: Record<CheckOutcome, string> = {
  pass: 'Pass',
  fail: 'Fail',
  review: 'Review',
  not_checkable: 'Not checkable',
  info: 'Info',
};

/** "1 fail · 2 not checkable": a check's items by outcome, most severe first, zeros left out. */
export function describeItemCounts(counts: OutcomeCounts): string {
  const parts = CHECK_OUTCOMES.filter((outcome) => counts[outcome] > 0).map(
    (outcome) => `${counts[outcome]} ${OUTCOME_LABELS[outcome].toLowerCase()}`,
  );
  return parts.length > 0 ? parts.join(' · ') : 'no items';
}
