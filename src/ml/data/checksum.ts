/**
 * FNV-1a (32-bit) over a byte array, as 8 lowercase hex digits.
 *
 * Not a cryptographic hash: it is here to notice a truncated or corrupted asset (a half-finished
 * download, a file edited by hand), cheaply and identically in Node and in the browser.
 */
export function fnv1a32(bytes: Uint8Array): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    hash ^= bytes[i];
    // Multiply by the FNV prime 16777619 with 32-bit wrap-around, split so it stays exact in doubles.
    hash = (hash + ((hash << 1) + (hash << 4) + (hash << 7) + (hash << 8) + (hash << 24))) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
