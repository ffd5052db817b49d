// Reads SDMX-CSV 1.0 (first column DATAFLOW) and 2.0 (STRUCTURE, STRUCTURE_ID, ACTION) as the
// IMF, Eurostat and OECD portals write it: one observation per line, dimensions by column id
// (labels after "ID: " are dropped), TIME_PERIOD, OBS_VALUE, optional UNIT_MULT, OBS_STATUS or
// OBS_FLAG. Columns are found by id, so their order and any extra attributes do not matter.
import path from 'node:path';
import { CsvSyntaxError, csvRecordBatches } from './csv-records';
import { isDecimal } from './decimal';
import { readFirstLine, sdmxDelimiter } from './detect-format';
import { decodeChunks, EncodingError } from './file-input';
import { FLAGS } from '@/lib/tidy/flags';
import { parsePeriod, periodKey } from './period';
import type { FormatReader, ReaderContext, SourceMetadata } from './reader';
import type { ObservationRow } from './tidy-row';

interface FlowSpec {
  indicator: 'export' | 'import';
  valuation: string;
  unit?: string;
  scale?: number;
}

/** IMF indicator codes (IMTS, and the former DOT dataset with its T prefix) and Eurostat's indic_et. */
export const SDMX_INDICATORS: Readonly<Record<string, FlowSpec>> = {
  XG_FOB_USD: { indicator: 'export', valuation: 'FOB', unit: 'USD' },
  MG_CIF_USD: { indicator: 'import', valuation: 'CIF', unit: 'USD' },
  MG_FOB_USD: { indicator: 'import', valuation: 'FOB', unit: 'USD' },
  TXG_FOB_USD: { indicator: 'export', valuation: 'FOB', unit: 'USD' },
  TMG_CIF_USD: { indicator: 'import', valuation: 'CIF', unit: 'USD' },
  TMG_FOB_USD: { indicator: 'import', valuation: 'FOB', unit: 'USD' },
  MIO_EXP_VAL: { indicator: 'export', valuation: '', unit: 'EUR', scale: 6 },
  MIO_IMP_VAL: { indicator: 'import', valuation: '', unit: 'EUR', scale: 6 },
};

/** Eurostat Comext (DS-045409 and kin): flow 1 is imports, 2 exports; only the value indicator is money. */
const COMEXT_FLOWS: Readonly<Record<string, 'export' | 'import'>> = { '1': 'import', '2': 'export' };
const COMEXT_VALUE_INDICATORS = new Set(['VALUE_IN_EUROS', 'VALUE_EUR']);
/** Generic trade-flow codes (OECD and others), with the currency from UNIT_MEASURE. */
const GENERIC_FLOWS: Readonly<Record<string, 'export' | 'import'>> = { X: 'export', M: 'import' };

const COLUMNS = {
  reporter: ['COUNTRY', 'REF_AREA', 'REPORTER', 'GEO'],
  partner: ['COUNTERPART_COUNTRY', 'COUNTERPART_AREA', 'PARTNER'],
  indicator: ['INDICATOR', 'INDIC_ET', 'TRADE_FLOW', 'FLOW'],
  indicators: ['INDICATORS'],
  freq: ['FREQ', 'FREQUENCY'],
  unit: ['UNIT_MEASURE', 'UNIT', 'CURRENCY'],
  unitMult: ['UNIT_MULT'],
  status: ['OBS_STATUS', 'OBS_FLAG'],
  lastUpdate: ['LAST UPDATE', 'LAST_UPDATE'],
  product: ['PRODUCT', 'SITC06', 'COMMODITY'],
  structure: ['STRUCTURE_ID', 'DATAFLOW'],
  action: ['ACTION'],
  time: ['TIME_PERIOD'],
  value: ['OBS_VALUE'],
} as const;
type ColumnRole = keyof typeof COLUMNS;

const PUBLISHERS: { agency: RegExp; publisher: string; url: string }[] = [
  { agency: /^IMF/i, publisher: 'International Monetary Fund', url: 'https://data.imf.org/' },
  { agency: /^ESTAT$/i, publisher: 'Eurostat', url: 'https://ec.europa.eu/eurostat' },
  { agency: /^OECD/i, publisher: 'OECD', url: 'https://data-explorer.oecd.org/' },
];
const MISSING = new Set(['', ':', 'NaN', 'NA', 'n/a']);
const TOTAL_PRODUCTS = new Set(['TOTAL', '_T', 'TOT']);
const UNITS = /^(?:(MIO|THS|BN)_)?(USD|EUR)$/;
const UNIT_SCALES: Record<string, number> = { MIO: 6, THS: 3, BN: 9 };

