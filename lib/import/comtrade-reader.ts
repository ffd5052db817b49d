// Reads UN Comtrade+ CSV downloads (typeCode, freqCode, refPeriodId, refYear, refMonth, period,
// reporterCode, reporterISO, ..., flowCode, ..., partnerISO, ..., cmdCode, ..., primaryValue):
// values in US dollars, in UTF-8 or in Latin-1 (what Excel on Windows saves). Only totals are
// imported (all commodities, all partners-2, all modes of transport and customs procedures):
// a breakdown row is refused rather than silently added to a total.
import path from 'node:path';
import { COMTRADE_NUMERIC } from './code-aliases';
import { CsvSyntaxError, csvRecordBatches } from './csv-records';
import { isDecimal } from './decimal';
import { decodeChunks, EncodingError, isUtf8File, type TextEncoding } from './file-input';
import { FLAGS } from '@/lib/tidy/flags';
import { parsePeriod, periodKey } from './period';
import type { FormatReader, ReaderContext, SourceMetadata } from './reader';
import type { ObservationRow } from './tidy-row';

const REQUIRED = ['freqCode', 'refYear', 'period', 'reporterCode', 'flowCode', 'partnerCode', 'primaryValue'] as const;
const FLOWS: Readonly<Record<string, 'export' | 'import'>> = { X: 'export', M: 'import' };

/** Dimensions whose "total" code marks a row that is not a breakdown; an empty cell counts as total. */
const TOTALS: Readonly<Record<string, readonly string[]>> = {
  cmdCode: ['TOTAL'],
  partner2Code: ['0'],
  motCode: ['0'],
  customsCode: ['C00'],
  mosCode: ['0'],
};

export class ComtradeReader implements FormatReader {
  rowCount = 0;
  private encoding: TextEncoding = 'utf-8';
  private readonly base: string;
  private readonly reporters = new Set<string>();
  private classification = '';

  constructor(private readonly ctx: ReaderContext) {
    this.base = path.basename(ctx.file);
  }

  async *rows(): AsyncGenerator<ObservationRow[]> {
    const { problems } = this.ctx;
    // Comtrade's own files are UTF-8; files saved again by Excel are often Windows-1252.
    this.encoding = (await isUtf8File(this.ctx.file)) ? 'utf-8' : 'windows-1252';
    let index: Map<string, number> | null = null;
    try {
      for await (const batch of csvRecordBatches(decodeChunks(this.ctx.input.chunks(), this.encoding))) {
        const out: ObservationRow[] = [];
        for (const { fields, line } of batch) {
          if (!index) {
            index = new Map(fields.map((f, i) => [f.trim(), i]));
            const missing = REQUIRED.filter((c) => !index?.has(c));
            if (missing.length > 0) {
              problems.file({
                line,
                column: '(header)',
                found: fields.join(',').slice(0, 120),
                expected: `the Comtrade+ columns, comma-separated, including ${missing.join(', ')}`,
              });
              return;
            }
            continue;
          }
          const row = this.readRecord(index, fields, line);
          if (row) out.push(row);
        }
        if (out.length > 0) yield out;
      }
    } catch (error) {
      if (error instanceof EncodingError) {
        problems.file({
          line: error.line,
          column: '(file)',
          found: error.nul ? error.found : `bytes that are not ${this.encoding}`,
          expected: 'UTF-8 or Latin-1 text',
        });
        return;
      }
      if (error instanceof CsvSyntaxError) {
        problems.file({ line: error.line, column: '(file)', found: error.found, expected: error.expected });
        return;
      }
      throw error;
    }
    if (!index)
      problems.file({
        line: 1,
        column: '(file)',
        found: 'an empty file',
        expected: 'a Comtrade+ header and data rows',
      });
  }

