// CPU time of processes (Linux /proc) and of the machine (os.cpus()), for the benchmarks: on two
// cores the export's download, the app server, PostgreSQL and the downloading client share the
// CPUs, so a wall time means little without who used them.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { childPids } from './process-memory';

/** Linux reports process times in clock ticks of 1/100 s (USER_HZ, the same on every architecture). */
const TICKS_PER_SECOND = 100;

export interface ProcStat {
  comm: string;
  ppid: number;
  /** utime + stime of the process itself. */
  cpuSeconds: number;
  /** cutime + cstime: children that ended and were waited for (PostgreSQL's parallel workers, closed backends). */
  reapedChildrenSeconds: number;
}

/** One /proc/<pid>/stat line. The command name may hold spaces and parentheses, so fields count from the last ')'. */
export function parseProcStat(text: string): ProcStat {
  const close = text.lastIndexOf(')');
  const fields = text.slice(close + 2).split(' ');
  // After the name: state (0), ppid (1), …, utime (11), stime (12), cutime (13), cstime (14).
  const ticks = (i: number) => Number(fields[i] ?? Number.NaN);
  return {
    comm: text.slice(text.indexOf('(') + 1, close),
    ppid: ticks(1),
    cpuSeconds: (ticks(11) + ticks(12)) / TICKS_PER_SECOND,
    reapedChildrenSeconds: (ticks(13) + ticks(14)) / TICKS_PER_SECOND,
  };
}

function procStat(pid: number): ProcStat | null {
  try {
    return parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) of one process; null where there is no /proc or it has ended. */
export function processCpuSeconds(pid: number): number | null {
  return procStat(pid)?.cpuSeconds ?? null;
}

/** What treeCpuSeconds reads: /proc, or a table of processes in a test. */
export interface ProcessTable {
  stat: (pid: number) => ProcStat | null;
  children: (pid: number) => number[];
}

const LIVE: ProcessTable = { stat: procStat, children: childPids };

/**
 * CPU seconds of a process and every descendant, live or ended: a child's time moves into its
 * parent's cutime when it is waited for, so the sum stays whole while processes come and go.
 *
 * A child reaped while its parent's subtree is read would fall between the two readings (gone from
 * the children, not yet in the cutime read before), and with it all the CPU it ever used: a
 * download's backend, which exits as the download ends, went missing from the export's split that
 * way (5 s of PostgreSQL's counted as "the rest of the machine"). So the parent is read again after
 * its children, and the subtree read again when its cutime moved in between.
 */
export function treeCpuSeconds(pid: number, table: ProcessTable = LIVE): number {
  for (let attempt = 0; ; attempt += 1) {
    const before = table.stat(pid);
    if (!before) return 0;
    const children = table.children(pid).reduce((sum, child) => sum + treeCpuSeconds(child, table), 0);
    const after = table.stat(pid);
    if (!after) return 0;
    // After three tries (a parent that reaps all the time), a child may be counted twice rather
    // than not at all.
    if (after.reapedChildrenSeconds === before.reapedChildrenSeconds || attempt === 2)
      return after.cpuSeconds + after.reapedChildrenSeconds + children;
  }
}

/** The parent of a process (a PostgreSQL backend's is the postmaster), or null. */
export function parentPid(pid: number): number | null {
  return procStat(pid)?.ppid ?? null;
}

/** Busy and idle milliseconds of a machine's CPUs since boot, summed over them (os.cpus()'s times). */
export function sumCpuTimes(cpus: readonly Pick<os.CpuInfo, 'times'>[]): { busyMs: number; idleMs: number } {
  return cpus.reduce(
    (acc, { times: t }) => ({ busyMs: acc.busyMs + t.user + t.nice + t.sys + t.irq, idleMs: acc.idleMs + t.idle }),
    { busyMs: 0, idleMs: 0 },
  );
}

/**
 * CPU seconds of this process's children that ended and were waited for (a command run by
 * execFile is, once it has exited); null where there is no /proc.
 */
export function endedChildrenCpuSeconds(): number | null {
  return procStat(process.pid)?.reapedChildrenSeconds ?? null;
}

/** CPU seconds (user + system) of this process, all its threads. */
export function ownCpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

interface CpuSnapshot {
  at: bigint;
  server: number;
  postgres: number;
  client: number;
  machine: number;
}

/** Who used the CPUs between two snapshots, in seconds. */
export interface CpuSplit {
  wallSeconds: number;
  /** The app server (scripts/serve.mjs and its children). */
  serverSeconds: number;
  /** The postmaster and every process it started: backends, parallel workers, autovacuum, checkpointer. */
  postgresSeconds: number;
  /** This process: the benchmark's own client, which reads and counts what it downloads. */
  clientSeconds: number;
  /** The rest of the machine. */
  otherSeconds: number;
}

/** Starts a measurement of the CPU the server, PostgreSQL, this process and the rest use until `stop()`. */
export function measureCpu(serverPid: number, postmasterPid: number): { stop: () => CpuSplit } {
  const snapshot = (): CpuSnapshot => {
    return {
      at: process.hrtime.bigint(),
      server: treeCpuSeconds(serverPid),
      postgres: treeCpuSeconds(postmasterPid),
      client: ownCpuSeconds(),
      machine: sumCpuTimes(os.cpus()).busyMs / 1000,
    };
  };
  const before = snapshot();
  return {
    stop: () => {
      const after = snapshot();
      const round = (n: number) => Math.round(n * 100) / 100;
      const server = after.server - before.server;
      const postgres = after.postgres - before.postgres;
      const client = after.client - before.client;
      return {
        wallSeconds: round(Number(after.at - before.at) / 1e9),
        serverSeconds: round(server),
        postgresSeconds: round(postgres),
        clientSeconds: round(client),
        // Ticks and microseconds round differently: a few hundredths below zero mean nothing else ran.
        otherSeconds: round(Math.max(0, after.machine - before.machine - server - postgres - client)),
      };
    },
  };
}