/** "KZ: Kazakhstan" → code KZ, label Kazakhstan (SDMX-CSV with labels); a bare code has no label. */
function splitCode(cell: string): { code: string; label: string } {
  const i = cell.indexOf(':');
  if (i > 0 && /^[A-Za-z0-9_.@$-]+$/.test(cell.slice(0, i).trim())) {
    return { code: cell.slice(0, i).trim(), label: cell.slice(i + 1).trim() };
  }
  return { code: cell.trim(), label: '' };
}

/** Eurostat's LAST UPDATE (DD/MM/YY HH:MM:SS) as an ISO date and time; other spellings as written. */
export function lastUpdateVintage(text: string): string {
  const m = /^(\d{2})\/(\d{2})\/(\d{4}|\d{2})(?:\s+(\d{2}:\d{2}))?/.exec(text.trim());
  if (!m) return text.trim();
  const year = m[3]?.length === 2 ? `20${m[3]}` : m[3];
  return `${year}-${m[2]}-${m[1]}${m[4] ? ` ${m[4]}` : ''}`;
}

function timePeriod(text: string): { year: number; period: string } | null {
  const annual = /^(\d{4})(?:-A1)?$/.exec(text);
  if (annual) return { year: Number(annual[1]), period: 'FY' };
  const monthly = /^(\d{4})-?M?(\d{2})$/.exec(text);
  if (monthly) {
    const month = Number(monthly[2]);
    if (month < 1 || month > 12) return null;
    return { year: Number(monthly[1]), period: `${monthly[1]}-${monthly[2]}` };
  }
  return null;
}

export class SdmxCsvReader implements FormatReader {
  rowCount = 0;
  private version: '1.0' | '2.0' | null = null;
  private structure: string | null = null;
  private firstLastUpdate: string | null = null;
  private readonly base: string;

  constructor(private readonly ctx: ReaderContext) {
    this.base = path.basename(ctx.file);
  }

  async *rows(): AsyncGenerator<ObservationRow[]> {
    const { problems } = this.ctx;
    const delimiter = sdmxDelimiter(await readFirstLine(this.ctx.file)) ?? ',';
    let columns: Partial<Record<ColumnRole, { index: number; name: string }>> | null = null;
    try {
      for await (const batch of csvRecordBatches(decodeChunks(this.ctx.input.chunks(), 'utf-8'), delimiter)) {
        const out: ObservationRow[] = [];
        for (const record of batch) {
          if (!columns) {
            columns = this.readHeader(record.fields, record.line);
            if (!columns) return;
            continue;
          }
          const row = this.readRecord(columns, record.fields, record.line);
          if (row) out.push(row);
        }
        if (out.length > 0) yield out;
      }
    } catch (error) {
      if (error instanceof EncodingError) {
        problems.file({
          line: error.line,
          column: '(file)',
          found: error.found,
          expected: 'UTF-8 text, as SDMX-CSV requires',
        });
        return;
      }
      if (error instanceof CsvSyntaxError) {
        problems.file({ line: error.line, column: '(file)', found: error.found, expected: error.expected });
        return;
      }
      throw error;
    }
    if (!columns)
      problems.file({
        line: 1,
        column: '(file)',
        found: 'an empty file',
        expected: 'an SDMX-CSV header and observations',
      });
  }

  private width = 0;

  private readHeader(fields: string[], line: number) {
    this.width = fields.length;
    const ids = fields.map((f) => splitCode(f).code.toUpperCase());
    // SDMX-CSV 2.0 puts STRUCTURE, STRUCTURE_ID and ACTION first; 1.0 puts DATAFLOW first.
    this.version = ids[0] === 'STRUCTURE' ? '2.0' : ids[0] === 'DATAFLOW' ? '1.0' : null;
    const columns: Partial<Record<ColumnRole, { index: number; name: string }>> = {};
    for (const role of Object.keys(COLUMNS) as ColumnRole[]) {
      for (const id of COLUMNS[role]) {
        const index = ids.indexOf(id);
        if (index !== -1) {
          columns[role] = { index, name: fields[index]?.trim() ?? id };
          break;
        }
      }
    }
    const missing = (['reporter', 'partner', 'indicator', 'time', 'value'] as const).filter((r) => !columns[r]);
    if (missing.length > 0) {
      const expected: Record<(typeof missing)[number], string> = {
        reporter: 'a reporter column (COUNTRY, REF_AREA, reporter or geo)',
        partner: 'a partner column (COUNTERPART_COUNTRY, COUNTERPART_AREA or partner)',
        indicator: 'a flow column (INDICATOR, indic_et, TRADE_FLOW or flow)',
        time: 'TIME_PERIOD',
        value: 'OBS_VALUE',
      };
      this.ctx.problems.file({
        line,
        column: '(header)',
        found: fields.join(',').slice(0, 120),
        expected: missing.map((m) => expected[m]).join('; '),
      });
      return null;
    }
    return columns;
  }

