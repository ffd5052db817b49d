import { expect, test, type APIResponse } from '@playwright/test';

// Every kind of answer the app gives: pages, API, exports, errors, static files.
const PAGES = [
  '/',
  '/partners',
  '/partners/DEU',
  '/compare?partners=DEU,FRA',
  '/data?partner=DEU',
  '/sources',
  '/consistency',
];
const API = ['/api/health', '/api/observations?partner=DEU&flow=export&from=2020&to=2020', '/api/sources'];
const EXPORTS = [
  '/api/observations?partner=CHN&flow=export&from=2018&to=2020&format=csv',
  '/api/observations?partner=CHN&flow=export&from=2018&to=2020&format=xlsx',
  '/api/export/partners?format=csv',
  '/api/export/compare?partners=DEU,FRA',
];
const ERRORS = [
  '/no-such-page',
  '/partners/ZZZ',
  '/api/no-such-route',
  '/api/observations?partner=bad',
  '/partners/%E0%A4%A',
];
const STATIC = ['/favicon.svg', '/favicon.ico'];

function expectSecurityHeaders(response: APIResponse, what: string) {
  const headers = response.headers();
  const csp = headers['content-security-policy'] ?? '';
  expect(csp, what).toContain("default-src 'self'");
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).toContain("object-src 'none'");
  expect(csp, what).toContain("base-uri 'self'");
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['referrer-policy'], what).toBe('strict-origin-when-cross-origin');
  expect(headers['permissions-policy'], what).toContain('camera=()');
  expect(headers['x-frame-options'], what).toBe('DENY');
  expect(headers['cross-origin-opener-policy'], what).toBe('same-origin');
  expect(headers['cross-origin-resource-policy'], what).toBe('same-origin');
  expect(headers['x-powered-by'], what).toBeUndefined();
}

/** The script-src directive of a response's policy. */
const scriptSrc = (response: APIResponse) =>
  /script-src ([^;]*)/.exec(response.headers()['content-security-policy'] ?? '')?.[1] ?? '';

test('security headers on every kind of answer', async ({ request }) => {
  const page = await request.get('/');
  const chunk = /<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/.exec(await page.text())?.[1];
  expect(chunk, 'a script chunk of the overview').toBeTruthy();
  for (const path of [...PAGES, ...API, ...EXPORTS, ...ERRORS, ...STATIC, chunk ?? '']) {
    const response = await request.get(path);
    expect(response.status(), path).toBeLessThan(500);
    expectSecurityHeaders(response, path);
  }
});

test('pages allow only their own nonce-carrying scripts', async ({ request }) => {
  const nonces = new Set<string>();
  for (const path of PAGES) {
    const response = await request.get(path);
    const src = scriptSrc(response);
    const nonce = /'nonce-([^']+)'/.exec(src)?.[1];
    expect(nonce, path).toBeTruthy();
    expect(src, path).toContain("'strict-dynamic'");
    // With a nonce, browsers ignore 'unsafe-inline'; it must not be there to be relied on.
    expect(src, path).not.toContain("'unsafe-inline'");
    expect(src, path).not.toContain("'unsafe-eval'");
    const scripts = [...(await response.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
    nonces.add(nonce ?? '');
  }
  expect(nonces.size, 'a fresh nonce per request').toBe(PAGES.length);
});

