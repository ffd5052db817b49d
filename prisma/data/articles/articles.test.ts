import { describe, expect, it } from 'vitest';
import { sharedDir } from '@/lib/testing/shared-dir';
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';

// Figures pinned by hand from a reading of /work/shared/sources/*.txt (see NOT-FIGURES.md for what
// was deliberately left out). Each tuple identifies a record by its natural key and pins
// value, unit, scale, period, qualifier and source.

// Every column name used in the five CSV files, so that row fields type-check as plain strings.
type Column =
  | 'source_id' | 'reporter' | 'reporter_code' | 'partner' | 'partner_code' | 'year' | 'period' | 'flow'
  | 'value' | 'unit' | 'scale' | 'flag' | 'note' | 'qualifier' | 'derivation' | 'derivation_note'
  | 'stated_growth_pct' | 'locator' | 'series_key' | 'period_kind' | 'period_start' | 'period_end'
  | 'id' | 'kind' | 'title' | 'publisher' | 'published_on' | 'url' | 'attribution' | 'vintage'
  | 'key' | 'date' | 'end_date' | 'date_inferred' | 'place' | 'partner_codes'
  | 'signed_on' | 'signed_year' | 'in_force_on' | 'in_force_year' | 'currency' | 'party_codes'
  | 'code' | 'label' | 'unit_kind' | 'category' | 'definition' | 'sort_order'
  | 'title_basis' | 'outlet_id' | 'published_on_precision' | 'published_on_inferred' | 'date_basis'
  | 'dataset_table' | 'retrieved_via' | 'retrieved_via_url' | 'summary' | 'status' | 'grouped'
  | 'in_force_precision' | 'also_sources' | 'same_as';
type Row = Record<Column, string>;

const here = (name: string) => new URL(`./${name}`, import.meta.url);

function readCsv(name: string): { header: string[]; rows: Row[]; raw: string[][] } {
  const text = fs.readFileSync(here(name), 'utf8');
  const raw = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  const header = raw[0] ?? [];
  const rows = raw.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])) as Row);
  return { header, rows, raw };
}

const OBS_HEADER = [
  'source_id', 'reporter', 'reporter_code', 'partner', 'partner_code', 'year', 'period', 'flow', 'value', 'unit',
  'scale', 'flag', 'note', 'qualifier', 'derivation', 'derivation_note', 'stated_growth_pct', 'locator',
  'series_key', 'period_kind', 'period_start', 'period_end',
];
const EXISTING_FLOWS = new Set([
  'export', 'import', 'turnover', 'fdi_gross_inflow', 'fdi_inward_stock', 'fdi_cumulative_inflow',
  'documents_signed', 'commercial_agreements_signed', 'agreements_cumulative', 'agreement_entry_into_force',
]);

const obs = readCsv('observations.csv');
const sources = readCsv('sources.csv');
const events = readCsv('events.csv');
const agreements = readCsv('agreements.csv');
const indicators = readCsv('indicators.csv');

const A0 = 'article:000_f65f635a1a5fbe79';
const A1 = 'article:001_8d469a298dbc54d2';
const A2 = 'article:002_b9b2a1f356df666f';
const A3 = 'article:003_de8daaf30eb561ba';
const A4 = 'article:004_434f5fecc70b42f9';

