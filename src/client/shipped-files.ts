/**
 * Fetching the JSON files the app ships (`public/pretrained/`: the models' manifest and model files, the
 * recorded experiments, and whatever is recorded next), each checked before anything reads it. One door for
 * all of them, so every one is fetched from the app's own origin only (the design promises no other network
 * at run time), an HTML page where a file should be is called missing (many static hosts, and Vite's dev
 * server, answer an unknown path with the app's index.html, not a 404), and a broken file is refused with a
 * sentence naming it.
 */

/** Folder under the app's base URL. */
export const PRETRAINED_DIR = 'pretrained/';

/** A shipped file that is not there: said as missing, not as broken, since a copy of the app may ship without it. */
export class MissingFileError extends Error {
  override readonly name = 'MissingFileError';
}

/**
 * `${base}pretrained/<file>`, refusing a base that names another origin. Vite's BASE_URL is a path ('/' or
 * '/sub/') or relative ('./'); anything with a scheme or starting '//' would reach another server.
 */
export function shippedUrl(base: string, file: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(base) || base.startsWith('//')) {
    throw new Error(`Shipped files are only loaded from the app's own origin, not from "${base}".`);
  }
  return `${base.endsWith('/') ? base : `${base}/`}${PRETRAINED_DIR}${file}`;
}

/**
 * Fetches `pretrained/<file>` from the app's origin. `missingHint` is added to the sentence for a 404
 * (how to make the file). Throws MissingFileError for a 404 or an HTML page, and Error for anything else.
 */
export async function fetchShipped(file: string, base: string = import.meta.env.BASE_URL, missingHint = ''): Promise<Response> {
  const name = `${PRETRAINED_DIR}${file}`;
  let response: Response;
  try {
    response = await fetch(shippedUrl(base, file));
  } catch (err) {
    throw new Error(`Could not fetch ${name}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const hint = missingHint ? ` ${missingHint}` : '';
  if (response.status === 404) throw new MissingFileError(`Could not fetch ${name}: the server answered 404 ${response.statusText}.${hint}`);
  if (!response.ok) throw new Error(`Could not fetch ${name}: the server answered ${response.status} ${response.statusText}.`);
  if ((response.headers.get('content-type') ?? '').includes('text/html')) throw new MissingFileError(`${name} is missing: the server answered with a web page.${hint}`);
  return response;
}

/** Fetches `pretrained/<file>` and parses it as JSON, naming the file when it is not JSON. */
export async function fetchShippedJson(file: string, base: string = import.meta.env.BASE_URL, missingHint = ''): Promise<unknown> {
  const text = await (await fetchShipped(file, base, missingHint)).text();
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new Error(`${PRETRAINED_DIR}${file} is not valid JSON (${err instanceof Error ? err.message : String(err)}); the file is corrupt or truncated.`);
  }
}

/** Loaded and checked, missing, or why not. */
export type Shipped<T> =
  | { readonly status: 'ready'; readonly result: T }
  | { readonly status: 'missing' }
  | { readonly status: 'failed'; readonly message: string };

const cache = new Map<string, Promise<Shipped<unknown>>>();

/**
 * `pretrained/<file>`, fetched once per page and checked by `parse` (which throws an Error naming the first
 * thing wrong). Never rejects: a missing file and a broken one are answers the page words differently.
 */
export function loadShipped<T>(file: string, parse: (json: unknown) => T, base: string = import.meta.env.BASE_URL): Promise<Shipped<T>> {
  const key = shippedUrl(base, file);
  let pending = cache.get(key) as Promise<Shipped<T>> | undefined;
  if (!pending) {
    pending = fetchShippedJson(file, base).then(
      (json): Shipped<T> => {
        try {
          return { status: 'ready', result: parse(json) };
        } catch (err) {
          return { status: 'failed', message: err instanceof Error ? err.message : String(err) };
        }
      },
      (err: unknown): Shipped<T> => (err instanceof MissingFileError ? { status: 'missing' } : { status: 'failed', message: err instanceof Error ? err.message : String(err) }),
    );
    cache.set(key, pending);
  }
  return pending;
}
