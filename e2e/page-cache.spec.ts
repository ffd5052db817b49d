// The page cache (lib/page-cache.ts, proxy.ts): a stored page is served with a fresh nonce each
// time, an import shows up within a second or two, and only successful pages are stored.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type APIResponse } from '@playwright/test';
import postgres from 'postgres';
import { imfSdmx20, writeText } from '../lib/testing/import-fixtures';
import { rawGet } from './fixtures/raw-get';

const ROOT = path.resolve(import.meta.dirname, '..');

/** The nonce of a response's policy; the test fails at once when there is none. */
function policyNonce(response: APIResponse): string {
  const nonce = /'nonce-([^']+)'/.exec(response.headers()['content-security-policy'] ?? '')?.[1];
  expect(nonce, response.url()).toBeTruthy();
  return nonce ?? '';
}

test('a stored page comes back with a fresh nonce, in its policy and on every script, and is otherwise the same', async ({
  request,
}) => {
  const url = '/compare?to=2020&partners=DEU,FRA&from=2010';
  // The third is the same page with the comma escaped, as Next.js writes the URL into the page.
  const answers = [
    await request.get(url),
    await request.get(url),
    await request.get('/compare?to=2020&partners=DEU%2CFRA&from=2010'),
  ];
  const nonces = answers.map(policyNonce);
  expect(new Set(nonces).size, 'one nonce per response').toBe(3);
  // The second and third come from the cache.
  expect(answers.slice(1).map((a) => a.headers()['x-page-cache'])).toEqual(['hit', 'hit']);

  const bodies = await Promise.all(answers.map((a) => a.text()));
  bodies.forEach((body, i) => {
    const nonce = nonces[i] ?? '';
    const scripts = [...body.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    // No other response's nonce and no trace of the placeholder is left in it.
    for (const other of nonces.filter((n) => n !== nonce)) expect(body).not.toContain(other);
    expect(body.match(/nonce="[^"]*"/g)?.every((n) => n === `nonce="${nonce}"`)).toBe(true);
  });
  const normalised = bodies.map((body, i) => body.replaceAll(nonces[i] ?? '', 'NONCE'));
  expect(normalised[1]).toBe(normalised[0]);
  expect(normalised[2]).toBe(normalised[0]);

  for (const answer of answers) {
    expect(answer.status()).toBe(200);
    expect(answer.headers()['content-type']).toContain('text/html');
    expect(answer.headers()['x-frame-options']).toBe('DENY');
  }
});

test('a stored page has the headers of the render it came from, gzipped when asked', async ({ baseURL }) => {
  // Stored pages are answered before Next.js (scripts/serve.mjs); the first request of each
  // address is rendered through Next.js, whose headers are the reference. An embed has others.
  // The cache lives as long as the server, across spec files: addresses no other test asks for.
  for (const address of [
    '/compare?partners=CHN,KGZ&from=2011&to=2019',
    '/kk/embed/compare?partners=CHN,KGZ&from=2011&to=2019',
  ]) {
    const url = new URL(address, baseURL).toString();
    const rendered = await rawGet(url, {});
    const plain = await rawGet(url, {});
    const gzipped = await rawGet(url, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect([rendered, plain, gzipped].map((a) => a.headers['x-page-cache'])).toEqual(['miss', 'hit', 'hit']);
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(plain.headers['content-encoding']).toBeUndefined();

    const nonceOf = (answer: { headers: http.IncomingHttpHeaders }) =>
      /'nonce-([^']+)'/.exec(String(answer.headers['content-security-policy']))?.[1] ?? 'none';
    // Per response: the nonce, the length, the transfer and the date; the rest must be the same.
    const comparable = (answer: { headers: http.IncomingHttpHeaders }) =>
      Object.fromEntries(
        Object.entries(answer.headers)
          .filter(
            ([name]) =>
              !/^(date|connection|keep-alive|transfer-encoding|content-length|content-encoding|x-page-cache)$/.test(
                name,
              ),
          )
          .map(([name, value]) => [name, String(value).replaceAll(nonceOf(answer), 'NONCE')]),
      );
    expect(comparable(plain)).toEqual(comparable(rendered));
    expect(comparable(gzipped)).toEqual(comparable(rendered));
    // No header carries the placeholder the page was rendered with (64 hex digits; a fresh nonce
    // is base64): Next.js's Link preload header, when it sends one, had it.
    for (const answer of [rendered, plain, gzipped])
      for (const value of Object.values(answer.headers)) expect(String(value)).not.toMatch(/nonce="?[0-9a-f]{64}\b/);

    // The gzipped body is the page with its own nonce on every script, and otherwise the same.
    const html = gunzipSync(gzipped.body).toString('utf8');
    expect(html.match(/nonce="[^"]*"/g)?.every((n) => n === `nonce="${nonceOf(gzipped)}"`)).toBe(true);
    expect(html.replaceAll(nonceOf(gzipped), 'NONCE')).toBe(
      plain.body.toString('utf8').replaceAll(nonceOf(plain), 'NONCE'),
    );
  }
});

test('an address that is not in its normal form is not answered with another stored page', async ({ baseURL }) => {
  const home = new URL('/', baseURL).toString();
  await rawGet(home, {});
  expect((await rawGet(home, {})).headers['x-page-cache']).toBe('hit');
  // Read as a URL, `//partners` is the host `partners` with the path `/`: the overview, stored.
  // It is the partner list's address with a doubled slash, which Next.js sends to the single one.
  const doubled = await rawGet(home, {}, '//partners');
  expect(doubled.status).toBe(308);
  expect(doubled.headers.location).toMatch(/^(http:\/\/[^/]+)?\/partners$/);
});

test('the browser runs a page served from the cache under its policy', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy|violates/i.test(message.text())) violations.push(message.text());
  });
  await page.goto('/partners');
  const second = await page.goto('/partners');
  expect(second?.headers()['x-page-cache']).toBe('hit');
  // A client-side navigation (an RSC request, never answered from the cache) keeps the document:
  // the marker set on this window survives. A cached HTML answer would force a full page load.
  await page.evaluate(() => Object.assign(window, { pageCacheMarker: 1 }));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sources' }).click();
  await expect(page).toHaveURL(/\/sources$/);
  await expect(page.getByTestId('source').first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { pageCacheMarker?: number }).pageCacheMarker)).toBe(1);
  expect(violations).toEqual([]);
});

