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

/** Codes the notices give as examples of each code filter. */
const CODE_EXAMPLES = { reporter: 'KAZ, AGG_EU', partner: 'DEU, AGG_EU', source: 'imf_dots_2022_via_SamLeBlanc' };

/** The filters whose codes the database must hold (findUnknownCodes in lib/queries/observations.ts). */
const CODE_FILTERS = ['reporter', 'partner', 'flow', 'source'] as const;

/** Whether the query filters by any code, so that the loader asks which of them the database holds. */
export function hasCodeFilters(query: DataQuery): boolean {
  return CODE_FILTERS.some((name) => (query[name]?.length ?? 0) > 0);
}

/**
 * The query without the codes the database does not hold (`unknown`, as findUnknownCodes gives
 * them), each named in a notice. A mistyped code would otherwise filter every row away, and the
 * page would say only that nothing matches; the API answers 400 for the same codes. A filter left
 * without codes filters nothing, as when it is not given.
 */
export function withoutUnknownCodes(
  query: DataQuery,
  unknown: readonly { parameter: string; codes: readonly string[] }[],
  locale: Locale = DEFAULT_LOCALE,
): { query: DataQuery; ignored: IgnoredSearchParam[] } {
  const texts = dataParamsTexts(locale);
  const expected: Record<(typeof CODE_FILTERS)[number], string> = {
    reporter: texts('knownCodes', { example: CODE_EXAMPLES.reporter }),
    partner: texts('knownCodes', { example: CODE_EXAMPLES.partner }),
    flow: texts('knownFlows'),
    source: texts('knownSources', { example: CODE_EXAMPLES.source }),
  };
  const next: DataQuery = { ...query };
  const ignored: IgnoredSearchParam[] = [];
  for (const name of CODE_FILTERS) {
    const refused = new Set(unknown.filter((u) => u.parameter === name).flatMap((u) => u.codes));
    const given = query[name] ?? [];
    if (!given.some((code) => refused.has(code))) continue;
    const kept = given.filter((code) => !refused.has(code));
    next[name] = kept.length > 0 ? kept : undefined;
    ignored.push({
      name,
      value: given.filter((code) => refused.has(code)).join(','),
      expected: expected[name],
      outcome: kept.length > 0 ? texts('unknownOutcome') : undefined,
    });
  }
  return { query: next, ignored };
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
    reporter: texts('codes', { example: CODE_EXAMPLES.reporter }),
    partner: texts('codes', { example: CODE_EXAMPLES.partner }),
    group: texts('list', { list: list(MEMBERSHIP_GROUP_CODES) }),
    flow: texts('flow'),
    from: texts('year'),
    to: texts('year'),
    source: texts('source', { example: CODE_EXAMPLES.source }),
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
