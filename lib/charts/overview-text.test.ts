// Source names, total origins, peak caveats and name order in Russian and Kazakh, with the
// bureau's terms (docs/i18n.md, glossary); English is provenance-text.test.ts's.
import { describe, expect, it } from 'vitest';
import { BNS_BY_PARTNER_SOURCE_ID, BNS_MONTHLY_SOURCE_ID, IMF_DOTS_SOURCE_ID } from '@/lib/constants';
import { chartTexts } from '@/lib/i18n/chart-texts';
import { overviewTexts } from '@/lib/i18n/overview-texts';
import { sortByName } from './overview-text';
import { shortSourceName, worldTotalOrigin } from './provenance-text';
import { honestPeak, localizeBreaks, peakCaveat, type SeriesBreak } from './series-breaks';

describe('shortSourceName and worldTotalOrigin in Russian and Kazakh', () => {
  it('name the bureau and its derived total with the bureau’s terms', () => {
    const bureau = { sourceId: BNS_BY_PARTNER_SOURCE_ID, derived: true };
    expect(worldTotalOrigin(bureau, chartTexts('ru'))).toBe(
      'расчётное значение: сумма всех строк партнёров в таблице Бюро по странам',
    );
    expect(worldTotalOrigin(bureau, chartTexts('kk'))).toBe(
      'есептелген мән: Бюроның елдер бойынша кестесіндегі барлық серіктес жолдарының қосындысы',
    );
    expect(shortSourceName(BNS_MONTHLY_SOURCE_ID, chartTexts('ru'))).toBe('ежемесячные итоги Бюро');
    // The IMF's database keeps its own name; an unknown source its id.
    expect(shortSourceName(IMF_DOTS_SOURCE_ID, chartTexts('kk'))).toBe('IMF DOTS');
    expect(shortSourceName('some_new_source', chartTexts('ru'))).toBe('some_new_source');
  });
});

// The bundled breaks (prisma/data/series_breaks.csv): 1992-93 incomplete, 2010 customs union
// (Russia's trade undercounted), 2020 change of source.
const BREAKS: SeriesBreak[] = [
  {
    key: 'kaz-2010-customs-union',
    kind: 'DISCONTINUITY',
    firstYear: 2010,
    lastYear: 2010,
    partnerCodes: ['RUS', 'AGG_WORLD'],
    label: 'Customs union from July 2010',
    description: '',
    sourceId: null,
    url: null,
  },
  {
    key: 'kaz-2020-source-change',
    kind: 'SOURCE_CHANGE',
    firstYear: 2020,
    lastYear: 2020,
    partnerCodes: [],
    label: 'Bureau data from 2020',
    description: '',
    sourceId: null,
    url: null,
  },
];

describe('peakCaveat', () => {
  const points = [2008, 2009, 2010, 2011, 2020, 2021].map((year) => ({ year, value: year === 2010 ? 0.4 : 0.3 }));

  it('leaves out the incomplete year and names the break it spans, in English as before', () => {
    const peak = honestPeak(points, BREAKS, 'AGG_EU', 'share');
    expect(peak).not.toBeNull();
    expect(peakCaveat(peak!)).toBe('leaving out 2010 (Customs union from July 2010); across Bureau data from 2020');
  });

  it('says the same in Russian and Kazakh, with the breaks named in the language', () => {
    for (const [locale, expected] of [
      ['ru', 'без учёта 2010 (Таможенный союз с июля 2010 года); сравнение через разрыв ряда: Данные Бюро с 2020 года'],
      [
        'kk',
        '2010 (2010 жылғы шілдеден бастап Кеден одағы) есепке алынбай; қатардағы үзіліс арқылы салыстыру: 2020 жылдан Бюро деректері',
      ],
    ] as const) {
      const named = localizeBreaks(BREAKS, chartTexts(locale));
      const peak = honestPeak(points, named, 'AGG_EU', 'share');
      expect(peakCaveat(peak!, overviewTexts(locale))).toBe(expected);
    }
  });

  it('joins two breaks of a kind with the language’s “and”', () => {
    const two = { year: 2008, value: 0.3, leftOut: [], spans: BREAKS };
    expect(peakCaveat(two)).toBe('across Customs union from July 2010 and Bureau data from 2020');
    expect(peakCaveat(two, overviewTexts('kk'))).toBe(
      'қатардағы үзіліс арқылы салыстыру: Customs union from July 2010 және Bureau data from 2020',
    );
  });
});

describe('sortByName', () => {
  it('orders by the language’s alphabet, either way', () => {
    const ru = [
      { code: 'RUS', name: 'Россия' },
      { code: 'AUT', name: 'Австрия' },
      { code: 'EGY', name: 'Египет' },
      { code: 'DEU', name: 'Германия' },
    ];
    expect(sortByName(ru, 'ru', false).map((r) => r.code)).toEqual(['AUT', 'DEU', 'EGY', 'RUS']);
    expect(sortByName(ru, 'ru', true).map((r) => r.code)).toEqual(['RUS', 'EGY', 'DEU', 'AUT']);
    // Қ and Ө before Р, not after Я where their code points (U+049A, U+04E8) would put them.
    const kk = [
      { code: 'RUS', name: 'Ресей' },
      { code: 'UZB', name: 'Өзбекстан' },
      { code: 'CHN', name: 'Қытай' },
      { code: 'ITA', name: 'Италия' },
    ];
    expect(sortByName(kk, 'kk', false).map((r) => r.code)).toEqual(['ITA', 'CHN', 'UZB', 'RUS']);
  });
});
