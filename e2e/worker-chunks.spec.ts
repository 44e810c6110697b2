/**
 * No chunk of the build imports a worker's first script. A worker's first script runs its top level once, as
 * the worker starts; if another chunk imports it (the bundler does this when the two share a module and the
 * module lands in the first script's chunk), WebKit evaluates it a second time in the same worker. The engine
 * worker then ran two engines whose starts raced for the one TensorFlow.js, and one left it on the CPU backend
 * while the header said WebAssembly (vite.config.ts gives the shared modules a chunk of their own). This reads
 * the build the suite serves, so it holds in every engine without needing WebKit to show it.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { expect, test } from '@playwright/test';
import { OUT_DIR } from './built-app';

/** Every `new Worker(new URL('…/name.js', import.meta.url))` in the build: the workers' first scripts. */
function workerEntries(code: string): string[] {
  // (Vite may put a comment between `new URL(` and the path.)
  return [...code.matchAll(/new Worker\(new URL\(\s*(?:\/\*.*?\*\/\s*)?[`'"]([^`'"]+\.js)[`'"]/g)].map((m) => basename(m[1]));
}

/** The chunks a chunk loads by a relative path, with import, export … from, or import(). */
function chunksLoaded(code: string): string[] {
  return [...code.matchAll(/(?:from|import)\s*\(?\s*[`'"]\.\/([\w.-]+\.js)[`'"]/g)].map((m) => m[1]);
}

test('no chunk of the build imports a worker’s first script (WebKit would run it twice)', async () => {
  const dir = join(OUT_DIR, 'assets');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.js'));
  const code = new Map(await Promise.all(files.map(async (f) => [f, await readFile(join(dir, f), 'utf8')] as const)));
  const entries = new Set([...code.values()].flatMap(workerEntries));
  // The engine's worker and the WebGL probe's worker at least, or this check has nothing to check.
  // (By prefix: a chunk's hash may itself contain a '-'.)
  const kinds = ['webgl-probe-worker-', 'worker-'];
  expect(kinds.filter((prefix) => [...entries].some((e) => e.startsWith(prefix)))).toEqual(kinds);
  const importers = [...code].flatMap(([file, text]) => chunksLoaded(text).filter((c) => entries.has(c)).map((c) => `${file} imports ${c}`));
  expect(importers).toEqual([]);
  // And the check would see one: the engine's first script loads the engine's chunk this way.
  expect([...code].some(([file, text]) => entries.has(file) && chunksLoaded(text).some((c) => c.startsWith('engine-worker-')))).toBe(true);
});
