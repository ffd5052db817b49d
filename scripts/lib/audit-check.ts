// The checks behind `npm run audit` (scripts/audit.ts), apart so that they can be tested.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/**
 * Oldest release with every published security fix known when this was written (2026-11-23).
 * next 16.3.3: the August 2026 release (GHSA-2xp9-vwfh-vxw4, image optimisation RCE; GHSA-p293-qw3h-jr36,
 * CVE-2026-75604) after 16.2.11 (July 2026), 16.2.6 (May 2026: proxy bypasses, DoS, SSRF) and
 * 16.0.10/16.0.11/16.1.5 (React Server Components CVE-2025-66478, CVE-2025-55184/55183/67779,
 * CVE-2026-23864). react/react-dom 19.2.8: CVE-2026-44907 (July 2026) after 19.2.4 (CVE-2026-23864)
 * and 19.2.3 (CVE-2025-55182/55184/55183/67779); the affected code is in react-server-dom-*,
 * which Next.js bundles, so next's own version matters most. Sources: docs/reliability.md.
 */
export const MINIMUM_PATCHED: Record<string, string> = {
  next: '16.3.3',
  react: '19.2.8',
  'react-dom': '19.2.8',
};

const BLOCKING = new Set(['high', 'critical']);

export interface AuditReport {
  vulnerabilities?: Record<string, { name: string; severity: string; range?: string; via?: unknown[] }>;
  metadata?: { vulnerabilities?: Record<string, number> };
  error?: { code?: string; summary?: string };
  message?: string;
  statusCode?: number;
}

/** -1, 0 or 1 for plain x.y.z versions (pre-release tags count as older than the release). */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const [core = '', pre] = v.split('-', 2);
    return { parts: core.split('.').map((n) => Number.parseInt(n, 10) || 0), pre: pre !== undefined };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i += 1) {
    const d = (x.parts[i] ?? 0) - (y.parts[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return x.pre === y.pre ? 0 : x.pre ? -1 : 1;
}

function installedVersion(name: string): string | null {
  try {
    return (
      JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }
    ).version;
  } catch {
    return null;
  }
}

/** The fallback: installed framework versions against MINIMUM_PATCHED. Returns the failures. */
export function checkMinimumVersions(installed: (name: string) => string | null = installedVersion): string[] {
  const failures: string[] = [];
  for (const [name, minimum] of Object.entries(MINIMUM_PATCHED)) {
    const version = installed(name);
    if (version === null) failures.push(`${name} is not installed`);
    else if (compareVersions(version, minimum) < 0)
      failures.push(`${name} ${version} is older than ${minimum}, the oldest release with all known security fixes`);
    else console.log(`  ✔ ${name} ${version} (>= ${minimum})`);
  }
  return failures;
}

/** The packages of an `npm audit --json` report with a high or critical advisory, or null when it is no report. */
export function blockingAdvisories(
  report: AuditReport | null,
): { name: string; severity: string; range?: string }[] | null {
  if (!report?.metadata?.vulnerabilities) return null;
  return Object.values(report.vulnerabilities ?? {}).filter((v) => BLOCKING.has(v.severity));
}

export interface ShippedPackage {
  name: string;
  version: string;
  /** The registry's deprecation notice, as npm recorded it in the lock file at install time. */
  deprecated?: string;
}

interface LockFile {
  packages?: Record<string, { version?: string; dev?: boolean; devOptional?: boolean; deprecated?: string }>;
}

/**
 * Every package the app ships (the lock file's non-dev entries), once per name and version. Read
 * from the lock file, not asked of the registry one by one.
 */
export function shippedPackages(lock: LockFile = readLockFile()): ShippedPackage[] {
  const seen = new Map<string, ShippedPackage>();
  for (const [key, entry] of Object.entries(lock.packages ?? {})) {
    if (!key.startsWith('node_modules/') || entry.dev || entry.devOptional || !entry.version) continue;
    const name = key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const pkg: ShippedPackage = { name, version: entry.version };
    if (entry.deprecated) pkg.deprecated = entry.deprecated;
    seen.set(`${name}@${entry.version}`, pkg);
  }
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function readLockFile(): LockFile {
  return JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as LockFile;
}
