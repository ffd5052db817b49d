import { describe, expect, it } from 'vitest';
import { MAP_DEFAULTS, mapPermalink, serializeMap } from './map';
import { parseMapSearchParams } from './map-parse';

const years = { availableYears: [1992, 1993, 2024, 2025] };

describe('parseMapSearchParams', () => {
  it('shows turnover by EU member in the latest year by default, and writes nothing for it', () => {
    const { params, ignored } = parseMapSearchParams({}, years);
    expect(params).toEqual({ measure: 'turnover', eu: 'members', window: 5, min: 100, year: undefined });
    expect(ignored).toEqual([]);
    expect(serializeMap(params)).toBe('');
  });

  it('reads every parameter', () => {
    const { params, ignored } = parseMapSearchParams(
      { measure: 'growth', year: '2024', eu: 'block', window: '10', min: '1000' },
      years,
    );
    expect(params).toEqual({ measure: 'growth', year: 2024, eu: 'block', window: 10, min: 1000 });
    expect(ignored).toEqual([]);
  });

  it('names each value it cannot use and falls back to the default', () => {
    const { params, ignored } = parseMapSearchParams(
      { measure: 'gdp', year: '1800', eu: 'both', window: '4', min: '-1' },
      years,
    );
    expect(params).toEqual({ ...MAP_DEFAULTS, year: undefined });
    expect(ignored.map((p) => p.name)).toEqual(['measure', 'year', 'eu', 'window', 'min']);
    expect(ignored.find((p) => p.name === 'year')?.expected).toBe('a year with data, 1992–2025');
  });

  it('says what it expected in the page’s language (the export keeps English)', () => {
    const ru = parseMapSearchParams({ measure: 'gdp', year: '1800', min: '-1' }, { ...years, locale: 'ru' });
    expect(ru.ignored.map((p) => p.expected)).toEqual([
      'одно из: turnover, export, import, balance, share, growth',
      'год, за который есть данные, 1992–2025',
      'одно из: 0, 10, 100, 1000 (млн долл. США)',
    ]);
    const kk = parseMapSearchParams(new URLSearchParams('window=4&window=5'), { ...years, locale: 'kk' });
    expect(kk.ignored[0]?.expected).toBe('бір ғана мән: мыналардың бірі: 3, 5, 10, 15, 20 (жыл)');
  });

  it('refuses a repeated parameter rather than guessing', () => {
    const { params, ignored } = parseMapSearchParams(new URLSearchParams('year=2024&year=2025'), years);
    expect(params.year).toBeUndefined();
    expect(ignored).toHaveLength(1);
  });
});

describe('mapPermalink', () => {
  it('writes the year and the view explicitly, and the growth rule only for growth', () => {
    expect(mapPermalink({ ...MAP_DEFAULTS }, 2025)).toBe('/map?measure=turnover&year=2025&eu=members');
    expect(mapPermalink({ ...MAP_DEFAULTS, measure: 'growth', eu: 'block', window: 10, min: 0 }, 2024)).toBe(
      '/map?measure=growth&year=2024&eu=block&window=10&min=0',
    );
  });
});
