/**
 * A {@link Picture} painted on an offscreen canvas at a multiple of its size (2x: sharp on a projector and on a
 * high-density laptop screen), then encoded as PNG. Paths go through Path2D, which takes SVG path data as it is.
 */
import { canvasFont } from './capture';
import type { Picture } from './picture';

/** The canvas with the picture painted at `scale` device pixels per CSS pixel. */
export function paintPicture(picture: Picture, scale: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(picture.width * scale));
  canvas.height = Math.max(1, Math.round(picture.height * scale));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser gave no 2D canvas to paint the figure on.');
  ctx.fillStyle = picture.background;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  for (const op of picture.ops) {
    ctx.save();
    if (op.kind === 'image') {
      ctx.setTransform(scale, 0, 0, scale, 0, 0);
      ctx.imageSmoothingEnabled = !op.pixelated;
      if (op.source) ctx.drawImage(op.source, op.x, op.y, op.width, op.height);
    } else {
      const [a, b, c, d, e, f] = op.matrix;
      ctx.setTransform(a * scale, b * scale, c * scale, d * scale, e * scale, f * scale);
      if (op.kind === 'path') {
        const p = op.paint;
        const path = new Path2D(op.d);
        if (p.fill !== null) {
          ctx.globalAlpha = p.opacity * p.fillOpacity;
          ctx.fillStyle = p.fill;
          ctx.fill(path, p.fillRule);
        }
        if (p.stroke !== null && p.strokeWidth > 0) {
          ctx.globalAlpha = p.opacity * p.strokeOpacity;
          ctx.strokeStyle = p.stroke;
          ctx.lineWidth = p.strokeWidth;
          ctx.lineCap = p.lineCap;
          ctx.lineJoin = p.lineJoin;
          ctx.setLineDash(p.dash);
          ctx.stroke(path);
        }
      } else {
        ctx.globalAlpha = op.opacity;
        ctx.font = canvasFont(op.font);
        ctx.fillStyle = op.fill;
        ctx.textAlign = op.anchor === 'middle' ? 'center' : op.anchor === 'end' ? 'right' : 'left';
        ctx.textBaseline = 'alphabetic';
        ctx.fillText(op.text, op.x, op.y);
      }
    }
    ctx.restore();
  }
  return canvas;
}

/** The picture as a PNG file. */
export function pictureToPng(picture: Picture, scale: number): Promise<Blob> {
  const canvas = paintPicture(picture, scale);
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The browser could not encode the PNG.'))), 'image/png');
  });
}
