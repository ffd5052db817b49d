import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { comtradeCsv, writeText, type ComtradeRow } from '@/lib/testing/import-fixtures';
import { readWith } from '@/lib/testing/reference-data';
import { ComtradeReader } from './comtrade-reader';

const dir = mkdtempSync(path.join(os.tmpdir(), 'comtrade-reader-'));
const KAZ: ComtradeRow['reporter'] = ['398', 'KAZ', 'Kazakhstan'];
const ROWS: ComtradeRow[] = [
  { reporter: KAZ, partner: ['0', 'W00', 'World'], flow: 'X', year: 2023, value: '78666430251.5' },
  { reporter: KAZ, partner: ['384', 'CIV', "Côte d'Ivoire"], flow: 'M', year: 2023, value: '1234567' },
  { reporter: KAZ, partner: ['842', 'USA', 'USA'], flow: 'X', year: 2023, month: 3, value: '98765.43' },
];
const read = (name: string, rows: ComtradeRow[], encoding: 'utf-8' | 'latin1' = 'utf-8') =>
  readWith((ctx) => new ComtradeReader(ctx), writeText(path.join(dir, name), comtradeCsv(rows), encoding));

describe('ComtradeReader', () => {
  it.each(['utf-8', 'latin1'] as const)('reads a Comtrade+ download in %s', async (encoding) => {
    const { rows, problems, reader } = await read(`kaz-${encoding}.csv`, ROWS, encoding);
    expect(problems.problems).toEqual([]);
    expect(
      rows.map((r) => [r.reporterCode, r.partnerCode, r.indicatorCode, r.year, r.period, r.value, r.unit, r.scale]),
    ).toEqual([
      ['KAZ', 'AGG_WORLD', 'export', 2023, 'FY', '78666430251.5', 'USD', 0],
      ['KAZ', 'CIV', 'import', 2023, 'FY', '1234567', 'USD', 0],
      ['KAZ', 'USA', 'export', 2023, '2023-03', '98765.43', 'USD', 0],
    ]);
    expect(rows[1]?.note).toBe(`CIF; UN Comtrade primaryValue, flow M; kaz-${encoding}.csv`);
    expect(reader.sourceMetadata?.().note).toContain(encoding === 'utf-8' ? 'UTF-8' : 'Latin-1');
  });

  it('names an unknown partner as the file writes it, in either encoding', async () => {
    for (const encoding of ['utf-8', 'latin1'] as const) {
      const { problems } = await read(
        `unknown-${encoding}.csv`,
        [{ reporter: KAZ, partner: ['999', 'ZZY', "Côte d'Azur"], flow: 'X', year: 2023, value: '1' }],
        encoding,
      );
      expect(problems.problems[0]).toMatchObject({
        line: 2,
        column: 'partnerISO',
        found: "Côte d'Azur, ISO ZZY, code 999",
      });
    }
  });

  it('reports re-exports and commodity rows instead of adding them to the totals', async () => {
    const { rows, problems } = await read('breakdown.csv', [
      { reporter: KAZ, partner: ['156', 'CHN', 'China'], flow: 'RX', year: 2023, value: '5' },
      { reporter: KAZ, partner: ['156', 'CHN', 'China'], flow: 'X', year: 2023, value: '5', cmdCode: '27' },
    ]);
    expect(rows).toEqual([]);
    expect(problems.problems).toEqual([
      expect.objectContaining({ line: 2, column: 'flowCode', found: 'RX (Re-export)' }),
      expect.objectContaining({ line: 3, column: 'cmdCode', found: '27' }),
    ]);
  });
});
