// npm run import -- <file...> [--format auto|tidy] [--source-id ID] [--dry-run] [--skip-invalid]
// Imports into DATABASE_URL, or the embedded database. Each file is one transaction.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { ImportRejectedError, importTidyCsv } from '../lib/import/tidy-import';
import { openDatabase } from './lib/database';
import { applyMigrations } from './lib/migrations';
import { runMain, UserError } from './lib/user-error';

const FORMATS = ['auto', 'tidy'] as const;
const USAGE = 'Usage: npm run import -- <file...> [--format auto|tidy] [--source-id ID] [--dry-run] [--skip-invalid]';

runMain(async () => {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'auto' },
        'source-id': { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        'skip-invalid': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new UserError(`${(error as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) throw new UserError(USAGE);
  if (!(FORMATS as readonly string[]).includes(values.format ?? '')) {
    throw new UserError(`--format must be one of: ${FORMATS.join(', ')} (other formats are not supported yet)`);
  }
  for (const file of positionals) if (!existsSync(file)) throw new UserError(`${file}: no such file`);

  const db = await openDatabase();
  const sql = postgres(db.url, { max: 1, onnotice: () => {} });
  let failed = 0;
  try {
    await applyMigrations(db.url);
    for (const file of positionals) {
      const started = Date.now();
      try {
        const s = await importTidyCsv(sql, file, {
          sourceId: values['source-id'],
          dryRun: values['dry-run'],
          skipInvalid: values['skip-invalid'],
          onProgress: (rows, bytes, total) => {
            const rate = rows / Math.max((Date.now() - started) / 1000, 0.001);
            const eta = bytes > 0 ? ((Date.now() - started) / 1000) * (total / bytes - 1) : 0;
            process.stderr.write(`\r  ${rows.toLocaleString('en')} rows, ${Math.round(rate).toLocaleString('en')} rows/s, ${Math.round((100 * bytes) / total)} %, ETA ${eta.toFixed(0)} s   `);
          },
        });
        process.stderr.write('\n');
        console.log(`${path.basename(file)}${s.dryRun ? ' (dry run, nothing written)' : ''}: ${s.inserted} inserted, ${s.updated} updated, ${s.unchanged} unchanged, ${s.rejected} rejected (${((Date.now() - started) / 1000).toFixed(1)} s)`);
        for (const p of s.problems) console.log(`  line ${p.line}, ${p.column}: found ${JSON.stringify(p.found)}, expected ${p.expected}`);
      } catch (error) {
        if (!(error instanceof ImportRejectedError)) throw error;
        failed += 1;
        process.stderr.write('\n');
        console.error(`✖ ${error.message}`);
        for (const p of error.problems) console.error(`  ${path.basename(file)} line ${p.line}, ${p.column}: found ${JSON.stringify(p.found)}, expected ${p.expected}`);
        if (error.totalProblems > error.problems.length) console.error(`  ... and ${error.totalProblems - error.problems.length} more`);
      }
    }
  } finally {
    await sql.end();
    await db.stop();
  }
  if (failed > 0) process.exit(1);
});
