// The layer rules in eslint.config.js (docs/architecture.md) are only worth having if they fail:
// each case lints a small file placed in a layer and expects the rule's message, or none.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root });
// The cycle rule reads imported files from disk, and these examples exist only as text.
const layersOnly = new ESLint({ cwd: root, overrideConfig: { rules: { 'import/no-cycle': 'off' } } });

async function problems(file: string, text: string): Promise<string[]> {
  const [result] = await layersOnly.lintText(text, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layer boundaries', () => {
  it('refuses a component that queries the database', async () => {
    const found = await problems(
      'components/overview/example.tsx',
      "import { getOverview } from '@/lib/queries/overview';\nexport const x = getOverview;\n",
    );
    expect(found).toEqual([expect.stringContaining('Components get their data from the page')]);
  });

  it('lets a component name the type of the data it is given', async () => {
    const found = await problems(
      'components/overview/example.tsx',
      "import type { OverviewData } from '@/lib/loaders/overview';\nexport type X = OverviewData;\n",
    );
    expect(found).toEqual([]);
  });

  it('refuses a query that imports shaping or a component', async () => {
    expect(
      await problems(
        'lib/queries/example.ts',
        "import { honestPeak } from '@/lib/charts/series-breaks';\nexport const x = honestPeak;\n",
      ),
    ).toEqual([expect.stringContaining('Queries read and return plain rows')]);
    expect(
      await problems(
        'lib/queries/example.ts',
        "import { SourceCredit } from '@/components/provenance/source-credit';\nexport const x = SourceCredit;\n",
      ),
    ).toEqual([expect.stringContaining('Queries read and return plain rows')]);
  });

  it('keeps the importer and the exports apart, sharing lib/tidy', async () => {
    expect(
      await problems(
        'lib/export/example.ts',
        "import { parseTidyRow } from '@/lib/import/tidy-row';\nexport const x = parseTidyRow;\n",
      ),
    ).toEqual([expect.stringContaining('share the tidy layout through lib/tidy')]);
    expect(
      await problems('lib/export/example.ts', "import { FLAGS } from '@/lib/tidy/flags';\nexport const x = FLAGS;\n"),
    ).toEqual([]);
  });

  it('keeps shaping and URL vocabulary pure', async () => {
    expect(
      await problems('lib/charts/example.ts', "import { sql } from '@/lib/sql';\nexport const x = sql;\n"),
    ).toEqual([expect.stringContaining('Shaping, formats and constants sit below every layer')]);
    expect(
      await problems(
        'lib/search-params/example.ts',
        "import { honestPeak } from '@/lib/charts/series-breaks';\nexport const x = honestPeak;\n",
      ),
    ).toEqual([expect.stringContaining('URL vocabulary sits below every layer')]);
  });
});

describe('import cycles', () => {
  // Two real files that import each other: the cycle rule must resolve them on disk.
  const dir = mkdtempSync(path.join(root, 'lib', 'lint-cycle-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses two modules that import each other', async () => {
    const a = path.join(dir, 'a.ts');
    const b = path.join(dir, 'b.ts');
    writeFileSync(a, "import { b } from './b';\nexport const a = () => b;\n");
    writeFileSync(b, "import { a } from './a';\nexport const b = () => a;\n");
    const [result] = await eslint.lintFiles([a]);
    const cycles = (result?.messages ?? []).filter((m) => m.ruleId === 'import/no-cycle');
    expect(cycles).toHaveLength(1);
  });
});
