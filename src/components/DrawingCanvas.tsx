/**
 * The draw-a-digit pad: students draw with a mouse, a pen or a finger, and we hand every change, already
 * prepared the MNIST way, to whoever is listening. Plus the small preview of the 28x28 image the models
 * actually receive, because seeing the drawing shrink to 784 blocky numbers is half the lesson.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { PointerEvent as ReactPointerEvent } from 'react';
import { OUTPUT_SIZE, preprocessDrawing, emptyPreprocessResult, type PreprocessResult } from '../ml/draw/preprocess';
import './DrawingCanvas.css';

/** A point on the pad as a fraction of its side (0-1), so strokes survive any resize or pixel ratio. */
interface StrokePoint {
  readonly x: number;
  readonly y: number;
}
type Stroke = StrokePoint[];

/**
 * The strokes are re-drawn on a hidden canvas of this fixed size for preprocessing. The model's input then
 * depends on the drawing alone, not on whether the student's screen has 1, 2 or 3 device pixels per CSS
 * pixel (and 280 is 10x MNIST, plenty for the area-averaging down to 20 px).
 */
const ANALYSIS_SIDE = 280;
/** Pen width as a fraction of the pad's side: a digit filling the pad shrinks to MNIST's ~2-3 px strokes. */
const PEN_WIDTH = 0.1;
/** Preprocess at most this often while a stroke is under way (~15 per second): enough to feel live. */
const LIVE_INTERVAL_MS = 1000 / 15;
const DEFAULT_LABEL = 'Drawing area: draw a digit with mouse, pen or finger';

/** White ink on black, like MNIST. Midpoint curves make fast strokes smooth instead of polygonal. */
function paintStrokes(ctx: CanvasRenderingContext2D, strokes: readonly Stroke[], side: number): void {
  ctx.fillStyle = '#000';
  ctx.fillRect(0, 0, side, side);
  ctx.fillStyle = ctx.strokeStyle = '#fff';
  ctx.lineWidth = side * PEN_WIDTH;
  ctx.lineCap = ctx.lineJoin = 'round';
  for (const stroke of strokes) {
    const p = stroke.map(({ x, y }) => ({ x: x * side, y: y * side }));
    if (p.length === 1) {
      // A tap: a round dot the width of the pen (a zero-length path draws nothing in some browsers).
      ctx.beginPath();
      ctx.arc(p[0].x, p[0].y, ctx.lineWidth / 2, 0, 2 * Math.PI);
      ctx.fill();
      continue;
    }
    ctx.beginPath();
    ctx.moveTo(p[0].x, p[0].y);
    for (let i = 1; i < p.length - 1; i++) {
      ctx.quadraticCurveTo(p[i].x, p[i].y, (p[i].x + p[i + 1].x) / 2, (p[i].y + p[i + 1].y) / 2);
    }
    ctx.lineTo(p[p.length - 1].x, p[p.length - 1].y);
    ctx.stroke();
  }
}

/** Props of {@link DrawingCanvas}. */
export interface DrawingCanvasProps {
  /** Receives the prepared 28x28 image while drawing (throttled), after each stroke, undo and clear. */
  readonly onChange: (result: PreprocessResult) => void;
  /** Accessible name of the drawing area; defaults to an instruction naming mouse, pen and finger. */
  readonly label?: string;
}

/**
 * A square black pad with white ink, sharp on high-DPI screens, with Undo and Clear buttons.
 * Strokes are kept as point lists and the pad is redrawn from them, which is what makes Undo trivial.
 */
