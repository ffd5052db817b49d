// One name per screen (docs/architecture.md): the screen at /partners is the partner list, the one
// at /data the data screen, in routes, folders, components, tests and docs. Their old names
// (scorecard, explorer) came back with every branch written before the rename; this keeps them out.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const OLD_NAMES = /scorecard|explorer(?!s\b)/i;

/** Where an old name is right: words analysts type into the search box, and other products' names. */
const ALLOWED: { file: string; line: RegExp }[] = [
  { file: 'lib/search/search-items.ts', line: /names: \[.*'(Scorecard|Explorer)'/ },
  { file: 'lib/import/sdmx-csv-reader.ts', line: /data-explorer\.oecd\.org/ },
  { file: 'docs/architecture.md', line: /retired names \(scorecard, explorer\)/ },
];

const tracked = () =>
  execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter((file) => /^(app|components|lib|e2e|scripts|docs)\/|^README\.md$/.test(file))
    .filter((file) => /\.(ts|tsx|js|mjs|md|css)$/.test(file) && !file.startsWith('lib/generated/'));

describe('screen names', () => {
  it('are the routes’ names everywhere: no file is named scorecard or explorer', () => {
    const files = tracked();
    expect(files.length).toBeGreaterThan(100);
    expect(files.filter((file) => OLD_NAMES.test(file) && file !== 'scripts/screen-names.test.ts')).toEqual([]);
  });

  it('no code or doc calls a screen scorecard or explorer', () => {
    const found: string[] = [];
    for (const file of tracked()) {
      if (file === 'scripts/screen-names.test.ts') continue;
      readFileSync(path.join(root, file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (!OLD_NAMES.test(line)) return;
          if (ALLOWED.some((a) => a.file === file && a.line.test(line))) return;
          found.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });
});
