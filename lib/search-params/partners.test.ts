import { describe, expect, it } from 'vitest';
import { parseScorecardSearchParams, SCORECARD_DEFAULTS, serializeScorecardSearchParams } from './partners';

const years = { availableYears: [2018, 2019, 2020, 2025] };

describe('parseScorecardSearchParams', () => {
  it('uses the defaults for an empty URL and drops them when serializing', () => {
    const { params, ignored } = parseScorecardSearchParams({}, years);
    expect(params).toEqual({
      ...SCORECARD_DEFAULTS,
      sort: [{ id: 'turnover', desc: true }],
      year: undefined,
      group: undefined,
      q: undefined,
    });
    expect(ignored).toEqual([]);
    expect(serializeScorecardSearchParams(params)).toBe('');
  });

  it('reads every parameter, with natural directions for bare sort keys', () => {
    const { params } = parseScorecardSearchParams(
      {
        year: '2019',
        window: '10',
        view: 'groups',
        group: 'AGG_CIS,AGG_EU',
        q: ' kaz ',
        sort: 'rank,name,share',
        page: '3',
        size: '50',
      },
      years,
    );
    expect(params).toEqual({
      year: 2019,
      window: 10,
      view: 'groups',
      // In the fixed order of the groups, whatever the URL's order.
      group: ['AGG_EU', 'AGG_CIS'],
      q: 'kaz',
      sort: [
        { id: 'rank', desc: false },
        { id: 'name', desc: false },
        { id: 'share', desc: true },
      ],
      page: 3,
      size: 50,
    });
    expect(serializeScorecardSearchParams(params)).toBe(
      'q=kaz&group=AGG_EU,AGG_CIS&view=groups&year=2019&window=10&sort=rank:asc,name:asc,share:desc&page=3&size=50',
    );
    expect(serializeScorecardSearchParams(params, { paging: false, format: 'csv' })).not.toMatch(/page|size/);
  });

  it.each([
    ['year', '2021'],
    ['year', 'latest'],
    ['window', '4'],
    ['view', 'all'],
    ['group', 'AGG_WORLD'],
    ['sort', 'colour'],
    ['sort', 'name,name'],
    ['sort', 'name,rank,share,turnover'],
    ['page', '0'],
    ['size', '1000'],
  ])('ignores %s=%s with a reason and keeps the default', (name, value) => {
    const { params, ignored } = parseScorecardSearchParams({ [name]: value }, years);
    expect(ignored).toEqual([expect.objectContaining({ name, value })]);
    expect(serializeScorecardSearchParams(params)).toBe('');
  });
});
