import { describe, expect, it } from 'vitest';
import { describeSourceBreak, shortSourceName, sourceBreakLabel, sourcesSentence } from './provenance-text';

describe('provenance text', () => {
  it('names the source change and labels its marker', () => {
    const b = { year: 2020, fromSourceId: 'imf_dots_2022_via_SamLeBlanc', toSourceId: 'bns_312101_via_makenerzhan' };
    expect(describeSourceBreak(b)).toBe('From 2020: the bureau’s final editions (before: IMF DOTS)');
    expect(sourceBreakLabel(b)).toBe('bureau');
    expect(sourceBreakLabel({ ...b, toSourceId: 'bns_446905_monthly_via_makenerzhan' })).toBe('monthly sums');
    expect(shortSourceName('unknown_source')).toBe('unknown_source');
  });

  it('joins attributions into one sentence without doubled stops', () => {
    expect(sourcesSentence([{ attribution: 'IMF, DOTS.' }, { attribution: 'Bureau. ' }])).toBe('Sources: IMF, DOTS; Bureau.');
    expect(sourcesSentence([{ attribution: 'ECB' }])).toBe('Source: ECB.');
    expect(sourcesSentence([])).toBe('');
  });
});
