// Pieces every check shares: a check's result built from its prose and items, headline numbers,
// and the one way figures in euros and dollars are set side by side. Pure.
import { EU27_CODE, EU_CODE } from '@/lib/constants';
import type { Figure } from './figure';
import { combineOutcomes, countOutcomes } from './outcome';
import { text, type Text } from './text';
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

export const stat = (label: Text, value: number, unit = 'count'): CheckStat => ({ label, value, unit });

export const EU_NOTE: Text = text('common.euNote');

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
  note: Text | null;
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
  return {
    value,
    note: text('common.conversion', {
      unit,
      year: String(figure.year ?? ''),
      rate: rate.text,
      partial: figure.periodKind !== 'YEAR' ? 'yes' : 'no',
      provisional: rate.provisional ? 'yes' : 'no',
    }),
  };
}
