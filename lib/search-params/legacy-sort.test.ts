import { describe, expect, it } from 'vitest';
import { legacySortRedirect } from './legacy-sort';

const redirect = (path: string) => legacySortRedirect(new URL(path, 'http://localhost:3000'))?.toString() ?? null;

describe('legacySortRedirect', () => {
  it('sends the overview’s sort=x&dir=y to sort=x:y, other parameters kept', () => {
    expect(redirect('/?sort=share&dir=desc')).toBe('http://localhost:3000/?sort=share:desc');
    expect(redirect('/?year=2020&sort=name&dir=asc&eu=members')).toBe(
      'http://localhost:3000/?year=2020&sort=name:asc&eu=members',
    );
    expect(redirect('/?dir=asc')).toBe('http://localhost:3000/?sort=turnover:asc');
  });

  it('does the same on /compare, with its default key', () => {
    expect(redirect('/compare?partners=DEU,FRA&sort=growth&dir=asc')).toBe(
      'http://localhost:3000/compare?partners=DEU,FRA&sort=growth:asc',
    );
    expect(redirect('/compare?dir=asc')).toBe('http://localhost:3000/compare?sort=last:asc');
  });

  it('leaves URLs in today’s grammar, and other screens, alone', () => {
    expect(redirect('/?sort=share:desc')).toBeNull();
    expect(redirect('/compare?sort=growth')).toBeNull();
    expect(redirect('/partners?sort=share&dir=desc')).toBeNull();
    expect(redirect('/data?dir=asc')).toBeNull();
  });
});
