/**
 * Reading the built MNIST assets from disk, for Node (unit tests, `npm run reproduce`).
 * The browser reads the same files over HTTP from the app's own origin instead.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadMnist, type Mnist } from './mnist';

/** Where the build step writes the assets, relative to the project root. */
export const ASSET_DIR = 'public/data';

/** Loads MNIST from `dir` (default public/data under the current working directory). */
export function loadMnistFromDisk(dir: string = join(process.cwd(), ASSET_DIR)): Promise<Mnist> {
  return loadMnist(async (file) => new Uint8Array(await readFile(join(dir, file))));
}
