// Client components get only CLIENT_NAMESPACES from the provider (lib/i18n/client-namespaces.ts):
// every module a 'use client' file reaches, through its imports, may read only those.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLIENT_NAMESPACES } from '@/lib/i18n/client-namespaces';

const root = path.resolve(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'generated' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

/** The project files a module imports (relative and `@/` specifiers). */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const [, spec] of text.matchAll(/^\s*import\s+(?!type\b)[^'"]*?['"]([^'"]+)['"]/gm)) {
    if (!spec) continue;
    const base = spec.startsWith('@/')
      ? path.join(root, spec.slice(2))
      : spec.startsWith('.')
        ? path.resolve(path.dirname(file), spec)
        : null;
    if (!base) continue;
    const hit = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find(
      (f) => existsSync(f) && statSync(f).isFile(),
    );
    if (hit) found.push(hit);
  }
  return found;
}

function clientModules(): Set<string> {
  const files = ['app', 'components', 'lib'].flatMap((d) => sourceFiles(path.join(root, d)));
  const queue = files.filter((f) => /^['"]use client['"]/m.test(readFileSync(f, 'utf8')));
  const seen = new Set(queue);
  while (queue.length > 0) {
    for (const next of imports(queue.pop() ?? '')) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

describe('client namespaces', () => {
  const modules = clientModules();

  it('finds the client components', () => {
    expect(modules.has(path.join(root, 'components/layout/site-search.tsx'))).toBe(true);
  });

  it('lists every namespace a client module reads', () => {
    const read = new Map<string, string>();
    for (const file of modules) {
      for (const [, args] of readFileSync(file, 'utf8').matchAll(/useTranslations\(([^)]*)\)/g)) {
        const namespace = /^['"]([^'".]+)/.exec(args ?? '')?.[1] ?? '(the whole catalogue)';
        read.set(`${path.relative(root, file)}: ${namespace}`, namespace);
      }
    }
    const missing = [...read]
      .filter(([, ns]) => !(CLIENT_NAMESPACES as readonly string[]).includes(ns))
      .map(([where]) => where);
    expect(missing).toEqual([]);
    expect(read.size).toBeGreaterThan(10);
  });
});
