// Pages stay thin (docs/architecture.md): await, parse, load, compose. A page that grows past this
// is doing a component's or a loader's work.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const MAX_PAGE_LINES = 100;

describe('pages', () => {
  it(`are at most ${MAX_PAGE_LINES} lines each`, () => {
    const pages = readdirSync(path.join(root, 'app'), { recursive: true, encoding: 'utf8' })
      .filter((file) => path.basename(file) === 'page.tsx')
      .map((file) => path.join('app', file));
    expect(pages.length).toBeGreaterThan(10);
    const long = pages
      .map((file) => ({ file, lines: readFileSync(path.join(root, file), 'utf8').split('\n').length }))
      .filter((page) => page.lines > MAX_PAGE_LINES);
    expect(long).toEqual([]);
  });
});