test('the browser runs the app under the policy: no violation, and the page is interactive', async ({ page }) => {
  // It loads every page until the network is idle: more than the default 30 s on a busy machine.
  test.setTimeout(120_000);
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy|violates/i.test(message.text())) violations.push(message.text());
  });
  // A blocked attempt the code catches itself (a library probing whether eval works) prints
  // nothing, but still fires securitypolicyviolation, and Lighthouse counts it as an issue.
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportViolation: (text: string) => void }).reportViolation;
      report(
        `${location.pathname}: ${event.violatedDirective} ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  for (const path of PAGES) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
  }
  await page.goto('/data?partner=DEU');
  await page.getByRole('link', { name: 'Partners', exact: true }).click();
  await expect(page).toHaveURL(/\/partners$/);
  await page.goto('/no-such-page');
  expect(violations).toEqual([]);
});

test('nothing writes over HTTP: every other method gets 405', async ({ request }) => {
  for (const path of [
    '/',
    '/partners/DEU',
    '/data',
    '/api/observations?partner=DEU',
    '/api/sources',
    '/api/export/partners',
    '/api/health',
  ]) {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const response = await request.fetch(path, { method, data: method === 'DELETE' ? undefined : { value: 1 } });
      expect(response.status(), `${method} ${path}`).toBe(405);
      expect(response.headers().allow ?? '', `${method} ${path}`).toMatch(/GET/);
    }
  }
  // Methods Next.js itself cannot refuse cleanly (TRACE broke its request handling; any method on
  // a static file looked for a /405 page): answered before Next.js, with the security headers,
  // on pages, the API, static files and unknown paths alike.
  const page = await request.get('/');
  const chunk = /src="(\/_next\/static\/[^"]+\.js)"/.exec(await page.text())?.[1];
  expect(chunk).toBeTruthy();
  for (const path of ['/', '/api/health', chunk!, '/favicon.svg', '/no-such-page']) {
    for (const method of ['TRACE', 'OPTIONS', 'PROPFIND', 'TRACK', 'POST']) {
      const response = await request.fetch(path, { method });
      const headers = response.headers();
      expect(response.status(), `${method} ${path}`).toBe(405);
      expect(headers.allow, `${method} ${path}`).toBe('GET, HEAD');
      expect(headers['x-content-type-options'], `${method} ${path}`).toBe('nosniff');
      expect(headers['x-frame-options'], `${method} ${path}`).toBe('DENY');
      expect(headers['content-security-policy'], `${method} ${path}`).toContain("frame-ancestors 'none'");
    }
  }
  // A server action call (the RSC endpoint for mutations) is refused before React decodes it.
  const action = await request.post('/', {
    headers: { 'Next-Action': 'x', 'Content-Type': 'text/plain;charset=UTF-8' },
    data: '[]',
  });
  expect(action.status()).toBe(405);
});

test('bad input never leaks a stack trace or SQL', async ({ request }) => {
  for (const qs of [
    "partner=DEU'%20OR%201=1--",
    'from=99999999999999999999',
    'flow=%00',
    'source=' + 'x'.repeat(5000),
    'partner=%E0%A4%A',
  ]) {
    const response = await request.get(`/api/observations?${qs}`);
    expect(response.status(), qs).toBe(400);
    const text = await response.text();
    expect(text, qs).not.toMatch(/at .*\.(ts|js):\d+|SELECT|FROM observation|postgres/i);
  }
  const malformed = await request.get('/partners/%E0%A4%A');
  expect(malformed.status()).toBe(400);
  expect(await malformed.text()).toContain('malformed');
});

test('the image optimizer is off: the app shows no images, and /_next/image must not fetch its pages', async ({
  request,
}) => {
  const response = await request.get('/_next/image?url=%2Fapi%2Fobservations&w=64&q=75');
  expect(response.status()).toBe(404);
});

test('HSTS only over HTTPS', async ({ request }) => {
  for (const path of ['/', '/sources', '/api/sources']) {
    expect((await request.get(path)).headers()['strict-transport-security'], path).toBeUndefined();
    const secure = await request.get(path, { headers: { 'x-forwarded-proto': 'https' } });
    expect(secure.headers()['strict-transport-security'], path).toMatch(/max-age=\d{8}/);
  }
});

test("a browser's request for /favicon.ico finds the site icon, not the 404 page", async ({ request }) => {
  const response = await request.get('/favicon.ico');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('image/svg+xml');
  expect(response.url()).toMatch(/\/favicon\.svg$/);
});
