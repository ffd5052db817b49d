// Streams rows as an XLSX workbook with exceljs's streaming writer: a Data sheet (typed numbers,
// text as inline text, never a formula), then Sources, Flags and README sheets. Rows are zipped as
// they arrive; the next batch is read from the database only once the bytes of the previous ones
// have been compressed and taken by the client, so memory stays flat whatever the row count.
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { exportTexts, type ExportTexts } from '@/lib/i18n/export-texts';
import { neutraliseFormula } from '@/lib/tidy/spreadsheet-safe';
import type {
  ExportCellType,
  ExportCellValue,
  ExportColumn,
  ExportProvenance,
  ExportSource,
  RowBatches,
} from './types';

/** Excel's limit per sheet, header row included; longer exports continue on "Data 2", ... */
export const XLSX_MAX_ROWS_PER_SHEET = 1_048_576;
/** Uncompressed XML allowed to wait for the compressor before the next batch is read. */
const MAX_PENDING_BYTES = 4 * 1024 * 1024;
/** Compressed bytes the response may hold before the writer waits for the client. */
const RESPONSE_BUFFER_BYTES = 256 * 1024;

type CellInput = string | number | boolean | null | { richText: { text: string }[] };

/**
 * A cell as exceljs should write it. Text becomes an inline rich-text string (`t="inlineStr"`),
 * the one cell type no spreadsheet evaluates; formula-like text also gets the apostrophe the CSV
 * has, so both files read the same and an edit in Excel cannot turn it into a formula.
 */
export function xlsxCell(type: ExportCellType, value: ExportCellValue): CellInput {
  if (value === null || value === '') return null;
  if (type === 'number') {
    const number = typeof value === 'number' ? value : Number(value);
    if (Number.isFinite(number) && String(value).trim() !== '') return number;
  }
  if (type === 'boolean' && typeof value === 'boolean') return value;
  return { richText: [{ text: neutraliseFormula(String(value)) }] };
}

const text = (value: string | null | undefined): CellInput => xlsxCell('text', value ?? null);

/** A stream's internal buffers, in Node's streams and in readable-stream (which archiver uses). */
interface StreamState {
  _writableState?: { length?: unknown };
  _readableState?: { length?: unknown };
}

/** What exceljs's streaming worksheet keeps internally; read defensively (see pendingBytes). */
interface StreamingSheetInternals {
  stream?: { buffers?: { length?: unknown }[]; pipes?: StreamState[] };
}

const lengthOf = (value: unknown) => (typeof value === 'number' ? value : 0);

/**
 * Bytes of sheet XML written but not yet compressed. exceljs's streaming writer ignores
 * backpressure: the sheet's buffer writes into the zip's input (a PassThrough) whatever the zip
 * takes, and the zip takes nothing until the entries queued before the sheet are done. So the
 * writer measures what waits in the sheet's buffer and in that input, and pauses the database
 * cursor while it is above MAX_PENDING_BYTES. Reads exceljs 4 / archiver 5 internals; if they
 * change, this reads 0 and the bench script (npm run bench:export) shows the memory growing.
 */
function pendingBytes(sheet: ExcelJS.Worksheet): number {
  const stream = (sheet as unknown as StreamingSheetInternals).stream;
  let bytes = 0;
  for (const buffer of stream?.buffers ?? []) bytes += lengthOf(buffer.length);
  for (const pipe of stream?.pipes ?? [])
    bytes += lengthOf(pipe._writableState?.length) + lengthOf(pipe._readableState?.length);
  return bytes;
}

/**
 * exceljs's sheet buffer ends itself if the zip starts reading it while it holds data, so a sheet
 * is written only once the zip reads it (immediately for the first sheet, after the previous
 * sheet is compressed for the others).
 */
