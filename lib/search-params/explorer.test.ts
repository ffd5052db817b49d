import { describe, expect, it } from 'vitest';
import {
  DEFAULT_EXPLORER_COLUMNS,
  hasExplorerFilters,
  parseExplorerSearchParams,
  serializeExplorerSearchParams,
} from './explorer';

describe('explorer search params', () => {
  it('shows the default columns and writes no cols for them', () => {
    const { state, ignored } = parseExplorerSearchParams({});
    expect(state.columns).toEqual(DEFAULT_EXPLORER_COLUMNS);
    expect(ignored).toEqual([]);
    expect(serializeExplorerSearchParams(state)).toBe('');
  });

  it('reads chosen columns in display order and keeps them in the URL', () => {
    const { state } = parseExplorerSearchParams({ cols: 'value,partner,note', partner: 'DEU', page: '2' });
    expect(state.columns).toEqual(['partner', 'value', 'note']);
    expect(serializeExplorerSearchParams(state)).toBe('?partner=DEU&page=2&cols=partner,value,note');
  });

  it('ignores unknown columns with a notice', () => {
    const { state, ignored } = parseExplorerSearchParams({ cols: 'colour' });
    expect(state.columns).toEqual(DEFAULT_EXPLORER_COLUMNS);
    expect(ignored[0]?.name).toBe('cols');
  });

  it('tells filters from view choices', () => {
    expect(
      hasExplorerFilters(parseExplorerSearchParams({ sort: 'year:desc', page: '3', cols: 'year' }).state.query),
    ).toBe(false);
    expect(hasExplorerFilters(parseExplorerSearchParams({ from: '2000' }).state.query)).toBe(true);
  });
});
