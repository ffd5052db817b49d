// COPY (query) TO STDOUT takes no bind parameters: PostgreSQL plans the inner query when COPY
// runs, with no parameter values ("there is no parameter $1"), and postgres.js sends COPY over the
// simple protocol anyway. To stream a query built from the parameterised fragments of a query
// module as COPY, its bound values are written into the text as literals, quoted by node-postgres'
// escapeLiteral and cast to the type PostgreSQL inferred for each parameter, so the statement means
// exactly what the parameterised one means.
import 'server-only';
import { escapeLiteral } from 'pg';
import type postgres from 'postgres';
import { sql } from '@/lib/sql';

/** The type names of the parameter types seen so far (format_type of pg_type.oid); types do not change at run time. */
const typeNames = new Map<number, string>();

async function namesOf(oids: readonly number[]): Promise<void> {
  const missing = [...new Set(oids)].filter((oid) => !typeNames.has(oid));
  if (missing.length === 0) return;
  const rows = await sql<
    { oid: number; name: string }[]
  >`SELECT oid::int AS oid, format_type(oid, NULL) AS name FROM pg_type WHERE oid = ANY(${missing})`;
  for (const row of rows) typeNames.set(row.oid, row.name);
}

/** One bound value as SQL text of the given type; only the kinds the query modules bind. */
function literal(value: unknown, type: string): string {
  if (value === null) return `NULL::${type}`;
  if (typeof value === 'string') return `${escapeLiteral(value)}::${type}`;
  if (typeof value === 'number' && Number.isFinite(value)) return `${escapeLiteral(String(value))}::${type}`;
  if (typeof value === 'boolean') return `${value ? 'TRUE' : 'FALSE'}::${type}`;
  if (
    Array.isArray(value) &&
    value.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))
  ) {
    return `ARRAY[${value.map((v) => escapeLiteral(String(v))).join(', ')}]::${type}`;
  }
  throw new Error(`inlineParameters: cannot write a ${typeof value} as an SQL literal`);
}

/**
 * The text of a query built with postgres.js tagged templates, with every `$n` replaced by its
 * value as a typed literal. postgres.js describes the statement (one round trip: PostgreSQL
 * parses it and says the type of each parameter); the values are those postgres.js collected
 * while building the text. The query itself is not run.
 */
export async function inlineParameters(query: postgres.PendingQuery<postgres.Row[]>): Promise<string> {
  const statement = await query.describe();
  // Set by postgres.js while it builds the statement; not in its type declarations.
  const parameters = (query as unknown as { parameters?: unknown[] }).parameters ?? [];
  const types = statement.types as number[];
  if (types.length !== parameters.length || types.some((t) => !t))
    throw new Error('inlineParameters: PostgreSQL did not type every parameter');
  await namesOf(types);
  const literals = parameters.map((value, i) => {
    const name = typeNames.get(types[i] ?? 0);
    if (!name) throw new Error(`inlineParameters: unknown type ${types[i]}`);
    return literal(value, name);
  });
  const used = new Set<number>();
  // One pass over the statement as postgres.js wrote it, so a `$2` inside an inlined value is never replaced again.
  const text = statement.string.replace(/\$(\d+)/g, (placeholder: string, digits: string) => {
    const index = Number(digits) - 1;
    const value = literals[index];
    if (value === undefined) throw new Error(`inlineParameters: ${placeholder} has no value`);
    used.add(index);
    return value;
  });
  if (used.size !== literals.length) throw new Error('inlineParameters: a parameter was not found in the statement');
  return text;
}
