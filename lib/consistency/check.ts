// Pieces every check shares: a check's result built from its prose and items, headline numbers,
// and the one way figures in euros and dollars are set side by side. Pure.
import { EU27_CODE, EU_CODE } from '@/lib/constants';
import type { Figure } from './figure';
import { combineOutcomes, countOutcomes } from './outcome';
import {
  CHECK_OUTCOMES,
  type CheckItem,
  type CheckOutcome,
  type CheckProse,
  type CheckStat,
  type ConsistencyCheck,
} from './types';

const OUTCOME_ORDER = new Map<CheckOutcome, number>(CHECK_OUTCOMES.map((outcome, index) => [outcome, index]));

/** Most severe first, so that a long table never hides a failure below the fold. */
export function sortItems(items: readonly CheckItem[]): CheckItem[] {
  return [...items].sort((a, b) => (OUTCOME_ORDER.get(a.outcome) ?? 0) - (OUTCOME_ORDER.get(b.outcome) ?? 0));
}

export interface CheckResult {
  items: readonly CheckItem[];
  stats: readonly CheckStat[];
  /** Given when the check's outcome is not simply its items' combined (e.g. informational lists). */
  outcome?: CheckOutcome;
}

/** A check with its prose, its outcome (combined from the items unless given) and its items sorted. */
export function buildCheck(prose: CheckProse, result: CheckResult): ConsistencyCheck {
  return {
    ...prose,
    outcome: result.outcome ?? combineOutcomes(result.items.map((item) => item.outcome)),
    stats: [...result.stats],
    itemCounts: countOutcomes(result.items),
    items: sortItems(result.items),
  };
}

export const stat = (label: string, value: number, unit = 'count'): CheckStat => ({ label, value, unit });

export const EU_NOTE =
  'AGG_EU (IMF DOTS, articles) and AGG_EU27 (the sum of the bureau’s member rows, news) are one code, AGG_EU, as in the official series; from 2020 both are the 27 members after the UK left on 31 January 2020.';

export const involvesEu = (figure: Pick<Figure, 'reporterCode' | 'partnerCode'>) =>
  [figure.reporterCode, figure.partnerCode].some((code) => code === EU_CODE || code === EU27_CODE);

export interface ExchangeRate {
  usdPerEur: number;
  /** The rate as stored (exact decimal text), for the sentence that states it. */
  text: string;
  /** The year is not over: the average covers only part of it. */
  provisional: boolean;
}

export interface Conversion {
  value: number;
  note: string | null;
}

/**
 * The figure in `unit`. USD and EUR are only ever compared through the stored ECB annual average
 * of the figure's year, and the conversion is stated; any other pair of units is not comparable.
 */
export function convertFigure(
  figure: Pick<Figure, 'unit' | 'value' | 'year' | 'periodKind'>,
  unit: string,
  rate: ExchangeRate | null,
): Conversion | null {
  if (figure.unit === unit) return { value: figure.value, note: null };
  const pair = `${figure.unit}>${unit}`;
  if ((pair !== 'EUR>USD' && pair !== 'USD>EUR') || rate === null) return null;
  const value = pair === 'EUR>USD' ? figure.value * rate.usdPerEur : figure.value / rate.usdPerEur;
  const partial = figure.periodKind !== 'YEAR' ? '; an annual average applied to part of the year' : '';
  const provisional = rate.provisional ? '; provisional, the rate covers only part of the year' : '';
  return {
    value,
    note: `Converted to ${unit} at the ECB ${figure.year ?? ''} average of ${rate.text} USD per EUR (derived, not published${partial}${provisional}).`,
  };
}
