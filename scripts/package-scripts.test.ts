// Every npm script runs a file that exists: a script left pointing at a removed file (db:reset did)
// fails only when someone runs it.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const scripts = (
  JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
).scripts;

describe('npm scripts', () => {
  it('run files that exist', () => {
    const files = Object.entries(scripts).flatMap(([name, command]) =>
      [...command.matchAll(/(?:^|\s)((?:scripts|lib)\/\S+\.(?:ts|mjs|js))/g)].map((m) => ({ name, file: m[1]! })),
    );
    expect(files.length).toBeGreaterThan(10);
    expect(files.filter(({ file }) => !existsSync(path.join(root, file)))).toEqual([]);
  });
});
