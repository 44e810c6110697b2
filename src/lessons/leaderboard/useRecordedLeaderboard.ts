/**
 * The leaderboard recorded with the app (`public/pretrained/leaderboard.json`, written by
 * `npm run leaderboard -- --json ...`), fetched from the app's own origin once and checked before it is shown.
 */
import { useEffect, useState } from 'react';
import { parseLeaderboard } from '../../ml/experiment/leaderboard-file';
import type { LeaderboardResult } from '../../ml/experiment/leaderboard-types';

/** Loading, loaded, or why not. */
export type Recorded =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly result: LeaderboardResult }
  | { readonly status: 'missing' }
  | { readonly status: 'failed'; readonly message: string };

let cached: Promise<Recorded> | null = null;

async function load(base: string): Promise<Recorded> {
  const response = await fetch(`${base}pretrained/leaderboard.json`);
  if (response.status === 404) return { status: 'missing' };
  if (!response.ok) return { status: 'failed', message: `the server answered ${response.status}` };
  try {
    return { status: 'ready', result: parseLeaderboard(await response.json()) };
  } catch (err) {
    return { status: 'failed', message: err instanceof Error ? err.message : String(err) };
  }
}

/** The recorded leaderboard; fetched once per page. */
export function useRecordedLeaderboard(): Recorded {
  const [recorded, setRecorded] = useState<Recorded>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    cached ??= load(import.meta.env.BASE_URL).catch((err: unknown) => ({ status: 'failed', message: String(err) }) as const);
    void cached.then((r) => { if (live) setRecorded(r); });
    return () => { live = false; };
  }, []);
  return recorded;
}
