/**
 * The recording commands' trunk store: trained trunks and their probe readings kept in a folder
 * (`.cache/trunks/`, gitignored), so an interrupted recording resumes and a kept trunk is never trained twice.
 * Weights are one binary file per snapshot beside a JSON file of shapes; readings are JSON.
 */
import { mkdir, readFile, writeFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { StoredSnapshot, StoredWeights, TrunkStore } from '../src/ml/experiment/trunk-source';

/** The default folder. */
export const TRUNK_CACHE_DIR = '.cache/trunks';

async function readOrNull(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** Writes to a temporary name first, so a recording killed mid-write never leaves half a file behind. */
async function writeAtomically(path: string, data: string | Uint8Array): Promise<void> {
  await writeFile(`${path}.part`, data);
  await rename(`${path}.part`, path);
}

/** A store in `dir` (created when first written). */
export function folderTrunkStore(dir: string = TRUNK_CACHE_DIR): TrunkStore {
  const ready = mkdir(dir, { recursive: true });
  const readJson = async (name: string): Promise<unknown> => {
    const text = await readOrNull(join(dir, name));
    return text ? (JSON.parse(text.toString()) as unknown) : null;
  };
  const writeJson = async (name: string, value: unknown): Promise<void> => {
    await ready;
    await writeAtomically(join(dir, name), JSON.stringify(value));
  };
  return {
    async loadWeights(key) {
      const shapes = await readOrNull(join(dir, `${key}.shapes.json`));
      const bin = await readOrNull(join(dir, `${key}.weights.bin`));
      if (!shapes || !bin) return null;
      const parsed = JSON.parse(shapes.toString()) as number[][];
      const all = new Float32Array(bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength));
      let at = 0;
      const values = parsed.map((shape) => {
        const size = shape.reduce((a, b) => a * b, 1);
        const v = all.slice(at, at + size);
        at += size;
        return v;
      });
      if (at !== all.length) return null; // a file that does not match its shapes is treated as missing
      return { shapes: parsed, values };
    },
    async saveWeights(key, weights: StoredWeights) {
      await ready;
      const total = weights.values.reduce((a, v) => a + v.length, 0);
      const all = new Float32Array(total);
      let at = 0;
      for (const v of weights.values) {
        all.set(v, at);
        at += v.length;
      }
      await writeAtomically(join(dir, `${key}.weights.bin`), new Uint8Array(all.buffer));
      await writeAtomically(join(dir, `${key}.shapes.json`), JSON.stringify(weights.shapes));
    },
    loadSnapshot: async (key) => (await readJson(`${key}.readings.json`)) as StoredSnapshot | null,
    saveSnapshot: (key, snapshot) => writeJson(`${key}.readings.json`, snapshot),
    loadRecord: (key) => readJson(`${key}.record.json`),
    saveRecord: (key, value) => writeJson(`${key}.record.json`, value),
  };
}
