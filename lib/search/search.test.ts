import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { prepareSearchIndex, searchIndex } from './rank';
import { buildSearchItems, type SearchPartner } from './search-items';

// The index as the server builds it, from the bundled partner table (names, the bureau's Russian
// names, ISO codes) and a turnover per partner to order ties.
const reference = (file: string) =>
  parse(readFileSync(path.join(import.meta.dirname, '..', '..', 'prisma', 'data', 'reference', file)), {
    columns: true,
  }) as Record<string, string>[];
const iso2 = new Map(reference('iso_3166_1.csv').map((r) => [r.alpha3 ?? '', r.alpha2 ?? '']));
const TURNOVER: Record<string, number> = { DEU: 5000, KOR: 3000, PRK: 1, AGG_EU: 40000, CHN: 30000, TUR: 4000 };
const partners: SearchPartner[] = reference('partners.csv')
  .filter((p) => !['KAZ', 'AGG_WORLD', 'AGG_EU27', 'XXX'].includes(p.code ?? ''))
  .map((p) => ({
    code: p.code ?? '',
    name: p.name ?? '',
    nameRu: p.name_ru || null,
    kind: p.kind ?? '',
    iso2: iso2.get(p.code ?? '') ?? null,
    turnoverUsdMn: TURNOVER[p.code ?? ''] ?? 0,
  }));
const index = prepareSearchIndex(buildSearchItems(partners));
const first = (query: string) => searchIndex(index, query)[0]?.item.id;

describe('site search', () => {
  it('finds Germany by the first letters of its name in English, Russian and Kazakh', () => {
    expect(first('Germ')).toBe('DEU');
    expect(first('Герм')).toBe('DEU');
    expect(first('германия')).toBe('DEU');
    expect(searchIndex(index, 'Герм')[0]?.matched).toBe('Германия');
  });

  it('finds partners by ISO code, alpha-3 or alpha-2', () => {
    expect(first('DEU')).toBe('DEU');
    expect(first('de')).toBe('DEU');
    expect(first('kor')).toBe('KOR');
  });

  it('knows the common alternative names', () => {
    expect(first('Turkey')).toBe('TUR');
    expect(first('Türkiye')).toBe('TUR');
    expect(first('turkiye')).toBe('TUR');
    expect(first('South Korea')).toBe('KOR');
    expect(first('Korea')).toBe('KOR');
    expect(first('UK')).toBe('GBR');
    expect(first('Britain')).toBe('GBR');
    expect(first('USA')).toBe('USA');
    expect(first('United States')).toBe('USA');
    expect(first('Czechia')).toBe('CZE');
    expect(first('Czech Republic')).toBe('CZE');
    expect(first('Holland')).toBe('NLD');
  });

  it('reads Kazakh names, typed with Kazakh letters or without', () => {
    expect(first('Қытай')).toBe('CHN');
    expect(first('Кытай')).toBe('CHN');
    expect(first('Түркия')).toBe('TUR');
  });

  it('uses the bureau’s own Russian names', () => {
    expect(first('Республика Корея')).toBe('KOR');
    expect(first('Тайвань (Китай)')).toBe('TWN');
  });

  it('finds the tracked groups by name and abbreviation, in three languages', () => {
    expect(first('EU')).toBe('AGG_EU');
    expect(first('Евросоюз')).toBe('AGG_EU');
    expect(first('EAEU')).toBe('AGG_EAEU');
    expect(first('ЕАЭС')).toBe('AGG_EAEU');
    expect(first('CIS')).toBe('AGG_CIS');
    expect(first('СНГ')).toBe('AGG_CIS');
    expect(first('Central Asia')).toBe('AGG_CENTRAL_ASIA');
    expect(first('Орталық Азия')).toBe('AGG_CENTRAL_ASIA');
  });

  it('finds the screens', () => {
    expect(searchIndex(index, 'map')[0]?.item.href).toBe('/map');
    expect(searchIndex(index, 'Карта')[0]?.item.href).toBe('/map');
    expect(searchIndex(index, 'sources')[0]?.item.href).toBe('/sources');
  });

  it('ranks a whole name over a prefix over a word inside a name, larger partners first on a tie', () => {
    const niger = searchIndex(index, 'niger').map((r) => r.item.id);
    // "Niger" itself, then "Nigeria" (a prefix of its name).
    expect(niger.slice(0, 2)).toEqual(['NER', 'NGA']);
    // Both Koreas start with "Korea": the larger partner first.
    expect(
      searchIndex(index, 'Korea')
        .map((r) => r.item.id)
        .slice(0, 2),
    ).toEqual(['KOR', 'PRK']);
  });

  it('finds nothing for nothing, and at most eight matches', () => {
    expect(searchIndex(index, '   ')).toEqual([]);
    expect(searchIndex(index, 'xqzq')).toEqual([]);
    expect(searchIndex(index, 'a').length).toBeLessThanOrEqual(8);
  });
});
