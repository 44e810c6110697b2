/**
 * The app the end-to-end suite drives: built once per Playwright run, as a static host would serve it, by a tiny
 * static server with the cross-origin isolation headers.
 *
 * Why the build and not the dev server: the dev server sends each page its few hundred source modules one by one
 * and transforms them on the way, and every spec opens fresh pages. Measured on this 2-core machine under load, a
 * page was usable after 15-18 s from the dev server and after 5-8.5 s from the build; the build itself takes about
 * 15 s, once. It is also what students get.
 *
 * The build is made for a sub-path (BASE_PATH), like a project page on a static host, and the server answers at
 * that sub-path *and* at the root: the specs say `page.goto('/?preset=smoke')` as a student's address would read,
 * while the offline and Content-Security-Policy specs use the sub-path, where the service worker's scope is.
 */
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { promisify } from 'node:util';

/** The sub-path the build is hosted under, like a project page on a static host. */
export const BASE_PATH = '/pretext-lab/';
/** Port of the server the whole suite uses (E2E_PORT, so two checkouts can run side by side). */
export const PORT = Number(process.env.E2E_PORT ?? 4173);
/** Port of a second server of the same build, for a spec that needs its own headers (E2E_PREVIEW_PORT). */
export const PREVIEW_PORT = Number(process.env.E2E_PREVIEW_PORT ?? PORT + 144);
/**
 * An empty page of the app's origin, with the same headers as the app. e2e/shared-page.ts parks a tab here
 * between tests: it ends the app without leaving the tab's cross-origin-isolated process.
 */
export const BLANK_PATH = `${BASE_PATH}__e2e-blank`;
const BLANK_PAGE = '<!doctype html><html lang="en"><title>between tests</title></html>';
/** The app at its sub-path on the suite's server, for `page.goto`. */
export const BUILT_URL = `http://localhost:${PORT}${BASE_PATH}`;
/** The app at its sub-path on the second server. */
export const PREVIEW_URL = `http://localhost:${PREVIEW_PORT}${BASE_PATH}`;

/** Where the build for the end-to-end tests is written. */
export const OUT_DIR = 'dist-e2e';
const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm', '.json': 'application/json', '.bin': 'application/octet-stream', '.gz': 'application/octet-stream',
};

/** Builds the app into dist-e2e/ (`npm test` type-checks beside it, so it is not repeated here). */
export async function build(): Promise<void> {
  await promisify(execFile)('npx', ['vite', 'build', `--base=${BASE_PATH}`, '--outDir', OUT_DIR, '--emptyOutDir'], { maxBuffer: 1 << 24 });
}

/**
 * The environment variable by which `npm test` (scripts/test-all.ts) tells the web server that it has just built
 * dist-e2e/ itself, alongside the unit tests: its value is a token written into the build (see {@link stampBuild}).
 */
export const BUILD_TOKEN_ENV = 'E2E_BUILD_TOKEN';
const STAMP_FILE = join(OUT_DIR, '.built-for');

/** Marks dist-e2e/ as built by the run that holds `token`. */
export async function stampBuild(token: string): Promise<void> {
  await writeFile(STAMP_FILE, token);
}

/**
 * Builds dist-e2e/ unless this very run has just built it: the stamp must match the token in the environment, so
 * a build left from another run, or a `playwright test` started by hand, is always built afresh.
 */
export async function buildUnlessFresh(): Promise<void> {
  const token = process.env[BUILD_TOKEN_ENV];
  const stamp = await readFile(STAMP_FILE, 'utf8').catch(() => null);
  if (token && stamp === token) return;
  await build();
}

/** What the cross-browser runner (e2e/browsers/run.ts) adds to the server: it watches engines it cannot hook into. */
export interface ServeHooks {
  /** A classic script put first in the page's head (e2e/browsers/console-hook.ts). */
  readonly headScript?: string;
  /** Called with the body of each POST to {@link REPORT_PATH}: the reports a Content-Security-Policy asks for. */
  readonly onReport?: (body: string) => void;
}

/** Where browsers send Content-Security-Policy violation reports (`report-uri`) when a hook listens for them. */
export const REPORT_PATH = '/__csp-report';

/**
 * Serves dist-e2e/ at BASE_PATH and at the root, with the cross-origin isolation headers plus `extra` on every
 * response. Unknown paths get index.html, as a static host's fallback would.
 */
export async function serveBuild(port: number, extra: Readonly<Record<string, string>> = {}, hooks: ServeHooks = {}): Promise<Server> {
  const server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      if (req.method === 'POST' && path === REPORT_PATH && hooks.onReport) {
        let body = '';
        for await (const chunk of req) body += String(chunk);
        hooks.onReport(body);
        res.writeHead(204).end();
        return;
      }
      const inside = path.startsWith(BASE_PATH) ? path.slice(BASE_PATH.length) : path.slice(1);
      let file = normalize(join(OUT_DIR, inside));
      if (!file.startsWith(OUT_DIR)) { res.writeHead(403).end(); return; }
      const headers = {
        'Cross-Origin-Opener-Policy': 'same-origin',
        'Cross-Origin-Embedder-Policy': 'require-corp',
        // What the README asks of a host: an isolated page that embeds a lesson (?embed=) needs it to frame us.
        'Cross-Origin-Resource-Policy': 'cross-origin',
        // Vite names every file under assets/ by a hash of its content, so a static host may let browsers keep
        // them, and this server does what such a host would: the browser then also keeps the code it compiled
        // from them (V8's code cache, WebAssembly's compiled module), instead of compiling 3 MB of JavaScript
        // and WebAssembly afresh on each of the suite's ~45 page loads. Measured over 8 loads in one tab:
        // 0.21-0.26 CPU-s less per load, most of it the browser's background compiler. Everything else
        // (index.html, the service worker, the data) is asked for again each time.
        'Cache-Control': inside.startsWith('assets/') ? 'max-age=31536000, immutable' : 'no-cache',
        ...extra,
      };
      if (path === BLANK_PATH) { res.writeHead(200, { 'Content-Type': TYPES['.html'], ...headers }).end(BLANK_PAGE); return; }
      if (inside === '' || !(await stat(file).catch(() => null))?.isFile()) file = join(OUT_DIR, 'index.html');
      let body = await readFile(file);
      if (hooks.headScript && file.endsWith('index.html')) body = Buffer.from(body.toString().replace('<head>', `<head><script>${hooks.headScript}</script>`));
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', ...headers });
      res.end(body);
    })().catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(port, 'localhost', resolve));
  return server;
}
