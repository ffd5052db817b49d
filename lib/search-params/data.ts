// The data screen's URL state (/data), defined once as nuqs parsers: the observations parameters,
// made from the zod schemas the API reads strictly (lib/validations/observations.ts), plus the
// screen's own choice of visible columns. The page's loader, the client controls, the export links
// and every link into the data screen use these parsers and `serializeData`.
import { createParser, createSerializer, type SingleParserBuilder } from 'nuqs/server';
import type { z } from 'zod';
import { formatNumber } from '@/lib/format';
import { chartTexts } from '@/lib/i18n/chart-texts';
import { dataParamsTexts } from '@/lib/i18n/data-params-texts';
import { DEFAULT_LOCALE, type Locale } from '@/lib/i18n/locales';
import { MEMBERSHIP_GROUP_CODES } from '@/lib/membership-groups';
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_OFFSET,
  MAX_SORT_KEYS,
  OBSERVATION_PARAMETER_SCHEMAS as SCHEMAS,
  OBSERVATION_SORT_KEYS,
  OBSERVATION_FLAGS,
  PAGE_SIZES,
  SOURCE_KINDS,
  pageOffset,
  type ObservationQuery,
} from '@/lib/validations/observations';
import {
  loadSearchParams,
  nullToUndefined,
  parseAsAllowedList,
  parseAsSearchText,
  type Expectations,
  type IgnoredSearchParam,
  type RawSearchParams,
} from './shared';
import { parseAsSort } from './sort';

/** The data screen's columns, in display order. Sortable ones share their id with the sort keys. */
export const DATA_COLUMNS = [
  'reporter',
  'partner',
  'flow',
  'year',
  'period',
  'value',
  'unit',
  'usd',
  'qualifier',
  'flags',
  'source',
  'note',
] as const;
export type DataColumnId = (typeof DATA_COLUMNS)[number];

/** Notes are long; they are one click away rather than widening every row. */
export const DEFAULT_DATA_COLUMNS: readonly DataColumnId[] = DATA_COLUMNS.filter((c) => c !== 'note');

/** A nuqs parser that accepts exactly what the API's schema accepts. */
function parseAsSchema<T>(schema: z.ZodType<T, string>, serialize: (value: T) => string): SingleParserBuilder<T> {
  return createParser<T>({
    parse: (text) => {
      const parsed = schema.safeParse(text);
      return parsed.success ? parsed.data : null;
    },
    serialize,
  });
}

const list = (items: readonly string[]) => items.join(',');

/** In the order the canonical URL lists them. */
export const dataParsers = {
  q: parseAsSearchText,
  reporter: parseAsSchema(SCHEMAS.reporter, list),
  partner: parseAsSchema(SCHEMAS.partner, list),
  group: parseAsSchema(SCHEMAS.group, list),
  flow: parseAsSchema(SCHEMAS.flow, list),
  from: parseAsSchema(SCHEMAS.from, String),
  to: parseAsSchema(SCHEMAS.to, String),
  source: parseAsSchema(SCHEMAS.source, list),
  kind: parseAsSchema(SCHEMAS.kind, list),
  flags: parseAsSchema(SCHEMAS.flags, list),
  /** Absent: the natural key order (source, reporter, partner, indicator, year, period). */
  sort: parseAsSort(OBSERVATION_SORT_KEYS, { max: MAX_SORT_KEYS, naturalDesc: () => false }),
  page: parseAsSchema(SCHEMAS.page, String).withDefault(1),
  size: parseAsSchema(SCHEMAS.size, String).withDefault(DEFAULT_PAGE_SIZE),
  cols: parseAsAllowedList(DATA_COLUMNS).withDefault([...DEFAULT_DATA_COLUMNS]),
};

/** "" or "?…", defaults and empty filters dropped, so one view has one URL. */
export const serializeData = createSerializer(dataParsers);

/** The query without `format`: the page always renders HTML. */
export type DataQuery = Omit<ObservationQuery, 'format'>;

export interface DataState {
  query: DataQuery;
  columns: readonly DataColumnId[];
}

/** The data screen showing these observations (links from sources and from an observation's page). */
export function dataHref(query: DataQuery): string {
  return `/data${serializeData(query)}`;
}

/** The API URL of the rows on screen, every page, in their order: what the export buttons fetch. */
export function observationsExportHref(query: DataQuery, format: string): string {
  const search = serializeData({ ...query, page: null, size: null });
  return `/api/observations${search}${search ? '&' : '?'}format=${format}`;
}

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

/** True when any filter narrows the rows (not sort, page or columns): the toolbar then offers a reset. */
export function hasDataFilters(query: DataQuery): boolean {
  return Boolean(
    query.q ||
    query.reporter ||
    query.partner ||
    query.group ||
    query.flow ||
    query.source ||
    query.kind ||
    query.flags ||
    query.from !== undefined ||
    query.to !== undefined,
  );
}
