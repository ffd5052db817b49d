import { EU27_CODE, EU_CODE } from '@/lib/constants';

/**
 * The EU is one partner over all years: IMF's AGG_EU row to 2019 and the bureau-derived AGG_EU27
 * sums from 2020 describe the same 27-member composition, so asking for either asks for both.
 */
export function withEuAliases(codes: readonly string[]): string[] {
  const all = new Set(codes);
  if (all.has(EU_CODE) || all.has(EU27_CODE)) {
    all.add(EU_CODE);
    all.add(EU27_CODE);
  }
  return [...all];
}