async function untilZipped(sheet: ExcelJS.Worksheet): Promise<void> {
  const stream = (sheet as unknown as StreamingSheetInternals).stream;
  if (!stream?.pipes) return;
  while (stream.pipes.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function xlsxStream<Row>(
  batches: RowBatches<Row>,
  columns: readonly ExportColumn<Row>[],
  provenance: ExportProvenance<Row>,
): ReadableStream<Uint8Array> {
  const iterator = batches[Symbol.asyncIterator]();
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  let resumeSink: (() => void) | null = null;
  let cancelled = false;
  /** The body was closed or errored: the zip may still flush what it holds, and it goes nowhere. */
  let ended = false;

  // The zip writes here; a write is acknowledged only when the response has room, which stops
  // the zip, which stops the sheet from draining, which stops the cursor (pendingBytes).
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (cancelled || ended || !controller) return callback();
      controller.enqueue(new Uint8Array(chunk));
      if ((controller.desiredSize ?? 0) > 0) callback();
      else resumeSink = callback;
    },
  });

  const waitForRoom = async (sheet: ExcelJS.Worksheet) => {
    // Always yield to the event loop once: compression finishes in zlib callbacks, which a loop
    // of already-resolved promises would starve.
    await new Promise((resolve) => setImmediate(resolve));
    while (!cancelled && (resumeSink !== null || pendingBytes(sheet) > MAX_PENDING_BYTES)) await sleep(2);
  };

  async function write(): Promise<void> {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
    workbook.creator = 'Kazakhstan Trade Dashboard';
    workbook.created = provenance.generatedAt;

    const sourceCounts = new Map<string, number>();
    let sheetNumber = 1;
    let sheet = await addDataSheet(workbook, 'Data', columns);
    let rowsInSheet = 1;
    let total = 0;
    for (;;) {
      const next = await iterator.next();
      if (next.done || cancelled) break;
      for (const row of next.value) {
        if (rowsInSheet >= XLSX_MAX_ROWS_PER_SHEET) {
          sheet.commit();
          sheetNumber += 1;
          sheet = await addDataSheet(workbook, `Data ${sheetNumber}`, columns);
          rowsInSheet = 1;
        }
        sheet
          .addRow(
            columns.map((c) => (c.xlsx ? xlsxCell(c.xlsx.type, c.xlsx.value(row)) : xlsxCell(c.type, c.value(row)))),
          )
          .commit();
        rowsInSheet += 1;
        total += 1;
        for (const id of provenance.sourceIdsOf(row)) sourceCounts.set(id, (sourceCounts.get(id) ?? 0) + 1);
      }
      await waitForRoom(sheet);
    }
    if (cancelled) return;
    sheet.commit();

    const sources = await provenance.loadSources([...sourceCounts.keys()]);
    await addSourcesSheet(workbook, sources, sourceCounts);
    // What a reader sees is in the provenance's language; sheet names and column keys stay English.
    const t = exportTexts(provenance.locale);
    await addFlagsSheet(workbook, provenance, t);
    await addReadmeSheet(workbook, provenance, columns, { total, dataSheets: sheetNumber }, t);
    await workbook.commit();
  }

  return new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
        write().then(
          () => {
            ended = true;
            if (!cancelled) controller?.close();
          },
          (error: unknown) => {
            ended = true;
            console.error('[export] XLSX export failed', error);
            if (!cancelled) controller?.error(error);
          },
        );
      },
      pull() {
        const resume = resumeSink;
        resumeSink = null;
        resume?.();
      },
      async cancel() {
        cancelled = true;
        const resume = resumeSink;
        resumeSink = null;
        resume?.();
        await iterator.return?.(undefined);
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: RESPONSE_BUFFER_BYTES }),
  );
}

async function addDataSheet<Row>(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  columns: readonly ExportColumn<Row>[],
) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  await untilZipped(sheet);
  sheet.columns = columns.map((c) => ({
    key: c.key,
    width: c.width ?? Math.max(10, Math.min(40, c.key.length + 2)),
    style: c.numFmt ? { numFmt: c.numFmt } : {},
  }));
  const header = sheet.addRow(columns.map((c) => text(c.key)));
  header.font = { bold: true };
  header.commit();
  return sheet;
}

