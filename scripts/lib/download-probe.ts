// The export benchmark's downloads, each made by a fresh Node process of its own. In the bench's
// own process, reading and counting 245 MB cost 1.1-1.6 s of CPU in an export-only run and 2.4-3.4 s
// after the import step of a full run (a larger heap to collect): on two cores that CPU is taken
// from the server and PostgreSQL, so the download's wall time depended on what the bench had done
// before. A fresh process is the same client every time.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { CpuSplit } from './process-cpu';

export type ProbeSpec = (
  | { kind: 'http'; url: string }
  | {
      kind: 'copy';
      databaseUrl: string;
      /** The SELECT to run under COPY … TO STDOUT as CSV with a header. */
      select: string;
      /** The export's query string: the session is prepared as the route prepares it (prepareExportSession). */
      exportQuery?: string;
    }
) & {
  /** Whose CPU to account for during the download (measureCpu). */
  serverPid: number;
  postmasterPid: number;
};

export interface ProbeResult {
  lines: number;
  bytes: number;
  seconds: number;
  cpu: CpuSplit;
}

/** Counts the lines and bytes of a stream without keeping it. */
export async function countLines(stream: AsyncIterable<Uint8Array>): Promise<{ lines: number; bytes: number }> {
  let lines = 0;
  let bytes = 0;
  for await (const chunk of stream) {
    bytes += chunk.byteLength;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines += 1;
  }
  return { lines, bytes };
}

/** Runs one download in a child process (download-probe-child.ts) and returns what it measured. */
export async function probeDownload(spec: ProbeSpec): Promise<ProbeResult> {
  const child = path.join(import.meta.dirname, 'download-probe-child.ts');
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--conditions=react-server', child, JSON.stringify(spec)],
      { maxBuffer: 1 << 20 },
    );
    return JSON.parse(stdout) as ProbeResult;
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim();
    throw new Error(`the ${spec.kind === 'http' ? 'API' : 'COPY'} download failed: ${stderr || String(error)}`);
  }
}
