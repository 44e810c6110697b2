/**
 * Inside the network: what did the trunk learn? Three views of the same trained models, as tabs: the first
 * layer's filters (and how far training moved them from their random start), where the classifiers and the
 * rotation head go wrong, and how the trunk's features arrange the test digits. Everything is computed in
 * the engine's worker; the page only draws.
 */
import { useState } from 'react';
import { Panel } from '../kit/Panel';
import { StepRef } from '../kit/StepRef';
import { useLab } from '../../state/store';
import { Tabs, tabIds, type TabSpec } from '../../components/Tabs';
import { PretrainedOffer } from '../shared/PretrainedOffer';
import { useCurrentSpecs } from '../shared/useRuns';
import { useInspectable } from './useInspectable';
import { FiltersTab } from './FiltersTab';
import { ConfusionTab } from './ConfusionTab';
import { EmbeddingTab } from './EmbeddingTab';
import './inside.css';

/** The three views. */
type View = 'filters' | 'confusion' | 'embedding';

const TABS: readonly TabSpec<View>[] = [
  { id: 'filters', label: 'Filters and activation maps' },
  { id: 'confusion', label: 'Confusion matrices' },
  { id: 'embedding', label: 'Embeddings' },
];

/** The inspection panel. */
export function InsidePanel() {
  const [view, setView] = useState<View>('filters');
  const specs = useCurrentSpecs();
  const models = useInspectable();
  const data = useLab((s) => s.data);
  const scaling = useLab((s) => s.config.scaling);

  return (
    <Panel id="inside">
      <p>
        Accuracy is one number. Here are three ways to look behind it, on any model you trained or loaded: the 64 filters of
        the first convolution before and after training, the mistakes each classifier makes, and a map of how the trunk&apos;s
        288 features arrange the test digits. Compare the rotation model (<StepRef id="pretext" />) with the supervised one
        and with the random control: what did each kind of training actually change?
      </p>
      {models.length === 0 && <p className="note" role="note">No model is trained or loaded yet.</p>}
      <PretrainedOffer spec={specs.pretext} />
      <Tabs tabs={TABS} selected={view} onSelect={setView} idPrefix="inside" label="Ways to look inside the network" />
      {TABS.map((tab) => {
        const ids = tabIds('inside', tab.id);
        const on = tab.id === view;
        // Every panel exists (so each tab's aria-controls points somewhere); only the chosen one is drawn and asks the engine.
        return (
          <div key={tab.id} role="tabpanel" id={ids.panel} aria-labelledby={ids.tab} hidden={!on} className="tab-panel">
            {on && data.status === 'ready' && tab.id === 'filters' && <FiltersTab models={models} mnist={data.mnist} scaling={scaling} />}
            {on && data.status === 'ready' && tab.id === 'confusion' && <ConfusionTab models={models} mnist={data.mnist} />}
            {on && data.status === 'ready' && tab.id === 'embedding' && <EmbeddingTab models={models} mnist={data.mnist} />}
            {on && data.status !== 'ready' && <p role="status">Loading MNIST…</p>}
          </div>
        );
      })}
    </Panel>
  );
}
