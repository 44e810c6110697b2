/**
 * Loading the MNIST assets into typed arrays, in Node or in the browser alike.
 *
 * The loader never touches the network or the file system itself: it is handed a `readAsset` function
 * (fetch from the app's own origin in the browser, fs in Node), which keeps this module DOM-free and testable.
 */
import { DataAssetError, parseIdx } from './idx';
import { fnv1a32 } from './checksum';
import { inflateWithStreams, isGzip, type Inflate } from './gzip';
import { ASSET_FILES, MANIFEST_FILE, MANIFEST_VERSION, type AssetKey, type DataManifest } from './manifest';

/** Side of an MNIST image in pixels. */
export const IMAGE_SIZE = 28;
/** Pixels per image. */
export const IMAGE_PIXELS = IMAGE_SIZE * IMAGE_SIZE;

/** A set of grey-scale images (0 = black background, 255 = ink) with their digit labels. */
export interface ImageSet {
  /** `count * 784` bytes, image after image, row-major. */
  readonly images: Uint8Array;
  /** `count` digit labels 0-9. */
  readonly labels: Uint8Array;
  readonly count: number;
}

/** The training and test sets as shipped with the app. */
export interface Mnist {
  readonly train: ImageSet;
  readonly test: ImageSet;
}

/** Reads one asset by file name; resolves to its bytes or rejects (e.g. HTTP 404, ENOENT). */
export type ReadAsset = (file: string) => Promise<ArrayBuffer | Uint8Array>;

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

async function readChecked(read: ReadAsset, manifest: DataManifest, key: AssetKey, inflate: Inflate): Promise<Uint8Array> {
  const file = ASSET_FILES[key];
  let raw: ArrayBuffer | Uint8Array;
  try {
    raw = await read(file);
  } catch (err) {
    throw new DataAssetError(file, `could not be read (${message(err)})`);
  }
  const shipped = raw instanceof Uint8Array ? raw : new Uint8Array(raw);
  let bytes = shipped;
  // No gzip header: a server that set Content-Encoding has inflated it already; the checks below still apply.
  if (isGzip(shipped)) {
    try {
      bytes = await inflate(shipped, manifest.assets[key].bytes);
    } catch (err) {
      throw new DataAssetError(file, `is not valid gzip data, truncated or corrupt (${message(err)})`);
    }
  }
  const entry = manifest.assets[key];
  if (bytes.length !== entry.bytes) {
    throw new DataAssetError(file, `holds ${bytes.length} bytes of IDX data where the manifest says ${entry.bytes}`);
  }
  if (fnv1a32(bytes) !== entry.fnv1a) throw new DataAssetError(file, 'fails its checksum (corrupt)');
  return bytes;
}

function toImageSet(imagesBytes: Uint8Array, labelsBytes: Uint8Array, imagesFile: string, labelsFile: string): ImageSet {
  const images = parseIdx(imagesBytes, imagesFile);
  const labels = parseIdx(labelsBytes, labelsFile);
  if (images.dims.length !== 3 || images.dims[1] !== IMAGE_SIZE || images.dims[2] !== IMAGE_SIZE) {
    throw new DataAssetError(imagesFile, `has shape [${images.dims.join(', ')}], not [n, 28, 28]`);
  }
  if (labels.dims.length !== 1 || labels.dims[0] !== images.dims[0]) {
    throw new DataAssetError(labelsFile, `holds ${labels.dims[0]} labels for ${images.dims[0]} images`);
  }
  for (const label of labels.data) {
    if (label > 9) throw new DataAssetError(labelsFile, `contains the label ${label}, outside 0-9`);
  }
  return { images: images.data, labels: labels.data, count: images.dims[0] };
}

/** Parses and validates the manifest JSON; throws a DataAssetError naming manifest.json otherwise. */
export function parseManifest(raw: ArrayBuffer | Uint8Array): DataManifest {
  let manifest: DataManifest;
  try {
    manifest = JSON.parse(new TextDecoder().decode(raw)) as DataManifest;
  } catch {
    throw new DataAssetError(MANIFEST_FILE, 'is not valid JSON');
  }
  if (manifest?.version !== MANIFEST_VERSION || typeof manifest.assets !== 'object') {
    throw new DataAssetError(MANIFEST_FILE, `is not a version ${MANIFEST_VERSION} manifest`);
  }
  for (const key of Object.keys(ASSET_FILES) as AssetKey[]) {
    const entry = manifest.assets[key];
    if (!entry || entry.file !== ASSET_FILES[key] || typeof entry.bytes !== 'number' || typeof entry.fnv1a !== 'string') {
      throw new DataAssetError(MANIFEST_FILE, `has no valid entry for ${ASSET_FILES[key]}`);
    }
  }
  return manifest;
}

/**
 * Loads, inflates, checks and parses the four MNIST assets through `read`. `inflate` defaults to the
 * web-standard DecompressionStream; Node passes zlib's, which is faster there.
 */
export async function loadMnist(read: ReadAsset, inflate: Inflate = inflateWithStreams): Promise<Mnist> {
  let manifestRaw: ArrayBuffer | Uint8Array;
  try {
    manifestRaw = await read(MANIFEST_FILE);
  } catch (err) {
    throw new DataAssetError(MANIFEST_FILE, `could not be read (${message(err)})`);
  }
  const manifest = parseManifest(manifestRaw);
  const [trainImages, trainLabels, testImages, testLabels] = await Promise.all(
    (['trainImages', 'trainLabels', 'testImages', 'testLabels'] as const).map((key) => readChecked(read, manifest, key, inflate)),
  );
  return {
    train: toImageSet(trainImages, trainLabels, ASSET_FILES.trainImages, ASSET_FILES.trainLabels),
    test: toImageSet(testImages, testLabels, ASSET_FILES.testImages, ASSET_FILES.testLabels),
  };
}

/** A contiguous slice [start, start + count) of an image set, as views (no copy). */
export function sliceSet(set: ImageSet, start: number, count: number): ImageSet {
  if (start < 0 || count < 0 || start + count > set.count) {
    throw new RangeError(`slice [${start}, ${start + count}) is outside the ${set.count} images available`);
  }
  return {
    images: set.images.subarray(start * IMAGE_PIXELS, (start + count) * IMAGE_PIXELS),
    labels: set.labels.subarray(start, start + count),
    count,
  };
}
