// The export formats, apart from the writers so that client components (the download links) can
// name them without pulling exceljs and Node streams into the browser bundle.
export const EXPORT_FORMATS = ['csv', 'xlsx', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
