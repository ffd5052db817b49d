// Reads IMF Direction of Trade Statistics workbooks laid out like DOTS_103.xlsx (any reporter):
// per sheet a title ("Exports, FOB to Partner Countries"), the reporter ("Kazakhstan, Rep. of")
// and the unit ("US Dollars, Millions") in the first rows; then a row of years (or months)
// across; then one partner per row, values in the year columns, "0.14 e" marking IMF estimates;
// a "Memorandum Items" block of aggregates at the end.
import path from 'node:path';
import ExcelJS, { type CellValue, type Row } from 'exceljs';
import { isDecimal, roundDouble } from './decimal';
import { FLAGS } from '@/lib/tidy/flags';
import { parsePeriod, periodKey } from './period';
import type { FormatReader, ReaderContext, SourceMetadata } from './reader';
import type { ObservationRow } from './tidy-row';
import { assertWorkbookSize, MAX_WORKBOOK_UNPACKED_BYTES, WorkbookTooLargeError } from './workbook-size';

type Flow = { indicator: 'export' | 'import'; valuation: string };

interface PeriodColumn {
  year: number;
  /** The tidy period label: FY, or YYYY-MM for monthly workbooks. */
  period: string;
}

interface SheetState {
  name: string;
  /** Text cells above the row of years: title, reporter, unit (in the order the IMF writes them). */
  preamble: { text: string; row: number; col: number }[];
  labelCol: number | null;
  periods: Map<number, PeriodColumn> | null;
  flow: Flow | null;
  reporter: string | null;
  unit: { unit: string; scale: number } | null;
  /** A sheet-level problem (unknown indicator, reporter or unit): its values are not imported. */
  refused: boolean;
  seen: Map<string, { row: number; signature: string }>;
  monthly: boolean;
  /** Rows above "World", held back: IMF repeats its first partner there (a frozen-pane copy). */
  pending: PendingRow[];
  worldSeen: boolean;
}

interface PendingRow {
  label: string;
  row: number;
  cells: [number, Cell][];
  signature: string;
}

type Cell =
  | { kind: 'empty' }
  | { kind: 'number'; value: number }
  | { kind: 'text'; text: string }
  | { kind: 'other'; text: string };

const MONTHLY = /^(\d{4})\s*M\s*(\d{1,2})$|^(\d{4})-(\d{2})$/i;
const ESTIMATE_CELL = /^(-?\d+(?:\.\d+)?)\s*e$/i;
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;
const SCALES: Record<string, number> = { '': 0, units: 0, thousands: 3, millions: 6, billions: 9 };
/** A one-reporter DOTS workbook is about 0.1 MB; the unpacked size is what bounds memory (workbook-size.ts). */
const MAX_WORKBOOK_BYTES = MAX_WORKBOOK_UNPACKED_BYTES;

