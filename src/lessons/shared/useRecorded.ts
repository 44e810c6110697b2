/**
 * A recorded experiment shipped with the app (`public/pretrained/`, written by one of the CLIs), read for a
 * panel: the kind's file for the chosen instrument (src/ml/experiment/recorded.ts), fetched once per page from
 * the app's own origin and checked before anything is shown (src/client/shipped-files.ts). A corrupt file is
 * refused with its reason; a missing one is said as missing, since a copy of the app may ship without it.
 */
import { useEffect, useState } from 'react';
import { loadShipped, type Shipped } from '../../client/shipped-files';
import { RECORDED, recordedFile, type RecordedResults, type RecordingName } from '../../ml/experiment/recorded';
import type { LeaderboardHead } from '../../ml/experiment/leaderboard-types';

/** Loading, loaded, or why not. */
export type Recorded<T> = { readonly status: 'loading' } | Shipped<T>;

/** Recording `name` as read by `head` (the linear probe unless said), checked; fetched once per page. */
export function useRecorded<Name extends RecordingName>(name: Name, head: LeaderboardHead = 'probe'): Recorded<RecordedResults[Name]> {
  const [recorded, setRecorded] = useState<Recorded<RecordedResults[Name]>>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    const file = recordedFile(name, head);
    const parse = RECORDED[name].parse as (json: unknown) => RecordedResults[Name];
    const pending: Promise<Shipped<RecordedResults[Name]>> = file === null ? Promise.resolve({ status: 'missing' }) : loadShipped(file, parse);
    void pending.then((r) => { if (live) setRecorded(r); });
    return () => { live = false; };
  }, [name, head]);
  return recorded;
}
