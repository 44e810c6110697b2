/**
 * The first-load part of `npm run bench`: how much a first visit downloads and how soon the first panel can be
 * used, against a `vite preview` of the production build (`vite build` into dist/), as a student would meet
 * the app on a static host.
 *
 * "Usable" is measured in the page from navigation start (performance.now()): the intro panel is rendered and
 * the page's primary button (the header's "Lecture mode", the only control the intro step has) is enabled.
 * The same observer also notes when the header showed the engine's backend and when the MNIST splits table
 * appeared, so the background work after the first panel is visible too. "Engine ready" is the moment the page
 * received the engine's `ready` event, the mark the client sets then (src/client/client.ts, ENGINE_READY_MARK),
 * read from the page's own performance timeline, whose zero is navigation start.
 *
 * Byte counts come from the files in dist/ that the page actually requested, so they do not depend on whether
 * this server compresses: "compressed" is gzip at level 6 (what a static host typically sends) for text, and
 * the shipped size for the MNIST assets, which are gzip files already.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { preview, type PreviewServer } from 'vite';
import { ENGINE_READY_MARK } from '../src/client/client';

/** What `firstLoad` in the bench JSON holds. */
export interface FirstLoadReport {
  readonly status: 'ok';
  /** What was measured, e.g. "vite preview of dist/ (npm run build)". */
  readonly servedBy: string;
  /** Fresh-context page loads measured; the figures are their medians. */
  readonly runs: number;
  /** Navigation start to the intro panel rendered with the primary button enabled (median). */
  readonly firstPanelMs: number;
  readonly firstPanelMsRuns: readonly number[];
  /** Navigation start to the page receiving the engine's `ready` event (median; null if it never came). */
  readonly engineReadyMs: number | null;
  readonly engineReadyMsRuns: readonly (number | null)[];
  /** The goal for {@link engineReadyMs} (issue 26): the engine ready within 1.5 s of navigation. */
  readonly engineGoalMs: number;
  readonly enginePass: boolean;
  /** Navigation start to the engine's backend shown in the header (median; null if it never appeared). */
  readonly engineShownMs: number | null;
  /** Navigation start to the MNIST splits table (all data loaded and checked; median; null if never). */
  readonly dataReadyMs: number | null;
  /** JavaScript the HTML loads before anything renders (entry + modulepreloads + page imports), gzip. */
  readonly pageJsBytes: number;
  readonly pageJsRawBytes: number;
  /** The training worker's JavaScript, gzip (loaded in parallel; not needed for the first panel). */
  readonly workerJsBytes: number;
  readonly workerJsRawBytes: number;
  /** MNIST data as it travels: manifest plus the four gzip files. */
  readonly assetBytes: number;
  /** The same data inflated (what the loader checks and parses). */
  readonly assetRawBytes: number;
  /** Everything else fetched on first load (CSS, WASM binaries, icons, pretrained manifest), gzip. */
  readonly otherBytes: number;
  /** Whether this server also sent Content-Encoding: gzip for the .gz files (the loader works either way). */
  readonly serverContentEncoding: boolean;
  readonly goalMs: number;
  readonly pass: boolean;
}

/** A first-load measurement that could not be made. */
export interface FirstLoadFailed {
  readonly status: 'error';
  readonly reason: string;
}

/** The goal from issue 12: the first panel usable in under 1.5 s. */
export const FIRST_PANEL_GOAL_MS = 1_500;

/** The goal from issue 26: the engine ready (its `ready` event at the page) in under 1.5 s. */
export const ENGINE_READY_GOAL_MS = 1_500;

interface Marks {
  firstPanelMs?: number;
  engineShownMs?: number;
  dataReadyMs?: number;
  engineReadyMs?: number;
}

declare global {
  interface Window {
    __firstLoadMarks?: Marks;
  }
}

/**
 * Runs in the page before its own scripts: notes the moments the first panel, engine and data are ready.
 * A string, not a function: tsx's esbuild would wrap a function's inner closures in a `__name` helper the page
 * does not have.
 */
const OBSERVE_MARKS = `(() => {
  const marks = {};
  window.__firstLoadMarks = marks;
  const check = () => {
    const now = performance.now();
    const primary = document.querySelector('header button.primary');
    if (marks.firstPanelMs === undefined && document.querySelector('#intro h2') && primary && !primary.disabled) marks.firstPanelMs = now;
    if (marks.engineShownMs === undefined && document.querySelector('[data-testid="backend-name"]')) marks.engineShownMs = now;
    if (marks.dataReadyMs === undefined && document.querySelector('#data table.splits')) marks.dataReadyMs = now;
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
})();`;

