// One download for the export benchmark (download-probe.ts), in a process of its own: the API's
// CSV over HTTP, or a COPY … TO STDOUT straight from PostgreSQL. Prints what it measured as JSON.
import postgres from 'postgres';
import { countLines, type ProbeResult, type ProbeSpec } from './download-probe';
import { measureCpu } from './process-cpu';

const spec = JSON.parse(process.argv[2] ?? '') as ProbeSpec;

/** Opens the download and reads it to the end, timed from the opening, with the CPUs accounted meanwhile. */
async function measured(open: () => Promise<AsyncIterable<Uint8Array>>): Promise<ProbeResult> {
  const cpu = measureCpu(spec.serverPid, spec.postmasterPid);
  const started = process.hrtime.bigint();
  const counted = await countLines(await open());
  return { ...counted, seconds: Number(process.hrtime.bigint() - started) / 1e9, cpu: cpu.stop() };
}

async function copy(databaseUrl: string, select: string, exportQuery: string | undefined) {
  const { csvCopyStatement, prepareExportSession } = await import('../../lib/export/observations-csv');
  const { parseObservationQuery } = await import('../../lib/validations/observations');
  const db = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    if (exportQuery !== undefined) {
      const parsed = parseObservationQuery(new URLSearchParams(`${exportQuery}&format=csv`));
      if (!parsed.ok) throw new Error(`export query: ${JSON.stringify(parsed.problems)}`);
      await prepareExportSession(db, parsed.query, select);
    }
    // Connected and prepared before the clock starts, as the bench's own client was.
    return await measured(() => db.unsafe(csvCopyStatement(select)).readable());
  } finally {
    await db.end();
  }
}

function http(url: string) {
  return measured(async () => {
    const response = await fetch(url);
    if (!response.ok || !response.body) throw new Error(`HTTP ${response.status} from ${url}`);
    return response.body;
  });
}

const result: ProbeResult =
  spec.kind === 'http' ? await http(spec.url) : await copy(spec.databaseUrl, spec.select, spec.exportQuery);
process.stdout.write(JSON.stringify(result));
