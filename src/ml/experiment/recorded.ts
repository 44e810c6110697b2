/**
 * The recorded experiments the app ships, by kind: where each kind's file is for each instrument, and how it
 * is checked. The page reads every recording through this one table (`useRecorded` in src/lessons/shared), so
 * a new kind of recording is its types, its parser (built on recorded-file.ts) and one entry here.
 * Page-safe: no tfjs.
 */
import type { LeaderboardHead, LeaderboardResult } from './leaderboard-types';
import { parseLeaderboard } from './leaderboard-file';
import type { CurveReport } from './curve-report';
import { parseCurveFile } from './curve-file';
import type { PretextLengthResult } from './pretext-length-types';
import { PRETEXT_LENGTH_FILE, parsePretextLengthFile } from './pretext-length-file';

/** One kind of recording. */
export interface RecordedKind<Result> {
  /** Its file under `pretrained/` for each instrument it has been recorded with. */
  readonly files: Readonly<Partial<Record<LeaderboardHead, string>>>;
  /** Checks a file's JSON, throwing an Error that names the first thing wrong. */
  readonly parse: (json: unknown) => Result;
}

/** What each kind's file holds once checked. */
export interface RecordedResults {
  readonly leaderboard: LeaderboardResult;
  readonly curve: CurveReport;
  readonly 'pretext-length': PretextLengthResult;
}

/** A kind's name. */
export type RecordingName = keyof RecordedResults;

/** Every kind of recording the app ships. */
export const RECORDED: { readonly [Name in RecordingName]: RecordedKind<RecordedResults[Name]> } = {
  leaderboard: { files: { probe: 'leaderboard.json', lecture: 'leaderboard-lecture-head.json' }, parse: parseLeaderboard },
  curve: { files: { probe: 'curve.json', lecture: 'curve-lecture-head.json' }, parse: parseCurveFile },
  'pretext-length': { files: { probe: PRETEXT_LENGTH_FILE }, parse: parsePretextLengthFile },
};

/** The file of recording `name` read by `head`, or null when that kind is not recorded with that instrument. */
export function recordedFile(name: RecordingName, head: LeaderboardHead): string | null {
  return RECORDED[name].files[head] ?? null;
}
