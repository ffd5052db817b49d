// Titles and descriptions of the compare chart, from the view state and its shaped numbers.
import type { CompareSeriesShape } from '@/lib/charts/compare-series';
import { formatValueByUnit } from '@/lib/format';
import type { CompareFlow, CompareMode, CompareSearchParams } from '@/lib/search-params/compare';

const FLOW_TITLES: Record<CompareFlow, string> = {
  turnover: 'Trade turnover',
  export: 'Kazakhstan’s exports',
  import: 'Kazakhstan’s imports',
  balance: 'Kazakhstan’s trade balance',
};

export const FLOW_SHORT_LABELS: Record<CompareFlow, string> = {
  turnover: 'Turnover',
  export: 'Exports',
  import: 'Imports',
  balance: 'Balance',
};

export function compareTitle(params: CompareSearchParams): string {
  const mode =
    params.mode === 'share'
      ? ', share of Kazakhstan’s total'
      : params.mode === 'index'
        ? `, index (${params.from} = 100)`
        : params.mode === 'change'
          ? ', change on the previous year'
          : params.currency === 'EUR'
            ? ', EUR million (converted)'
            : ', USD million';
  const range = params.from === params.to ? String(params.from) : `${params.from}–${params.to}`;
  return `${FLOW_TITLES[params.flow]} by partner${mode}, ${range}`;
}

/** A sentence a screen reader can use instead of the picture: what is drawn and where it ends. */
export function compareDescription(params: CompareSearchParams, shape: CompareSeriesShape): string {
  if (shape.categories.length === 0) return 'No partner is selected.';
  const names = shape.categories.map((c) => c.label);
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  const ends = shape.categories
    .map((category) => {
      const last = [...shape.years].reverse().find((year) => shape.cells[category.key]?.[year]?.value != null);
      if (last === undefined) return `${category.label}: no value`;
      const value = shape.cells[category.key]?.[last]?.value ?? null;
      return `${category.label} ${formatValueByUnit(value, shape.unit.kind, shape.unit.currency)} in ${last}`;
    })
    .join('; ');
  return `One line per partner for ${list}. Latest values: ${ends}.`;
}

export const FLOW_LABELS: Record<CompareFlow, string> = {
  turnover: 'Turnover (exports + imports)',
  export: 'Exports',
  import: 'Imports',
  balance: 'Balance (exports − imports)',
};

export const MODE_LABELS: Record<CompareMode, string> = {
  absolute: 'Value',
  share: 'Share of total',
  index: 'Index (start = 100)',
  change: 'Change on year',
};
