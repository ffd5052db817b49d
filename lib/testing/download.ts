// A download as a route handler begins it (a slot and a connection of its own),
// for tests that call the export functions directly.
import { beginDownload, type AbortSource, type Download } from '@/lib/export/download';

export async function testDownload(request: AbortSource = new AbortController()): Promise<Download> {
  const download = await beginDownload(request, { database: true });
  if (download instanceof Response) throw new Error(`no download slot: ${download.status} ${await download.text()}`);
  return download;
}
