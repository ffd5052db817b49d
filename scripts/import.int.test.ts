// The import command as a user runs it: one command per file, a summary, problems with their
// line, exit code 1 and no stack trace for bad input.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectTestDatabase, databaseFingerprint, testDatabaseUrl } from '@/lib/testing/database';
import { comtradeCsv, UZBEKISTAN_DOTS, writeDotsWorkbook } from '@/lib/testing/import-fixtures';

const ROOT = path.resolve(import.meta.dirname, '..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'import-cli-'));
const sql = connectTestDatabase();

afterAll(async () => {
  await sql.end();
});

function runImport(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      path.join(ROOT, 'node_modules', '.bin', 'tsx'),
      ['scripts/import.ts', ...args],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: testDatabaseUrl() } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('npm run import', () => {
  it('imports a workbook with one command and prints the summary; the same file again changes nothing', async () => {
    const file = path.join(dir, 'uzb.xlsx');
    await writeDotsWorkbook(file, UZBEKISTAN_DOTS);
    const first = await runImport([file, '--source-id', 'test_cli_dots', '--vintage', '2021-06']);
    expect(first.stderr).not.toMatch(/\n\s+at /);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(
      'uzb.xlsx [imf-dots]: 41 inserted, 0 updated, 0 unchanged, 0 rejected; 12 turnover rows derived; source test_cli_dots created',
    );
    const again = await runImport([file, '--source-id', 'test_cli_dots', '--vintage', '2021-06']);
    expect(again.stdout).toContain('0 inserted, 0 updated, 41 unchanged, 0 rejected');
  }, 120_000);

  it('refuses a malformed file with its line, exit code 1, no stack trace, nothing written', async () => {
    const bad = path.join(dir, 'bad.csv');
    writeFileSync(
      bad,
      comtradeCsv([
        {
          reporter: ['398', 'KAZ', 'Kazakhstan'],
          partner: ['51', 'ARM', 'Armenia'],
          flow: 'X',
          year: 2021,
          value: 'ten',
        },
      ]),
    );
    const good = path.join(dir, 'good.csv');
    writeFileSync(
      good,
      comtradeCsv([
        {
          reporter: ['398', 'KAZ', 'Kazakhstan'],
          partner: ['51', 'ARM', 'Armenia'],
          flow: 'X',
          year: 2021,
          value: '10',
        },
      ]),
    );
    const before = await databaseFingerprint(sql);
    const result = await runImport([bad, '--source-id', 'test_cli_bad', '--dry-run']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'bad.csv line 2, column primaryValue: found "ten", expected a number in US dollars',
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
    const noSource = await runImport([good]);
    expect(noSource.code).toBe(1);
    expect(noSource.stderr).toContain('pass --source-id');
    expect(await databaseFingerprint(sql)).toBe(before);
  }, 120_000);

  it('explains its options', async () => {
    const help = await runImport(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--format auto|tidy|imf-dots|sdmx-csv|comtrade');
    const wrong = await runImport(['x.csv', '--format', 'xls']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('--format must be one of');
    expect(wrong.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);
});
