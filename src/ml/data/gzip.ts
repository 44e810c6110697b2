/**
 * Gzip, as the MNIST assets travel: the build step compresses them (Node's zlib) and the loader inflates them
 * here with the web-standard `DecompressionStream`, which browsers and Node 20 both have. We do not ask the
 * server to do it (Content-Encoding): a static host may not, and one that does must still work, so bytes that
 * arrive already inflated are recognised by their missing gzip header and passed through.
 */

/**
 * Inflates gzip bytes; rejects on data that is not valid gzip (truncated, corrupt, wrong CRC). `expectedBytes`
 * is the inflated size the manifest promises, a hint an inflater may use to allocate once: it must still
 * return exactly what the data inflates to, whatever its length, so the caller can name a mismatch.
 */
export type Inflate = (bytes: Uint8Array, expectedBytes?: number) => Promise<Uint8Array>;

/** True when `bytes` start with the gzip magic number 1f 8b (RFC 1952). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** What a browser without DecompressionStream is told when it loads MNIST. */
export const NO_DECOMPRESSION_STREAM = 'this browser cannot unpack the MNIST files: it has no DecompressionStream (Chrome 80, Firefox 113, Safari 16.4 and later have it)';

/** The inflated bytes of gzip data as `DecompressionStream('gzip')` hands them over, chunk by chunk. */
function inflating(bytes: Uint8Array): ReadableStream<Uint8Array> {
  // Every engine the suite drives has it (Chromium 80, Firefox 113, Safari 16.4 and later); an older browser is
  // told what it lacks instead of failing on a name it does not know.
  if (typeof DecompressionStream !== 'function') throw new Error(NO_DECOMPRESSION_STREAM);
  // Copy into a fresh ArrayBuffer: the Blob constructor wants ArrayBuffer-backed views.
  return new Blob([bytes.slice()]).stream().pipeThrough(new DecompressionStream('gzip'));
}

/** Inflates gzip bytes with `DecompressionStream('gzip')`. */
export const inflateWithStreams: Inflate = async (bytes) => new Uint8Array(await new Response(inflating(bytes)).arrayBuffer());

/**
 * Inflates into a SharedArrayBuffer of the size the manifest promises, chunk by chunk as DecompressionStream
 * hands them over. Memory shared this way can be given to the training worker without copying it: MNIST is
 * 23 MB inflated, and copying it for the worker held up the page's main thread on every load (and kept two
 * copies alive). Only where SharedArrayBuffer exists (a cross-origin-isolated page, or Node);
 * elsewhere, and without a size, this is {@link inflateWithStreams}. Data that inflates to more than promised
 * (a wrong or corrupt file) is inflated again into ordinary memory, so the caller still sees and names its true
 * length.
 */
export const inflateIntoShared: Inflate = async (bytes, expectedBytes) => {
  if (typeof SharedArrayBuffer === 'undefined' || expectedBytes === undefined) return inflateWithStreams(bytes);
  const out = new Uint8Array(new SharedArrayBuffer(expectedBytes));
  let length = 0;
  const reader = inflating(bytes).getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    if (length + chunk.value.length > expectedBytes) {
      // Not the file the manifest describes: inflate it again, whole, only so its true length can be named.
      await reader.cancel();
      return inflateWithStreams(bytes);
    }
    out.set(chunk.value, length);
    length += chunk.value.length;
  }
  return length === expectedBytes ? out : out.subarray(0, length);
};
