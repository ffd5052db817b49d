import { describe, expect, it } from 'vitest';
import { OVERVIEW_DEFAULTS, parseOverviewSearchParams, serializeOverviewSearchParams } from './overview';

describe('parseOverviewSearchParams', () => {
  it('returns the defaults for an empty query', () => {
    expect(parseOverviewSearchParams({})).toEqual({ params: OVERVIEW_DEFAULTS, ignored: [] });
  });

  it('accepts allow-listed values', () => {
    const { params, ignored } = parseOverviewSearchParams(
      { sort: 'name', dir: 'asc', partners: 'all', year: '2015', eu: 'members' },
      { availableYears: [2015, 2020] },
    );
    expect(params).toEqual({ sort: 'name', dir: 'asc', partners: 'all', eu: 'members', year: 2015 });
    expect(ignored).toEqual([]);
  });

  it('falls back to defaults and names each ignored parameter', () => {
    const { params, ignored } = parseOverviewSearchParams({
      sort: 'value; DROP TABLE x',
      dir: 'up',
      partners: 'eu',
      eu: 'both',
    });
    expect(params).toEqual(OVERVIEW_DEFAULTS);
    expect(ignored.map((param) => param.name)).toEqual(['sort', 'dir', 'partners', 'eu']);
    expect(ignored[0]).toMatchObject({ value: 'value; DROP TABLE x', expected: expect.stringContaining('turnover') });
  });

  it('ignores years without data and malformed years', () => {
    const options = { availableYears: [1992, 2020] };
    expect(parseOverviewSearchParams({ year: '1980' }, options).params.year).toBeUndefined();
    expect(parseOverviewSearchParams({ year: '2020.5' }, options).ignored).toHaveLength(1);
    expect(parseOverviewSearchParams({ year: '20200' }).ignored[0]?.name).toBe('year');
  });

  it('rejects repeated parameters rather than guessing which one was meant', () => {
    const { params, ignored } = parseOverviewSearchParams({ sort: ['name', 'export'] });
    expect(params.sort).toBe(OVERVIEW_DEFAULTS.sort);
    expect(ignored).toEqual([{ name: 'sort', value: 'name, export', expected: expect.stringContaining('single') }]);
  });

  it('defaults the direction per column: names A→Z, amounts largest first', () => {
    expect(parseOverviewSearchParams({ sort: 'name' }).params).toMatchObject({ sort: 'name', dir: 'asc' });
    expect(parseOverviewSearchParams({ sort: 'export' }).params).toMatchObject({ sort: 'export', dir: 'desc' });
  });

  it('treats empty values as absent and leaves unknown keys alone', () => {
    expect(parseOverviewSearchParams({ sort: '', utm_source: 'mail' })).toEqual({
      params: OVERVIEW_DEFAULTS,
      ignored: [],
    });
  });
});

describe('serializeOverviewSearchParams', () => {
  it('drops defaults', () => {
    expect(serializeOverviewSearchParams(OVERVIEW_DEFAULTS)).toBe('');
    expect(serializeOverviewSearchParams({ ...OVERVIEW_DEFAULTS, sort: 'name', dir: 'asc' })).toBe('?sort=name');
    expect(serializeOverviewSearchParams({ ...OVERVIEW_DEFAULTS, sort: 'name', dir: 'desc' })).toBe(
      '?sort=name&dir=desc',
    );
    expect(serializeOverviewSearchParams({ ...OVERVIEW_DEFAULTS, sort: 'import', dir: 'asc' })).toBe(
      '?sort=import&dir=asc',
    );
  });

  it('round-trips through the parser', () => {
    const state = { sort: 'export', dir: 'asc', partners: 'groups', eu: 'members', year: 2001 } as const;
    const query = Object.fromEntries(new URLSearchParams(serializeOverviewSearchParams(state)));
    expect(parseOverviewSearchParams(query, { availableYears: [2001] }).params).toEqual(state);
  });
});
