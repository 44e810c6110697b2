/**
 * TensorFlow.js as the lab uses it: tfjs-core (tensors, ops, their gradients, optimisers), tfjs-layers (the
 * models) and the plain CPU backend, which is what `@tensorflow/tfjs` gives minus the parts the lab never needs
 * at start-up: the WebGL backend (its shader programs and kernels, loaded by `backends/activate.ts` only when WebGL is
 * tried), the graph-model converter and tf.data. Every module imports tfjs through `#tf` (package.json
 * "imports"), which is this file in the browser and the whole `@tensorflow/tfjs` in Node: Node loads each tfjs
 * package as one CommonJS bundle, where the deep imports below do not exist (and only the umbrella registers the
 * gradients there). TypeScript reads this file's types everywhere, so nothing can come to rely on what only the
 * umbrella adds.
 *
 * The two side-effect imports are the ones `@tensorflow/tfjs` itself makes: tfjs-core alone registers no
 * gradients (training would fail) and no chained ops (`x.square()` on a tensor).
 */
// tfjs-core's own entry first: it registers the environment's flags (DEBUG among them), which registering a
// gradient reads. Modules run in import order, and Vite's dev server serves the deep imports below as chunks of
// their own, so without this line the page stopped at "Cannot evaluate flag 'DEBUG'".
import '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
import '@tensorflow/tfjs-backend-cpu';

export * from '@tensorflow/tfjs-core';
export * from '@tensorflow/tfjs-layers';
