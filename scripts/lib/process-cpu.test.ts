import { describe, expect, it } from 'vitest';
import { parseMachineBusySeconds, parseProcStat } from './process-cpu';

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

describe('parseMachineBusySeconds', () => {
  it('adds user, nice, system, irq, softirq and steal of the "cpu" line, leaving idle and iowait out', () => {
    const text = ['cpu  1000 200 300 90000 4000 5 60 7 0 0', 'cpu0 500 100 150 45000 2000 2 30 3 0 0', 'intr 1'].join(
      '\n',
    );
    expect(parseMachineBusySeconds(text)).toBeCloseTo((1000 + 200 + 300 + 5 + 60 + 7) / 100, 10);
  });

  it('refuses a text without the "cpu" line', () => {
    expect(() => parseMachineBusySeconds('cpu0 1 2 3 4\n')).toThrow('no "cpu" line');
  });
});
