// The site search's index: partners (names in English, Russian and Kazakh, alternative names,
// ISO codes), the tracked groups and the screens. Built on the server from the partner table and
// i18n-iso-countries' names; sent to the browser once as JSON (app/api/search-index).
import en from 'i18n-iso-countries/langs/en.json';
import kk from 'i18n-iso-countries/langs/kk.json';
import ru from 'i18n-iso-countries/langs/ru.json';
import { EU_CODE } from '@/lib/constants';
import { MEMBERSHIP_GROUP_CODES, MEMBERSHIP_GROUP_LABELS, type MembershipGroupCode } from '@/lib/membership-groups';
import { DATA_LANDING } from '@/lib/search-params/landing';
import type { SearchItem } from './rank';

/** A partner as the index needs it (lib/queries/search-partners.ts). */
export interface SearchPartner {
  code: string;
  name: string;
  /** The bureau's Russian name, where it lists the partner. */
  nameRu: string | null;
  kind: string;
  iso2: string | null;
  /** Turnover in the latest year, USD million: the order of equally good matches. */
  turnoverUsdMn: number | null;
}

type CountryNames = Record<string, string | string[] | undefined>;
const LANGUAGES: readonly CountryNames[] = [en.countries, ru.countries, kk.countries];

/** Partners whose ISO alpha-2 code i18n-iso-countries knows under another code than the partner table. */
const ALPHA2_FALLBACK: Readonly<Record<string, string>> = { XKX: 'XK' };

/** Names readers use that neither the partner table nor i18n-iso-countries has. */
const EXTRA_NAMES: Readonly<Record<string, readonly string[]>> = {
  GBR: ['Britain', 'Great Britain', 'England', 'Англия', 'Британия'],
  USA: ['America', 'Америка'],
  NLD: ['Holland', 'Голландия'],
  KOR: ['Korea', 'Корея'],
  PRK: ['North Korea', 'Северная Корея'],
  CZE: ['Czechia', 'Czech Republic', 'Чехия'],
  TUR: ['Turkey', 'Türkiye', 'Турция'],
  RUS: ['Russia'],
  CHN: ['China', 'Китай'],
};

/** Group names and abbreviations in English, Russian and Kazakh. */
const GROUP_NAMES: Readonly<Record<MembershipGroupCode, readonly string[]>> = {
  AGG_EU: ['European Union', 'EU', 'Евросоюз', 'Европейский союз', 'ЕС', 'Еуропалық Одақ', 'ЕО'],
  AGG_EAEU: [
    'Eurasian Economic Union',
    'EAEU',
    'EEU',
    'Евразийский экономический союз',
    'ЕАЭС',
    'Еуразиялық экономикалық одақ',
    'ЕАЭО',
  ],
  AGG_CIS: [
    'Commonwealth of Independent States',
    'CIS',
    'Содружество Независимых Государств',
    'СНГ',
    'Тәуелсіз Мемлекеттер Достастығы',
    'ТМД',
  ],
  AGG_CENTRAL_ASIA: ['Central Asia', 'Центральная Азия', 'Орталық Азия'],
};

/** The screens, with words a reader may look for them by. */
export const SEARCH_SCREENS: readonly { href: string; label: string; names: readonly string[] }[] = [
  { href: '/', label: 'Overview', names: ['Overview', 'Home', 'Dashboard', 'Обзор', 'Шолу'] },
  {
    href: '/partners',
    label: 'Partners',
    names: ['Partners', 'Scorecard', 'Ranking', 'Партнёры', 'Рейтинг', 'Серіктестер'],
  },
  { href: '/map', label: 'World map', names: ['World map', 'Map', 'Карта', 'Карта мира', 'Әлем картасы'] },
  { href: '/compare', label: 'Compare partners', names: ['Compare', 'Comparison', 'Сравнение', 'Салыстыру'] },
  {
    href: '/mirror',
    label: 'Where the statistics disagree',
    names: ['Disagreements', 'Mirror statistics', 'Gap', 'Зеркальная статистика', 'Расхождения'],
  },
  {
    href: `/data${DATA_LANDING}`,
    label: 'Data',
    names: ['Data', 'Explorer', 'Observations', 'Download', 'Данные', 'Деректер'],
  },
  { href: '/presence', label: 'Diplomatic presence', names: ['Presence', 'Embassies', 'Посольства', 'Елшіліктер'] },
  { href: '/sources', label: 'Sources', names: ['Sources', 'Bibliography', 'Источники', 'Дереккөздер'] },
  { href: '/consistency', label: 'Consistency checks', names: ['Consistency', 'Checks', 'Проверки', 'Тексерулер'] },
];

const list = (value: string | string[] | undefined) =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
const unique = (names: readonly (string | null | undefined)[]) => [...new Set(names.filter((n): n is string => !!n))];

/** Groups rank above every partner on a tie ("EU" finds the EU before Eurasian members). */
const GROUP_WEIGHT = 1e9;

export function buildSearchItems(partners: readonly SearchPartner[]): SearchItem[] {
  const items: SearchItem[] = [];
  for (const p of partners) {
    const group = (MEMBERSHIP_GROUP_CODES as readonly string[]).includes(p.code)
      ? (p.code as MembershipGroupCode)
      : null;
    if (group) {
      items.push({
        type: 'group',
        id: p.code,
        label: p.code === EU_CODE ? 'European Union' : p.name,
        href: `/partners/${p.code}`,
        codes: [p.code, MEMBERSHIP_GROUP_LABELS[group]],
        names: unique([p.name, MEMBERSHIP_GROUP_LABELS[group], ...GROUP_NAMES[group]]),
        weight: GROUP_WEIGHT + (p.turnoverUsdMn ?? 0),
      });
      continue;
    }
    const alpha2 = p.iso2 ?? ALPHA2_FALLBACK[p.code] ?? null;
    const translated = alpha2 ? LANGUAGES.flatMap((names) => list(names[alpha2])) : [];
    items.push({
      type: p.kind === 'GROUP' || p.kind === 'OTHER' ? 'group' : 'partner',
      id: p.code,
      label: p.name,
      href: `/partners/${p.code}`,
      codes: unique([p.code, p.iso2]),
      names: unique([p.name, p.nameRu, ...translated, ...(EXTRA_NAMES[p.code] ?? [])]),
      weight: p.turnoverUsdMn ?? 0,
    });
  }
  for (const screen of SEARCH_SCREENS)
    items.push({
      type: 'screen',
      id: screen.href,
      label: screen.label,
      href: screen.href,
      codes: [],
      names: [...screen.names],
      weight: 0,
    });
  return items;
}
