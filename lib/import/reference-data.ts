// The reference tables a file is checked against (sources, partners with their ISO codes,
// indicators), loaded once per file, and the lookups that turn a file's codes and names into the
// project's partner codes.
import type postgres from 'postgres';
import { AGGREGATE_CODES, EUROSTAT_ALPHA2 } from './code-aliases';
import { imfLabels } from './imf-labels';

export interface PartnerRecord {
  code: string;
  name: string;
  iso2: string | null;
  isoNumeric: string | null;
}

const normaliseName = (name: string) => name.replace(/\s+/g, ' ').trim();

export class ReferenceData {
  readonly partners = new Map<string, PartnerRecord>();
  private readonly byIso2 = new Map<string, string>();
  private readonly byNumeric = new Map<string, string>();
  private readonly byName = new Map<string, string>();

  constructor(
    partners: PartnerRecord[],
    readonly sources: Set<string>,
    readonly indicators: Set<string>,
  ) {
    for (const p of partners) {
      this.partners.set(p.code, p);
      if (p.iso2) this.byIso2.set(p.iso2, p.code);
      if (p.isoNumeric) this.byNumeric.set(p.isoNumeric, p.code);
      this.byName.set(normaliseName(p.name), p.code);
    }
  }

  static async load(sql: postgres.Sql | postgres.TransactionSql): Promise<ReferenceData> {
    const [sources, partners, indicators] = await Promise.all([
      sql<{ id: string }[]>`SELECT id FROM source`,
      sql<PartnerRecord[]>`SELECT code, name, iso2, iso_numeric AS "isoNumeric" FROM partner`,
      sql<{ code: string }[]>`SELECT code FROM indicator`,
    ]);
    return new ReferenceData(
      partners.map((p) => ({ code: p.code, name: p.name, iso2: p.iso2, isoNumeric: p.isoNumeric })),
      new Set(sources.map((r) => r.id)),
      new Set(indicators.map((r) => r.code)),
    );
  }

  hasPartner(code: string): boolean {
    return this.partners.has(code);
  }

  partnerName(code: string): string {
    return this.partners.get(code)?.name ?? code;
  }

  /**
   * A statistical code (ISO alpha-3, alpha-2 or numeric, Eurostat's variants, or an aggregate such
   * as W00 or EU27_2020) as a known partner code, or null. Never approximate.
   */
  resolveCode(raw: string): string | null {
    const code = raw.trim().toUpperCase();
    if (!code) return null;
    const known = (c: string | undefined) => (c !== undefined && this.partners.has(c) ? c : null);
    const alias = AGGREGATE_CODES[code] ?? EUROSTAT_ALPHA2[code];
    if (alias) return known(alias);
    if (/^[A-Z]{3}$/.test(code) || code.startsWith('AGG_')) return known(code);
    if (/^[A-Z]{2}$/.test(code)) return known(this.byIso2.get(code));
    if (/^\d{1,3}$/.test(code)) return known(this.byNumeric.get(code.padStart(3, '0')));
    return null;
  }

  /** A name as an IMF workbook writes it, through IMF's label table, then the partner names. */
  resolveName(raw: string): string | null {
    const name = normaliseName(raw);
    const label = imfLabels().get(name);
    if (label) return label.code !== null && this.partners.has(label.code) ? label.code : null;
    return this.byName.get(name) ?? null;
  }

  /** True for IMF row labels that are layout or trade not allocated to a partner. */
  isImfNonPartner(raw: string): boolean {
    const role = imfLabels().get(normaliseName(raw))?.role;
    return role === 'layout' || role === 'not a partner';
  }
}