// [source, reporter, partner, year, period, flow, series_key, value, unit, scale, qualifier]
type Expected = [string, string, string, string, string, string, string, string, string, string, string];
const EXPECTED: Expected[] = [
  // 000 Novastan: Strasbourg consulate general (as of 25 May 2021)
  [A0, 'KAZ', 'FRA', '2021', '2021-05-25', 'honorary_consulates_in_partner', '', '3', 'count', '1', 'EXACT'],
  [A0, 'KAZ', 'FRA', '2021', '2021-05-25', 'honorary_consulates_in_partner', 'lyon', '1', 'count', '1', 'EXACT'],
  [A0, 'KAZ', 'FRA', '2021', '2021-05-25', 'honorary_consulates_in_partner', 'nice', '1', 'count', '1', 'EXACT'],
  [A0, 'KAZ', 'FRA', '2021', '2021-05-25', 'honorary_consulates_in_partner', 'rennes', '1', 'count', '1', 'EXACT'],
  [A0, 'FRA', 'KAZ', '2021', '2021-05-25', 'partner_rank_central_asia', '', '1', 'rank', '1', 'EXACT'],
  [A0, 'KAZ', 'FRA', '2021', '2021-05-25', 'partner_rank', '', '8', 'rank', '1', 'EXACT'],
  [A0, 'KAZ', 'FRA', '2021', '2021-05-25', 'cooperation_sectors_targeted', '', '3', 'count', '1', 'EXACT'],

  // 001 EU Reporter: 31st anniversary of KAZ-EU relations
  [A1, 'KAZ', 'AGG_EU', '2024', '2024-02-02', 'anniversary_of_relations_years', '', '31', 'years', '1', 'EXACT'],
  [A1, 'KAZ', 'AGG_EU', '2023', '2023-10-23', 'roadmap_points', '', '79', 'count', '1', 'EXACT'],
  [A1, 'KAZ', 'AGG_EU', '2024', '2024-01-29/2024-01-30', 'companies_participating', '', '25', 'count', '1', 'MORE_THAN'],
  [A1, 'AGG_EU', 'AGG_CENTRAL_ASIA', '2024', '2024-01-29/2024-01-30', 'investment_pledged', '', '10', 'EUR', '1e9', 'EXACT'],
  [A1, 'KAZ', 'AGG_EU', '2024', '2024-01-29/2024-01-30', 'memoranda_signed', '', '4', 'count', '1', 'EXACT'],
  [A1, 'KAZ', 'AGG_EU', '2024', '2024-01-29/2024-01-30', 'memoranda_value', '', '820', 'EUR', '1e6', 'EXACT'],
  [A1, 'KAZ', 'AGG_EU', '2023', 'Jan-Nov', 'turnover_share_pct', '', '30', 'percent', '1', 'ABOUT'],
  [A1, 'KAZ', 'AGG_EU', '2023', 'Jan-Nov', 'turnover', '', '37.7', 'USD', '1e9', 'EXACT'],
  [A1, 'KAZ', 'AGG_EU', '2022', 'FY', 'turnover', '', '40', 'USD', '1e9', 'EXACT'],
  [A1, 'KAZ', 'AGG_EU', '2022', 'Jan-Nov', 'turnover', '', '36.53', 'USD', '1e9', 'ESTIMATE'],
  [A1, 'KAZ', 'AGG_EU', '2021', 'FY', 'turnover', '', '28.99', 'USD', '1e9', 'ESTIMATE'],

  // 002 Sl.kz / MFA: Vassilenko in Brussels, 24 Jan 2023
  [A2, 'KAZ', 'AGG_EU', '2023', '2023-02-02', 'anniversary_of_relations_years', '', '30', 'years', '1', 'EXACT'],
  [A2, 'KAZ', 'AGG_EU', '2023', '2023-01-24', 'cooperation_spheres', '', '29', 'count', '1', 'EXACT'],
  [A2, 'KAZ', 'AGG_WORLD', '2023', '2023-01-24', 'election_observer_organizations_invited', '', '10', 'count', '1', 'EXACT'],

  // 003 Kazinform: diplomatic presence and 2012-2014 embassy plan (year 2011 inferred)
  [A3, 'KAZ', 'AGG_WORLD', '2011', 'since independence (to 2011-07-29)', 'diplomatic_establishments_abroad', '', '75', 'count', '1', 'EXACT'],
  [A3, 'KAZ', 'AGG_WORLD', '2011', 'since independence (to 2011-07-29)', 'countries_with_establishments', '', '56', 'count', '1', 'EXACT'],
  [A3, 'KAZ', 'AGG_WORLD', '2011', 'since independence (to 2011-07-29)', 'embassies_abroad', '', '46', 'count', '1', 'EXACT'],
  [A3, 'KAZ', 'AGG_WORLD', '2011', 'since independence (to 2011-07-29)', 'diplomatic_missions_abroad', '', '6', 'count', '1', 'EXACT'],
  [A3, 'KAZ', 'AGG_WORLD', '2011', 'since independence (to 2011-07-29)', 'consulates_general_abroad', '', '8', 'count', '1', 'EXACT'],
  [A3, 'KAZ', 'AGG_WORLD', '2011', 'since independence (to 2011-07-29)', 'consulates_abroad', '', '6', 'count', '1', 'EXACT'],
  [A3, 'KAZ', 'AGG_WORLD', '2011', 'since independence (to 2011-07-29)', 'diplomatic_establishments_other_abroad', '', '9', 'count', '1', 'ESTIMATE'],
  [A3, 'KAZ', 'AGG_WORLD', '2011', '2011-07-29', 'countries_covered_concurrently', '', '27', 'count', '1', 'EXACT'],
  [A3, 'KAZ', 'AGG_WORLD', '2011', '2011-07-29', 'foreign_representations_accredited', '', '107', 'count', '1', 'EXACT'],
  [A3, 'KAZ', 'AGG_WORLD', '2011', '2011-07-29', 'foreign_consulates_in_kaz', '', '11', 'count', '1', 'EXACT'],
  [A3, 'KAZ', 'AGG_WORLD', '2011', '2011-07-29', 'honorary_consuls_in_kaz', '', '17', 'count', '1', 'EXACT'],
  [A3, 'KAZ', 'AGG_WORLD', '2011', '2011-07-29', 'trade_representations_in_kaz', '', '3', 'count', '1', 'EXACT'],
  [A3, 'KAZ', 'RUS', '2011', '2011-07-29', 'trade_representations_in_kaz', '', '1', 'count', '1', 'EXACT'],
  [A3, 'KAZ', 'AUT', '2011', '2011-07-29', 'trade_representations_in_kaz', '', '1', 'count', '1', 'EXACT'],
  [A3, 'KAZ', 'DNK', '2011', '2011-07-29', 'trade_representations_in_kaz', '', '1', 'count', '1', 'EXACT'],
  [A3, 'KAZ', 'AGG_WORLD', '2011', '2011-07-29', 'international_organizations_represented', '', '20', 'count', '1', 'EXACT'],
  [A3, 'KAZ', 'AGG_WORLD', '2011', '2011-07-29', 'plan_main_directions', '', '3', 'count', '1', 'EXACT'],
  [A3, 'KAZ', 'BRA', '2011', '2011-07-29', 'world_economy_rank', '', '7', 'rank', '1', 'EXACT'],
  [A3, 'KAZ', 'AGG_WORLD', '2014', '2012-2014', 'plan_horizon_years', '', '3', 'years', '1', 'EXACT'],
  [A3, 'KAZ', 'IDN', '2012', 'FY', 'embassies_planned', '', '1', 'count', '1', 'EXACT'],
  [A3, 'KAZ', 'BRA', '2012', 'FY', 'embassies_planned', '', '1', 'count', '1', 'EXACT'],
  [A3, 'KAZ', 'FIN', '2012', 'FY', 'embassies_planned', '', '1', 'count', '1', 'EXACT'],
  [A3, 'KAZ', 'AGG_WORLD', '2012', 'FY', 'embassies_planned', '', '3', 'count', '1', 'EXACT'],
  [A3, 'KAZ', 'ZAF', '2013', 'FY', 'embassies_planned', '', '1', 'count', '1', 'EXACT'],
  [A3, 'KAZ', 'VNM', '2013', 'FY', 'embassies_planned', '', '1', 'count', '1', 'EXACT'],
  [A3, 'KAZ', 'SWE', '2013', 'FY', 'embassies_planned', '', '1', 'count', '1', 'EXACT'],
  [A3, 'KAZ', 'AGG_WORLD', '2013', 'FY', 'embassies_planned', '', '3', 'count', '1', 'EXACT'],
  [A3, 'KAZ', 'KEN', '2014', 'FY', 'embassies_planned', '', '1', 'count', '1', 'EXACT'],
  [A3, 'KAZ', 'MAR', '2014', 'FY', 'embassies_planned', '', '1', 'count', '1', 'EXACT'],
  [A3, 'KAZ', 'MEX', '2014', 'FY', 'embassies_planned', '', '1', 'count', '1', 'EXACT'],
  [A3, 'KAZ', 'IRQ', '2014', 'FY', 'embassies_planned', '', '1', 'count', '1', 'EXACT'],
  [A3, 'KAZ', 'SVK', '2014', 'FY', 'embassies_planned', '', '1', 'count', '1', 'EXACT'],
  [A3, 'KAZ', 'AGG_WORLD', '2014', 'FY', 'embassies_planned', '', '5', 'count', '1', 'EXACT'],
  [A3, 'KAZ', 'AGG_WORLD', '2014', '2012-2014', 'embassies_planned', '', '11', 'count', '1', 'EXACT'],

  // 004 Kazinform: Kazakh-German consultations (year 2022 inferred)
  [A4, 'KAZ', 'DEU', '2022', 'FY', 'anniversary_of_relations_years', '', '30', 'years', '1', 'EXACT'],
  [A4, 'KAZ', 'DEU', '2022', 'as of article date (2022)', 'agreements_in_force', '', '35', 'count', '1', 'MORE_THAN'],
  [A4, 'DEU', 'KAZ', '2022', 'as of article date (2022)', 'partner_rank_central_asia', '', '1', 'rank', '1', 'EXACT'],
  [A4, 'KAZ', 'DEU', '2021', '15 years to 2021', 'fdi_cumulative_inflow', '', '5.3', 'USD', '1e9', 'MORE_THAN'],
  [A4, 'KAZ', 'DEU', '2021', '15 years to 2021', 'fdi_share_priority_sectors_pct', '', '80', 'percent', '1', 'ABOUT'],
  [A4, 'KAZ', 'DEU', '2021', '15 years to 2021', 'fdi_cumulative_inflow_priority_sectors', '', '4.24', 'USD', '1e9', 'ESTIMATE'],
  [A4, 'DEU', 'KAZ', '2021', 'Jan-Aug', 'turnover', '', '3.4', 'EUR', '1e9', 'EXACT'],
  [A4, 'DEU', 'KAZ', '2020', 'Jan-Aug', 'turnover', '', '2.71', 'EUR', '1e9', 'ESTIMATE'],
];

