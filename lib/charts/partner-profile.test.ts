import { describe, expect, it } from 'vitest';
import {
  coverageList,
  eventDatePrecision,
  groupByConcept,
  largestMirrorGap,
  toMirrorRows,
  toProfileTradeChart,
  toShareOfWorldRows,
  type ProfilePointInput,
} from './partner-profile';

const p = (flow: ProfilePointInput['flow'], year: number, valueUsdMn: number, sourceId = 'imf'): ProfilePointInput => ({
  flow,
  year,
  valueUsdMn,
  sourceId,
  isEstimate: false,
  derivation: 'PUBLISHED',
});

describe('toProfileTradeChart', () => {
  it('makes one row per year with gaps as null and marks the source change', () => {
    const chart = toProfileTradeChart([
      p('export', 2018, 10),
      p('turnover', 2018, 15),
      p('export', 2020, 12, 'bns'),
      p('turnover', 2020, 20, 'bns'),
    ]);
    expect(chart.rows.map((r) => [r.year, r.export, r.import, r.turnover])).toEqual([
      [2018, 10, null, 15],
      [2019, null, null, null],
      [2020, 12, null, 20],
    ]);
    expect(chart.breaks).toEqual([{ year: 2020, fromSourceId: 'imf', toSourceId: 'bns' }]);
    expect(chart.sourceIds).toEqual(['bns', 'imf']);
  });

  it('is empty without points', () => {
    expect(toProfileTradeChart([])).toEqual({ rows: [], breaks: [], fromYear: null, toYear: null, sourceIds: [] });
  });
});

describe('toShareOfWorldRows', () => {
  it('divides by the world total of the same year', () => {
    expect(
      toShareOfWorldRows(
        [
          { year: 2020, valueUsdMn: 20 },
          { year: 2021, valueUsdMn: 5 },
        ],
        [{ year: 2020, valueUsdMn: 80 }],
      ),
    ).toEqual([
      { year: 2020, share: 0.25 },
      { year: 2021, share: null },
    ]);
  });
});

describe('mirror rows', () => {
  // The Netherlands in 2020: Kazakhstan reports 3,149 of exports, the Netherlands 140 of imports.
  const rows = toMirrorRows([
    {
      year: 2020,
      kazExportUsdMn: 3148.6,
      partnerImportUsdMn: 139.9,
      kazImportUsdMn: 211.6,
      partnerExportUsdMn: 673.7,
      hasEstimate: false,
    },
    {
      year: 2019,
      kazExportUsdMn: 5000,
      partnerImportUsdMn: null,
      kazImportUsdMn: 0,
      partnerExportUsdMn: 10,
      hasEstimate: true,
    },
  ]);

  it('computes the gap and ratio only where both sides exist', () => {
    expect(rows.map((r) => r.year)).toEqual([2019, 2020]);
    expect(rows[0]?.exportGap).toEqual({ difference: null, ratio: null });
    expect(rows[0]?.importGap).toEqual({ difference: -10, ratio: null });
    expect(rows[1]?.exportGap.difference).toBeCloseTo(3008.7, 6);
    expect(rows[1]?.exportGap.ratio).toBeCloseTo(22.5, 1);
  });

  it('finds the largest disagreement', () => {
    expect(largestMirrorGap(rows)).toMatchObject({ year: 2020, side: 'export', kaz: 3148.6, partner: 139.9 });
    expect(largestMirrorGap([])).toBeNull();
  });
});

describe('groupByConcept', () => {
  it('keeps the FDI concepts apart and drops anything else', () => {
    const groups = groupByConcept([
      { indicatorCode: 'fdi_gross_inflow', id: 1 },
      { indicatorCode: 'fdi_inward_stock', id: 2 },
      { indicatorCode: 'turnover', id: 3 },
      { indicatorCode: 'fdi_gross_inflow', id: 4 },
    ]);
    expect(groups.fdi_gross_inflow.map((f) => f.id)).toEqual([1, 4]);
    expect(groups.fdi_inward_stock).toHaveLength(1);
    expect(groups.fdi_net_inflow).toEqual([]);
    expect(groups.fdi_cumulative_inflow).toEqual([]);
  });
});

describe('eventDatePrecision', () => {
  it('reads the precision from the stored span', () => {
    expect(eventDatePrecision('2022-01-01', '2022-12-31')).toBe('year');
    expect(eventDatePrecision('2022-10-01', '2022-10-31')).toBe('month');
    expect(eventDatePrecision('2024-02-01', '2024-02-29')).toBe('month');
    expect(eventDatePrecision('2023-05-18', '2023-05-19')).toBe('day');
    expect(eventDatePrecision('2023-01-01', null)).toBe('day');
  });
});

describe('coverageList', () => {
  const english = {
    none: 'no partner',
    pair: (init: string, last: string) => `${init} and ${last}`,
    more: (shown: string, count: number) => `${shown} and ${count} more`,
  };
  const russian = {
    none: 'ни одного партнёра',
    pair: (init: string, last: string) => `${init} и ${last}`,
    more: (shown: string, count: number) => `${shown} и ещё ${count}`,
  };

  it('names one, two or a few partners, without a comma before "and"', () => {
    expect(coverageList([], english)).toBe('no partner');
    expect(coverageList(['China'], english)).toBe('China');
    expect(coverageList(['China', 'France', 'Germany'], english)).toBe('China, France and Germany');
  });

  it('names the first six and counts the rest', () => {
    const names = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
    expect(coverageList(names, english)).toBe('A, B, C, D, E, F and 2 more');
    expect(coverageList(names, russian, 2)).toBe('A, B и ещё 6');
    expect(coverageList(['Китай', 'Франция'], russian)).toBe('Китай и Франция');
  });
});
