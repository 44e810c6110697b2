/**
 * Hands a file to the browser as a download. An object URL of the app's own bytes is a navigation the page
 * starts, not a fetch from another origin, so no Content-Security-Policy directive stands in its way.
 */

/** Downloads `blob` under `name`. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later rather than at once: some browsers read the URL after the click returns, and a revoked one
  // would leave an empty download. Kept, it would hold the file's bytes until the page closes.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