const keyOf = (r: Row) =>
  [r.source_id, r.reporter_code, r.partner_code, r.year, r.period, r.flow, r.series_key].join('|');

const byKey = new Map<string, Row[]>();
for (const r of obs.rows) byKey.set(keyOf(r), [...(byKey.get(keyOf(r)) ?? []), r]);

describe('observations.csv pins every figure read from the five articles', () => {
  it.each(EXPECTED)(
    '%s %s->%s %s %s %s [%s] = %s %s x%s (%s)',
    (src, rep, par, year, period, flow, sk, value, unit, scale, qualifier) => {
      const hits = byKey.get([src, rep, par, year, period, flow, sk].join('|')) ?? [];
      expect(hits).toHaveLength(1);
      const r = hits[0]!;
      expect(r.value).toBe(value);
      expect(r.unit).toBe(unit);
      expect(r.scale).toBe(scale);
      expect(r.period).toBe(period);
      expect(r.qualifier).toBe(qualifier);
      expect(r.source_id).toBe(src);
    },
  );

  it('has no record that is not pinned above (and none missing)', () => {
    const expectedKeys = new Set(EXPECTED.map((e) => e.slice(0, 7).join('|')));
    expect(expectedKeys.size).toBe(EXPECTED.length);
    const extra = obs.rows.map(keyOf).filter((k) => !expectedKeys.has(k));
    expect(extra).toEqual([]);
    expect(obs.rows).toHaveLength(EXPECTED.length);
  });
});

