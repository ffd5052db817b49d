// Reads /data's address on the server: the parsers of data.ts, and the notices about parameters it
// cannot use in the page's language. Apart from data.ts because the client controls import that
// module, and the notices' words would then ship in their JavaScript.
import { formatNumber } from '@/lib/format';
import { chartTexts } from '@/lib/i18n/chart-texts';
import { dataParamsTexts } from '@/lib/i18n/data-params-texts';
import { DEFAULT_LOCALE, type Locale } from '@/lib/i18n/locales';
import { MEMBERSHIP_GROUP_CODES } from '@/lib/membership-groups';
import {
  MAX_PAGE_OFFSET,
  MAX_SORT_KEYS,
  OBSERVATION_FLAGS,
  OBSERVATION_SORT_KEYS,
  PAGE_SIZES,
  SOURCE_KINDS,
  pageOffset,
} from '@/lib/validations/observation-parameters';
import { DATA_COLUMNS, dataParsers, type DataQuery, type DataState } from './data';
import { nullToUndefined, type Expectations, type IgnoredSearchParam, type RawSearchParams } from './shared';
import { loadSearchParams } from './shared-parse';

/**
 * The page's state and the parameters it could not use, each named with what it accepts in the
 * page's language (English by default). The API reads the same schemas strictly and answers with
 * their own (English) messages.
 */
export function parseDataSearchParams(
  raw: RawSearchParams | URLSearchParams,
  locale: Locale = DEFAULT_LOCALE,
): {
  state: DataState;
  ignored: IgnoredSearchParam[];
} {
  const texts = dataParamsTexts(locale);
  const list = (values: readonly (string | number)[]) => values.join(', ');
  const expected: Expectations<typeof dataParsers> = {
    q: texts('q'),
    reporter: texts('codes', { example: 'KAZ, AGG_EU' }),
    partner: texts('codes', { example: 'DEU, AGG_EU' }),
    group: texts('list', { list: list(MEMBERSHIP_GROUP_CODES) }),
    flow: texts('flow'),
    from: texts('year'),
    to: texts('year'),
    source: texts('source', { example: 'imf_dots_2022_via_SamLeBlanc' }),
    kind: texts('list', { list: list(SOURCE_KINDS) }),
    flags: texts('list', { list: list(OBSERVATION_FLAGS) }),
    sort: texts('sort', { max: String(MAX_SORT_KEYS), list: list(OBSERVATION_SORT_KEYS) }),
    page: texts('page'),
    size: texts('size', { list: list(PAGE_SIZES) }),
    cols: texts('cols', { list: list(DATA_COLUMNS) }),
  };
  const { values, ignored } = loadSearchParams(dataParsers, raw, expected, chartTexts(locale));
  const { cols, ...rest } = values;
  const query: DataQuery = {
    q: rest.q?.trim() || undefined,
    reporter: nullToUndefined(rest.reporter),
    partner: nullToUndefined(rest.partner),
    group: nullToUndefined(rest.group),
    flow: nullToUndefined(rest.flow),
    from: nullToUndefined(rest.from),
    to: nullToUndefined(rest.to),
    source: nullToUndefined(rest.source),
    kind: nullToUndefined(rest.kind),
    flags: nullToUndefined(rest.flags),
    sort: nullToUndefined(rest.sort),
    page: rest.page,
    size: rest.size,
  };
  if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
    ignored.push({ name: 'from', value: String(query.from), expected: texts('fromAfterTo', { to: String(query.to) }) });
    query.from = undefined;
  }
  if (pageOffset(query) > MAX_PAGE_OFFSET) {
    ignored.push({
      name: 'page',
      value: String(query.page),
      expected: texts('pageOffset', { max: formatNumber(MAX_PAGE_OFFSET, 0, locale) }),
    });
    query.page = 1;
  }
  return { state: { query, columns: cols }, ignored };
}
