import { describe, expect, it } from 'vitest';
import { parseObservationQuery } from './observations';

const parse = (qs: string) => parseObservationQuery(new URLSearchParams(qs));

describe('parseObservationQuery', () => {
  it('reads lists, years and the format', () => {
    expect(parse('reporter=KAZ&partner=DEU,FRA,AGG_EU&flow=export&from=2000&to=2020&format=csv')).toEqual({
      ok: true,
      query: {
        reporter: ['KAZ'],
        partner: ['DEU', 'FRA', 'AGG_EU'],
        flow: ['export'],
        from: 2000,
        to: 2020,
        format: 'csv',
      },
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

describe('parseObservationQuery: data screen parameters', () => {
  it('reads multi-key sort, flags, groups, kinds, search, paging and xlsx', () => {
    expect(
      parse(
        'sort=year:desc,value:asc&flags=estimate,partner&group=AGG_EU,AGG_CIS&kind=NEWS_ARTICLE&q=oil&page=3&size=25&format=xlsx',
      ),
    ).toEqual({
      ok: true,
      query: {
        sort: [
          { id: 'year', desc: true },
          { id: 'value', desc: false },
        ],
        flags: ['estimate', 'partner'],
        group: ['AGG_EU', 'AGG_CIS'],
        kind: ['NEWS_ARTICLE'],
        q: 'oil',
        page: 3,
        size: 25,
        format: 'xlsx',
      },
    });
  });

  it('reads a sort key without direction as ascending', () => {
    const result = parse('sort=partner');
    expect(result.ok && result.query.sort).toEqual([{ id: 'partner', desc: false }]);
  });

  it.each([
    ['sort=colour:asc', 'sort', 'partner'],
    ['sort=year:up', 'sort', 'asc'],
    ['sort=year:asc,year:desc', 'sort', 'once'],
    ['sort=year,value,partner,flow,unit', 'sort', 'at most'],
    ['flags=rounded', 'flags', 'estimate'],
    ['group=AGG_WORLD', 'group', 'AGG_EU'],
    ['kind=BLOG', 'kind', 'NEWS_ARTICLE'],
    ['size=7', 'size', '10, 25, 50, 100'],
    ['page=0', 'page', '1'],
    // Offsets beyond the first 100,000 rows: PostgreSQL would read and sort every row before them.
    ['page=1000000&size=100&q=oil', 'page', 'within the first 100,000 rows'],
    ['page=2002', 'page', 'download every row'],
    ['q=', 'q', 'empty'],
    [`q=${'x'.repeat(101)}`, 'q', '100'],
  ])('refuses %s naming %s and the allowed values', (qs, parameter, allowed) => {
    const result = parse(qs);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      const problem = result.problems.find((p) => p.parameter === parameter);
      expect(problem?.message).toContain(allowed);
    }
  });
});