describe('observations.csv structure', () => {
  it('has the exact 22-column header and 22 cells in every row', () => {
    expect(obs.header).toEqual(OBS_HEADER);
    for (const r of obs.raw) expect(r).toHaveLength(22);
  });

  it('has a unique natural key (source_id, reporter_code, partner_code, year, period, flow, series_key)', () => {
    const dupes = [...byKey.entries()].filter(([, v]) => v.length > 1).map(([k]) => k);
    expect(dupes).toEqual([]);
  });

  it('references only sources listed in sources.csv', () => {
    const ids = new Set(sources.rows.map((s) => s.id));
    for (const r of obs.rows) expect(ids.has(r.source_id), r.source_id).toBe(true);
  });

  it('uses only existing flow codes or codes defined in indicators.csv', () => {
    const defined = new Set(indicators.rows.map((i) => i.code));
    for (const r of obs.rows) expect(EXISTING_FLOWS.has(r.flow) || defined.has(r.flow), r.flow).toBe(true);
  });

  it('defines every new indicator only once, never redefines an existing code, and uses each one', () => {
    const codes = indicators.rows.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(EXISTING_FLOWS.has(c), c).toBe(false);
    const used = new Set(obs.rows.map((r) => r.flow));
    for (const c of codes) expect(used.has(c), `unused indicator ${c}`).toBe(true);
    for (const i of indicators.rows) {
      expect(['CURRENCY', 'COUNT', 'PERCENT', 'RANK', 'OTHER']).toContain(i.unit_kind);
      expect(['TRADE', 'INVESTMENT', 'AGREEMENTS', 'DIPLOMACY', 'EVENTS', 'OTHER']).toContain(i.category);
      expect(Number.isInteger(Number(i.sort_order)) && Number(i.sort_order) >= 100).toBe(true);
    }
  });

  it('uses the controlled vocabularies', () => {
    const flags = ['', 'approximate', 'lower_bound', 'upper_approximate', 'rounded', 'partner_statistics', 'derived', 'inferred'];
    for (const r of obs.rows) {
      expect(flags).toContain(r.flag);
      expect(['EXACT', 'ABOUT', 'AT_LEAST', 'MORE_THAN', 'NEARLY', 'ESTIMATE']).toContain(r.qualifier);
      expect(['PUBLISHED', 'DERIVED', 'INFERRED']).toContain(r.derivation);
      expect(['YEAR', 'MONTH', 'MONTHS_TO_DATE', 'MULTI_YEAR', 'STOCK_AT_DATE', 'DATE']).toContain(r.period_kind);
      expect(['USD', 'EUR', 'count', 'percent', 'rank', 'years']).toContain(r.unit);
      expect(['1', '1e6', '1e9']).toContain(r.scale);
      expect(r.reporter_code).toMatch(/^([A-Z]{3}|AGG_[A-Z_]+)$/);
      expect(r.partner_code).toMatch(/^([A-Z]{3}|AGG_[A-Z_]+)$/);
      expect(r.value).toMatch(/^\d+(\.\d+)?$/);
      expect(r.year).toMatch(/^(\d{4})?$/);
      expect(r.period_start).toMatch(/^(\d{4}-\d{2}-\d{2})?$/);
      expect(r.period_end).toMatch(/^(\d{4}-\d{2}-\d{2})?$/);
      if (r.period_start && r.period_end) expect(r.period_start <= r.period_end).toBe(true);
      expect(r.locator).toMatch(/^paras? \d+/);
      expect(r.note.length).toBeGreaterThan(10);
    }
  });

  it('keeps flags, qualifiers and derivations consistent with one another', () => {
    for (const r of obs.rows) {
      const k = keyOf(r);
      if (r.derivation === 'DERIVED') {
        expect(r.flag, k).toBe('derived');
        expect(r.derivation_note.length, k).toBeGreaterThan(10);
        expect(r.stated_growth_pct, k).toBe('');
      }
      if (r.derivation === 'INFERRED') expect(r.derivation_note.length, k).toBeGreaterThan(10);
      if (r.flag === 'derived') expect(r.derivation, k).toBe('DERIVED');
      if (r.flag === 'inferred') expect(r.derivation, k).toBe('INFERRED');
      if (r.flag === 'lower_bound') expect(r.qualifier, k).toBe('MORE_THAN');
      if (r.flag === 'approximate') expect(r.qualifier, k).toBe('ABOUT');
      if (r.qualifier === 'MORE_THAN') expect(r.flag, k).toBe('lower_bound');
      if (r.qualifier === 'ABOUT') expect(r.flag, k).toBe('approximate');
      if (r.flag === 'partner_statistics') expect(r.reporter_code, k).not.toBe('KAZ');
      if (r.period_kind === 'YEAR') expect(r.period, k).toBe('FY');
      if (r.period_kind === 'DATE' || r.period_kind === 'STOCK_AT_DATE') {
        if (r.period_start) expect(r.period.startsWith(r.period_start), k).toBe(true);
      }
      if (r.year && r.period_end && r.period_kind !== 'MULTI_YEAR') expect(r.period_end.slice(0, 4), k).toBe(r.year);
    }
  });

  it('stores the growth rates the articles state', () => {
    const growth = obs.rows.filter((r) => r.stated_growth_pct !== '').map((r) => [r.source_id, r.year, r.period, r.stated_growth_pct]);
    expect(growth).toEqual(
      expect.arrayContaining([
        [A1, '2023', 'Jan-Nov', '3.2'],
        [A1, '2022', 'FY', '38'],
        [A4, '2021', 'Jan-Aug', '25.3'],
      ]),
    );
    expect(growth).toHaveLength(3);
  });

  it('derives base-period values that match the stated growth rates', () => {
    const v = (src: string, rep: string, year: string, period: string) =>
      Number(obs.rows.find((r) => r.source_id === src && r.reporter_code === rep && r.flow === 'turnover' && r.year === year && r.period === period)?.value);
    expect(v(A1, 'KAZ', '2022', 'Jan-Nov')).toBeCloseTo(37.7 / 1.032, 2);
    expect(v(A1, 'KAZ', '2021', 'FY')).toBeCloseTo(40 / 1.38, 2);
    expect(v(A4, 'DEU', '2020', 'Jan-Aug')).toBeCloseTo(3.4 / 1.253, 2);
    const fdi = obs.rows.find((r) => r.flow === 'fdi_cumulative_inflow_priority_sectors');
    expect(Number(fdi?.value)).toBeCloseTo(5.3 * 0.8, 2);
  });

  it('keeps the parts consistent with the totals they are listed under', () => {
    const n = (pred: (r: Row) => boolean) => obs.rows.filter(pred).reduce((s, r) => s + Number(r.value), 0);
    // honorary consulates in France: 3 = Lyon + Nice + Rennes
    expect(n((r) => r.flow === 'honorary_consulates_in_partner' && r.series_key !== '')).toBe(3);
    // trade representations in Almaty: 3 = Russia + Austria + Denmark
    expect(n((r) => r.flow === 'trade_representations_in_kaz' && r.partner_code !== 'AGG_WORLD')).toBe(3);
    // planned embassies by year and over the plan
    for (const [y, total] of [['2012', 3], ['2013', 3], ['2014', 5]] as const) {
      expect(n((r) => r.flow === 'embassies_planned' && r.year === y && r.period === 'FY' && r.partner_code !== 'AGG_WORLD')).toBe(total);
    }
    expect(n((r) => r.flow === 'embassies_planned' && r.period === 'FY' && r.partner_code !== 'AGG_WORLD')).toBe(11);
    // establishments abroad: the four listed types plus the derived residual make 75
    const est = ['embassies_abroad', 'diplomatic_missions_abroad', 'consulates_general_abroad', 'consulates_abroad', 'diplomatic_establishments_other_abroad'];
    expect(n((r) => r.source_id === A3 && est.includes(r.flow))).toBe(75);
  });

  it('never mixes currencies: EUR figures stay EUR, USD figures stay USD', () => {
    const cur = (flow: string, src: string) => obs.rows.filter((r) => r.flow === flow && r.source_id === src).map((r) => r.unit);
    expect(new Set(cur('turnover', A1))).toEqual(new Set(['USD']));
    expect(new Set(cur('turnover', A4))).toEqual(new Set(['EUR']));
    expect(cur('memoranda_value', A1)).toEqual(['EUR']);
    expect(cur('investment_pledged', A1)).toEqual(['EUR']);
    expect(cur('fdi_cumulative_inflow', A4)).toEqual(['USD']);
  });

  // Cross-check against the article texts, which sit in ../shared beside the project (as in CI).
  it('finds each published value (or its word form) in the paragraph its locator names', () => {
    const sourcesDir = new URL(`file://${sharedDir()}/sources/`);
    const words: Record<string, string[]> = {
      '3': ['three'], '4': ['four'], '8': ['8th'], '10': ['ten', '10 '], '30': ['30'], '31': ['31st'], '7': ['7th'],
    };
    for (const r of obs.rows) {
      if (r.derivation === 'DERIVED' || r.value === '1') continue;
      const file = new URL(`${r.source_id.replace('article:', '')}.txt`, sourcesDir);
      const paras = fs.readFileSync(file, 'utf8').split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
      const n = Number(/^paras? (\d+)/.exec(r.locator)?.[1]);
      const text = (paras[n - 1] ?? '').toLowerCase();
      const forms = [r.value, ...(words[r.value] ?? [])];
      expect(forms.some((f) => text.includes(f.toLowerCase())), `${keyOf(r)} not in para ${n}`).toBe(true);
    }
  });
});

