import { describe, expect, it } from 'vitest';
import {
  blockingAdvisories,
  checkMinimumVersions,
  compareVersions,
  MINIMUM_PATCHED,
  shippedPackages,
} from './audit-check';

describe('npm run audit', () => {
  it('blocks on high and critical advisories only', () => {
    const report = {
      metadata: { vulnerabilities: { info: 0, low: 1, moderate: 1, high: 1, critical: 1, total: 4 } },
      vulnerabilities: {
        a: { name: 'a', severity: 'low' },
        b: { name: 'b', severity: 'moderate' },
        next: { name: 'next', severity: 'high', range: '<16.3.3' },
        c: { name: 'c', severity: 'critical' },
      },
    };
    expect(blockingAdvisories(report)?.map((v) => v.name)).toEqual(['next', 'c']);
    expect(
      blockingAdvisories({ metadata: { vulnerabilities: { high: 0, critical: 0, total: 0 } }, vulnerabilities: {} }),
    ).toEqual([]);
  });

  it('treats the registry refusing the audit (405) as no report, so the fallback runs', () => {
    expect(
      blockingAdvisories({
        message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
        statusCode: 405,
      }),
    ).toBeNull();
    expect(blockingAdvisories(null)).toBeNull();
  });

  it('compares versions numerically, pre-releases before their release', () => {
    expect(compareVersions('16.4.6', '16.3.3')).toBe(1);
    expect(compareVersions('16.3.10', '16.3.3')).toBe(1);
    expect(compareVersions('16.3.3', '16.3.3')).toBe(0);
    expect(compareVersions('16.3.3-canary.1', '16.3.3')).toBe(-1);
    expect(compareVersions('19.2.7', '19.2.8')).toBe(-1);
  });

  it('fails the fallback for a framework older than its table entry or missing', () => {
    const versions: Record<string, string> = { ...MINIMUM_PATCHED, next: '16.2.11' };
    expect(checkMinimumVersions((name) => versions[name] ?? null)).toEqual([
      expect.stringContaining('next 16.2.11 is older than 16.3.3'),
    ]);
    expect(checkMinimumVersions(() => null)).toHaveLength(Object.keys(MINIMUM_PATCHED).length);
  });

  it('lists every shipped package once, with its deprecation notice, and leaves dev tools out', () => {
    const shipped = shippedPackages({
      packages: {
        '': { version: '0.1.0' },
        'node_modules/next': { version: '16.4.6' },
        'node_modules/@types/node': { version: '20.19.43', dev: true },
        'node_modules/a/node_modules/b': { version: '1.0.0', deprecated: 'use c' },
        'node_modules/b': { version: '1.0.0', deprecated: 'use c' },
        'node_modules/@scope/x': { version: '2.0.0' },
      },
    });
    expect(shipped).toEqual([
      { name: '@scope/x', version: '2.0.0' },
      { name: 'b', version: '1.0.0', deprecated: 'use c' },
      { name: 'next', version: '16.4.6' },
    ]);
    // The real lock file: the app ships next and postgres, not vitest.
    const real = shippedPackages().map((p) => p.name);
    expect(real).toContain('next');
    expect(real).toContain('postgres');
    expect(real).not.toContain('vitest');
  });
});
