// The overview's words about where its totals come from, in the page's language.
// Pure. In English they read exactly as provenance-text.ts's (a unit test holds them together);
// the other languages take the catalogues' `overview` namespace.
import {
  BNS_BY_PARTNER_SOURCE_ID,
  BNS_EU27_SOURCE_ID,
  BNS_MONTHLY_SOURCE_ID,
  IMF_DOTS_SOURCE_ID,
} from '@/lib/constants';
import type { Locale } from '@/lib/i18n/locales';
import { overviewTexts, type OverviewTexts } from '@/lib/i18n/overview-texts';

const SOURCE_KEYS: Record<string, 'imf' | 'bureau' | 'eu27' | 'monthly' | 'ecb'> = {
  [IMF_DOTS_SOURCE_ID]: 'imf',
  [BNS_BY_PARTNER_SOURCE_ID]: 'bureau',
  [BNS_EU27_SOURCE_ID]: 'eu27',
  [BNS_MONTHLY_SOURCE_ID]: 'monthly',
  ecb_eurofxref_annual: 'ecb',
};

/** A short name for a source id ("IMF DOTS", "окончательные данные Бюро"); the id itself when unknown. */
export function sourceName(sourceId: string, texts: OverviewTexts = overviewTexts()): string {
  const key = SOURCE_KEYS[sourceId];
  return key ? texts(`sourceNames.${key}`) : sourceId;
}

/** How Kazakhstan's total with the world of a year was obtained, for the headline and table notes. */
export function worldOrigin(
  world: { sourceId: string | null; derived: boolean },
  texts: OverviewTexts = overviewTexts(),
): string {
  if (world.sourceId === null) return texts('worldOrigin.none');
  if (world.derived && world.sourceId === BNS_BY_PARTNER_SOURCE_ID) return texts('worldOrigin.bureauDerived');
  if (world.sourceId === IMF_DOTS_SOURCE_ID) return texts('worldOrigin.imf');
  const source = sourceName(world.sourceId, texts);
  return world.derived ? texts('worldOrigin.derived', { source }) : texts('worldOrigin.published', { source });
}

/**
 * Rows in the alphabetical order of the names shown, in the page's language (ties by code). The
 * database orders by the English names, which is no order at all once the names are Russian.
 */
export function sortByName<T extends { code: string; name: string }>(
  rows: readonly T[],
  locale: Locale,
  desc: boolean,
): T[] {
  const collator = new Intl.Collator(locale);
  return [...rows].sort((a, b) => (desc ? -1 : 1) * collator.compare(a.name, b.name) || a.code.localeCompare(b.code));
}
