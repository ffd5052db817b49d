import { describe, expect, it } from 'vitest';
import type { SeriesBreak } from '@/lib/charts/series-breaks';
import {
  coverageSignal,
  explainingBreaks,
  isLargeEnough,
  isMirrorJump,
  mirrorRatio,
  ratioMove,
  type CoverageYear,
} from './break-signals';

const point = (year: number, reportedUsdMn: number, mirrorUsdMn: number) => ({ year, reportedUsdMn, mirrorUsdMn });

describe('mirror ratio signals', () => {
  it('measures how many times the ratio moved, either way', () => {
    expect(mirrorRatio(point(2009, 900, 1000))).toBeCloseTo(0.9);
    expect(ratioMove(point(2009, 900, 1000), point(2010, 450, 1000))).toBeCloseTo(2);
    expect(ratioMove(point(2010, 450, 1000), point(2011, 900, 1000))).toBeCloseTo(2);
    expect(ratioMove(point(2010, 0, 1000), point(2011, 900, 1000))).toBeNull();
  });

  it('flags a move of more than a factor of 2 between consecutive years', () => {
    expect(isMirrorJump(point(2009, 9000, 9000), point(2010, 4000, 9000))).toBe(true);
    expect(isMirrorJump(point(2009, 9000, 9000), point(2010, 4600, 9000))).toBe(false);
    // Not consecutive: a gap year is no year-on-year move.
    expect(isMirrorJump(point(2008, 9000, 9000), point(2010, 4000, 9000))).toBe(false);
  });

  it('leaves out partners too small in either year', () => {
    expect(isLargeEnough(point(2015, 100, 600), point(2016, 550, 100))).toBe(true);
    expect(isLargeEnough(point(2015, 100, 400), point(2016, 900, 900))).toBe(false);
    expect(isMirrorJump(point(2015, 400, 100), point(2016, 100, 400))).toBe(false);
  });
});

describe('coverageSignal', () => {
  const year = (overrides: Partial<CoverageYear>): CoverageYear => ({
    year: 2000,
    partners: 100,
    enteringUsdMn: 0,
    leavingUsdMn: 0,
    worldUsdMn: 1000,
    previousWorldUsdMn: 1000,
    ...overrides,
  });

  it('flags a partner count that changes by more than 20 %', () => {
    expect(coverageSignal(year({ partners: 121 }), 100).reasons).toEqual(['count']);
    expect(coverageSignal(year({ partners: 79 }), 100).reasons).toEqual(['count']);
    expect(coverageSignal(year({ partners: 120 }), 100).reasons).toEqual([]);
  });

  it('flags partners entering or leaving with more than 5 % of the total', () => {
    const entering = coverageSignal(year({ enteringUsdMn: 60 }), 100);
    expect(entering.reasons).toEqual(['entering']);
    expect(entering.enteringShare).toBeCloseTo(0.06);
    expect(coverageSignal(year({ leavingUsdMn: 51, previousWorldUsdMn: 1000 }), 100).reasons).toEqual(['leaving']);
    expect(coverageSignal(year({ enteringUsdMn: 50 }), 100).reasons).toEqual([]);
  });

  it('has no signal in the first year, whatever entered', () => {
    expect(coverageSignal(year({ enteringUsdMn: 1000, previousWorldUsdMn: null }), null)).toEqual({
      countChange: null,
      enteringShare: null,
      leavingShare: null,
      reasons: [],
    });
  });
});

describe('explainingBreaks', () => {
  const brk = (overrides: Partial<SeriesBreak>): SeriesBreak => ({
    key: 'k',
    kind: 'DISCONTINUITY',
    firstYear: 2010,
    lastYear: 2010,
    partnerCodes: [],
    label: 'label',
    description: 'description',
    sourceId: null,
    url: null,
    ...overrides,
  });
  const customsUnion = brk({ key: 'cu', partnerCodes: ['RUS', 'BLR', 'AGG_WORLD'] });
  const incomplete = brk({ key: 'inc', kind: 'INCOMPLETE', firstYear: 1992, lastYear: 1993 });
  const sourceChange = brk({ key: 'src', kind: 'SOURCE_CHANGE', firstYear: 2020, lastYear: 2020 });
  const breaks = [incomplete, customsUnion, sourceChange];

  it('explains the moves into and out of a discontinuity for the partners it names', () => {
    expect(explainingBreaks(breaks, 2010, 'RUS')).toEqual([customsUnion]);
    expect(explainingBreaks(breaks, 2011, 'RUS')).toEqual([customsUnion]);
    expect(explainingBreaks(breaks, 2012, 'RUS')).toEqual([]);
    expect(explainingBreaks(breaks, 2010, 'USA')).toEqual([]);
  });

  it('explains an incomplete span and the year after it for every partner', () => {
    expect(explainingBreaks(breaks, 1993, 'DEU')).toEqual([incomplete]);
    expect(explainingBreaks(breaks, 1994, null)).toEqual([incomplete]);
    expect(explainingBreaks(breaks, 1995, null)).toEqual([]);
  });

  it('explains a change of source in its first year only', () => {
    expect(explainingBreaks(breaks, 2020, 'CHN')).toEqual([sourceChange]);
    expect(explainingBreaks(breaks, 2021, 'CHN')).toEqual([]);
  });

  it('explains a signal about the whole series only by breaks of every partner or of the total', () => {
    expect(explainingBreaks(breaks, 2010, null)).toEqual([customsUnion]);
    expect(explainingBreaks([brk({ partnerCodes: ['RUS'] })], 2010, null)).toEqual([]);
  });
});
