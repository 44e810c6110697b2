/**
 * The built app, for the specs that are about the build (the service worker, the Content-Security-Policy): it is
 * built once per Playwright run under a sub-path, as a static host would serve it, and served by a tiny static
 * server whose headers each spec chooses. The dev-server specs never see a service worker.
 */
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { promisify } from 'node:util';

/** The sub-path the build is hosted under, like a project page on a static host. */
export const BASE_PATH = '/pretext-lab/';
/** Port of the built app's server (E2E_PREVIEW_PORT), apart from the dev server's E2E_PORT. */
export const PREVIEW_PORT = Number(process.env.E2E_PREVIEW_PORT ?? 4317);
/** Where the app is, for `page.goto`. */
export const BUILT_URL = `http://localhost:${PREVIEW_PORT}${BASE_PATH}`;

const OUT_DIR = 'dist-e2e';
const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm', '.json': 'application/json', '.bin': 'application/octet-stream', '.idx': 'application/octet-stream',
};

let built: Promise<void> | null = null;

/** Builds the app into dist-e2e/ once per run (the specs that need it share the one build). */
export function buildOnce(): Promise<void> {
  built ??= promisify(execFile)('npx', ['vite', 'build', `--base=${BASE_PATH}`, '--outDir', OUT_DIR, '--emptyOutDir'], { maxBuffer: 1 << 24 }).then(() => undefined);
  return built;
}

/** Serves dist-e2e/ at BASE_PATH with the cross-origin isolation headers, plus `extra` on every response. */
export async function serveBuild(extra: Readonly<Record<string, string>> = {}): Promise<Server> {
  const server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      if (!path.startsWith(BASE_PATH)) { res.writeHead(404).end(); return; }
      let file = normalize(join(OUT_DIR, path.slice(BASE_PATH.length)));
      if (!file.startsWith(OUT_DIR)) { res.writeHead(403).end(); return; }
      if (path.endsWith('/') || !(await stat(file).catch(() => null))?.isFile()) file = join(OUT_DIR, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cross-Origin-Opener-Policy': 'same-origin',
        'Cross-Origin-Embedder-Policy': 'require-corp',
        'Cache-Control': 'no-cache',
        ...extra,
      });
      res.end(body);
    })().catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(PREVIEW_PORT, 'localhost', resolve));
  return server;
}
