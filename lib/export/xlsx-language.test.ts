// The XLSX README and Flags sheets in the reader's language (docs/i18n.md, "Exports"): labels,
// sentences and meanings from the catalogues, while sheet names, column keys and the Data sheet
// stay what programs read, the same in every language. Expected words are the catalogues'.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import enMessages from '@/lib/i18n/messages/en.json';
import kkMessages from '@/lib/i18n/messages/kk.json';
import ruMessages from '@/lib/i18n/messages/ru.json';
import type { Locale } from '@/lib/i18n/locales';
import { FLAGS } from '@/lib/tidy/flags';
import { readExportLanguage } from './export-language';
import { exportHrefInLanguage } from './formats';
import { flagMessageKey, observationGlossary } from './glossary';
import { observationExportColumns, observationProvenance, type ObservationExportRow } from './observation-export';
import { partnerListExportColumns } from './partner-list-export';
import { inMemoryBatches } from './types';
import { xlsxStream } from './xlsx-writer';

const EXPORT = { en: enMessages.Export, ru: ruMessages.Export, kk: kkMessages.Export };

const ROW: ObservationExportRow = {
  source_id: 'imf_dots_2022_via_SamLeBlanc',
  reporter: 'Kazakhstan',
  reporter_code: 'KAZ',
  partner: 'Germany',
  partner_code: 'DEU',
  year: 2020,
  period: 'FY',
  flow: 'export',
  value: '1234.5',
  unit: 'USD',
  scale: 6,
  flag: 'e',
  note: 'FOB',
  qualifier: 'ESTIMATE',
  derivation: 'PUBLISHED',
  derivation_note: null,
  stated_growth_pct: null,
  locator: null,
  series_key: '',
  period_kind: 'YEAR',
  period_start: '2020-01-01',
  period_end: '2020-12-31',
  vintage: null,
  indicator_label: 'Exports',
  source_title: 'Direction of Trade Statistics',
  source_publisher: 'International Monetary Fund',
  source_url: 'https://data.imf.org/',
};

async function workbook(locale: Locale) {
  const provenance = observationProvenance({
    locale,
    query: {
      partner: ['DEU'],
      flow: ['export'],
      from: 2019,
      to: 2020,
      sort: [{ id: 'year', desc: true }],
      format: 'xlsx',
    },
    viewUrl: 'http://localhost/data?partner=DEU',
    generatedAt: new Date('2026-11-23T10:00:00Z'),
    loadSources: async (ids) =>
      ids.map((id) => ({
        id,
        title: 'Direction of Trade Statistics',
        publisher: 'International Monetary Fund',
        url: null,
        attribution: 'IMF DOTS',
        vintage: null,
        publishedOn: null,
      })),
  });
  const stream = xlsxStream(inMemoryBatches([ROW]), observationExportColumns(locale), provenance);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await new Response(stream).arrayBuffer()) as ArrayBuffer);
  return book;
}

/** Each row of a sheet as its cells' text. */
function rowsOf(book: ExcelJS.Workbook, name: string): string[][] {
  const rows: string[][] = [];
  book.getWorksheet(name)?.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell) => cells.push(cell.text));
    rows.push(cells);
  });
  return rows;
}

/** The README's second column by its first: "Generated" → its value. */
const readmeLabels = (book: ExcelJS.Workbook) => rowsOf(book, 'README').map((cells) => cells[0] ?? '');

