import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  endedChildrenCpuSeconds,
  parseProcStat,
  type ProcessTable,
  type ProcStat,
  sumCpuTimes,
  treeCpuSeconds,
} from './process-cpu';

describe('parseProcStat', () => {
  it('reads utime, stime, cutime and cstime (fields 14-17 of proc(5)) in 1/100 s, whatever the command name holds', () => {
    // Fields 1-17 as proc(5) numbers them: pid, comm, state, ppid, pgrp, session, tty_nr, tpgid,
    // flags, minflt, cminflt, majflt, cmajflt, utime, stime, cutime, cstime; then the rest.
    const line = '4242 (node (serve) x) S 17 4242 4242 0 -1 4194304 98 0 0 0 250 75 1200 30 20 0 1 0';
    expect(parseProcStat(line)).toEqual({
      comm: 'node (serve) x',
      ppid: 17,
      cpuSeconds: 3.25,
      reapedChildrenSeconds: 12.3,
    });
  });
});

describe('sumCpuTimes', () => {
  it('adds user, nice, sys and irq as busy and idle as idle, over every CPU of os.cpus()', () => {
    const cpu = (user: number, nice: number, sys: number, idle: number, irq: number) => ({
      times: { user, nice, sys, idle, irq },
    });
    expect(sumCpuTimes([cpu(1000, 200, 300, 90000, 5), cpu(500, 0, 150, 45000, 2)])).toEqual({
      busyMs: 1000 + 200 + 300 + 5 + 500 + 150 + 2,
      idleMs: 135000,
    });
    expect(sumCpuTimes([])).toEqual({ busyMs: 0, idleMs: 0 });
  });
});

describe('endedChildrenCpuSeconds', () => {
  it('grows by the CPU of a child once it has ended', () => {
    const before = endedChildrenCpuSeconds();
    expect(before).not.toBeNull();
    // A child that keeps a CPU busy for at least 300 ms of its own CPU time (not wall time).
    execFileSync(process.execPath, [
      '-e',
      'const t = process.cpuUsage(); while (process.cpuUsage(t).user < 300000) {}',
    ]);
    expect((endedChildrenCpuSeconds() ?? 0) - (before ?? 0)).toBeGreaterThanOrEqual(0.29);
  });
});

describe('treeCpuSeconds', () => {
  const stat = (cpuSeconds: number, reapedChildrenSeconds: number): ProcStat => ({
    comm: 'postgres',
    ppid: 1,
    cpuSeconds,
    reapedChildrenSeconds,
  });

  /**
   * A parent (pid 1, 2 s of its own) with two live children (2: 3 s, 3: 5 s) and 7 s already in its
   * cutime. `reapAfter` reaps child 3 (moves its 5 s into the parent's cutime) after that many
   * reads of the table: the table as the kernel shows it while the parent waits for a child.
   */
  function table(reapAfter: number): ProcessTable {
    let reads = 0;
    const reaped = () => reads > reapAfter;
    return {
      stat: (pid) => {
        reads += 1;
        if (pid === 1) return stat(2, reaped() ? 12 : 7);
        if (pid === 2) return stat(3, 0);
        return pid === 3 && !reaped() ? stat(5, 0) : null;
      },
      children: (pid) => {
        reads += 1;
        if (pid !== 1) return [];
        return reaped() ? [2] : [2, 3];
      },
    };
  }

  it('sums the process, its reaped children and its live descendants', () => {
    expect(treeCpuSeconds(1, table(Number.POSITIVE_INFINITY))).toBe(2 + 7 + 3 + 5);
  });

  it('counts a child reaped at any moment of the walk exactly once', () => {
    // Reads: parent, its children, child 2, child 2's children, child 3, child 3's children,
    // parent again; a reap after any of them.
    for (let reapAfter = 0; reapAfter <= 8; reapAfter += 1)
      expect(treeCpuSeconds(1, table(reapAfter)), `reaped after read ${reapAfter}`).toBe(2 + 7 + 3 + 5);
  });

  it('is 0 for a process that is not there', () => {
    expect(treeCpuSeconds(4, table(Number.POSITIVE_INFINITY))).toBe(0);
  });
});