test('error pages, not-found pages, API routes and RSC requests are never stored', async ({ request }) => {
  for (const url of ['/no-such-page', '/partners/ZZZ', '/observations/abc']) {
    for (let i = 0; i < 2; i += 1) {
      const response = await request.get(url);
      expect(response.status(), url).toBe(404);
      expect(response.headers()['x-page-cache'], url).not.toBe('hit');
    }
  }
  for (const url of ['/api/sources', '/api/health', '/api/observations?partner=DEU&flow=export&from=2020&to=2020']) {
    await request.get(url);
    const response = await request.get(url);
    expect(response.status(), url).toBe(200);
    expect(response.headers()['x-page-cache'], url).toBeUndefined();
  }
  for (const rsc of [
    await request.get('/partners', { headers: { RSC: '1' } }),
    await request.get('/partners?_rsc=1a2b3', { headers: { RSC: '1' } }),
  ]) {
    expect(rsc.headers()['x-page-cache']).toBeUndefined();
    expect(rsc.headers()['content-type']).toContain('text/x-component');
  }
  // A forged render header is ignored: the answer carries a real nonce, and comes from the cache.
  const forged = await request.get('/partners', { headers: { 'x-page-cache-render': 'guess' } });
  expect(forged.headers()['x-page-cache']).toBe('hit');
  expect(await forged.text()).toContain(`nonce="${policyNonce(forged)}"`);
});

test('an import changes the served page within two seconds', async ({ request }) => {
  test.setTimeout(120_000);
  const sourceId = `e2e_page_cache_${Date.now()}`;
  await request.get('/sources');
  const before = await request.get('/sources');
  expect(before.headers()['x-page-cache']).toBe('hit');
  expect(await before.text()).not.toContain(sourceId);

  const dir = mkdtempSync(path.join(os.tmpdir(), 'e2e-page-cache-'));
  const file = writeText(
    path.join(dir, 'imf_page_cache.csv'),
    imfSdmx20([{ reporter: 'KAZ', partner: 'MNG', indicator: 'XG_FOB_USD', period: '2019', value: '12.5' }]),
  );
  const code = await new Promise<number>((resolve) => {
    execFile(
      path.join(ROOT, 'node_modules', '.bin', 'tsx'),
      ['scripts/import.ts', file, '--source-id', sourceId],
      { cwd: ROOT, env: process.env },
      (error) => resolve(error ? Number(error.code ?? 1) : 0),
    );
  });
  expect(code).toBe(0);

  // The dataset version is read at most once a second, so the new page is due within two seconds.
  // The request context's connection sat idle through the import and the server may have closed
  // it (Node's keep-alive timeout is 5 s): a reset is one more attempt, not a failure.
  await expect
    .poll(
      async () => {
        try {
          return (await (await request.get('/sources')).text()).includes(sourceId);
        } catch (error) {
          if (String(error).includes('ECONNRESET')) return false;
          throw error;
        }
      },
      { timeout: 2_500, intervals: [100] },
    )
    .toBe(true);
});

