import { describe, expect, it } from 'vitest';
import dataParamsEn from '@/lib/i18n/messages/data-params/en.json';
import dataParamsKk from '@/lib/i18n/messages/data-params/kk.json';
import dataParamsRu from '@/lib/i18n/messages/data-params/ru.json';
import { parseObservationQuery } from '@/lib/validations/observations';
import { DEFAULT_DATA_COLUMNS, dataHref, hasDataFilters, observationsExportHref, serializeData } from './data';
import { hasCodeFilters, parseDataSearchParams, withoutUnknownCodes } from './data-parse';

const serializeState = (state: ReturnType<typeof parseDataSearchParams>['state']) =>
  serializeData({ ...state.query, cols: [...state.columns] });

describe('data screen search params', () => {
  it('shows the default columns, page 1 of 50, and writes none of them', () => {
    const { state, ignored } = parseDataSearchParams({});
    expect(state.columns).toEqual(DEFAULT_DATA_COLUMNS);
    expect(state.query).toMatchObject({ page: 1, size: 50, sort: undefined, partner: undefined });
    expect(ignored).toEqual([]);
    expect(serializeState(state)).toBe('');
  });

  it('reads chosen columns in display order and keeps them in the URL', () => {
    const { state } = parseDataSearchParams({ cols: 'value,partner,note', partner: 'DEU', page: '2' });
    expect(state.columns).toEqual(['partner', 'value', 'note']);
    expect(serializeState(state)).toBe('?partner=DEU&page=2&cols=partner,value,note');
  });

  it('ignores unknown columns with a notice', () => {
    const { state, ignored } = parseDataSearchParams({ cols: 'colour' });
    expect(state.columns).toEqual(DEFAULT_DATA_COLUMNS);
    expect(ignored[0]?.name).toBe('cols');
  });

  it('keeps good values and reports bad ones, which fall back to their defaults', () => {
    const { state, ignored } = parseDataSearchParams({
      partner: 'DEU',
      sort: 'colour',
      size: '7',
      from: '2020',
      to: '2010',
    });
    expect(state.query).toMatchObject({ partner: ['DEU'], sort: undefined, size: 50, from: undefined, to: 2010 });
    expect(ignored.map((i) => i.name).sort()).toEqual(['from', 'size', 'sort']);
    expect(ignored.find((i) => i.name === 'size')?.expected).toContain('10, 25, 50, 100');
    expect(ignored.find((i) => i.name === 'sort')?.expected).toContain('reporter, partner');
  });

  it('names what a parameter accepts in the page’s language', () => {
    const { ignored } = parseDataSearchParams({ size: '7', from: '2020', to: '2010', page: '5000' }, 'ru');
    const said = Object.fromEntries(ignored.map((i) => [i.name, i.expected]));
    expect(said.size).toBe(dataParamsRu.size.replace('{list}', '10, 25, 50, 100'));
    expect(said.from).toBe(dataParamsRu.fromAfterTo.replace('{to}', '2010'));
    // The row limit with Russian digits: 100 000.
    expect(said.page).toBe(dataParamsRu.pageOffset.replace('{max}', '100\u00a0000'));
    const kk = parseDataSearchParams({ group: 'AGG_MARS' }, 'kk').ignored[0];
    expect(kk?.expected).toBe(dataParamsKk.list.replace('{list}', 'AGG_EU, AGG_EAEU, AGG_CIS, AGG_CENTRAL_ASIA'));
  });

  it('treats empty values as absent and refuses repeated ones', () => {
    const { state, ignored } = parseDataSearchParams({ q: '', partner: ['DEU', 'FRA'] });
    expect(state.query.q).toBeUndefined();
    expect(state.query.partner).toBeUndefined();
    expect(ignored).toEqual([expect.objectContaining({ name: 'partner' })]);
  });

  it('tells filters from view choices', () => {
    expect(hasDataFilters(parseDataSearchParams({ sort: 'year:desc', page: '3', cols: 'year' }).state.query)).toBe(
      false,
    );
    expect(hasDataFilters(parseDataSearchParams({ from: '2000' }).state.query)).toBe(true);
  });
});