  private readRecord(
    columns: Partial<Record<ColumnRole, { index: number; name: string }>>,
    fields: string[],
    line: number,
  ): ObservationRow | null {
    const { problems, refs } = this.ctx;
    const get = (role: ColumnRole) => {
      const c = columns[role];
      return c ? (fields[c.index] ?? '').trim() : '';
    };
    const name = (role: ColumnRole) => columns[role]?.name ?? role;
    if (fields.length !== this.width) {
      // A cut-off or mis-delimited line, not a missing value.
      this.rowCount += 1;
      problems.row({
        line,
        column: '(row)',
        found: `${fields.length} fields`,
        expected: `${this.width} fields, as in the header`,
      });
      return null;
    }
    const valueText = get('value');
    // A series without an observation for this period: nothing to import, nothing wrong.
    if (MISSING.has(valueText)) return null;
    this.rowCount += 1;
    let bad = 0;
    const fail = (column: string, found: string, expected: string) => {
      if (bad++ === 0) problems.row({ line, column, found, expected });
      else problems.more({ line, column, found, expected });
    };

    const structure = get('structure');
    if (structure && !this.structure) this.structure = structure;
    const action = splitCode(get('action')).code.toUpperCase();
    if (action === 'D') fail(name('action'), 'D (delete)', 'I, A or R: deletions are not applied by the importer');

    const lastUpdate = get('lastUpdate');
    if (lastUpdate && !this.firstLastUpdate) this.firstLastUpdate = lastUpdateVintage(lastUpdate);

    const product = splitCode(get('product'));
    if (columns.product && !TOTAL_PRODUCTS.has(product.code.toUpperCase())) {
      fail(name('product'), product.code, 'TOTAL: the dashboard stores totals, not commodity breakdowns');
    }

    const flowCode = splitCode(get('indicator'));
    const indicatorsCode = splitCode(get('indicators'));
    let flow: FlowSpec | null = SDMX_INDICATORS[flowCode.code.toUpperCase()] ?? null;
    if (!flow && columns.indicators) {
      const side = COMEXT_FLOWS[flowCode.code];
      if (side && COMEXT_VALUE_INDICATORS.has(indicatorsCode.code.toUpperCase()))
        flow = { indicator: side, valuation: '', unit: 'EUR' };
    } else if (!flow) {
      const side = GENERIC_FLOWS[flowCode.code.toUpperCase()];
      if (side) flow = { indicator: side, valuation: '' };
    }
    if (!flow) {
      const shown = [flowCode, ...(columns.indicators ? [indicatorsCode] : [])]
        .map((c) => (c.label ? `${c.code} (${c.label})` : c.code))
        .join(' / ');
      fail(
        name('indicator'),
        shown,
        'an export or import value: XG_FOB_USD, MG_CIF_USD, MG_FOB_USD (IMF); flow 1 or 2 with VALUE_IN_EUROS, MIO_EXP_VAL, MIO_IMP_VAL (Eurostat); X or M (TRADE_FLOW)',
      );
    }

    let unit = flow?.unit ?? '';
    let scale = flow?.scale ?? 0;
    if (columns.unit) {
      const u = splitCode(get('unit')).code.toUpperCase();
      const m = UNITS.exec(u);
      if (!m) fail(name('unit'), u, 'USD or EUR (optionally MIO_, THS_ or BN_)');
      else if (unit && m[2] !== unit) fail(name('unit'), u, `${unit}, the currency of ${flowCode.code}`);
      else {
        unit = m[2] ?? unit;
        if (m[1]) scale = UNIT_SCALES[m[1]] ?? scale;
      }
    }
    if (!unit && flow)
      fail(name('indicator'), flowCode.code, 'a currency: a UNIT_MEASURE column (USD or EUR) for TRADE_FLOW codes');
    if (columns.unitMult) {
      const mult = splitCode(get('unitMult')).code;
      if (!/^(0|3|6|9)$/.test(mult))
        fail(name('unitMult'), mult, '0, 3, 6 or 9 (units, thousands, millions, billions)');
      else scale = Number(mult);
    }

    const freq = splitCode(get('freq')).code.toUpperCase();
    if (freq && freq !== 'A' && freq !== 'M') fail(name('freq'), freq, 'A (annual) or M (monthly)');
    const time = get('time');
    const period = timePeriod(time);
    if (!period) fail(name('time'), time, 'a year (2023) or a month (2023-01, 2023-M01)');
    else if (freq === 'A' && period.period !== 'FY') fail(name('time'), time, 'a year, as FREQ is A');

    if (!isDecimal(valueText)) fail(name('value'), valueText, 'a number with a dot as decimal separator');

    const reporterCell = splitCode(get('reporter'));
    const reporter = refs.resolveCode(reporterCell.code);
    const codeExpected =
      'an ISO 3166 code (alpha-3, alpha-2 or numeric) of a known partner, or an aggregate listed in lib/import/code-aliases.ts';
    if (!reporter)
      fail(
        name('reporter'),
        reporterCell.label ? `${reporterCell.code} (${reporterCell.label})` : reporterCell.code,
        codeExpected,
      );
    const partnerCell = splitCode(get('partner'));
    const partner = refs.resolveCode(partnerCell.code);
    if (!partner)
      fail(
        name('partner'),
        partnerCell.label ? `${partnerCell.code} (${partnerCell.label})` : partnerCell.code,
        codeExpected,
      );

    if (bad > 0 || !flow || !period || !reporter || !partner) return null;

    const status = splitCode(get('status')).code;
    const estimate = /^[eEs]$/.test(status);
    const meaning = FLAGS[estimate ? 'e' : ''];
    const parsed = parsePeriod(period.year, period.period);
    const notes = [
      flow.valuation,
      `${this.structure ?? 'SDMX-CSV'} ${flowCode.code}${columns.indicators ? ` ${indicatorsCode.code}` : ''}`,
      status && !estimate ? `${name('status')} ${status}` : '',
      this.base,
    ].filter(Boolean);
    return {
      line,
      sourceId: this.ctx.sourceId ?? '',
      reporterCode: reporter,
      partnerCode: partner,
      indicatorCode: flow.indicator,
      year: period.year,
      period: period.period,
      periodKind: parsed?.kind ?? 'YEAR',
      periodStart: parsed?.start ?? null,
      periodEnd: parsed?.end ?? null,
      periodKey: periodKey(period.year, period.period),
      seriesKey: '',
      value: valueText,
      unit,
      scale,
      flag: estimate ? 'e' : '',
      qualifier: meaning?.qualifier ?? 'EXACT',
      isEstimate: estimate,
      derivation: 'PUBLISHED',
      derivationNote: null,
      statedGrowthPct: null,
      locator: `line ${line}`,
      note: notes.join('; '),
      vintage: this.ctx.vintage ?? (lastUpdate ? `last update ${lastUpdateVintage(lastUpdate)}` : null),
    };
  }

  turnoverNote(): string {
    return `derived here: export+import of the same reporter/partner/period; ${this.base}`;
  }

  sourceMetadata(): SourceMetadata {
    const structure = this.structure ?? '';
    const agency = structure.split(':')[0] ?? '';
    const known = PUBLISHERS.find((p) => p.agency.test(agency));
    const dataflow = /:([^()]+)/.exec(structure)?.[1] ?? (structure || 'unknown dataflow');
    const publisher = known?.publisher ?? (agency || 'Unknown publisher');
    return {
      title: `${publisher}: ${dataflow} (SDMX-CSV${this.version ? ` ${this.version}` : ''})`,
      publisher,
      url: known?.url ?? null,
      attribution: `${publisher}${structure ? `, dataflow ${structure}` : ''}.`,
      vintage: this.ctx.vintage ?? (this.firstLastUpdate ? `last update ${this.firstLastUpdate}` : null),
      note: `Imported from ${this.base}; turnover rows, where present, are export + import computed on import.`,
    };
  }
}
