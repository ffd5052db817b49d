// npm run import -- <file...> [--format auto|tidy|imf-dots|sdmx-csv|comtrade] [--source-id ID]
//   [--vintage TEXT] [--dry-run] [--skip-invalid] [--no-turnover]
// Imports into DATABASE_URL, or the embedded database. Each file is one transaction; the exit
// code is 1 when any file was refused.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { importFile, ImportOptionsError, type ImportSummary } from '../lib/import/import-file';
import { IMPORT_CONNECTION } from '../lib/import/write-observations';
import { formatProblem, ImportRejectedError } from '../lib/import/problems';
import { IMPORT_FORMATS, type ImportFormat } from '../lib/import/reader';
import { readFirstLine } from '../lib/import/detect-format';
import { importSeriesBreaks, isSeriesBreakHeader } from '../lib/import/series-breaks';
import { openDatabase } from './lib/database';
import { applyMigrations } from './lib/migrations';
import { createProgressBar } from './lib/progress-bar';
import { runMain, UserError } from './lib/user-error';

const FORMATS = ['auto', ...IMPORT_FORMATS] as const;
const USAGE = `Usage: npm run import -- <file...> [options]

  --format auto|${IMPORT_FORMATS.join('|')}   default auto (detected from the file)
  --source-id ID     source of every row; required for imf-dots, sdmx-csv and comtrade files
                     (a new id creates the source from the file's metadata)
  --vintage TEXT     release of the data (e.g. "2025-04"), kept with replaced values
  --dry-run          read, check and count, write nothing
  --skip-invalid     import the valid rows and list the others, instead of refusing the file
  --no-turnover      do not derive turnover (export + import) for files that have both sides

A CSV with the header of prisma/data/reference/series_breaks.csv adds or corrects known breaks
in the official series (by key).

Formats and examples: docs/import.md.`;

const n = (count: number) => count.toLocaleString('en');
const plural = (count: number, word: string) => `${n(count)} ${word}${count === 1 ? '' : 's'}`;

function summaryLine(s: ImportSummary, seconds: number): string {
  const parts = [
    `${n(s.inserted)} inserted`,
    `${n(s.updated)} updated`,
    `${n(s.unchanged)} unchanged`,
    `${n(s.rejected)} rejected`,
  ];
  const extra = [
    s.derived > 0 ? `${plural(s.derived, 'turnover row')} derived` : '',
    s.revised > 0 ? `${plural(s.revised, 'old value')} kept as revisions` : '',
    s.sourceCreated ? `source ${s.sourceId} created` : '',
  ].filter(Boolean);
  return (
    `${path.basename(s.file)} [${s.format}]${s.dryRun ? ' (dry run, nothing written)' : ''}: ${parts.join(', ')}` +
    `${extra.length > 0 ? `; ${extra.join('; ')}` : ''} (${seconds.toFixed(1)} s)`
  );
}

runMain(async () => {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'auto' },
        'source-id': { type: 'string' },
        vintage: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        'skip-invalid': { type: 'boolean', default: false },
        'no-turnover': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new UserError(`${(error as Error).message}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (positionals.length === 0) throw new UserError(USAGE);
  const format = values.format ?? 'auto';
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UserError(`--format must be one of: ${FORMATS.join(', ')}`);
  for (const file of positionals) {
    if (!existsSync(file)) throw new UserError(`${file}: no such file`);
    if (!statSync(file).isFile()) throw new UserError(`${file}: not a file`);
  }

  const db = await openDatabase();
  const sql = postgres(db.url, { max: 1, onnotice: () => {}, connection: { ...IMPORT_CONNECTION } });
  const totals = { inserted: 0, updated: 0, unchanged: 0, rejected: 0 };
  let failed = 0;
  try {
    await applyMigrations(db.url);
    for (const file of positionals) {
      const started = Date.now();
      if (format === 'auto' && isSeriesBreakHeader(await readFirstLine(file))) {
        try {
          const b = await importSeriesBreaks(sql, file);
          console.log(`${path.basename(file)} [series breaks]: ${b.changed} new or changed of ${b.rows} breaks`);
        } catch (error) {
          if (!(error instanceof ImportRejectedError)) throw error;
          failed += 1;
          console.error(`✖ ${error.message}`);
          for (const p of error.problems) console.error(`  ${formatProblem(file, p)}`);
        }
        continue;
      }
      const bar = createProgressBar();
      try {
        const s = await importFile(sql, file, {
          format: format as ImportFormat | 'auto',
          sourceId: values['source-id'],
          vintage: values.vintage,
          dryRun: values['dry-run'],
          skipInvalid: values['skip-invalid'],
          deriveTurnover: !values['no-turnover'],
          onProgress: (p) => bar.update(p),
        });
        bar.done();
        console.log(summaryLine(s, (Date.now() - started) / 1000));
        for (const notice of s.notices) console.log(`  note: ${notice}`);
        for (const p of s.problems) console.log(`  skipped: ${formatProblem(file, p)}`);
        totals.inserted += s.inserted;
        totals.updated += s.updated;
        totals.unchanged += s.unchanged;
        totals.rejected += s.rejected;
      } catch (error) {
        bar.done();
        if (error instanceof ImportRejectedError) {
          failed += 1;
          console.error(`✖ ${error.message}`);
          for (const p of error.problems) console.error(`  ${formatProblem(file, p)}`);
          if (error.totalProblems > error.problems.length)
            console.error(`  ... and ${error.totalProblems - error.problems.length} more`);
        } else if (error instanceof ImportOptionsError) {
          failed += 1;
          console.error(`✖ ${error.message}`);
        } else {
          throw error;
        }
      }
    }
  } finally {
    // With a timeout: after the server closed the connection during a COPY, sql.end() waited for
    // something postgres.js left pending, with nothing else left to run, so Node exited with code
    // 0 and no message (the reliability test's "database stopped mid-import").
    await sql.end({ timeout: 5 });
    await db.stop();
  }
  if (positionals.length > 1) {
    console.log(
      `total: ${n(totals.inserted)} inserted, ${n(totals.updated)} updated, ${n(totals.unchanged)} unchanged, ` +
        `${n(totals.rejected)} rejected; ${positionals.length - failed} of ${positionals.length} files imported`,
    );
  }
  if (failed > 0) process.exit(1);
});
