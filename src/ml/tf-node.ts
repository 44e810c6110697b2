/**
 * `#tf` in Node (tests and the command-line scripts): the whole `@tensorflow/tfjs`. Node loads each tfjs
 * package as one CommonJS bundle, whose gradients and chained ops only the umbrella package registers; the
 * deep imports `tf.ts` makes for the browser do not resolve there. The types every module sees are `tf.ts`'s
 * (TypeScript resolves `#tf` by its default condition), so nothing can come to depend on what only this adds.
 */
export * from '#tf';
