/**
 * Tab 3: the trunk's 288 features of the first test digits, flattened to 2-D, for two trunks side by side.
 * PCA is exact and quick; UMAP (McInnes et al., 2018) runs in the worker a few epochs at a time, with a
 * progress bar and a Stop. If a pretext task taught the trunk something about digits, its picture should
 * gather each digit's points together more than the random trunk's does.
 */
import { useEffect, useState } from 'react';
import type { Mnist } from '../../ml/data/mnist';
import type { EmbeddingMethod } from '../../runtime/inspect-messages';
import { useLab } from '../../state/store';
import { ask, forget, stopAsking, useAnswer } from '../../state/inspect';
import { ProgressBar } from '../../components/ProgressBar';
import { formatPercent } from '../../components/format';
import { EmbeddingScatter } from './EmbeddingScatter';
import { RunPicker } from './RunPicker';
import { trunkStory, type Inspectable } from './useInspectable';

/** How many test digits may be laid out: more is a truer picture, fewer is faster (UMAP grows faster than linearly). */
export const EMBED_COUNTS = [300, 1_000, 2_000] as const;
/** A choice of how many test digits to lay out. */
export type EmbedCount = (typeof EMBED_COUNTS)[number];

/** Props of {@link EmbeddingTab}. */
export interface EmbeddingTabProps {
  readonly models: readonly Inspectable[];
  readonly mnist: Mnist;
}

/** A request that the two sides share: run them when `generation` changes. */
interface Layout {
  readonly generation: number;
  readonly method: EmbeddingMethod;
  readonly count: EmbedCount;
}

/** One side: a trunk picker and its layout. */
function EmbeddingSide({ side, models, mnist, layout, chosen, onChoose, onRequest }: {
  readonly side: 'left' | 'right'; readonly models: readonly Inspectable[]; readonly mnist: Mnist; readonly layout: Layout | null;
  readonly chosen: Inspectable; readonly onChoose: (id: string) => void; readonly onRequest: (side: 'left' | 'right', id: number | null) => void;
}) {
  const scaling = useLab((s) => s.config.scaling);
  const seed = useLab((s) => s.config.seed);
  const [request, setRequest] = useState<number | null>(null);
  const { id: run } = chosen;
  useEffect(() => {
    if (!layout) return undefined;
    const id = ask({ kind: 'embedding', run, count: layout.count, method: layout.method, seed, scaling });
    setRequest(id);
    onRequest(side, id);
    return () => { if (id !== null) { stopAsking(id); forget(id); } };
    // A new layout is made on request (the button), not whenever a picker moves.
  }, [layout]);
  const answer = useAnswer(request);
  // Name a layout by the trunk it was made from: the picker may have moved on since the button was pressed.
  const runOf = answer && 'run' in answer ? answer.run : run;
  const name = models.find((m) => m.id === runOf)?.label ?? runOf;
  return (
    <div className="embedding-side">
      <RunPicker label={side === 'left' ? 'Left trunk' : 'Right trunk'} models={models} value={chosen.id} onChange={onChoose} />
      <p className="hint">{trunkStory(chosen.spec)}.</p>
      {answer?.kind === 'pending' && <p role="status">Computing the trunk&apos;s features…</p>}
      {answer?.kind === 'embeddingProgress' && (
        <ProgressBar label={`UMAP layout, ${name}`} value={answer.epoch / answer.epochs} detail={`epoch ${answer.epoch} of ${answer.epochs}`} />
      )}
      {answer?.kind === 'failed' && <p role="alert">{answer.message}</p>}
      {answer?.kind === 'embedding' && (
        <>
          <EmbeddingScatter title={`${name}: ${answer.method === 'pca' ? 'PCA' : 'UMAP'}`} points={answer.points} labels={answer.labels} mnist={mnist}
            axisNames={answer.method === 'pca' ? [`PC 1 (${formatPercent(answer.explained[0], 0)} of variance)`, `PC 2 (${formatPercent(answer.explained[1], 0)})`] : ['UMAP 1', 'UMAP 2']} />
          {answer.stopped && <p className="hint">Stopped early: this is the layout as far as it got.</p>}
        </>
      )}
    </div>
  );
}

/** The embeddings tab. */
export function EmbeddingTab({ models, mnist }: EmbeddingTabProps) {
  const [method, setMethod] = useState<EmbeddingMethod>('pca');
  const [count, setCount] = useState<EmbedCount>(1_000);
  const [layout, setLayout] = useState<Layout | null>(null);
  const [leftId, setLeftId] = useState<string | null>(null);
  const [rightId, setRightId] = useState<string | null>(null);
  const [requests, setRequests] = useState<{ left: number | null; right: number | null }>({ left: null, right: null });
  const leftAnswer = useAnswer(requests.left);
  const rightAnswer = useAnswer(requests.right);
  // Sensible pair: a trained trunk (the rotation model first) against the random one.
  const left = models.find((m) => m.id === leftId) ?? models.find((m) => m.spec.use === 'pretext') ?? models[0];
  const right = models.find((m) => m.id === rightId) ?? models.find((m) => m.spec.use === 'random') ?? models[models.length - 1];
  const running = [leftAnswer, rightAnswer].some((a) => a?.kind === 'pending' || a?.kind === 'embeddingProgress');

  if (!left || !right) return <p className="hint">No model is trained or loaded yet: load the pre-trained models above, or train one.</p>;
  const onRequest = (side: 'left' | 'right', id: number | null) => setRequests((r) => ({ ...r, [side]: id }));
  return (
    <>
      <p className="note"><strong>What to look for:</strong> does each colour (a digit) gather in its own island? Compare the two sides: if the pretext task pulled each digit&apos;s images together, the trained trunk&apos;s islands are tighter and further apart than the random trunk&apos;s. Tight, separate islands mean a simple head on these features has an easy job.</p>
      <div className="controls">
        <fieldset className="choice inline">
          <legend>Flatten with</legend>
          <label><input type="radio" name="inside-method" checked={method === 'pca'} onChange={() => setMethod('pca')} /> PCA (exact, linear)</label>
          <label><input type="radio" name="inside-method" checked={method === 'umap'} onChange={() => setMethod('umap')} /> UMAP (neighbours, seeded)</label>
        </fieldset>
        <label className="field inline">Test digits
          <select value={count} onChange={(e) => setCount(Number(e.target.value) as EmbedCount)}>
            {EMBED_COUNTS.map((c) => <option key={c} value={c}>{c.toLocaleString('en-US')}</option>)}
          </select>
        </label>
        <button type="button" className="primary" disabled={running} onClick={() => setLayout((l) => ({ generation: (l?.generation ?? 0) + 1, method, count }))}>
          Lay out both trunks
        </button>
        {running && <button type="button" onClick={() => { if (requests.left !== null) stopAsking(requests.left); if (requests.right !== null) stopAsking(requests.right); }}>Stop</button>}
      </div>
      <p className="hint">
        PCA draws the two directions along which the 288 features vary most: faithful, but a straight-line view. UMAP keeps each digit&apos;s
        nearest neighbours near it and can untangle curved structure, but the distances <em>between</em> islands mean little. Same seed, same picture.
      </p>
      <div className="chart-pair">
        <EmbeddingSide side="left" models={models} mnist={mnist} layout={layout} chosen={left} onChoose={setLeftId} onRequest={onRequest} />
        <EmbeddingSide side="right" models={models} mnist={mnist} layout={layout} chosen={right} onChoose={setRightId} onRequest={onRequest} />
      </div>
    </>
  );
}
