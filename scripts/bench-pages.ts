/**
 * The benchmark's two moves in the browser, shared by `npm run bench` (scripts/bench.ts) and the before/after
 * comparison of checkouts (scripts/bench-task-runs.ts): start a Vite dev server for a checkout, and run one
 * bench.html page to its published result.
 */
import type { Browser } from '@playwright/test';
import { join } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { benchQuery } from '../src/bench/params';
import type { BenchParams, BenchRunResult } from '../src/bench/types';

/** Starts the dev server of the checkout at `root` (this one by default) on `port`, or the next free port. */
export async function startServer(port: number, root = process.cwd()): Promise<{ server: ViteDevServer; base: string }> {
  const server = await createServer({
    ...(root === process.cwd() ? {} : { root, configFile: join(root, 'vite.config.ts') }),
    // No HMR and no file watching: an edit elsewhere in the repo must not reload a page mid-measurement.
    server: { port, strictPort: false, host: '127.0.0.1', hmr: false, watch: null },
    logLevel: 'warn',
    clearScreen: false,
  });
  await server.listen();
  const base = server.resolvedUrls?.local[0];
  if (!base) throw new Error('The Vite dev server did not report its URL.');
  return { server, base };
}

/**
 * Opens bench.html with `params` in a fresh context and waits for its result (or the time-out). The page's
 * `[bench]` progress lines are printed under `label` (null: not printed); `onConsole` sees every console line.
 */
export async function runPage(browser: Browser, base: string, params: BenchParams, timeoutMs: number, label: string | null,
  onConsole?: (text: string) => void): Promise<BenchRunResult> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    const text = message.text();
    onConsole?.(text);
    if (text.startsWith('[bench] ')) {
      if (label !== null) console.log(`  ${label}: ${text.slice(8)}`);
    } else if (message.type() === 'error') problems.push(`console.error: ${text}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('crash', () => problems.push('the page crashed'));
  let loads = 0;
  page.on('load', () => {
    loads += 1;
    if (loads === 2) problems.push('the page reloaded during the run, so it started over');
  });
  try {
    await page.goto(new URL(`bench.html?${benchQuery(params)}`, base).href);
    await page.waitForFunction(() => window.__benchResult !== undefined, undefined, { timeout: timeoutMs, polling: 1_000 });
    const result = await page.evaluate(() => window.__benchResult);
    if (!result) throw new Error('the page published no result');
    return problems.length ? { ...result, notes: [...result.notes, ...problems] } : result;
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
    return { ok: false, kind: 'error', params, error: message, notes: problems };
  } finally {
    await context.close();
  }
}
