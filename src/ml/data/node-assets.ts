/**
 * Reading the built MNIST assets from disk, for Node (unit tests, `npm run reproduce`, `npm run pretrain`).
 * The browser reads the same gzip files over HTTP from the app's own origin instead.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { loadMnist, type Mnist } from './mnist';
import type { Inflate } from './gzip';

/** Where the build step writes the assets, relative to the project root. */
export const ASSET_DIR = 'public/data';

const gunzipAsync = promisify(gunzip);

/** Inflates gzip with Node's zlib (off the main thread, and faster than DecompressionStream in Node). */
export const inflateWithZlib: Inflate = async (bytes) => new Uint8Array(await gunzipAsync(bytes));

/** Loads MNIST from `dir` (default public/data under the current working directory). */
export function loadMnistFromDisk(dir: string = join(process.cwd(), ASSET_DIR)): Promise<Mnist> {
  return loadMnist(async (file) => new Uint8Array(await readFile(join(dir, file))), inflateWithZlib);
}
