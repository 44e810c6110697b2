/**
 * The README's first command starts Vite's dev server, not the build every other spec drives, and the two load
 * modules differently: the dev server serves each deep tfjs import as a module of its own, in import order. A
 * wrong order there once left the dev page's engine stuck at start-up while every spec on the build passed. This
 * spec starts the dev server as `npm start` does and waits for a ready engine.
 */
import { createServer, type ViteDevServer } from 'vite';
import { expect, testInOwnTab as test } from './shared-page';

let server: ViteDevServer | null = null;

test.afterAll(async () => {
  await server?.close();
});

test('the dev server that `npm start` runs serves an app whose engine starts', async ({ page }) => {
  test.setTimeout(120_000);
  // Its own dependency cache, so a developer's running dev server and this spec never rewrite each other's.
  server = await createServer({ server: { port: 0, strictPort: false }, cacheDir: 'node_modules/.vite-e2e', logLevel: 'error' });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  expect(url, 'the dev server gave no local address').toBeTruthy();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(String(url));
  await expect(page.getByTestId('backend-name')).toHaveText('WebAssembly', { timeout: 90_000 });
  await expect(page.getByText(/in a background worker/)).toBeVisible();
  expect(errors).toEqual([]);
});
