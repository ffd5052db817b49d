import { describe, expect, it } from 'vitest';
import { compareDefaults, MAX_COMPARE_PARTNERS, serializeCompare } from './compare';
import { parseCompareSearchParams } from './compare-parse';

const CODES = [
  'AGG_EU',
  'CHN',
  'RUS',
  'DEU',
  'FRA',
  'ITA',
  'NLD',
  'USA',
  'TUR',
  'UZB',
  'KGZ',
  'KOR',
  'JPN',
  'IND',
  'GBR',
];
const options = { partnerCodes: new Set(CODES), minYear: 1992, maxYear: 2025 };
const defaults = compareDefaults(options);

describe('parseCompareSearchParams', () => {
  it('defaults to EU, China and Russia, turnover, 2000 to the latest year', () => {
    expect(parseCompareSearchParams({}, options)).toEqual({ params: defaults, ignored: [] });
    expect(defaults).toMatchObject({
      partners: ['AGG_EU', 'CHN', 'RUS'],
      flow: 'turnover',
      from: 2000,
      to: 2025,
      mode: 'absolute',
      sort: { id: 'last', desc: true },
    });
  });

  it('reads the example permalink', () => {
    const { params, ignored } = parseCompareSearchParams(
      { partners: 'DEU,FRA,ITA,CHN,RUS', flow: 'turnover', from: '2000', to: '2025', mode: 'share' },
      options,
    );
    expect(ignored).toEqual([]);
    expect(params).toMatchObject({
      partners: ['DEU', 'FRA', 'ITA', 'CHN', 'RUS'],
      from: 2000,
      to: 2025,
      mode: 'share',
    });
  });

  it('keeps the known partners of a list, names the unknown ones, and ignores case and duplicates', () => {
    const { params, ignored } = parseCompareSearchParams({ partners: 'deu,XXZ,chn,DEU,<script>' }, options);
    expect(params.partners).toEqual(['DEU', 'CHN']);
    expect(ignored).toEqual([
      {
        name: 'partners',
        value: 'XXZ,<SCRIPT>',
        expected: expect.stringContaining('partner codes'),
        outcome: expect.stringContaining('left out'),
      },
    ]);
  });

  it('falls back to the default partners when none is known, and caps the list', () => {
    const none = parseCompareSearchParams({ partners: 'ZZZ' }, options);
    expect(none.params.partners).toEqual(defaults.partners);
    expect(none.ignored).toEqual([expect.objectContaining({ name: 'partners', value: 'ZZZ', outcome: undefined })]);
    const many = parseCompareSearchParams({ partners: CODES.join(',') }, options);
    expect(many.params.partners).toHaveLength(MAX_COMPARE_PARTNERS);
    expect(many.ignored[0]).toMatchObject({
      expected: expect.stringMatching(/at most/),
      outcome: expect.stringMatching(/first 12/),
    });
  });

  it('ignores years outside the data and a range that runs backwards', () => {
    expect(parseCompareSearchParams({ from: '1980', to: '2099' }, options).ignored.map((i) => i.name)).toEqual([
      'from',
      'to',
    ]);
    const backwards = parseCompareSearchParams({ from: '2020', to: '2010' }, options);
    expect(backwards.params).toMatchObject({ from: 2000, to: 2010 });
    expect(backwards.ignored[0]?.name).toBe('from');
  });

  it('refuses a share of the balance and a log axis for values that can be negative', () => {
    const share = parseCompareSearchParams({ flow: 'balance', mode: 'share' }, options);
    expect(share.params.mode).toBe('absolute');
    expect(share.ignored[0]?.name).toBe('mode');
    expect(parseCompareSearchParams({ mode: 'change', scale: 'log' }, options).params.scale).toBe('linear');
    expect(parseCompareSearchParams({ mode: 'index', scale: 'log' }, options).params.scale).toBe('log');
  });

  it('accepts URLSearchParams (the export route) and rejects repeated parameters', () => {
    const { params, ignored } = parseCompareSearchParams(
      new URLSearchParams('flow=export&flow=import&currency=EUR'),
      options,
    );
    expect(params.flow).toBe('turnover');
    expect(params.currency).toBe('EUR');
    expect(ignored[0]?.name).toBe('flow');
  });

  it('sorts by one allow-listed key with key:dir, bare keys in their natural direction', () => {
    expect(parseCompareSearchParams({ sort: 'growth:asc' }, options).params.sort).toEqual({
      id: 'growth',
      desc: false,
    });
    expect(parseCompareSearchParams({ sort: 'partner' }, options).params.sort).toEqual({ id: 'partner', desc: false });
    const bad = parseCompareSearchParams({ sort: 'growth:asc,share:desc' }, options);
    expect(bad.params.sort).toEqual(defaults.sort);
    expect(bad.ignored[0]?.name).toBe('sort');
  });

  it('reads the old grammar sort=x&dir=y as the new one (the export route is not redirected)', () => {
    const { params, ignored } = parseCompareSearchParams(new URLSearchParams('sort=share&dir=desc'), options);
    expect(ignored).toEqual([]);
    expect(params.sort).toEqual({ id: 'share', desc: true });
    expect(serializeCompare(params, options)).toBe('?sort=share:desc');
  });
});

describe('serializeCompare', () => {
  it('drops defaults and keeps commas readable', () => {
    expect(serializeCompare(defaults, options)).toBe('');
    expect(serializeCompare({ ...defaults, partners: ['DEU', 'FRA'], mode: 'share' }, options)).toBe(
      '?partners=DEU,FRA&mode=share',
    );
  });

  it('writes every parameter for an explicit permalink', () => {
    expect(serializeCompare(defaults, options, { explicit: true })).toBe(
      '?partners=AGG_EU,CHN,RUS&flow=turnover&from=2000&to=2025&mode=absolute&scale=linear&currency=USD&sort=last:desc',
    );
  });

  it('round-trips through the parser', () => {
    const state = {
      ...defaults,
      partners: ['ITA', 'AGG_EU'],
      flow: 'import',
      from: 1995,
      to: 2010,
      mode: 'index',
      scale: 'log',
      currency: 'EUR',
      sort: { id: 'growth', desc: false },
    } as const;
    const query = new URLSearchParams(serializeCompare({ ...state, partners: [...state.partners] }, options));
    expect(parseCompareSearchParams(query, options)).toEqual({
      params: { ...state, partners: ['ITA', 'AGG_EU'] },
      ignored: [],
    });
  });
});
