/**
 * End-to-end tests: a real Chromium drives the dev server the way a student
 * would (by role and label). One worker, because training in two pages at once
 * on a 2-core machine would make timings meaningless.
 */
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/chromium';

// E2E_PORT lets two checkouts (or a dev server and the tests) run side by side without sharing a server.
const PORT = Number(process.env.E2E_PORT ?? 5173);

export default defineConfig({
  testDir: 'e2e',
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  reporter: [['list'], ['html', { open: 'never' }]],
  outputDir: 'test-results/artifacts',
  use: {
    baseURL: `http://localhost:${PORT}`,
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(),
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `npx vite --port ${PORT} --strictPort`,
    url: `http://localhost:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
