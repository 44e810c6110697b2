/**
 * The label-efficiency curve recorded with the app (`public/pretrained/curve.json`, written by
 * `npm run curve -- --json ...`), fetched once and checked before it is shown.
 */
import { parseCurveFile } from '../../ml/experiment/curve-file';
import type { CurveReport } from '../../ml/experiment/curve-report';
import { useRecordedFile, type Recorded } from '../shared/useRecordedFile';

/** The recorded curve; fetched once per page. */
export function useRecordedCurve(): Recorded<CurveReport> {
  return useRecordedFile('curve.json', parseCurveFile);
}
