/**
 * End-to-end tests: a real Chromium drives the built app the way a student
 * would (by role and label). One worker: tried with two on 2 cores, every test
 * took twice as long (page loads and training are both CPU-bound), so the suite
 * was no faster and its waits were tighter. Speed is the benchmark's job.
 */
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/chromium';
import { PORT } from './e2e/built-app';

export default defineConfig({
  testDir: 'e2e',
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  // Room for a busy machine: it should make the suite slower, not red.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { open: 'never' }]],
  outputDir: 'test-results/artifacts',
  use: {
    baseURL: `http://localhost:${PORT}`,
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(),
    // A failed test keeps its trace: every action with the DOM as it was. Without the screencast: recording a
    // frame stream of every test (kept or not) made the lecture-mode spec 1.6 min instead of 1.3 on 2 cores.
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: true, sources: true },
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
