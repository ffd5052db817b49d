import { describe, expect, it } from 'vitest';
import kk from '@/lib/i18n/messages/kk.json';
import ru from '@/lib/i18n/messages/ru.json';
import { renderedIn, say } from '@/lib/testing/consistency-texts';
import { buildCheck, stat } from './check';
import { asWritten, list, num, period, quantity, text } from './text';
import type { CheckItem } from './types';

const plain = (value: string | undefined) => value?.replaceAll('\u00a0', ' ');

const item: CheckItem = {
  key: 'k',
  title: text('titleWithPeriod', { title: 'T', period: period(2023, 'Jan-Nov') }),
  outcome: 'info',
  values: [
    {
      role: text('roles.statedTotal'),
      label: text('eu27.sumLabel', { members: 21, expected: 22 }),
      value: 1,
      unit: 'count',
      published: null,
      period: period(2022, 'FY'),
      sourceIds: ['s'],
      qualifier: null,
      derivation: null,
      preferred: false,
      relativeToReference: null,
      note: asWritten('as the editors wrote it'),
    },
  ],
  difference: null,
  ranges: [],
  explanation: text('sameFigure.figuresForKey', { count: 5, source: 's' }),
};

describe('renderCheck', () => {
  const check = buildCheck(
    { id: 'same-figure', values: {} },
    { items: [item], stats: [stat(text('eu27.stats.checked'), 3)] },
  );

  it('reads the English of the catalogue, as the page did before it had other languages', () => {
    const english = renderedIn(check, 'en');
    expect(english.items[0]?.title).toBe('T, Jan-Nov 2023');
    expect(english.items[0]?.values[0]?.period).toBe('FY 2022');
    expect(english.items[0]?.explanation).toMatch(/^5 figures for this key/);
    expect(english.stats[0]?.label).toBe('year/flow totals checked');
  });

  it('says every word in Russian, the plural agreeing with its number', () => {
    const russian = renderedIn(check, 'ru');
    const [first] = russian.items;
    expect(first?.title).toBe('T, январь–ноябрь 2023');
    expect(first?.values[0]?.role).toBe(ru.ConsistencyItems.roles.statedTotal);
    // 5 is "many" in Russian, 21 "one", 22 "few".
    expect(first?.explanation).toMatch(/^5 значений /);
    expect(first?.values[0]?.label).toContain('21 из 22 членов');
    expect(say(text('sameFigure.figuresForKey', { count: 21, source: 's' }), 'ru')).toMatch(/^21 значение /);
    expect(say(text('sameFigure.figuresForKey', { count: 3, source: 's' }), 'ru')).toMatch(/^3 значения /);
  });

  it('says every word in Kazakh', () => {
    const kazakh = renderedIn(check, 'kk');
    expect(kazakh.items[0]?.values[0]?.role).toBe(kk.ConsistencyItems.roles.statedTotal);
    expect(kazakh.items[0]?.values[0]?.period).toBe('2022 жыл');
    expect(kazakh.stats[0]?.label).toBe(kk.ConsistencyItems.eu27.stats.checked);
  });

  it('keeps the database’s English as written and says so', () => {
    const value = renderedIn(check, 'ru').items[0]?.values[0];
    expect(value?.note).toBe('as the editors wrote it');
    expect(value?.noteParts).toEqual([{ text: 'as the editors wrote it', asWritten: true }]);
  });

  it('marks an editor’s note among translated sentences on its own', () => {
    const note = list([text('growth.workedBack'), asWritten('40 / (1 + 0.38)')], ' ');
    const parts = renderedIn(
      buildCheck(
        { id: 'stated-growth', values: {} },
        { items: [{ ...item, values: [{ ...item.values[0]!, note }] }], stats: [] },
      ),
      'kk',
    ).items[0]?.values[0]?.noteParts;
    expect(parts).toEqual([
      { text: kk.ConsistencyItems.growth.workedBack, asWritten: false },
      { text: '40 / (1 + 0.38)', asWritten: true },
    ]);
  });

  it('formats numbers and amounts in the language', () => {
    expect(plain(say(num(1234.5, 1), 'ru'))).toBe('1 234,5');
    expect(plain(say(quantity(2_500_000, 'USD'), 'kk'))).toBe('2,5 млн АҚШ доллары');
    expect(say(num(1234.5, 1))).toBe('1,234.5');
  });
});
