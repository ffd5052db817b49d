import { describe, expect, it } from 'vitest';
import {
  describeSourceBreak,
  shortSourceName,
  sourceBreakLabel,
  sourceBreakLines,
  sourcesSentence,
  worldTotalOrigin,
} from './provenance-text';

describe('provenance text', () => {
  it('names the source change and labels its marker', () => {
    const b = { year: 2020, fromSourceId: 'imf_dots_2022_via_SamLeBlanc', toSourceId: 'bns_312101_via_makenerzhan' };
    expect(describeSourceBreak(b)).toBe('From 2020: the bureau’s final editions (before: IMF DOTS)');
    expect(sourceBreakLabel(b)).toBe('Bureau data from 2020');
    expect(sourceBreakLabel({ ...b, toSourceId: 'imf_dots_2022_via_SamLeBlanc' })).toBe('IMF data from 2020');
    expect(shortSourceName('unknown_source')).toBe('unknown_source');
  });

  it('says how a world total was obtained, one wording for every screen and download', () => {
    const bureau = 'bns_312101_via_makenerzhan';
    expect(worldTotalOrigin({ sourceId: bureau, derived: true })).toBe(
      'derived: the sum of every partner row of the bureau’s by-country table',
    );
    expect(worldTotalOrigin({ sourceId: bureau, derived: false })).toBe('as published (the bureau’s final editions)');
    expect(worldTotalOrigin({ sourceId: 'imf_dots_2022_via_SamLeBlanc', derived: false })).toBe(
      'the world row of IMF DOTS (turnover = its exports + imports)',
    );
    expect(worldTotalOrigin({ sourceId: 'other', derived: true })).toBe('derived from other');
    expect(worldTotalOrigin({ sourceId: null, derived: false })).toBe('no total for this year');
  });

  it('joins attributions into one sentence without doubled stops', () => {
    expect(sourcesSentence([{ attribution: 'IMF, DOTS.' }, { attribution: 'Bureau. ' }])).toBe(
      'Sources: IMF, DOTS; Bureau.',
    );
    expect(sourcesSentence([{ attribution: 'ECB' }])).toBe('Source: ECB.');
    expect(sourcesSentence([])).toBe('');
  });

  it('draws one marker per year, labelled once per kind of source', () => {
    const imf = 'imf_dots_2022_via_SamLeBlanc';
    const lines = sourceBreakLines([
      { year: 2020, fromSourceId: imf, toSourceId: 'bns_312101_via_makenerzhan' },
      { year: 2020, fromSourceId: imf, toSourceId: 'derived_eu27_from_bns_312101' },
      { year: 2019, fromSourceId: 'bns_312101_via_makenerzhan', toSourceId: imf },
    ]);
    expect(lines).toEqual([
      { x: 2019, label: 'IMF data from 2019' },
      { x: 2020, label: 'Bureau data from 2020' },
    ]);
  });
});
