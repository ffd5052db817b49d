// Embeds (/embed/...): one chart alone, for another site's frame. Only these routes may be framed;
// every other page keeps refusing frames. The other site here is a real second origin: a small
// HTTP server on another port of this machine serving a page with the frames (a page the browser
// fulfilled itself would count as public, and Chromium's local-network checks would block a
// frame of 127.0.0.1 from it whatever the headers say).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { test as baseTest } from '@playwright/test';
import { expect, test } from './fixtures/test';

const EMBED = '/embed/compare?partners=AGG_EU,CHN,RUS';
const FULL = '/compare?partners=AGG_EU,CHN,RUS';

let host: http.Server;
let hostOrigin = '';
let framedSrc: { embed: string; full: string } = { embed: '', full: '' };

baseTest.beforeAll(async ({}, testInfo) => {
  const base = String(testInfo.project.use.baseURL);
  framedSrc = { embed: `${base}${EMBED}`, full: `${base}${FULL}` };
  host = http.createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    // Each frame marks itself loaded: a refused frame loads an error page, and fires load too.
    response.end(`<!doctype html><html lang="en"><title>Another site</title><h1>An article</h1>
<iframe id="embed" title="Embedded chart" src="${framedSrc.embed}" width="900" height="880" onload="this.dataset.loaded='1'"></iframe>
<iframe id="full" title="Full view" src="${framedSrc.full}" width="900" height="400" onload="this.dataset.loaded='1'"></iframe>`);
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  // localhost and 127.0.0.1 are different origins (the app is served on 127.0.0.1).
  hostOrigin = `http://localhost:${(host.address() as AddressInfo).port}`;
});

baseTest.afterAll(async () => {
  await new Promise((resolve) => host.close(resolve));
});

