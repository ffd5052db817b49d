import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { sharedDir } from '@/lib/testing/shared-dir';

// Every source title pinned against its article or page. The expected headlines were read on the
// pages themselves (stored copies) or in the article texts in ../shared/sources, not taken from
// the compile script: a change of title must be a change of this list too.

type Row = Record<string, string>;
const read = (file: string | URL): Row[] => parse(fs.readFileSync(file), { columns: true, bom: true }) as Row[];
const here = (name: string) => new URL(`./${name}`, import.meta.url);

const reference = read(here('sources.csv'));
const articles = read(new URL('../articles/sources.csv', import.meta.url));
const outlets = read(here('outlets.csv'));
const all = [...reference, ...articles];
const byId = new Map(all.map((s) => [s.id ?? '', s]));

/** Headlines as published: [source id, headline, outlet]. */
const NEWS: [string, string, string][] = [
  ['news:nhl', 'Historic high is hit by Kazakh-Chinese trade turnover', 'NH Logistics'],
  ['news:exim', 'Kazakhstan-EU Cooperation Developing in All Directions', 'Eximtutor'],
  [
    'news:tass',
    'Le ministère des affaires étrangères du Kazakhstan a annoncé une réduction des investissements directs en provenance de Russie de 19,7% en 2022',
    'Pravda network (news-pravda.com)',
  ],
  ['news:pravda2312', 'The ties between Kazakhstan and the European Union are expanding rapidly', 'Pravda network (news-pravda.com)'],
  ['news:inf2305', 'Kazakhstan, China sign 47 documents worth $22bln', 'Kazinform'],
];

/** The five source articles: [id, first words of the file that are its headline, outlet, published_on, inferred]. */
const ARTICLES: [string, string, string, string, string][] = [
  ['article:000_f65f635a1a5fbe79', 'Kazakhstan inaugurates its Consulate general in Strasbourg and sets its sights on the European union', 'Novastan', '2021-05-25', 'true'],
  ['article:001_8d469a298dbc54d2', 'Kazakhstan and the European Union Commemorate the 31st Anniversary of the Establishment of Diplomatic Relations', 'EU Reporter', '2024-02-03', 'false'],
  ['article:002_b9b2a1f356df666f', 'Kazakhstan and EU mark 30th anniversary of diplomatic relations', 'Sl.kz', '2023-01-24', 'false'],
  ['article:003_de8daaf30eb561ba', 'Kazakhstan plans to extend its diplomatic presence in world', 'Kazinform', '2011-01-01', 'true'],
  ['article:004_434f5fecc70b42f9', 'Kazakh-German Political Consultations mark 30th anniversary of diplomatic relations', 'Kazinform', '2022-02-01', 'true'],
];

/** Words of a headline, lower case, without punctuation: what a page address keeps of it. */
const words = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]s\b/g, 's')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

