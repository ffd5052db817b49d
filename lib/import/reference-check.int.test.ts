// The foreign keys checked as sets (lib/import/write-observations.ts): every referenced value is
// looked up, a missing one is reported at its row, and the referenced rows are locked as the
// per-row triggers would lock them.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { connectTestDatabase, testDatabaseUrl } from '@/lib/testing/database';
import { observationRow } from '@/lib/testing/observation-row';
import {
  checkReferences,
  copyChunk,
  createStage,
  mayCheckReferencesBySet,
  stageChunks,
  stagedCodes,
  withReferencesChecked,
} from './write-observations';

const sql = connectTestDatabase();
afterAll(async () => {
  await sql.end();
});

/** Stages rows (seq, line, source, reporter, partner, indicator) with the other columns empty. */
async function stage(tx: postgres.TransactionSql, rows: [number, number, string, string, string, string][]) {
  await createStage(tx);
  const copy =
    await tx`COPY stage (seq, line, source_id, reporter_code, partner_code, indicator_code) FROM STDIN`.writable();
  await pipeline(Readable.from([rows.map((r) => `${r.join('\t')}\n`).join('')]), copy);
}

/** The references of the staged rows with seq in [first, last], checked. */
async function check(tx: postgres.TransactionSql, first: number, last: number) {
  return checkReferences(tx, await stagedCodes(tx, first, last));
}

class Rollback extends Error {}
async function inRolledBackTransaction(fn: (tx: postgres.TransactionSql) => Promise<void>): Promise<void> {
  await sql
    .begin(async (tx) => {
      await fn(tx);
      throw new Rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });
}

