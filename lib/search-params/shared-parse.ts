// The server's half of shared.ts: nuqs's loader, with the notices about what it could not use in
// the page's language. Apart from shared.ts because client controls import that module, and these
// words (the ChartTexts catalogues of three languages) would then ship in their JavaScript.
import { chartTexts, type ChartTexts } from '@/lib/i18n/chart-texts';
import { createLoader, type inferParserType, type ParserMap } from 'nuqs/server';
import { toSearchParams, type Expectations, type IgnoredSearchParam, type RawSearchParams } from './shared';

function parses<P extends ParserMap>(parser: P[keyof P], value: string): boolean {
  if (parser.type === 'multi') return false;
  try {
    return parser.parse(value) !== null;
  } catch {
    return false;
  }
}

/**
 * Parses a screen's parameters with nuqs's loader, after setting aside each value the screen cannot
 * use, which then falls back to its default and is listed in `ignored`: a value its parser refuses,
 * or a repeated parameter (ignored rather than guessed at; nuqs alone would take the first). An
 * empty value is what a cleared form field sends, so it counts as absent. Unknown keys are left
 * alone: they may belong to other tools (analytics tags).
 */
export function loadSearchParams<P extends ParserMap>(
  parsers: P,
  raw: RawSearchParams | URLSearchParams,
  expected: Expectations<P>,
  texts: ChartTexts = chartTexts(),
): { values: inferParserType<P>; ignored: IgnoredSearchParam[] } {
  const search = toSearchParams(raw);
  const usable = new URLSearchParams();
  const ignored: IgnoredSearchParam[] = [];
  for (const name of Object.keys(parsers) as (keyof P & string)[]) {
    const values = search.getAll(name);
    const parser = parsers[name];
    const describe: string | ((value: string) => string) = expected[name];
    const expects = (value: string) => (typeof describe === 'function' ? describe(value) : describe);
    const [value] = values;
    if (value === undefined || (values.length === 1 && value === '')) continue;
    if (values.length > 1) {
      ignored.push({ name, value: values.join(', '), expected: texts('params.single', { expected: expects(value) }) });
    } else if (parser === undefined || !parses(parser, value)) {
      ignored.push({ name, value, expected: expects(value) });
    } else {
      usable.set(name, value);
    }
  }
  return { values: createLoader(parsers)(usable), ignored };
}
