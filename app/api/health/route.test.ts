import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// A port where nothing listens, and a server that accepts connections but never answers.
let silent: net.Server;
let silentPort = 0;
const sockets = new Set<net.Socket>();

beforeAll(async () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  silent = net.createServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  silentPort = (silent.address() as net.AddressInfo).port;
});
afterAll(() => {
  for (const s of sockets) s.destroy();
  silent.close();
});

async function healthWith(url: string | undefined) {
  vi.resetModules();
  // lib/db.ts keeps its client on globalThis outside production; each case needs a new one.
  delete (globalThis as { prisma?: unknown }).prisma;
  // So are the pool and the database status, which live on globalThis in every environment.
  delete (globalThis as { sql?: unknown }).sql;
  delete (globalThis as { __databaseStatus?: unknown }).__databaseStatus;
  vi.stubEnv('DATABASE_URL', url ?? '');
  const { GET } = await import('./route');
  const response = await GET();
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

describe('GET /api/health without a database', () => {
  it('answers 503 with a reason when nothing listens', async () => {
    const { status, body } = await healthWith('postgresql://u:p@127.0.0.1:1/none');
    expect(status).toBe(503);
    expect(body).toMatchObject({ status: 'error', database: 'unreachable' });
    expect(body.reason).toBeTruthy();
    expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|u:p/);
  });

  it('answers 503 within a few seconds when the database never answers', async () => {
    const started = Date.now();
    const { status, body } = await healthWith(`postgresql://u:p@127.0.0.1:${silentPort}/none`);
    expect(status).toBe(503);
    expect(body).toMatchObject({ status: 'error', database: 'hung' });
    expect(body.reason).toMatch(/not answered/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('answers 503 when DATABASE_URL is not set', async () => {
    const { status, body } = await healthWith(undefined);
    expect(status).toBe(503);
    expect(body.reason).toMatch(/DATABASE_URL/);
  });
});
