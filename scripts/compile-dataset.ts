// Compiles the bundled dataset in prisma/data from ../shared/data, so that a clone without
// ../shared has all of it. Run after the shared data changes: npm run data:compile
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { runMain, UserError } from './lib/user-error';

const ROOT = path.resolve(import.meta.dirname, '..');
const SHARED = path.resolve(ROOT, '..', 'shared', 'data');
const OUT = path.join(ROOT, 'prisma', 'data');

export const OBSERVATION_FILES = [
  'imf_dots_kaz_reported.csv',
  'imf_dots_mirror_partner_reported.csv',
  'bns_trade_by_partner_2020_2025.csv',
  'derived_eu27_from_bns_2020_2025.csv',
  'bns_total_trade_monthly_2019_2026.csv',
  'desta_kaz_trade_agreements.csv',
  'news_reported_figures.csv',
];

type Row = Record<string, string>;
const read = (file: string): Row[] => parse(readFileSync(file), { columns: true, bom: true }) as Row[];

const HISTORICAL = new Set(['AGG_ANT', 'AGG_BLX', 'AGG_CSK', 'AGG_SCG', 'AGG_SUN', 'AGG_YUG']);
const NOT_SPECIFIED = /^AGG_(.*_)?(NS|OTHER_NIE)$/;
/** Names for codes the shared files do not name, or name only in IMF's long form. */
const EXTRA_PARTNERS: Row[] = [
  { code: 'AGG_CIS', name: 'Commonwealth of Independent States', kind: 'GROUP' },
  { code: 'AGG_CENTRAL_ASIA', name: 'Central Asia', kind: 'GROUP' },
  { code: 'XXX', name: 'Unspecified reporter', kind: 'OTHER' },
  { code: 'AGG_DDR', name: 'German Democratic Republic (East Germany)', kind: 'HISTORICAL' },
  { code: 'AGG_MYS_WEST', name: 'Malaysia, West (Peninsular Malaysia)', kind: 'HISTORICAL' },
  { code: 'AGG_YAR', name: 'Yemen Arab Republic (North Yemen)', kind: 'HISTORICAL' },
  { code: 'AGG_YMD', name: "Yemen, People's Democratic Republic (South Yemen)", kind: 'HISTORICAL' },
  // Rows of other reporters' DOTS workbooks (imf_dots_labels.csv), not of the bundled data.
  { code: 'AGG_SUN', name: 'USSR (Soviet Union)', kind: 'HISTORICAL' },
  { code: 'AGG_YUG', name: 'Yugoslavia (Socialist Federal Republic)', kind: 'HISTORICAL' },
  { code: 'AGG_MECA_NS', name: 'Middle East and Central Asia not specified', kind: 'OTHER' },
  { code: 'TON', name: 'Tonga', kind: 'COUNTRY' },
];

/**
 * Row labels of IMF DOTS workbooks that the bundled IMF files do not spell out with a code (they
 * occur only in other reporters' workbooks, or name a layout row). The rest of the label table is
 * read from the bundled IMF files, which carry IMF's spelling beside each code.
 */
const IMF_LABELS_BY_HAND: Row[] = [
  { imf_label: 'Curaçao, Kingdom of the Netherlands', code: 'CUW', role: 'partner' },
  { imf_label: 'Sint Maarten, Kingdom of the Netherlands', code: 'SXM', role: 'partner' },
  { imf_label: 'Palau, Rep. of', code: 'PLW', role: 'partner' },
  { imf_label: 'Tonga', code: 'TON', role: 'partner' },
  { imf_label: 'Eastern Germany', code: 'AGG_DDR', role: 'partner' },
  { imf_label: 'Malaysia, West', code: 'AGG_MYS_WEST', role: 'partner' },
  { imf_label: 'USSR', code: 'AGG_SUN', role: 'partner' },
  { imf_label: 'Yugoslavia', code: 'AGG_YUG', role: 'partner' },
  { imf_label: 'Yemen Arab Rep.', code: 'AGG_YAR', role: 'partner' },
  { imf_label: "Yemen, People's Dem. Rep. of", code: 'AGG_YMD', role: 'partner' },
  { imf_label: 'Middle East and Central Asia not specified', code: 'AGG_MECA_NS', role: 'partner' },
  // Layout rows: a block heading, the unit line, and trade not allocated to any partner.
  { imf_label: 'Memorandum Items', code: '', role: 'layout' },
  { imf_label: 'US Dollars, Millions', code: '', role: 'layout' },
  { imf_label: 'Special Categories', code: '', role: 'not a partner' },
];

