import { describe, expect, it } from 'vitest';
import { recordRenderFailure, takeRenderFailure } from './render-failures';

describe('render failures', () => {
  it('answers once for a reported render, and no for any other', () => {
    recordRenderFailure('render-a');
    expect(takeRenderFailure('render-b')).toBe(false);
    expect(takeRenderFailure('render-a')).toBe(true);
    expect(takeRenderFailure('render-a')).toBe(false);
  });

  it('keeps at most a thousand unclaimed failures, dropping the oldest', () => {
    for (let i = 0; i < 1_001; i += 1) recordRenderFailure(`render-${i}`);
    expect(takeRenderFailure('render-0')).toBe(false);
    expect(takeRenderFailure('render-1')).toBe(true);
    expect(takeRenderFailure('render-1000')).toBe(true);
  });
});
