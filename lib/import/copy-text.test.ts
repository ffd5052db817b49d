import { describe, expect, it } from 'vitest';
import { copyLine } from './copy-text';

describe('copyLine', () => {
  it('escapes the characters COPY text format reserves and writes nulls as \\N', () => {
    expect(copyLine(['a\tb', 'c\nd', 'back\\slash', null, 3, true])).toBe(
      'a\\tb\tc\\nd\tback\\\\slash\t\\N\t3\ttrue\n',
    );
  });
  it('keeps an empty string distinct from null', () => {
    expect(copyLine(['', null])).toBe('\t\\N\n');
  });
});
