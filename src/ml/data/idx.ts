/**
 * Parsing of the IDX format that MNIST has been distributed in since 1998 (LeCun, Cortes, Burges).
 *
 * An IDX file is a 4-byte magic number (two zero bytes, a type code 0x08 for unsigned bytes, and the
 * number of dimensions), then one big-endian 32-bit size per dimension, then the raw data.
 * Images are 3-dimensional (count, rows, cols); labels are 1-dimensional (count).
 */

/** A parsed IDX file: its dimension sizes and its bytes (a view, not a copy). */
export interface IdxArray {
  readonly dims: readonly number[];
  readonly data: Uint8Array;
}

/** Thrown when an asset is missing or not what it should be; the message names the file and the fix. */
export class DataAssetError extends Error {
  readonly file: string;

  constructor(file: string, problem: string) {
    super(`MNIST asset "${file}" ${problem}. Rebuild the assets with: npm run data`);
    this.file = file;
    this.name = 'DataAssetError';
  }
}

/** Parses an IDX byte buffer of unsigned bytes; `file` is only used in error messages. */
export function parseIdx(buffer: ArrayBuffer | Uint8Array, file: string): IdxArray {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  if (bytes.length < 8) throw new DataAssetError(file, `is too short (${bytes.length} bytes) to be an IDX file`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint16(0) !== 0 || view.getUint8(2) !== 0x08) {
    throw new DataAssetError(file, 'does not start with an IDX unsigned-byte magic number');
  }
  const rank = view.getUint8(3);
  if (rank < 1 || rank > 3) throw new DataAssetError(file, `has an unsupported rank ${rank}`);
  const headerBytes = 4 + 4 * rank;
  if (bytes.length < headerBytes) throw new DataAssetError(file, 'has a truncated header');
  const dims: number[] = [];
  for (let d = 0; d < rank; d++) dims.push(view.getUint32(4 + 4 * d));
  const expected = dims.reduce((a, b) => a * b, 1);
  const actual = bytes.length - headerBytes;
  if (actual !== expected) {
    throw new DataAssetError(file, `holds ${actual} data bytes where its header promises ${expected} (truncated or corrupt)`);
  }
  return { dims, data: bytes.subarray(headerBytes) };
}

/** Encodes an IDX unsigned-byte file (used by the build step to write subsets). */
export function encodeIdx(dims: readonly number[], data: Uint8Array): Uint8Array {
  const headerBytes = 4 + 4 * dims.length;
  const out = new Uint8Array(headerBytes + data.length);
  const view = new DataView(out.buffer);
  view.setUint8(2, 0x08);
  view.setUint8(3, dims.length);
  dims.forEach((size, d) => view.setUint32(4 + 4 * d, size));
  out.set(data, headerBytes);
  return out;
}
