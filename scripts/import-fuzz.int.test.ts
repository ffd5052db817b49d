// Import fuzz, short form: 100 mutated files per format through importFile (see
// scripts/lib/import-fuzz.ts for the mutations and the property). The long form runs more in
// `npm run test:reliability -- --long`.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectTestDatabase } from '@/lib/testing/database';
import { FUZZ_FORMATS, importTablesChecksum, removeFuzzData, runImportFuzz } from './lib/import-fuzz';

const RUNS_PER_FORMAT = 100;
const sql = connectTestDatabase();
const dir = mkdtempSync(path.join(os.tmpdir(), 'import-fuzz-'));

afterAll(async () => {
  await removeFuzzData(sql);
  // An import the fuzz caught hanging still holds its connection: close it rather than wait.
  await sql.end({ timeout: 5 });
  rmSync(dir, { recursive: true, force: true });
});

describe('import fuzz', () => {
  it(`refuses clearly or imports safely, ${RUNS_PER_FORMAT} mutated files per format`, async () => {
    // A fixed seed: the same files every run, so the test cannot pass one day and fail the next by
    // chance (the long form in scripts/reliability.ts draws new ones each time).
    const stats = await runImportFuzz(sql, { dir, runsPerFormat: RUNS_PER_FORMAT, seed: 20261204 });
    console.log(`import fuzz: ${JSON.stringify(stats)}`);
    expect(stats.runs).toBe(RUNS_PER_FORMAT * FUZZ_FORMATS.length);
    // The mutations must exercise both outcomes, or the property proves less than it claims.
    expect(stats.refused).toBeGreaterThan(0);
    expect(stats.imported).toBeGreaterThan(0);
    expect(stats.formulaPayloadsChecked).toBeGreaterThan(0);
  }, 600_000);

  it('leaves no trace once its own rows are removed', async () => {
    await removeFuzzData(sql);
    const before = await importTablesChecksum(sql);
    await runImportFuzz(sql, { dir, runsPerFormat: 5, seed: 42 });
    await removeFuzzData(sql);
    expect(await importTablesChecksum(sql)).toBe(before);
  }, 120_000);
});