async function addSourcesSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  sources: readonly ExportSource[],
  counts: ReadonlyMap<string, number>,
) {
  const sheet = workbook.addWorksheet('Sources', { views: [{ state: 'frozen', ySplit: 1 }] });
  await untilZipped(sheet);
  sheet.columns = [
    { key: 'source_id', width: 36 },
    { key: 'title', width: 60 },
    { key: 'publisher', width: 40 },
    { key: 'published_on', width: 14 },
    { key: 'url', width: 50 },
    { key: 'attribution', width: 80 },
    { key: 'vintage', width: 30 },
    { key: 'rows_in_this_file', width: 18, style: { numFmt: '#,##0' } },
  ];
  const header = sheet.addRow(
    ['source_id', 'title', 'publisher', 'published_on', 'url', 'attribution', 'vintage', 'rows_in_this_file'].map(text),
  );
  header.font = { bold: true };
  header.commit();
  for (const source of sources) {
    sheet
      .addRow([
        text(source.id),
        text(source.title),
        text(source.publisher),
        text(source.publishedOn),
        text(source.url),
        text(source.attribution),
        text(source.vintage),
        counts.get(source.id) ?? 0,
      ])
      .commit();
  }
  sheet.commit();
}

async function addFlagsSheet<Row>(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  provenance: ExportProvenance<Row>,
  t: ExportTexts,
) {
  const sheet = workbook.addWorksheet('Flags', { views: [{ state: 'frozen', ySplit: 1 }] });
  await untilZipped(sheet);
  sheet.columns = [
    { key: 'field', width: 20 },
    { key: 'value', width: 22 },
    { key: 'meaning', width: 100 },
  ];
  const header = sheet.addRow(['field', 'value', 'meaning'].map(text));
  header.font = { bold: true };
  header.commit();
  for (const entry of provenance.glossary) {
    // An empty flag is a value too ("as published"): show it as (empty) rather than a blank cell.
    sheet
      .addRow([text(entry.field), text(entry.value === '' ? t('empty') : entry.value), text(entry.meaning)])
      .commit();
  }
  sheet.commit();
}

async function addReadmeSheet<Row>(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  provenance: ExportProvenance<Row>,
  columns: readonly ExportColumn<Row>[],
  counts: { total: number; dataSheets: number },
  t: ExportTexts,
) {
  const sheet = workbook.addWorksheet('README');
  await untilZipped(sheet);
  sheet.columns = [
    { key: 'a', width: 28 },
    { key: 'b', width: 120 },
  ];
  const line = (label: string, value: CellInput = null) => sheet.addRow([text(label), value]).commit();
  const title = sheet.addRow([text(provenance.title)]);
  title.font = { bold: true, size: 14 };
  title.commit();
  line('');
  line(t('readme.generated'), text(t('readme.generatedAt', { timestamp: provenance.generatedAt.toISOString() })));
  line(t('readme.view'), text(provenance.viewUrl));
  provenance.query.forEach((q, i) => line(i === 0 ? t('readme.query') : '', text(q)));
  line(t('readme.rows'), counts.total);
  line(
    t('readme.dataSheets'),
    text(
      counts.dataSheets === 1
        ? 'Data'
        : // Digits as they are: a number argument would be grouped ("1,048,575"), unlike the sheet names around it.
          t('readme.dataSheetsMany', {
            last: String(counts.dataSheets),
            max: String(XLSX_MAX_ROWS_PER_SHEET - 1),
          }),
    ),
  );
  line('');
  line(t('readme.howToCite'), text(provenance.citation));
  line('', text(t('readme.credit')));
  if (provenance.notes && provenance.notes.length > 0) {
    line('');
    provenance.notes.forEach((note, i) => line(i === 0 ? t('readme.notes') : '', text(note)));
  }
  line('');
  const heading = sheet.addRow([text(t('readme.columns'))]);
  heading.font = { bold: true };
  heading.commit();
  for (const column of columns) line(column.key, text(column.description));
  line('');
  line(t('readme.formulas'), text(t('readme.formulasText')));
  sheet.commit();
}
