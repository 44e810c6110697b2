/**
 * A model summary table, or a short note while the engine (which builds the models) is still starting.
 */
import { ModelTable } from './ModelTable';
import type { ModelSummary } from '../ml/models/summary';

/** Props of {@link SummaryOrWait}. */
export interface SummaryOrWaitProps {
  readonly summary: ModelSummary | null;
  readonly caption: string;
}

/** Shows the table once a summary exists. */
export function SummaryOrWait({ summary, caption }: SummaryOrWaitProps) {
  if (!summary) return <p className="hint" role="status">The model summary appears once the training engine has started…</p>;
  return <ModelTable summary={summary} caption={caption} />;
}
