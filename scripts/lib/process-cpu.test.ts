import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { endedChildrenCpuSeconds, parseProcStat, sumCpuTimes } from './process-cpu';

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
