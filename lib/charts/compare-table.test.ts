import { describe, expect, it } from 'vitest';
import { shapeCompareSeries } from './compare-series';
import { toCompareExportRows } from './compare-table';

describe('toCompareExportRows', () => {
  const shape = shapeCompareSeries({
    partners: [{ code: 'CHN', name: 'China' }],
    points: [
      { partnerCode: 'CHN', year: 2020, valueUsdMn: 100, sourceId: 'bns', isEstimate: false, derivation: 'PUBLISHED' },
      { partnerCode: 'CHN', year: 2022, valueUsdMn: 125, sourceId: 'bns', isEstimate: true, derivation: 'DERIVED' },
    ],
    world: [],
    mode: 'index',
    scale: 'linear',
    currency: 'EUR',
    fromYear: 2020,
    toYear: 2022,
    rates: [
      { year: 2020, usdPerEur: 1, isProvisional: false },
      { year: 2022, usdPerEur: 1.25, isProvisional: false },
    ],
  });

  it('writes one row per partner and year with a value, qualified', () => {
    const rows = toCompareExportRows(shape, {
      flow: 'turnover',
      mode: 'index',
      sourceTitles: new Map([['bns', 'Bureau']]),
    });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      partner_code: 'CHN',
      year: 2020,
      value: 100,
      value_unit: 'index, 2020 = 100',
      amount: 100,
      amount_unit: 'EUR million',
      source: 'Bureau',
    });
    expect(rows[1]).toMatchObject({ year: 2022, value: 100, amount: 100, is_estimate: true, is_derived: true });
    expect(rows[1]?.conversion).toBe('converted from USD at the ECB 2022 average, 1.2500 USD/EUR');
  });
});

describe('toCompareExportRows order', () => {
  const shape = shapeCompareSeries({
    partners: [
      { code: 'CHN', name: 'China' },
      { code: 'RUS', name: 'Russia' },
      { code: 'DEU', name: 'Germany' },
    ],
    points: ['CHN', 'RUS', 'DEU'].flatMap((partnerCode, i) =>
      [2020, 2021].map((year) => ({
        partnerCode,
        year,
        valueUsdMn: 10 * (i + 1) + year - 2020,
        sourceId: 'bns',
        isEstimate: false,
        derivation: 'PUBLISHED',
      })),
    ),
    world: [],
    mode: 'absolute',
    scale: 'linear',
    currency: 'USD',
    fromYear: 2020,
    toYear: 2021,
    rates: [],
  });

  it('lists partners in the screen’s order, then years', () => {
    const rows = toCompareExportRows(shape, {
      flow: 'turnover',
      mode: 'absolute',
      sourceTitles: new Map(),
      partnerOrder: ['DEU', 'CHN'],
    });
    expect(rows.map((r) => `${r.partner_code} ${r.year}`)).toEqual([
      'DEU 2020',
      'DEU 2021',
      'CHN 2020',
      'CHN 2021',
      'RUS 2020',
      'RUS 2021',
    ]);
  });
});
