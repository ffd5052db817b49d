import { describe, expect, it } from 'vitest';
import { disagreementSentence } from './mirror-text';

describe('disagreementSentence', () => {
  it('says which side records more, and how many times', () => {
    // 2020 exports to the Netherlands: 3,149 as Kazakhstan reports them, 140 as the Netherlands does.
    expect(disagreementSentence(3149, 140, 'Netherlands')).toBe('Kazakhstan’s figure is 22 times Netherlands’.');
    expect(disagreementSentence(100, 1100, 'Germany')).toBe('Germany reports 11 times Kazakhstan’s figure.');
    expect(disagreementSentence(100, 250, 'France')).toBe('France reports 2.5 times Kazakhstan’s figure.');
  });

  it('says when they agree, and when one side records nothing', () => {
    expect(disagreementSentence(105, 100, 'Italy')).toBe('The two agree within 10 %.');
    expect(disagreementSentence(5, 0, 'Malta')).toBe('Malta records none of it.');
    expect(disagreementSentence(0, 5, 'Malta')).toBe('Kazakhstan records none of it.');
  });
});
