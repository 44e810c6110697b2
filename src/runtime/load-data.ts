/**
 * Fetching the MNIST assets from the app's own origin (never another one) and checking them. They are gzip
 * files; the loader inflates them (src/ml/data/gzip.ts) unless the server already did.
 */
import { loadMnist, type Mnist } from '../ml/data/mnist';
import type { DataPayload } from './messages';

/** Loads MNIST from `<base>/data/`, as built by `npm run data`. */
export function loadMnistOverHttp(base: string = import.meta.env.BASE_URL): Promise<Mnist> {
  const loading = loadMnist(async (file) => {
    const response = await fetch(`${base}data/${file}`);
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
    return response.arrayBuffer();
  });
  // The page starts this before the engine and awaits it after; a bad file can fail in between, which the
  // browser would report as an unhandled rejection although the caller does handle it. Mark it handled here.
  loading.catch(() => undefined);
  return loading;
}

/** Copies of the arrays for the engine (the page keeps its own for drawing images), ready to transfer. */
export function dataPayload(mnist: Mnist): { data: DataPayload; transfer: Transferable[] } {
  const data: DataPayload = {
    trainImages: mnist.train.images.slice(),
    trainLabels: mnist.train.labels.slice(),
    testImages: mnist.test.images.slice(),
    testLabels: mnist.test.labels.slice(),
  };
  return { data, transfer: [data.trainImages.buffer, data.trainLabels.buffer, data.testImages.buffer, data.testLabels.buffer] };
}
