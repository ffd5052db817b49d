// Client components get only CLIENT_NAMESPACES from the provider (lib/i18n/client-namespaces.ts):
// every module a 'use client' file reaches, through its imports, may read only those. Nor may any
// of them import a catalogue words module (lib/i18n/*-texts.ts: every language's words, made at
// load, so the bundler cannot drop them) or zod: both went into the browser's first-load
// JavaScript through URL parsers (issue 18: at most 200 KB gzipped per page).
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

/** What a module imports or re-exports at run time (`import type` and `export type` are erased). */
function specifiers(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s+(?!type\b)(?:[^'"]*?\bfrom\s*)?['"]([^'"]+)['"]/gm)].flatMap(
    ([, spec]) => (spec ? [spec] : []),
  );
}

/** The project files a module imports (relative and `@/` specifiers). */
function imports(file: string): string[] {
  const found: string[] = [];
  for (const spec of specifiers(file)) {
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

  /** The catalogue words modules and zod that `file` imports itself. */
  const forbidden = (file: string) => [
    ...imports(file)
      .map((f) => path.relative(root, f))
      .filter((f) => /^lib\/i18n\/[a-z-]+-texts\.ts$/.test(f)),
    ...specifiers(file).filter((spec) => /^zod(?:\/|$)/.test(spec)),
  ];

  it('recognizes a words module and zod where the server imports them', () => {
    expect(forbidden(path.join(root, 'lib/search-params/overview-parse.ts'))).toContain('lib/i18n/overview-texts.ts');
    expect(forbidden(path.join(root, 'lib/validations/observations.ts'))).toContain('zod');
  });

  it('keeps catalogue words modules and zod out of the browser', () => {
    const found = [...modules].flatMap((file) =>
      forbidden(file).map((what) => `${path.relative(root, file)} imports ${what}`),
    );
    expect(found).toEqual([]);
  });
});
