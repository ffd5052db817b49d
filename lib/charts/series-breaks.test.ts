import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  breakMarkers,
  breaksBetween,
  breaksInView,
  honestPeak,
  peakCaveat,
  unusableYears,
  type SeriesBreak,
} from './series-breaks';

// The bundled breaks, read as the seed loads them: the tests hold the rules to the real data.
const BUNDLED: SeriesBreak[] = (
  parse(readFileSync(path.join(import.meta.dirname, '../../prisma/data/reference/series_breaks.csv')), {
    columns: true,
  }) as Record<string, string>[]
).map((r) => ({
  key: r.key ?? '',
  kind: r.kind as SeriesBreak['kind'],
  firstYear: Number(r.first_year),
  lastYear: Number(r.last_year),
  partnerCodes: (r.partner_codes ?? '').split(';').filter(Boolean),
  label: r.label ?? '',
  description: r.description ?? '',
  sourceId: r.source_id || null,
  url: r.url || null,
}));

describe('bundled series breaks', () => {
  it('name 1992-1993, 2010 and 2020', () => {
    expect(BUNDLED.map((b) => [b.kind, b.firstYear, b.lastYear])).toEqual([
      ['INCOMPLETE', 1992, 1993],
      ['DISCONTINUITY', 2010, 2010],
      ['SOURCE_CHANGE', 2020, 2020],
    ]);
  });

  it('make 1992-1993 unusable for every partner, and 2010 for Russia and for every share', () => {
    expect([...unusableYears(BUNDLED, 'DEU', 'value')]).toEqual([1992, 1993]);
    expect([...unusableYears(BUNDLED, 'RUS', 'value')]).toEqual([1992, 1993, 2010]);
    expect([...unusableYears(BUNDLED, 'AGG_EU', 'share')]).toEqual([1992, 1993, 2010]);
    // The EU's own turnover does not break with Russia's.
    expect(unusableYears(BUNDLED, 'AGG_EU', 'value').has(2010)).toBe(false);
  });

  it('are in view of a chart that crosses them, and only then', () => {
    const keys = (fromYear: number, toYear: number, partnerCodes = ['AGG_EU', 'CHN']) =>
      breaksInView(BUNDLED, { partnerCodes, measure: 'share', fromYear, toYear }).map((b) => b.firstYear);
    expect(keys(2000, 2025)).toEqual([2010, 2020]);
    expect(keys(1992, 2025)).toEqual([1992, 2010, 2020]);
    expect(keys(2011, 2019)).toEqual([]);
    expect(keys(2020, 2025)).toEqual([]); // starts at the change: nothing before it to compare with
    expect(keys(2019, 2020)).toEqual([2020]);
    expect(breaksInView(BUNDLED, { partnerCodes: ['CHN'], measure: 'value', fromYear: 2000, toYear: 2015 })).toEqual(
      [],
    );
  });

  it('lie between two years of a growth rate', () => {
    expect(breaksBetween(BUNDLED, 'RUS', 'value', 2005, 2015).map((b) => b.key)).toEqual(['kaz-2010-customs-union']);
    expect(breaksBetween(BUNDLED, 'CHN', 'value', 2005, 2015)).toEqual([]);
  });

  it('give one labelled marker per year', () => {
    expect(breakMarkers(BUNDLED.slice(1))).toEqual([
      { x: 2010, label: 'Customs union from July 2010' },
      { x: 2020, label: 'Bureau data from 2020' },
    ]);
  });
});

describe('honestPeak', () => {
  // Shaped like the EU's share of Kazakhstan's turnover, which is highest (44.6%) in 2010 only
  // because Russia's trade is undercounted that year; the integration test uses the real series.
  const euShare = [
    { year: 2008, value: 0.38 },
    { year: 2009, value: 0.41 },
    { year: 2010, value: 0.446 },
    { year: 2011, value: 0.43 },
    { year: 2021, value: 0.28 },
  ];

  it('never takes the peak from an incomplete year and names what it left out and spans', () => {
    const peak = honestPeak(euShare, BUNDLED, 'AGG_EU', 'share');
    expect(peak).toMatchObject({ year: 2011, value: 0.43 });
    expect(peak?.leftOut.map((b) => b.firstYear)).toEqual([2010]);
    expect(peak?.spans.map((b) => b.firstYear)).toEqual([2010, 2020]);
    expect(peakCaveat(peak!)).toBe('leaving out 2010 (Customs union from July 2010); across Bureau data from 2020');
  });

  it('says nothing extra about a series without breaks in view', () => {
    const peak = honestPeak(
      [
        { year: 2012, value: 1 },
        { year: 2015, value: 3 },
      ],
      BUNDLED,
      'CHN',
      'value',
    );
    expect(peak).toEqual({ year: 2015, value: 3, leftOut: [], spans: [] });
    expect(peakCaveat(peak!)).toBe('');
  });

  it('has no peak when every year is incomplete (China at 53% in 1992)', () => {
    expect(honestPeak([{ year: 1992, value: 0.53 }], BUNDLED, 'CHN', 'share')).toBeNull();
  });
});
