import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutraliseFormula, restoreNeutralised } from './spreadsheet-safe';

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
