/**
 * The runs the panels show: the lecture's four (pretext, transfer, scratch, random) under the current
 * settings, for the task in view. Other runs the page holds (other tasks, other seeds) stay in the store and
 * appear where everything is compared.
 */
import { useMemo } from 'react';
import { useLab } from '../../state/store';
import { experimentSpecs, type RunSpec, type TrunkUse } from '../../ml/experiment/runs';

/** The four specs under the current settings; a new object only when the settings change. */
export function useCurrentSpecs(): Record<TrunkUse, RunSpec> {
  const config = useLab((s) => s.config);
  return useMemo(() => experimentSpecs(config), [config]);
}