describe('sources, events and agreements', () => {
  const ids = new Set(sources.rows.map((s) => s.id));

  it('lists the five articles with the agreed header and kinds', () => {
    expect(sources.header).toEqual(['id', 'kind', 'title', 'title_basis', 'outlet_id', 'publisher', 'published_on', 'published_on_precision', 'published_on_inferred', 'date_basis', 'url', 'attribution', 'vintage', 'dataset_table', 'retrieved_via', 'retrieved_via_url', 'note']);
    expect([...ids].sort()).toEqual([A0, A1, A2, A3, A4]);
    for (const s of sources.rows) {
      expect(['NEWS_ARTICLE', 'OFFICIAL_STATEMENT']).toContain(s.kind);
      expect(s.published_on).toMatch(/^(\d{4}-\d{2}-\d{2})?$/);
      // None of the texts carries its URL; those found are the pages themselves (or none).
      expect(s.url).toMatch(/^(https:\/\/.*)?$/);
      expect(s.attribution.length).toBeGreaterThan(5);
    }
    const pub = Object.fromEntries(sources.rows.map((s) => [s.id, s.published_on]));
    // 001: the date in its page address; 003 and 004: worked out (year, month), flagged inferred.
    expect(pub).toEqual({ [A0]: '2021-05-25', [A1]: '2024-02-03', [A2]: '2023-01-24', [A3]: '2011-01-01', [A4]: '2022-02-01' });
  });

  it('events reference existing sources and use valid kinds and dates', () => {
    expect(events.header).toEqual(['key', 'date', 'end_date', 'date_inferred', 'kind', 'title', 'summary', 'date_basis', 'place', 'partner_codes', 'source_id', 'locator', 'note']);
    const keys = events.rows.map((e) => e.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const e of events.rows) {
      expect(ids.has(e.source_id), e.key).toBe(true);
      expect(['DIPLOMATIC_RELATIONS', 'ANNIVERSARY', 'INAUGURATION', 'FORUM', 'VISIT', 'MEETING', 'RESOLUTION', 'SIGNING', 'OTHER']).toContain(e.kind);
      expect(e.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(e.end_date).toMatch(/^(\d{4}-\d{2}-\d{2})?$/);
      if (e.end_date) expect(e.end_date >= e.date).toBe(true);
      expect(['true', 'false']).toContain(e.date_inferred);
      if (e.date_inferred === 'true') expect(e.note.length).toBeGreaterThan(10);
      // A reader sees the summary and, for a worked-out date, how it was worked out; never the note.
      expect(e.summary.length, e.key).toBeGreaterThan(10);
      if (e.date_inferred === 'true') expect(e.date_basis.length, e.key).toBeGreaterThan(20);
      for (const text of [e.title, e.summary, e.date_basis]) {
        expect(text, e.key).not.toMatch(/date\/end_date|end_date|signed_on|published_on|Ordinal|_[a-z]+_/);
      }
      for (const p of e.partner_codes.split(';')) expect(p).toMatch(/^([A-Z]{3}|AGG_[A-Z_]+)$/);
      expect(e.locator).toMatch(/^para \d+/);
    }
  });

  it('pins the key dated events', () => {
    const ev = Object.fromEntries(events.rows.map((e) => [e.key, e]));
    const pin: [string, string, string, string, string][] = [
      ['a000-strasbourg-consulate-general-2021-05-17', '2021-05-17', '', 'false', 'INAUGURATION'],
      ['a000-eu-kaz-investment-dialogue-2021-03-19', '2021-03-19', '', 'false', 'MEETING'],
      ['a001-kaz-eu-31st-anniversary-2024-02-02', '2024-02-02', '', 'true', 'ANNIVERSARY'],
      ['a001-ca-eu-leaders-meeting-2023-06-02', '2023-06-02', '', 'false', 'MEETING'],
      ['a001-cop28-tokayev-michel-2023-11-30', '2023-11-30', '', 'false', 'MEETING'],
      ['a001-ca-eu-roadmap-adoption-2023-10-23', '2023-10-23', '', 'false', 'OTHER'],
      ['a001-ca-eu-economic-forum-2023-05-18', '2023-05-18', '2023-05-19', 'false', 'FORUM'],
      ['a001-schinas-visit-astana-2024-01-15', '2024-01-15', '', 'false', 'VISIT'],
      ['a001-transport-investment-forum-2024-01-29', '2024-01-29', '2024-01-30', 'false', 'FORUM'],
      ['a001-ep-central-asia-resolution-2024-01-17', '2024-01-17', '', 'false', 'RESOLUTION'],
      ['a001-raw-materials-week-2023-11-13', '2023-11-13', '2023-11-17', 'false', 'FORUM'],
      ['a002-kaz-eu-30th-anniversary-2023-02-02', '2023-02-02', '', 'true', 'ANNIVERSARY'],
      ['a002-kaz-eu-relations-established-1993-02-02', '1993-02-02', '', 'true', 'DIPLOMATIC_RELATIONS'],
      ['a003-mfa-meeting-embassy-plan-2011-07-29', '2011-07-29', '', 'true', 'MEETING'],
      ['a004-tokayev-visit-germany-2019-12', '2019-12-01', '2019-12-31', 'false', 'VISIT'],
      ['a004-tokayev-visit-germany-2020-02', '2020-02-01', '2020-02-29', 'false', 'VISIT'],
    ];
    for (const [key, date, end, inferred, kind] of pin) {
      expect(ev[key], key).toBeDefined();
      expect([ev[key]!.date, ev[key]!.end_date, ev[key]!.date_inferred, ev[key]!.kind]).toEqual([date, end, inferred, kind]);
    }
    expect(events.rows.filter((e) => e.key.startsWith('a003-embassy-planned-'))).toHaveLength(11);
  });

  it('agreements reference existing sources, use valid kinds and fill only stated dates', () => {
    expect(agreements.header).toEqual(['key', 'title', 'kind', 'status', 'grouped', 'signed_on', 'signed_year', 'in_force_on', 'in_force_year', 'in_force_precision', 'value', 'currency', 'scale', 'qualifier', 'party_codes', 'source_id', 'locator', 'also_sources', 'same_as', 'summary', 'note']);
    const keys = agreements.rows.map((a) => a.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const a of agreements.rows) {
      expect(ids.has(a.source_id), a.key).toBe(true);
      expect(['TRADE_AGREEMENT', 'PARTNERSHIP_AGREEMENT', 'MEMORANDUM', 'ROADMAP', 'OTHER']).toContain(a.kind);
      expect(['IN_FORCE', 'SIGNED', 'UNDER_NEGOTIATION', 'MEMORANDUM', 'ROADMAP', 'PLAN']).toContain(a.status);
      expect(a.signed_on).toMatch(/^(\d{4}-\d{2}-\d{2})?$/);
      if (a.signed_on) expect(a.signed_year).toBe(a.signed_on.slice(0, 4));
      if (a.value) {
        expect(['USD', 'EUR']).toContain(a.currency);
        expect(['1', '1e6', '1e9']).toContain(a.scale);
        expect(['EXACT', 'ABOUT', 'AT_LEAST', 'MORE_THAN', 'NEARLY', 'ESTIMATE']).toContain(a.qualifier);
      }
    }
    const ag = Object.fromEntries(agreements.rows.map((a) => [a.key, a]));
    // The articles give no EPCA dates: the row joins DESTA no. 997 (signed 2015) and takes its entry into
    // force from the eximtutor page (March 2020), a source of its own.
    expect(ag['a002-epca']).toMatchObject({ kind: 'PARTNERSHIP_AGREEMENT', same_as: 'desta:997', signed_on: '', signed_year: '', in_force_on: '2020-03-01', in_force_precision: 'MONTH', status: 'IN_FORCE' });
    expect(ag['a002-epca']!.also_sources).toMatch(/^news:exim@/);
    // One row per instrument: the raw-materials memorandum and its roadmap are named by two articles.
    expect(ag['a001-raw-materials-mou']).toBeUndefined();
    expect(ag['a001-raw-materials-mou-roadmap']).toBeUndefined();
    expect(ag['a002-raw-materials-mou']!.also_sources).toBe(`${A1}@para 12`);
    expect(ag['a002-raw-materials-mou-roadmap']!.also_sources).toBe(`${A1}@para 12`);
    // "More than 35 agreements in force" is a stated count (observations.csv), not an agreement.
    expect(ag['a004-kaz-deu-agreements-in-force']).toBeUndefined();
    expect(ag['a001-transport-forum-memoranda-2024']).toMatchObject({ kind: 'MEMORANDUM', value: '820', currency: 'EUR', scale: '1e6', signed_year: '2024' });
    expect(ag['a001-ca-eu-expanded-roadmap-2023']).toMatchObject({ kind: 'ROADMAP', signed_on: '2023-10-23' });
  });
});
