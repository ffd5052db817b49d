// One stored figure as the consistency queries read it (an observation row with its source kind,
// its absolute value, its EU-normalised keys and whether the official series takes it), and how it
// becomes a row of a check's table.
import { z } from 'zod';
import { seriesText } from './labels';
import type { RankableFigure } from './preference';
import { period, text, type TextArg } from './text';
import type { StatedFigure } from './tolerance';
import type { CheckValue } from './types';

const qualifierSchema = z.enum(['EXACT', 'ABOUT', 'AT_LEAST', 'MORE_THAN', 'NEARLY', 'ESTIMATE']);
const derivationSchema = z.enum(['PUBLISHED', 'DERIVED', 'INFERRED']);
const sourceKindSchema = z.enum(['STATISTICAL_DATASET', 'RESEARCH_DATASET', 'OFFICIAL_STATEMENT', 'NEWS_ARTICLE']);

/** The columns of the queries' `obs` CTE (snake_case, as PostgreSQL's to_jsonb writes them). */
export const figureSchema = z
  .object({
    id: z.string(),
    source_id: z.string(),
    source_kind: sourceKindSchema,
    reporter_code: z.string(),
    partner_code: z.string(),
    indicator_code: z.string(),
    year: z.number().int().nullable(),
    period: z.string(),
    period_kind: z.string(),
    period_start: z.string().nullable(),
    period_end: z.string().nullable(),
    series_key: z.string(),
    unit: z.string(),
    scale: z.number().int(),
    value_text: z.string(),
    decimals: z.number().int(),
    abs_value: z.number(),
    qualifier: qualifierSchema,
    derivation: derivationSchema,
    is_estimate: z.boolean(),
    flag: z.string(),
    stated_growth_pct: z.number().nullable(),
    growth_decimals: z.number().int().nullable(),
    derivation_note: z.string().nullable(),
    reporter_key: z.string(),
    partner_key: z.string(),
    is_computed: z.boolean(),
    official: z.boolean(),
    implied_by_change: z.boolean(),
  })
  .transform((row) => ({
    id: row.id,
    sourceId: row.source_id,
    sourceKind: row.source_kind,
    reporterCode: row.reporter_code,
    partnerCode: row.partner_code,
    indicatorCode: row.indicator_code,
    year: row.year,
    period: row.period,
    periodKind: row.period_kind,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    seriesKey: row.series_key,
    unit: row.unit,
    scale: row.scale,
    valueText: row.value_text,
    decimals: row.decimals,
    /** Absolute value: value × 10^scale, in `unit`. */
    value: row.abs_value,
    qualifier: row.qualifier,
    derivation: row.derivation,
    isEstimate: row.is_estimate,
    flag: row.flag,
    statedGrowthPct: row.stated_growth_pct,
    growthDecimals: row.growth_decimals,
    derivationNote: row.derivation_note,
    /** Reporter and partner with AGG_EU27 written AGG_EU, as the official series writes the EU. */
    reporterKey: row.reporter_key,
    partnerKey: row.partner_key,
    /** True for a figure computed by the query (a sum of monthly totals), not a stored row. */
    isComputed: row.is_computed,
    /** The figure the official series takes for this key (what the screens show). */
    official: row.official,
    /** Worked back from a change the same source states for the next period: never a base. */
    impliedByChange: row.implied_by_change,
  }));

export type Figure = z.infer<typeof figureSchema> & RankableFigure;

/** The figure as a tolerance input: its value, how it was rounded and how it was worded. */
export function toStatedFigure(figure: Figure): StatedFigure {
  return {
    value: figure.value,
    decimals: figure.decimals,
    scale: figure.scale,
    qualifier: figure.qualifier,
    isCount: figure.unit === 'count',
  };
}

export function figureLabel(figure: Figure): TextArg {
  const label = seriesText(figure.reporterCode, figure.partnerCode, figure.indicatorCode);
  return figure.seriesKey ? text('withSeriesKey', { label, seriesKey: figure.seriesKey }) : label;
}

export function figurePeriod(figure: Pick<Figure, 'year' | 'period'>): TextArg {
  return period(figure.year, figure.period);
}

/** An editor's note on a figure, as the database wrote it. */
export const derivationNoteOf = (figure: Figure): TextArg | null =>
  figure.derivationNote ? { kind: 'asWritten', text: figure.derivationNote } : null;

export interface CheckValueOptions {
  label?: TextArg;
  preferred?: boolean;
  relativeToReference?: number | null;
  note?: TextArg | null;
}

/** A stored (or computed) figure as a row of a check's table. */
export function toCheckValue(figure: Figure, role: TextArg, options: CheckValueOptions = {}): CheckValue {
  return {
    role,
    label: options.label ?? figureLabel(figure),
    value: figure.value,
    unit: figure.unit,
    published: figure.isComputed ? null : { value: figure.valueText, scale: figure.scale },
    period: figurePeriod(figure),
    sourceIds: [figure.sourceId],
    qualifier: figure.qualifier,
    derivation: figure.derivation,
    preferred: options.preferred ?? false,
    relativeToReference: options.relativeToReference ?? null,
    note: options.note ?? (figure.isComputed ? derivationNoteOf(figure) : null),
  };
}

export interface ComputedValueInput {
  role: TextArg;
  label: TextArg;
  value: number | null;
  unit: string;
  period: TextArg;
  sourceIds: string[];
  note?: TextArg | null;
  relativeToReference?: number | null;
  /** DERIVED for what the check computed; null for a number the source states (a growth rate). */
  derivation?: CheckValue['derivation'];
}

/** A number the check computed (a sum, a share, a growth rate) rather than a stored figure. */
export function computedValue(input: ComputedValueInput): CheckValue {
  return {
    role: input.role,
    label: input.label,
    value: input.value,
    unit: input.unit,
    published: null,
    period: input.period,
    sourceIds: input.sourceIds,
    qualifier: null,
    derivation: input.derivation === undefined ? 'DERIVED' : input.derivation,
    preferred: false,
    relativeToReference: input.relativeToReference ?? null,
    note: input.note ?? null,
  };
}