describe('checkReferences', () => {
  it('finds nothing when every source, partner and indicator exists', async () => {
    await inRolledBackTransaction(async (tx) => {
      await stage(tx, [
        [1, 2, 'imf_dots_2022_via_SamLeBlanc', 'KAZ', 'CHN', 'export'],
        [2, 3, 'imf_dots_2022_via_SamLeBlanc', 'KAZ', 'DEU', 'import'],
      ]);
      expect(await check(tx, 1, 2)).toEqual([]);
    });
  });

  it('reports each missing value once, at the first row of the range that has it', async () => {
    await inRolledBackTransaction(async (tx) => {
      await stage(tx, [
        [1, 2, 'imf_dots_2022_via_SamLeBlanc', 'KAZ', 'CHN', 'export'],
        [2, 3, 'no_such_source', 'KAZ', 'QQQ', 'export'],
        [3, 4, 'imf_dots_2022_via_SamLeBlanc', 'QQQ', 'QQQ', 'exports'],
        [4, 9, 'imf_dots_2022_via_SamLeBlanc', 'KAZ', 'ZZZ', 'export'],
      ]);
      const problems = await check(tx, 1, 3);
      expect(problems.map((p) => [p.line, p.column, p.found])).toEqual([
        [3, 'partner_code', 'QQQ'],
        [3, 'source_id', 'no_such_source'],
        [4, 'indicator_code', 'exports'],
        [4, 'reporter_code', 'QQQ'],
      ]);
      expect(problems[0]?.expected).toBe('a known partner code (none in the partner table now)');
      // Row 4 (seq 4) is outside the range.
      expect((await check(tx, 4, 4)).map((p) => p.found)).toEqual(['ZZZ']);
    });
  });

  it('is given by the staged chunks the same references as the stage table holds', async () => {
    const row = (line: number, sourceId: string, reporterCode: string, partnerCode: string, year: number) =>
      observationRow({
        line,
        sourceId,
        reporterCode,
        partnerCode,
        indicatorCode: line % 2 === 0 ? 'export' : 'import',
        year,
        periodStart: `${year}-01-01`,
        periodEnd: `${year}-12-31`,
        periodKey: `${year}|FY`,
      });
    const rows = [
      row(2, 'imf_dots_2022_via_SamLeBlanc', 'KAZ', 'CHN', 2019),
      row(3, 'imf_dots_2022_via_SamLeBlanc', 'KAZ', 'DEU', 2019),
      row(4, 'no_such_source', 'KAZ', 'QQQ', 2020),
      row(5, 'imf_dots_2022_via_SamLeBlanc', 'QQQ', 'CHN', 2020),
      row(6, 'imf_dots_2022_via_SamLeBlanc', 'KAZ', 'ZZZ', 2021),
    ];
    async function* batches() {
      yield rows.slice(0, 2);
      yield rows.slice(2);
    }
    await inRolledBackTransaction(async (tx) => {
      await createStage(tx);
      // Chunks of 2 rows or more: the first batch, then the other three.
      const chunks = [];
      for await (const chunk of stageChunks(batches(), 2)) {
        await copyChunk(tx, chunk);
        chunks.push(chunk);
      }
      expect(chunks.map((c) => [c.first, c.last])).toEqual([
        [1, 2],
        [3, 5],
      ]);
      const sorted = <T extends { column: string; code: string }>(codes: T[]) =>
        [...codes].sort((a, b) => a.column.localeCompare(b.column) || a.code.localeCompare(b.code));
      for (const chunk of chunks) {
        expect(sorted(chunk.codes)).toEqual(sorted(await stagedCodes(tx, chunk.first, chunk.last)));
        expect((await checkReferences(tx, chunk.codes)).map((p) => [p.line, p.column, p.found])).toEqual(
          (await check(tx, chunk.first, chunk.last)).map((p) => [p.line, p.column, p.found]),
        );
      }
      expect((await checkReferences(tx, chunks[1]?.codes ?? [])).map((p) => [p.line, p.column, p.found])).toEqual([
        [4, 'partner_code', 'QQQ'],
        [4, 'source_id', 'no_such_source'],
        [5, 'reporter_code', 'QQQ'],
        [6, 'partner_code', 'ZZZ'],
      ]);
    });
  });

  it('locks the referenced rows until the import ends, as the per-row checks do', async () => {
    await sql`INSERT INTO partner (code, name, kind) VALUES ('QQA', 'Test partner, locked', 'COUNTRY') ON CONFLICT DO NOTHING`;
    const other = postgres(testDatabaseUrl(), { max: 1, onnotice: () => {} });
    try {
      await inRolledBackTransaction(async (tx) => {
        await stage(tx, [[1, 2, 'imf_dots_2022_via_SamLeBlanc', 'KAZ', 'QQA', 'export']]);
        expect(await check(tx, 1, 1)).toEqual([]);
        // Nothing refers to QQA yet, so only the lock can stop another session deleting it.
        const deleted = await other
          .begin(async (o) => {
            await o`SET LOCAL lock_timeout = '300ms'`;
            await o`DELETE FROM partner WHERE code = 'QQA'`;
          })
          .then(
            () => 'deleted',
            (error: { code?: string }) => error.code,
          );
        expect(deleted).toBe('55P03'); // lock_not_available
      });
    } finally {
      await other.end();
      await sql`DELETE FROM partner WHERE code = 'QQA'`;
    }
  });
});

describe('mayCheckReferencesBySet and withReferencesChecked', () => {
  it('are allowed for the test database owner, and turn the triggers back on afterwards', async () => {
    await inRolledBackTransaction(async (tx) => {
      expect(await mayCheckReferencesBySet(tx)).toBe(true);
      const during = await withReferencesChecked(tx, async () => {
        const [row] = await tx<{ role: string }[]>`SELECT current_setting('session_replication_role') AS role`;
        return row?.role;
      });
      expect(during).toBe('replica');
      const [after] = await tx<{ role: string }[]>`SELECT current_setting('session_replication_role') AS role`;
      expect(after?.role).toBe('origin');
    });
  });

  it('are not used once observation has a trigger of its own, which replica mode would skip', async () => {
    await inRolledBackTransaction(async (tx) => {
      await tx`CREATE FUNCTION pg_temp.noop() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`;
      await tx`CREATE TRIGGER test_noop BEFORE INSERT ON observation FOR EACH ROW EXECUTE FUNCTION pg_temp.noop()`;
      expect(await mayCheckReferencesBySet(tx)).toBe(false);
    });
  });
});
