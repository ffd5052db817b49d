// The palette as the browser sees it: the colors come from app/globals.css (light and dark), the
// dash patterns from chart-theme.ts. Distinctness is judged by culori's CIEDE2000 difference
// under simulated protanopia, deuteranopia and tritanopia (Machado et al. filters), contrast by
// WCAG's ratio (3:1 for graphics, WCAG 2.1 SC 1.4.11).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  converter,
  differenceCiede2000,
  filterDeficiencyDeuter,
  filterDeficiencyProt,
  filterDeficiencyTrit,
  wcagContrast,
  type Rgb,
} from 'culori';
import { describe, expect, it } from 'vitest';
import { CHART_SERIES_STYLES, seriesStyle } from './chart-theme';

const css = readFileSync(path.join(import.meta.dirname, '../../app/globals.css'), 'utf8');

function variables(block: string): Map<string, string> {
  return new Map([...block.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1] ?? '', (m[2] ?? '').trim()]));
}

const light = variables(/:root\s*{([^}]*)}/.exec(css)?.[1] ?? '');
const dark = variables(/prefers-color-scheme:\s*dark\)\s*{\s*:root\s*{([^}]*)}/.exec(css)?.[1] ?? '');
const THEMES = { light, dark };

/** A style's color in a theme: var(--chart-3) → #009e73. */
function resolve(theme: Map<string, string>, color: string): string {
  const name = /var\((--[\w-]+)\)/.exec(color)?.[1];
  const value = name ? theme.get(name) : color;
  if (!value) throw new Error(`${color} is not defined in app/globals.css`);
  return value;
}

const difference = differenceCiede2000();
const toRgb = converter('rgb');
function rgb(color: string): Rgb {
  const parsed = toRgb(color);
  if (!parsed) throw new Error(`${color} is not a color`);
  return parsed;
}
const protanopia = filterDeficiencyProt(1);
const deuteranopia = filterDeficiencyDeuter(1);
const tritanopia = filterDeficiencyTrit(1);
const VISIONS: Record<string, (color: string) => Rgb> = {
  typical: rgb,
  protanopia: (color) => protanopia(rgb(color)),
  deuteranopia: (color) => deuteranopia(rgb(color)),
  tritanopia: (color) => tritanopia(rgb(color)),
};
/**
 * Below these CIEDE2000 differences two thin lines of one pattern are too easily confused. With a
 * colour deficiency some pairs come closer (no six hues avoid it); typical vision asks for more.
 */
const MIN_DIFFERENCE: Record<string, number> = { typical: 14, protanopia: 8, deuteranopia: 8, tritanopia: 8 };

describe('the series palette', () => {
  it('has twelve distinct color and dash pairs, the most /compare takes', () => {
    expect(CHART_SERIES_STYLES).toHaveLength(12);
    const pairs = new Set(CHART_SERIES_STYLES.map((s) => `${s.color}|${s.dash ?? 'solid'}`));
    expect(pairs.size).toBe(12);
    // The 13th wraps, with the same look as the first: /compare never draws one.
    expect(seriesStyle(12)).toEqual(seriesStyle(0));
  });

  for (const [name, theme] of Object.entries(THEMES)) {
    describe(`in the ${name} theme`, () => {
      it('reads every series at 3:1 or more against the card and the page', () => {
        for (const style of CHART_SERIES_STYLES) {
          const color = resolve(theme, style.color);
          for (const background of ['--card', '--background']) {
            const ratio = wcagContrast(color, resolve(theme, `var(${background})`));
            expect(ratio, `${style.color} (${color}) on ${background}`).toBeGreaterThanOrEqual(3);
          }
        }
      });

      it('tells apart every two series drawn with the same pattern, for color-blind readers too', () => {
        const styles = CHART_SERIES_STYLES.map((s, i) => ({
          i,
          dash: s.dash ?? 'solid',
          color: resolve(theme, s.color),
        }));
        for (const a of styles)
          for (const b of styles) {
            if (a.i >= b.i || a.dash !== b.dash) continue;
            for (const [vision, simulate] of Object.entries(VISIONS)) {
              const delta = difference(simulate(a.color), simulate(b.color));
              expect(
                delta,
                `series ${a.i + 1} and ${b.i + 1} (${a.color}, ${b.color}), ${vision}`,
              ).toBeGreaterThanOrEqual(MIN_DIFFERENCE[vision] ?? 14);
            }
          }
      });

      it('keeps a surplus and a deficit apart, for color-blind readers too', () => {
        const surplus = resolve(theme, 'var(--chart-surplus)');
        const deficit = resolve(theme, 'var(--chart-deficit)');
        for (const simulate of Object.values(VISIONS))
          expect(difference(simulate(surplus), simulate(deficit))).toBeGreaterThanOrEqual(20);
        for (const color of [surplus, deficit])
          expect(wcagContrast(color, resolve(theme, 'var(--card)'))).toBeGreaterThanOrEqual(3);
      });
    });
  }
});