export function columnLetter(col: number): string {
  let n = col;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function readCell(v: CellValue): Cell {
  if (v === null || v === undefined) return { kind: 'empty' };
  if (typeof v === 'number')
    return Number.isFinite(v) ? { kind: 'number', value: v } : { kind: 'other', text: String(v) };
  if (typeof v === 'string') return v.trim() === '' ? { kind: 'empty' } : { kind: 'text', text: v.trim() };
  if (typeof v === 'boolean' || v instanceof Date) return { kind: 'other', text: String(v) };
  if ('richText' in v) return readCell(v.richText.map((t) => t.text).join(''));
  if ('error' in v) return { kind: 'other', text: String(v.error) };
  if ('result' in v) return readCell((v.result ?? null) as CellValue);
  if ('text' in v) return readCell(v.text as CellValue);
  return { kind: 'other', text: JSON.stringify(v) };
}

function periodOf(cell: Cell): PeriodColumn | null {
  const text = cell.kind === 'number' ? String(cell.value) : cell.kind === 'text' ? cell.text : '';
  if (/^\d{4}$/.test(text)) {
    const year = Number(text);
    return year >= 1900 && year <= 2100 ? { year, period: 'FY' } : null;
  }
  const m = MONTHLY.exec(text);
  if (m) {
    const year = Number(m[1] ?? m[3]);
    const month = Number(m[2] ?? m[4]);
    if (month >= 1 && month <= 12) return { year, period: `${year}-${String(month).padStart(2, '0')}` };
  }
  return null;
}

function flowOf(title: string): Flow | null {
  const valuation = /\bCIF\b/i.test(title) ? 'CIF' : /\bFOB\b/i.test(title) ? 'FOB' : '';
  if (/^exports?\b/i.test(title)) return { indicator: 'export', valuation };
  if (/^imports?\b/i.test(title)) return { indicator: 'import', valuation };
  return null;
}

function unitOf(text: string): { unit: string; scale: number } | null {
  const m = /^US\s+Dollars?(?:\s*,\s*(\w+))?$/i.exec(text);
  if (!m) return null;
  const scale = SCALES[(m[1] ?? '').toLowerCase()];
  return scale === undefined ? null : { unit: 'USD', scale };
}

export class ImfDotsReader implements FormatReader {
  rowCount = 0;
  private readonly base: string;
  private reporterIn: string | null = null;
  private reporterCode: string | null = null;
  private unitLabel: string | null = null;
  private readonly valuations = new Map<'export' | 'import', string>();
  private monthly = false;
  private sheetsWithData = 0;

  constructor(private readonly ctx: ReaderContext) {
    this.base = path.basename(ctx.file);
  }

  async *rows(): AsyncGenerator<ObservationRow[]> {
    const { problems } = this.ctx;
    let worksheets: ExcelJS.Worksheet[];
    try {
      // Read whole, not streamed: exceljs's streaming reader (unzipper) waited forever on some
      // damaged zips (found by the import fuzz), while the in-memory reader checks the zip and
      // fails. A DOTS workbook is small (one reporter: partners × years), and the cap keeps a
      // wrong file from filling memory.
      if (this.ctx.input.totalBytes > MAX_WORKBOOK_BYTES) {
        throw new WorkbookTooLargeError(this.ctx.input.totalBytes);
      }
      const chunks: Buffer[] = [];
      for await (const chunk of this.ctx.input.chunks()) chunks.push(chunk);
      const buffer = Buffer.concat(chunks);
      await assertWorkbookSize(buffer);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
      worksheets = workbook.worksheets;
    } catch (error) {
      if (error instanceof WorkbookTooLargeError) {
        problems.file({
          line: 1,
          column: '(file)',
          found: error.message,
          expected: `a workbook of at most ${MAX_WORKBOOK_UNPACKED_BYTES / 1024 / 1024} MB unpacked (a DOTS workbook of one reporter is about 0.6 MB)`,
        });
        return;
      }
      problems.file({
        line: 1,
        column: '(file)',
        found: `a workbook that cannot be read (${error instanceof Error ? error.message : String(error)})`,
        expected: 'an .xlsx workbook as downloaded from the IMF (or saved by Excel)',
      });
      return;
    }
    for (const worksheet of worksheets) {
      const name = worksheet.name;
      const state: SheetState = {
        name,
        preamble: [],
        labelCol: null,
        periods: null,
        flow: null,
        reporter: null,
        unit: null,
        refused: false,
        seen: new Map(),
        monthly: false,
        pending: [],
        worldSeen: false,
      };
      let batch: ObservationRow[] = [];
      // eachRow skips empty rows, as the streaming reader did; the preamble logic counts rows.
      const rows: Row[] = [];
      worksheet.eachRow((row) => rows.push(row));
      for (const row of rows) {
        batch.push(...this.readRow(state, row));
        if (problems.fileLevel) return;
        if (batch.length >= 5000) {
          yield batch;
          batch = [];
        }
      }
      batch.push(...this.flushPending(state));
      if (batch.length > 0) yield batch;
      if (state.periods) this.sheetsWithData += 1;
    }
    if (this.sheetsWithData === 0) {
      problems.file({
        line: 1,
        column: '(file)',
        found: 'no sheet with a row of years across',
        expected:
          'the IMF DOTS layout: title, reporter and unit in the first rows, then years across and one partner per row',
      });
    }
  }

  private readRow(state: SheetState, row: Row): ObservationRow[] {
    const { problems } = this.ctx;
    const cells = new Map<number, Cell>();
    row.eachCell((c, col) => {
      // A merged range repeats its master's value in every cell (a two-row title would read as a
      // title and then a reporter): only the master cell counts, as in the file.
      if (c.isMerged && c.master !== c) return;
      const cell = readCell(c.value);
      if (cell.kind !== 'empty') cells.set(col, cell);
    });
    if (cells.size === 0) return [];

    if (!state.periods) {
      const periods = new Map<number, PeriodColumn>();
      let label = false;
      for (const [col, cell] of cells) {
        const p = periodOf(cell);
        if (p) periods.set(col, p);
        else if (cell.kind === 'text' && (state.labelCol === null || col <= state.labelCol)) label = true;
      }
      if (periods.size > 0 && !label) {
        state.periods = periods;
        state.monthly = [...periods.values()].some((p) => p.period !== 'FY');
        this.monthly ||= state.monthly;
        state.labelCol ??= Math.min(...periods.keys()) - 1;
        this.startSheet(state, row.number);
        return [];
      }
      const first = [...cells.entries()].find(([, c]) => c.kind === 'text');
      if (first && first[1].kind === 'text') {
        state.labelCol ??= first[0];
        // Merged title cells repeat their text across the row; one entry per row is enough.
        state.preamble.push({ text: first[1].text, row: row.number, col: first[0] });
        return [];
      }
      problems.file({
        line: row.number,
        sheet: state.name,
        cell: `${columnLetter([...cells.keys()][0] ?? 1)}${row.number}`,
        column: '(row)',
        found: 'values before a row of years',
        expected: 'a row of years (1992, 1993, ...) above the values',
      });
      return [];
    }

    const labelCol = state.labelCol ?? 1;
    const labelCell = cells.get(labelCol);
    const label = labelCell?.kind === 'text' ? labelCell.text : '';
    const valueCells = [...cells.entries()].filter(([col]) => state.periods?.has(col));
    if (valueCells.length === 0) return [];
    if (this.ctx.refs.isImfNonPartner(label)) {
      problems.notice(
        `sheet "${state.name}" row ${row.number}: "${label}" (${valueCells.length} values) skipped, IMF's trade not allocated to a partner`,
      );
      return [];
    }
    const signature = valueCells
      .map(([col, c]) => `${col}=${c.kind === 'number' ? c.value : c.kind === 'empty' ? '' : c.text}`)
      .join('|');
    if (!state.worldSeen && this.ctx.refs.resolveName(label) !== 'AGG_WORLD') {
      state.pending.push({ label, row: row.number, cells: valueCells, signature });
      return state.pending.length > 3 ? this.flushPending(state) : [];
    }
    state.worldSeen = true;
    const repeated = state.pending.findIndex((p) => p.label === label);
    if (repeated !== -1) {
      const [first] = state.pending.splice(repeated, 1);
      // The same row again: the copy above "World" is dropped, this one (in its place) is read.
      if (first && first.signature !== signature) {
        this.rowCount += valueCells.length;
        problems.row(
          {
            line: row.number,
            sheet: state.name,
            cell: `${columnLetter(labelCol)}${row.number}`,
            column: '(partner)',
            found: `${label} again, with other values than row ${first.row}`,
            expected: 'one row per partner',
          },
          valueCells.length + first.cells.length,
        );
        this.rowCount += first.cells.length;
        return [];
      }
    }
    return this.readValues(state, label, valueCells, row.number, signature);
  }

  /** Rows held back above "World" that were not repeated below it are ordinary rows. */
  private flushPending(state: SheetState): ObservationRow[] {
    const rows = state.pending.splice(0).flatMap((p) => this.readValues(state, p.label, p.cells, p.row, p.signature));
    state.worldSeen = true;
    return rows;
  }

  private readValues(
    state: SheetState,
    label: string,
    valueCells: [number, Cell][],
    line: number,
    signature: string,
  ): ObservationRow[] {
    const { problems } = this.ctx;
    const labelCol = state.labelCol ?? 1;
    this.rowCount += valueCells.length;
    if (state.refused) {
      problems.rejectedRows += valueCells.length;
      return [];
    }
    const where = { line, sheet: state.name };
    if (!label) {
      problems.row(
        {
          ...where,
          cell: `${columnLetter(labelCol)}${line}`,
          column: '(partner)',
          found: 'values without a partner name',
          expected: 'the partner name in the first column',
        },
        valueCells.length,
      );
      return [];
    }
    const partner = this.ctx.refs.resolveName(label);
    if (!partner) {
      problems.row(
        {
          ...where,
          cell: `${columnLetter(labelCol)}${line}`,
          column: '(partner)',
          found: label,
          expected:
            'a partner name known to the partner table or to the IMF label table (prisma/data/reference/imf_dots_labels.csv)',
        },
        valueCells.length,
      );
      return [];
    }
    const earlier = state.seen.get(partner);
    if (earlier) {
      problems.row(
        {
          ...where,
          cell: `${columnLetter(labelCol)}${line}`,
          column: '(partner)',
          found: `${label} again${earlier.signature === signature ? '' : ', with other values'} (as row ${earlier.row})`,
          expected: 'one row per partner',
        },
        valueCells.length,
      );
      return [];
    }
    state.seen.set(partner, { row: line, signature });

    const out: ObservationRow[] = [];
    for (const [col, cell] of valueCells) {
      const period = state.periods?.get(col);
      if (!period) continue;
      const ref = `${columnLetter(col)}${line}`;
      let value: string | null = null;
      let flag = '';
      if (cell.kind === 'number') value = roundDouble(cell.value, Math.max(state.unit?.scale ?? 0, 0));
      else if (cell.kind === 'text' && ESTIMATE_CELL.test(cell.text)) {
        value = ESTIMATE_CELL.exec(cell.text)?.[1] ?? null;
        flag = 'e';
      } else if (cell.kind === 'text' && PLAIN_NUMBER.test(cell.text)) value = cell.text;
      if (value === null || !isDecimal(value)) {
        problems.row({
          ...where,
          cell: ref,
          column: period.period === 'FY' ? String(period.year) : period.period,
          found: cell.kind === 'text' || cell.kind === 'other' ? cell.text : String(value),
          expected: 'a number, or a number followed by "e" (IMF estimate)',
        });
        continue;
      }
      out.push(this.observation(state, partner, period, value, flag, line, ref));
    }
    return out;
  }

  /** Reads title, reporter and unit once the row of years is found. */
  private startSheet(state: SheetState, headerRow: number): void {
    const { problems, refs } = this.ctx;
    const refuse = (p: { row: number; col: number } | undefined, column: string, found: string, expected: string) => {
      state.refused = true;
      problems.row(
        {
          line: p?.row ?? headerRow,
          sheet: state.name,
          cell: p ? `${columnLetter(p.col)}${p.row}` : undefined,
          column,
          found,
          expected,
        },
        0,
      );
    };
    const titleCell = state.preamble.find((t) => flowOf(t.text)) ?? state.preamble[0];
    const unitCell = state.preamble.find((t) => unitOf(t.text));
    const reporterCell = state.preamble.find((t) => t !== titleCell && t !== unitCell);
    state.flow = flowOf(titleCell?.text ?? '') ?? flowOf(state.name);
    if (!state.flow) {
      refuse(
        titleCell,
        '(indicator)',
        titleCell?.text ?? state.name,
        'a title or sheet name starting with "Exports, FOB" or "Imports, CIF"',
      );
      return;
    }
    if (!reporterCell) {
      refuse(
        undefined,
        '(reporter)',
        'no reporter name above the years',
        'the reporter (e.g. "Kazakhstan, Rep. of") in the rows under the title',
      );
      return;
    }
    state.reporter = refs.resolveName(reporterCell.text);
    if (!state.reporter) {
      refuse(
        reporterCell,
        '(reporter)',
        reporterCell.text,
        'a reporter name known to the partner table or to the IMF label table (prisma/data/reference/imf_dots_labels.csv)',
      );
      return;
    }
    state.unit = unitCell ? unitOf(unitCell.text) : null;
    if (!state.unit) {
      refuse(
        unitCell,
        '(unit)',
        unitCell?.text ?? 'no unit above the years',
        '"US Dollars, Millions" (or Thousands, Billions)',
      );
      return;
    }
    this.reporterIn ??= reporterCell.text;
    this.reporterCode ??= state.reporter;
    this.unitLabel ??= unitCell?.text ?? null;
    this.valuations.set(state.flow.indicator, state.flow.valuation);
  }

  private observation(
    state: SheetState,
    partner: string,
    p: PeriodColumn,
    value: string,
    flag: string,
    line: number,
    ref: string,
  ): ObservationRow {
    const meaning = FLAGS[flag] ?? FLAGS[''];
    const parsed = parsePeriod(p.year, p.period);
    const flow = state.flow as Flow;
    const unit = state.unit as { unit: string; scale: number };
    const reporter = state.reporter as string;
    return {
      line,
      sheet: state.name,
      sourceId: this.ctx.sourceId ?? '',
      reporterCode: reporter,
      partnerCode: partner,
      indicatorCode: flow.indicator,
      year: p.year,
      period: p.period,
      periodKind: parsed?.kind ?? 'YEAR',
      periodStart: parsed?.start ?? null,
      periodEnd: parsed?.end ?? null,
      periodKey: periodKey(p.year, p.period),
      seriesKey: '',
      value,
      unit: unit.unit,
      scale: unit.scale,
      flag,
      qualifier: meaning?.qualifier ?? 'EXACT',
      isEstimate: meaning?.estimate ?? false,
      derivation: 'PUBLISHED',
      derivationNote: null,
      statedGrowthPct: null,
      locator: `'${state.name}'!${ref}`,
      note: `${flow.valuation ? `${flow.valuation}; ` : ''}${this.ctx.refs.partnerName(reporter)}-reported; ${this.base}/${state.name}`,
      vintage: this.ctx.vintage ?? null,
    };
  }

  turnoverNote(): string | null {
    const exp = this.valuations.get('export');
    const imp = this.valuations.get('import');
    if (exp === undefined || imp === undefined || !this.reporterCode) return null;
    const side = (name: string, valuation: string) => (valuation ? `${name}(${valuation})` : name);
    return (
      `derived here: ${side('export', exp)}+${side('import', imp)} of the same reporter/partner/${this.monthly ? 'month' : 'year'}; ` +
      `${this.ctx.refs.partnerName(this.reporterCode)}-reported; ${this.base}`
    );
  }

  sourceMetadata(): SourceMetadata {
    const valuation = [...this.valuations.entries()].map(([flow, v]) => `${flow}s${v ? ` ${v}` : ''}`).join(', ');
    return {
      title: `Direction of Trade Statistics (DOTS): ${this.reporterIn ?? 'reporter'} as reporter`,
      publisher: 'International Monetary Fund',
      url: 'https://data.imf.org/',
      attribution: `International Monetary Fund, Direction of Trade Statistics (DOTS). ${valuation}${this.unitLabel ? `, ${this.unitLabel}` : ''}.`,
      vintage: this.ctx.vintage ?? null,
      note: `Imported from the workbook ${this.base}; turnover rows, where present, are export + import computed on import.`,
    };
  }
}