export function DrawingCanvas({ onChange, label = DEFAULT_LABEL }: DrawingCanvasProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const analysisRef = useRef<CanvasRenderingContext2D | null>(null);
  const strokesRef = useRef<Stroke[]>([]);
  const activePointerRef = useRef<number | null>(null);
  const frameRef = useRef<number | null>(null);
  const lastEmitRef = useRef(0);
  const onChangeRef = useRef(onChange);
  const [strokeCount, setStrokeCount] = useState(0);

  // The latest callback, without re-creating the handlers (and the observer) whenever a parent re-renders.
  useLayoutEffect(() => {
    onChangeRef.current = onChange;
  });

  const repaint = useCallback(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (canvas && ctx) paintStrokes(ctx, strokesRef.current, canvas.width);
  }, []);

  const emit = useCallback(() => {
    lastEmitRef.current = performance.now();
    const strokes = strokesRef.current;
    if (strokes.length === 0) {
      onChangeRef.current(emptyPreprocessResult());
      return;
    }
    if (analysisRef.current === null) {
      const hidden = document.createElement('canvas');
      hidden.width = hidden.height = ANALYSIS_SIDE;
      // Tells the browser we read pixels back often, so it keeps this canvas in memory, not on the GPU.
      analysisRef.current = hidden.getContext('2d', { willReadFrequently: true });
    }
    const ctx = analysisRef.current;
    if (ctx === null) return;
    paintStrokes(ctx, strokes, ANALYSIS_SIDE);
    const rgba = ctx.getImageData(0, 0, ANALYSIS_SIDE, ANALYSIS_SIDE).data;
    const gray = new Uint8ClampedArray(ANALYSIS_SIDE * ANALYSIS_SIDE);
    for (let i = 0; i < gray.length; i++) gray[i] = rgba[i * 4]; // white ink: red = green = blue
    onChangeRef.current(preprocessDrawing(gray, ANALYSIS_SIDE, ANALYSIS_SIDE));
  }, []);

  /** Repaints on the next frame and, if the last update is old enough, sends a fresh one. */
  const scheduleFrame = useCallback(() => {
    if (frameRef.current !== null) return;
    frameRef.current = requestAnimationFrame(() => {
      frameRef.current = null;
      repaint();
      if (performance.now() - lastEmitRef.current >= LIVE_INTERVAL_MS) emit();
    });
  }, [repaint, emit]);

  const setStrokes = useCallback(
    (strokes: Stroke[]) => {
      activePointerRef.current = null;
      strokesRef.current = strokes;
      setStrokeCount(strokes.length);
      repaint();
      emit();
    },
    [repaint, emit],
  );

  // Match the backing store to the pad's size in device pixels, so ink is sharp on a 2x or 3x screen.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (canvas === null || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      // CSS size times the pixel ratio rather than the entry's device-pixel size: emulated pixel ratios
      // (devtools, Playwright) leave the latter at CSS pixels, and one device pixel more or less is invisible.
      const side = Math.max(1, Math.round(entry.contentRect.width * devicePixelRatio));
      if (canvas.width === side && canvas.height === side) return;
      canvas.width = canvas.height = side; // resizing wipes the canvas, so repaint at once
      repaint();
    });
    try {
      // This box also reports when only the pixel ratio changes (browser zoom, a window dragged to another
      // screen), which the plain content box does not.
      observer.observe(canvas, { box: 'device-pixel-content-box' });
    } catch {
      observer.observe(canvas); // Safari before 15.4 knows no such box
    }
    return () => observer.disconnect();
  }, [repaint]);

  useEffect(
    () => () => {
      if (frameRef.current !== null) cancelAnimationFrame(frameRef.current);
    },
    [],
  );

  const pointOf = (event: { clientX: number; clientY: number }, rect: DOMRect): StrokePoint => ({
    x: (event.clientX - rect.left) / rect.width,
    y: (event.clientY - rect.top) / rect.height,
  });

  const onPointerDown = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    // One pen at a time: a second finger or a palm resting on a tablet must not start a second stroke.
    if (activePointerRef.current !== null || (event.pointerType === 'mouse' && event.button !== 0)) return;
    event.preventDefault();
    // Capture keeps the stroke ours even when the pointer slides off the pad and comes back.
    event.currentTarget.setPointerCapture(event.pointerId);
    activePointerRef.current = event.pointerId;
    strokesRef.current = [...strokesRef.current, [pointOf(event, event.currentTarget.getBoundingClientRect())]];
    setStrokeCount(strokesRef.current.length);
    scheduleFrame();
  };

  const onPointerMove = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    if (event.pointerId !== activePointerRef.current) return;
    const stroke = strokesRef.current[strokesRef.current.length - 1];
    const rect = event.currentTarget.getBoundingClientRect();
    // Browsers deliver one move per frame; the coalesced events are the points in between, for smooth curves.
    const native = event.nativeEvent;
    const coalesced = typeof native.getCoalescedEvents === 'function' ? native.getCoalescedEvents() : [];
    for (const e of coalesced.length > 0 ? coalesced : [native]) stroke.push(pointOf(e, rect));
    scheduleFrame();
  };

  const endStroke = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    if (event.pointerId !== activePointerRef.current) return;
    activePointerRef.current = null;
    repaint();
    emit(); // always a final, unthrottled update when the pen lifts
  };

  return (
    <div className="drawing-canvas">
      <canvas
        ref={canvasRef}
        className="drawing-canvas-surface"
        width={320}
        height={320}
        role="img"
        aria-label={label}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endStroke}
        onPointerCancel={endStroke}
        onLostPointerCapture={endStroke}
        onContextMenu={(event) => event.preventDefault()}
      />
      <div className="drawing-canvas-tools">
        <button type="button" onClick={() => setStrokes(strokesRef.current.slice(0, -1))} disabled={strokeCount === 0}>
          Undo
        </button>
        <button type="button" onClick={() => setStrokes([])} disabled={strokeCount === 0}>
          Clear
        </button>
      </div>
    </div>
  );
}

/** Props of {@link PreprocessedPreview}. */
export interface PreprocessedPreviewProps {
  /** The latest result from {@link DrawingCanvas}; null (nothing drawn yet) shows as empty. */
  readonly result: PreprocessResult | null;
}

/**
 * The 28x28 image the models receive, enlarged with hard pixel edges so students can count the pixels.
 */
export function PreprocessedPreview({ result }: PreprocessedPreviewProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const empty = result === null || result.empty;

  useLayoutEffect(() => {
    const ctx = canvasRef.current?.getContext('2d');
    if (!ctx) return;
    const rgba = new Uint8ClampedArray(OUTPUT_SIZE * OUTPUT_SIZE * 4);
    for (let i = 0; i < OUTPUT_SIZE * OUTPUT_SIZE; i++) {
      const v = result?.pixels[i] ?? 0;
      rgba[i * 4] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = v;
      rgba[i * 4 + 3] = 255;
    }
    ctx.putImageData(new ImageData(rgba, OUTPUT_SIZE, OUTPUT_SIZE), 0, 0);
  }, [result]);

  return (
    <figure className="preprocessed-preview">
      <div className="preprocessed-preview-frame">
        <canvas
          ref={canvasRef}
          width={OUTPUT_SIZE}
          height={OUTPUT_SIZE}
          role="img"
          aria-label={empty ? 'Empty 28 by 28 image' : 'Your digit as the 28 by 28 image the models see'}
        />
        {empty && <p className="preprocessed-preview-empty">Empty: draw a digit</p>}
      </div>
      <figcaption>What the models see (28×28)</figcaption>
    </figure>
  );
}
