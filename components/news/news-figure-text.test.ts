// Expected values: the periods and amounts of prisma/data/observations/news_reported_figures.csv
// and prisma/data/articles/observations.csv, written as the catalogues and Intl write them.
import { describe, expect, it } from 'vitest';
import {
  newsFigureConversion,
  newsFigureDerivation,
  newsFigurePeriod,
  newsFigurePeriodParts,
} from './news-figure-text';

const period = (p: Partial<Parameters<typeof newsFigurePeriod>[0]>) => ({
  year: null,
  period: '',
  periodKind: 'MULTI_YEAR' as const,
  periodStart: null,
  periodEnd: null,
  ...p,
});

describe('newsFigurePeriod', () => {
  it('keeps the English wording it always had', () => {
    expect(newsFigurePeriod(period({ year: 2022, period: 'FY', periodKind: 'YEAR' }))).toBe('2022');
    expect(
      newsFigurePeriod(
        period({
          year: 2023,
          period: 'Jan-Nov',
          periodKind: 'MONTHS_TO_DATE',
          periodStart: '2023-01-01',
          periodEnd: '2023-11-30',
        }),
      ),
    ).toBe('January–November 2023');
    expect(
      newsFigurePeriod(
        period({
          year: 2024,
          period: '2024-07-03 (state visit, Astana)',
          periodKind: 'DATE',
          periodStart: '2024-07-03',
          periodEnd: '2024-07-03',
        }),
      ),
    ).toBe('3 July 2024 (state visit, Astana)');
    expect(newsFigurePeriod(period({ year: 2019, period: 'cumulative 1991-2019 (to Sep 2019)' }))).toBe(
      'cumulative 1991-2019 (to Sep 2019)',
    );
    expect(newsFigurePeriod(period({ year: 2021, period: '15 years to 2020', periodKind: 'MULTI_YEAR' }))).toBe(
      '15 years to 2020 (2021)',
    );
  });

  it('writes its own part in the language and leaves the source’s wording as published', () => {
    expect(
      newsFigurePeriodParts(
        period({
          year: 2024,
          period: '2024-07-03 (state visit, Astana)',
          periodKind: 'DATE',
          periodStart: '2024-07-03',
          periodEnd: '2024-07-03',
        }),
        'ru',
      ),
    ).toEqual({ label: '3 июля 2024 г.', asPublished: '(state visit, Astana)', publishedFirst: false });
    expect(
      newsFigurePeriodParts(
        period({
          year: 2023,
          period: 'Jan-Nov',
          periodKind: 'MONTHS_TO_DATE',
          periodStart: '2023-01-01',
          periodEnd: '2023-11-30',
        }),
        'kk',
      ).label,
    ).toBe('қаңтар–қараша 2023');
    expect(newsFigurePeriodParts(period({ year: 2022, period: 'mid-2022 position' }), 'ru')).toEqual({
      label: null,
      asPublished: 'mid-2022 position',
      publishedFirst: true,
    });
  });
});

describe('newsFigureConversion', () => {
  const rates = [{ year: 2023, usdPerEur: 1.0813, isProvisional: false }];
  const euro = { value: '820', unit: 'EUR', scale: 6, year: 2023 };

  it('converts a euro figure at the year’s ECB average, in the page’s language', () => {
    expect(newsFigureConversion(euro, rates)).toBe(
      '≈ USD 886.7 million, converted from EUR at the ECB 2023 average, 1.0813 USD/EUR',
    );
    expect(newsFigureConversion(euro, rates, 'ru')).toBe(
      '≈ 886,7 млн долл. США, пересчитано из EUR по среднегодовому курсу ЕЦБ за 2023 год, 1,0813 USD/EUR',
    );
  });

  it('says when there is no rate, and leaves dollars alone', () => {
    expect(newsFigureConversion({ ...euro, year: 1995 }, rates, 'kk')).toBe(
      '1995 жылға ЕОБ бағамы жоқ: қайта есептелмеген',
    );
    expect(newsFigureConversion({ ...euro, unit: 'USD' }, rates, 'ru')).toBeNull();
  });
});

describe('newsFigureDerivation', () => {
  it('names derived and inferred figures in the language', () => {
    expect(newsFigureDerivation({ derivation: 'DERIVED', flag: '' })).toBe('derived from other figures, not published');
    expect(newsFigureDerivation({ derivation: 'INFERRED', flag: '' }, 'ru')).toBe(
      'период или значение установлены косвенно по тексту',
    );
    expect(newsFigureDerivation({ derivation: 'PUBLISHED', flag: '' }, 'kk')).toBeNull();
  });
});
