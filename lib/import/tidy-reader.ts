// Reads the project's tidy CSV layout (README "Import formats"): UTF-8, comma-separated, the 13
// tidy columns in order, optional columns after them.
import { CsvSyntaxError, csvRecordBatches } from './csv-records';
import { decodeChunks, EncodingError } from './file-input';
import type { FormatReader, ReaderContext } from './reader';
import { TIDY_COLUMNS, parseTidyRow, type ObservationRow } from './tidy-row';

export class TidyReader implements FormatReader {
  rowCount = 0;

  constructor(private readonly ctx: ReaderContext) {}

  async *rows(): AsyncGenerator<ObservationRow[]> {
    const { ctx } = this;
    const { refs, problems } = ctx;
    let header: string[] | null = null;
    try {
      for await (const batch of csvRecordBatches(decodeChunks(ctx.input.chunks(), 'utf-8'))) {
        const out: ObservationRow[] = [];
        for (const { fields, line } of batch) {
          if (!header) {
            header = fields.map((h) => h.trim());
            if (TIDY_COLUMNS.some((c, i) => header?.[i] !== c)) {
              problems.file({
                line,
                column: '(header)',
                found: header.join(',').slice(0, 120),
                expected: `the 13 tidy columns, comma-separated, in order: ${TIDY_COLUMNS.join(',')}`,
              });
              return;
            }
            continue;
          }
          this.rowCount += 1;
          if (fields.length !== header.length) {
            problems.row({ line, column: '(row)', found: `${fields.length} fields`, expected: `${header.length} fields, as in the header` });
            continue;
          }
          const cells: Record<string, string> = {};
          for (let i = 0; i < header.length; i += 1) cells[header[i] ?? ''] = fields[i] ?? '';
          const parsed = parseTidyRow(cells, line, { sourceId: ctx.sourceId, vintage: ctx.vintage });
          if ('problems' in parsed) {
            const [first, ...rest] = parsed.problems;
            if (first) problems.row(first);
            rest.forEach((p) => problems.more(p));
            continue;
          }
          const r = parsed.row;
          let bad = 0;
          const unknown = (column: string, found: string, expected: string) => {
            if (bad++ === 0) problems.row({ line, column, found, expected });
            else problems.more({ line, column, found, expected });
          };
          if (!refs.sources.has(r.sourceId)) unknown('source_id', r.sourceId, 'a known source id (see GET /api/sources), or pass --source-id');
          if (!refs.hasPartner(r.reporterCode)) unknown('reporter_code', r.reporterCode, 'a known partner code');
          if (!refs.hasPartner(r.partnerCode)) unknown('partner_code', r.partnerCode, 'a known partner code');
          if (!refs.indicators.has(r.indicatorCode)) unknown('flow', r.indicatorCode, 'a known indicator code');
          if (bad === 0) out.push(r);
        }
        if (out.length > 0) yield out;
      }
    } catch (error) {
      if (error instanceof EncodingError) {
        problems.file({ line: error.line, column: '(file)', found: error.found, expected: 'UTF-8 text (re-save the file as UTF-8)' });
        return;
      }
      if (error instanceof CsvSyntaxError) {
        problems.file({ line: error.line, column: '(file)', found: error.found, expected: error.expected });
        return;
      }
      throw error;
    }
    if (!header) problems.file({ line: 1, column: '(file)', found: 'an empty file', expected: 'a header row and data rows' });
    else if (this.rowCount === 0) problems.file({ line: 2, column: '(file)', found: 'a header and no data rows', expected: 'at least one data row' });
  }
}
