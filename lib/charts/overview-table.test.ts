import { describe, expect, it } from 'vitest';
import type { PartnerTable, PartnerTableRow } from '@/lib/queries/overview';
import { OVERVIEW_DEFAULTS } from '@/lib/search-params/overview';
import { partnerListParsers } from '@/lib/search-params/partner-list';
import { createLoader } from 'nuqs/server';
import { firstRows, fullPartnerList, OVERVIEW_TABLE_ROWS } from './overview-table';

function row(code: string, sourceIds: string[]): PartnerTableRow {
  return {
    code,
    name: code,
    kind: 'COUNTRY',
    exportUsdMn: 1,
    importUsdMn: 1,
    turnoverUsdMn: 2,
    shareOfWorld: 0.01,
    exportIsEstimate: false,
    importIsEstimate: false,
    turnoverIsEstimate: false,
    exportIsDerived: false,
    importIsDerived: false,
    turnoverIsDerived: true,
    sourceIds,
  };
}

// 30 partners: the first two from the bureau, one far down from the IMF only.
const rows = Array.from({ length: 30 }, (_, i) =>
  row(`P${String(i).padStart(2, '0')}`, i === 27 ? ['imf_dots'] : ['bns']),
);
const table: PartnerTable = {
  reporter: 'KAZ',
  unit: 'USD million',
  year: 2025,
  worldTurnoverUsdMn: 100,
  worldSourceId: 'bns_world',
  worldIsDerived: true,
  rows,
  total: 30,
  sourceIds: ['bns', 'bns_world', 'imf_dots'],
};

const parsePartnerList = createLoader(partnerListParsers);

describe('firstRows', () => {
  it('keeps the first rows in their order and still counts every partner', () => {
    const shown = firstRows(table, 25);
    expect(shown.rows.map((r) => r.code)).toEqual(rows.slice(0, 25).map((r) => r.code));
    expect(shown.total).toBe(30);
    expect(shown.year).toBe(2025);
  });

  it('credits the sources of the rows shown and of the world total only', () => {
    // Row 27 (the only IMF one) is cut; the world total's source stays, its shares' denominator.
    expect(firstRows(table, 25).sourceIds).toEqual(['bns', 'bns_world']);
    expect(firstRows(table, 28).sourceIds).toEqual(['bns', 'bns_world', 'imf_dots']);
  });

  it('leaves a table that fits as it is', () => {
    expect(firstRows(table, 30)).toBe(table);
    expect(firstRows(table, 40)).toBe(table);
  });

  it('shows as many rows as the partner list’s first page', () => {
    expect(OVERVIEW_TABLE_ROWS).toBe(parsePartnerList('').size);
  });
});

describe('fullPartnerList', () => {
  it('links a shortened table to the partner list in the same year, order and kind', () => {
    const link = fullPartnerList(firstRows(table, 25), {
      ...OVERVIEW_DEFAULTS,
      partners: 'groups',
      sort: { id: 'share', desc: false },
    });
    expect(link).toMatchObject({ shown: 25, total: 30 });
    const [path, query] = (link?.href ?? '').split('?');
    expect(path).toBe('/partners');
    const opened = parsePartnerList(`?${query}`);
    expect(opened.view).toBe('groups');
    expect(opened.year).toBe(2025);
    expect(opened.sort).toEqual([{ id: 'share', desc: false }]);
    expect(opened.page).toBe(1);
  });

  it('opens the list on countries when the overview lists countries and groups together', () => {
    const link = fullPartnerList(firstRows(table, 25), { ...OVERVIEW_DEFAULTS, partners: 'all' });
    const opened = parsePartnerList(`?${link?.href.split('?')[1] ?? ''}`);
    expect(opened.view).toBe('countries');
    expect(opened.sort).toEqual([{ id: 'turnover', desc: true }]);
  });

  it('gives no link when every row is shown', () => {
    expect(fullPartnerList(table, OVERVIEW_DEFAULTS)).toBeNull();
  });
});
