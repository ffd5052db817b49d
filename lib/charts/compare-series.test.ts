import { describe, expect, it } from 'vitest';
import {
  formatYears,
  shapeCompareSeries,
  sortCompareSummary,
  type CompareShapeInput,
  type CompareSourcePoint,
} from './compare-series';

const point = (
  partnerCode: string,
  year: number,
  valueUsdMn: number,
  sourceId = 'imf',
  derivation = 'PUBLISHED',
): CompareSourcePoint => ({
  partnerCode,
  year,
  valueUsdMn,
  sourceId,
  isEstimate: false,
  derivation,
});

const base: CompareShapeInput = {
  partners: [
    { code: 'CHN', name: 'China' },
    { code: 'RUS', name: 'Russia' },
  ],
  points: [
    point('CHN', 2019, 100),
    point('CHN', 2020, 150, 'bns'),
    point('CHN', 2021, 200, 'bns'),
    // Russia has no 2019 value: a gap, and an index based on 2020.
    point('RUS', 2020, 50, 'bns'),
    point('RUS', 2021, 40, 'bns'),
  ],
  world: [
    point('AGG_WORLD', 2019, 1000),
    point('AGG_WORLD', 2020, 1000),
    point('AGG_WORLD', 2021, 800, 'monthly', 'DERIVED'),
  ],
  mode: 'absolute',
  scale: 'linear',
  currency: 'USD',
  fromYear: 2019,
  toYear: 2021,
  rates: [
    { year: 2020, usdPerEur: 1.25, isProvisional: false },
    { year: 2021, usdPerEur: 1, isProvisional: true },
  ],
};

describe('shapeCompareSeries', () => {
  it('draws absolute values with gaps, not zeros, and marks the source change', () => {
    const shape = shapeCompareSeries(base);
    expect(shape.data).toEqual([
      { year: 2019, CHN: 100, RUS: null },
      { year: 2020, CHN: 150, RUS: 50 },
      { year: 2021, CHN: 200, RUS: 40 },
    ]);
    expect(shape.unit).toEqual({ kind: 'currency', label: 'USD million', currency: 'USD' });
    expect(shape.breaks).toEqual([{ year: 2020, fromSourceId: 'imf', toSourceId: 'bns' }]);
    expect(shape.sourceIds).toEqual(['bns', 'imf']);
  });

  it('computes shares of the world total of the same year, including its source', () => {
    const shape = shapeCompareSeries({ ...base, mode: 'share' });
    expect(shape.data.map((row) => row.CHN)).toEqual([0.1, 0.15, 0.25]);
    expect(shape.unit.kind).toBe('share');
    expect(shape.sourceIds).toContain('monthly');
    expect(shape.breaks.map((b) => b.toSourceId)).toEqual(['bns', 'monthly']);
  });

  it('indexes on the first year and says when a partner had to start later', () => {
    const shape = shapeCompareSeries({ ...base, mode: 'index' });
    expect(shape.data.map((row) => row.CHN)).toEqual([100, 150, 200]);
    expect(shape.data.map((row) => row.RUS)).toEqual([null, 100, 80]);
    expect(shape.indexBase).toEqual({ CHN: 2019, RUS: 2020 });
    expect(shape.notes).toEqual(['Russia: no value in 2019, so 2020 = 100.']);
  });

  it('gives the change on the previous year', () => {
    const shape = shapeCompareSeries({ ...base, mode: 'change' });
    expect(shape.data.map((row) => row.CHN)).toEqual([null, 0.5, expect.closeTo(1 / 3, 12)]);
    expect(shape.data.map((row) => row.RUS)).toEqual([null, null, expect.closeTo(-0.2, 12)]);
  });

  it('says when a change is undefined because the year before was not positive', () => {
    const points = [point('CHN', 2019, -10), point('CHN', 2020, 5, 'bns'), point('CHN', 2021, 10, 'bns')];
    const shape = shapeCompareSeries({ ...base, partners: [{ code: 'CHN', name: 'China' }], points, mode: 'change' });
    expect(shape.data.map((row) => row.CHN)).toEqual([null, null, 1]);
    expect(shape.notes).toEqual([
      '1 year has no percentage change because the year before was zero or negative (a deficit has no percentage change).',
    ]);
  });

  it('leaves non-positive values off a log chart but keeps them in the table', () => {
    const points = [...base.points, point('CHN', 2022, -5)];
    const shape = shapeCompareSeries({ ...base, points, toYear: 2022, scale: 'log' });
    expect(shape.data.at(-1)?.CHN).toBeNull();
    expect(shape.cells.CHN?.[2022]?.value).toBe(-5);
    expect(shape.notes[0]).toMatch(/1 zero or negative value is not drawn/);
  });

  it('converts to euro with the stated rate, labels it, and leaves years without a rate empty', () => {
    const shape = shapeCompareSeries({ ...base, currency: 'EUR' });
    expect(shape.unit.label).toBe('EUR million');
    expect(shape.data.map((row) => row.CHN)).toEqual([null, 120, 200]);
    expect(shape.cells.CHN?.[2020]?.conversion).toEqual({
      from: 'USD',
      to: 'EUR',
      year: 2020,
      usdPerEur: 1.25,
      isProvisional: false,
    });
    expect(shape.conversion).toEqual({
      fromYear: 2020,
      toYear: 2021,
      yearsWithoutRate: [2019],
      provisionalYears: [2021],
    });
    expect(shape.notes.some((note) => note.includes('2019'))).toBe(true);
  });

  it('summarises each partner: first and last value, change, growth and share', () => {
    const [china, russia] = shapeCompareSeries(base).summary;
    expect(china).toMatchObject({
      firstYear: 2019,
      firstAmount: 100,
      lastYear: 2021,
      lastAmount: 200,
      change: 100,
      share: 0.25,
    });
    expect(china?.growth).toBeCloseTo(Math.SQRT2 - 1, 12);
    expect(russia).toMatchObject({
      firstYear: 2020,
      lastYear: 2021,
      change: -10,
      growth: expect.closeTo(-0.2, 12),
      share: 0.05,
    });
  });

  it('refuses two values for one partner and year', () => {
    expect(() => shapeCompareSeries({ ...base, points: [...base.points, point('CHN', 2019, 1, 'bns')] })).toThrow(
      /Duplicate/,
    );
  });
});

