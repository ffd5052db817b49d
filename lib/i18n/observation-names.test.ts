// The data screen's names in Russian and Kazakh: the bureau's Russian name first, then the ISO
// lists; indicator labels from the catalogue, and the database's English, marked, where it has none.
import { describe, expect, it } from 'vitest';
import type { ObservationFacets, ObservationRecord } from '@/lib/queries/observations';
import kk from './messages/kk.json';
import ru from './messages/ru.json';
import { localizeFacets, localizeObservations, type ObservationNamer } from './observation-names';

const row = (over: Partial<ObservationRecord>): ObservationRecord =>
  ({
    id: '1',
    source_id: 'bns',
    reporter: 'Kazakhstan',
    reporter_code: 'KAZ',
    partner: 'Germany',
    partner_code: 'DEU',
    flow: 'turnover',
    indicator_label: 'Trade turnover',
    ...over,
  }) as ObservationRecord;

const namer = (locale: 'en' | 'ru' | 'kk', labels: Record<string, string> = {}): ObservationNamer => ({
  locale,
  namesRu: { DEU: 'Германия (по словарю бюро)' },
  indicatorLabel: (code) => labels[code],
});

describe('localizeObservations', () => {
  it('names partners and reporters in Russian, the bureau’s name first, and indicators from the catalogue', () => {
    const [localized] = localizeObservations([row({})], namer('ru', ru.Indicators));
    expect(localized).toMatchObject({
      partner: 'Германия (по словарю бюро)',
      reporter: 'Казахстан',
      indicator_label: ru.Indicators.turnover,
    });
    expect(localized?.indicator_lang).toBeUndefined();
  });

  it('keeps an indicator the catalogue does not name in English, and says so', () => {
    const [localized] = localizeObservations(
      [row({ flow: 'new_code', indicator_label: 'A new indicator' })],
      namer('kk'),
    );
    expect(localized).toMatchObject({ indicator_label: 'A new indicator', indicator_lang: 'en', partner: 'Германия' });
  });

  it('leaves English rows as the database wrote them', () => {
    const rows = [row({ partner: 'Germany' })];
    expect(localizeObservations(rows, namer('en', { turnover: 'Something else' }))).toEqual(rows);
  });
});

describe('localizeFacets', () => {
  const facets: ObservationFacets = {
    reporters: [{ value: 'KAZ', label: 'Kazakhstan' }],
    partners: [
      { value: 'AUT', label: 'Austria' },
      { value: 'CHN', label: 'China' },
      { value: 'DEU', label: 'Germany' },
    ],
    indicators: [{ value: 'export', label: 'Exports' }],
    sources: [{ value: 'bns', label: 'Bureau table', kind: 'STATISTICAL_DATASET' }],
    minYear: 1992,
    maxYear: 2025,
  };

  it('offers partners in the language, sorted as the language sorts', () => {
    const localized = localizeFacets(facets, namer('kk', kk.Indicators));
    expect(localized.partners.map((p) => p.value)).toEqual(['AUT', 'DEU', 'CHN']);
    expect(localized.partners.map((p) => p.label)).toEqual(['Австрия', 'Германия', 'Қытай']);
    expect(localized.indicators).toEqual([{ value: 'export', label: kk.Indicators.export }]);
    // Source titles are citations: as published.
    expect(localized.sources).toEqual(facets.sources);
  });
});
