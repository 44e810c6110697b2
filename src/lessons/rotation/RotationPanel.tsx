/**
 * Rotation data generation. Each unlabelled image becomes four examples, labelled by the rotation alone.
 */
import { useMemo, useState } from 'react';
import { Panel } from '../Panel';
import { useLab, makeRotations } from '../../state/store';
import { DigitGrid } from '../../components/DigitGrid';
import { IMAGE_PIXELS } from '../../ml/data/mnist';
import { rot90Into, ROTATION_NAMES } from '../../ml/pretext/rotation';
import { formatThousands } from '../../components/format';

const ONE_HOT = ['[1, 0, 0, 0]', '[0, 1, 0, 0]', '[0, 0, 1, 0]', '[0, 0, 0, 1]'];

/** The rotation panel. */
export function RotationPanel() {
  const data = useLab((s) => s.data);
  const rotations = useLab((s) => s.rotations);
  const pretextCount = useLab((s) => s.config.splits.pretextCount);
  const [index, setIndex] = useState(3);
  const items = useMemo(() => {
    if (data.status !== 'ready') return [];
    const src = data.mnist.train.images.subarray(index * IMAGE_PIXELS, (index + 1) * IMAGE_PIXELS);
    return [0, 1, 2, 3].map((k) => {
      const pixels = new Uint8Array(IMAGE_PIXELS);
      rot90Into(src, pixels, k);
      return { key: `${index}-${k}`, pixels, caption: `${ROTATION_NAMES[k]} → label ${k} ${ONE_HOT[k]}`, label: `image ${index} turned ${ROTATION_NAMES[k]} counter-clockwise, label ${k}` };
    });
  }, [data, index]);

  return (
    <Panel id="rotation">
      <p>
        Every pretext image is turned by 0°, 90°, 180° and 270° (counter-clockwise, like numpy&apos;s <code>np.rot90</code>).
        The label is the rotation, written one-hot as in the lecture. No person labelled anything, and the digit&apos;s
        own label is never read. The dataset grows four times: {formatThousands(pretextCount)} images become{' '}
        {formatThousands(pretextCount * 4)} examples.
      </p>
      <div className="controls" role="group" aria-label="Choose an image">
        <button type="button" onClick={() => setIndex((i) => (i + pretextCount - 1) % pretextCount)}>Previous image</button>
        <button type="button" onClick={() => setIndex((i) => (i + 1) % pretextCount)}>Next image</button>
        <button type="button" onClick={() => setIndex(Math.floor(Math.random() * pretextCount))}>Shuffle</button>
        <span className="hint">pretext image #{index}</span>
      </div>
      <DigitGrid items={items} size={96} label={`The four rotations of pretext image ${index}`} />
      <div className="controls">
        <button type="button" className="primary" onClick={makeRotations} disabled={data.status !== 'ready' || rotations.status === 'building'}>
          Generate the rotation dataset
        </button>
        {rotations.status === 'building' && <span role="status">Generating…</span>}
        {rotations.status === 'ready' && (
          <span role="status">
            Made {formatThousands(rotations.count)} labelled examples in {rotations.ms < 10 ? rotations.ms.toFixed(1) : Math.round(rotations.ms)} ms
            with typed arrays. (The lecture&apos;s loop of one-hot tensors takes about 13 s for the same work.)
          </span>
        )}
      </div>
    </Panel>
  );
}