/** Every label of IMF's DOTS workbooks (../shared/data/reference) with the partner code it names. */
function imfLabelTable(imfRows: Row[]): Row[] {
  const byLabel = new Map<string, Row>(IMF_LABELS_BY_HAND.map((r) => [r.imf_label ?? '', r]));
  for (const r of imfRows) {
    for (const [label, code] of [
      [r.partner, r.partner_code],
      [r.reporter, r.reporter_code],
    ] as const) {
      if (label && code && !byLabel.has(label)) byLabel.set(label, { imf_label: label, code, role: 'partner' });
    }
  }
  const seen = read(path.join(SHARED, 'reference', 'imf_dots_row_labels.csv')).map((r) => r.imf_label ?? '');
  const unmapped = seen.filter((l) => !byLabel.has(l));
  if (unmapped.length > 0) throw new UserError(`IMF row labels without a code: ${unmapped.join('; ')}`);
  return [...byLabel.values()].sort((a, b) => (a.imf_label ?? '').localeCompare(b.imf_label ?? ''));
}

/**
 * The official datasets, each credited to its original publisher, with the publisher's table or
 * database, the edition, the publisher's address, and separately the third-party copy the figures
 * were read from (ids keep the route for stability; screens show the publisher).
 */
const STATISTICAL_SOURCES: Row[] = [
  {
    id: 'imf_dots_2022_via_SamLeBlanc',
    kind: 'STATISTICAL_DATASET',
    title: 'Direction of Trade Statistics (DOTS)',
    publisher: 'International Monetary Fund',
    url: 'https://data.imf.org/',
    attribution:
      'International Monetary Fund, Direction of Trade Statistics (DOTS). Exports FOB, imports CIF, USD million.',
    vintage: 'Release of early 2022 (data 1992-2020)',
    dataset_table:
      'DOTS country workbooks: Kazakhstan (DOTS_103.xlsx) and every partner country (mirror data), sheets "Exports, FOB" and "Imports, CIF"',
    retrieved_via: "Copies of the DOTS country workbooks in SamLeBlanc's GitHub repositories",
    retrieved_via_url: 'https://github.com/SamLeBlanc',
    note: 'Turnover rows are export + import computed for this project.',
  },
  {
    id: 'bns_312101_via_makenerzhan',
    kind: 'STATISTICAL_DATASET',
    title: 'Main indicators of foreign trade of the Republic of Kazakhstan by country',
    publisher:
      'Bureau of National Statistics of the Agency for Strategic Planning and Reforms of the Republic of Kazakhstan',
    url: 'https://stat.gov.kz/',
    attribution:
      'Bureau of National Statistics of the Agency for Strategic Planning and Reforms of the Republic of Kazakhstan, foreign trade by country. USD thousand.',
    vintage: 'Final annual editions 2020-2025',
    dataset_table: 'Indicator 312101, foreign trade by partner country (exports and imports)',
    retrieved_via: 'Processed extract in the makenerzhan-gif/kazakhstan-economic-data repository on GitHub',
    retrieved_via_url: 'https://github.com/makenerzhan-gif/kazakhstan-economic-data',
    note: 'Turnover rows are export + import computed for this project.',
  },
  {
    id: 'bns_446905_monthly_via_makenerzhan',
    kind: 'STATISTICAL_DATASET',
    title: 'Exports and imports of the Republic of Kazakhstan, monthly totals',
    publisher:
      'Bureau of National Statistics of the Agency for Strategic Planning and Reforms of the Republic of Kazakhstan',
    url: 'https://stat.gov.kz/',
    attribution:
      'Bureau of National Statistics of the Republic of Kazakhstan, monthly export/import totals. USD thousand; latest months preliminary.',
    vintage: '2019-01 to 2026-06 (latest months preliminary)',
    dataset_table:
      'Indicator 446905, monthly totals of exports and imports (a different product from the by-country table)',
    retrieved_via: 'Processed extract in the makenerzhan-gif/kazakhstan-economic-data repository on GitHub',
    retrieved_via_url: 'https://github.com/makenerzhan-gif/kazakhstan-economic-data',
    note: 'Single-month values, not year-to-date.',
  },
  {
    id: 'derived_eu27_from_bns_312101',
    kind: 'STATISTICAL_DATASET',
    title: 'EU-27 totals summed from the Bureau of National Statistics country rows',
    publisher: 'Derived for this dashboard from the Bureau of National Statistics of the Republic of Kazakhstan',
    url: '',
    attribution: 'Derived: sum of the 27 EU member-state rows of the Bureau of National Statistics indicator 312101.',
    vintage: '2020-2025',
    dataset_table: 'Computed from indicator 312101 (the 27 member-state rows of each year)',
    retrieved_via: '',
    retrieved_via_url: '',
    note: 'The bureau publishes its own EU aggregate row, which was not available in the stored extract.',
  },
  {
    id: 'desta_via_globalgov_manytrade',
    kind: 'RESEARCH_DATASET',
    title: 'Design of Trade Agreements (DESTA) database',
    publisher: 'DESTA project (Dür, Baccini and Elsig)',
    published_on: '2014-01-01',
    published_on_precision: 'YEAR',
    url: 'https://www.designoftradeagreements.org/',
    attribution:
      'Dür, A., Baccini, L. and Elsig, M. (2014), "The Design of International Trade Agreements: Introducing a New Dataset", Review of International Organizations 9(3): 353-375.',
    vintage: 'Agreements signed up to 2020',
    dataset_table: 'Membership table (DESTA_MEM): one row per agreement with its member countries',
    retrieved_via: 'The globalgov/manytrade package on GitHub (commit a1e201c)',
    retrieved_via_url: 'https://github.com/globalgov/manytrade',
    note: '',
  },
  {
    id: 'ecb_eurofxref_annual',
    kind: 'STATISTICAL_DATASET',
    title: 'Euro foreign exchange reference rates',
    publisher: 'European Central Bank',
    url: 'https://www.ecb.europa.eu/stats/policy_and_exchange_rates/euro_reference_exchange_rates/html/index.en.html',
    attribution:
      'European Central Bank, euro foreign exchange reference rates; annual means of the daily USD rates, rounded to 4 decimals.',
    vintage: '1999-2025, 2026 year to date',
    dataset_table:
      'Daily reference rates (eurofxref-hist.csv), US dollar per euro; annual means computed for this project',
    retrieved_via: '',
    retrieved_via_url: '',
    note: 'Any value converted with these rates is derived, not published.',
  },
];

