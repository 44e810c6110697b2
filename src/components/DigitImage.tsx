/**
 * One MNIST-style image on a canvas, enlarged with hard pixel edges. The blockiness is the point: students
 * should see that the network gets 784 numbers, not a smooth drawing, and a blurred upscale would hide that.
 */
import { useLayoutEffect, useRef } from 'react';
import './components.css';

/** Props of {@link DigitImage}. */
export interface DigitImageProps {
  /** Row-major grayscale pixels, 0 (black) to 255 (white ink), as MNIST stores them; 28x28 = 784 values. */
  readonly pixels: Uint8Array;
  /** Displayed width and height in CSS pixels; defaults to 112 (4x). Whole multiples of 28 stay crispest. */
  readonly size?: number;
  /** What the image shows, for screen readers ("a handwritten 7, rotated 90°"). */
  readonly label: string;
  /** Visible text under the image; the image is then wrapped in a figure. */
  readonly caption?: string;
  /** 1 for grayscale (the default), 3 when `pixels` are RGB triples (a colorization target). */
  readonly channels?: 1 | 3;
}

/**
 * Side length of the square image: 28 for MNIST, but any square works (a downsampled drawing, a feature map
 * rescaled to 0-255). A non-square length is drawn as the largest square that fits, never as garbage rows.
 */
function sideOf(length: number): number {
  return Math.max(1, Math.floor(Math.sqrt(length)));
}

/**
 * Expands pixels to the RGBA bytes a canvas wants: a grey value repeated in R, G and B, or an RGB triple
 * copied; alpha opaque.
 */
function toRgba(pixels: Uint8Array, side: number, channels: 1 | 3): Uint8ClampedArray<ArrayBuffer> {
  const rgba = new Uint8ClampedArray(side * side * 4);
  for (let i = 0; i < side * side; i++) {
    for (let ch = 0; ch < 3; ch++) rgba[i * 4 + ch] = pixels[channels === 3 ? i * 3 + ch : i] ?? 0;
    rgba[i * 4 + 3] = 255;
  }
  return rgba;
}

/**
 * An image (grayscale, or RGB) drawn at its native resolution and scaled up by CSS with `image-rendering: pixelated`,
 * so each source pixel is a crisp square at any zoom (and the browser, not our code, does the scaling).
 */
export function DigitImage({ pixels, size = 112, label, caption, channels = 1 }: DigitImageProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const side = sideOf(pixels.length / channels);

  // Layout effect, so the first paint already shows the digit rather than a black square for one frame.
  useLayoutEffect(() => {
    const ctx = canvasRef.current?.getContext('2d');
    if (!ctx) return;
    ctx.putImageData(new ImageData(toRgba(pixels, side, channels), side, side), 0, 0);
  }, [pixels, side, channels]);

  const canvas = (
    <canvas
      ref={canvasRef}
      width={side}
      height={side}
      className="digit-image-canvas"
      style={{ width: size, height: size }}
      role="img"
      aria-label={label}
    >
      {label}
    </canvas>
  );
  if (caption === undefined) return canvas;
  return (
    <figure className="digit-image">
      {canvas}
      <figcaption>{caption}</figcaption>
    </figure>
  );
}
