import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { worldGeometry } from './world-geometry';

const reference = (file: string) =>
  parse(readFileSync(path.join(import.meta.dirname, '..', '..', 'prisma', 'data', 'reference', file)), {
    columns: true,
  }) as Record<string, string>[];

describe('worldGeometry', () => {
  const world = worldGeometry();

  it('draws the large partners as outlines and the small states as points', () => {
    const outlined = new Set(world.shapes.map((s) => s.code));
    for (const code of ['KAZ', 'CHN', 'RUS', 'DEU', 'USA', 'XKX']) expect(outlined.has(code), code).toBe(true);
    for (const code of ['SGP', 'MLT', 'BHR', 'HKG', 'LUX'].filter((c) => !outlined.has(c)))
      expect(world.dots.has(code), code).toBe(true);
    expect(outlined.has('ATA')).toBe(false);
  });

  it('matches every shape with an ISO code to a partner the seed loads (so every link opens a profile)', () => {
    const partners = new Set(
      [...reference('partners.csv'), ...reference('iso_3166_1.csv')].map((r) => r.code ?? r.alpha3),
    );
    const codes = [...world.drawable];
    expect(codes.filter((code) => !partners.has(code))).toEqual([]);
  });

  it('leaves only the shapes without a country of their own unmatched', () => {
    expect(
      world.shapes
        .filter((s) => s.code === null)
        .map((s) => s.name)
        .sort(),
    ).toEqual(['N. Cyprus', 'Somaliland']);
  });

  it('fits the drawing to its box', () => {
    expect(world.width).toBe(960);
    expect(world.height).toBeGreaterThan(300);
    expect(world.height).toBeLessThan(500);
  });
});
