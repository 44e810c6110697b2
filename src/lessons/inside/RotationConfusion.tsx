/**
 * The rotation head's mistakes split by digit: for each digit class, a 4x4 matrix of the turn applied
 * against the turn the head answered. Asked of the engine for the first 1,000 test images (about 100 per
 * digit) as soon as the tab shows, so a lecturer has nothing to click.
 */
import { useEffect, useMemo, useState } from 'react';
import { cell, matrixAccuracy, rotationConfusionByDigit, rowTotal } from '../../ml/eval/confusion';
import { ROTATION_CLASSES } from '../../components/prediction';
import { formatPercent } from '../../components/format';
import { useLab } from '../../state/store';
import { ask, forget, useAnswer } from '../../state/inspect';
import { ConfusionGrid } from './ConfusionGrid';
import type { Inspectable } from './useInspectable';

/** Test images the rotation head is asked about (each at four turns). */
const ROTATION_IMAGES = 1_000;

/** Props of {@link RotationConfusion}. */
export interface RotationConfusionProps {
  readonly model: Inspectable;
}

/** The ten per-digit rotation matrices. */
export function RotationConfusion({ model }: RotationConfusionProps) {
  const scaling = useLab((s) => s.config.scaling);
  const [request, setRequest] = useState<number | null>(null);
  const { id, version } = model;
  useEffect(() => {
    const requestId = ask({ kind: 'rotations', run: id, count: ROTATION_IMAGES, scaling });
    setRequest(requestId);
    return () => { if (requestId !== null) forget(requestId); };
  }, [id, version, scaling]);
  const answer = useAnswer(request);
  const matrices = useMemo(() => (answer?.kind === 'rotations' ? rotationConfusionByDigit(answer.predicted, answer.digits) : null), [answer]);

  if (answer?.kind === 'failed') return <p role="alert">{answer.message}</p>;
  if (!matrices) return <p role="status">Asking the rotation head about {ROTATION_IMAGES.toLocaleString('en-US')} test images at four turns each…</p>;
  // Half-turns of the digits that look alike upside down (0, 1, 8 and the 6/9 pair) against the rest: the
  // cells where nothing but the quirks of handwriting says which way is up.
  const alike = [0, 1, 6, 8, 9];
  const halfTurnRight = (digits: readonly number[]) => {
    let right = 0;
    let total = 0;
    for (const d of digits) { right += cell(matrices[d], 2, 2); total += rowTotal(matrices[d], 2); }
    return total > 0 ? right / total : 0;
  };
  const sixAsNine = rowTotal(matrices[6], 2) > 0 ? cell(matrices[6], 2, 0) / rowTotal(matrices[6], 2) : 0;
  const nineAsSix = rowTotal(matrices[9], 2) > 0 ? cell(matrices[9], 2, 0) / rowTotal(matrices[9], 2) : 0;
  return (
    <>
      <p className="note">
        <strong>What to look for:</strong> the 180° rows of the 0, the 1 and the 8, which look much the same upside down, and of
        the 6 and the 9, which turn into each other: there the head can only tell up from down by the quirks of handwriting (a
        1&apos;s slant, a 6&apos;s open top), so any confusion with 0° should gather there. Gidaris et al. (2018) chose rotation because
        knowing &ldquo;which way is up&rdquo; needs some idea of what the object is; these digits test how much idea the head has.
      </p>
      <p className="result">
        Half-turns answered correctly: {formatPercent(halfTurnRight(alike), 0)} for 0, 1, 6, 8 and 9 against {formatPercent(halfTurnRight([2, 3, 4, 5, 7]), 0)} for
        the other digits. An upside-down 6 taken for an upright one (that is, seen as a 9): {formatPercent(sixAsNine, 0)}; an upside-down 9 taken for upright: {formatPercent(nineAsSix, 0)}.
      </p>
      <div className="confusion-row">
        {matrices.map((m, d) => (
          <ConfusionGrid key={d} matrix={m} names={ROTATION_CLASSES} rowWord="turned" columnWord="answered" compact
            caption={`Digit ${d}: ${formatPercent(matrixAccuracy(m), 0)} right (${m.total / 4} images)`} />
        ))}
      </div>
    </>
  );
}
