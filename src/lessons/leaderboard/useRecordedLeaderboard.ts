/**
 * The leaderboard recorded with the app (`public/pretrained/leaderboard.json`, written by
 * `npm run leaderboard -- --json ...`), fetched once and checked before it is shown.
 */
import { parseLeaderboard } from '../../ml/experiment/leaderboard-file';
import type { LeaderboardResult } from '../../ml/experiment/leaderboard-types';
import { useRecordedFile, type Recorded } from '../shared/useRecordedFile';

/** The recorded leaderboard; fetched once per page. */
export function useRecordedLeaderboard(): Recorded<LeaderboardResult> {
  return useRecordedFile('leaderboard.json', parseLeaderboard);
}
