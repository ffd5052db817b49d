// A one-line progress bar for long imports: bar, percentage, rows, rows per second and ETA,
// redrawn in place on a terminal. (cli-progress would do; this is the 30 lines we need.)
export interface ProgressState {
  rows: number;
  bytesRead: number;
  totalBytes: number;
  elapsedMs: number;
}

const WIDTH = 24;
const n = (x: number) => Math.round(x).toLocaleString('en');

function duration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  return `${Math.floor(seconds / 60)} min ${Math.ceil(seconds % 60)} s`;
}

/** e.g. `[##########--------------]  42 %  420,000 rows  105,000 rows/s  ETA 6 s` */
export function formatProgress(p: ProgressState): string {
  const fraction = p.totalBytes > 0 ? Math.min(p.bytesRead / p.totalBytes, 1) : 0;
  const filled = Math.round(fraction * WIDTH);
  const seconds = p.elapsedMs / 1000;
  const rate = seconds > 0 ? p.rows / seconds : 0;
  const eta = fraction > 0 ? seconds * (1 / fraction - 1) : Number.NaN;
  return `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)} %  `
    + `${n(p.rows)} rows  ${n(rate)} rows/s  ETA ${duration(eta)}`;
}

/** Draws on stderr when it is a terminal, at most five times a second, and only for imports that take a while. */
export function createProgressBar(stream: NodeJS.WriteStream = process.stderr) {
  const started = Date.now();
  let last = 0;
  let drawn = false;
  return {
    update(p: Omit<ProgressState, 'elapsedMs'>): void {
      const now = Date.now();
      if (!stream.isTTY || now - started < 500 || now - last < 200) return;
      last = now;
      drawn = true;
      stream.write(`\r${formatProgress({ ...p, elapsedMs: now - started })}\u001b[K`);
    },
    done(): void {
      if (drawn) stream.write('\r\u001b[K');
    },
  };
}
