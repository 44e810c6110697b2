/**
 * A result file recorded with the app (`public/pretrained/<name>`, written by one of the CLIs), fetched from
 * the app's own origin once per page and checked by `parse` before anything is shown: a corrupt file is
 * refused with its reason, a missing one is said as missing. "Missing" includes an HTML page where the file should
 * be: many static hosts (and Vite's dev server) answer an unknown path with the app's index.html, not a 404.
 */
import { useEffect, useState } from 'react';

/** Loading, loaded, or why not. */
export type Recorded<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly result: T }
  | { readonly status: 'missing' }
  | { readonly status: 'failed'; readonly message: string };

const cache = new Map<string, Promise<Recorded<unknown>>>();

async function load<T>(url: string, parse: (json: unknown) => T): Promise<Recorded<T>> {
  const response = await fetch(url);
  if (response.status === 404 || (response.headers.get('content-type') ?? '').includes('text/html')) return { status: 'missing' };
  if (!response.ok) return { status: 'failed', message: `the server answered ${response.status}` };
  try {
    return { status: 'ready', result: parse(await response.json()) };
  } catch (err) {
    return { status: 'failed', message: err instanceof Error ? err.message : String(err) };
  }
}

/** The recorded file `name` under `pretrained/`, parsed; fetched once per page. */
export function useRecordedFile<T>(name: string, parse: (json: unknown) => T): Recorded<T> {
  const [recorded, setRecorded] = useState<Recorded<T>>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    const url = `${import.meta.env.BASE_URL}pretrained/${name}`;
    let pending = cache.get(url) as Promise<Recorded<T>> | undefined;
    if (!pending) {
      pending = load(url, parse).catch((err: unknown): Recorded<T> => ({ status: 'failed', message: String(err) }));
      cache.set(url, pending);
    }
    void pending.then((r) => { if (live) setRecorded(r); });
    return () => { live = false; };
  }, [name, parse]);
  return recorded;
}
