// Partner names in the interface's language. Countries: the bureau's own Russian names (the
// partner table's name_ru, from its partner-country dictionary), then i18n-iso-countries' Russian
// and Kazakh names (CLDR-based; it has a Kazakh list). Groups, historical states and
// "not specified" areas are in neither: their names are below, worded as the bureau and the IMF's
// Russian publications word them. Kosovo is in neither list (no ISO 3166 code) and is named here too.
import countries from 'i18n-iso-countries';
import kkNames from 'i18n-iso-countries/langs/kk.json';
import ruNames from 'i18n-iso-countries/langs/ru.json';
import type { Locale } from './locales';

countries.registerLocale(ruNames);
countries.registerLocale(kkNames);

type OtherLocale = Exclude<Locale, 'en'>;

/** Partners without an ISO 3166 name: [Russian, Kazakh]. partner-names.test.ts checks every such partner of the bundled data is here. */
export const NON_ISO_PARTNER_NAMES: Readonly<Record<string, readonly [string, string]>> = {
  AGG_ADV: ['Страны с развитой экономикой', 'Дамыған экономикалы елдер'],
  AGG_AFRICA: ['Африка', 'Африка'],
  AGG_AFRICA_NS: ['Африка, страна не указана', 'Африка, елі көрсетілмеген'],
  AGG_ANT: ['Нидерландские Антильские острова', 'Нидерланд Антил аралдары'],
  AGG_ASIA_NS: ['Азия, страна не указана', 'Азия, елі көрсетілмеген'],
  AGG_BLX: ['Бельгия и Люксембург', 'Бельгия және Люксембург'],
  AGG_CENTRAL_ASIA: ['Центральная Азия', 'Орталық Азия'],
  AGG_CIS: ['Содружество Независимых Государств', 'Тәуелсіз Мемлекеттер Достастығы'],
  AGG_CSK: ['Чехословакия', 'Чехословакия'],
  AGG_DDR: ['Германская Демократическая Республика (ГДР)', 'Германия Демократиялық Республикасы (ГДР)'],
  AGG_EAEU: ['Страны Евразийского экономического союза', 'Еуразиялық экономикалық одақ елдері'],
  AGG_EMDE: ['Страны с формирующимся рынком и развивающиеся страны', 'Нарығы қалыптасып келе жатқан және дамушы елдер'],
  AGG_EMDE_ASIA: ['Развивающиеся страны Азии', 'Азияның дамушы елдері'],
  AGG_EMDE_EUROPE: ['Развивающиеся страны Европы', 'Еуропаның дамушы елдері'],
  AGG_EMDE_FUEL: [
    'Страны с формирующимся рынком и развивающиеся страны — экспортёры топлива',
    'Нарығы қалыптасып келе жатқан және дамушы елдер — отын экспорттаушылар',
  ],
  AGG_EMDE_NONFUEL: [
    'Страны с формирующимся рынком и развивающиеся страны — экспортёры нетопливных товаров',
    'Нарығы қалыптасып келе жатқан және дамушы елдер — отын емес тауар экспорттаушылар',
  ],
  AGG_EU: ['Европейский союз', 'Еуропалық Одақ'],
  AGG_EU27: [
    'Европейский союз (27 стран, состав после выхода Великобритании)',
    'Еуропалық Одақ (27 ел, Ұлыбритания шыққаннан кейінгі құрам)',
  ],
  AGG_EURO_AREA: ['Зона евро', 'Еуро аймағы'],
  AGG_EUROPE: ['Страны Европы (все)', 'Еуропа елдері (барлығы)'],
  AGG_EUROPE_NS: ['Европа, страна не указана', 'Еуропа, елі көрсетілмеген'],
  AGG_MECA: ['Ближний Восток и Центральная Азия', 'Таяу Шығыс және Орталық Азия'],
  AGG_MECA_NS: [
    'Ближний Восток и Центральная Азия, страна не указана',
    'Таяу Шығыс және Орталық Азия, елі көрсетілмеген',
  ],
  AGG_MIDDLE_EAST: ['Ближний Восток', 'Таяу Шығыс'],
  AGG_MYS_WEST: ['Западная Малайзия (полуостров Малакка)', 'Батыс Малайзия (Малакка түбегі)'],
  AGG_NS: ['Страны и территории не указаны', 'Елдер мен аумақтар көрсетілмеген'],
  AGG_OTHER_NIE: ['Прочие страны, не включённые в другие категории', 'Басқа санаттарға енбеген өзге елдер'],
  AGG_SACCA: ['Южноафриканский таможенный союз (SACU)', 'Оңтүстік Африка кеден одағы (SACU)'],
  AGG_SCG: ['Сербия и Черногория', 'Сербия және Черногория'],
  AGG_SSA: ['Африка к югу от Сахары', 'Сахарадан оңтүстікке қарай Африка'],
  AGG_SUN: ['СССР (Советский Союз)', 'КСРО (Кеңес Одағы)'],
  AGG_WHEM: ['Западное полушарие', 'Батыс жарты шар'],
  AGG_WHEM_NS: ['Западное полушарие, страна не указана', 'Батыс жарты шар, елі көрсетілмеген'],
  AGG_WORLD: ['Мир (все партнёры)', 'Әлем (барлық серіктестер)'],
  AGG_YAR: ['Йеменская Арабская Республика (Северный Йемен)', 'Йемен Араб Республикасы (Солтүстік Йемен)'],
  AGG_YMD: [
    'Народная Демократическая Республика Йемен (Южный Йемен)',
    'Йемен Халықтық Демократиялық Республикасы (Оңтүстік Йемен)',
  ],
  AGG_YUG: ['Югославия (СФРЮ)', 'Югославия (ЮСФР)'],
  XKX: ['Косово', 'Косово'],
  XXX: ['Отчитывающаяся страна не указана', 'Есеп беруші ел көрсетілмеген'],
};

const COLUMN: Record<OtherLocale, 0 | 1> = { ru: 0, kk: 1 };

export interface NamedPartner {
  code: string;
  /** The partner table's English name. */
  name: string;
  /** The bureau's Russian name, where its dictionary lists the partner. */
  nameRu?: string | null;
}

/** The partner's name in `locale`; the English name only where no source names it (and never an empty string). */
export function partnerName(locale: Locale, partner: NamedPartner): string {
  if (locale === 'en') return partner.name;
  if (locale === 'ru' && partner.nameRu) return partner.nameRu;
  const listed = NON_ISO_PARTNER_NAMES[partner.code]?.[COLUMN[locale]];
  if (listed) return listed;
  // i18n-iso-countries names every ISO alpha-3 code; partner codes of countries are those codes.
  return countries.getName(partner.code, locale) ?? partner.name;
}

/** The same partners with their names in `locale`, for a loader to hand to its screen. */
export function withPartnerNames<T extends NamedPartner>(locale: Locale, partners: readonly T[]): T[] {
  return partners.map((partner) => ({ ...partner, name: partnerName(locale, partner) }));
}
