// The README and docs/ must stay true where a machine can tell: every link to a file or heading of
// the project resolves, every `npm run <script>` they name exists, and the README stays short.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const docs = ['README.md', ...readdirSync(path.join(root, 'docs')).map((f) => `docs/${f}`)].filter((f) =>
  f.endsWith('.md'),
);
const text = (file: string) => readFileSync(path.join(root, file), 'utf8');
const scripts = Object.keys((JSON.parse(text('package.json')) as { scripts: Record<string, string> }).scripts);

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\- ]/gu, '')
    .replace(/ /g, '-');

function anchors(file: string): Set<string> {
  const headings = text(file)
    .split('\n')
    .filter((line) => /^#{1,6} /.test(line))
    .map((line) => slug(line.replace(/^#+ /, '').replace(/`/g, '')));
  return new Set(headings);
}

describe('README and docs/', () => {
  it('link only to files and headings that exist', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const file of docs) {
      // Links outside code spans and fences.
      const prose = text(file)
        .replace(/```[\s\S]*?```/g, '')
        .replace(/`[^`]*`/g, '');
      for (const [, target] of prose.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (!target || /^(https?:|mailto:)/.test(target)) continue;
        checked += 1;
        const [ref = '', hash] = target.split('#');
        const resolved = ref === '' ? file : path.normalize(path.join(path.dirname(file), ref));
        if (!existsSync(path.join(root, resolved))) broken.push(`${file}: ${target} (no such file)`);
        else if (hash && resolved.endsWith('.md') && !anchors(resolved).has(hash))
          broken.push(`${file}: ${target} (no such heading)`);
      }
    }
    expect(broken).toEqual([]);
    // The README's map alone has a dozen: a pattern that matched nothing would pass vacuously.
    expect(checked).toBeGreaterThan(12);
  });

  it('name only npm scripts that exist', () => {
    const missing = docs.flatMap((file) =>
      [...text(file).matchAll(/npm run ([a-z][\w:-]*)/g)]
        .map((m) => m[1] ?? '')
        .filter((name) => !scripts.includes(name))
        .map((name) => `${file}: npm run ${name}`),
    );
    expect(missing).toEqual([]);
  });

  it('keep the README to what a newcomer needs first', () => {
    expect(text('README.md').split('\n').length).toBeLessThanOrEqual(250);
    for (const section of ['## Run it', '## Configuration', '## Documentation'])
      expect(text('README.md')).toContain(section);
  });
});
