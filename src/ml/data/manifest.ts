/**
 * The description of the MNIST assets that the build step writes next to them (public/data/manifest.json),
 * and the one place that names the asset files, so the build step, the browser and Node agree.
 */

/** The four asset files: training and test images and labels. */
export const ASSET_FILES = {
  trainImages: 'train-images.idx',
  trainLabels: 'train-labels.idx',
  testImages: 'test-images.idx',
  testLabels: 'test-labels.idx',
} as const;

/** One of the asset keys above. */
export type AssetKey = keyof typeof ASSET_FILES;

/** The manifest's format version; bump it when the assets change shape so old builds are redone. */
export const MANIFEST_VERSION = 1;

/** What the manifest records for each file: its size and an FNV-1a checksum of its bytes. */
export interface AssetEntry {
  readonly file: string;
  readonly bytes: number;
  readonly count: number;
  readonly fnv1a: string;
}

/** The manifest as written to public/data/manifest.json. */
export interface DataManifest {
  readonly version: number;
  readonly source: string;
  readonly assets: Record<AssetKey, AssetEntry>;
}

/** The manifest's file name. */
export const MANIFEST_FILE = 'manifest.json';
