import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3123);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    timezoneId: 'Asia/Almaty',
    locale: 'en-US',
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-gpu',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1440, height: 900 } } }],
  webServer: {
    // A production build, served against the test database that scripts/test-all.ts created.
    command: `node scripts/serve.mjs --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    // The app connects as the reader role (scripts/lib/database-roles.ts): any write it tried would
    // fail. The specs themselves write their fixtures through DATABASE_URL, the writer.
    env: {
      DATABASE_URL: process.env.DATABASE_READER_URL ?? process.env.DATABASE_URL ?? '',
      DATABASE_READER_URL: process.env.DATABASE_READER_URL ?? '',
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: String(PORT),
    },
  },
});
