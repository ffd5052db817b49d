import http from 'node:http';
import postgres from 'postgres';
import { expect, test } from './fixtures/test';

test.describe('download links say what is happening', () => {
  test('say the file is being prepared until the server answers, then that it is downloading', async ({ page }) => {
    await page.goto('/partners');
    const group = page.getByTestId('export');
    const xlsx = page.getByTestId('export-xlsx');
    const visibleHref = await xlsx.getAttribute('href');

    // Hold the server's answer as a large export does, until its first rows are read: here the
    // rows wait for a lock on the table they come from. (A browser download's request cannot be
    // held with page.route: Chromium makes it outside the page.)
    const sql = postgres(process.env.DATABASE_URL ?? '', { max: 1, onnotice: () => {} });
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked: () => void = () => {};
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const transaction = sql.begin(async (tx) => {
      await tx`LOCK TABLE official_series IN ACCESS EXCLUSIVE MODE`;
      locked();
      await held;
    });
    await isLocked;
    const download = page.waitForEvent('download');
    try {
      await xlsx.click();
      await expect(xlsx).toHaveText('Preparing XLSX…');
      await expect(xlsx).toHaveAttribute('aria-disabled', 'true');
      await expect(group).toHaveAttribute('aria-busy', 'true');
      await expect(page.getByTestId('export-status')).toHaveText('Preparing the XLSX file…');
      await expect(page.getByRole('status').filter({ hasText: 'Preparing the XLSX file' })).toHaveCount(1);
      // The other formats stay usable; the visible link keeps its plain address.
      await expect(page.getByTestId('export-csv')).not.toHaveAttribute('aria-disabled', 'true');
      expect(await xlsx.getAttribute('href')).toBe(visibleHref);
    } finally {
      release();
      await transaction;
      await sql.end();
    }
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^kaz-trade-partners-.*\.xlsx$/);
    expect(await file.failure()).toBeNull();
    await expect(page.getByTestId('export-status')).toHaveText(
      'The XLSX file is downloading; your browser shows its progress.',
    );
    await expect(xlsx).toHaveText('Download XLSX');
    await expect(group).toHaveAttribute('aria-busy', 'false');
    // The same view as the plain link, with the id the answer reported on.
    const asked = new URL(file.url());
    expect(asked.searchParams.get('download_id')).toMatch(/^[0-9a-f]{24}$/);
    asked.searchParams.delete('download_id');
    expect(asked.pathname + asked.search).toBe(visibleHref);
    // The answer's cookie was read and removed.
    expect(await page.evaluate(() => document.cookie)).not.toContain('kaz-download-');
  });

  test('show the server’s message when every download slot is taken, and stay on the page', async ({
    page,
    baseURL,
  }) => {
    // Four whole-table downloads that the client stops reading: each keeps its slot (docs/exports.md).
    const held: http.ClientRequest[] = [];
    try {
      for (let i = 0; i < 4; i += 1) {
        await new Promise<void>((resolve, reject) => {
          const request = http.get(`${baseURL}/api/observations?format=json`, (response) => {
            response.pause();
            if (response.statusCode === 200) resolve();
            else reject(new Error(`holding download ${i + 1}: ${response.statusCode}`));
          });
          request.on('error', reject);
          held.push(request);
        });
      }

      await page.goto('/data?partner=DEU&flow=export');
      const before = page.url();
      const xlsx = page.getByTestId('export-xlsx');
      await xlsx.click();
      const status = page.getByTestId('export-status');
      await expect(status).toHaveAttribute('data-state', 'failed');
      await expect(status).toHaveText(
        /^The XLSX file could not be made: \d+ downloads are running, the most this server runs at once\. Try again in a minute\.$/,
      );
      await expect(xlsx).toHaveText('Download XLSX');
      expect(page.url()).toBe(before);
    } finally {
      for (const request of held) request.destroy();
    }
  });
});