test('a parameter the page does not read sends the page to its address without it', async ({ request }) => {
  for (const [url, target] of [
    ['/?cb=1', '/'],
    ['/?cb=2&year=2020', '/?year=2020'],
    ['/data?partner=DEU&cb=3', '/data?partner=DEU'],
    ['/partners/DEU?utm_source=mail', '/partners/DEU'],
  ] as const) {
    const response = await request.get(url, { maxRedirects: 0 });
    expect(response.status(), url).toBe(308);
    expect(
      new URL(response.headers().location ?? '', 'http://x').pathname +
        new URL(response.headers().location ?? '', 'http://x').search,
      url,
    ).toBe(target);
  }
  // Unique junk on every request: one rendering of the page, then the cache.
  await request.get('/compare?partners=DEU,FRA');
  for (let i = 0; i < 3; i += 1) {
    const response = await request.get(`/compare?partners=DEU,FRA&cb=${Date.now()}-${i}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['x-page-cache']).toBe('hit');
  }
  // RSC requests and the API keep their parameters (the API refuses unknown ones itself).
  expect((await request.get('/api/observations?cb=1', { maxRedirects: 0 })).status()).toBe(400);
});

test('a page whose query fails is a 503 with a message, never a 200 skeleton, and is not stored', async ({
  request,
}) => {
  test.setTimeout(60_000);
  const sql = postgres(process.env.DATABASE_URL ?? '', { max: 1, onnotice: () => {} });
  // A value float8 cannot hold, written past the importer (which refuses it): the profile's
  // comparison with Germany's own statistics casts the IMF rows to float8 and fails. (The overview
  // reads the official series, a float8 table refreshed only by imports.)
  const bumpVersion = () =>
    sql`INSERT INTO import_batch (file_name, format, sha256, status) VALUES ('e2e-failed-render', 'tidy', '', 'SUCCEEDED')`;
  const [row] = await sql<{ id: string; value: string }[]>`
    SELECT id::text, value::text FROM observation
    WHERE source_id = 'imf_dots_2022_via_SamLeBlanc' AND reporter_code = 'DEU' AND partner_code = 'KAZ' AND indicator_code = 'export'
      AND period = 'FY' AND series_key = ''
    ORDER BY year DESC LIMIT 1`;
  expect(row).toBeTruthy();
  // The profile fails before it sends anything (a 500 from Next.js); /consistency streams behind
  // its loading boundary, so its 200 had gone out when the check failed, and only the error Next.js
  // reported for the render (instrumentation.ts) tells the page cache.
  const pages = ['/partners/DEU', '/consistency'];
  try {
    await sql`UPDATE observation SET value = '1e400' WHERE id = ${row!.id}`;
    await bumpVersion();
    for (const page of pages) {
      await expect
        .poll(async () => (await request.get(page)).status(), { timeout: 10_000, intervals: [200], message: page })
        .toBe(503);
      const failed = await request.get(page);
      expect(failed.status(), page).toBe(503);
      expect(await failed.text()).toContain('could not be loaded');
      expect(failed.headers()['retry-after']).toBeTruthy();
    }
  } finally {
    await sql`UPDATE observation SET value = ${row!.value} WHERE id = ${row!.id}`;
    await bumpVersion();
  }
  for (const page of pages) {
    await expect
      .poll(async () => (await request.get(page)).status(), { timeout: 10_000, intervals: [200], message: page })
      .toBe(200);
  }
  await sql`DELETE FROM import_batch WHERE file_name = 'e2e-failed-render'`;
  await sql.end();
});
