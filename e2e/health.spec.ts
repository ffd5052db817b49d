import { expect, test } from '@playwright/test';

test('GET /api/health reports the database as reachable, and the downloads running', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: 'ok', database: 'ok', downloads: { running: 0, limit: 4 } });
});
