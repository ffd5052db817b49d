import { describe, expect, it } from 'vitest';
import { toCompositionChart } from './composition';

describe('toCompositionChart', () => {
  const parts = [
    { key: 'OTHER', label: 'Other partners', rank: 3 },
    { key: 'AGG_EU', label: 'European Union', rank: 1 },
    { key: 'CHN', label: 'China', rank: 2 },
  ];
  const points = [
    { year: 2021, key: 'AGG_EU', valueUsdMn: 30, share: 0.3 },
    { year: 2021, key: 'OTHER', valueUsdMn: 70, share: 0.7 },
    { year: 2022, key: 'AGG_EU', valueUsdMn: 40, share: 0.4 },
    { year: 2022, key: 'CHN', valueUsdMn: 20, share: 0.2 },
    { year: 2022, key: 'OTHER', valueUsdMn: 40, share: 0.4 },
  ];

  it('stacks the largest part first and the remainder last, with gaps as null', () => {
    const chart = toCompositionChart(parts, points, 'OTHER');
    expect(chart.categories.map((c) => [c.key, c.isOther])).toEqual([
      ['AGG_EU', false],
      ['CHN', false],
      ['OTHER', true],
    ]);
    expect(chart.data).toEqual([
      { year: 2021, AGG_EU: 0.3, CHN: null, OTHER: 0.7 },
      { year: 2022, AGG_EU: 0.4, CHN: 0.2, OTHER: 0.4 },
    ]);
    expect(chart.values[1]).toEqual({ year: 2022, AGG_EU: 40, CHN: 20, OTHER: 40 });
  });

  it('adds up to the whole in every year', () => {
    const chart = toCompositionChart(parts, points, 'OTHER');
    for (const row of chart.data) {
      const total = chart.categories.reduce((sum, c) => sum + (row[c.key] ?? 0), 0);
      expect(total).toBeCloseTo(1, 12);
    }
  });

  it('refuses a part twice in one year', () => {
    expect(() => toCompositionChart(parts, [...points, points[0]!], 'OTHER')).toThrow(/Duplicate/);
  });
});
