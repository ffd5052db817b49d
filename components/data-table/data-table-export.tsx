import { EXPORT_FORMATS, type ExportFormat } from '@/lib/export/formats';

const FORMAT_LABELS: Record<ExportFormat, string> = { csv: 'CSV', xlsx: 'XLSX', json: 'JSON' };
const FORMAT_HINTS: Record<ExportFormat, string> = {
  csv: 'tidy layout, re-imports unchanged',
  xlsx: 'Data, Sources, Flags and README sheets',
  json: 'array of records',
};

interface DataTableExportProps {
  /** The export route's URL for a format, with the view's filters and sort (no page). */
  hrefs: Record<ExportFormat, string>;
  /** How many rows the files will hold (all pages), for the accessible label. */
  rowCount?: number;
  testId?: string;
}

/**
 * One link per format. Links, not scripts: the export route streams the file, the browser saves
 * it, and the links work with the keyboard and without JavaScript.
 */
export function DataTableExport({ hrefs, rowCount, testId = 'export' }: DataTableExportProps) {
  const rows = rowCount === undefined ? 'all rows' : `all ${rowCount.toLocaleString('en-US')} rows`;
  return (
    <div role="group" aria-label={`Download ${rows}`} className="flex items-center" data-testid={testId}>
      <span className="mr-2 text-sm text-muted-foreground">Download</span>
      {EXPORT_FORMATS.map((format, index) => (
        <a
          key={format}
          href={hrefs[format]}
          download
          data-testid={`${testId}-${format}`}
          title={`${FORMAT_LABELS[format]}: ${FORMAT_HINTS[format]} (${rows}, in the order shown)`}
          className={`inline-flex h-9 items-center border border-border bg-card px-3 text-sm font-medium hover:bg-muted focus-visible:relative focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent ${index === 0 ? 'rounded-l-md' : '-ml-px'} ${index === EXPORT_FORMATS.length - 1 ? 'rounded-r-md' : ''}`}
        >
          <span className="sr-only">Download </span>
          {FORMAT_LABELS[format]}
        </a>
      ))}
    </div>
  );
}
