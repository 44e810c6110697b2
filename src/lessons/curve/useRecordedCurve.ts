/**
 * The label-efficiency curve recorded with the app (`public/pretrained/curve.json`, written by
 * `npm run curve -- --json ...`), fetched from the app's own origin once and checked before it is shown.
 */
import { useEffect, useState } from 'react';
import { parseCurveFile } from '../../ml/experiment/curve-file';
import type { CurveReport } from '../../ml/experiment/curve-report';

/** Loading, loaded, or why not. */
export type Recorded =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly result: CurveReport }
  | { readonly status: 'missing' }
  | { readonly status: 'failed'; readonly message: string };

let cached: Promise<Recorded> | null = null;

async function load(base: string): Promise<Recorded> {
  const response = await fetch(`${base}pretrained/curve.json`);
  if (response.status === 404) return { status: 'missing' };
  if (!response.ok) return { status: 'failed', message: `the server answered ${response.status}` };
  try {
    return { status: 'ready', result: parseCurveFile(await response.json()) };
  } catch (err) {
    return { status: 'failed', message: err instanceof Error ? err.message : String(err) };
  }
}

/** The recorded curve; fetched once per page. */
export function useRecordedCurve(): Recorded {
  const [recorded, setRecorded] = useState<Recorded>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    cached ??= load(import.meta.env.BASE_URL).catch((err: unknown) => ({ status: 'failed', message: String(err) }) as const);
    void cached.then((r) => { if (live) setRecorded(r); });
    return () => { live = false; };
  }, []);
  return recorded;
}
