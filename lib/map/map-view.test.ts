import { describe, expect, it } from 'vitest';
import type { SeriesBreak } from '@/lib/charts/series-breaks';
import type { PartnerListRow } from '@/lib/queries/partner-list';
import { MAP_DEFAULTS, type MapParams } from '@/lib/search-params/map';
import { mapTexts } from '@/lib/i18n/map-texts';
import { sequentialClassing } from './classes';
import type { Locale } from '@/lib/i18n/locales';
import {
  buildMapView,
  classingSentence,
  classLabel,
  formatMapValue,
  GROWTH_THRESHOLDS,
  measureSentence,
  measureUnit,
  type MapWords,
} from './map-view';

function row(code: string, name: string, turnover: number | null, extra: Partial<PartnerListRow> = {}): PartnerListRow {
  return {
    code,
    name,
    kind: code.startsWith('AGG_') ? 'GROUP' : 'COUNTRY',
    groups: [],
    turnoverUsdMn: turnover,
    exportUsdMn: turnover === null ? null : turnover / 2,
    importUsdMn: turnover === null ? null : turnover / 2,
    balanceUsdMn: turnover === null ? null : 0,
    turnoverIsEstimate: false,
    exportIsEstimate: false,
    importIsEstimate: false,
    sourceId: 'src',
    share: null,
    previousTurnoverUsdMn: null,
    change: null,
    changeSourceBreak: false,
    startTurnoverUsdMn: null,
    cagr: null,
    cagrSourceBreak: false,
    rank: null,
    previousRank: null,
    rankChange: null,
    agreements: 0,
    fdiUsdMn: null,
    fdiYear: null,
    fdiSourceId: null,
    fdiQualifier: null,
    ...extra,
  };
}

const params = (patch: Partial<MapParams> = {}): MapParams => ({ ...MAP_DEFAULTS, ...patch });
const drawable = new Set(['DEU', 'FRA', 'CHN', 'RUS']);
const rows = [
  row('CHN', 'China', 30_000),
  row('DEU', 'Germany', 4_000),
  row('FRA', 'France', 3_000),
  row('RUS', 'Russia', 28_000),
  row('GIB', 'Gibraltar', 0.0027),
  row('AGG_SUN', 'USSR (Soviet Union)', null),
  row('AGG_EU', 'European Union', 40_000),
];
const input = { rows, year: 2025, euMembers: ['DEU', 'FRA'], breaks: [], drawable };

describe('buildMapView', () => {
  it('draws EU members one by one and leaves the EU row out (never both)', () => {
    const view = buildMapView({ ...input, params: params() });
    expect(view.entries.map((e) => e.code)).toEqual(['CHN', 'RUS', 'DEU', 'FRA', 'GIB', 'AGG_SUN']);
    expect(view.fills.get('DEU')?.value).toBe(4_000);
    expect(view.blockMembers).toEqual([]);
  });

  it('colours every member with the EU’s figure in block mode, and lists the members no more', () => {
    const view = buildMapView({ ...input, params: params({ eu: 'block' }) });
    expect(view.entries.map((e) => e.code)).toEqual(['AGG_EU', 'CHN', 'RUS', 'GIB', 'AGG_SUN']);
    expect(view.fills.get('DEU')?.code).toBe('AGG_EU');
    expect(view.fills.get('FRA')?.value).toBe(40_000);
    expect(view.blockMembers).toEqual(['DEU', 'FRA']);
    // The EU itself has no shape, but its members draw it.
    expect(view.undrawn.map((e) => e.code)).toEqual(['GIB', 'AGG_SUN']);
  });

  it('lists partners the geometry lacks, with or without a value, and says why a value is missing', () => {
    const view = buildMapView({ ...input, params: params() });
    expect(view.undrawn.map((e) => e.code)).toEqual(['GIB', 'AGG_SUN']);
    const ussr = view.entries.find((e) => e.code === 'AGG_SUN');
    expect(ussr).toMatchObject({ value: null, classIndex: null, note: 'no turnover figure for 2025' });
  });

  it('explains a missing growth rate by the partner list’s rule', () => {
    const growthRows = [
      row('DEU', 'Germany', 4_000, { startTurnoverUsdMn: null }),
      row('FRA', 'France', 3_000, { startTurnoverUsdMn: 50 }),
      row('CHN', 'China', 30_000, { startTurnoverUsdMn: 10_000, cagr: 0.246 }),
    ];
    const view = buildMapView({ ...input, rows: growthRows, params: params({ measure: 'growth' }) });
    expect(view.classing.thresholds).toEqual([...GROWTH_THRESHOLDS]);
    expect(view.entries.find((e) => e.code === 'DEU')?.note).toBe('no growth rate: no turnover figure for 2020');
    expect(view.entries.find((e) => e.code === 'FRA')?.note).toBe(
      'no growth rate: turnover under USD 100 million in 2020 or 2025',
    );
    // +24.6 % a year is in the top class, at or over +10 %.
    expect(view.entries.find((e) => e.code === 'CHN')?.classIndex).toBe(5);
  });

  it('notes a partner’s own incomplete year', () => {
    const breaks: SeriesBreak[] = [
      {
        key: 'cu',
        kind: 'DISCONTINUITY',
        firstYear: 2010,
        lastYear: 2010,
        partnerCodes: ['RUS', 'BLR', 'AGG_WORLD'],
        label: 'Customs union from July 2010',
        description: '',
        sourceId: null,
        url: null,
      },
    ];
    const view = buildMapView({ ...input, year: 2010, breaks, params: params() });
    expect(view.entries.find((e) => e.code === 'RUS')?.note).toBe('incomplete year: Customs union from July 2010');
    expect(view.entries.find((e) => e.code === 'CHN')?.note).toBeNull();
  });
});

