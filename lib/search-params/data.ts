// The data screen's URL state (/data), defined once as nuqs parsers: the observations parameters,
// made from the readers the API also reads, strictly, through zod
// (lib/validations/observation-parameters.ts), plus the screen's own choice of visible columns. The
// page's loader (data-parse.ts), the client controls, the export links and every link into the
// data screen use these parsers and `serializeData`. No zod and no words here: client controls
// import this module.
import { createParser, createSerializer, type SingleParserBuilder } from 'nuqs/server';
import type { ObservationQuery } from '@/lib/validations/observations';
import {
  DEFAULT_PAGE_SIZE,
  MAX_SORT_KEYS,
  OBSERVATION_PARAMETER_READERS as READERS,
  OBSERVATION_SORT_KEYS,
  type ParameterReader,
} from '@/lib/validations/observation-parameters';
import { parseAsAllowedList, parseAsSearchText } from './shared';
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

/** A nuqs parser that accepts exactly what the API accepts: the same reader, without zod. */
function parseAsReader<T>(read: ParameterReader<T>, serialize: (value: T) => string): SingleParserBuilder<T> {
  return createParser<T>({
    parse: (text) => {
      const result = read(text);
      return result.ok ? result.value : null;
    },
    serialize,
  });
}

const list = (items: readonly string[]) => items.join(',');

/** In the order the canonical URL lists them. */
export const dataParsers = {
  q: parseAsSearchText,
  reporter: parseAsReader(READERS.reporter, list),
  partner: parseAsReader(READERS.partner, list),
  group: parseAsReader(READERS.group, list),
  flow: parseAsReader(READERS.flow, list),
  from: parseAsReader(READERS.from, String),
  to: parseAsReader(READERS.to, String),
  source: parseAsReader(READERS.source, list),
  kind: parseAsReader(READERS.kind, list),
  flags: parseAsReader(READERS.flags, list),
  /** Absent: the natural key order (source, reporter, partner, indicator, year, period). */
  sort: parseAsSort(OBSERVATION_SORT_KEYS, { max: MAX_SORT_KEYS, naturalDesc: () => false }),
  page: parseAsReader(READERS.page, String).withDefault(1),
  size: parseAsReader(READERS.size, String).withDefault(DEFAULT_PAGE_SIZE),
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
