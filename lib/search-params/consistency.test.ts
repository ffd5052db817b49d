import { describe, expect, it } from 'vitest';
import { consistencyItemsHref, parseConsistencySearchParams } from './consistency';

describe('parseConsistencySearchParams', () => {
  it('lists the first items by default and every item with items=all', () => {
    expect(parseConsistencySearchParams({})).toEqual({ showAllItems: false });
    expect(parseConsistencySearchParams({ items: 'all' })).toEqual({ showAllItems: true });
  });

  it('falls back to the default for anything else', () => {
    expect(parseConsistencySearchParams({ items: 'some' })).toEqual({ showAllItems: false });
    expect(parseConsistencySearchParams({ items: ['all', 'x'] })).toEqual({ showAllItems: true });
    expect(parseConsistencySearchParams({ other: 'x' })).toEqual({ showAllItems: false });
  });
});

describe('consistencyItemsHref', () => {
  it('anchors the link to the check', () => {
    expect(consistencyItemsHref('same-figure', true)).toBe('/consistency?items=all#same-figure');
    expect(consistencyItemsHref('same-figure', false)).toBe('/consistency#same-figure');
  });
});
