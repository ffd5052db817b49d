import { say } from '@/lib/testing/consistency-texts';
import { describe, expect, it } from 'vitest';
import {
  compareFigures,
  isOfficialStatistics,
  isUsableBase,
  preferenceReason,
  rankFigures,
  type RankableFigure,
} from './preference';

const figure = (overrides: Partial<RankableFigure>): RankableFigure => ({
  official: false,
  impliedByChange: false,
  sourceId: 'x',
  sourceKind: 'STATISTICAL_DATASET',
  reporterCode: 'KAZ',
  derivation: 'PUBLISHED',
  qualifier: 'EXACT',
  isEstimate: false,
  ...overrides,
});

const imf = figure({ sourceId: 'imf_dots_2022_via_SamLeBlanc' });
const bns = figure({ sourceId: 'bns_312101_via_makenerzhan' });
const bnsDerived = figure({ sourceId: 'bns_312101_via_makenerzhan', derivation: 'DERIVED' });
const eu27 = figure({ sourceId: 'derived_eu27_from_bns_312101', derivation: 'DERIVED' });
const news = figure({ sourceId: 'news:qb_trade', sourceKind: 'NEWS_ARTICLE', qualifier: 'ABOUT' });
const statement = figure({ sourceId: 'article:001', sourceKind: 'OFFICIAL_STATEMENT' });

describe('rankFigures', () => {
  it('puts the official series first, whatever the other rules say', () => {
    // 2019: the official series takes IMF DOTS; the bureau's monthly sum is its own office's figure.
    const imfWorld = figure({ sourceId: 'imf_dots_2022_via_SamLeBlanc', official: true });
    const monthlySum = figure({ sourceId: 'bns_446905_monthly_via_makenerzhan', derivation: 'DERIVED' });
    expect(rankFigures([monthlySum, imfWorld])[0]).toBe(imfWorld);
    expect(say(preferenceReason(imfWorld, monthlySum))).toMatch(/official series/);
  });

  it('never prefers a figure worked back from a stated change, even over a news figure', () => {
    // EU Jan-Nov 2022 = 37.7 / 1.032, derived in the statement that states +3.2 %.
    const implied = figure({
      sourceId: 'article:001',
      sourceKind: 'OFFICIAL_STATEMENT',
      derivation: 'DERIVED',
      impliedByChange: true,
    });
    const newsFigure = figure({ sourceId: 'news:x', sourceKind: 'NEWS_ARTICLE', qualifier: 'ABOUT' });
    expect(rankFigures([implied, newsFigure])[0]).toBe(newsFigure);
    expect(say(preferenceReason(newsFigure, implied))).toMatch(/worked back from a stated change/);
  });

  it("prefers the reporter's own final edition over IMF DOTS for 2020, even when derived", () => {
    expect(rankFigures([imf, bns]).map((f) => f.sourceId)).toEqual([bns.sourceId, imf.sourceId]);
    expect(rankFigures([imf, eu27])[0]).toBe(eu27);
  });

  it('prefers official statistics over statements and news', () => {
    expect(rankFigures([news, statement, bnsDerived])).toEqual([bnsDerived, statement, news]);
  });

  it("does not count another reporter's office as its own", () => {
    const germanyReported = (sourceId: string) => figure({ sourceId, reporterCode: 'DEU' });
    // Neither is Germany's own office: the newer vintage (IMF's is known, BNS's is not relevant here) decides.
    expect(
      compareFigures(germanyReported('imf_dots_2022_via_SamLeBlanc'), germanyReported('unknown_source')),
    ).toBeLessThan(0);
  });

  it('prefers published over derived, exact over approximate, reported over estimated', () => {
    const a = figure({ sourceId: 'a' });
    expect(rankFigures([figure({ sourceId: 'a', derivation: 'DERIVED' }), a])[0]).toBe(a);
    expect(rankFigures([figure({ sourceId: 'a', qualifier: 'ABOUT' }), a])[0]).toBe(a);
    expect(rankFigures([figure({ sourceId: 'a', isEstimate: true }), a])[0]).toBe(a);
  });

  it('is stable and does not change its input', () => {
    const input = [figure({ sourceId: 'b' }), figure({ sourceId: 'a' })];
    expect(rankFigures(input).map((f) => f.sourceId)).toEqual(['a', 'b']);
    expect(input.map((f) => f.sourceId)).toEqual(['b', 'a']);
  });
});

describe('preferenceReason', () => {
  it('names the first rule that tells two figures apart', () => {
    expect(say(preferenceReason(bns, imf))).toMatch(/own statistical office/);
    expect(say(preferenceReason(bnsDerived, news))).toMatch(/^Official statistics over a news figure/);
    expect(say(preferenceReason(figure({ sourceId: 'a' }), figure({ sourceId: 'a', derivation: 'DERIVED' })))).toBe(
      'A published figure over a derived one.',
    );
    expect(say(preferenceReason(figure({ sourceId: 'a' }), figure({ sourceId: 'b' })))).toMatch(/same standing/);
  });
});

describe('isUsableBase', () => {
  it('refuses only figures worked back from a stated change', () => {
    expect(isUsableBase(figure({ derivation: 'DERIVED' }))).toBe(true);
    expect(isUsableBase(figure({ derivation: 'DERIVED', impliedByChange: true }))).toBe(false);
  });
});

describe('isOfficialStatistics', () => {
  it('is true for statistical datasets only', () => {
    expect(isOfficialStatistics(imf)).toBe(true);
    expect(isOfficialStatistics(news)).toBe(false);
    expect(isOfficialStatistics(statement)).toBe(false);
  });
});
