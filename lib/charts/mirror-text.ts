// How far apart two records of the same trade are, in words a reader takes in at a glance. Pure.
import { formatNumber, possessive } from '@/lib/format';

/** Within this fraction of each other, the two records are said to agree. */
export const AGREEMENT_TOLERANCE = 0.1;

/** How many times one side's figure is the other's: one decimal under 10, whole numbers above. */
function times(ratio: number): string {
  return formatNumber(ratio, ratio < 10 ? 1 : 0);
}

/**
 * "Germany reports 11 times Kazakhstan’s figure", "Kazakhstan’s figure is 22 times the
 * Netherlands’", "The two agree within 10 %", or why there is no ratio.
 */
export function disagreementSentence(kazUsdMn: number, partnerUsdMn: number, partnerName: string): string {
  if (kazUsdMn <= 0 && partnerUsdMn <= 0) return 'Neither side records this flow.';
  if (partnerUsdMn <= 0) return `${partnerName} records none of it.`;
  if (kazUsdMn <= 0) return 'Kazakhstan records none of it.';
  const ratio = kazUsdMn / partnerUsdMn;
  if (Math.abs(ratio - 1) <= AGREEMENT_TOLERANCE) return `The two agree within ${AGREEMENT_TOLERANCE * 100} %.`;
  return ratio > 1
    ? `Kazakhstan’s figure is ${times(ratio)} times ${possessive(partnerName)}.`
    : `${partnerName} reports ${times(1 / ratio)} times Kazakhstan’s figure.`;
}