  private readRecord(index: Map<string, number>, fields: string[], line: number): ObservationRow | null {
    const { problems } = this.ctx;
    const get = (column: string) => {
      const i = index.get(column);
      return i === undefined ? '' : (fields[i] ?? '').trim();
    };
    this.rowCount += 1;
    if (fields.length !== index.size) {
      problems.row({
        line,
        column: '(row)',
        found: `${fields.length} fields`,
        expected: `${index.size} fields, as in the header`,
      });
      return null;
    }
    let bad = 0;
    const fail = (column: string, found: string, expected: string) => {
      if (bad++ === 0) problems.row({ line, column, found, expected });
      else problems.more({ line, column, found, expected });
    };

    const type = get('typeCode');
    if (type && type !== 'C') fail('typeCode', type, 'C (goods); services are not trade in goods');
    for (const [column, totals] of Object.entries(TOTALS)) {
      const value = get(column);
      if (value && !totals.includes(value)) fail(column, value, `${totals.join(' or ')}: totals only, not a breakdown`);
    }

    const flowCode = get('flowCode');
    const indicator = FLOWS[flowCode];
    if (!indicator)
      fail('flowCode', `${flowCode}${get('flowDesc') ? ` (${get('flowDesc')})` : ''}`, 'X (export) or M (import)');

    const freq = get('freqCode');
    const yearText = get('refYear');
    const periodText = get('period');
    let year: number | null = /^\d{4}$/.test(yearText) ? Number(yearText) : null;
    let label: string | null = null;
    if (year === null) fail('refYear', yearText, 'a four-digit year');
    else if (freq === 'A') label = 'FY';
    else if (freq === 'M') {
      const m = /^(\d{4})(\d{2})$/.exec(periodText);
      const month = Number(m?.[2]);
      if (!m || Number(m[1]) !== year || month < 1 || month > 12) fail('period', periodText, `YYYYMM in ${year}`);
      else label = `${m[1]}-${m[2]}`;
    } else fail('freqCode', freq, 'A (annual) or M (monthly)');
    if (label === null) year = null;

    const valueText = get('primaryValue');
    if (!isDecimal(valueText)) fail('primaryValue', valueText, 'a number in US dollars, dot as decimal separator');

    const reporter = this.resolve(get('reporterCode'), get('reporterISO'));
    const codeExpected = 'an ISO 3166 code of a known partner, or a code listed in lib/import/code-aliases.ts';
    if (!reporter)
      fail('reporterISO', this.describe(get('reporterCode'), get('reporterISO'), get('reporterDesc')), codeExpected);
    const partner = this.resolve(get('partnerCode'), get('partnerISO'));
    if (!partner)
      fail('partnerISO', this.describe(get('partnerCode'), get('partnerISO'), get('partnerDesc')), codeExpected);

    if (bad > 0 || !indicator || year === null || label === null || !reporter || !partner) return null;
    this.reporters.add(get('reporterDesc') || reporter);
    this.classification ||= get('classificationCode');

    // primaryValue is the CIF or FOB value as the reporter gives it; say which where the file shows it.
    const valuation = get('cifvalue') === valueText ? 'CIF' : get('fobvalue') === valueText ? 'FOB' : '';
    const parsed = parsePeriod(year, label);
    const meaning = FLAGS[''];
    return {
      line,
      sourceId: this.ctx.sourceId ?? '',
      reporterCode: reporter,
      partnerCode: partner,
      indicatorCode: indicator,
      year,
      period: label,
      periodKind: parsed?.kind ?? 'YEAR',
      periodStart: parsed?.start ?? null,
      periodEnd: parsed?.end ?? null,
      periodKey: periodKey(year, label),
      seriesKey: '',
      value: valueText,
      unit: 'USD',
      scale: 0,
      flag: '',
      qualifier: meaning?.qualifier ?? 'EXACT',
      isEstimate: false,
      derivation: 'PUBLISHED',
      derivationNote: null,
      statedGrowthPct: null,
      locator: `line ${line}`,
      note: [valuation, `UN Comtrade primaryValue, flow ${flowCode}`, this.base].filter(Boolean).join('; '),
      vintage: this.ctx.vintage ?? null,
    };
  }

  /** Comtrade's own numeric exceptions first, then the ISO alpha-3, then the numeric code. */
  private resolve(numeric: string, iso: string): string | null {
    const { refs } = this.ctx;
    const special = COMTRADE_NUMERIC[numeric];
    if (special) return refs.hasPartner(special) ? special : null;
    return (iso ? refs.resolveCode(iso) : null) ?? (numeric ? refs.resolveCode(numeric) : null);
  }

  private describe(numeric: string, iso: string, desc: string): string {
    return [desc, iso && `ISO ${iso}`, numeric && `code ${numeric}`].filter(Boolean).join(', ');
  }

  turnoverNote(): string {
    return `derived here: export+import of the same reporter/partner/period; ${this.base}`;
  }

  sourceMetadata(): SourceMetadata {
    const reporters = [...this.reporters].slice(0, 3).join(', ') + (this.reporters.size > 3 ? ', ...' : '');
    return {
      title: `UN Comtrade: trade in goods${reporters ? ` reported by ${reporters}` : ''}${this.classification ? ` (${this.classification} totals)` : ''}`,
      publisher: 'United Nations Statistics Division (UN Comtrade)',
      url: 'https://comtradeplus.un.org/',
      attribution: 'United Nations, UN Comtrade database (comtradeplus.un.org). Values in US dollars.',
      vintage: this.ctx.vintage ?? null,
      note: `Imported from ${this.base} (${this.encoding === 'utf-8' ? 'UTF-8' : 'Latin-1'}); turnover rows, where present, are export + import computed on import.`,
    };
  }
}
