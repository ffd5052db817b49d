import { describe, expect, it } from 'vitest';
import { OVERVIEW_DEFAULTS, serializeOverview } from './overview';
import { parseOverviewSearchParams } from './overview-parse';

describe('parseOverviewSearchParams', () => {
  it('returns the defaults for an empty query', () => {
    expect(parseOverviewSearchParams({})).toEqual({ params: OVERVIEW_DEFAULTS, ignored: [] });
  });

  it('accepts allow-listed values', () => {
    const { params, ignored } = parseOverviewSearchParams(
      { sort: 'name:asc', partners: 'all', year: '2015', eu: 'members' },
      { availableYears: [2015, 2020] },
    );
    expect(params).toEqual({ sort: { id: 'name', desc: false }, partners: 'all', eu: 'members', year: 2015 });
    expect(ignored).toEqual([]);
  });

  it('falls back to defaults and names each ignored parameter', () => {
    const { params, ignored } = parseOverviewSearchParams({
      sort: 'value; DROP TABLE x',
      partners: 'eu',
      eu: 'both',
    });
    expect(params).toEqual(OVERVIEW_DEFAULTS);
    expect(ignored.map((param) => param.name)).toEqual(['partners', 'eu', 'sort']);
    expect(ignored[2]).toMatchObject({ value: 'value; DROP TABLE x', expected: expect.stringContaining('turnover') });
  });

  it('ignores an unknown direction and a second key: the table sorts by one column', () => {
    expect(parseOverviewSearchParams({ sort: 'name:up' }).ignored[0]?.name).toBe('sort');
    expect(parseOverviewSearchParams({ sort: 'name:asc,share:desc' }).params.sort).toEqual(OVERVIEW_DEFAULTS.sort);
  });

  it('ignores years without data and malformed years', () => {
    const options = { availableYears: [1992, 2020] };
    expect(parseOverviewSearchParams({ year: '1980' }, options).params.year).toBeUndefined();
    expect(parseOverviewSearchParams({ year: '1980' }, options).ignored[0]).toMatchObject({
      name: 'year',
      expected: 'a year with data, 1992–2020',
    });
    expect(parseOverviewSearchParams({ year: '2020.5' }, options).ignored).toHaveLength(1);
    expect(parseOverviewSearchParams({ year: '20200' }).ignored[0]?.name).toBe('year');
  });

  it('says what it expected in the page’s language', () => {
    const options = { availableYears: [1992, 2025], locale: 'ru' as const };
    const { ignored } = parseOverviewSearchParams({ year: '1980', partners: 'eu', sort: 'x' }, options);
    expect(ignored).toEqual([
      { name: 'partners', value: 'eu', expected: 'одно из: countries, groups, all' },
      { name: 'year', value: '1980', expected: 'год с данными, 1992–2025' },
      {
        name: 'sort',
        value: 'x',
        expected: 'key:asc или key:desc, где key — одно из: name, export, import, turnover, share',
      },
    ]);
    const kazakh = parseOverviewSearchParams({ year: ['2020', '2021'] }, { locale: 'kk' }).ignored;
    expect(kazakh).toEqual([{ name: 'year', value: '2020, 2021', expected: 'бір ғана мән: төрт таңбалы жыл' }]);
  });

  it('rejects repeated parameters rather than guessing which one was meant', () => {
    const { params, ignored } = parseOverviewSearchParams({ sort: ['name', 'export'] });
    expect(params.sort).toEqual(OVERVIEW_DEFAULTS.sort);
    expect(ignored).toEqual([{ name: 'sort', value: 'name, export', expected: expect.stringContaining('single') }]);
  });

  it('defaults the direction per column: names A→Z, amounts largest first', () => {
    expect(parseOverviewSearchParams({ sort: 'name' }).params.sort).toEqual({ id: 'name', desc: false });
    expect(parseOverviewSearchParams({ sort: 'export' }).params.sort).toEqual({ id: 'export', desc: true });
  });

  it('reads the old grammar sort=x&dir=y as the new one', () => {
    const { params, ignored } = parseOverviewSearchParams({ sort: 'share', dir: 'asc' });
    expect(params.sort).toEqual({ id: 'share', desc: false });
    expect(ignored).toEqual([]);
    expect(serializeOverview(params)).toBe('?sort=share:asc');
    expect(parseOverviewSearchParams({ dir: 'asc' }).params.sort).toEqual({ id: 'turnover', desc: false });
  });

  it('treats empty values as absent and leaves unknown keys alone', () => {
    expect(parseOverviewSearchParams({ sort: '', utm_source: 'mail' })).toEqual({
      params: OVERVIEW_DEFAULTS,
      ignored: [],
    });
  });
});

describe('serializeOverview', () => {
  it('drops defaults and writes the sort as key:dir', () => {
    expect(serializeOverview(OVERVIEW_DEFAULTS)).toBe('');
    expect(serializeOverview({ ...OVERVIEW_DEFAULTS, sort: { id: 'name', desc: false } })).toBe('?sort=name:asc');
    expect(serializeOverview({ ...OVERVIEW_DEFAULTS, sort: { id: 'share', desc: true } })).toBe('?sort=share:desc');
    expect(serializeOverview({ ...OVERVIEW_DEFAULTS, eu: 'members', year: 2001 })).toBe('?eu=members&year=2001');
  });

  it('round-trips through the parser', () => {
    const state = {
      sort: { id: 'export', desc: false },
      partners: 'groups',
      eu: 'members',
      year: 2001,
    } as const;
    const query = Object.fromEntries(new URLSearchParams(serializeOverview(state)));
    expect(parseOverviewSearchParams(query, { availableYears: [2001] }).params).toEqual(state);
  });
});