interface Fetched {
  readonly path: string;
  readonly dest: string;
  /** Path of the script or page that asked for it (its Referer), when on this origin. */
  readonly referrer: string | null;
  readonly contentEncoding: string | null;
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const medianOrNull = (xs: readonly (number | undefined)[]): number | null => {
  const present = xs.filter((x): x is number => x !== undefined);
  return present.length === xs.length ? median(present) : null;
};

async function loadOnce(browser: Browser, base: string, timeoutMs: number): Promise<{ marks: Marks; fetched: Fetched[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const fetched: Fetched[] = [];
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.origin !== new URL(base).origin) return;
    // sec-fetch-dest tells the worker's script ("worker") from the page's ("script"); only allHeaders() has it.
    pending.push(response.request().allHeaders().then((headers) => {
      const dest = headers['sec-fetch-dest'] ?? response.request().resourceType();
      const referer = headers.referer ? URL.parse(headers.referer) : null;
      const referrer = referer !== null && referer.origin === url.origin ? decodeURIComponent(referer.pathname) : null;
      fetched.push({ path: decodeURIComponent(url.pathname), dest, referrer, contentEncoding: response.headers()['content-encoding'] ?? null });
    }, () => undefined));
  });
  await page.addInitScript({ content: OBSERVE_MARKS });
  try {
    await page.goto(base);
    await page.waitForFunction(() => {
      const m = window.__firstLoadMarks;
      return m?.firstPanelMs !== undefined && m.engineShownMs !== undefined && m.dataReadyMs !== undefined;
    }, undefined, { timeout: timeoutMs, polling: 100 });
    const observed = (await page.evaluate(() => window.__firstLoadMarks)) ?? {};
    const ready = await page.evaluate((name) => performance.getEntriesByName(name, 'mark')[0]?.startTime ?? null, ENGINE_READY_MARK);
    const marks: Marks = { ...observed, ...(ready === null ? {} : { engineReadyMs: ready }) };
    await Promise.all(pending);
    return { marks, fetched };
  } finally {
    await context.close();
  }
}

async function sizes(distDir: string, path: string): Promise<{ raw: number; gzip: number }> {
  const file = join(distDir, path === '/' ? 'index.html' : path);
  const bytes = await readFile(file);
  return { raw: bytes.length, gzip: path.endsWith('.gz') ? bytes.length : gzipSync(bytes, { level: 6 }).length };
}

async function tally(distDir: string, fetched: readonly Fetched[]): Promise<Omit<FirstLoadReport, 'status' | 'servedBy' | 'runs' | 'firstPanelMs' | 'firstPanelMsRuns' | 'engineReadyMs' | 'engineReadyMsRuns' | 'engineGoalMs' | 'enginePass' | 'engineShownMs' | 'dataReadyMs' | 'goalMs' | 'pass'>> {
  const manifest = JSON.parse(await readFile(join(distDir, 'data/manifest.json'), 'utf8')) as { assets: Record<string, { bytes: number }> };
  const seen = new Set<string>();
  const totals = { pageJsBytes: 0, pageJsRawBytes: 0, workerJsBytes: 0, workerJsRawBytes: 0, assetBytes: 0, otherBytes: 0 };
  let serverContentEncoding = false;
  // A worker's own script arrives as dest "worker", but the modules it imports later (import()) as "script": they
  // are told from the page's by who asked for them, a worker's script or one of its imports.
  const workerScripts = new Set(fetched.filter((f) => f.dest === 'worker').map((f) => f.path));
  for (let grew = true; grew;) {
    grew = false;
    for (const f of fetched) {
      if (f.path.endsWith('.js') && f.referrer !== null && workerScripts.has(f.referrer) && !workerScripts.has(f.path)) {
        workerScripts.add(f.path);
        grew = true;
      }
    }
  }
  for (const f of fetched) {
    if (seen.has(f.path)) continue;
    seen.add(f.path);
    const size = await sizes(distDir, f.path).catch(() => null);
    if (size === null) continue; // blob: URLs and the like, made in the page
    if (f.path.startsWith('/data/')) {
      totals.assetBytes += size.gzip;
      if (f.path.endsWith('.gz') && f.contentEncoding !== null) serverContentEncoding = true;
    } else if (f.path.endsWith('.js') && workerScripts.has(f.path)) {
      totals.workerJsBytes += size.gzip;
      totals.workerJsRawBytes += size.raw;
    } else if (f.path.endsWith('.js')) {
      totals.pageJsBytes += size.gzip;
      totals.pageJsRawBytes += size.raw;
    } else {
      totals.otherBytes += size.gzip;
    }
  }
  const assetRawBytes = Object.values(manifest.assets).reduce((sum, a) => sum + a.bytes, 0);
  return { ...totals, assetRawBytes, serverContentEncoding };
}