describe('sortCompareSummary', () => {
  const rows = shapeCompareSeries(base).summary;
  it('sorts by an allow-listed key, missing values last', () => {
    expect(sortCompareSummary(rows, 'growth', 'desc').map((r) => r.code)).toEqual(['CHN', 'RUS']);
    expect(sortCompareSummary(rows, 'growth', 'asc').map((r) => r.code)).toEqual(['RUS', 'CHN']);
    expect(sortCompareSummary(rows, 'partner', 'asc').map((r) => r.name)).toEqual(['China', 'Russia']);
    const withMissing = [...rows, { ...rows[0]!, code: 'X', name: 'Aaa', growth: null }];
    expect(sortCompareSummary(withMissing, 'growth', 'asc').at(-1)?.code).toBe('X');
  });
});

describe('formatYears', () => {
  it('collapses runs', () => {
    expect(formatYears([1994, 1992, 1993])).toBe('1992–1994');
    expect(formatYears([1995, 1997])).toBe('1995, 1997');
  });
});

describe('shapeCompareSeries across known breaks', () => {
  const breaks = [
    {
      key: 'incomplete',
      kind: 'INCOMPLETE' as const,
      firstYear: 1992,
      lastYear: 1993,
      partnerCodes: [],
      label: 'Incomplete coverage',
      description: '',
      sourceId: null,
      url: null,
    },
    {
      key: 'union',
      kind: 'DISCONTINUITY' as const,
      firstYear: 2010,
      lastYear: 2010,
      partnerCodes: ['RUS', 'AGG_WORLD'],
      label: 'Customs union from July 2010',
      description: '',
      sourceId: null,
      url: null,
    },
  ];
  const input: CompareShapeInput = {
    ...base,
    points: [
      point('CHN', 1992, 373),
      point('CHN', 1994, 219),
      point('CHN', 2011, 21313),
      point('RUS', 2009, 12444),
      point('RUS', 2010, 7761),
      point('RUS', 2011, 23784),
    ],
    world: [point('AGG_WORLD', 1992, 704), point('AGG_WORLD', 2011, 126209)],
    fromYear: 1992,
    toYear: 2011,
  };

  it('never takes a first year, a base or a growth end from an incomplete year, and names the breaks spanned', () => {
    const shape = shapeCompareSeries({ ...input, breaks });
    const china = shape.summary.find((r) => r.code === 'CHN');
    // 1992 is incomplete: China's summary starts in 1994, not at 53% of a fraction of the total.
    expect(china).toMatchObject({ firstYear: 1994, firstAmount: 219, lastYear: 2011, breaks: [] });
    const russia = shape.summary.find((r) => r.code === 'RUS');
    expect(russia).toMatchObject({ firstYear: 2009, lastYear: 2011, breaks: ['Customs union from July 2010'] });
    // The chart still shows every published value.
    expect(shape.data.find((d) => d.year === 2010)?.RUS).toBe(7761);
    const indexed = shapeCompareSeries({ ...input, breaks, mode: 'index' });
    expect(indexed.indexBase.CHN).toBe(1994);
    expect(indexed.notes).toContain('China: 1992 is an incomplete year of the series, so 1994 = 100.');
  });

  it('without breaks, takes the first published year as before', () => {
    expect(shapeCompareSeries(input).summary.find((r) => r.code === 'CHN')?.firstYear).toBe(1992);
  });
});
