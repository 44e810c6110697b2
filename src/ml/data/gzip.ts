/**
 * Gzip, as the MNIST assets travel: the build step compresses them (Node's zlib) and the loader inflates them
 * here with the web-standard `DecompressionStream`, which browsers and Node 20 both have. We do not ask the
 * server to do it (Content-Encoding): a static host may not, and one that does must still work, so bytes that
 * arrive already inflated are recognised by their missing gzip header and passed through.
 */

/** Inflates gzip bytes; rejects on data that is not valid gzip (truncated, corrupt, wrong CRC). */
export type Inflate = (bytes: Uint8Array) => Promise<Uint8Array>;

/** True when `bytes` start with the gzip magic number 1f 8b (RFC 1952). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Inflates gzip bytes with `DecompressionStream('gzip')`. */
export const inflateWithStreams: Inflate = async (bytes) => {
  // Copy into a fresh ArrayBuffer: the Blob constructor wants ArrayBuffer-backed views.
  const stream = new Blob([bytes.slice()]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
};
