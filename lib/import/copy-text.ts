// PostgreSQL COPY text format: tab-separated, \N for null, backslash escapes.
export type CopyValue = string | number | boolean | null;

const escape = (text: string) =>
  text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');

export function copyLine(values: readonly CopyValue[]): string {
  return `${values.map((v) => (v === null ? '\\N' : escape(String(v)))).join('\t')}\n`;
}