export const SOURCE_COLUMNS = [
  'id',
  'kind',
  'title',
  'title_basis',
  'outlet_id',
  'publisher',
  'published_on',
  'published_on_precision',
  'published_on_inferred',
  'date_basis',
  'url',
  'attribution',
  'vintage',
  'dataset_table',
  'retrieved_via',
  'retrieved_via_url',
  'note',
];

/**
 * News pages, cited by their headline and outlet from the hand-checked tables in prisma/data/reference
 * (news_citations.csv, outlets.csv): a page without a citation row stops the compile, so no title is
 * ever made from its address.
 */
function newsSources(rows: Row[]): Row[] {
  const citations = new Map(read(path.join(OUT, 'reference', 'news_citations.csv')).map((c) => [c.id ?? '', c]));
  const outlets = new Map(read(path.join(OUT, 'reference', 'outlets.csv')).map((o) => [o.id ?? '', o]));
  const byId = new Map<string, Row>();
  for (const r of rows) {
    const id = r.source_id ?? '';
    if (byId.has(id)) continue;
    const url = (r.note ?? '').split('|').at(-1)?.trim() ?? '';
    const citation = citations.get(id);
    if (!citation)
      throw new UserError(`${id}: no row in prisma/data/reference/news_citations.csv (headline, outlet, date).`);
    const outlet = outlets.get(citation.outlet_id ?? '');
    if (!outlet)
      throw new UserError(`${id}: outlet ${citation.outlet_id} is not in prisma/data/reference/outlets.csv.`);
    byId.set(id, {
      id,
      kind: 'NEWS_ARTICLE',
      title: citation.title ?? '',
      title_basis: citation.title_basis ?? 'page',
      outlet_id: outlet.id ?? '',
      publisher: outlet.name ?? '',
      published_on: citation.published_on ?? '',
      published_on_precision: citation.published_on_precision || (citation.published_on ? 'DAY' : ''),
      published_on_inferred: citation.published_on_inferred === 'true' ? 'true' : 'false',
      date_basis: citation.date_basis ?? '',
      url,
      attribution: `${outlet.name}, "${citation.title}"; secondary and rounded figures.`,
      vintage: '',
      note: 'Figures quoted by a news or official page; used to annotate and fill gaps, never to overwrite official series.',
    });
  }
  return [...byId.values()];
}

