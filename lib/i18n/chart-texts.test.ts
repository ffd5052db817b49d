// Shaped words in Russian and Kazakh: the same shaping as English, with the catalogues' words and
// the language's number format. Expected texts are the bureau's terms and CLDR's separators
// (ru, kk: a no-break space between thousands, a decimal comma).
import { describe, expect, it } from 'vitest';
import { compareChartContext } from '@/lib/charts/chart-download';
import { shapeCompareSeries, type CompareShapeInput } from '@/lib/charts/compare-series';
import { monthSpanLabel } from '@/lib/charts/partial-period';
import { sourceBreakLabel, sourcesSentence } from '@/lib/charts/provenance-text';
import { localizeBreaks, viewBreaks, type SeriesBreak } from '@/lib/charts/series-breaks';
import { isEmbedPath } from '@/lib/content-security-policy';
import { BNS_BY_PARTNER_SOURCE_ID, IMF_DOTS_SOURCE_ID } from '@/lib/constants';
import { formatPublishedAmount, formatValueByUnit } from '@/lib/format';
import { parseCompareSearchParams } from '@/lib/search-params/compare-parse';
import { chartTexts } from './chart-texts';

const NBSP = '\u00a0';

const input: CompareShapeInput = {
  partners: [{ code: 'RUS', name: 'Россия' }],
  points: [
    { partnerCode: 'RUS', year: 2020, valueUsdMn: 50, sourceId: 'bns', isEstimate: false, derivation: 'PUBLISHED' },
    { partnerCode: 'RUS', year: 2021, valueUsdMn: 40, sourceId: 'bns', isEstimate: false, derivation: 'PUBLISHED' },
  ],
  world: [],
  mode: 'index',
  scale: 'linear',
  currency: 'USD',
  fromYear: 2019,
  toYear: 2021,
  rates: [],
};

describe('shaped words in the page’s language', () => {
  it('names the unit and the index note in Russian and Kazakh, English by default', () => {
    expect(shapeCompareSeries(input).unit.label).toBe('index, 2019 = 100');
    const ru = shapeCompareSeries(input, chartTexts('ru'));
    expect(ru.unit.label).toBe('индекс, 2019 = 100');
    expect(ru.notes).toEqual(['Россия: нет значения за 2019, поэтому 2020 = 100.']);
    // Euro before the ECB's first rate (1999): the note says so, with Kazakh's plural.
    const before1999 = input.points.map((p) => ({ ...p, year: p.year - 23 }));
    const kk = shapeCompareSeries(
      { ...input, points: before1999, mode: 'absolute', currency: 'EUR', fromYear: 1997, toYear: 1998 },
      chartTexts('kk'),
    );
    expect(kk.unit.label).toBe('млн еуро');
    expect(kk.notes).toEqual(['1999 жылға дейін ЕОБ еуро бағамы жоқ: 1997, 1998 жылдары еуродағы мән жоқ.']);
  });

  it('labels source changes and breaks, and credits sources, in each language', () => {
    const change = { year: 2020, fromSourceId: IMF_DOTS_SOURCE_ID, toSourceId: BNS_BY_PARTNER_SOURCE_ID };
    expect(sourceBreakLabel(change, chartTexts('ru'))).toBe('Данные Бюро с 2020');
    expect(sourceBreakLabel(change, chartTexts('kk'))).toBe('2020 жылдан Бюро деректері');
    expect(sourcesSentence([{ attribution: 'IMF, DOTS.' }, { attribution: 'BNS' }], chartTexts('ru'))).toBe(
      'Источники: IMF, DOTS; BNS.',
    );
    const customsUnion: SeriesBreak = {
      key: 'kaz-2010-customs-union',
      kind: 'DISCONTINUITY',
      firstYear: 2010,
      lastYear: 2010,
      partnerCodes: ['RUS'],
      label: 'Customs union from July 2010',
      description: '',
      sourceId: null,
      url: null,
    };
    const breaks = localizeBreaks([customsUnion], chartTexts('ru'));
    const view = { partnerCodes: ['RUS'], measure: 'value' as const, fromYear: 2005, toYear: 2015 };
    expect(viewBreaks(breaks, view, [], chartTexts('ru')).sentence).toBe(
      'Разрывы ряда: Таможенный союз с июля 2010 года (2010).',
    );
    // A break the catalogues do not know keeps the database's label.
    const unknown = { ...customsUnion, key: 'new-break', label: 'New edition' };
    expect(localizeBreaks([unknown], chartTexts('kk'))[0]?.label).toBe('New edition');
  });

  it('formats amounts, months and download lines for the locale', () => {
    expect(formatValueByUnit(1234.5, 'currency', 'USD', 'ru')).toBe(`1${NBSP}234,5 млн долл. США`);
    expect(formatValueByUnit(1234.5, 'currency', 'USD', 'kk')).toBe(`1${NBSP}234,5 млн АҚШ доллары`);
    expect(formatPublishedAmount('31.2', 'USD', 9, 'ru')).toBe('31,2 млрд долл. США');
    expect(formatPublishedAmount('31.2', 'USD', 9)).toBe('USD 31.2 billion');
    expect(monthSpanLabel({ firstMonth: 1, lastMonth: 11 }, { locale: 'ru' })).toBe('январь–ноябрь');
    expect(monthSpanLabel({ firstMonth: 1, lastMonth: 12 }, { locale: 'kk' })).toBe('толық жыл');
    expect(compareChartContext({ mode: 'share', scale: 'log', currency: 'USD' }, chartTexts('ru'))).toBe(
      'Доля в общем объёме Казахстана, логарифмическая шкала',
    );
    expect(compareChartContext({ mode: 'absolute', scale: 'linear', currency: 'USD' })).toBe(
      'Value, linear scale, US dollars as published',
    );
  });

  it('explains an unusable URL parameter in the page’s language', () => {
    const options = { partnerCodes: new Set(['RUS']), minYear: 1995, maxYear: 2024 };
    const { ignored } = parseCompareSearchParams(new URLSearchParams('from=1800&partners=RUS,XYZ'), {
      ...options,
      texts: chartTexts('ru'),
    });
    expect(ignored).toEqual([
      { name: 'from', value: '1800', expected: 'год с 1995 по 2024' },
      {
        name: 'partners',
        value: 'XYZ',
        expected: 'коды партнёров из списка партнёров',
        outcome: 'пропущено; показаны остальные партнёры',
      },
    ]);
  });
});

describe('isEmbedPath', () => {
  it('lets embeds be framed in every language, and nothing else', () => {
    for (const path of ['/embed/compare', '/ru/embed/compare', '/kk/embed/partners/DEU/trade'])
      expect(isEmbedPath(path), path).toBe(true);
    for (const path of ['/compare', '/ru/compare', '/en/embed/compare', '/ru/embedded', '/xx/embed/compare'])
      expect(isEmbedPath(path), path).toBe(false);
  });
});
