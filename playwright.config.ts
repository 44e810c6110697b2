/**
 * End-to-end tests: a real Chromium drives the built app the way a student
 * would (by role and label). Two workers: when most specs trained, two on 2
 * cores made every test twice as long and the suite no faster; now that many
 * specs only read shipped files, slides and figures, one of them fills the
 * gaps a training spec leaves (the measured gain is in the commit that made
 * this change). The waits are sized for a busy machine, not for speed.
 */
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/chromium';
import { PORT } from './e2e/built-app';

export default defineConfig({
  testDir: 'e2e',
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  // Room for a busy machine: it should make the suite slower, not red.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { open: 'never' }]],
  outputDir: 'test-results/artifacts',
  use: {
    baseURL: `http://localhost:${PORT}`,
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions({ softwareCompositing: true }),
    // No trace by default: recording one for every test (to keep it only on failure) cost ~1.7 s per short test
    // on 2 cores, over a minute of the suite. A failure keeps a screenshot of the page instead; to debug one,
    // re-run that spec with `npx playwright test <spec> --trace retain-on-failure` and open the trace.
    trace: 'off',
    screenshot: 'only-on-failure',
    // The build registers a service worker; only the offline spec wants it (it says so with test.use).
    serviceWorkers: 'block',
  },
  // The built app (see e2e/built-app.ts for why not the dev server), built afresh for every run so a spec never
  // tests yesterday's code. E2E_PORT lets two checkouts run side by side.
  webServer: {
    // node --import tsx, not npx tsx: one Node process instead of npx's and tsx's two (about 0.6 s less).
    command: 'node --import tsx e2e/serve.ts',
    url: `http://localhost:${PORT}`,
    reuseExistingServer: false,
    timeout: 300_000,
  },
});
