import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { exportBodyResponse, exportResponse } from './export-response';
import { inMemoryBatches, type ExportColumn, type ExportProvenance } from './types';

type Row = { partner: string; value: number };
const COLUMNS: readonly ExportColumn<Row>[] = [
  { key: 'partner', type: 'text', value: (r) => r.partner, description: 'partner' },
  { key: 'value', type: 'number', value: (r) => r.value, description: 'value' },
];
// Text Excel garbles when it reads a file in the system's code page instead of UTF-8.
const ROWS: Row[] = [
  { partner: 'Türkiye', value: -1.5 },
  { partner: 'Côte d’Ivoire', value: 2 },
];
const provenance: ExportProvenance<Row> = {
  title: 'Test rows',
  viewUrl: 'http://localhost/test',
  query: [],
  generatedAt: new Date(2026, 10, 24),
  sourceIdsOf: () => [],
  loadSources: async () => [],
  glossary: [],
  citation: 'Test rows',
};

async function download(format: 'csv' | 'json'): Promise<Buffer> {
  const response = await exportResponse(new AbortController(), {
    format,
    batches: inMemoryBatches(ROWS),
    columns: COLUMNS,
    provenance,
    fileName: 'kaz-trade-test',
  });
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

describe('CSV downloads', () => {
  it('start with the UTF-8 byte-order mark, so Excel opens them as UTF-8 on a double-click', async () => {
    const bytes = await download('csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe('partner,value\nTürkiye,-1.5\nCôte d’Ivoire,2\n');
    // A reader that knows the mark reads the same rows as without it.
    expect(parse(bytes, { columns: true, bom: true })).toEqual([
      { partner: 'Türkiye', value: '-1.5' },
      { partner: 'Côte d’Ivoire', value: '2' },
    ]);
  });

  it('carry the mark in front of a body written elsewhere (PostgreSQL’s COPY), once', async () => {
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode('a,b\n'));
        controller.enqueue(encoder.encode('1,2\n'));
        controller.close();
      },
    });
    const response = exportBodyResponse({ format: 'csv', body, fileName: 'kaz-trade-test' });
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(Buffer.from(await response.arrayBuffer()).toString('utf8')).toBe('\uFEFFa,b\n1,2\n');
  });

  it('pass a cancel on to the body they wrap (a download the client left)', async () => {
    let cancelled: unknown = null;
    const body = new ReadableStream<Uint8Array>({
      pull: (controller) => controller.enqueue(new TextEncoder().encode('x\n')),
      cancel: (reason) => {
        cancelled = reason;
      },
    });
    const response = exportBodyResponse({ format: 'csv', body, fileName: 'kaz-trade-test' });
    const reader = response.body?.getReader();
    await reader?.read();
    await reader?.cancel('gone');
    expect(cancelled).toBe('gone');
  });

  it('are the only downloads with the mark: JSON starts with its array', async () => {
    expect((await download('json')).subarray(0, 1).toString('utf8')).toBe('[');
  });
});
