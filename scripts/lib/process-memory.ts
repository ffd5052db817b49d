// Resident memory of a process tree (Linux /proc), for the benchmarks: `next start` may fork
// workers, so the server's memory is its own plus its descendants'.
import { readFileSync, readdirSync } from 'node:fs';

export function childPids(pid: number): number[] {
  const pids: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      for (const child of children ? children.split(/\s+/) : []) pids.push(Number(child));
    }
  } catch {
    // The process ended between two reads.
  }
  return pids;
}

function statusField(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(status.match(new RegExp(`${field}:\\s+(\\d+) kB`))?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

/** Resident memory of a process and its descendants now, in bytes. */
export function treeRss(pid: number): number {
  return statusField(pid, 'VmRSS') + childPids(pid).reduce((sum, child) => sum + treeRss(child), 0);
}

/** The kernel's high-water mark of resident memory (VmHWM) over the tree, in bytes. */
export function treeHighWaterMark(pid: number): number {
  return statusField(pid, 'VmHWM') + childPids(pid).reduce((sum, child) => sum + treeHighWaterMark(child), 0);
}

export const mebibytes = (bytes: number) => bytes / 1024 / 1024;

/**
 * Samples the tree's resident memory every `intervalMs` until stopped; `stop()` returns the peak
 * and a timeline with one sample every `timelineEvery` samples (memory should plateau, not climb).
 */
export function sampleMemory(pid: number, intervalMs = 200, timelineEvery = 25) {
  const baseline = treeRss(pid);
  let peak = baseline;
  let ticks = 0;
  const timeline: number[] = [];
  const timer = setInterval(() => {
    const rss = treeRss(pid);
    peak = Math.max(peak, rss);
    if (ticks++ % timelineEvery === 0) timeline.push(rss);
  }, intervalMs);
  return {
    baseline,
    stop: () => {
      clearInterval(timer);
      return { baseline, peak, timeline };
    },
  };
}
