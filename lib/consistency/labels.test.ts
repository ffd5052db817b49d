import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import type { Locale } from '@/lib/i18n/locales';
import en from '@/lib/i18n/messages/en.json';
import ru from '@/lib/i18n/messages/ru.json';
import { say } from '@/lib/testing/consistency-texts';
import { describeItemCounts, formatProseValues, periodLabel, seriesText, type ItemCountTexts } from './labels';

/** The catalogue's words for item counts, as the page reads them. */
function countTexts(locale: Locale): ItemCountTexts {
  const t = createTranslator({ locale, messages: { en, ru }[locale as 'en' | 'ru'], namespace: 'Consistency' });
  return { count: (outcome, count) => t(`outcomeCounts.${outcome}`, { count }), none: t('noItems') };
}

describe('periodLabel', () => {
  it('joins the period and the year the way readers say them', () => {
    expect(periodLabel(2022, 'FY')).toBe('FY 2022');
    expect(periodLabel(2023, 'Jan-Nov')).toBe('Jan-Nov 2023');
    expect(periodLabel(2020, 'H1')).toBe('H1 2020');
  });

  it('keeps labels that already name their dates', () => {
    expect(periodLabel(2023, '2023-01')).toBe('2023-01');
    expect(periodLabel(2014, '2012-2014')).toBe('2012-2014');
    expect(periodLabel(2011, 'since independence (to 2011-07-29)')).toBe('since independence (to 2011-07-29)');
    expect(periodLabel(null, 'signature year')).toBe('signature year');
    expect(periodLabel(2022, 'mid-year position')).toBe('mid-year position 2022');
  });
});

describe('seriesText', () => {
  it('names reporter, partner and flow', () => {
    expect(say(seriesText('KAZ', 'CHN', 'turnover'))).toBe('KAZ → CHN turnover');
    expect(say(seriesText('KAZ', 'AGG_WORLD', 'embassies_planned'))).toBe('KAZ → AGG_WORLD embassies planned');
  });

  it('names the flow in the page’s language, an unknown code as written', () => {
    const exports = say(seriesText('KAZ', 'CHN', 'export'), 'ru');
    expect(exports).toMatch(/^KAZ → CHN/);
    expect(exports).toContain(ru.ConsistencyItems.indicators.export);
    expect(exports).not.toContain('exports');
    expect(say(seriesText('KAZ', 'CHN', 'new_code'), 'ru')).toMatch(/new code$/);
  });
});

describe('describeItemCounts', () => {
  it('lists the outcomes present, most severe first', () => {
    expect(describeItemCounts({ fail: 1, review: 3, not_checkable: 0, pass: 2, info: 0 }, countTexts('en'))).toBe(
      '1 fail · 3 review · 2 pass',
    );
    expect(describeItemCounts({ fail: 0, review: 0, not_checkable: 0, pass: 0, info: 0 }, countTexts('en'))).toBe(
      'no items',
    );
  });

  it("says them in the page's language", () => {
    expect(describeItemCounts({ fail: 2, review: 0, not_checkable: 1, pass: 0, info: 0 }, countTexts('ru'))).toBe(
      'ошибок: 2 · не проверить: 1',
    );
    expect(describeItemCounts({ fail: 0, review: 0, not_checkable: 0, pass: 0, info: 0 }, countTexts('ru'))).toBe(
      'пунктов нет',
    );
  });
});

describe('formatProseValues', () => {
  it('writes each number with the digits it has, as the language writes them', () => {
    expect(formatProseValues({ pct: 0.1, tolerance: 1e-6, factor: 2, share: 20 }, 'en')).toEqual({
      pct: '0.1',
      tolerance: '0.000001',
      factor: '2',
      share: '20',
    });
    expect(formatProseValues({ pct: 0.1, tolerance: 1e-6 }, 'ru')).toEqual({ pct: '0,1', tolerance: '0,000001' });
  });
});
