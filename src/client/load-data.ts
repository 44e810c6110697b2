/**
 * Fetching the MNIST assets from the app's own origin (never another one) and checking them. They are gzip
 * files; the loader inflates them (src/ml/data/gzip.ts) unless the server already did.
 */
import { loadMnist, type ImageSet, type Mnist } from '../ml/data/mnist';
import { inflateIntoShared, inflateWithStreams } from '../ml/data/gzip';
import type { DataPayload } from '../runtime/messages';

/**
 * Loads MNIST from `<base>/data/`, as built by `npm run data`. On a cross-origin-isolated page (the app's
 * headers make it one) the images land in shared memory, which {@link dataPayload} hands the engine as is.
 */
export function loadMnistOverHttp(base: string = import.meta.env.BASE_URL): Promise<Mnist> {
  const loading = loadMnist(async (file) => {
    const response = await fetch(`${base}data/${file}`);
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
    return response.arrayBuffer();
  }, globalThis.crossOriginIsolated ? inflateIntoShared : inflateWithStreams);
  // The page starts this before the engine and awaits it after; a bad file can fail in between, which the
  // browser would report as an unhandled rejection although the caller does handle it. Mark it handled here.
  loading.catch(() => undefined);
  return loading;
}

/** True when every array of `sets` lives in shared memory, which page and engine can both read without a copy. */
function allShared(sets: readonly ImageSet[]): boolean {
  return typeof SharedArrayBuffer !== 'undefined'
    && sets.every((set) => set.images.buffer instanceof SharedArrayBuffer && set.labels.buffer instanceof SharedArrayBuffer);
}

/**
 * The arrays for the engine. Shared memory is sent as it is (neither side ever writes to MNIST); otherwise
 * they are copies, transferred, because the page keeps its own to draw images.
 */
export function dataPayload(mnist: Mnist): { data: DataPayload; transfer: Transferable[] } {
  if (allShared([mnist.train, mnist.test])) {
    const data: DataPayload = { trainImages: mnist.train.images, trainLabels: mnist.train.labels, testImages: mnist.test.images, testLabels: mnist.test.labels };
    return { data, transfer: [] };
  }
  const data: DataPayload = {
    trainImages: mnist.train.images.slice(),
    trainLabels: mnist.train.labels.slice(),
    testImages: mnist.test.images.slice(),
    testLabels: mnist.test.labels.slice(),
  };
  return { data, transfer: [data.trainImages.buffer, data.trainLabels.buffer, data.testImages.buffer, data.testLabels.buffer] };
}
