// The contract between a file format and the shared write path: a reader turns one file into
// batches of normalised observation rows (each with its line, or sheet and cell) and reports what
// it cannot read to the problem log. Everything after that (staging, checks, merge, revisions)
// is the same for every format.
import type { FileInput } from './file-input';
import type { ProblemLog } from './problems';
import type { ReferenceData } from './reference-data';
import type { ObservationRow } from './tidy-row';

export const IMPORT_FORMATS = ['tidy', 'imf-dots', 'sdmx-csv', 'comtrade'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** What a file says about its source, used to create the source row when --source-id is new. */
export interface SourceMetadata {
  title: string;
  publisher: string;
  url: string | null;
  attribution: string;
  vintage: string | null;
  note: string | null;
}

export interface ReaderContext {
  file: string;
  input: FileInput;
  refs: ReferenceData;
  problems: ProblemLog;
  /** Source id for every row (--source-id). Formats without a source column require it. */
  sourceId?: string;
  /** Vintage for every row that does not state its own. */
  vintage?: string;
}

export interface FormatReader {
  /** Valid rows in batches; problems go to the context's log. Ends early on a file-level problem. */
  rows(): AsyncGenerator<ObservationRow[]>;
  /** Observations read so far, valid or not. */
  readonly rowCount: number;
  /** After reading: the source as the file describes it (formats without a source column). */
  sourceMetadata?(): SourceMetadata;
  /** After reading: the note for turnover rows derived as export + import, or null for none. */
  turnoverNote?(): string | null;
}
