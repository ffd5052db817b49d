// The data screen's rows and filters named in the page's language: partners and reporters with
// partnerName, indicators from the catalogue. Pure: the loader (lib/loaders/data.ts) hands it the
// bureau's Russian names and the catalogue's indicator labels, so the client gets finished text and
// no name list of its own.
import type { Locale } from './locales';
import { nameCollator } from './collation';
import { partnerName } from './partner-names';
import type { ObservationFacets, ObservationRecord } from '@/lib/queries/observations';

/**
 * A row as the data screen shows it; `indicator_lang` marks a label left in the database's English,
 * `period_title` names the period's first and last day in the page's language (made on the server:
 * Chromium has no Kazakh date names, and a client-side date read differently from the server's).
 */
export type LocalizedObservation = ObservationRecord & { indicator_lang?: 'en'; period_title?: string };

export interface ObservationNamer {
  locale: Locale;
  /** The bureau's Russian names by partner code. */
  namesRu: Readonly<Record<string, string>>;
  /** The catalogue's label of an indicator code, or undefined where the catalogue has none yet. */
  indicatorLabel: (code: string) => string | undefined;
}

const nameOf = (namer: ObservationNamer, code: string, name: string) =>
  partnerName(namer.locale, { code, name, nameRu: namer.namesRu[code] });

/** The fields of a row or an observation's page that carry names. */
interface Named {
  reporter: string;
  reporter_code: string;
  partner: string;
  partner_code: string;
  flow: string;
  indicator_label: string;
}

/** One row or observation with its names in the namer's language; English ones are returned as they are. */
export function localizeObservationDetail<T extends Named>(
  row: T,
  namer: ObservationNamer,
): T & { indicator_lang?: 'en' } {
  if (namer.locale === 'en') return row;
  const label = namer.indicatorLabel(row.flow);
  return {
    ...row,
    reporter: nameOf(namer, row.reporter_code, row.reporter),
    partner: nameOf(namer, row.partner_code, row.partner),
    indicator_label: label ?? row.indicator_label,
    ...(label === undefined ? { indicator_lang: 'en' as const } : {}),
  };
}

/** Rows with names in the namer's language. */
export function localizeObservations<T extends Named>(
  rows: readonly T[],
  namer: ObservationNamer,
): (T & { indicator_lang?: 'en' })[] {
  return rows.map((row) => localizeObservationDetail(row, namer));
}

/** The filters' options in the namer's language, partners and reporters sorted as the language sorts (the rows' sort too). */
export function localizeFacets(facets: ObservationFacets, namer: ObservationNamer): ObservationFacets {
  const { compare } = nameCollator(namer.locale);
  const named = (options: ObservationFacets['partners']) =>
    options
      .map((o) => ({ ...o, label: nameOf(namer, o.value, o.label) }))
      .sort((a, b) => compare(a.label, b.label) || a.value.localeCompare(b.value));
  return {
    ...facets,
    reporters: named(facets.reporters),
    partners: named(facets.partners),
    indicators:
      namer.locale === 'en'
        ? facets.indicators
        : facets.indicators.map((o) => ({ ...o, label: namer.indicatorLabel(o.value) ?? o.label })),
  };
}