describe('sources.csv: citable titles', () => {
  it('has no title made from a URL fragment', () => {
    for (const s of all) {
      expect(s.title, s.id).not.toMatch(/^https?:/);
      expect(s.title, s.id).not.toMatch(/^\d+$/);
      expect(s.title, s.id).not.toMatch(/^(News|Page \d+|Art \d+.*)$/i);
      expect(s.title, s.id).not.toMatch(/^(Page|Art) \d+ /);
      expect(['page', 'address', 'described'], s.id).toContain(s.title_basis);
      // A described page says so with square brackets, as a bibliography does for an untitled item.
      expect(s.title_basis === 'described', s.id).toBe(/^\[.*\]$/.test(s.title ?? ''));
    }
  });

  it('pins the headlines read on the pages', () => {
    for (const [id, title, outlet] of NEWS) {
      expect(byId.get(id)?.title, id).toBe(title);
      expect(byId.get(id)?.publisher, id).toBe(outlet);
      expect(byId.get(id)?.title_basis, id).toBe('page');
    }
  });

  it('pins every headline taken from a page address against the words of that address', () => {
    const fromAddress = all.filter((s) => s.title_basis === 'address');
    expect(fromAddress.length).toBeGreaterThan(15);
    for (const s of fromAddress) {
      const url = new URL(s.url ?? '');
      // Letters and digits only: an address writes "Asia's" as asia-s or asias.
      const address = words(decodeURIComponent(url.pathname + url.search)).join('');
      const title = words(s.title ?? '');
      // Every word of the headline is in the address, in order (addresses may add ids and sections).
      let at = 0;
      for (const w of title) {
        const found = address.indexOf(w, at);
        expect(found, `${s.id}: "${w}" of "${s.title}" not in ${s.url}`).toBeGreaterThanOrEqual(0);
        at = found + w.length;
      }
    }
  });

  it('pins the five articles against their texts, with outlet and date', () => {
    for (const [id, headline, outlet, published, inferred] of ARTICLES) {
      const s = byId.get(id);
      expect(s?.title, id).toBe(headline);
      expect(s?.publisher, id).toBe(outlet);
      expect(s?.published_on, id).toBe(published);
      expect(s?.published_on_inferred, id).toBe(inferred);
      if (inferred === 'true') expect(s?.date_basis?.length ?? 0, id).toBeGreaterThan(30);
      const text = fs.readFileSync(`${sharedDir()}/sources/${id.replace('article:', '')}.txt`, 'utf8');
      const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
      // The headline is one of the first lines of the text (000 starts with its tags).
      expect(lines.slice(0, 3), id).toContain(headline);
    }
  });

  it('gives every news page an outlet with a short factual description', () => {
    const outletIds = new Set(outlets.map((o) => o.id));
    for (const s of all.filter((x) => x.kind === 'NEWS_ARTICLE' || x.kind === 'OFFICIAL_STATEMENT')) {
      expect(outletIds.has(s.outlet_id ?? ''), s.id).toBe(true);
    }
    for (const o of outlets) {
      expect(o.description?.length ?? 0, o.id).toBeGreaterThan(15);
      expect(o.description?.length ?? 0, o.id).toBeLessThan(220);
    }
    // The TASS statement was read on a Pravda-network page: that is its outlet, TASS is what it relays.
    expect(byId.get('news:tass')?.outlet_id).toBe('pravda-network');
    expect(outlets.find((o) => o.id === 'pravda-network')?.description).toContain('TASS');
  });

  it('credits every official dataset to its publisher, table, edition and retrieval route', () => {
    const datasets = reference.filter((s) => s.kind === 'STATISTICAL_DATASET' || s.kind === 'RESEARCH_DATASET');
    for (const s of datasets) {
      expect(s.publisher, s.id).not.toMatch(/via|SamLeBlanc|makenerzhan|manytrade/i);
      expect(s.title, s.id).not.toMatch(/via|SamLeBlanc|makenerzhan|manytrade/i);
      expect(s.dataset_table?.length ?? 0, s.id).toBeGreaterThan(10);
      expect(s.vintage?.length ?? 0, s.id).toBeGreaterThan(3);
    }
    const by = (id: string) => datasets.find((s) => s.id === id);
    expect(by('bns_312101_via_makenerzhan')?.dataset_table).toContain('312101');
    expect(by('bns_312101_via_makenerzhan')?.retrieved_via_url).toBe('https://github.com/makenerzhan-gif/kazakhstan-economic-data');
    expect(by('imf_dots_2022_via_SamLeBlanc')?.publisher).toBe('International Monetary Fund');
    expect(by('imf_dots_2022_via_SamLeBlanc')?.retrieved_via).toContain('SamLeBlanc');
    expect(by('desta_via_globalgov_manytrade')?.retrieved_via).toContain('globalgov/manytrade');
  });

  it('marks dates that were worked out, with how', () => {
    for (const s of all) {
      expect(['', 'DAY', 'MONTH', 'YEAR'], s.id).toContain(s.published_on_precision);
      if (s.published_on_inferred === 'true') {
        expect(s.published_on, s.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(s.date_basis?.length ?? 0, s.id).toBeGreaterThan(30);
      }
    }
  });
});
