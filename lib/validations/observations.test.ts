import { describe, expect, it } from 'vitest';
import { parseObservationQuery } from './observations';

const parse = (qs: string) => parseObservationQuery(new URLSearchParams(qs));

describe('parseObservationQuery', () => {
  it('reads lists, years and the format', () => {
    expect(parse('reporter=KAZ&partner=DEU,FRA,AGG_EU&flow=export&from=2000&to=2020&format=csv')).toEqual({
      ok: true,
      query: { reporter: ['KAZ'], partner: ['DEU', 'FRA', 'AGG_EU'], flow: ['export'], from: 2000, to: 2020, format: 'csv' },
    });
  });

  it('defaults to JSON with no filter', () => {
    expect(parse('')).toEqual({ ok: true, query: { format: 'json' } });
  });

  it.each([
    ['partner=de', 'partner'],
    ['partner=', 'partner'],
    ["partner=DEU';DROP TABLE observation;--", 'partner'],
    ['from=20x0', 'from'],
    ['from=1800', 'from'],
    ['from=2020&to=2000', 'from'],
    ['format=xml', 'format'],
    ['flow=Export', 'flow'],
    ['partners=DEU', 'partners'],
    ['partner=DEU&partner=FRA', 'partner'],
    [`partner=${Array.from({ length: 301 }, () => 'DEU').join(',')}`, 'partner'],
  ])('refuses %s naming the parameter %s', (qs, parameter) => {
    const result = parse(qs);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.parameter)).toContain(parameter);
  });
});
