/**
 * The label-efficiency curves recorded with the app, one per instrument (written by `npm run curve -- --head
 * ...`): `public/pretrained/curve.json` read by the linear probe, `curve-lecture-head.json` by the lecture's
 * head. Each is fetched once and checked before it is shown.
 */
import { parseCurveFile } from '../../ml/experiment/curve-file';
import type { CurveReport } from '../../ml/experiment/curve-report';
import type { LeaderboardHead } from '../../ml/experiment/leaderboard-types';
import { useRecordedFile, type Recorded } from '../shared/useRecordedFile';

/** The shipped file of each instrument. */
export const CURVE_FILES: Readonly<Record<LeaderboardHead, string>> = { probe: 'curve.json', lecture: 'curve-lecture-head.json' };

/** The recorded curve read by `head`; fetched once per page. */
export function useRecordedCurve(head: LeaderboardHead): Recorded<CurveReport> {
  return useRecordedFile(CURVE_FILES[head], parseCurveFile);
}
