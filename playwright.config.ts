/**
 * End-to-end tests: a real Chromium drives the built app the way a student
 * would (by role and label). Two workers: each page trains with one WASM thread
 * (the engine leaves a core to the page), so two spec files at once use the two
 * cores of a small machine instead of one, and no spec asserts a speed (speed is
 * the benchmark's job, `npm run bench`). Each test has its own browser context,
 * so storage, locks and service workers never cross between them.
 */
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/chromium';
import { PORT } from './e2e/built-app';

export default defineConfig({
  testDir: 'e2e',
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  // Two pages loading and training at once on two cores: give each test and each expectation room, so a
  // busy machine makes the suite slower, not red.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { open: 'never' }]],
  outputDir: 'test-results/artifacts',
  use: {
    baseURL: `http://localhost:${PORT}`,
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(),
    trace: 'retain-on-failure',
    // The build registers a service worker; only the offline spec wants it (it says so with test.use).
    serviceWorkers: 'block',
  },
  // The built app (see e2e/built-app.ts for why not the dev server), built afresh for every run so a spec never
  // tests yesterday's code. E2E_PORT lets two checkouts run side by side.
  webServer: {
    command: 'npx tsx e2e/serve.ts',
    url: `http://localhost:${PORT}`,
    reuseExistingServer: false,
    timeout: 300_000,
  },
});
