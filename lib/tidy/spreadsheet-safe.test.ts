import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NEEDS_PREFIX, NEEDS_PREFIX_FIRST, neutraliseFormula, restoreNeutralised } from './spreadsheet-safe';

describe('neutraliseFormula', () => {
  it.each(['=SUM(A1)', '+1', '-2+3', '@cmd', '\tx', '\rx'])('prefixes %j', (text) => {
    expect(neutraliseFormula(text)).toBe(`'${text}`);
  });
  it('leaves ordinary text alone', () => {
    expect(neutraliseFormula('Germany')).toBe('Germany');
    expect(neutraliseFormula("'quoted")).toBe("'quoted");
    expect(restoreNeutralised(neutraliseFormula("'=x"))).toBe("'=x");
  });
  it('is undone by restoreNeutralised for any text', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^'{0,3}[=+@a-z-]?.{0,5}$/),
        (text) => restoreNeutralised(neutraliseFormula(text)) === text,
      ),
    );
  });
  it('never leaves a formula start after neutralising', () => {
    fc.assert(fc.property(fc.string(), (text) => !/^[=+\-@\t\r]/.test(neutraliseFormula(text))));
  });
});

describe('NEEDS_PREFIX_FIRST', () => {
  it('holds the first character of every text NEEDS_PREFIX matches', () => {
    const first = new Set<string>(NEEDS_PREFIX_FIRST);
    // Any first character (every code point of the Basic Multilingual Plane and a few beyond), with and without a formula after it.
    for (let code = 0; code <= 0x10ffff; code += code < 0xffff ? 1 : 0x1001) {
      const c = String.fromCodePoint(code);
      for (const rest of ['', 'x', '=', "'=", '-1'])
        if (NEEDS_PREFIX.test(c + rest)) expect(first.has(c), `${JSON.stringify(c + rest)}`).toBe(true);
    }
  });
  it('holds nothing NEEDS_PREFIX cannot start with', () => {
    for (const c of NEEDS_PREFIX_FIRST) expect(NEEDS_PREFIX.test(`${c}=`)).toBe(true);
  });
});
