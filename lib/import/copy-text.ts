// PostgreSQL COPY text format: tab-separated, \N for null, backslash escapes.
export type CopyValue = string | number | boolean | null;

// Most cells need no escaping: one test is cheaper than four replaces on a million rows.
const SPECIAL = /[\\\t\n\r]/;

export const escapeCopy = (text: string) =>
  SPECIAL.test(text)
    ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : text;

export function copyLine(values: readonly CopyValue[]): string {
  let line = '';
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i] ?? null;
    if (i > 0) line += '\t';
    line += v === null ? '\\N' : typeof v === 'string' ? escapeCopy(v) : String(v);
  }
  return `${line}\n`;
}
