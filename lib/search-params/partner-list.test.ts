import { describe, expect, it } from 'vitest';
import { PARTNER_LIST_DEFAULTS, partnerListExportHref, serializePartnerList } from './partner-list';
import { parsePartnerListSearchParams } from './partner-list-parse';

const years = { availableYears: [2018, 2019, 2020, 2025] };

describe('parsePartnerListSearchParams', () => {
  it('uses the defaults for an empty URL and drops them when serializing', () => {
    const { params, ignored } = parsePartnerListSearchParams({}, years);
    expect(params).toEqual({
      ...PARTNER_LIST_DEFAULTS,
      sort: [{ id: 'turnover', desc: true }],
      year: undefined,
      group: undefined,
      q: undefined,
    });
    expect(ignored).toEqual([]);
    expect(serializePartnerList(params)).toBe('');
  });

  it('reads every parameter, with natural directions for bare sort keys', () => {
    const { params } = parsePartnerListSearchParams(
      {
        year: '2019',
        window: '10',
        min: '1000',
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
      min: 1000,
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
    expect(serializePartnerList(params)).toBe(
      '?q=kaz&group=AGG_EU,AGG_CIS&view=groups&year=2019&window=10&min=1000&sort=rank:asc,name:asc,share:desc&page=3&size=50',
    );
  });

  it('links the export to every page of the view, with the year made explicit', () => {
    const { params } = parsePartnerListSearchParams({ sort: 'share:desc', page: '4', size: '10' }, years);
    expect(partnerListExportHref(params, 2025, 'csv')).toBe(
      '/api/export/partners?year=2025&sort=share:desc&format=csv',
    );
    expect(partnerListExportHref(PARTNER_LIST_DEFAULTS, undefined, 'json')).toBe('/api/export/partners?format=json');
  });

  it.each([
    ['year', '2021'],
    ['year', 'latest'],
    ['window', '4'],
    ['window', '5x'],
    ['view', 'all'],
    ['group', 'AGG_WORLD'],
    ['group', 'AGG_EU,AGG_MARS'],
    ['sort', 'colour'],
    ['sort', 'name,name'],
    ['sort', 'name,rank,share,turnover'],
    ['page', '0'],
    ['page', '2.5'],
    ['size', '1000'],
    ['q', 'a\u0000b'],
  ])('ignores %s=%j with a reason and keeps the default', (name, value) => {
    const { params, ignored } = parsePartnerListSearchParams({ [name]: value }, years);
    expect(ignored).toEqual([expect.objectContaining({ name, value })]);
    expect(serializePartnerList(params)).toBe('');
  });

  it('treats a search of spaces as no search', () => {
    expect(parsePartnerListSearchParams({ q: '   ' }, years)).toMatchObject({ params: { q: undefined }, ignored: [] });
  });
});
