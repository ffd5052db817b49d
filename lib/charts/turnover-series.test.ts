import { describe, expect, it } from 'vitest';
import type { TurnoverSeriesPartner } from '@/lib/queries/overview';
import { WORLD_TOTAL_LABEL, toTurnoverChartSeries } from './turnover-series';

const world: TurnoverSeriesPartner = { code: 'AGG_WORLD', name: 'World', kind: 'GROUP', isWorld: true, rank: 0 };
const russia: TurnoverSeriesPartner = {
  code: 'RUS',
  name: 'Russian Federation',
  kind: 'COUNTRY',
  isWorld: false,
  rank: 1,
};
const china: TurnoverSeriesPartner = { code: 'CHN', name: 'China', kind: 'COUNTRY', isWorld: false, rank: 2 };

describe('toTurnoverChartSeries', () => {
  it('makes one row per year with one key per partner', () => {
    const { data, categories } = toTurnoverChartSeries({
      partners: [world, russia, china],
      points: [
        { partnerCode: 'AGG_WORLD', year: 2019, valueUsdMn: 97_000, sourceId: 's', derivation: 'PUBLISHED' },
        { partnerCode: 'RUS', year: 2019, valueUsdMn: 19_000, sourceId: 's', derivation: 'PUBLISHED' },
        { partnerCode: 'CHN', year: 2019, valueUsdMn: 14_000, sourceId: 's', derivation: 'PUBLISHED' },
        { partnerCode: 'AGG_WORLD', year: 2020, valueUsdMn: 85_069.7, sourceId: 's', derivation: 'PUBLISHED' },
        { partnerCode: 'RUS', year: 2020, valueUsdMn: 18_199.7, sourceId: 's', derivation: 'PUBLISHED' },
        { partnerCode: 'CHN', year: 2020, valueUsdMn: 15_350.5, sourceId: 's', derivation: 'PUBLISHED' },
      ],
      fromYear: 2019,
      toYear: 2020,
    });
    expect(data).toEqual([
      { year: 2019, AGG_WORLD: 97_000, RUS: 19_000, CHN: 14_000 },
      { year: 2020, AGG_WORLD: 85_069.7, RUS: 18_199.7, CHN: 15_350.5 },
    ]);
    expect(categories).toEqual([
      { key: 'AGG_WORLD', label: WORLD_TOTAL_LABEL, isTotal: true },
      { key: 'RUS', label: 'Russian Federation', isTotal: false },
      { key: 'CHN', label: 'China', isTotal: false },
    ]);
  });

  it('labels the world total in the language it is given', () => {
    const { categories } = toTurnoverChartSeries(
      { partners: [world, russia], points: [], fromYear: 2019, toYear: 2019 },
      'Мир (итого)',
    );
    expect(categories.map((c) => c.label)).toEqual(['Мир (итого)', 'Russian Federation']);
  });

  it('leaves gaps as null, never 0, including years without any point', () => {
    const { data } = toTurnoverChartSeries({
      partners: [russia, china],
      points: [
        { partnerCode: 'RUS', year: 1995, valueUsdMn: 4_000, sourceId: 's', derivation: 'PUBLISHED' },
        { partnerCode: 'CHN', year: 1997, valueUsdMn: 500, sourceId: 's', derivation: 'PUBLISHED' },
      ],
      fromYear: 1995,
      toYear: 1997,
    });
    expect(data).toEqual([
      { year: 1995, RUS: 4_000, CHN: null },
      { year: 1996, RUS: null, CHN: null },
      { year: 1997, RUS: null, CHN: 500 },
    ]);
    for (const row of data) {
      expect(Object.values(row)).not.toContain(0);
    }
  });

  it('keeps a real zero as 0', () => {
    const { data } = toTurnoverChartSeries({
      partners: [russia],
      points: [{ partnerCode: 'RUS', year: 2000, valueUsdMn: 0, sourceId: 's', derivation: 'PUBLISHED' }],
      fromYear: 2000,
      toYear: 2000,
    });
    expect(data).toEqual([{ year: 2000, RUS: 0 }]);
  });

  it('ignores points outside the range or for partners not listed', () => {
    const { data } = toTurnoverChartSeries({
      partners: [russia],
      points: [
        { partnerCode: 'RUS', year: 1990, valueUsdMn: 1, sourceId: 's', derivation: 'PUBLISHED' },
        { partnerCode: 'DEU', year: 2000, valueUsdMn: 2, sourceId: 's', derivation: 'PUBLISHED' },
        { partnerCode: 'RUS', year: 2000, valueUsdMn: 3, sourceId: 's', derivation: 'PUBLISHED' },
      ],
      fromYear: 2000,
      toYear: 2000,
    });
    expect(data).toEqual([{ year: 2000, RUS: 3 }]);
  });

  it('returns no rows but keeps the categories when there is no year range', () => {
    const { data, categories } = toTurnoverChartSeries({
      partners: [russia],
      points: [],
      fromYear: null,
      toYear: null,
    });
    expect(data).toEqual([]);
    expect(categories).toHaveLength(1);
  });

  it('refuses two values for one partner and year instead of silently picking one', () => {
    expect(() =>
      toTurnoverChartSeries({
        partners: [russia],
        points: [
          { partnerCode: 'RUS', year: 2000, valueUsdMn: 1, sourceId: 's', derivation: 'PUBLISHED' },
          { partnerCode: 'RUS', year: 2000, valueUsdMn: 2, sourceId: 's', derivation: 'PUBLISHED' },
        ],
        fromYear: 2000,
        toYear: 2000,
      }),
    ).toThrow(/Duplicate turnover point for RUS in 2000/);
  });
});
