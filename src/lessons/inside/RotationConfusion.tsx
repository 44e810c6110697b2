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
import type { Inspectable } from './use-inspectable';

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
  // A half-turn read as upright: the cell that blurs for digits that look the same upside down.
  const halfTurn = matrices.map((m, d) => ({ d, share: rowTotal(m, 2) > 0 ? cell(m, 2, 0) / rowTotal(m, 2) : 0 })).sort((a, b) => b.share - a.share);
  return (
    <>
      <p className="note">
        <strong>What to look for:</strong> the 180° row of the 0, the 1 and the 8: upside down they still look upright, so the head
        often answers 0°. And the 6 and the 9 trade places: a 6 turned 180° <em>is</em> an upright 9 to anyone who has not seen it
        drawn. Gidaris et al. (2018) chose rotation because recognising &ldquo;which way is up&rdquo; needs some idea of what the object is; these
        digits are where no idea of the object can help.
      </p>
      <p className="result">
        Half-turns most often taken for upright: {halfTurn.slice(0, 4).map((h) => `${h.d} (${formatPercent(h.share, 0)})`).join(', ')}.
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
