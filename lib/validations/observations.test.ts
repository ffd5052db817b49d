import { describe, expect, it } from 'vitest';
import { parseObservationQuery } from './observations';
import { dataParsers } from '@/lib/search-params/data';

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

describe('parseObservationQuery: problems', () => {
  const problems = (query: string) => {
    const result = parseObservationQuery(new URLSearchParams(query));
    return result.ok ? [] : result.problems.map((p) => `${p.parameter}: ${p.message}`);
  };

  it('names each item that does not fit, or only that there are too many', () => {
    expect(problems('reporter=KAZ,xx,yy')).toEqual([
      'reporter: each reporter must look like KAZ or AGG_EU',
      'reporter: each reporter must look like KAZ or AGG_EU',
    ]);
    expect(problems(`reporter=${Array.from({ length: 301 }, () => 'kaz').join(',')}`)).toEqual([
      'reporter: at most 300 values',
    ]);
    expect(problems('flags=x,x,x,x,x')).toEqual(['flags: at most 4 values']);
    expect(problems('group=,')).toEqual(['group: group must not be empty']);
  });

  it('says everything wrong with a search, and one thing wrong with a number', () => {
    expect(problems(`q=${'%01'.repeat(101)}`)).toEqual([
      'q: q must be at most 100 characters',
      'q: q must not contain control characters',
    ]);
    expect(problems('q=%20%20')).toEqual(['q: q must not be empty']);
    expect(problems('size=abc')).toEqual(['size: size must be one of: 10, 25, 50, 100']);
    expect(problems('page=0')).toEqual(['page: page must be 1 or more']);
    expect(problems('from=1800&to=3000')).toEqual([
      'from: from must be 1900 or later',
      'to: to must be 2100 or earlier',
    ]);
  });

  it('checks the range and the depth only when each parameter reads', () => {
    expect(problems('from=abc&page=3000&size=100')).toEqual(['from: from must be a four-digit year']);
    expect(problems('from=2010&to=2000&page=3000&size=100')).toEqual([
      'from: from must not be after to',
      expect.stringMatching(/^page: page × size must stay within the first 100,000 rows/),
    ]);
  });

  it('deduplicates allow-listed items in the order given', () => {
    expect(parseObservationQuery(new URLSearchParams('group=AGG_CIS,AGG_EU,AGG_CIS'))).toMatchObject({
      ok: true,
      query: { group: ['AGG_CIS', 'AGG_EU'] },
    });
  });
});

describe('the data screen reads what the API reads', () => {
  const cases: [keyof typeof dataParsers, string][] = [
    ['reporter', 'KAZ,AGG_EU'],
    ['reporter', 'kaz'],
    ['partner', ''],
    ['group', 'AGG_EU,AGG_XX'],
    ['flow', 'export,import'],
    ['flow', 'Export'],
    ['source', 'a b'],
    ['kind', 'NEWS_ARTICLE'],
    ['from', '1899'],
    ['to', '2024'],
    ['flags', 'official,estimate'],
    ['flags', 'x,x,x,x,x'],
    ['sort', 'year:desc,value'],
    ['sort', 'colour'],
    ['page', '0'],
    ['page', '12'],
    ['size', '25'],
    ['size', '30'],
  ];

  it.each(cases)('%s=%s', (name, value) => {
    const api = parseObservationQuery(new URLSearchParams({ [name]: value }));
    expect(dataParsers[name].parse(value) !== null).toBe(api.ok);
  });
});
