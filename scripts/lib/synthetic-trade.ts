// A synthetic "every reporter of the IMF's Direction of Trade Statistics" dataset in the tidy
// layout, for the benchmark: each reporter's exports, imports and turnover with each partner
// (countries and aggregates) and year. Deterministic (a hash of reporter, partner and year, no
// random state), so two runs load the same rows, and shaped like the real thing:
//   - some pairs start in 1992 (the states that became independent then), the others in 1966;
//   - single years are missing, and sometimes only one side of a year is published;
//   - about 5% of values carry the IMF's estimate flag `e`;
//   - a third of the reporters have only January-June for the last year (a partial year);
//   - turnover is export + import, flagged `derived` (`derived+e` when a side is an estimate),
//     only where both sides exist, as the bundled IMF data has it.
// Rows come reporter by reporter, so the first N rows are whole reporters: a 1M-row prefix is a
// smaller dataset of the same shape, which is what the benchmark's growth steps load.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { TIDY_COLUMNS } from '../../lib/import/tidy-row';

export interface NamedCode {
  code: string;
  name: string;
}

export interface SyntheticTradeOptions {
  sourceId: string;
  reporters: readonly NamedCode[];
  partners: readonly NamedCode[];
  firstYear: number;
  lastYear: number;
}

/** 32-bit integer hash of a few integers (a murmur3-style finaliser): cheap and well mixed. */
function hash(...values: number[]): number {
  let h = 0x9e3779b9;
  for (const v of values) {
    h = Math.imul(h ^ v, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** RFC 4180 quoting, for names such as "Korea, Rep. of". */
const csvCell = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** Thousandths of a USD million as decimal text: integers keep turnover = export + import exact. */
const millionsText = (thousandths: number) => (thousandths / 1000).toFixed(3);

export interface SyntheticRow {
  line: string;
  reporterCode: string;
}

/** Every row of the dataset, in file order (reporter by reporter). */
export function* syntheticTradeRows(options: SyntheticTradeOptions): Generator<SyntheticRow> {
  const { sourceId, firstYear, lastYear } = options;
  for (const [ri, reporter] of options.reporters.entries()) {
    const reporterCells = `${sourceId},${csvCell(reporter.name)},${reporter.code}`;
    const partialLastYear = hash(ri, 7) % 3 === 0;
    // Economies differ by orders of magnitude: a reporter size and a pair size, log-uniform.
    const reporterSize = 10 ** (1 + (hash(ri, 11) % 3000) / 1000);
    for (const [pi, partner] of options.partners.entries()) {
      if (partner.code === reporter.code) continue;
      const prefix = `${reporterCells},${csvCell(partner.name)},${partner.code}`;
      const pairSize = reporterSize * 10 ** ((hash(ri, pi, 13) % 3000) / 1000 - 2);
      const start = hash(ri, pi, 17) % 25 === 0 ? Math.max(firstYear, 1992) : firstYear;
      for (let year = start; year <= lastYear; year += 1) {
        const h = hash(ri, pi, year);
        if (h % 80 === 0) continue; // a year not published at all
        const period = year === lastYear && partialLastYear ? 'Jan-Jun' : 'FY';
        const trend = 1 + (year - firstYear) / 20;
        const exportValue = h % 150 === 1 ? null : Math.round(pairSize * trend * (500 + (h % 1000)));
        const importValue = h % 150 === 2 ? null : Math.round(pairSize * trend * (500 + ((h >>> 10) % 1000)));
        const exportEstimate = (h >>> 3) % 20 === 0;
        const importEstimate = (h >>> 5) % 20 === 0;
        const lead = `${prefix},${year},${period}`;
        if (exportValue !== null) {
          yield {
            line: `${lead},export,${millionsText(exportValue)},USD,1e6,${exportEstimate ? 'e' : ''},\n`,
            reporterCode: reporter.code,
          };
        }
        if (importValue !== null) {
          yield {
            line: `${lead},import,${millionsText(importValue)},USD,1e6,${importEstimate ? 'e' : ''},\n`,
            reporterCode: reporter.code,
          };
        }
        if (exportValue !== null && importValue !== null) {
          const flag = exportEstimate || importEstimate ? 'derived+e' : 'derived';
          yield {
            line: `${lead},turnover,${millionsText(exportValue + importValue)},USD,1e6,${flag},export + import\n`,
            reporterCode: reporter.code,
          };
        }
      }
    }
  }
}

export interface SegmentFile {
  file: string;
  rows: number;
  /** Rows per reporter code in this segment. */
  reporters: Map<string, number>;
}

/**
 * Writes the first `boundaries.at(-1)` rows as consecutive tidy CSV files, one per segment
 * (rows [0, b1), [b1, b2), ...), each with the header. Throws when the dataset has fewer rows.
 */
export async function writeSyntheticSegments(
  options: SyntheticTradeOptions,
  boundaries: readonly number[],
  fileFor: (i: number) => string,
): Promise<SegmentFile[]> {
  const rows = syntheticTradeRows(options);
  const segments: SegmentFile[] = [];
  let written = 0;
  for (const [i, end] of boundaries.entries()) {
    const file = fileFor(i);
    const out = createWriteStream(file);
    out.write(`${TIDY_COLUMNS.join(',')}\n`);
    const segment: SegmentFile = { file, rows: 0, reporters: new Map() };
    let buffer = '';
    while (written < end) {
      const next = rows.next();
      if (next.done) break;
      buffer += next.value.line;
      segment.rows += 1;
      segment.reporters.set(next.value.reporterCode, (segment.reporters.get(next.value.reporterCode) ?? 0) + 1);
      written += 1;
      // Write in ~1 MB pieces: one write per line would dominate the generation time.
      if (buffer.length > 1 << 20) {
        if (!out.write(buffer)) await once(out, 'drain');
        buffer = '';
      }
    }
    out.end(buffer);
    await once(out, 'finish');
    segments.push(segment);
    if (written < end)
      throw new Error(`the synthetic dataset has only ${written.toLocaleString('en-US')} rows; ask for fewer`);
  }
  return segments;
}
