/**
 * The data: the MNIST splits, with their sizes and a few images from each, and which of them may use labels.
 */
import { useMemo } from 'react';
import { Panel } from '../kit/Panel';
import { useLab } from '../../state/store';
import { DigitGrid } from '../../components/DigitGrid';
import { makeSplits } from '../../ml/data/splits';
import { IMAGE_PIXELS, type ImageSet } from '../../ml/data/mnist';
import { formatThousands } from '../../components/format';
import { EXPORT_HOST, FigureExport, tableCsv } from '../../components/figure-export';

function samples(set: ImageSet, count: number, showLabels: boolean, prefix: string) {
  return Array.from({ length: Math.min(count, set.count) }, (_, i) => ({
    key: `${prefix}-${i}`,
    pixels: set.images.subarray(i * IMAGE_PIXELS, (i + 1) * IMAGE_PIXELS),
    caption: showLabels ? `label ${set.labels[i]}` : '?',
    label: showLabels ? `digit ${set.labels[i]}` : 'unlabelled digit',
  }));
}

/** The data panel. */
export function DataPanel() {
  const data = useLab((s) => s.data);
  const splitsConfig = useLab((s) => s.config.splits);
  const splits = useMemo(() => {
    if (data.status !== 'ready') return null;
    try {
      return makeSplits(data.mnist, splitsConfig);
    } catch {
      return null;
    }
  }, [data, splitsConfig]);

  return (
    <Panel id="data">
      {data.status === 'loading' && <p role="status">Loading MNIST from this site…</p>}
      {data.status === 'failed' && <p className="error" role="alert">Could not load MNIST: {data.message}</p>}
      {splits && (
        <>
          <p>
            Real MNIST handwritten digits, served by this site (loaded in {Math.round(data.status === 'ready' ? data.loadMs : 0)} ms).
            As in the lecture, we pretend most of them have no label.
          </p>
          <div className={EXPORT_HOST}>
          <table className="splits">
            <caption>How the images are used</caption>
            <thead>
              <tr><th scope="col">Set</th><th scope="col">Images</th><th scope="col">MNIST indices</th><th scope="col">Labels used?</th></tr>
            </thead>
            <tbody>
              <tr><th scope="row">Pretext (unlabelled)</th><td>{formatThousands(splits.pretext.count)}</td><td>training 0–{splits.pretext.count - 1}</td><td>No: only the rotation we apply</td></tr>
              <tr><th scope="row">Labelled (downstream)</th><td>{formatThousands(splits.labelled.count)}</td><td>training {splits.labelledStart}–{splits.labelledStart + splits.labelled.count - 1}</td><td>Yes: 80% to train, the last 20% to validate</td></tr>
              <tr><th scope="row">Test</th><td>{formatThousands(splits.test.count)}</td><td>test {splits.testStart}–{splits.testStart + splits.test.count - 1}</td><td>Only to score, never to train</td></tr>
            </tbody>
          </table>
          <FigureExport name="the table of how the images are used" file={['data splits']} data={tableCsv} />
          </div>
          <h3>Pretext images: the network never sees their labels</h3>
          <DigitGrid items={samples(splits.pretext, 12, false, 'p')} size={64} label="Unlabelled pretext images" />
          <h3>Labelled images for the downstream task</h3>
          <DigitGrid items={samples(splits.labelled, 12, true, 'l')} size={64} label="Labelled training images" />
        </>
      )}
    </Panel>
  );
}
