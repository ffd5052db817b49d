// A one-line progress bar for long imports: bar, percentage, rows, rows per second and ETA,
// redrawn in place on a terminal. (cli-progress would do; this is the 30 lines we need.)
export interface ProgressState {
  rows: number;
  bytesRead: number;
  totalBytes: number;
  elapsedMs: number;
  /** Rows written to the database so far. */
  written?: number;
  /** Set once reading is done and the rest is writing: how many rows there are to write. */
  toWrite?: number | null;
  /** Time since writing alone began (with toWrite), for its rate and time left. */
  writeElapsedMs?: number;
}

const WIDTH = 24;
const n = (x: number) => Math.round(x).toLocaleString('en');

function duration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  return `${Math.floor(seconds / 60)} min ${Math.ceil(seconds % 60)} s`;
}

const bar = (fraction: number) => {
  const filled = Math.round(fraction * WIDTH);
  return `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)} %`;
};

/**
 * While reading (rows are written as they are read, or after): `[#####---]  42 %  420,000 rows
 * (380,000 written)  105,000 rows/s  ETA 6 s`, the fraction being the file's bytes read. Once only
 * writing is left: `[#####---]  40 %  writing 120,000 of 300,000 rows  60,000 rows/s  ETA 3 s`.
 */
export function formatProgress(p: ProgressState): string {
  if (p.toWrite != null && p.toWrite > 0) {
    const written = p.written ?? 0;
    const fraction = Math.min(written / p.toWrite, 1);
    const seconds = (p.writeElapsedMs ?? p.elapsedMs) / 1000;
    const rate = seconds > 0 ? written / seconds : 0;
    const eta = rate > 0 ? (p.toWrite - written) / rate : Number.NaN;
    return `${bar(fraction)}  writing ${n(written)} of ${n(p.toWrite)} rows  ${n(rate)} rows/s  ETA ${duration(eta)}`;
  }
  const fraction = p.totalBytes > 0 ? Math.min(p.bytesRead / p.totalBytes, 1) : 0;
  const seconds = p.elapsedMs / 1000;
  const rate = seconds > 0 ? p.rows / seconds : 0;
  const eta = fraction > 0 ? seconds * (1 / fraction - 1) : Number.NaN;
  const written = p.written ? ` (${n(p.written)} written)` : '';
  return `${bar(fraction)}  ${n(p.rows)} rows${written}  ${n(rate)} rows/s  ETA ${duration(eta)}`;
}

/** Draws on stderr when it is a terminal, at most five times a second, and only for imports that take a while. */
export function createProgressBar(stream: NodeJS.WriteStream = process.stderr) {
  const started = Date.now();
  let writingSince: { at: number; written: number } | null = null;
  let last = 0;
  let drawn = false;
  return {
    update(p: Omit<ProgressState, 'elapsedMs' | 'writeElapsedMs'>): void {
      const now = Date.now();
      if (p.toWrite != null && !writingSince) writingSince = { at: now, written: p.written ?? 0 };
      if (!stream.isTTY || now - started < 500 || now - last < 200) return;
      last = now;
      drawn = true;
      // The writing phase's rate counts only what was written in it.
      const writing = writingSince
        ? {
            written: (p.written ?? 0) - writingSince.written,
            toWrite: (p.toWrite ?? 0) - writingSince.written,
            writeElapsedMs: now - writingSince.at,
          }
        : {};
      stream.write(`\r${formatProgress({ ...p, ...writing, elapsedMs: now - started })}\u001b[K`);
    },
    done(): void {
      if (drawn) stream.write('\r\u001b[K');
    },
  };
}
