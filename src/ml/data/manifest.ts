/**
 * The description of the MNIST assets that the build step writes next to them (public/data/manifest.json),
 * and the one place that names the asset files, so the build step, the browser and Node agree.
 */

/**
 * The four asset files: training and test images and labels, each an IDX file compressed with gzip (about a
 * fifth of the raw 23 MB: MNIST's black background compresses well).
 */
export const ASSET_FILES = {
  trainImages: 'train-images.idx.gz',
  trainLabels: 'train-labels.idx.gz',
  testImages: 'test-images.idx.gz',
  testLabels: 'test-labels.idx.gz',
} as const;

/** One of the asset keys above. */
export type AssetKey = keyof typeof ASSET_FILES;

/** The manifest's format version; bump it when the assets change shape so old builds are redone. */
export const MANIFEST_VERSION = 2;

/**
 * What the manifest records for each file. Size and checksum are of the *inflated* IDX bytes, so a corrupt
 * file is caught whether it was damaged before or after compression, and whoever inflated it.
 */
export interface AssetEntry {
  readonly file: string;
  /** Inflated size in bytes. */
  readonly bytes: number;
  /** Size of the gzip file as shipped (what travels over the network). */
  readonly gzipBytes: number;
  readonly count: number;
  /** FNV-1a of the inflated bytes. */
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
