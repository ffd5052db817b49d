// The revision history as the page and the API read it, after the importer replaced values with
// a newer vintage of the same workbook.
import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '@/lib/import/import-file';
import { sql as appSql } from '@/lib/sql';
import { connectTestDatabase } from '@/lib/testing/database';
import { UZBEKISTAN_DOTS, writeDotsWorkbook, type DotsWorkbook } from '@/lib/testing/import-fixtures';
import { countObservationRevisions, getObservationDetail, getObservationRevisions } from './observation-revisions';

const sql = connectTestDatabase();
const SOURCE = `test_revisions_${process.pid}`;
const dir = mkdtempSync(path.join(os.tmpdir(), 'revisions-'));

/** The workbook with Uzbekistan's 2020 exports to Kazakhstan set to `value`. */
async function vintage(name: string, value: number | string): Promise<string> {
  const spec: DotsWorkbook = structuredClone(UZBEKISTAN_DOTS);
  const kaz = spec.sheets['Exports, FOB']?.partners.find(([n]) => n === 'Kazakhstan, Rep. of');
  if (kaz) kaz[3] = value;
  const file = path.join(dir, name, 'DOTS_927.xlsx');
  mkdirSync(path.dirname(file), { recursive: true });
  await writeDotsWorkbook(file, spec);
  return file;
}

let exportId = '';
let unrevisedId = '';

beforeAll(async () => {
  await importFile(sql, await vintage('v1', 1_000.25), { sourceId: SOURCE, vintage: '2021-06' });
  await importFile(sql, await vintage('v2', 1_010.75), { sourceId: SOURCE, vintage: '2022-01' });
  await importFile(sql, await vintage('v3', '1012.5 e'), { sourceId: SOURCE, vintage: '2022-08' });
  const rows = await sql<{ id: string; partner_code: string; indicator_code: string }[]>`
    SELECT id::text, partner_code, indicator_code FROM observation
    WHERE source_id = ${SOURCE} AND year = 2020 AND indicator_code = 'export' AND partner_code IN ('KAZ', 'CHN')`;
  exportId = rows.find((r) => r.partner_code === 'KAZ')?.id ?? '';
  unrevisedId = rows.find((r) => r.partner_code === 'CHN')?.id ?? '';
}, 60_000);

afterAll(async () => {
  await sql.end();
  await appSql.end();
});

describe('observation revisions', () => {
  it('lists the replaced values newest first, each with what replaced it, its vintages and its import', async () => {
    const revisions = await getObservationRevisions(exportId);
    expect(
      revisions?.map((r) => [r.old_value, r.old_flag, r.new_value, r.new_flag, r.old_vintage, r.new_vintage]),
    ).toEqual([
      ['1010.75', '', '1012.5', 'e', '2022-01', '2022-08'],
      ['1000.25', '', '1010.75', '', '2021-06', '2022-01'],
    ]);
    expect(
      revisions?.every((r) => r.import_batch?.file_name === 'DOTS_927.xlsx' && r.import_batch.format === 'imf-dots'),
    ).toBe(true);
    expect(revisions?.[0]?.import_batch?.id).toBeGreaterThan(revisions?.[1]?.import_batch?.id ?? Infinity);
    expect(revisions?.[0]?.replaced_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  it('gives the observation with its provenance, and an empty history for a value never replaced', async () => {
    const detail = await getObservationDetail(exportId);
    expect(detail).toMatchObject({
      id: exportId,
      source_id: SOURCE,
      reporter_code: 'UZB',
      partner_code: 'KAZ',
      flow: 'export',
      year: 2020,
      period: 'FY',
      value: '1012.5',
      flag: 'e',
      unit: 'USD',
      scale: 6,
      vintage: '2022-08',
      source_publisher: 'International Monetary Fund',
      import_batch: { file_name: 'DOTS_927.xlsx', format: 'imf-dots' },
    });
    expect(detail?.locator).toMatch(/^'Exports, FOB'!/);
    expect(await getObservationRevisions(unrevisedId)).toEqual([]);
  });

  it('answers null for an id without an observation, and counts revisions only where there are some', async () => {
    expect(await getObservationDetail('9223372036854775807')).toBeNull();
    expect(await getObservationRevisions('9223372036854775807')).toBeNull();
    const counts = await countObservationRevisions([exportId, unrevisedId, '9223372036854775807']);
    expect([...counts]).toEqual([[exportId, 2]]);
  });
});
