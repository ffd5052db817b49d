// Decimal text helpers. Values travel as text from file to PostgreSQL numeric, so that no digit
// is lost or invented on the way; only binary doubles read from workbooks need rounding.

/** A plain decimal number: optional minus, digits with an optional dot, optional exponent. */
export const DECIMAL = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,3})?$/;

/** A decimal PostgreSQL's numeric takes without complaint (bounded length and exponent). */
export const isDecimal = (text: string) => text.length <= 100 && DECIMAL.test(text);

const stripZeros = (text: string) => (text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text);

/**
 * A binary double (as Excel stores numbers) rounded to `decimals` places, as plain decimal text
 * without trailing zeros: 5926.2680999999984 → "5926.2681", 1.0000000000000001e-5 → "0.00001".
 * toFixed rounds the exact binary value, as Python's round() does, so results match files made
 * with Python.
 */
export function roundDouble(value: number, decimals: number): string {
  const text = stripZeros(value.toFixed(decimals));
  return text === '-0' ? '0' : text;
}

/** The same number in one canonical spelling, for comparisons: "2.6e-05" → "0.000026", "3.0" → "3". */
export function canonicalDecimal(text: string): string {
  const m = /^(-?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!m) return text;
  const [, sign = '', int = '', frac = '', exp = '0'] = m;
  let digits = `${int}${frac}`;
  let point = int.length + Number(exp);
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits = digits.padEnd(point, '0');
  const whole = digits.slice(0, point).replace(/^0+/, '') || '0';
  const decimals = digits.slice(point).replace(/0+$/, '');
  const result = decimals ? `${whole}.${decimals}` : whole;
  return result === '0' ? '0' : `${sign}${result}`;
}