describe('XLSX in Russian and Kazakh', () => {
  for (const locale of ['ru', 'kk'] as const) {
    const t = EXPORT[locale];

    it(`${locale}: README labels, title, sentences and column descriptions come from the catalogue`, async () => {
      const book = await workbook(locale);
      const readme = rowsOf(book, 'README');
      const labels = readmeLabels(book);
      expect(readme[0]?.[0]).toBe(`${t.site}: ${t.observations.subject}`);
      for (const label of [
        t.readme.generated,
        t.readme.view,
        t.readme.query,
        t.readme.rows,
        t.readme.dataSheets,
        t.readme.howToCite,
        t.readme.notes,
        t.readme.columns,
        t.readme.formulas,
      ])
        expect(labels).toContain(label);
      const text = readme.map((cells) => cells.join(' ')).join('\n');
      expect(text).toContain(t.readme.credit);
      expect(text).toContain(t.observations.notes.mirror);
      expect(text).toContain(t.observations.query.partners.replace('{list}', 'DEU'));
      // No English label is left.
      for (const english of Object.values(EXPORT.en.readme).filter((s) => !s.includes('{')))
        expect(labels).not.toContain(english);
      // Each column is described in the language, under its English key.
      const descriptions = new Map(readme.map((cells) => [cells[0], cells[1]]));
      for (const [key, description] of Object.entries(t.observations.columns))
        expect(descriptions.get(key)).toBe(description.replace("'<Mon>'", '<Mon>'));
    });

    it(`${locale}: sheet names, column keys and data are the English file's`, async () => {
      const [english, translated] = await Promise.all([workbook('en'), workbook(locale)]);
      expect(translated.worksheets.map((s) => s.name)).toEqual(english.worksheets.map((s) => s.name));
      expect(rowsOf(translated, 'Data')).toEqual(rowsOf(english, 'Data'));
      expect(rowsOf(translated, 'Sources')).toEqual(rowsOf(english, 'Sources'));
      // The Flags sheet: the same fields and values, the meanings in the language.
      const flags = rowsOf(translated, 'Flags');
      const englishFlags = rowsOf(english, 'Flags');
      expect(flags.map((cells) => cells[0])).toEqual(englishFlags.map((cells) => cells[0]));
      expect(flags.find((cells) => cells[0] === 'flag' && cells[1] === 'e')?.[2]).toBe(t.observations.flags.e);
      expect(flags.find((cells) => cells[0] === 'derivation' && cells[1] === 'DERIVED')?.[2]).toBe(
        t.observations.derivations.DERIVED,
      );
      expect(flags.find((cells) => cells[0] === 'flag' && cells[1] === t.empty)?.[2]).toBe(t.observations.flags.empty);
    });
  }

  it('en: the README keeps its English labels', async () => {
    const labels = readmeLabels(await workbook('en'));
    for (const label of ['Generated', 'View', 'Query', 'Rows', 'Data sheets', 'How to cite', 'Notes', 'Formulas'])
      expect(labels).toContain(label);
  });

  it('partner list columns: the same keys in every language, descriptions from the catalogue with the year', () => {
    const english = partnerListExportColumns(2025, 5);
    const russian = partnerListExportColumns(2025, 5, 'ru');
    expect(russian.map((c) => c.key)).toEqual(english.map((c) => c.key));
    expect(russian.find((c) => c.key === 'cagr_pct')?.description).toBe(
      EXPORT.ru.partnerList.columns.cagr_pct.replace('{from}', '2020').replace('{year}', '2025'),
    );
  });
});

describe('the Flags sheet', () => {
  it('explains every flag of the tidy layout in every language', () => {
    for (const locale of ['en', 'ru', 'kk'] as const) {
      const flags = EXPORT[locale].observations.flags as Record<string, string>;
      for (const flag of Object.keys(FLAGS)) expect(flags[flagMessageKey(flag)], `${locale}: "${flag}"`).toBeTruthy();
      expect(observationGlossary(locale).filter((entry) => entry.field === 'flag')).toHaveLength(
        Object.keys(FLAGS).length,
      );
    }
  });

  it('gives flags keys a catalogue accepts', () => {
    expect(flagMessageKey('')).toBe('empty');
    expect(flagMessageKey('derived+e')).toBe('derived_e');
    expect(flagMessageKey('partner_statistics?')).toBe('partner_statistics_probable');
  });
});

describe('the lang parameter', () => {
  const read = (query: string) => readExportLanguage(new URLSearchParams(query));

  it('is English when absent, and any of the three languages', () => {
    expect(read('format=xlsx')).toEqual({ ok: true, locale: 'en' });
    expect(read('format=xlsx&lang=ru')).toEqual({ ok: true, locale: 'ru' });
    expect(read('lang=kk')).toEqual({ ok: true, locale: 'kk' });
  });

  it('refuses another value, or two, naming what it accepts', () => {
    const bad = read('lang=de');
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.problem.parameter).toBe('lang');
      expect(bad.problem.message).toContain('en, ru, kk');
    }
    const twice = read('lang=ru&lang=kk');
    expect(twice.ok).toBe(false);
    if (!twice.ok) expect(twice.problem.message).toContain('more than once');
  });

  it('is added to the XLSX link of a Russian or Kazakh page only', () => {
    expect(exportHrefInLanguage('/api/export/partners?year=2024&format=xlsx', 'xlsx', 'ru')).toBe(
      '/api/export/partners?year=2024&format=xlsx&lang=ru',
    );
    expect(exportHrefInLanguage('/api/export/partners/DEU', 'xlsx', 'kk')).toBe('/api/export/partners/DEU?lang=kk');
    expect(exportHrefInLanguage('/api/export/partners?format=csv', 'csv', 'ru')).toBe(
      '/api/export/partners?format=csv',
    );
    expect(exportHrefInLanguage('/api/export/partners?format=xlsx', 'xlsx', 'en')).toBe(
      '/api/export/partners?format=xlsx',
    );
  });
});
