/**
 * The leaderboards recorded with the app, one per instrument (written by `npm run leaderboard -- --head ...`):
 * `public/pretrained/leaderboard.json` read by the linear probe, `leaderboard-lecture-head.json` by the
 * lecture's head. Each is fetched once and checked before it is shown.
 */
import { parseLeaderboard } from '../../ml/experiment/leaderboard-file';
import type { LeaderboardHead, LeaderboardResult } from '../../ml/experiment/leaderboard-types';
import { useRecordedFile, type Recorded } from '../shared/useRecordedFile';

/** The shipped file of each instrument. */
export const LEADERBOARD_FILES: Readonly<Record<LeaderboardHead, string>> = { probe: 'leaderboard.json', lecture: 'leaderboard-lecture-head.json' };

/** The recorded leaderboard read by `head`; fetched once per page. */
export function useRecordedLeaderboard(head: LeaderboardHead): Recorded<LeaderboardResult> {
  return useRecordedFile(LEADERBOARD_FILES[head], parseLeaderboard);
}
