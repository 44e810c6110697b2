/**
 * Fetching the MNIST assets from the app's own origin (never another one) and checking them.
 */
import { loadMnist, type Mnist } from '../ml/data/mnist';
import type { DataPayload } from './messages';

/** Loads MNIST from `<base>/data/`, as built by `npm run data`. */
export function loadMnistOverHttp(base: string = import.meta.env.BASE_URL): Promise<Mnist> {
  return loadMnist(async (file) => {
    const response = await fetch(`${base}data/${file}`);
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
    return response.arrayBuffer();
  });
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
