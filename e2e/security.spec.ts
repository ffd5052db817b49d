import { expect, test } from '@playwright/test';

const PATHS = ['/', '/api/health', '/api/observations?partner=DEU&flow=export&from=2020&to=2020', '/api/sources', '/no-such-page', '/api/observations?partner=bad'];

for (const path of PATHS) {
  test(`security headers on ${path}`, async ({ request }) => {
    const response = await request.get(path);
    const headers = response.headers();
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['permissions-policy']).toContain('camera=()');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-powered-by']).toBeUndefined();
  });
}

test('bad input never leaks a stack trace or SQL', async ({ request }) => {
  for (const qs of ["partner=DEU'%20OR%201=1--", 'from=99999999999999999999', 'flow=%00', 'source=' + 'x'.repeat(5000), 'partner=%E0%A4%A']) {
    const response = await request.get(`/api/observations?${qs}`);
    expect(response.status(), qs).toBe(400);
    const text = await response.text();
    expect(text, qs).not.toMatch(/at .*\.(ts|js):\d+|SELECT|FROM observation|postgres/i);
  }
});
