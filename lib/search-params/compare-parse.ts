// Reads the compare screen's address on the server (the page, its embed and its export): the parsers
// of compare.ts, and the notices about parameters it cannot use in the page's language. Apart from
// compare.ts because the client controls import that module, and the notices' words would then
// ship in their JavaScript.
import { CURRENCIES } from '@/lib/constants';
import { chartTexts, type ChartTexts } from '@/lib/i18n/chart-texts';
import {
  COMPARE_FLOWS,
  COMPARE_MODES,
  COMPARE_SCALES,
  COMPARE_SORT_KEYS,
  compareDefaults,
  compareParsers,
  foldLegacyCompareSort,
  MAX_COMPARE_PARTNERS,
  type CompareSearchParams,
  type CompareYearRange,
} from './compare';
import { toSearchParams, type Expectations, type IgnoredSearchParam, type RawSearchParams } from './shared';
import { loadSearchParams } from './shared-parse';

export interface CompareParseOptions extends CompareYearRange {
  /** Every partner code in the database. */
  partnerCodes: ReadonlySet<string>;
  /** The language of the notice's words (the page's); English by default (the API's answers). */
  texts?: ChartTexts;
}

/** Parses the compare screen's search params (see the module comment). Unknown keys are left alone. */
export function parseCompareSearchParams(
  raw: RawSearchParams | URLSearchParams,
  options: CompareParseOptions,
): { params: CompareSearchParams; ignored: IgnoredSearchParam[] } {
  const defaults = compareDefaults(options);
  const parsers = compareParsers(options);
  const texts = options.texts ?? chartTexts();
  const yearRange = texts('params.yearRange', { min: String(options.minYear), max: String(options.maxYear) });
  const oneOf = (values: readonly string[]) => texts('params.oneOf', { list: values.join(', ') });
  const expected: Expectations<typeof parsers> = {
    partners: texts('params.partners'),
    flow: oneOf(COMPARE_FLOWS),
    from: yearRange,
    to: yearRange,
    mode: oneOf(COMPARE_MODES),
    scale: oneOf(COMPARE_SCALES),
    currency: oneOf(CURRENCIES),
    sort: texts('params.sort', { list: COMPARE_SORT_KEYS.join(', ') }),
  };
  const search = foldLegacyCompareSort(toSearchParams(raw)) ?? toSearchParams(raw);
  const { values, ignored } = loadSearchParams(parsers, search, expected, texts);
  const params: CompareSearchParams = { ...values };

  // Partners: the known codes in the order given, at most MAX_COMPARE_PARTNERS of them.
  const partnersGiven = search.get('partners') && !ignored.some((i) => i.name === 'partners');
  if (partnersGiven) {
    const known = params.partners.filter((code) => options.partnerCodes.has(code));
    const unknown = params.partners.filter((code) => !options.partnerCodes.has(code));
    if (unknown.length > 0) {
      ignored.push({
        name: 'partners',
        value: unknown.join(','),
        expected: texts('params.knownPartners'),
        outcome: known.length > 0 ? texts('params.unknownOutcome') : undefined,
      });
    }
    if (known.length > MAX_COMPARE_PARTNERS) {
      ignored.push({
        name: 'partners',
        value: known.slice(MAX_COMPARE_PARTNERS).join(','),
        expected: texts('params.atMost', { max: MAX_COMPARE_PARTNERS }),
        outcome: texts('params.atMostOutcome', { max: MAX_COMPARE_PARTNERS }),
      });
    }
    params.partners = known.length > 0 ? known.slice(0, MAX_COMPARE_PARTNERS) : defaults.partners;
  }

  if (params.from > params.to) {
    ignored.push({
      name: 'from',
      value: String(params.from),
      expected: texts('params.fromAfterTo', { to: String(params.to) }),
    });
    params.from = Math.min(defaults.from, params.to);
    if (params.from > params.to) params.to = defaults.to;
  }

  if (params.mode === 'share' && params.flow === 'balance') {
    // A balance is a difference, not a part of a whole: its "share of the total" means nothing.
    ignored.push({
      name: 'mode',
      value: params.mode,
      expected: texts('params.balanceMode'),
    });
    params.mode = defaults.mode;
  }

  if (params.scale === 'log' && (params.mode === 'change' || params.flow === 'balance')) {
    // Changes and balances are negative as often as not; a log axis cannot show them.
    ignored.push({
      name: 'scale',
      value: params.scale,
      expected: texts('params.linearOnly'),
    });
    params.scale = defaults.scale;
  }

  return { params, ignored };
}