describe('formatting', () => {
  it('gives each value its unit', () => {
    expect(formatMapValue('turnover', 4123.45)).toBe('USD 4,123.5 million');
    expect(formatMapValue('import', 0.0027)).toBe('USD 2.7 thousand');
    expect(formatMapValue('share', 0.179)).toBe('17.9%');
    expect(formatMapValue('growth', 0.052)).toBe('+5.2% a year');
    expect(formatMapValue('export', null)).toBe('no data');
  });

  it('states each class with its limits', () => {
    expect(classLabel('turnover', { lower: null, upper: 0.02, color: '' })).toBe('under $0.02 mn');
    expect(classLabel('turnover', { lower: 26, upper: 290, color: '' })).toBe('$26 mn to $290 mn');
    expect(classLabel('share', { lower: 0.00034, upper: null, color: '' })).toBe('0.034% and more');
    expect(classLabel('growth', { lower: -0.03, upper: 0, color: '' })).toBe('−3% to 0%');
  });
});

// Russian and Kazakh: the words of lib/i18n/messages (namespace map), numbers through Intl with the
// Russian data for both (a space between thousands, a decimal comma; docs/i18n.md).
const words = (locale: Locale): MapWords => ({ texts: mapTexts(locale), locale });
const plain = (text: string) => text.replaceAll('\u00a0', ' ');

describe('in Russian and Kazakh', () => {
  it('gives each value its unit in the language', () => {
    expect(plain(formatMapValue('turnover', 4123.45, words('ru')))).toBe('4 123,5 млн долл. США');
    expect(plain(formatMapValue('turnover', 4123.45, words('kk')))).toBe('4 123,5 млн АҚШ доллары');
    expect(plain(formatMapValue('import', 0.0027, words('ru')))).toBe('2,7 тыс. долл. США');
    expect(plain(formatMapValue('share', 0.179, words('ru')))).toBe('17,9 %');
    expect(formatMapValue('growth', 0.052, words('kk'))).toBe('жылына +5,2%');
    expect(formatMapValue('export', null, words('ru'))).toBe('нет данных');
  });

  it('states class limits and how the classes were made, the noun agreeing with the count', () => {
    expect(plain(classLabel('turnover', { lower: 26, upper: 290, color: '' }, words('ru')))).toBe(
      'от 26 млн $ до 290 млн $',
    );
    expect(plain(classLabel('share', { lower: 0.00034, upper: null, color: '' }, words('kk')))).toBe(
      '0,034% және одан көп',
    );
    const classing = sequentialClassing(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(classing.classes).toHaveLength(5);
    expect(classingSentence(classing, 181, words('ru'))).toContain('квинтили) 181 партнёра со значением');
    expect(classingSentence(classing, 185, words('ru'))).toContain('квинтили) 185 партнёров со значением');
    expect(classingSentence(classing, 185, words('kk'))).toContain('мәні бар 185 серіктестің бестен бірлері');
  });

  it('names the measure, its unit and the growth rule with the years agreeing', () => {
    expect(measureUnit('growth', 5, words('ru'))).toBe('% в год, среднегодовой, за 5 лет');
    expect(measureUnit('growth', 3, words('ru'))).toBe('% в год, среднегодовой, за 3 года');
    expect(plain(measureSentence(params({ measure: 'growth', window: 10, min: 1000 }), words('kk')))).toContain(
      '10 жыл ішіндегі орташа жылдық өсуі, екі жылда да айналымы кемінде 1 000 млн АҚШ доллары',
    );
  });

  it('writes the notes of missing values and breaks in the language', () => {
    const growthRows = [
      row('DEU', 'Германия', 4_000, { startTurnoverUsdMn: null }),
      row('FRA', 'Франция', 3_000, { startTurnoverUsdMn: 50 }),
    ];
    const ru = buildMapView({ ...input, rows: growthRows, params: params({ measure: 'growth' }), ...words('ru') });
    expect(ru.entries.find((e) => e.code === 'DEU')?.note).toBe('темпа роста нет: нет данных об обороте за 2020 год');
    expect(ru.entries.find((e) => e.code === 'FRA')?.note).toBe(
      'темпа роста нет: оборот меньше 100 млн долл. США в 2020 или 2025 году',
    );
    const balance = buildMapView({
      ...input,
      rows: [row('CHN', 'Қытай', 30_000, { exportUsdMn: null, balanceUsdMn: null })],
      params: params({ measure: 'balance' }),
      ...words('kk'),
    });
    expect(balance.entries[0]?.note).toBe('сальдо жоқ: 2025 жылғы экспорт жарияланбаған');
  });

  it('orders partners without a value by their names in the language', () => {
    const nameless = [row('AGG_SUN', 'СССР', null), row('AGG_CSK', 'Чехословакия', null), row('XKX', 'Косово', null)];
    const view = buildMapView({ ...input, rows: nameless, params: params(), ...words('ru') });
    expect(view.entries.map((e) => e.name)).toEqual(['Косово', 'СССР', 'Чехословакия']);
  });
});
