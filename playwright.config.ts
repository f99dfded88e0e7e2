import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { PORT } from './e2e/port';

// Debian's Chromium when present (CI installs it), otherwise Playwright's own browser if one is installed.
const debianChromium = '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: 'retain-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: {
      executablePath: existsSync(debianChromium) ? debianChromium : undefined,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    // A production build on a fresh embedded database (or DATABASE_URL when set).
    command: `node node_modules/tsx/dist/cli.mjs scripts/start.ts --profile e2e --port ${PORT} --fresh`,
    url: `http://localhost:${PORT}/api/health`,
    timeout: 420_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    // The journeys rely on the seeded demo accounts, which exist only on the embedded database; set
    // E2E_DATABASE_URL to point the browser tests at another PostgreSQL on purpose.
    env: { ...(process.env as Record<string, string>), DATABASE_URL: process.env.E2E_DATABASE_URL ?? '' },
  },
});
