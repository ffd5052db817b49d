// The explorer's URL state: the observations parameters (lib/validations/observations.ts, shared
// with the API) plus the screen's own choice of visible columns. Defined once for the server page
// and the client controls.
import { z } from 'zod';
import {
  OBSERVATION_PAGE_PARAM_NAMES,
  parseObservationSearchParams,
  serializeObservationQuery,
  type IgnoredSearchParam,
  type ObservationQuery,
  type RawSearchParams,
} from '@/lib/validations/observations';

/** The explorer's columns, in display order. Sortable ones share their id with the sort keys. */
export const EXPLORER_COLUMNS = [
  'reporter',
  'partner',
  'flow',
  'year',
  'period',
  'value',
  'unit',
  'qualifier',
  'flags',
  'source',
  'note',
] as const;
export type ExplorerColumnId = (typeof EXPLORER_COLUMNS)[number];

/** Every parameter the explorer reads; the proxy drops any other from a page's address. */
export const EXPLORER_PARAM_NAMES: readonly string[] = [...OBSERVATION_PAGE_PARAM_NAMES, 'cols'];

/** Notes are long; they are one click away rather than widening every row. */
export const DEFAULT_EXPLORER_COLUMNS: readonly ExplorerColumnId[] = EXPLORER_COLUMNS.filter((c) => c !== 'note');

const columnsSchema = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum(EXPLORER_COLUMNS)).min(1))
  .transform((ids) => EXPLORER_COLUMNS.filter((c) => ids.includes(c)));

/** The query without `format`: the page always renders HTML. */
export type ExplorerQuery = Omit<ObservationQuery, 'format'>;

export interface ExplorerState {
  query: ExplorerQuery;
  columns: readonly ExplorerColumnId[];
}

export function parseExplorerSearchParams(raw: RawSearchParams): {
  state: ExplorerState;
  ignored: IgnoredSearchParam[];
} {
  const { query, ignored } = parseObservationSearchParams(raw);
  const { format: _format, ...rest } = query;
  let columns = DEFAULT_EXPLORER_COLUMNS;
  const cols = raw.cols;
  if (typeof cols === 'string' && cols !== '') {
    const parsed = columnsSchema.safeParse(cols);
    if (parsed.success) columns = parsed.data;
    else
      ignored.push({
        name: 'cols',
        value: cols,
        expected: `a comma-separated list of: ${EXPLORER_COLUMNS.join(', ')}`,
      });
  } else if (Array.isArray(cols)) {
    ignored.push({ name: 'cols', value: cols.join(', '), expected: 'a single comma-separated value' });
  }
  return { state: { query: rest, columns }, ignored };
}

const sameColumns = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((c, i) => c === b[i]);

/** "" or "?…": the screen's canonical URL, defaults dropped. */
export function serializeExplorerSearchParams(state: ExplorerState): string {
  const base = serializeObservationQuery(state.query, { paging: true });
  const cols = sameColumns(state.columns, DEFAULT_EXPLORER_COLUMNS) ? '' : `cols=${state.columns.join(',')}`;
  const text = [base, cols].filter(Boolean).join('&');
  return text ? `?${text}` : '';
}

/** True when any filter narrows the rows (not sort, page or columns): the toolbar then offers a reset. */
export function hasExplorerFilters(query: ExplorerQuery): boolean {
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
