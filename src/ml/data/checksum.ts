/**
 * FNV-1a (32-bit) over a byte array, as 8 lowercase hex digits.
 *
 * Not a cryptographic hash: it is here to notice a truncated or corrupted asset (a half-finished
 * download, a file edited by hand), cheaply and identically in Node and in the browser.
 */
export function fnv1a32(bytes: Uint8Array): string {
  let hash = 0x811c9dc5 | 0;
  // Multiply by the FNV prime 16777619 with 32-bit wrap-around. Math.imul does exactly that in one step, and
  // faster than spelling the product out in shifts, which matters because this runs over all 23 MB of MNIST
  // on every page load.
  for (let i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i], 16777619);
  return (hash >>> 0).toString(16).padStart(8, '0');
}