// The plain test: the page refusing the second frame logs that refusal as a console error, which
// the fixture would fail on; this test checks the errors itself.
baseTest(
  'an embed renders in a frame on another origin, while the full view refuses to be framed',
  async ({ page }) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${hostOrigin}/`);
    await expect(page.locator('#embed[data-loaded]')).toBeAttached();
    await expect(page.locator('#full[data-loaded]')).toBeAttached();

    const embed = page.frameLocator('#embed');
    await expect(embed.getByRole('heading', { level: 1 })).toHaveText(/^Trade turnover by partner, USD million, /);
    await expect(embed.getByTestId('compare-chart').locator('svg[data-chart-layout="wide"]')).toBeVisible();
    await expect(embed.getByTestId('compare-chart').getByText('European Union').first()).toBeAttached();
    await expect(embed.getByText(/^Sources?:/)).toBeVisible();
    const back = embed.getByTestId('embed-full-view');
    await expect(back).toHaveAttribute('target', '_blank');
    expect(new URL((await back.getAttribute('href')) ?? '', 'http://x').pathname).toBe('/compare');
    // The embed has no site header or navigation of its own.
    await expect(embed.getByRole('navigation', { name: 'Main' })).toHaveCount(0);

    // The full view was refused: its frame holds the browser's error page, not the page.
    expect(page.frames().some((frame) => frame.url() === framedSrc.embed)).toBe(true);
    expect(page.frames().some((frame) => frame.url().startsWith(framedSrc.full))).toBe(false);
    await expect(page.frameLocator('#full').getByRole('heading', { name: 'Compare partners' })).toHaveCount(0);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("frame-ancestors 'none'");
  },
);

test('only the embed routes may be framed', async ({ request }) => {
  const embed = await request.get(EMBED);
  expect(embed.status()).toBe(200);
  expect(embed.headers()['content-security-policy']).toContain('frame-ancestors *');
  expect(embed.headers()['content-security-policy']).not.toContain("frame-ancestors 'none'");
  expect(embed.headers()['x-frame-options']).toBeUndefined();
  // The rest of the policy is the pages' own: a nonce, no inline scripts.
  expect(embed.headers()['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(embed.headers()['x-content-type-options']).toBe('nosniff');

  for (const path of [FULL, '/', '/partners/DEU', '/map', '/embedded', '/api/health']) {
    const response = await request.get(path);
    expect(response.headers()['content-security-policy'], path).toContain("frame-ancestors 'none'");
    expect(response.headers()['x-frame-options'], path).toBe('DENY');
  }
});

test('the page cache serves embeds with a fresh nonce, and sends unread parameters away', async ({ request }) => {
  const path = '/embed/partners/DEU/balance';
  await request.get(path);
  const first = await request.get(path);
  const second = await request.get(path);
  expect([first.headers()['x-page-cache'], second.headers()['x-page-cache']]).toEqual(['hit', 'hit']);
  const nonces = [first, second].map((r) => /'nonce-([^']+)'/.exec(r.headers()['content-security-policy'] ?? '')?.[1]);
  expect(nonces[0]).toBeTruthy();
  expect(nonces[0]).not.toBe(nonces[1]);
  expect(await second.text()).toContain(`nonce="${nonces[1]}"`);
  // Served from the cache, still framable and still without X-Frame-Options.
  expect(second.headers()['content-security-policy']).toContain('frame-ancestors *');
  expect(second.headers()['x-frame-options']).toBeUndefined();

  // The summary table's sort changes nothing on the chart: one cache entry, not one per sort.
  const sorted = await request.get(`${EMBED}&sort=growth:desc&cb=1`, { maxRedirects: 0 });
  expect(sorted.status()).toBe(308);
  expect([...new URL(sorted.headers().location ?? '', 'http://x').searchParams]).toEqual([
    ['partners', 'AGG_EU,CHN,RUS'],
  ]);
  expect((await request.get('/embed/overview/turnover?eu=members', { maxRedirects: 0 })).status()).toBe(308);
});

test('an unknown chart or partner is a 404 that says so; a partner code in another case is redirected', async ({
  request,
}) => {
  for (const path of ['/embed/overview/nothing', '/embed/partners/DEU/nothing', '/embed/partners/ZZZ/trade']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect(await response.text(), path).toContain('No such chart');
  }
  const lower = await request.get('/embed/partners/deu/trade', { maxRedirects: 0 });
  expect(lower.status()).toBe(308);
  expect(lower.headers().location).toMatch(/\/embed\/partners\/DEU\/trade$/);
});

test.describe('the Embed control', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('opens from the keyboard, shows the snippet, copies it and closes with Escape', async ({ page, baseURL }) => {
    await page.goto('/compare');
    const button = page.getByTestId('compare-figure').getByRole('button', { name: /^Embed/ });
    await expect(button).toBeEnabled();
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    const code = page.getByTestId('embed-code');
    await expect(code).toBeVisible();
    const snippet = await code.inputValue();
    // The default view written out in full (the bundled data runs to 2025), the sort left out.
    expect(snippet).toBe(
      `<iframe src="${baseURL}/embed/compare?partners=AGG_EU,CHN,RUS&amp;flow=turnover&amp;from=2000&amp;to=2025&amp;mode=absolute&amp;scale=linear&amp;currency=USD" title="Trade turnover by partner, USD million, 2000–2025" width="100%" height="880" style="border:0;max-width:960px" loading="lazy"></iframe>`,
    );
    await page.keyboard.press('Tab');
    await expect(code).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('embed-panel').getByRole('status')).toHaveText(/^Copied/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
    await page.keyboard.press('Escape');
    await expect(code).toBeHidden();
    await expect(button).toBeFocused();
    await expect(button).toHaveAttribute('aria-expanded', 'false');
  });

  for (const path of ['/', '/partners/NLD', '/map?year=2025']) {
    test(`every chart on ${path} has one, and its snippet shows that chart`, async ({ page }) => {
      test.setTimeout(90_000);
      await page.goto(path);
      const figures = page.locator('figure');
      const count = await figures.count();
      expect(count).toBeGreaterThan(0);
      const charts: { title: string; src: string }[] = [];
      for (let i = 0; i < count; i += 1) {
        const figure = figures.nth(i);
        const title = (await figure.getByRole('heading').first().textContent()) ?? '';
        await figure.getByRole('button', { name: /^Embed/ }).click();
        const snippet = await figure.getByTestId('embed-code').inputValue();
        const src = /src="([^"]+)"/.exec(snippet)?.[1]?.replaceAll('&amp;', '&') ?? '';
        expect(/title="([^"]+)"/.exec(snippet)?.[1], title).toBe(title.replaceAll('"', '&quot;'));
        charts.push({ title, src });
      }
      for (const chart of charts) {
        await page.goto(chart.src);
        await expect(page.getByRole('heading', { level: 1 }), chart.src).toHaveText(chart.title);
        await expect(page.getByTestId('embed-full-view')).toBeVisible();
      }
    });
  }
});
