// What the importer says about bad input: where (file, line or sheet and cell, column), what it
// found and what it expected. A refused file raises ImportRejectedError; nothing is written then.
import path from 'node:path';

export interface RowProblem {
  /** 1-based line of a text file, or the row number of a worksheet. */
  line: number;
  /** Header name, or a description in brackets: (file), (header), (row). */
  column: string;
  found: string;
  expected: string;
  /** Worksheet name, for workbooks. */
  sheet?: string;
  /** Cell reference such as E8, for workbooks. */
  cell?: string;
}

/** At most this many problems are kept per file; the count of all of them is kept apart. */
export const MAX_REPORTED = 200;

const show = (text: string) => (text.length > 80 ? `${text.slice(0, 77)}...` : text);

/** One problem as one line of text, e.g. `data.csv line 3, column value: found "n/a", expected a number`. */
export function formatProblem(file: string, p: RowProblem): string {
  const where = p.sheet ? `sheet "${p.sheet}"${p.cell ? `, cell ${p.cell}` : `, row ${p.line}`}` : `line ${p.line}`;
  const column = p.column.startsWith('(') ? p.column : `column ${p.column}`;
  return `${path.basename(file)} ${where}, ${column}: found ${JSON.stringify(show(p.found))}, expected ${p.expected}`;
}

/** The file was refused: nothing was written. */
export class ImportRejectedError extends Error {
  constructor(
    readonly file: string,
    readonly problems: RowProblem[],
    readonly totalProblems: number,
  ) {
    super(`${path.basename(file)}: ${totalProblems} problem(s); nothing was imported`);
    this.name = 'ImportRejectedError';
  }
}

/** Collects problems while a file is read; file-level problems refuse the file even with skipInvalid. */
export class ProblemLog {
  readonly problems: RowProblem[] = [];
  count = 0;
  fileLevel = false;
  rejectedRows = 0;
  /** Things left out on purpose, worth telling the user (not problems). */
  readonly notices: string[] = [];

  notice(text: string): void {
    if (this.notices.length < MAX_REPORTED) this.notices.push(text);
  }

  /** A problem with one row (or cell): the row is left out. `rows` is how many observations it costs. */
  row(problem: RowProblem, rows = 1): void {
    this.rejectedRows += rows;
    this.add(problem);
  }

  /** A further problem with a row already counted as rejected. */
  more(problem: RowProblem): void {
    this.add(problem);
  }

  /** A problem with the whole file (encoding, layout, header): the file is refused. */
  file(problem: RowProblem): void {
    this.fileLevel = true;
    this.add(problem);
  }

  private add(problem: RowProblem): void {
    this.count += 1;
    if (this.problems.length < MAX_REPORTED) this.problems.push(problem);
  }
}