describe('serializeData', () => {
  it('writes one canonical, readable URL per state that the API reads back to the same query', () => {
    const { state } = parseDataSearchParams({
      partner: 'DEU,FRA',
      flow: 'turnover',
      from: '2000',
      to: '2025',
      sort: 'year:desc,value',
      page: '2',
      size: '50',
    });
    const text = serializeState(state);
    expect(text).toBe('?partner=DEU,FRA&flow=turnover&from=2000&to=2025&sort=year:desc,value:asc&page=2');
    const again = parseObservationQuery(new URLSearchParams(text));
    expect(again.ok && serializeData(again.query)).toBe(text);
  });

  it('links into the data screen, and exports every page of the view (no paging, no columns)', () => {
    expect(dataHref({ source: ['news:at2409'], from: 2020, to: 2020 })).toBe(
      '/data?from=2020&to=2020&source=news:at2409',
    );
    const { state } = parseDataSearchParams({ partner: 'DEU', q: 'oil gas', page: '4', size: '10', cols: 'year' });
    const href = observationsExportHref(state.query, 'csv');
    expect(href).toBe('/api/observations?q=oil+gas&partner=DEU&format=csv');
    const exported = parseObservationQuery(new URL(href, 'http://x').searchParams);
    expect(exported).toEqual({ ok: true, query: { q: 'oil gas', partner: ['DEU'], format: 'csv' } });
  });
});

describe('parseDataSearchParams: the page offset', () => {
  it('falls back to page 1, with a notice, beyond the first 100,000 rows', () => {
    const deep = parseDataSearchParams({ page: '1002', size: '100', q: 'oil' });
    expect(deep.state.query.page).toBe(1);
    expect(deep.ignored).toEqual([expect.objectContaining({ name: 'page', value: '1002' })]);
    // Page 1001 of 100 starts right after row 100,000: the last one allowed.
    expect(parseDataSearchParams({ page: '1001', size: '100' }).state.query.page).toBe(1001);
  });
});

describe('withoutUnknownCodes: codes the database does not hold', () => {
  it('leaves them out, shows the other codes’ rows and says which were left out', () => {
    const { state } = parseDataSearchParams({ partner: 'DEU,QQQ,FRA', reporter: 'KAZ', flow: 'turnover' });
    const { query, ignored } = withoutUnknownCodes(state.query, [{ parameter: 'partner', codes: ['QQQ'] }]);
    expect(query).toMatchObject({ partner: ['DEU', 'FRA'], reporter: ['KAZ'], flow: ['turnover'] });
    expect(ignored).toEqual([
      {
        name: 'partner',
        value: 'QQQ',
        expected: dataParamsEn.knownCodes.replace('{example}', 'DEU, AGG_EU'),
        outcome: dataParamsEn.unknownOutcome,
      },
    ]);
  });

  it('drops a filter left without codes, so the page shows what it shows without it', () => {
    const { state } = parseDataSearchParams({ source: 'nosuch', flow: 'turnover,nope', partner: 'DEU' });
    const { query, ignored } = withoutUnknownCodes(
      state.query,
      [
        { parameter: 'flow', codes: ['nope'] },
        { parameter: 'source', codes: ['nosuch'] },
      ],
      'ru',
    );
    expect(query.source).toBeUndefined();
    expect(query.flow).toEqual(['turnover']);
    expect(query.partner).toEqual(['DEU']);
    expect(ignored).toEqual([
      { name: 'flow', value: 'nope', expected: dataParamsRu.knownFlows, outcome: dataParamsRu.unknownOutcome },
      {
        name: 'source',
        value: 'nosuch',
        expected: dataParamsRu.knownSources.replace('{example}', 'imf_dots_2022_via_SamLeBlanc'),
        outcome: undefined,
      },
    ]);
    // The export link then asks for the rows shown, which the API accepts.
    expect(observationsExportHref(query, 'csv')).toBe('/api/observations?partner=DEU&flow=turnover&format=csv');
  });

  it('changes nothing when every code is known', () => {
    const { state } = parseDataSearchParams({ partner: 'DEU', page: '3' });
    expect(withoutUnknownCodes(state.query, [])).toEqual({ query: state.query, ignored: [] });
  });

  it('asks the database only when the view filters by codes', () => {
    expect(hasCodeFilters(parseDataSearchParams({ q: 'oil', group: 'AGG_EU', from: '2020' }).state.query)).toBe(false);
    for (const given of [{ reporter: 'QQQ' }, { partner: 'QQQ' }, { flow: 'nope' }, { source: 'nosuch' }]) {
      const { state, ignored } = parseDataSearchParams(given);
      expect(ignored).toEqual([]);
      expect(hasCodeFilters(state.query)).toBe(true);
    }
  });
});
