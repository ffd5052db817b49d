// Reads the project's tidy CSV layout (docs/import.md): UTF-8, comma-separated, the 13
// tidy columns in order, optional columns after them.
import { CsvSyntaxError, csvRecordBatches } from './csv-records';
import { decodeChunks, EncodingError } from './file-input';
import type { FormatReader, ReaderContext } from './reader';
import { FieldCells, TIDY_COLUMNS, parseTidyCells, type ObservationRow } from './tidy-row';
import type { ProblemLog, RowProblem } from './problems';

export class TidyReader implements FormatReader {
  rowCount = 0;

  constructor(private readonly ctx: ReaderContext) {}

  async *rows(): AsyncGenerator<ObservationRow[]> {
    const { ctx } = this;
    const { refs, problems } = ctx;
    let header: string[] | null = null;
    let cells: FieldCells | null = null;
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
            cells = new FieldCells(header);
            continue;
          }
          this.rowCount += 1;
          if (fields.length !== header.length) {
            problems.row({
              line,
              column: '(row)',
              found: `${fields.length} fields`,
              expected: `${header.length} fields, as in the header`,
            });
            continue;
          }
          if (!cells) continue;
          cells.fields = fields;
          const parsed = parseTidyCells(cells, line, { sourceId: ctx.sourceId, vintage: ctx.vintage });
          if ('problems' in parsed) {
            reportAll(problems, parsed.problems);
            continue;
          }
          const r = parsed.row;
          let unknown: RowProblem[] | null = null;
          if (!refs.sources.has(r.sourceId))
            unknown = [
              {
                line,
                column: 'source_id',
                found: r.sourceId,
                expected: 'a known source id (see GET /api/sources), or pass --source-id',
              },
            ];
          if (!refs.hasPartner(r.reporterCode))
            (unknown ??= []).push({
              line,
              column: 'reporter_code',
              found: r.reporterCode,
              expected: 'a known partner code',
            });
          if (!refs.hasPartner(r.partnerCode))
            (unknown ??= []).push({
              line,
              column: 'partner_code',
              found: r.partnerCode,
              expected: 'a known partner code',
            });
          if (!refs.indicators.has(r.indicatorCode))
            (unknown ??= []).push({ line, column: 'flow', found: r.indicatorCode, expected: 'a known indicator code' });
          if (unknown) reportAll(problems, unknown);
          else out.push(r);
        }
        if (out.length > 0) yield out;
      }
    } catch (error) {
      if (error instanceof EncodingError) {
        problems.file({
          line: error.line,
          column: '(file)',
          found: error.found,
          expected: 'UTF-8 text (re-save the file as UTF-8)',
        });
        return;
      }
      if (error instanceof CsvSyntaxError) {
        problems.file({ line: error.line, column: '(file)', found: error.found, expected: error.expected });
        return;
      }
      throw error;
    }
    if (!header)
      problems.file({ line: 1, column: '(file)', found: 'an empty file', expected: 'a header row and data rows' });
    else if (this.rowCount === 0)
      problems.file({
        line: 2,
        column: '(file)',
        found: 'a header and no data rows',
        expected: 'at least one data row',
      });
  }
}

/** The first problem rejects the row; the others are further reasons for the same row. */
function reportAll(log: ProblemLog, list: RowProblem[]): void {
  list.forEach((p, i) => (i === 0 ? log.row(p) : log.more(p)));
}