/**
 * DESTA lists one row per agreement and co-party, so one partner can have two agreements signed in
 * one year: the agreement number, kept in a series_key column after the 13 tidy ones, tells them apart.
 */
function writeDestaWithSeriesKeys(file: string): void {
  const rows = read(path.join(SHARED, file)).map((r) => {
    const no = /DESTA no\. (\d+)/.exec(r.note ?? '')?.[1];
    return { ...r, series_key: no && r.period !== '' && !/count/.test(r.flow ?? '') ? `desta:${no}` : '' };
  });
  const columns = [
    'source_id',
    'reporter',
    'reporter_code',
    'partner',
    'partner_code',
    'year',
    'period',
    'flow',
    'value',
    'unit',
    'scale',
    'flag',
    'note',
    'series_key',
  ];
  writeFileSync(path.join(OUT, 'observations', file), stringify(rows, { header: true, columns }));
}

runMain(async () => {
  if (!existsSync(SHARED)) throw new UserError(`${SHARED} not found: the compile step needs ../shared/data.`);
  const partners = new Map<string, Row>();
  // The bureau's own Russian partner names (its dictionary of Russian name to ISO alpha-3), for search.
  const namesRu = new Map(
    read(path.join(SHARED, 'raw', 'transcribed', 'bns_partner_countries_dictionary.csv')).map(
      (r) => [r.code ?? '', r.name_ru ?? ''] as const,
    ),
  );
  const names = new Map<string, { bns?: string; other?: string }>();
  const newsRows: Row[] = [];
  const imfRows: Row[] = [];
  for (const file of OBSERVATION_FILES) {
    if (file.startsWith('desta')) writeDestaWithSeriesKeys(file);
    else copyFileSync(path.join(SHARED, file), path.join(OUT, 'observations', file));
    for (const r of read(path.join(SHARED, file))) {
      if (file.startsWith('news')) newsRows.push(r);
      if (file.startsWith('imf')) imfRows.push(r);
      for (const [code, name] of [
        [r.reporter_code, r.reporter],
        [r.partner_code, r.partner],
      ] as const) {
        if (!code) continue;
        const entry = names.get(code) ?? {};
        if (file.startsWith('bns')) entry.bns ??= name;
        else entry.other ??= name;
        names.set(code, entry);
      }
    }
  }
  for (const [code, n] of names) {
    const kind = HISTORICAL.has(code)
      ? 'HISTORICAL'
      : NOT_SPECIFIED.test(code)
        ? 'OTHER'
        : code.startsWith('AGG_')
          ? 'GROUP'
          : 'COUNTRY';
    partners.set(code, { code, name: n.bns ?? n.other ?? code, kind, name_ru: namesRu.get(code) ?? '' });
  }
  for (const p of EXTRA_PARTNERS) if (!partners.has(p.code ?? '')) partners.set(p.code ?? '', p);

  const partnerRows = [...partners.values()].sort((a, b) => (a.code ?? '').localeCompare(b.code ?? ''));
  writeFileSync(
    path.join(OUT, 'reference', 'partners.csv'),
    stringify(partnerRows, { header: true, columns: ['code', 'name', 'kind', 'name_ru'] }),
  );
  // A dataset's title is the publisher's own name for it.
  const sourceRows = [...STATISTICAL_SOURCES.map((s) => ({ title_basis: 'page', ...s })), ...newsSources(newsRows)];
  writeFileSync(
    path.join(OUT, 'reference', 'sources.csv'),
    stringify(sourceRows, { header: true, columns: SOURCE_COLUMNS }),
  );
  writeFileSync(
    path.join(OUT, 'reference', 'imf_dots_labels.csv'),
    stringify(imfLabelTable(imfRows), { header: true, columns: ['imf_label', 'code', 'role'] }),
  );
  copyFileSync(path.join(SHARED, 'fx_eur_usd_annual.csv'), path.join(OUT, 'reference', 'fx_eur_usd_annual.csv'));
  console.log(
    `partners: ${partnerRows.length}, sources: ${sourceRows.length}, observation files: ${OBSERVATION_FILES.length}`,
  );
});
