/**
 * The MNIST files, fetched once more through the service worker right after it first takes control. On a first
 * visit the page reads them before the worker is installed, so they would otherwise not be cached until the
 * second visit, and a student who went offline after one visit would find the data missing.
 */

/** Shape of the parts of public/data/manifest.json that name the files. */
interface DataManifest {
  readonly assets: Readonly<Record<string, { readonly file: string }>>;
}

function controlled(): Promise<void> {
  const sw = navigator.serviceWorker;
  if (sw.controller) return Promise.resolve();
  return new Promise((resolve) => sw.addEventListener('controllerchange', () => resolve(), { once: true }));
}

/** Reads every data file through the service worker, whose runtime cache keeps them (see vite.config.ts). */
export async function cacheDataForOffline(base: string = import.meta.env.BASE_URL): Promise<void> {
  await controlled();
  const manifest = await fetch(`${base}data/manifest.json`);
  if (!manifest.ok) return;
  const { assets } = (await manifest.json()) as DataManifest;
  // One at a time: the browser's HTTP cache usually answers, and there is no hurry.
  for (const { file } of Object.values(assets)) await (await fetch(`${base}data/${file}`)).arrayBuffer();
}