/**
 * Serves dist/ with `vite preview` on `port` (or the next free one), loads the page `runs` times in fresh
 * contexts, and reports the medians. dist/ must be built already.
 */
export async function measureFirstLoad(browser: Browser, port: number, runs = 3, log: (line: string) => void = console.log): Promise<FirstLoadReport | FirstLoadFailed> {
  const distDir = join(process.cwd(), 'dist');
  let server: PreviewServer | null = null;
  try {
    server = await preview({ preview: { port, strictPort: false, host: '127.0.0.1' }, logLevel: 'warn' });
    const base = server.resolvedUrls?.local[0];
    if (!base) throw new Error('vite preview did not report its URL');
    await loadOnce(browser, base, 120_000); // warms the OS file cache and the server, as a CDN would be warm
    const loads: { marks: Marks; fetched: Fetched[] }[] = [];
    for (let i = 0; i < runs; i++) {
      const load = await loadOnce(browser, base, 120_000);
      log(`  first load ${i + 1}/${runs}: panel ${load.marks.firstPanelMs?.toFixed(0)} ms, engine ready ${load.marks.engineReadyMs?.toFixed(0)} ms (shown ${load.marks.engineShownMs?.toFixed(0)} ms), data ${load.marks.dataReadyMs?.toFixed(0)} ms`);
      loads.push(load);
    }
    const firstPanelMsRuns = loads.map((l) => Math.round(l.marks.firstPanelMs ?? Number.NaN));
    const firstPanelMs = median(firstPanelMsRuns);
    const round = (x: number | null) => (x === null ? null : Math.round(x));
    const engineReadyMs = round(medianOrNull(loads.map((l) => l.marks.engineReadyMs)));
    return {
      status: 'ok',
      servedBy: 'vite preview of dist/ (vite build), fresh browser context per load, after one warm-up load',
      runs,
      firstPanelMs,
      firstPanelMsRuns,
      engineReadyMs,
      engineReadyMsRuns: loads.map((l) => (l.marks.engineReadyMs === undefined ? null : Math.round(l.marks.engineReadyMs))),
      engineGoalMs: ENGINE_READY_GOAL_MS,
      enginePass: engineReadyMs !== null && engineReadyMs < ENGINE_READY_GOAL_MS,
      engineShownMs: round(medianOrNull(loads.map((l) => l.marks.engineShownMs))),
      dataReadyMs: round(medianOrNull(loads.map((l) => l.marks.dataReadyMs))),
      ...(await tally(distDir, loads[0].fetched)),
      goalMs: FIRST_PANEL_GOAL_MS,
      pass: firstPanelMs < FIRST_PANEL_GOAL_MS,
    };
  } catch (err) {
    return { status: 'error', reason: err instanceof Error ? err.message.split('\n')[0] : String(err) };
  } finally {
    await server?.close();
  }
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`;

/** The first-load lines of the printed report, with the goal marked PASS/MISS (informational). */
export function formatFirstLoad(result: FirstLoadReport | FirstLoadFailed): string {
  if (result.status === 'error') return `First load: not measured (${result.reason})`;
  return [
    `First load (${result.servedBy}; median of ${result.runs}):`,
    `  first panel usable   ${result.firstPanelMs} ms (runs ${result.firstPanelMsRuns.join(', ')})   goal < ${result.goalMs} ms: ${result.pass ? 'PASS' : 'MISS'}`,
    `  engine ready         ${result.engineReadyMs ?? 'never'} ms (runs ${result.engineReadyMsRuns.map((x) => x ?? 'never').join(', ')})   goal < ${result.engineGoalMs} ms: ${result.enginePass ? 'PASS' : 'MISS'}`,
    `  backend shown        ${result.engineShownMs ?? 'never'} ms;  MNIST loaded and checked ${result.dataReadyMs ?? 'never'} ms`,
    `  page JavaScript      ${kb(result.pageJsBytes)} gzip (${kb(result.pageJsRawBytes)} raw)`,
    `  worker JavaScript    ${kb(result.workerJsBytes)} gzip (${kb(result.workerJsRawBytes)} raw)`,
    `  MNIST assets         ${kb(result.assetBytes)} as shipped (${kb(result.assetRawBytes)} inflated)${result.serverContentEncoding ? '; this server also sent Content-Encoding: gzip' : ''}`,
    `  everything else      ${kb(result.otherBytes)} gzip (CSS, WASM, icons, manifests)`,
  ].join('\n');
}
