import { describe, expect, it } from 'vitest';
import { say } from '@/lib/testing/consistency-texts';
import { buildCheck, convertFigure, sortItems } from './check';
import type { CheckItem, CheckOutcome } from './types';

const item = (key: string, outcome: CheckOutcome): CheckItem => ({
  key,
  title: key,
  outcome,
  values: [],
  difference: null,
  ranges: [],
  explanation: '',
});

const prose = { id: 'world-total', values: { pct: 0.1 } } as const;

describe('buildCheck', () => {
  it('combines the items’ outcomes, counts them and lists the most severe first', () => {
    const check = buildCheck(prose, {
      items: [item('a', 'info'), item('b', 'pass'), item('c', 'review'), item('d', 'fail')],
      stats: [],
    });
    expect(check.outcome).toBe('fail');
    expect(check.items.map((i) => i.key)).toEqual(['d', 'c', 'b', 'a']);
    expect(check.itemCounts).toEqual({ fail: 1, review: 1, not_checkable: 0, pass: 1, info: 1 });
    expect(check.values).toEqual({ pct: 0.1 });
  });

  it('keeps an outcome the check states for itself', () => {
    expect(buildCheck(prose, { items: [item('a', 'info')], stats: [], outcome: 'not_checkable' }).outcome).toBe(
      'not_checkable',
    );
  });

  it('sorts stably within an outcome', () => {
    expect(sortItems([item('a', 'pass'), item('b', 'fail'), item('c', 'pass')]).map((i) => i.key)).toEqual([
      'b',
      'a',
      'c',
    ]);
  });
});

describe('convertFigure', () => {
  const rate = { usdPerEur: 1.181, text: '1.1810', provisional: false };
  const eur = { unit: 'EUR', value: 4.6e9, year: 2018, periodKind: 'YEAR' };

  it('converts euros to dollars at the stated ECB average, and says so', () => {
    const converted = convertFigure(eur, 'USD', rate);
    expect(converted?.value).toBeCloseTo(4.6e9 * 1.181, 0);
    expect(say(converted?.note)).toBe(
      'Converted to USD at the ECB 2018 average of 1.1810 USD per EUR (derived, not published).',
    );
  });

  it('says when an annual rate meets part of a year, or a year not over', () => {
    const note = say(
      convertFigure({ ...eur, periodKind: 'MONTHS_TO_DATE' }, 'USD', { ...rate, provisional: true })?.note,
    );
    expect(note).toContain('applied to part of the year');
    expect(note).toContain('provisional');
  });

  it('compares nothing without a rate, or across other units', () => {
    expect(convertFigure(eur, 'USD', null)).toBeNull();
    expect(convertFigure({ ...eur, unit: 'count' }, 'USD', rate)).toBeNull();
    expect(convertFigure(eur, 'EUR', null)).toEqual({ value: 4.6e9, note: null });
  });
});
