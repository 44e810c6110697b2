import { describe, expect, it } from 'vitest';
import { dataPayload } from './load-data';
import type { Mnist } from '../ml/data/mnist';

/** A tiny MNIST-shaped pair of sets, in shared or in ordinary memory. */
function sets(shared: boolean): Mnist {
  const array = (values: number[]) => {
    const out = new Uint8Array(shared ? new SharedArrayBuffer(values.length) : new ArrayBuffer(values.length));
    out.set(values);
    return out;
  };
  return {
    train: { images: array([1, 2, 3, 4]), labels: array([5]), count: 1 },
    test: { images: array([6, 7, 8, 9]), labels: array([3]), count: 1 },
  };
}

describe('the data handed to the engine', () => {
  it('is the shared memory itself, with nothing to transfer, when the page loaded MNIST into shared memory', () => {
    const mnist = sets(true);
    const { data, transfer } = dataPayload(mnist);
    expect(data.trainImages).toBe(mnist.train.images);
    expect(data.testLabels).toBe(mnist.test.labels);
    expect(transfer).toEqual([]);
  });

  it('is a copy, transferred, otherwise: the page keeps its own arrays', () => {
    const mnist = sets(false);
    const { data, transfer } = dataPayload(mnist);
    expect(data.trainImages).not.toBe(mnist.train.images);
    expect(data.trainImages).toEqual(mnist.train.images);
    expect(transfer).toEqual([data.trainImages.buffer, data.trainLabels.buffer, data.testImages.buffer, data.testLabels.buffer]);
  });
});
