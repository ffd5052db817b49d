import { describe, expect, it } from 'vitest';
import { foldLegacySortDirection, parseAsSort, parseSortList, serializeSortList } from './sort';

const KEYS = ['name', 'share', 'rank_change'] as const;
const grammar = { max: 2, naturalDesc: (key: string) => key !== 'name' };

describe('the sort grammar', () => {
  it('reads key:dir lists and gives bare keys their natural direction', () => {
    expect(parseSortList('share:asc,name', KEYS, grammar)).toEqual({
      ok: true,
      items: [
        { id: 'share', desc: false },
        { id: 'name', desc: false },
      ],
    });
    expect(parseSortList(' rank_change ', KEYS, grammar)).toEqual({
      ok: true,
      items: [{ id: 'rank_change', desc: true }],
    });
  });

  it.each([
    ['', 'empty'],
    [',', 'empty'],
    ['colour', 'name, share, rank_change'],
    ['share:up', 'key:asc or key:desc'],
    ['share desc', 'key:asc'],
    ['share:desc:1', 'key:asc'],
    ['name:asc,name:desc', 'once'],
    ['name,share,rank_change', 'at most 2'],
  ])('refuses %j saying what it expected', (text, message) => {
    const result = parseSortList(text, KEYS, grammar);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });

  it('always writes the direction, so one order has one URL', () => {
    expect(
      serializeSortList([
        { id: 'share', desc: true },
        { id: 'name', desc: false },
      ]),
    ).toBe('share:desc,name:asc');
    const parser = parseAsSort(KEYS, grammar);
    expect(parser.serialize(parser.parse('share,name') ?? [])).toBe('share:desc,name:asc');
    expect(parser.parse('share;DROP')).toBeNull();
  });
});

describe('foldLegacySortDirection', () => {
  const fold = (query: string) => foldLegacySortDirection(new URLSearchParams(query), 'turnover')?.toString() ?? null;

  it('joins sort and dir into one key:dir and keeps the other parameters', () => {
    expect(fold('sort=share&dir=desc')).toBe('sort=share%3Adesc');
    expect(fold('year=2020&sort=name&dir=asc&eu=members')).toBe('year=2020&sort=name%3Aasc&eu=members');
  });

  it('applies a lone dir to the default key, and leaves URLs without dir alone', () => {
    expect(fold('dir=asc')).toBe('sort=turnover%3Aasc');
    expect(fold('sort=share')).toBeNull();
    expect(fold('sort=share:desc')).toBeNull();
  });

  it('carries bad values over, for the notice to name', () => {
    expect(fold('sort=share&dir=up')).toBe('sort=share%3Aup');
  });
});
